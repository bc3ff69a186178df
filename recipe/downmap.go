package recipe

import (
	"hash/maphash"
	"math/bits"
)

// downMap is a persistent map from package name to requirement: the
// downstream requirements every node of a graph receives and hands on,
// each one its consumer's with a name removed and a few set. It is a hash
// array mapped trie whose versions share structure. A batch of changes
// (one Requirements.Update) is made under an edit token: the first change
// to a trie node shared with older versions copies it, and later changes
// of the same batch edit that copy in place, so that a batch copies each
// path once however many names it sets (a general persistent map copies
// it for every change).
type downMap struct {
	root *downNode
	size int
}

type downNode struct {
	edit    *int   // the batch that made it, which alone may change it
	bitmap  uint32 // a zero bitmap with entries: leaves whose hashes collide
	entries []downEntry
}

// downEntry is a leaf or a sub-trie.
type downEntry struct {
	leaf  *downLeaf
	child *downNode
}

type downLeaf struct {
	name string
	hash uint64
	req  *Requirement
}

const downBits = 5

var downSeed = maphash.MakeSeed()

// testDownHash, when a test sets it, replaces the hash (to make hashes
// collide); downHash stays a direct call, as graph's node sets hash.
var testDownHash func(string) uint64

func downHash(name string) uint64 {
	if testDownHash != nil {
		return testDownHash(name)
	}
	return realDownHash(name)
}

func realDownHash(name string) uint64 { return maphash.String(downSeed, name) }

func (m *downMap) get(name string) (*Requirement, bool) {
	if m == nil || m.root == nil {
		return nil, false
	}
	return m.lookup(name, downHash(name))
}

// lookup is get with the name's hash.
func (m *downMap) lookup(name string, h uint64) (*Requirement, bool) {
	t := m.root
	for shift := uint(0); ; shift += downBits {
		if t.bitmap == 0 {
			for _, e := range t.entries {
				if e.leaf.name == name {
					return e.leaf.req, true
				}
			}
			return nil, false
		}
		bit := uint32(1) << ((h >> shift) & 31)
		if t.bitmap&bit == 0 {
			return nil, false
		}
		e := t.entries[bits.OnesCount32(t.bitmap&(bit-1))]
		if e.child == nil {
			if e.leaf.name == name {
				return e.leaf.req, true
			}
			return nil, false
		}
		t = e.child
	}
}

// own returns t if the batch may change it, else a copy it may.
func own(t *downNode, edit *int) *downNode {
	if t == nil {
		return &downNode{edit: edit}
	}
	if t.edit == edit {
		return t
	}
	return &downNode{edit: edit, bitmap: t.bitmap, entries: append(make([]downEntry, 0, len(t.entries)+1), t.entries...)}
}

// set maps name to req, as part of the batch edit.
func (m *downMap) set(edit *int, name string, req *Requirement) {
	h := downHash(name)
	m.root = own(m.root, edit)
	t := m.root
	for shift := uint(0); ; shift += downBits {
		if t.bitmap == 0 && len(t.entries) > 0 { // a collision list
			for i := range t.entries {
				if t.entries[i].leaf.name == name {
					t.entries[i].leaf = &downLeaf{name, h, req}
					return
				}
			}
			t.entries = append(t.entries, downEntry{leaf: &downLeaf{name, h, req}})
			m.size++
			return
		}
		bit := uint32(1) << ((h >> shift) & 31)
		i := bits.OnesCount32(t.bitmap & (bit - 1))
		if t.bitmap&bit == 0 {
			t.entries = append(t.entries, downEntry{})
			copy(t.entries[i+1:], t.entries[i:])
			t.entries[i] = downEntry{leaf: &downLeaf{name, h, req}}
			t.bitmap |= bit
			m.size++
			return
		}
		e := &t.entries[i]
		if e.child != nil {
			e.child = own(e.child, edit)
			t = e.child
			continue
		}
		if e.leaf.name == name {
			e.leaf = &downLeaf{name, h, req}
			return
		}
		old := e.leaf
		child := &downNode{edit: edit}
		if old.hash == h || shift+downBits >= 64 {
			// Whole hashes collide: a list.
			child.entries = []downEntry{{leaf: old}, {leaf: &downLeaf{name, h, req}}}
			*e = downEntry{child: child}
			m.size++
			return
		}
		// Two hashes share this slot: push the leaf down a level.
		child.bitmap = uint32(1) << ((old.hash >> (shift + downBits)) & 31)
		child.entries = []downEntry{{leaf: old}}
		*e = downEntry{child: child}
		t = child
	}
}

// remove deletes name, as part of the batch edit.
func (m *downMap) remove(edit *int, name string) {
	if m.root == nil {
		return
	}
	h := downHash(name)
	if _, ok := m.lookup(name, h); !ok {
		return // copy no path for nothing
	}
	m.root = removeFrom(own(m.root, edit), edit, name, h, 0)
	m.size--
}

// removeFrom deletes name (which t holds) from t, which the batch owns,
// and returns t, or nil when it is left empty.
func removeFrom(t *downNode, edit *int, name string, h uint64, shift uint) *downNode {
	if t.bitmap == 0 { // a collision list
		for i := range t.entries {
			if t.entries[i].leaf.name == name {
				t.entries = append(t.entries[:i], t.entries[i+1:]...)
				break
			}
		}
	} else {
		bit := uint32(1) << ((h >> shift) & 31)
		i := bits.OnesCount32(t.bitmap & (bit - 1))
		e := &t.entries[i]
		if e.child != nil {
			e.child = removeFrom(own(e.child, edit), edit, name, h, shift+downBits)
		}
		if e.child == nil { // the leaf itself, or a sub-trie now empty
			t.entries = append(t.entries[:i], t.entries[i+1:]...)
			t.bitmap &^= bit
		}
	}
	if len(t.entries) == 0 {
		return nil
	}
	return t
}
