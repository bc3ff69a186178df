package graph

import (
	"math/rand"
	"testing"
)

// A ptrSet answers as a map over many rounds of any size, reset with and
// without room, growing past its room.
func TestPtrSetIsMap(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	pool := make([]*int, 3000)
	for i := range pool {
		pool[i] = new(int)
	}
	var s ptrSet[int]
	for round := range 2000 {
		size := rng.Intn(400)
		s.reset(rng.Intn(size + 1)) // room may be short of what comes
		m := map[*int]bool{}
		for range size {
			p := pool[rng.Intn(len(pool))]
			if got, want := s.add(p), !m[p]; got != want {
				t.Fatalf("round %d: add reported new %v, the map says %v", round, got, want)
			}
			m[p] = true
		}
		if s.n != len(m) {
			t.Fatalf("round %d: %d entries, the map has %d", round, s.n, len(m))
		}
	}
}

// A round number that wraps around empties the table rather than taking
// entries of an old round for this one's.
func TestPtrSetRoundWraps(t *testing.T) {
	var s ptrSet[int]
	p := new(int)
	s.reset(4)
	for i := range s.slots { // as if round 0 had added p everywhere
		s.slots[i] = ptrSlot[int]{p, 0}
	}
	s.round = ^uint32(0)
	s.reset(4) // the round wraps to 0
	if !s.add(p) {
		t.Fatal("an entry of an old round counts in a wrapped one")
	}
}
