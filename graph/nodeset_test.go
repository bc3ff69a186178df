package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/conid/conid/recipe/ref"
)

// TestNodeSetSnapshots checks nodeSet against plain maps copied on
// assign: random additions, snapshots and unions over a few sets.
func TestNodeSetSnapshots(t *testing.T) { checkNodeSet(t, 3000) }

// With every hash alike, all keys go to collision lists (and with few
// distinct hashes, to lists below pushed-down leaves).
func TestNodeSetCollisions(t *testing.T) {
	defer func(f func(int32) uint64) { hashKey = f }(hashKey)
	hashKey = func(k int32) uint64 { return hashNodeKey(k) % 3 }
	checkNodeSet(t, 300)
}

func checkNodeSet(t *testing.T, count int) {
	rng := rand.New(rand.NewPCG(1, 2))
	g := newGraph()
	nodes := make([]*Node, count)
	for i := range nodes {
		ctx := Host
		if i%7 == 0 {
			ctx = Build
		}
		nodes[i] = &Node{Ref: ref.Ref{Name: fmt.Sprintf("n%d", i%(count*5/6)), Version: "1"}, Context: ctx}
		g.addNode(nodes[i]) // gives the node its key
	}
	const nsets = 6
	sets := make([]nodeSet, nsets)
	models := make([]map[int32]*Node, nsets)
	for i := range sets {
		sets[i] = newNodeSet()
		models[i] = map[int32]*Node{}
	}
	for step := 0; step < count*7; step++ {
		i := rng.IntN(nsets)
		switch r := rng.IntN(100); {
		case r < 80:
			n := nodes[rng.IntN(len(nodes))]
			sets[i].add(n)
			models[i][n.key] = n
		case r < 90:
			j := rng.IntN(nsets)
			if i == j {
				continue
			}
			sets[i].assign(&sets[j])
			models[i] = map[int32]*Node{}
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
					if got, want := sets[x].get(n.key), models[x][n.key]; got != want {
						t.Fatalf("step %d set %d: get(%s) = %v, want %v", step, x, n.Name(), got, want)
					}
				}
			}
		}
	}
}
