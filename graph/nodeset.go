package graph

import (
	"hash/maphash"

	"github.com/benbjohnson/immutable"
)

// nodeSet is a persistent map from (name, context) to a node. Conan's
// graph builder gives every new node a copy of its parent's public_deps
// and ancestors; with plain maps that is quadratic in the size of the
// graph (and is most of why Conan 1 is slow on large graphs). A
// persistent hash trie (github.com/benbjohnson/immutable) makes the copy
// O(1) and an addition O(log n) while keeping the copy semantics: later
// additions to one snapshot never show in another.
type nodeSet struct {
	m *immutable.Map[nodeKey, *Node]
}

var nodeKeySeed = maphash.MakeSeed()

type nodeKeyHasher struct{}

func (nodeKeyHasher) Hash(k nodeKey) uint32 {
	var h maphash.Hash
	h.SetSeed(nodeKeySeed)
	h.WriteString(k.name)
	h.WriteByte(0)
	h.WriteString(k.context)
	return uint32(h.Sum64())
}

func (nodeKeyHasher) Equal(a, b nodeKey) bool { return a == b }

func newNodeSet() nodeSet { return nodeSet{immutable.NewMap[nodeKey, *Node](nodeKeyHasher{})} }

func (s *nodeSet) add(n *Node) { s.m = s.m.Set(nodeKey{n.Name(), n.Context}, n) }

func (s *nodeSet) get(name, context string) *Node {
	n, _ := s.m.Get(nodeKey{name, context})
	return n
}

// assign makes s a snapshot of o.
func (s *nodeSet) assign(o nodeSet) { s.m = o.m }

// assignDict makes s hold the nodes of an ordered dict.
func (s *nodeSet) assignDict(d *nodeDict) {
	b := immutable.NewMapBuilder[nodeKey, *Node](nodeKeyHasher{})
	for _, k := range d.keys {
		b.Set(k, d.m[k])
	}
	s.m = b.Map()
}

// union adds every node of o.
func (s *nodeSet) union(o nodeSet) {
	if s.m.Len() == 0 {
		s.m = o.m
		return
	}
	it := o.m.Iterator()
	for !it.Done() {
		k, n, _ := it.Next()
		if _, ok := s.m.Get(k); !ok {
			s.m = s.m.Set(k, n)
		}
	}
}
