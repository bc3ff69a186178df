//go:build !linux

package fsread

import "os"

func readFile(path string) ([]byte, error) { return os.ReadFile(path) }

func readDir(path string) ([]os.DirEntry, error) { return os.ReadDir(path) }
