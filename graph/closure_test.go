package graph_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/conid/conid/bench"
	"github.com/conid/conid/engine"
	"github.com/conid/conid/graph"
	"github.com/conid/conid/home"
	"github.com/conid/conid/profiles"
)

// TestPublicClosureInPublicDeps resolves generated trees of every shape
// (with build and private requirements, ranges and diamonds) and checks
// that every node's public_deps agrees with its public closure, which
// lets connectClosure answer a repeated connection from the closure alone.
func TestPublicClosureInPublicDeps(t *testing.T) {
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2, 3} {
			dir := t.TempDir()
			tree, err := bench.Generate(filepath.Join(dir, "tree"), bench.GenOptions{Packages: 120, Seed: seed, Shape: shape})
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
			if err := graph.CheckPublicDeps(res.Graph); err != nil {
				t.Errorf("%s seed %d: %v", shape, seed, err)
			}
		}
	}
}
