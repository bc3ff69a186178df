package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/conid/conid/recipe/ref"
)

// TestNodeSetSnapshots checks nodeSet against plain maps copied on
// assign: random additions, snapshots and unions over a few sets.
func TestNodeSetSnapshots(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	nodes := make([]*Node, 3000)
	for i := range nodes {
		ctx := Host
		if i%7 == 0 {
			ctx = Build
		}
		nodes[i] = &Node{Ref: ref.Ref{Name: fmt.Sprintf("n%d", i%2500), Version: "1"}, Context: ctx}
	}
	const nsets = 6
	sets := make([]nodeSet, nsets)
	models := make([]map[nodeKey]*Node, nsets)
	for i := range sets {
		sets[i] = newNodeSet()
		models[i] = map[nodeKey]*Node{}
	}
	for step := 0; step < 20000; step++ {
		i := rng.IntN(nsets)
		switch r := rng.IntN(100); {
		case r < 80:
			n := nodes[rng.IntN(len(nodes))]
			sets[i].add(n)
			models[i][nodeKey{n.Name(), n.Context}] = n
		case r < 90:
			j := rng.IntN(nsets)
			if i == j {
				continue
			}
			sets[i].assign(&sets[j])
			models[i] = map[nodeKey]*Node{}
			for k, v := range models[j] {
				models[i][k] = v
			}
		default:
			j := rng.IntN(nsets)
			if i == j {
				continue
			}
			sets[i].union(&sets[j])
			for k, v := range models[j] {
				if _, ok := models[i][k]; !ok {
					models[i][k] = v
				}
			}
		}
		if step%500 == 0 {
			for x := range sets {
				if sets[x].size != len(models[x]) {
					t.Fatalf("step %d set %d: size %d, want %d", step, x, sets[x].size, len(models[x]))
				}
				for _, n := range nodes {
					if got, want := sets[x].get(n.Name(), n.Context), models[x][nodeKey{n.Name(), n.Context}]; got != want {
						t.Fatalf("step %d set %d: get(%s) = %v, want %v", step, x, n.Name(), got, want)
					}
				}
			}
		}
	}
}
