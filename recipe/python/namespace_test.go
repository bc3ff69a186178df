package python

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// A namespace behaves as an insertion-ordered map, below and past the
// size where it keeps an index by name, through deletions and copies.
func TestNamespaceIsOrderedMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 200 {
		n := NewNamespaceSize(rng.IntN(20))
		var order []string
		model := map[string]Value{}
		for step := range 200 {
			k := fmt.Sprint("k", rng.IntN(4+round%40))
			switch rng.IntN(4) {
			case 0:
				_, had := model[k]
				if n.Delete(k) != had {
					t.Fatalf("round %d step %d: Delete(%s) disagrees", round, step, k)
				}
				if had {
					delete(model, k)
					order = slices.DeleteFunc(order, func(x string) bool { return x == k })
				}
			case 1:
				n = n.Copy()
			default:
				v := int64(step)
				if _, had := model[k]; !had {
					order = append(order, k)
				}
				model[k] = v
				n.Set(k, v)
			}
			if !slices.Equal(n.Keys(), order) || n.Len() != len(order) {
				t.Fatalf("round %d step %d: keys %v, want %v", round, step, n.Keys(), order)
			}
			for j := range 44 {
				k := fmt.Sprint("k", j)
				v, ok := n.Get(k)
				if mv, mok := model[k]; ok != mok || v != mv {
					t.Fatalf("round %d step %d: Get(%s) = %v %v, want %v %v", round, step, k, v, ok, mv, mok)
				}
			}
		}
	}
}
