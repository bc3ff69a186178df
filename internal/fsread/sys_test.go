package fsread

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// The system-call readers answer as os.ReadFile and os.ReadDir do.
func TestReadersMatchOS(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("0123456789abcdef"), 1000) // several read calls
	files := map[string][]byte{"empty": nil, "small.py": []byte("x = 1\n"), "big": big}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 300; i++ { // more entries than one getdents buffer holds
		if err := os.Mkdir(filepath.Join(dir, fmt.Sprintf("d%03d-%s", i, bytes.Repeat([]byte("n"), i%40))), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("small.py", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	for n, want := range files {
		got, err := readFile(filepath.Join(dir, n))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("readFile(%s) = %d bytes, %v; want %d bytes", n, len(got), err, len(want))
		}
	}
	// fstat gives /proc files no size: read to the end all the same.
	if want, err := os.ReadFile("/proc/self/status"); err == nil {
		got, err := readFile("/proc/self/status")
		if err != nil || len(got) == 0 || !bytes.HasPrefix(got, want[:bytes.IndexByte(want, '\n')]) {
			t.Errorf("readFile(/proc/self/status) = %q, %v", got, err)
		}
	}
	got, err := readDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadDir(dir)
	if len(got) != len(want) {
		t.Fatalf("readDir: %d entries, os.ReadDir %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Name() != want[i].Name() || got[i].Type() != want[i].Type() || got[i].IsDir() != want[i].IsDir() {
			t.Errorf("entry %d: %s %v, want %s %v", i, got[i].Name(), got[i].Type(), want[i].Name(), want[i].Type())
		}
	}
	// scanDir gives the file system's order, as os.File.ReadDir does,
	// across several getdents64 calls, and stops where it is asked to.
	d, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	inOrder, err := d.ReadDir(-1)
	d.Close()
	if err != nil {
		t.Fatal(err)
	}
	all, stopped, err := scanDir(dir, -1, nil)
	if err != nil || stopped || len(all) != len(inOrder) {
		t.Fatalf("scanDir: %d entries, stopped %v, %v; want %d", len(all), stopped, err, len(inOrder))
	}
	for i := range inOrder {
		if all[i].Name() != inOrder[i].Name() || all[i].Type() != inOrder[i].Type() {
			t.Errorf("scanDir entry %d: %s %v, want %s %v", i, all[i].Name(), all[i].Type(), inOrder[i].Name(), inOrder[i].Type())
		}
	}
	if first, stopped, err := scanDir(dir, 5, nil); err != nil || !stopped || len(first) != 5 || first[4].Name() != inOrder[4].Name() {
		t.Errorf("scanDir limit 5: %d entries, stopped %v, %v", len(first), stopped, err)
	}
	hundred, stopped, err := scanDir(dir, -1, func(e os.DirEntry) bool { return e.Name() == inOrder[99].Name() })
	if err != nil || !stopped || len(hundred) != 100 {
		t.Errorf("scanDir stopping at the 100th entry: %d entries, stopped %v, %v", len(hundred), stopped, err)
	}
	for _, bad := range []string{filepath.Join(dir, "missing"), filepath.Join(dir, "small.py", "below")} {
		_, err0 := readFile(bad)
		_, errOS := os.ReadFile(bad)
		if errors.Is(err0, fs.ErrNotExist) != errors.Is(errOS, fs.ErrNotExist) || err0 == nil {
			t.Errorf("readFile(%s): %v; os: %v", bad, err0, errOS)
		}
		if _, _, err := scanDir(bad, -1, nil); errors.Is(err, fs.ErrNotExist) != errors.Is(errOS, fs.ErrNotExist) || err == nil {
			t.Errorf("scanDir(%s): %v; os: %v", bad, err, errOS)
		}
		_, err1 := readDir(bad)
		_, err2 := os.ReadDir(bad)
		if errors.Is(err1, fs.ErrNotExist) != errors.Is(err2, fs.ErrNotExist) || (err1 == nil) != (err2 == nil) {
			t.Errorf("readDir(%s): %v; os: %v", bad, err1, err2)
		}
	}
	if _, err := readDir(filepath.Join(dir, "small.py")); err == nil {
		t.Error("readDir of a file: no error")
	}
}
