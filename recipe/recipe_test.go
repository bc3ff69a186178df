package recipe

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conid/conid/options"
	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/settings"
)

func newConanfile(t testing.TB, src string) (*Conanfile, error) {
	t.Helper()
	l := NewLoader()
	l.In.MaxSteps = 100000
	r, err := l.LoadSource(filepath.Join(t.TempDir(), "conanfile.py"), []byte(src))
	if err != nil {
		return nil, err
	}
	s := settings.Default().New()
	for _, nv := range [][2]string{{"os", "Linux"}, {"arch", "x86_64"}, {"compiler", "gcc"}, {"compiler.version", "11"}, {"compiler.libcxx", "libstdc++11"}, {"build_type", "Release"}} {
		if err := s.UpdateValues([]settings.NameValue{{Name: nv[0], Value: nv[1]}}); err != nil {
			t.Fatal(err)
		}
	}
	return l.New(r, InstanceParams{DisplayName: "pkg/1.0", Settings: s})
}

func TestRecipeBasics(t *testing.T) {
	c, err := newConanfile(t, `
from conans import ConanFile
class Pkg(ConanFile):
    name = "pkg"
    settings = "os", "compiler"
    options = {"shared": [True, False], "level": ["1", "2"], "any": "ANY"}
    default_options = {"shared": False, "level": 2, "any": "x", "zlib:shared": True}
    requires = "zlib/1.2.13", ("bzip2/1.0.8", "private")

    def configure(self):
        if self.settings.compiler == "gcc" and self.options.level == "2":
            self.options.shared = True
        del self.settings.compiler.libcxx
`)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Call("configure"); err != nil {
		t.Fatal(err)
	}
	if got := c.Options.Values().Dumps(); got != "any=x\nlevel=2\nshared=True\nzlib:shared=True" {
		t.Errorf("options = %q", got)
	}
	var names []string
	for _, nv := range c.Settings.ValuesList() {
		names = append(names, nv.Name+"="+nv.Value)
	}
	if got := strings.Join(names, ","); got != "compiler=gcc,compiler.version=11,os=Linux" {
		t.Errorf("settings = %s", got)
	}
	if r, _ := c.Requires.Get("bzip2"); r == nil || !r.Private {
		t.Errorf("bzip2 requirement %+v", r)
	}
	// the record says where each value came from
	log := c.Options.Pkg.Log()
	last := log[len(log)-1]
	if last.Option != "shared" || last.Value != "True" || last.Origin.Line != 12 {
		t.Errorf("last event %+v origin %+v", last, last.Origin)
	}
}

func TestRecipeErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"from conans import ConanFile\n", "No subclass of ConanFile"},
		{"from conans import ConanFile\nclass A(ConanFile):\n    pass\nclass B(ConanFile):\n    pass\n", "More than 1 conanfile"},
		{"from conans import ConanFile\nclass A(ConanFile):\n    default_options = [\"shared=True\"]\n", "Error while initializing options"},
		{"from conans import ConanFile\nclass A(ConanFile):\n    settings = \"os\", \"platform\"\n", "is constraining settings"},
		{"from conans import ConanFile\nclass A(ConanFile)\n", "conanfile.py:2:"},
		{"import nosuchmodule\n", "No module named 'nosuchmodule'"},
		{"from conans import ConanFile\nrequired_conan_version = \">=2.0\"\nclass A(ConanFile):\n    pass\n", "does not satisfy"},
		{"from conans import ConanFile\nclass A(ConanFile):\n    name = 'a'\n    python_requires = 'base/1.0'\n", "conanfile.py:4: unsupported construct: python_requires"},
	} {
		_, err := newConanfile(t, tc.src)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("source %q: error %v, want %q", tc.src, err, tc.want)
		}
	}
}

func TestMethodErrorsNameTheLine(t *testing.T) {
	c, err := newConanfile(t, `from conans import ConanFile
class A(ConanFile):
    settings = "os"
    def configure(self):
        if self.settings.compiler == "gcc":
            pass
`)
	if err != nil {
		t.Fatal(err)
	}
	err = c.Call("configure")
	var me *MethodError
	if !errors.As(err, &me) {
		t.Fatalf("error %v is not a MethodError", err)
	}
	want := "pkg/1.0: Error in configure() method, line 5\n\tif self.settings.compiler == \"gcc\":\n\tConanException: 'settings.compiler' doesn't exist"
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("got %q\nwant prefix %q", err, want)
	}
}

func TestUnsupportedIsNotCaught(t *testing.T) {
	c, err := newConanfile(t, `from conans import ConanFile
from conan.tools.files import get
class A(ConanFile):
    def configure(self):
        try:
            get(self, "http://x")
        except Exception:
            self.output.info("swallowed")
`)
	if err != nil {
		t.Fatal(err)
	}
	err = c.Call("configure")
	var u *py.Unsupported
	if !errors.As(err, &u) || u.Pos.Line != 6 {
		t.Fatalf("want Unsupported at line 6, got %v", err)
	}
}

func TestConanfileTxt(t *testing.T) {
	txt, err := ParseTxt("conanfile.txt", "[requires]\nzlib/1.2.13 # comment\n\n[options]\nzlib:shared=True\n[generators]\ncmake\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(txt.Requires) != 1 || txt.Requires[0].Text != "zlib/1.2.13" || txt.Requires[0].Line != 2 {
		t.Errorf("requires %+v", txt.Requires)
	}
	if _, err := ParseTxt("root/conanfile.txt", "[requirements]\nzlib/1.0\n"); err == nil || !strings.Contains(err.Error(), "Unrecognized field 'requirements'") || !strings.Contains(err.Error(), "root/conanfile.txt:1") {
		t.Errorf("unknown section error: %v", err)
	}
}

// FuzzRecipe loads arbitrary recipe text and runs its methods: no input
// may panic or hang.
func FuzzRecipe(f *testing.F) {
	execCommand = func(*exec.Cmd) error { return errors.New("fuzzing runs no commands") }
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "conformance", "conan1", "cases", "*", "recipes", "*", "*", "*", "*", "conanfile.py"))
	for i, s := range seeds {
		if i%7 != 0 {
			continue
		}
		if b, err := os.ReadFile(s); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("from conans import ConanFile\nclass A(ConanFile):\n    options = {'a': [1, 2]}\n    default_options = 'a=1'\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := newConanfile(t, src)
		if err != nil {
			return
		}
		for _, m := range []string{"config_options", "configure", "requirements", "build_requirements", "package_id", "validate"} {
			if c.Call(m) != nil {
				return
			}
		}
	})
}

// FuzzTxt parses arbitrary conanfile.txt text.
func FuzzTxt(f *testing.F) {
	f.Add("[requires]\nzlib/1.2.13\n[options]\nzlib:shared=True\n")
	f.Add("[build_requires]\ncmake/3.25.0\n[layout]\ncmake_layout\n")
	f.Fuzz(func(t *testing.T, s string) {
		ParseTxt("conanfile.txt", s)
	})
}

// The info sinks (cpp_info, user_info...) are made when first used; a
// recipe that writes to them, replaces one, or hides one with a class
// attribute sees what Conan gives it.
func TestSinksOnFirstUse(t *testing.T) {
	c, err := newConanfile(t, `
from conans import ConanFile
class Pkg(ConanFile):
    name = "pkg"
    cpp_info = "class attribute"

    def configure(self):
        self.cpp_info.libs = ["a"]
        self.user_info.X = 1
        assert self.user_info is self.user_info
        self.env_info = 5
        assert self.env_info == 5
        assert self.cpp_info.libs == ["a"]
        assert self.folders.source == "" and self.folders.root is None
        assert self.folders is self.folders
        self.folders.build = "build"
        assert self.folders.build == "build"
`)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Call("configure"); err != nil {
		t.Fatal(err)
	}
}

// Values reached through deps_package_values are the package's own to
// write, even those a consumer handed down and the package shares.
func TestDepsPackageValuesAreOwn(t *testing.T) {
	c, err := newConanfile(t, `
from conans import ConanFile
class Pkg(ConanFile):
    name = "pkg"
    def configure(self):
        self.options.deps_package_values["zlib"].shared = True
`)
	if err != nil {
		t.Fatal(err)
	}
	cons := options.New(options.NewPackageOptions(nil))
	cons.Dep("zlib").Set("shared", options.V("False", nil))
	if err := c.Options.PropagateUpstream(cons.DepsValues(), "cons/1.0", "pkg", "pkg/1.0"); err != nil {
		t.Fatal(err)
	}
	if err := c.Call("configure"); err != nil {
		t.Fatal(err)
	}
	if got := c.Options.Values().Dumps(); got != "zlib:shared=True" {
		t.Errorf("package's options = %q", got)
	}
	if got := cons.Values().Dumps(); got != "zlib:shared=False" {
		t.Errorf("consumer's options = %q", got)
	}
}
