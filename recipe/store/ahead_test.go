package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/ref"
)

// aheadTree writes recipes in a tree or a Conan cache layout: a plain one
// with conandata.yml, one with a user and channel, one filed under its
// default user and channel, one that does not parse.
func aheadTree(t *testing.T, layout Layout) string {
	t.Helper()
	dir := t.TempDir()
	put := func(rel, text string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if layout == Cache && filepath.Base(p) != "metadata.json" {
			p = filepath.Join(filepath.Dir(p), "export", filepath.Base(p))
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("aa/1.0/_/_/conanfile.py", "from conan import ConanFile\nclass A(ConanFile):\n    requires = 'bb/1.0'\n")
	put("aa/1.0/_/_/conandata.yml", "sources: {}\n")
	put("bb/1.0/us/ch/conanfile.py", "from conan import ConanFile\nclass B(ConanFile):\n    pass\n")
	put("dd/1.0/_/_/conanfile.py", "from conan import ConanFile\nclass D(ConanFile):\n    default_user = 'us'\n    default_channel = 'ch'\n")
	put("ee/1.0/_/_/conanfile.py", "class E(:\n")
	return dir
}

// TestPrefetchHandsOverRecipe: what Recipe returns after a Prefetch is
// what a store that read nothing ahead returns, with the files read and
// parsed; a recipe that is not there, or does not parse, is reported by
// Recipe as without a Prefetch.
func TestPrefetchHandsOverRecipe(t *testing.T) {
	for _, layout := range []Layout{Tree, Cache} {
		t.Run(layout.String(), func(t *testing.T) {
			dir := aheadTree(t, layout)
			for _, text := range []string{"aa/1.0", "bb/1.0@us/ch", "dd/1.0@us/ch", "dd/1.0", "ee/1.0", "missing/1.0"} {
				r := ref.MustParse(text)
				plain, err := Open(dir)
				if err != nil {
					t.Fatal(err)
				}
				want, wantErr := plain.Recipe(r)
				ahead, err := Open(dir)
				if err != nil {
					t.Fatal(err)
				}
				mod := ahead.Prefetch(r)
				got, gotErr := ahead.Recipe(r)
				if (wantErr == nil) != (gotErr == nil) || (wantErr != nil && wantErr.Error() != gotErr.Error()) {
					t.Fatalf("%s: error %v after Prefetch, %v without", text, gotErr, wantErr)
				}
				if wantErr != nil {
					if mod != nil || !errors.Is(gotErr, recipe.ErrNotFound) {
						t.Errorf("%s: Prefetch read %v; Recipe: %v", text, mod, gotErr)
					}
					continue
				}
				if got.Path != want.Path || got.Revision != want.Revision || got.Manifest != want.Manifest {
					t.Errorf("%s: %+v after Prefetch, %+v without", text, got, want)
				}
				src, err := os.ReadFile(got.Path)
				if err != nil {
					t.Fatal(err)
				}
				if text == "ee/1.0" {
					// It does not parse: nothing handed over, and the loader
					// reads it and reports.
					if mod != nil || got.Files.Module != nil {
						t.Errorf("%s: parsed a recipe that does not parse", text)
					}
					continue
				}
				if mod == nil || got.Files.Module != mod || !reflect.DeepEqual(got.Files.Conanfile, src) || !got.Files.ConanDataRead {
					t.Errorf("%s: files not handed over: %+v", text, got.Files)
				}
				if (got.Files.ConanData != nil) != (text == "aa/1.0") {
					t.Errorf("%s: conandata.yml %q", text, got.Files.ConanData)
				}
				// Once asked, a reference is not read ahead again, and a
				// second Recipe answers as without Prefetch.
				if ahead.Prefetch(r) != nil {
					t.Errorf("%s: read ahead after Recipe", text)
				}
				again, err := ahead.Recipe(r)
				want2, _ := plain.Recipe(r)
				if err != nil || again.Path != want2.Path || again.Revision != want2.Revision || (again.Files.Conanfile == nil) != (want2.Files.Conanfile == nil) {
					t.Errorf("%s: second Recipe %+v, %v; want %+v", text, again, err, want2)
				}
			}
		})
	}
}

// TestPrefetchConcurrent runs read-aheads, lookups and searches of the same
// references at once (go test -race); every answer is the one a store
// that reads nothing ahead gives.
func TestPrefetchConcurrent(t *testing.T) {
	dir := aheadTree(t, Tree)
	refs := []ref.Ref{ref.MustParse("aa/1.0"), ref.MustParse("bb/1.0@us/ch"), ref.MustParse("dd/1.0@us/ch"), ref.MustParse("dd/1.0")}
	plain, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[ref.Ref]string{}
	for _, r := range refs {
		loc, err := plain.Recipe(r)
		if err == nil {
			want[r] = loc.Revision
		}
	}
	for range 20 {
		s, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		for _, r := range refs {
			wg.Add(2)
			go func() { defer wg.Done(); s.Prefetch(r) }()
			go func() {
				defer wg.Done()
				s.Listed(r)
				loc, err := s.Recipe(r)
				if rev, ok := want[r]; ok != (err == nil) || loc.Revision != rev {
					t.Errorf("%s: %q, %v; want %q", r, loc.Revision, err, rev)
				}
				if _, err := s.Search(r.Name, r.User, r.Channel); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
	}
}
