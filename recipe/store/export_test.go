package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/ref"
)

func TestExportedAs(t *testing.T) {
	const head = "from conans import ConanFile\n"
	for _, tc := range []struct {
		name, src     string
		user, channel string
		ok            bool
	}{
		{"none", head + "class P(ConanFile):\n    name = 'p'\n", "", "", true},
		{"both", head + "class P(ConanFile):\n    default_user = 'me'\n    default_channel = \"stable\"\n", "me", "stable", true},
		{"annotated", head + "class P(ConanFile):\n    default_user: str = 'me'\n    default_channel: str = 'stable'\n", "me", "stable", true},
		{"last assignment wins", head + "class P(ConanFile):\n    default_user = 'a1'\n    default_channel = 'c1'\n    default_user = 'me'\n", "me", "c1", true},
		{"user only fails", head + "class P(ConanFile):\n    default_user = 'me'\n", "", "", false},
		{"channel only fails", head + "class P(ConanFile):\n    default_channel = 'stable'\n", "", "", false},
		{"invalid name fails", head + "class P(ConanFile):\n    default_user = 'm'\n    default_channel = 'stable'\n", "", "", false},
		{"comment only", head + "class P(ConanFile):\n    # default_user = 'me'\n    pass\n", "", "", true},
		{"base in the file", head + "class B(object):\n    default_user = 'me'\n    default_channel = 'stable'\nclass P(B, ConanFile):\n    pass\n", "me", "stable", true},
		{"recipe base in the file", head + "class B(ConanFile):\n    default_user = 'me'\n    default_channel = 'stable'\nclass P(B):\n    pass\n", "", "", true}, // two ConanFile classes: loading fails
		{"own value over the base's", head + "class B(object):\n    default_user = 'me'\n    default_channel = 'stable'\nclass P(ConanFile, B):\n    default_user = 'you'\n", "you", "stable", true},
		{"conans.ConanFile", "import conans\nclass P(conans.ConanFile):\n    default_user = 'me'\n    default_channel = 'stable'\n", "me", "stable", true},
		{"computed value unseen", head + "import os\nclass P(ConanFile):\n    default_user = os.getenv('U')\n    default_channel = os.getenv('C')\n", "", "", true},
		{"cyclic bases", head + "class A(B, B, B):\n    pass\nclass B(A, A, A):\n    pass\nclass P(ConanFile, A):\n    default_channel = 'stable'\n", "", "", false},
		{"cyclic bases, no recipe", head + "class A(B, B, B):\n    pass\nclass B(A, A, A):\n    default_user = 'me'\n", "", "", true},
		{"syntax error", head + "class P(ConanFile:\n    default_user = 'me'\n", "", "", true},
		{"no recipe class", "default_user = 'me'\n", "", "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, c, ok := exportedAs("conanfile.py", []byte(tc.src), nil)
			if u != tc.user || c != tc.channel || ok != tc.ok {
				t.Errorf("exportedAs = %q, %q, %v; want %q, %q, %v", u, c, ok, tc.user, tc.channel, tc.ok)
			}
		})
	}
}

// A tree's name/version/_/_ holds what `conan export <folder>
// name/version@` exports, which Conan files under the recipe's
// default_user and default_channel.
func TestTreeDefaultUserChannel(t *testing.T) {
	dir := t.TempDir()
	put := func(rel, src string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("from conans import ConanFile\nclass P(ConanFile):\n"+src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const defaults = "    default_user = 'me'\n    default_channel = 'stable'\n"
	put("pkg/1.0/_/_/conanfile.py", "    pass\n")
	put("pkg/1.1/_/_/conanfile.py", defaults)
	put("pkg/1.2/_/_/conanfile.py", "    default_user = 'me'\n") // its export fails
	put("pkg/1.3/me/stable/conanfile.py", "    pass\n")
	put("pkg/1.3/_/_/conanfile.py", "    default_user = 'other'\n    default_channel = 'testing'\n")

	// A version folder that is a symbolic link.
	elsewhere := t.TempDir()
	if err := os.MkdirAll(filepath.Join(elsewhere, "_", "_"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(elsewhere, "_", "_", "conanfile.py"), []byte("from conans import ConanFile\nclass P(ConanFile):\n    pass\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(dir, "pkg", "0.5")); err != nil {
		t.Fatal(err)
	}

	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	found := func(text string) string {
		loc, err := s.Recipe(ref.MustParse(text))
		if errors.Is(err, recipe.ErrNotFound) {
			return "-"
		}
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, loc.Path)
		return filepath.ToSlash(rel)
	}
	for text, want := range map[string]string{
		"pkg/1.0":               "pkg/1.0/_/_/conanfile.py",
		"pkg/1.0@me/stable":     "-",
		"pkg/1.1":               "-",
		"pkg/1.1@me/stable":     "pkg/1.1/_/_/conanfile.py",
		"pkg/1.1@me/testing":    "-",
		"pkg/1.2":               "-",
		"pkg/1.2@me/stable":     "-",
		"pkg/1.3":               "-",
		"pkg/1.3@me/stable":     "pkg/1.3/me/stable/conanfile.py",
		"pkg/1.3@other/testing": "pkg/1.3/_/_/conanfile.py",
	} {
		// Twice: the second lookup is answered from what the first found.
		for range 2 {
			if got := found(text); got != want {
				t.Errorf("Recipe(%s) = %s, want %s", text, got, want)
			}
		}
	}

	// Search lists _/_ without reading it; Listed reads the one asked.
	plain, _ := s.Search("pkg", "", "")
	var listed []string
	for _, r := range plain {
		if s.Listed(r) {
			listed = append(listed, r.String())
		}
	}
	if want := []string{"pkg/0.5", "pkg/1.0"}; !reflect.DeepEqual(listed, want) {
		t.Errorf("plain references listed: %q, want %q", listed, want)
	}
	var got []string
	for _, r := range must(s.Search("pkg", "me", "stable")) {
		if !s.Listed(r) {
			t.Errorf("Search(me, stable) gave %s, which is not Listed", r)
		}
		got = append(got, r.String())
	}
	if want := []string{"pkg/1.1@me/stable", "pkg/1.3@me/stable"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Search(pkg, me, stable) = %q, want %q", got, want)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// FuzzExportedAs: any text gives an answer, without panicking or looping
// on classes that name each other.
func FuzzExportedAs(f *testing.F) {
	f.Add([]byte("from conans import ConanFile\nclass P(ConanFile):\n    default_user = 'me'\n    default_channel = 'stable'\n"))
	f.Add([]byte("class A(B, B):\n    default_user = 1\nclass B(A, A):\n    pass\nclass P(conans.ConanFile, A):\n    default_channel: str = 'x'\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		u, c, ok := exportedAs("conanfile.py", src, nil)
		if ok && (u == "") != (c == "") {
			t.Fatalf("ok with user %q and channel %q", u, c)
		}
	})
}
