package storage

import (
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
)

func TestDiskPut(t *testing.T) {
	d, err := NewDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	body := []byte("hello")
	sum := sha1.Sum(body)
	if _, err := d.Put("a/b/c.txt", bytes.NewReader(body), 5, hex.EncodeToString(sum[:])); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Put("a/b/c.txt", bytes.NewReader([]byte("other")), 5, hex.EncodeToString(sum[:])); !errors.Is(err, ErrChecksum) {
		t.Errorf("checksum mismatch: %v", err)
	}
	if _, err := d.Put("a/b/c.txt", bytes.NewReader([]byte("hi")), 5, ""); !errors.Is(err, ErrSize) {
		t.Errorf("size mismatch: %v", err)
	}
	obj, err := d.Open("a/b/c.txt")
	if err != nil {
		t.Fatal(err)
	}
	got := make([]byte, 10)
	n, _ := obj.Read(got)
	obj.Close()
	if string(got[:n]) != "hello" {
		t.Errorf("failed puts changed the object: %q", got[:n])
	}
	for _, bad := range []string{"", "/abs", "a/../b", "a//b", "./a", `a\b`, "a/.."} {
		if _, err := d.Put(bad, strings.NewReader("x"), -1, ""); !errors.Is(err, ErrBadKey) {
			t.Errorf("key %q: %v", bad, err)
		}
	}
	tmp, _ := os.ReadDir(filepath.Join(d.Root(), TmpDir))
	if len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
	if err := d.Delete("a/b/c.txt"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(d.Root(), "a")); !os.IsNotExist(err) {
		t.Errorf("empty folders left: %v", err)
	}
}

func TestStoreRevisionsOnDisk(t *testing.T) {
	d, _ := NewDisk(t.TempDir())
	s, err := Open(d, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	r := ref.Ref{Name: "zlib", Version: "1.3", Revision: "r1"}
	put := func(name string) error {
		return s.PutRecipeFile(r, name, strings.NewReader(name), -1, "")
	}
	if err := put(protocol.Conanfile); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecipeRevisions(r); !errors.Is(err, ErrNotExist) {
		t.Errorf("revision visible before its manifest: %v", err)
	}
	if err := put(protocol.Manifest); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(d.Root(), "zlib/1.3/_/_/revisions.txt"))
	if err != nil {
		t.Fatal(err)
	}
	revs, err := ParseRevisions(data)
	if err != nil || len(revs) != 1 || revs[0].Revision != "r1" {
		t.Errorf("revisions.txt %s: %v %v", data, revs, err)
	}
	if !strings.HasPrefix(string(data), `{"revisions": [{"revision": "r1", "time": "`) {
		t.Errorf("revisions.txt not in conan_server's shape: %s", data)
	}
	// Reopening reads the index back.
	s2, _ := Open(d, slog.New(slog.DiscardHandler))
	if got := s2.Recipes(); len(got) != 1 || got[0].String() != "zlib/1.3" {
		t.Errorf("reopened: %v", got)
	}
}

func TestParseRevisions(t *testing.T) {
	revs, err := ParseRevisions([]byte(`{"revisions": [{"revision": "a", "time": "2024-01-02T03:04:05Z"}, {"revision": "b", "time": 1700000000.25}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if revs[0].Time != "2024-01-02T03:04:05Z" || revs[1].Time != "2023-11-14T22:13:20.250000+00:00" {
		t.Errorf("%+v", revs)
	}
	for _, bad := range []string{`{`, `{"revisions": [{"time": "x"}]}`, `{"revisions": [{"revision": "a", "time": true}]}`} {
		if _, err := ParseRevisions([]byte(bad)); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

// FuzzParseRevisions: any bytes give revisions or an error; what parses
// dumps to JSON that parses to the same list.
func FuzzParseRevisions(f *testing.F) {
	f.Add([]byte(`{"revisions": [{"revision": "a", "time": "2024-01-02T03:04:05Z"}]}`))
	f.Add([]byte(`{"revisions": [{"revision": "b", "time": 1e300}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		revs, err := ParseRevisions(data)
		if err != nil {
			return
		}
		again, err := ParseRevisions(dumpRevisions(revs))
		if err != nil || len(again) != len(revs) {
			t.Fatalf("round trip: %v %v", again, err)
		}
		for i := range revs {
			if again[i] != revs[i] {
				t.Errorf("round trip %d: %+v != %+v", i, again[i], revs[i])
			}
		}
	})
}
