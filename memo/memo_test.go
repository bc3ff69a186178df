package memo

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

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
