package strindex

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// A List against a slice searched by hand: random additions, removals
// and clones, past Scan so that the index is made, kept and dropped.
func TestListIsOrderedSet(t *testing.T) {
	pool := make([]string, 3*Scan)
	for i := range pool {
		pool[i] = fmt.Sprint("k", i)
	}
	pool[0] = "" // the filter's own case
	for seed := uint64(1); seed <= 200; seed++ {
		rng := rand.New(rand.NewPCG(seed, 1))
		var l List
		var want []string
		for range 300 {
			k := pool[rng.IntN(len(pool))]
			switch i := slices.Index(want, k); {
			case rng.IntN(8) == 0:
				l = l.Clone()
			case i >= 0:
				l.RemoveAt(l.Find(k))
				want = slices.Delete(want, i, i+1)
			default:
				l.Add(k)
				want = append(want, k)
			}
			if !slices.Equal(l.Strings(), want) || l.Len() != len(want) {
				t.Fatalf("seed %d: %v, want %v", seed, l.Strings(), want)
			}
			for _, k := range pool {
				if got, w := l.Find(k), slices.Index(want, k); got != w {
					t.Fatalf("seed %d: Find(%s) = %d, want %d", seed, k, got, w)
				}
			}
		}
	}
}
