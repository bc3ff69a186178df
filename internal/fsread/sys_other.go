//go:build !linux

package fsread

import (
	"io"
	"os"
)

func readFile(path string) ([]byte, error) { return os.ReadFile(path) }

// readFileStat reads a file; its size and time are unknown here.
func readFileStat(path string) ([]byte, fileStat, error) {
	b, err := os.ReadFile(path)
	return b, fileStat{}, err
}

func readDir(path string) ([]os.DirEntry, error) { return os.ReadDir(path) }

// scanDir is ScanDir's reading (see fsread.go), with os.File.ReadDir.
func scanDir(path string, limit int, f func(os.DirEntry) bool) (seen []os.DirEntry, stopped bool, err error) {
	d, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer d.Close()
	for limit < 0 || len(seen) < limit {
		n := 64
		if limit >= 0 {
			n = min(n, limit-len(seen))
		}
		batch, err := d.ReadDir(n)
		for _, e := range batch {
			seen = append(seen, e)
			if f != nil && f(e) {
				return seen, true, nil
			}
		}
		if err == io.EOF {
			return seen, false, nil
		}
		if err != nil {
			return seen, false, err
		}
	}
	return seen, true, nil
}
