package bench

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/graph"
	"github.com/conid/conid/home"
	"github.com/conid/conid/profiles"
	"github.com/conid/conid/recipe"
)

// params resolves a generated tree with its own profile and an empty
// Conan home.
func params(tb testing.TB, t *Tree) engine.Params {
	tb.Helper()
	hdir := filepath.Join(filepath.Dir(t.Dir), "home")
	if err := os.MkdirAll(hdir, 0o755); err != nil {
		tb.Fatal(err)
	}
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
		Host: profiles.Args{Profiles: []string{t.Profile}}, NoOptionLog: true} // as conid bench run
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

// Trees are generated once per size for all benchmarks of a run.
var (
	treesMu sync.Mutex
	trees   = map[int]*Tree{}
)

func benchTree(b *testing.B, n int) *Tree {
	treesMu.Lock()
	defer treesMu.Unlock()
	if t, ok := trees[n]; ok {
		return t
	}
	dir, err := os.MkdirTemp("", "conid-bench-")
	if err != nil {
		b.Fatal(err)
	}
	t, err := Generate(filepath.Join(dir, "tree"), GenOptions{Packages: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	trees[n] = t
	return t
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, t := range trees {
		os.RemoveAll(filepath.Dir(t.Dir))
	}
	os.Exit(code)
}

var sizes = []int{1000, 10000, 100000}

// BenchmarkResolve resolves a whole generated graph (recipes, options,
// package IDs) and reports each phase's share as its own metric, per
// operation and per graph node. Run one size with
// go test -bench 'Resolve/10000$' -benchtime 5x ./bench
func BenchmarkResolve(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			p := params(b, benchTree(b, n))
			var sum [6]float64
			nodes := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := Run(p)
				if err != nil {
					b.Fatal(err)
				}
				nodes = res.Nodes
				for k, ph := range res.Phases {
					sum[k] += ph.Seconds
				}
				sum[5] += res.Seconds
			}
			for k, name := range []string{"load-s/op", "expand-s/op", "options-s/op", "ids-s/op", "lookup-s/op"} {
				b.ReportMetric(sum[k]/float64(b.N), name)
			}
			b.ReportMetric(sum[5]/float64(b.N)*1e6/float64(nodes), "µs/node")
		})
	}
}

// BenchmarkLoadRecipes is the load phase alone: parse and run every
// recipe module the graph uses, with a fresh loader each time.
func BenchmarkLoadRecipes(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			t := benchTree(b, n)
			var paths []string
			for _, r := range t.Refs {
				paths = append(paths, filepath.Join(t.Recipes, r, "_", "_", "conanfile.py"))
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				l := recipe.NewLoader()
				for _, p := range paths {
					if _, err := l.Load(p); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(paths)), "µs/recipe")
		})
	}
}

// BenchmarkWriteLockfile writes the lockfile of a resolved graph, as
// lock create does after resolving: every node's options and those of
// its closure (32 MB at 10,000 packages). Reports bytes per node; a
// rising allocs/op means the text is being built whole again.
func BenchmarkWriteLockfile(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			t := benchTree(b, n)
			res, err := engine.Resolve(params(b, t))
			if err != nil {
				b.Fatal(err)
			}
			nodes := res.Graph.LockRevisions(false)
			var size countWriter
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				size = 0
				if err := graph.WriteLockfile(&size, nodes, t.Dir, "", "", false); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(size))
			b.ReportMetric(float64(size)/float64(len(nodes)), "bytes/node")
		})
	}
}

// BenchmarkInfo builds and prints conid info's report of a resolved
// graph, the part of the main command after resolving.
func BenchmarkInfo(b *testing.B) {
	for _, n := range sizes {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			res, err := engine.Resolve(params(b, benchTree(b, n)))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				items, err := res.Graph.Info()
				if err != nil {
					b.Fatal(err)
				}
				graph.PrintInfo(io.Discard, items, nil)
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(res.Graph.Nodes)), "µs/node")
		})
	}
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
