package graph

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"

	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/ref"
)

// levelsRescan is Conan's _order_levels as written: rescan the open nodes
// for each level. levels must give the same.
func levelsRescan(subset []*Node, direct bool) [][]*Node {
	opened := map[*Node]bool{}
	for _, n := range subset {
		opened[n] = true
	}
	order := append([]*Node(nil), subset...)
	sort.SliceStable(order, func(i, j int) bool { return order[i].seq < order[j].seq })
	var result [][]*Node
	for len(opened) > 0 {
		var level []*Node
		for _, o := range order {
			if !opened[o] {
				continue
			}
			blocked := false
			if direct {
				for _, e := range o.Dependencies {
					blocked = blocked || opened[e.Dst]
				}
			} else {
				for _, e := range o.Dependants {
					blocked = blocked || opened[e.Src]
				}
			}
			if !blocked {
				level = append(level, o)
			}
		}
		if len(level) == 0 {
			for _, o := range order {
				if opened[o] {
					level = append(level, o)
				}
			}
		}
		sort.SliceStable(level, func(i, j int) bool { return nodeLess(level[i], level[j]) })
		for _, n := range level {
			delete(opened, n)
		}
		result = append(result, level)
	}
	return result
}

// TestLevelsAsConan compares levels with the rescanning original on random
// graphs: DAGs with shared names and versions (so that nodeLess ties),
// subsets, and graphs with a cycle.
func TestLevelsAsConan(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for trial := range 300 {
		g := newGraph(nil)
		n := 1 + rng.IntN(60)
		if trial%5 == 1 {
			n = 300 // with a small subset below: positions by map
		}
		for i := range n {
			r := ref.Ref{Name: fmt.Sprintf("p%d", rng.IntN(n/2+1)), Version: fmt.Sprintf("1.%d", rng.IntN(3))}
			g.addNode(newNode(r, &recipe.Conanfile{DisplayName: r.String()}, Host, RecipeCache))
			_ = i
		}
		for i := range n {
			for range rng.IntN(4) {
				j := rng.IntN(n)
				if j > i || (trial%10 == 0 && j != i) { // every tenth graph may have cycles
					g.addEdge(g.Nodes[i], g.Nodes[j], &recipe.Requirement{})
				}
			}
		}
		subset := g.Nodes
		if trial%3 == 0 || n == 300 {
			subset = nil
			for _, x := range g.Nodes {
				keep := rng.IntN(3) > 0 // two nodes in three
				if n == 300 {
					keep = rng.IntN(10) == 0 // one in ten
				}
				if keep {
					subset = append(subset, x)
				}
			}
			rng.Shuffle(len(subset), func(i, j int) { subset[i], subset[j] = subset[j], subset[i] })
		}
		for _, direct := range []bool{true, false} {
			got, want := levels(subset, direct), levelsRescan(subset, direct)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("trial %d direct=%v:\n got %v\nwant %v", trial, direct, names(got), names(want))
			}
		}
	}
}

func names(levels [][]*Node) [][]string {
	var out [][]string
	for _, l := range levels {
		var s []string
		for _, n := range l {
			s = append(s, fmt.Sprintf("%s#%d", n.Ref.String(), n.seq))
		}
		out = append(out, s)
	}
	return out
}
