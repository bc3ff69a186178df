package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/home"
	"github.com/conid/conid/profiles"
)

// params resolves a generated tree with its own profile and a Conan home
// made for the purpose.
func params(tb testing.TB, t *Tree) engine.Params {
	tb.Helper()
	hdir := filepath.Join(filepath.Dir(t.Dir), "home")
	os.MkdirAll(hdir, 0o755)
	h, err := home.FromEnv(func(k string) string {
		if k == "CONAN_USER_HOME" {
			return hdir
		}
		return ""
	})
	if err != nil {
		tb.Fatal(err)
	}
	return engine.Params{Home: h, Cwd: t.Dir, Target: t.Consumer, Recipes: []string{t.Recipes},
		Host: profiles.Args{Profiles: []string{t.Profile}}}
}

func genTree(tb testing.TB, n int) *Tree {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "tree")
	t, err := Generate(dir, GenOptions{Packages: n, Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

func BenchmarkResolve(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			t := genTree(b, n)
			p := params(b, t)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := Run(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
