//go:build !linux

package fsread

import "os"

func readFile(path string) ([]byte, error) { return os.ReadFile(path) }

// readFileStat reads a file; its size and time are unknown here.
func readFileStat(path string) ([]byte, fileStat, error) {
	b, err := os.ReadFile(path)
	return b, fileStat{}, err
}

func readDir(path string) ([]os.DirEntry, error) { return os.ReadDir(path) }
