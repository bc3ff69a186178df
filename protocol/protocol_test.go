package protocol

import (
	"testing"

	"github.com/conid/conid/recipe/ref"
)

func TestPaths(t *testing.T) {
	r := ref.MustParse("zlib/1.3#abc")
	p := ref.PackageRef{Ref: r, PackageID: "id1", Revision: "p1"}
	for got, want := range map[string]string{
		RecipePath(r):                             "conans/zlib/1.3/_/_",
		RecipeRevisionPath(r):                     "conans/zlib/1.3/_/_/revisions/abc",
		PackageRevisionPath(p):                    "conans/zlib/1.3/_/_/revisions/abc/packages/id1/revisions/p1",
		FilePath("base", "a b/c.txt"):             "base/files/a%20b/c.txt",
		SearchQuery("zlib*", false):               "?ignorecase=False&q=zlib%2A",
		RecipePath(ref.MustParse("a1/1.0@us/ch")): "conans/a1/1.0/us/ch",
		RecipeLatestPath(r):                       "conans/zlib/1.3/_/_/latest",
		RecipeRevisionsPath(r):                    "conans/zlib/1.3/_/_/revisions",
		PackageSearchPath(r):                      "conans/zlib/1.3/_/_/revisions/abc/search",
		PackageSearchPath(r.NoRevision()):         "conans/zlib/1.3/_/_/search",
		PackageLatestPath(p):                      "conans/zlib/1.3/_/_/revisions/abc/packages/id1/latest",
		PackageRevisionsPath(p):                   "conans/zlib/1.3/_/_/revisions/abc/packages/id1/revisions",
		FilesPath(RecipeRevisionPath(r)):          "conans/zlib/1.3/_/_/revisions/abc/files",
	} {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestParseInfo(t *testing.T) {
	info := ParseInfo("[settings]\n    os=Linux\n    arch=x86_64\n[options]\n    shared=True\n[full_requires]\n    zlib/1.3:abc\n[recipe_hash]\n    h1\n")
	if info.Settings["arch"] != "x86_64" || info.Options["shared"] != "True" || len(info.FullRequires) != 1 || *info.RecipeHash != "h1" {
		t.Errorf("%+v", info)
	}
	if empty := ParseInfo(""); empty.RecipeHash != nil || empty.Settings == nil {
		t.Errorf("%+v", empty)
	}
}

// FuzzParseInfo: any conaninfo.txt parses without panicking and keeps
// its text.
func FuzzParseInfo(f *testing.F) {
	f.Add("[settings]\n os=Linux\n[recipe_hash]\n x\n")
	f.Add("[options\n=\n[]\n")
	f.Fuzz(func(t *testing.T, s string) {
		if ParseInfo(s).Content != s {
			t.Error("content changed")
		}
	})
}
