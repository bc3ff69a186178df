package graph

import (
	"math/bits"
	"sync"
)

// nodeSet is a persistent map from (name, context) to a node. Conan's
// graph builder gives every new node a copy of its parent's public_deps
// and ancestors, and then adds to both copies; with plain maps that is
// quadratic in the size of the graph (and is much of why Conan 1 is slow
// on large graphs). nodeSet is a hash array mapped trie whose snapshots
// share structure: assign is O(1), an addition copies at most one path,
// and an addition to a path that no snapshot shares happens in place
// (each trie node records the edit that owns it, as Clojure's transients
// do), so that the many additions between two snapshots cost no copying.
type nodeSet struct {
	root *hamtNode
	edit *int // owner token; trie nodes with the same token are ours alone
	size int
}

type hamtNode struct {
	edit    *int
	bitmap  uint32
	entries []hamtEntry // one per bit set in bitmap, in bit order
}

// hamtEntry is a leaf (node set; its key is the node's key)
// or a sub-trie. A sub-trie with a zero bitmap below the last level holds
// leaves whose whole hashes collide, in entries.
type hamtEntry struct {
	node  *Node
	child *hamtNode
}

func (e *hamtEntry) key() int32 { return e.node.key }

const hamtBits = 5

// testHash, when a test sets it, replaces the hash (to make hashes
// collide). hashKey stays a direct call that inlines: an indirect one
// on every step of every lookup cost more than the multiplication.
var testHash func(int32) uint64

func hashKey(k int32) uint64 {
	if testHash != nil {
		return testHash(k)
	}
	return hashNodeKey(k)
}

// hashNodeKey spreads node keys (small integers) over 64 bits: a
// multiplication by an odd constant is a bijection, so distinct keys
// never collide.
func hashNodeKey(k int32) uint64 { return uint64(uint32(k)) * 0x9e3779b97f4a7c15 }

func newNodeSet() nodeSet { return nodeSet{edit: new(int)} }

// lazySet is a node set read rarely and added to often: its additions,
// single nodes (in order) or whole sets that nothing changes any more,
// wait until it is next read (now). A graph node's ancestors are read
// only when the node expands a requirement or hands a copy to a new
// dependency, and most additions come after its own expansion, when
// nothing reads them again: inserting each at once copied trie paths
// shared with the node's children for nothing. Ancestors, asked only
// whether they hold a key, take nodes and sets in any order: now adds
// the nodes first, then the sets.
type lazySet struct {
	set    nodeSet
	adds   []*Node
	unions []*nodeSet
	// changes counts the additions made or queued, so that a set made
	// from this one can be known to be still the same (Node.ancWith).
	changes uint32
}

func newLazySet() lazySet { return lazySet{set: newNodeSet()} }

// add queues n for the set (nodeSet.add when the set is read).
func (s *lazySet) add(n *Node) {
	s.adds = append(s.adds, n)
	s.changes++
}

// union queues o, which must not change any more, for the set; o again,
// right after o, adds nothing.
func (s *lazySet) union(o *nodeSet) {
	if k := len(s.unions); k > 0 && s.unions[k-1] == o {
		return
	}
	s.unions = append(s.unions, o)
	s.changes++
}

// now makes what waits and returns the set.
func (s *lazySet) now() *nodeSet {
	for _, n := range s.adds {
		s.set.add(n)
	}
	for _, o := range s.unions {
		s.set.union(o)
	}
	clear(s.adds)
	clear(s.unions)
	s.adds, s.unions = s.adds[:0], s.unions[:0]
	return &s.set
}

func (s *nodeSet) get(k int32) *Node { return lookup(s.root, k, 0) }

// has tells whether the subtrie t, at depth shift, holds key k.
func has(t *hamtNode, k int32, shift uint) bool { return lookup(t, k, shift) != nil }

// lookup finds key k in the subtrie t at depth shift.
func lookup(t *hamtNode, k int32, shift uint) *Node {
	h := hashKey(k)
	if t != nil && t.bitmap == 0 { // a collision list
		for i := range t.entries {
			if t.entries[i].key() == k {
				return t.entries[i].node
			}
		}
		return nil
	}
	for ; t != nil; shift += hamtBits {
		bit := uint32(1) << ((h >> shift) & 31)
		if t.bitmap&bit == 0 {
			return nil
		}
		e := &t.entries[bits.OnesCount32(t.bitmap&(bit-1))]
		if e.child == nil {
			if e.key() == k {
				return e.node
			}
			return nil
		}
		t = e.child
		if t.bitmap == 0 { // collisions
			for i := range t.entries {
				if t.entries[i].key() == k {
					return t.entries[i].node
				}
			}
			return nil
		}
	}
	return nil
}

// assign makes s a snapshot of o. Both stop editing in place what they
// now share.
func (s *nodeSet) assign(o *nodeSet) {
	o.edit = new(int)
	s.root, s.size, s.edit = o.root, o.size, new(int)
}

// union adds every node of o that s does not hold yet. Sets made from
// one another share subtrees, so it merges the two tries level by level:
// a subtree they share is skipped whole, and one that s lacks is shared
// with o rather than copied. Ancestor sets are unions of one another;
// inserting o's nodes one by one cost a lookup from the root for each,
// most of them present already.
func (s *nodeSet) union(o *nodeSet) {
	if s.size == 0 {
		s.assign(o)
		return
	}
	if o.size == 0 || s.root == o.root {
		return
	}
	if s.edit == nil {
		s.edit = new(int)
	}
	m := mergePool.Get().(*merger)
	m.s, m.oEdit, m.shared = s, o.edit, false
	s.root = m.merge(s.root, o.root, 0)
	if m.shared {
		o.edit = new(int) // o no longer edits in place what s now holds too
	}
	for _, n := range m.keep { // s's own, displaced by a subtree of o's
		s.add(n)
	}
	for _, n := range m.missing {
		s.insert(n)
	}
	for _, n := range m.maybe {
		if s.get(n.key) == nil {
			s.insert(n)
		}
	}
	clear(m.keep)
	clear(m.missing)
	clear(m.maybe)
	m.s, m.oEdit = nil, nil
	m.keep, m.missing, m.maybe = m.keep[:0], m.missing[:0], m.maybe[:0]
	mergePool.Put(m)
}

// merger merges another set's trie into s (see union). Leaves of o's it
// cannot place where they meet go to missing (s lacks them) or maybe (in
// collision lists); keep has s's own leaves, put back over a subtree of
// o's that took their place.
type merger struct {
	s                    *nodeSet
	oEdit                *int
	shared               bool
	keep, missing, maybe []*Node
}

var mergePool = sync.Pool{New: func() any { return new(merger) }}

// merge merges u into t, at the same depth, and returns t or the copy of
// it that s may edit.
func (m *merger) merge(t, u *hamtNode, shift uint) *hamtNode {
	if t == u {
		return t
	}
	if t.bitmap == 0 || u.bitmap == 0 { // a collision list on either side
		m.maybe = appendLeaves(m.maybe, u)
		return t
	}
	s := m.s
	for bm := u.bitmap; bm != 0; bm &= bm - 1 {
		bit := bm & -bm
		ue := &u.entries[bits.OnesCount32(u.bitmap&(bit-1))]
		i := bits.OnesCount32(t.bitmap & (bit - 1))
		if t.bitmap&bit == 0 {
			t = s.own(t)
			t.entries = append(t.entries, hamtEntry{})
			copy(t.entries[i+1:], t.entries[i:])
			t.entries[i] = *ue
			t.bitmap |= bit
			s.size += m.share(ue)
			continue
		}
		te := &t.entries[i]
		switch {
		case te.child != nil && ue.child != nil:
			if c := m.merge(te.child, ue.child, shift+hamtBits); c != te.child {
				t = s.own(t)
				t.entries[i].child = c
			}
		case ue.child == nil && te.child == nil: // two leaves
			if te.key() != ue.key() {
				m.missing = append(m.missing, ue.node)
			}
		case ue.child == nil: // a leaf of o's meets a subtree of s's
			if !has(te.child, ue.key(), shift+hamtBits) {
				m.missing = append(m.missing, ue.node)
			}
		default: // a subtree of o's where s has one leaf: take the subtree
			m.keep = append(m.keep, te.node)
			t = s.own(t)
			t.entries[i] = *ue
			s.size += m.share(ue) - 1
		}
	}
	return t
}

// share counts the leaves of an entry s now shares with o, noting a
// subtree that o may still edit in place.
func (m *merger) share(e *hamtEntry) int {
	if e.child == nil {
		return 1
	}
	if e.child.edit == m.oEdit {
		m.shared = true
	}
	return countLeaves(e.child)
}

func countLeaves(t *hamtNode) int {
	n := 0
	for i := range t.entries {
		if e := &t.entries[i]; e.child != nil {
			n += countLeaves(e.child)
		} else {
			n++
		}
	}
	return n
}

func appendLeaves(out []*Node, t *hamtNode) []*Node {
	for i := range t.entries {
		if e := &t.entries[i]; e.child != nil {
			out = appendLeaves(out, e.child)
		} else {
			out = append(out, e.node)
		}
	}
	return out
}

// newHamtNode returns an empty trie node with room for n entries, made
// with them in one allocation up to 32 (a set's copies of trie nodes are
// most of what the graph builder allocates).
func newHamtNode(edit *int, n int) *hamtNode {
	var t *hamtNode
	switch {
	case n <= 2:
		b := new(struct {
			hamtNode
			a [2]hamtEntry
		})
		t = &b.hamtNode
		t.entries = b.a[:0]
	case n <= 4:
		b := new(struct {
			hamtNode
			a [4]hamtEntry
		})
		t = &b.hamtNode
		t.entries = b.a[:0]
	case n <= 8:
		b := new(struct {
			hamtNode
			a [8]hamtEntry
		})
		t = &b.hamtNode
		t.entries = b.a[:0]
	case n <= 16:
		b := new(struct {
			hamtNode
			a [16]hamtEntry
		})
		t = &b.hamtNode
		t.entries = b.a[:0]
	case n <= 32:
		b := new(struct {
			hamtNode
			a [32]hamtEntry
		})
		t = &b.hamtNode
		t.entries = b.a[:0]
	default:
		t = &hamtNode{entries: make([]hamtEntry, 0, n)}
	}
	t.edit = edit
	return t
}

// own returns t if this set may edit it in place, else a copy it may.
func (s *nodeSet) own(t *hamtNode) *hamtNode {
	if t != nil && t.edit == s.edit {
		return t
	}
	if t == nil {
		return newHamtNode(s.edit, 1)
	}
	c := newHamtNode(s.edit, len(t.entries)+1)
	c.bitmap = t.bitmap
	c.entries = append(c.entries, t.entries...)
	return c
}

// add maps n's key to n.
func (s *nodeSet) add(n *Node) {
	if s.get(n.key) != n { // held already: copy no path for nothing
		s.insert(n)
	}
}

// insert is add without looking first.
func (s *nodeSet) insert(n *Node) {
	if s.edit == nil {
		s.edit = new(int)
	}
	k := n.key
	h := hashKey(k)
	s.root = s.own(s.root)
	t := s.root
	for shift := uint(0); ; shift += hamtBits {
		if t.bitmap == 0 && len(t.entries) > 0 { // a collision list
			for i := range t.entries {
				if t.entries[i].key() == k {
					t.entries[i].node = n
					return
				}
			}
			t.entries = append(t.entries, hamtEntry{node: n})
			s.size++
			return
		}
		bit := uint32(1) << ((h >> shift) & 31)
		i := bits.OnesCount32(t.bitmap & (bit - 1))
		if t.bitmap&bit == 0 {
			t.entries = append(t.entries, hamtEntry{})
			copy(t.entries[i+1:], t.entries[i:])
			t.entries[i] = hamtEntry{node: n}
			t.bitmap |= bit
			s.size++
			return
		}
		e := &t.entries[i]
		if e.child != nil {
			e.child = s.own(e.child)
			t = e.child
			continue
		}
		if e.key() == k {
			e.node = n
			return
		}
		old := *e
		oh := hashKey(old.key()) // leaves keep no hash: 16 bytes, not 24
		child := newHamtNode(s.edit, 2)
		if oh == h || shift+hamtBits >= 64 {
			// Whole hashes collide: a list.
			child.entries = append(child.entries, old, hamtEntry{node: n})
			*e = hamtEntry{child: child}
			s.size++
			return
		}
		// Two hashes share this slot: push the leaf down a level.
		child.bitmap = uint32(1) << ((oh >> (shift + hamtBits)) & 31)
		child.entries = append(child.entries, old)
		*e = hamtEntry{child: child}
		t = child
	}
}
