package memo

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/conid/conid/internal/fsread"
)

// Writers and readers of one key at once: a reader sees a whole entry or
// none, never a partial one, and nothing is left behind but the entry.
func TestConcurrentPutGet(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	key := Key("concurrent")
	big := bytes.Repeat([]byte("x"), 1<<20)
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := 0; i < 16; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if err := s.Put(&Entry{Key: key, Stdout: big}); err != nil {
				errs <- err
			}
		}()
		go func() {
			defer wg.Done()
			for k := 0; k < 20; k++ {
				if e, ok := s.Get(key); ok && !bytes.Equal(e.Stdout, big) {
					errs <- fmt.Errorf("partial entry: %d bytes", len(e.Stdout))
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	files, _ := filepath.Glob(filepath.Join(s.Dir, "*", "*"))
	if len(files) != 1 {
		t.Errorf("files left: %v", files)
	}
}

func TestGetInvalidated(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "recipe.py")
	os.WriteFile(f, []byte("a"), 0o644)
	j := fsread.Start()
	fsread.ReadFile(f)
	fsread.Stop()
	s := &Store{Dir: filepath.Join(dir, "store")}
	key := Key("k")
	if err := s.Put(&Entry{Key: key, Inputs: j.Entries(), Stdout: []byte("out")}); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Get(key); !ok {
		t.Fatal("miss on a valid entry")
	}
	os.WriteFile(f, []byte("b"), 0o644)
	if _, ok := s.Get(key); ok {
		t.Fatal("hit after an input changed")
	}
	// A damaged entry is a miss, not an error.
	os.WriteFile(s.path(key), []byte("{not json"), 0o644)
	if _, ok := s.Get(key); ok {
		t.Fatal("hit on a damaged entry")
	}
}

// Processes filing the same content at once leave one blob; an entry is
// a hit only while its files' blobs are there whole.
func TestBlobs(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	content := bytes.Repeat([]byte("lockfile "), 100000)
	var wg sync.WaitGroup
	files := make([]File, 8)
	for i := range files {
		wg.Go(func() {
			b, err := s.NewBlob()
			if err != nil {
				t.Error(err)
				return
			}
			for p := content; len(p) > 0; p = p[min(len(p), 4096):] {
				b.Write(p[:min(len(p), 4096)])
			}
			if files[i], err = b.Commit("out.lock"); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	left, _ := filepath.Glob(filepath.Join(s.Dir, "blobs", "*", "*"))
	tmp, _ := filepath.Glob(filepath.Join(s.Dir, "blobs", ".tmp-*"))
	if len(left) != 1 || len(tmp) != 0 || files[0] != files[7] || files[0].Size != int64(len(content)) {
		t.Fatalf("blobs %v, temporary %v, files %v", left, tmp, files[0])
	}
	aborted, _ := s.NewBlob()
	aborted.Write([]byte("partial"))
	aborted.Abort()
	if tmp, _ := filepath.Glob(filepath.Join(s.Dir, "blobs", ".tmp-*")); len(tmp) != 0 {
		t.Fatalf("an aborted blob stays: %v", tmp)
	}
	key := Key("with a file")
	if err := s.Put(&Entry{Key: key, Files: files[:1]}); err != nil {
		t.Fatal(err)
	}
	e, ok := s.Get(key)
	if !ok {
		t.Fatal("miss")
	}
	e.Files[0].Path = filepath.Join(t.TempDir(), "replayed.lock")
	if err := s.WriteFile(e.Files[0]); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(e.Files[0].Path); !bytes.Equal(got, content) {
		t.Fatal("replayed file differs")
	}
	os.WriteFile(left[0], content[:10], 0o644) // cut short
	if _, ok := s.Get(key); ok {
		t.Fatal("hit with a damaged blob")
	}
	os.Remove(left[0])
	if _, ok := s.Get(key); ok {
		t.Fatal("hit without the blob")
	}
}

// Trim removes entries and blobs unused for five days and temporary
// files left a day ago, at most once a day; a hit marks its entry and
// blobs as used.
func TestTrim(t *testing.T) {
	s := &Store{Dir: t.TempDir()}
	put := func(name string) Entry {
		b, err := s.NewBlob()
		if err != nil {
			t.Fatal(err)
		}
		b.Write([]byte("content of " + name))
		f, err := b.Commit(name)
		if err != nil {
			t.Fatal(err)
		}
		e := Entry{Key: Key(name), Files: []File{f}}
		if err := s.Put(&e); err != nil {
			t.Fatal(err)
		}
		return e
	}
	old, used, recent := put("old"), put("used"), put("recent")
	now := time.Now()
	age := func(e Entry, d time.Duration) {
		for _, p := range []string{s.path(e.Key), s.blobPath(e.Files[0].Blob)} {
			os.Chtimes(p, now.Add(-d), now.Add(-d))
		}
	}
	age(old, 6*24*time.Hour)
	age(used, 6*24*time.Hour)
	age(recent, 4*24*time.Hour)
	stale := filepath.Join(s.Dir, "blobs", ".tmp-stale")
	os.WriteFile(stale, []byte("x"), 0o644)
	os.Chtimes(stale, now.Add(-25*time.Hour), now.Add(-25*time.Hour))
	fresh := filepath.Join(s.Dir, "blobs", ".tmp-fresh") // another process writing now
	os.WriteFile(fresh, []byte("x"), 0o644)

	if _, ok := s.Get(used.Key); !ok { // marks it used
		t.Fatal("miss")
	}
	if n := s.Trim(now); n != 3 {
		t.Errorf("trim removed %d files, want 3 (old's entry and blob, the stale temporary file)", n)
	}
	if _, ok := s.Get(old.Key); ok {
		t.Error("an entry unused for six days is still there")
	}
	for _, e := range []Entry{used, recent} {
		if _, ok := s.Get(e.Key); !ok {
			t.Errorf("%s was trimmed", e.Files[0].Path)
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a temporary file a day old stays")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a temporary file being written was removed")
	}
	// Within a day of the last trim, nothing is trimmed.
	age(recent, 10*24*time.Hour)
	if n := s.Trim(now.Add(time.Hour)); n != 0 {
		t.Errorf("a second trim within the day removed %d files", n)
	}
	if n := s.Trim(now.Add(25 * time.Hour)); n != 3 {
		t.Errorf("the next day's trim removed %d files, want 3 (recent's entry and blob, the temporary file now a day old)", n)
	}
	if _, ok := s.Get(used.Key); !ok {
		t.Error("the entry used a day ago was trimmed")
	}
}
