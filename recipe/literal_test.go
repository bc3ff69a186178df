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
	want := []string{"zlib/1.2.13", "bzip2/1.0.8", "private", "xz/[>=5]", "openssl/[~3.0]", "extra/1.0@us/ch", "in_try/1.0", "in_except/1.0"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("LiteralRequires = %q\nwant %q", got, want)
	}
	if LiteralRequires(nil) != nil {
		t.Error("nil module")
	}
}
