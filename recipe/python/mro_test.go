package python

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMROSingleBaseAsC3 holds the one-base shortcut of computeMRO to
// the C3 linearisation, over random hierarchies with several bases
// above the one.
func TestMROSingleBaseAsC3(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		classes := []*Class{ObjectClass}
		for i := range 12 {
			var bases []*Class
			for _, b := range rng.Perm(len(classes))[:1+rng.IntN(min(3, len(classes)))] {
				bases = append(bases, classes[b])
			}
			c, err := NewClass("C", bases, nil)
			if err != nil {
				continue // no consistent order: C3 rejects some
			}
			c.Name = string(rune('A' + i))
			classes = append(classes, c)
		}
		for _, base := range classes {
			c := &Class{Name: "Z", Bases: []*Class{base}, Dict: NewNamespace()}
			got, err := computeMRO(c)
			want, werr := c3(c)
			if err != nil || werr != nil || !slices.Equal(got, want) {
				t.Fatalf("round %d: base %s: %v %v, C3 %v %v", round, base.Name, names(got), err, names(want), werr)
			}
		}
	}
}

func names(cs []*Class) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}
