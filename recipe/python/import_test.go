package python

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/conid/conid/recipe/python/syntax"
)

// TestImportShadowing: a recipe folder's own module is imported unless
// the process holds one of that name already (Python's sys.modules), as
// Conan 1.65 does: its os.py is ignored, its helpers.py and (while no
// recipe imported the standard one) glob.py are used.
func TestImportShadowing(t *testing.T) {
	in := NewInterp()
	in.RegisterModule("conan", func(in *Interp) (*Module, error) { return NewModule("conan"), nil })
	in.Resident("conan")
	write := func(dir, name, src string) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	root := t.TempDir()
	a, b, c := filepath.Join(root, "a"), filepath.Join(root, "b"), filepath.Join(root, "c")
	for _, d := range []string{a, c} {
		write(d, "os.py", "where = 'local'\n")
		write(d, "conan.py", "where = 'local'\n")
		write(d, "helpers.py", "where = 'local'\n")
		write(d, "glob.py", "where = 'local'\n")
	}
	run := func(dir, src string) *Module {
		t.Helper()
		mod, err := syntax.Parse(filepath.Join(dir, "conanfile.py"), []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		in.AllowRead(dir)
		in.PushLocalDir(dir)
		defer in.PopLocalDir()
		m, err := in.ExecModule("conanfile_"+filepath.Base(dir), mod)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	get := func(m *Module, name string) Value {
		t.Helper()
		v, ok := m.Dict.Get(name)
		if !ok {
			t.Fatalf("%s not set", name)
		}
		return v
	}
	// os and conan are resident; helpers and glob come from the folder.
	m := run(a, "import os, conan, helpers, glob\nos_local = getattr(os, 'where', None) == 'local'\nconan_local = getattr(conan, 'where', None) == 'local'\nh = helpers.where\ng = glob.where\n")
	for name, want := range map[string]Value{"os_local": false, "conan_local": false, "h": "local", "g": "local"} {
		if got := get(m, name); got != want {
			t.Errorf("folder a: %s = %v, want %v", name, got, want)
		}
	}
	// b has no glob.py: the standard one is imported, and stays.
	run(b, "import glob\n")
	m = run(c, "import glob, helpers\ng = getattr(glob, 'where', None) == 'local'\nh = helpers.where\n")
	if got := get(m, "g"); got != false {
		t.Errorf("folder c: glob from the folder after the standard one was imported")
	}
	if got := get(m, "h"); got != "local" {
		t.Errorf("folder c: helpers.where = %v", got)
	}
}
