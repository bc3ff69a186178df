package dlcache

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
)

func fetchOf(data []byte, calls *atomic.Int32) Fetch {
	return func(w io.Writer) (int64, error) {
		calls.Add(1)
		_, err := w.Write(data)
		return int64(len(data)), err
	}
}

func TestGetOnceUnderConcurrency(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte("conan"), 10000)
	sum := md5.Sum(data)
	var calls atomic.Int32
	var wg sync.WaitGroup
	paths := make([]string, 16)
	for i := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// The signature in the query changes; the entry does not.
			res, err := c.Get(fmt.Sprintf("http://h/v1/files/a/b?signature=%d", i), hex.EncodeToString(sum[:]), fetchOf(data, &calls))
			if err != nil {
				t.Error(err)
				return
			}
			paths[i] = res.Path
		}()
	}
	wg.Wait()
	if calls.Load() != 1 {
		t.Errorf("fetched %d times", calls.Load())
	}
	for _, p := range paths {
		if b, err := os.ReadFile(p); err != nil || !bytes.Equal(b, data) || p != paths[0] {
			t.Fatalf("%s: %v", p, err)
		}
	}
	if n, problems, err := c.Verify(); n != 1 || len(problems) != 0 || err != nil {
		t.Errorf("verify: %d %v %v", n, problems, err)
	}
	// Corruption is found and removed.
	os.WriteFile(paths[0], []byte("garbage"), 0o644)
	if _, problems, _ := c.Verify(); len(problems) != 1 {
		t.Errorf("corrupt entry not found: %v", problems)
	}
	if entries, _, _ := c.Entries(); len(entries) != 0 {
		t.Errorf("corrupt entry kept")
	}
}

func TestFailedDownloadsLeaveNothing(t *testing.T) {
	dir := t.TempDir()
	c, _ := Open(dir)
	data := []byte("0123456789")
	for name, f := range map[string]Fetch{
		"error": func(w io.Writer) (int64, error) { w.Write(data[:5]); return 0, errors.New("connection reset") },
		"short": func(w io.Writer) (int64, error) { w.Write(data[:5]); return 10, nil },
	} {
		if _, err := c.Get("http://h/"+name, "", f); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	sum := md5.Sum([]byte("other"))
	var calls atomic.Int32
	if _, err := c.Get("http://h/sum", hex.EncodeToString(sum[:]), fetchOf(data, &calls)); err == nil {
		t.Error("checksum mismatch accepted")
	}
	entries, st, _ := c.Entries()
	if len(entries) != 0 || st.Temporary != 0 {
		t.Errorf("failed downloads left %d entries, %+v", len(entries), st)
	}
}

func TestDirtyConanEntryNotTrusted(t *testing.T) {
	dir := t.TempDir()
	c, _ := Open(dir)
	key := Key("http://h/f", "")
	os.WriteFile(filepath.Join(dir, key), []byte("part"), 0o644)
	os.WriteFile(filepath.Join(dir, key+".dirty"), nil, 0o644)
	var calls atomic.Int32
	res, err := c.Get("http://h/f", "", fetchOf([]byte("complete"), &calls))
	if err != nil || calls.Load() != 1 || res.Hit {
		t.Fatalf("%+v %v, %d fetches", res, err, calls.Load())
	}
	if b, _ := os.ReadFile(res.Path); string(b) != "complete" {
		t.Errorf("got %q", b)
	}
	if _, err := os.Stat(filepath.Join(dir, key+".dirty")); err == nil {
		t.Error("dirty flag kept")
	}
}
