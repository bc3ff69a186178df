package store

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/conid/conid/recipe"
	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
)

func TestSearchUserChannel(t *testing.T) {
	for _, layout := range []Layout{Tree, Cache} {
		t.Run(layout.String(), func(t *testing.T) {
			dir := t.TempDir()
			put := func(rel string) {
				p := filepath.Join(dir, filepath.FromSlash(rel))
				if layout == Cache {
					p = filepath.Join(filepath.Dir(p), "export", "conanfile.py")
				}
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("from conans import ConanFile\nclass P(ConanFile):\n    pass\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			put("pkg/1.0/_/_/conanfile.py")
			put("pkg/1.1/user/stable/conanfile.py")
			put("pkg/1.1/user/testing/conanfile.py")
			put("pkg/1.2/_/_/conanfile.py")
			put("pkg/1.2/User/stable/conanfile.py")
			put("Pkg/2.0/_/_/conanfile.py")
			put("other/1.0/_/_/conanfile.py")
			// a version folder without a recipe under _/_
			if err := os.MkdirAll(filepath.Join(dir, "pkg", "1.3", "_", "_"), 0o755); err != nil {
				t.Fatal(err)
			}
			s, err := Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			if s.Dirs[0].Layout != layout {
				t.Fatalf("layout %v, want %v", s.Dirs[0].Layout, layout)
			}
			for _, c := range []struct {
				name, user, channel string
				want                []string
			}{
				{"pkg", "", "", []string{"Pkg/2.0", "pkg/1.0", "pkg/1.2"}},
				{"PKG", "", "", []string{"Pkg/2.0", "pkg/1.0", "pkg/1.2"}},
				{"pkg", "user", "stable", []string{"pkg/1.1@user/stable"}},
				{"pkg", "user", "testing", []string{"pkg/1.1@user/testing"}},
				{"pkg", "User", "stable", []string{"pkg/1.2@User/stable"}},
				{"pkg", "user", "", nil},
				{"pkg", "", "stable", nil},
				{"missing", "", "", nil},
			} {
				for range 2 { // the second answer comes from the cache
					refs, err := s.Search(c.name, c.user, c.channel)
					if err != nil {
						t.Fatal(err)
					}
					// What range resolution sees: a tree's Search lists
					// version folders without looking into them, and
					// Listed looks.
					var got []string
					for _, r := range refs {
						if s.Listed(r) {
							got = append(got, r.String())
						}
					}
					if !reflect.DeepEqual(got, c.want) {
						t.Errorf("Search(%q, %q, %q) = %q, want %q", c.name, c.user, c.channel, got, c.want)
					}
				}
			}
			if _, err := s.Recipe(ref.Ref{Name: "pkg", Version: "1.1", User: "user", Channel: "stable"}); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestRecipeConanData: the store hands conandata.yml (present, empty or
// absent) to the loader, which sees what it would have read itself.
func TestRecipeConanData(t *testing.T) {
	dir := t.TempDir()
	for v, data := range map[string]*string{"1.0": nil, "2.0": new(string), "3.0": ptr("sources:\n  \"3.0\":\n    url: x\n")} {
		p := filepath.Join(dir, "pkg", v, "_", "_")
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(p, "conanfile.py"), []byte("from conans import ConanFile\nclass P(ConanFile):\n    name = 'pkg'\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if data != nil {
			if err := os.WriteFile(filepath.Join(p, "conandata.yml"), []byte(*data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"1.0", "2.0", "3.0"} {
		loc, err := s.Recipe(ref.Ref{Name: "pkg", Version: v})
		if err != nil {
			t.Fatal(err)
		}
		if !loc.Files.ConanDataRead || loc.Files.Conanfile == nil {
			t.Fatalf("%s: files not handed over: %+v", v, loc.Files)
		}
		if (loc.Files.ConanData == nil) != (v == "1.0") {
			t.Errorf("%s: conandata %q", v, loc.Files.ConanData)
		}
		handed, err := recipe.NewLoader().LoadRead(loc.Path, loc.Files)
		if err != nil {
			t.Fatal(err)
		}
		read, err := recipe.NewLoader().Load(loc.Path)
		if err != nil {
			t.Fatal(err)
		}
		repr := func(r *recipe.Recipe) string {
			v, _ := r.Class.Dict.Get("conan_data")
			s, err := py.NewInterp().Repr(v)
			if err != nil {
				t.Fatal(err)
			}
			return s
		}
		if a, b := repr(handed), repr(read); a != b {
			t.Errorf("%s: conan_data %s from the store, %s read by the loader", v, a, b)
		}
	}
}

func ptr(s string) *string { return &s }

// TestSizeHint counts the package folders of every folder of a store, and
// nothing else, before and after a search listed them.
func TestSizeHint(t *testing.T) {
	var dirs []string
	for i, names := range [][]string{{"a", "b", "B"}, {"c", "a"}} {
		dir := t.TempDir()
		for _, n := range names {
			p := filepath.Join(dir, n, "1.0", "_", "_", "conanfile.py")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte("from conans import ConanFile\nclass P(ConanFile):\n    pass\n"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(dir, "README.md"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		dirs = append(dirs, dir)
		s, err := Open(dirs...)
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 { // listed by a search first
			if _, err := s.Search("a", "", ""); err != nil {
				t.Fatal(err)
			}
		}
		if got, want := s.SizeHint(), []int{3, 5}[i]; got != want {
			t.Errorf("%d folders: SizeHint %d, want %d", i+1, got, want)
		}
	}
}

// TestConanfilePathAsJoin holds the joined recipe path to filepath.Join,
// for plain parts and for the odd ones it leaves to Join.
func TestConanfilePathAsJoin(t *testing.T) {
	parts := []string{"zlib", "1.2.13", "_", "", ".", "..", "a/b", "user", "x.y"}
	for _, base := range []string{"/tmp/recipes", "/tmp/recipes/", "/tmp//recipes/../r", "rel/dir", "/", ".", "", "a"} {
		for _, layout := range []Layout{Tree, Cache} {
			d := &Dir{Path: base, Layout: layout, pathClean: joinsAsIs(base)}
			for _, n := range parts {
				for _, v := range parts {
					for _, u := range parts {
						r := ref.Ref{Name: n, Version: v, User: u, Channel: u}
						want := filepath.Join(base, n, v, dash(u), dash(u))
						if layout == Cache {
							want = filepath.Join(want, "export", "conanfile.py")
						} else {
							want = filepath.Join(want, "conanfile.py")
						}
						if got := d.conanfile(r); got != want {
							t.Fatalf("%q %v %+v: %q, want %q", base, layout, r, got, want)
						}
					}
				}
			}
		}
	}
}
