package graph

import (
	"math/bits"
	"unsafe"
)

// ptrSet is a set of pointers that lives during one call and is emptied
// for the next in constant time: open addressing over the addresses,
// each entry stamped with the round that made it. It stands in for a Go
// map where a node's work adds a few hundred pointers and the map's
// hashing and clearing showed in profiles.
type ptrSet[T any] struct {
	slots []ptrSlot[T]
	round uint32
	n     int // entries of this round
	shift uint
}

type ptrSlot[T any] struct {
	p     *T
	round uint32
}

// reset empties the set, with room for about size entries.
func (s *ptrSet[T]) reset(size int) {
	s.n = 0
	s.round++
	if want := 2 * max(size, 8); len(s.slots) < want || s.round == 0 {
		s.make(want)
	}
}

func (s *ptrSet[T]) make(want int) {
	b := bits.Len(uint(want - 1))
	s.slots, s.shift, s.round = make([]ptrSlot[T], 1<<b), uint(64-b), 1
}

// add adds p and reports whether it was not there.
func (s *ptrSet[T]) add(p *T) bool {
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	mask := len(s.slots) - 1
	for i := s.slot(p); ; i = (i + 1) & mask {
		e := &s.slots[i]
		if e.round != s.round {
			e.p, e.round = p, s.round
			s.n++
			return true
		}
		if e.p == p {
			return false
		}
	}
}

func (s *ptrSet[T]) slot(p *T) int {
	return int(uint64(uintptr(unsafe.Pointer(p))) * 0x9E3779B97F4A7C15 >> s.shift)
}

// grow doubles the table, keeping this round's entries.
func (s *ptrSet[T]) grow() {
	old, round := s.slots, s.round
	s.make(2 * len(old))
	s.n = 0
	for _, e := range old {
		if e.round == round {
			s.add(e.p)
		}
	}
}
