package fsread

import (
	"os"
	"path/filepath"
	"testing"
	"time"
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

// An old file is checked by size and time; a new time means reading it.
func TestStatShortcut(t *testing.T) {
	f := filepath.Join(t.TempDir(), "old.py")
	os.WriteFile(f, []byte("aaa"), 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(f, old, old)
	j := Start()
	ReadFile(f)
	Stop()
	e := j.Entries()
	if len(e) != 1 || e[0].Stat == "" {
		t.Fatalf("no stat signature recorded: %+v", e)
	}
	// Same size and time: taken as unchanged, without reading.
	os.WriteFile(f, []byte("bbb"), 0o644)
	os.Chtimes(f, old, old)
	if !Valid(e) {
		t.Error("same size and time should be taken as unchanged")
	}
	// A new time: read again, and the content differs.
	now := time.Now()
	os.Chtimes(f, now, now)
	if Valid(e) {
		t.Error("changed content with a new time not seen")
	}
}

// A new file, a missing one and a directory get no size-and-time
// signature: they are read again to be checked.
func TestStatShortcutOnlyForOldFiles(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "new.py")
	os.WriteFile(fresh, []byte("x"), 0o644)
	j := Start()
	ReadFile(fresh)
	ReadFile(filepath.Join(dir, "missing.yml"))
	ReadFile(dir)
	Stop()
	for _, e := range j.Entries() {
		if e.Stat != "" {
			t.Errorf("%s: signature %q", e.Path, e.Stat)
		}
	}
	if n := len(j.Entries()); n != 3 {
		t.Errorf("%d entries, want 3", n)
	}
}
