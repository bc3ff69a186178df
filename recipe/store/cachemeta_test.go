package store

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/conid/conid/internal/fsread"
	"github.com/conid/conid/recipe/ref"
)

func TestCachedPackage(t *testing.T) {
	storage := t.TempDir()
	r := ref.Ref{Name: "zlib", Version: "1.2.13"}
	remote := "local"
	m := &Metadata{Recipe: RecipeMetadata{Revision: "0", Remote: &remote},
		Packages: map[string]PackageMetadata{"abc": {Revision: "0", RecipeRevision: "0", Remote: &remote}}}
	if err := WriteMetadata(storage, r, m); err != nil {
		t.Fatal(err)
	}
	back, err := ReadMetadata(storage, r)
	if err != nil || back.RemoteName() != "local" {
		t.Fatalf("%+v %v", back, err)
	}
	p := ref.PackageRef{Ref: r, PackageID: "abc"}
	if _, ok := CachedPackage(storage, p, back, false); ok {
		t.Error("a binary without its folder counts as cached")
	}
	os.MkdirAll(filepath.Join(RefDir(storage, r), "package", "abc"), 0o755)
	if pm, ok := CachedPackage(storage, p, back, false); !ok || pm.Revision != "0" {
		t.Error("cached binary not found")
	}
	p.Ref.Revision = "other"
	if _, ok := CachedPackage(storage, p, back, true); ok {
		t.Error("a binary of another recipe revision counts with revisions")
	}
}

func TestLocalBinariesListsOnce(t *testing.T) {
	storage := t.TempDir()
	r := ref.Ref{Name: "zlib", Version: "1.2.13"}
	m := &Metadata{Packages: map[string]PackageMetadata{"abc": {Revision: "7"}}}
	if err := WriteMetadata(storage, r, m); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(RefDir(storage, r), "package", "abc"), 0o755)
	l := LocalBinaries{Storage: storage, Index: NewNameIndex(storage)}
	var bin, prev string
	reads := fsread.Record(func() {
		bin, prev, _ = l.Lookup(ref.PackageRef{Ref: r, PackageID: "abc"})
		if b, _, _ := l.Lookup(ref.PackageRef{Ref: ref.Ref{Name: "bzip2", Version: "1"}, PackageID: "abc"}); b != "" {
			t.Errorf("bzip2, not in the cache, found as %q", b)
		}
	})
	if bin != "Cache" || prev != "7" {
		t.Errorf("zlib's binary: %q %q", bin, prev)
	}
	for _, e := range reads {
		if strings.Contains(e.Path, "bzip2") {
			t.Errorf("looked for a name the storage does not hold: %+v", e)
		}
	}
	// A name written since the listing is looked up.
	idx := l.Index
	r2 := ref.Ref{Name: "bzip2", Version: "1"}
	if err := WriteMetadata(storage, r2, m); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(RefDir(storage, r2), "package", "abc"), 0o755)
	idx.Add("bzip2")
	if b, _, _ := l.Lookup(ref.PackageRef{Ref: r2, PackageID: "abc"}); b != "Cache" {
		t.Errorf("bzip2, added, found as %q", b)
	}
	// A storage that does not exist yet holds nothing.
	gone := LocalBinaries{Storage: filepath.Join(storage, "none"), Index: NewNameIndex(filepath.Join(storage, "none"))}
	if b, _, err := gone.Lookup(ref.PackageRef{Ref: r, PackageID: "abc"}); b != "" || err != nil {
		t.Errorf("missing storage: %q %v", b, err)
	}
}

func FuzzParseMetadata(f *testing.F) {
	f.Add([]byte(`{"recipe": {"revision": "0", "remote": "local", "properties": {}, "checksums": {"conanfile.py": {"md5": "x"}}}, "packages": {"id": {"revision": "0", "recipe_revision": "0", "remote": null}}}`))
	f.Add([]byte(`{"recipe": {"revision": "e8af", "remote": null}, "packages": {}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseMetadata("metadata.json", b)
		if err != nil {
			return
		}
		dir := t.TempDir()
		r := ref.Ref{Name: "a", Version: "1"}
		if err := WriteMetadata(dir, r, m); err != nil {
			t.Fatal(err)
		}
		back, err := ReadMetadata(dir, r)
		if err != nil {
			t.Fatalf("re-reading: %v", err)
		}
		if back.RemoteName() != m.RemoteName() || !reflect.DeepEqual(keys(back.Packages), keys(m.Packages)) {
			t.Fatalf("round trip changed %+v into %+v", m, back)
		}
	})
}

func keys(m map[string]PackageMetadata) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

// A NameIndex reads a reference's metadata.json once, until told to
// forget it (after the session writes the file).
func TestNameIndexKeepsMetadata(t *testing.T) {
	storage := t.TempDir()
	r := ref.MustParse("zlib/1.3")
	write := func(remote string) {
		t.Helper()
		if err := WriteMetadata(storage, r, &Metadata{Recipe: RecipeMetadata{Revision: "r1", Remote: &remote}}); err != nil {
			t.Fatal(err)
		}
	}
	write("first")
	x := NewNameIndex(storage)
	remoteOf := func() string {
		t.Helper()
		m, err := x.ReadMetadata(r)
		if err != nil {
			t.Fatal(err)
		}
		return m.RemoteName()
	}
	if got := remoteOf(); got != "first" {
		t.Fatalf("remote %q", got)
	}
	write("second")
	if got := remoteOf(); got != "first" {
		t.Errorf("read again: remote %q, want the kept %q", got, "first")
	}
	x.Forget(r)
	if got := remoteOf(); got != "second" {
		t.Errorf("after Forget: remote %q, want %q", got, "second")
	}
}

// A store given the binary lookups' NameIndex reads each metadata.json
// of its Conan cache folder through it (once), and still computes the
// revision of a reference without metadata.json.
func TestStoreSharesIndex(t *testing.T) {
	storage := t.TempDir()
	for _, v := range []string{"1.0", "2.0"} {
		exp := filepath.Join(storage, "pkg", v, "_", "_", "export")
		if err := os.MkdirAll(exp, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(exp, "conanfile.py"), []byte("from conans import ConanFile\nclass P(ConanFile):\n    pass\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	with, without := ref.MustParse("pkg/1.0"), ref.MustParse("pkg/2.0")
	if err := WriteMetadata(storage, with, &Metadata{Recipe: RecipeMetadata{Revision: "abc"}}); err != nil {
		t.Fatal(err)
	}
	st, err := Open(storage)
	if err != nil {
		t.Fatal(err)
	}
	x := NewNameIndex(storage)
	st.ShareIndex(x)
	loc, err := st.Recipe(with)
	if err != nil || loc.Revision != "abc" {
		t.Fatalf("Recipe(%s) = %q, %v", with, loc.Revision, err)
	}
	if err := WriteMetadata(storage, with, &Metadata{Recipe: RecipeMetadata{Revision: "zzz"}}); err != nil {
		t.Fatal(err)
	}
	if m, _ := x.ReadMetadata(with); m.Recipe.Revision != "abc" {
		t.Errorf("the index holds revision %q: the store did not read through it", m.Recipe.Revision)
	}
	want, err := ComputeManifestRevision(filepath.Join(storage, "pkg", "2.0", "_", "_", "export"), "")
	if err != nil {
		t.Fatal(err)
	}
	if loc, err := st.Recipe(without); err != nil || loc.Revision != want {
		t.Errorf("Recipe(%s) = %q, %v; want the manifest's %q", without, loc.Revision, err, want)
	}
}
