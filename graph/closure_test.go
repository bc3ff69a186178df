package graph_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/conid/conid/bench"
	"github.com/conid/conid/engine"
	"github.com/conid/conid/graph"
	"github.com/conid/conid/home"
	"github.com/conid/conid/profiles"
)

// resolveGenerated resolves a generated tree of a shape.
func resolveGenerated(t *testing.T, shape string, seed uint64, packages int) *graph.Graph {
	t.Helper()
	dir := t.TempDir()
	tree, err := bench.Generate(filepath.Join(dir, "tree"), bench.GenOptions{Packages: packages, Seed: seed, Shape: shape})
	if err != nil {
		t.Fatal(err)
	}
	hdir := filepath.Join(dir, "home")
	if err := os.MkdirAll(hdir, 0o755); err != nil {
		t.Fatal(err)
	}
	h, err := home.FromEnv(func(k string) string {
		if k == "CONAN_USER_HOME" {
			return hdir
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Resolve(engine.Params{Home: h, Cwd: tree.Dir, Target: tree.Consumer, Recipes: []string{tree.Recipes},
		Host: profiles.Args{Profiles: []string{tree.Profile}}})
	if err != nil {
		t.Fatalf("%s seed %d: %v", shape, seed, err)
	}
	return res.Graph
}

// TestAncestorsLazyAsEager resolves generated trees of every shape with
// a diamond's ancestor additions applied at once, as Conan does, and
// when the sets are read: every node's ancestors must hold the same keys.
func TestAncestorsLazyAsEager(t *testing.T) {
	defer graph.SetEagerAncestors(false)
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2, 3} {
			graph.SetEagerAncestors(true)
			eager := graph.AncestorKeys(resolveGenerated(t, shape, seed, 120))
			graph.SetEagerAncestors(false)
			lazy := graph.AncestorKeys(resolveGenerated(t, shape, seed, 120))
			if !slices.Equal(eager, lazy) {
				for i := range min(len(eager), len(lazy)) {
					if eager[i] != lazy[i] {
						t.Fatalf("%s seed %d: node %d\neager: %s\nlazy:  %s", shape, seed, i, eager[i], lazy[i])
					}
				}
				t.Fatalf("%s seed %d: %d nodes eager, %d lazy", shape, seed, len(eager), len(lazy))
			}
		}
	}
}

// TestPublicClosureInPublicDeps resolves generated trees of every shape
// (with build and private requirements, ranges and diamonds) and checks
// that every node's public_deps agrees with its public closure, which
// lets connectClosure answer a repeated connection from the closure alone.
func TestPublicClosureInPublicDeps(t *testing.T) {
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2, 3} {
			g := resolveGenerated(t, shape, seed, 120)
			if err := graph.CheckPublicDeps(g); err != nil {
				t.Errorf("%s seed %d: %v", shape, seed, err)
			}
		}
	}
}

// TestUsedNamesShortcut resolves generated trees of every shape and
// checks, on every node where propagateOptions takes its shortcut, that
// it names what the dependencies name.
func TestUsedNamesShortcut(t *testing.T) {
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2} {
			taken, err := graph.CheckUsedNames(resolveGenerated(t, shape, seed, 120))
			if err != nil {
				t.Fatalf("%s seed %d: %v", shape, seed, err)
			}
			if taken == 0 {
				t.Fatalf("%s seed %d: no node took the shortcut", shape, seed)
			}
		}
	}
}
