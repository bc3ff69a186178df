package fsread

import (
	"os"
	"path/filepath"
	"testing"
)

func TestJournalValid(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.txt")
	os.WriteFile(f, []byte("one"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	j := Start()
	ReadFile(f)
	ReadFile(filepath.Join(dir, "missing"))
	ReadDir(dir)
	Stat(filepath.Join(dir, "sub"))
	Glob(filepath.Join(dir, "*.txt"))
	WalkDir(dir, func(string, os.DirEntry, error) error { return nil })
	Stop()
	entries := j.Entries()
	if len(entries) != 6 {
		t.Fatalf("%d entries, want 6: %v", len(entries), entries)
	}
	if !Valid(entries) {
		t.Fatal("unchanged reads are not valid")
	}
	for name, change := range map[string]func(){
		"content":      func() { os.WriteFile(f, []byte("two"), 0o644) },
		"new file":     func() { os.WriteFile(filepath.Join(dir, "missing"), nil, 0o644) },
		"dir to file":  func() { os.Remove(filepath.Join(dir, "sub")); os.WriteFile(filepath.Join(dir, "sub"), nil, 0o644) },
		"listing only": func() { os.WriteFile(filepath.Join(dir, "b.log"), nil, 0o644) },
	} {
		os.RemoveAll(dir)
		os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
		os.WriteFile(f, []byte("one"), 0o644)
		if !Valid(entries) {
			t.Fatalf("%s: restored tree is not valid", name)
		}
		change()
		if Valid(entries) {
			t.Errorf("%s: change not seen", name)
		}
	}
	// Nothing is recorded without a journal.
	ReadFile(f)
	if n := len(j.Entries()); n != 6 {
		t.Errorf("recorded after Stop: %d entries", n)
	}
}
