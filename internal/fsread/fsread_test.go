package fsread

import (
	"os"
	"path/filepath"
	"strings"
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

// ScanDir reads no further than its caller asks, and its record holds a
// result to what it read: the entries seen, and that there were no more
// when it saw them all.
func TestScanDir(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "b", "c"} {
		os.Mkdir(filepath.Join(dir, name), 0o755)
	}
	scan := func(stopAt int) ([]string, []Entry) {
		var names []string
		entries := Record(func() {
			err := ScanDir(dir, func(e os.DirEntry) bool {
				names = append(names, e.Name())
				return len(names) == stopAt
			})
			if err != nil {
				t.Fatal(err)
			}
		})
		return names, entries
	}
	first, stopped := scan(1)
	if len(first) != 1 || len(stopped) != 1 || stopped[0].Op != OpDirHead || !strings.HasPrefix(stopped[0].Sum, "1:") {
		t.Fatalf("stopping at the first entry: saw %v, recorded %v", first, stopped)
	}
	all, whole := scan(-1)
	if len(all) != 3 || !strings.HasPrefix(whole[0].Sum, "all:") {
		t.Fatalf("scanning everything: saw %v, recorded %v", all, whole)
	}
	if !Valid(stopped) || !Valid(whole) {
		t.Fatal("unchanged folder: not valid")
	}
	// One more entry: the whole scan would have seen it; the first
	// entry is still first unless the file system lists it before.
	os.Mkdir(filepath.Join(dir, "d"), 0o755)
	if Valid(whole) {
		t.Error("an entry added after a whole scan is not seen")
	}
	again, _ := scan(1)
	if Valid(stopped) != (again[0] == first[0]) {
		t.Errorf("first entry %s, now %s: valid %v", first[0], again[0], Valid(stopped))
	}
	// The entry seen goes: whatever comes first now differs from it.
	os.Remove(filepath.Join(dir, "d"))
	os.Remove(filepath.Join(dir, first[0]))
	if Valid(stopped) {
		t.Errorf("removing %s, the entry scanned, is not seen", first[0])
	}
	os.RemoveAll(dir)
	if Valid(stopped) || Valid(whole) {
		t.Error("a folder removed is not seen")
	}
	// A folder missing when scanned is valid until it appears.
	missing := Record(func() { ScanDir(dir, func(os.DirEntry) bool { return true }) })
	if len(missing) != 1 || missing[0].Sum != "missing" || !Valid(missing) {
		t.Fatalf("missing folder recorded as %v", missing)
	}
	os.Mkdir(dir, 0o755)
	if Valid(missing) {
		t.Error("a missing folder that appears is not seen")
	}
}
