package recipe

import (
	"reflect"
	"testing"

	"github.com/conid/conid/recipe/python/syntax"
)

func TestLiteralRequires(t *testing.T) {
	src := `from conan import ConanFile

base = "ignored/1.0"

class Pkg(ConanFile):
    requires = "zlib/1.2.13", ("bzip2/1.0.8", "private"), ["xz/[>=5]"]
    build_requires = "cmake/3.20"

    def requirements(self):
        self.requires("openssl/[~3.0]")
        if self.options.with_extra:
            self.requires("extra/1.0@us/ch", private=True)
        else:
            for v in ("a", "b"):
                self.requires(f"gen/{v}")
        try:
            self.requires("in_try/1.0")
        except Exception:
            self.requires("in_except/1.0")
        else:
            self.requires("in_try_else/1.0")
        finally:
            self.requires("in_finally/1.0")
        while False:
            self.requires("in_while/1.0")
        with open("x"):
            self.requires("in_with/1.0")
        other.requires("not_self/1.0")
        self.tool_requires("ninja/1.11")

def requires(self):
    requires = "outside_class/1.0"
`
	mod, err := syntax.Parse("conanfile.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := LiteralRequires(mod)
	// What a loop, an except clause or an if on anything but a default
	// option requires is left to the recipe's run.
	want := []string{"zlib/1.2.13", "bzip2/1.0.8", "private", "xz/[>=5]", "openssl/[~3.0]", "in_try/1.0", "in_try_else/1.0", "in_finally/1.0", "in_with/1.0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LiteralRequires = %q\nwant %q", got, want)
	}
	// A condition on one option follows the option's literal default.
	src = `from conan import ConanFile

class Pkg(ConanFile):
    options = {"with_a": [True, False], "with_b": [True, False], "with_c": ["ANY"], "with_d": [True, False]}
    default_options = {"with_a": True, "with_b": False, "with_c": "off", "with_d": "True", "unknown": 3}

    def requirements(self):
        if self.options.with_a:
            self.requires("a_on/1.0")
        else:
            self.requires("a_off/1.0")
        if not self.options.with_b:
            self.requires("b_off/1.0")
        if self.options.get_safe("with_c"):
            self.requires("c_on/1.0")
        else:
            self.requires("c_off/1.0")
        if self.options.with_d:
            if self.settings.os == "Linux":
                self.requires("d_linux/1.0")
            self.requires("d_on/1.0")
        if self.options.unknown:
            self.requires("unknown_on/1.0")
        if self.options.not_declared:
            self.requires("undeclared/1.0")
        if self.options.with_a and self.options.with_d:
            self.requires("both/1.0")
`
	mod, err = syntax.Parse("conanfile.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got = LiteralRequires(mod)
	want = []string{"a_on/1.0", "b_off/1.0", "c_off/1.0", "d_on/1.0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LiteralRequires with default_options = %q\nwant %q", got, want)
	}
	if LiteralRequires(nil) != nil {
		t.Error("nil module")
	}
}
