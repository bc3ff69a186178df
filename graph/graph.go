// Package graph resolves a Conan 1 dependency graph exactly as Conan 1.65
// does: the same expansion order, the same closures deciding diamonds and
// conflicts, the same option propagation and the same node numbering, so
// that lockfiles and package IDs come out identical.
//
// The resolver talks to the world through Source (which recipes exist and
// where their conanfile.py is) and a recipe.Loader (which evaluates them);
// files, caches and remotes live behind Source.
package graph

import (
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"sort"
	"strconv"
	"unsafe"

	"github.com/conid/conid/internal/growmap"
	"github.com/conid/conid/packageid"
	"github.com/conid/conid/recipe"
	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
)

// Contexts.
const (
	Host  = "host"
	Build = "build"
)

// Recipe statuses (Conan's RECIPE_*).
const (
	RecipeConsumer = "Consumer"
	RecipeVirtual  = "Virtual"
	RecipeCache    = "Cache"
	RecipeDownload = "Downloaded"
	RecipeNoRemote = "No remote"
)

// Binary statuses (Conan's BINARY_*).
const (
	BinaryCache    = "Cache"
	BinaryDownload = "Download"
	BinaryUpdate   = "Update"
	BinaryBuild    = "Build"
	BinaryMissing  = "Missing"
	BinarySkip     = "Skip"
	BinaryEditable = "Editable"
	BinaryUnknown  = "Unknown"
	BinaryInvalid  = "Invalid"
)

// Node is one package in one context.
type Node struct {
	ID     string
	Ref    ref.Ref // Name is "" for a consumer without name and the virtual root
	HasRef bool    // a consumer conanfile.py has a (maybe empty) reference
	// (Two fields documented below, kept here to fill the space before
	// the next pointer: a node is 768 bytes, and 776 took 896.)
	closureReplaced bool
	ancWithAt       uint32
	Conanfile       *recipe.Conanfile
	Context         string
	Recipe          string // RecipeConsumer, RecipeVirtual, RecipeCache...
	Path            string // consumer file
	// Remote the recipe came from (also for a recipe in the cache that
	// was downloaded before), and its URL.
	Remote, RemoteURL string
	// Manifest holds the recipe's export time (recipe.Location.Manifest).
	Manifest string

	Dependencies []*Edge
	Dependants   []*Edge
	// linked and linkedBy index the other ends of long edge lists.
	linked, linkedBy edgeIndex

	// Closure bookkeeping while the graph is built. Nodes are keyed by
	// small integers the graph hands out per (name, context) and per
	// name, so that the many lookups hash no strings.
	key, nameKey int32
	// depsBase is what Conan's public_deps held when the node was made
	// (see publicDep): its own public closure holds the rest.
	depsBase          *depsLink
	publicClosure     *nodeDict
	transitiveClosure *nameDict
	// inverseList is Conan's inverse_closure, in insertion order: the
	// nodes connected to this one. A node appears once (connectClosure).
	inverseList []*Node
	// closureReplaced (above) says that a node of publicClosure was once
	// replaced by another of the same key (private requirements can do
	// that).
	//
	// ancestors are Conan's: the (name, context) keys of the nodes
	// downstream of this one, asked only whether they hold a key.
	ancestors lazySet
	// ancWith is the node and its ancestors as one set, for the nodes
	// its diamonds reach, while its ancestors have had ancWithAt (above)
	// changes.
	ancWith *nodeSet

	PackageID     string
	Binary        string
	BinaryRemote  string
	Prev          string
	CantBuild     string
	ShouldBuild   bool
	binaryNonSkip string

	canonPref       *ref.PackageRef // see canonicalPrefOf
	idDirectPrefs   []*ref.PackageRef
	idIndirectPrefs []*ref.PackageRef

	// Computation is the text behind PackageID, for explain.
	Computation packageid.Computation
	seq         int // creation order
}

// Name is the package name ("" for a nameless consumer or virtual root).
func (n *Node) Name() string { return n.Ref.Name }

// Pref is the node's package reference.
func (n *Node) Pref() ref.PackageRef {
	return ref.PackageRef{Ref: n.Ref, PackageID: n.PackageID, Revision: n.Prev}
}

// RefString is Conan's str(node.ref): "" for nameless consumers.
func (n *Node) RefString() string {
	if n.Ref.Name == "" && n.Ref.Version == "" {
		return ""
	}
	if n.Ref.Version == "" {
		return n.Ref.Name + "/None"
	}
	return n.Ref.String()
}

// Neighbors returns the direct dependencies in order.
func (n *Node) Neighbors() []*Node {
	out := make([]*Node, len(n.Dependencies))
	for i, e := range n.Dependencies {
		out[i] = e.Dst
	}
	return out
}

// InverseNeighbors returns the direct dependants.
func (n *Node) InverseNeighbors() []*Node {
	out := make([]*Node, len(n.Dependants))
	for i, e := range n.Dependants {
		out[i] = e.Src
	}
	return out
}

// depsLink is part of a node's public_deps: a snapshot of a consumer's
// public closure, and the part below that consumer's own (next). Conan
// gives every new node a copy of its consumer's public_deps (of its
// public closure below a private or build requirement) and adds to it
// what it adds to the node's public closure. So a node's public_deps are
// its public closure, then its consumer's public closure as it was when
// the node was made, then that consumer's own links: the nearest holds a
// key's value. A link is a few words where a copy, even a persistent
// one, grew with the graph (a tenth of what a 10,000-package graph
// held).
type depsLink struct {
	snap  dictSnap
	next  *depsLink
	depth int // links from here to the end
}

// shadowPublicDeps, set by a test, makes nodes keep public_deps as Conan
// does too (shadowDeps, by node); shadowMismatch records the first lookup
// that publicDep answered otherwise.
var (
	shadowPublicDeps bool
	shadowDeps       map[*Node]map[int32]*Node
	shadowMismatch   error
)

// shadowNew gives n the public_deps Conan copies for it: consumer's (its
// public closure only, if closureOnly; none for the root), then n.
func shadowNew(n, consumer *Node, closureOnly bool) {
	if !shadowPublicDeps {
		return
	}
	m := map[int32]*Node{}
	switch {
	case consumer == nil:
	case closureOnly || shadowDeps[consumer] == nil:
		for _, x := range consumer.publicClosure.nodes() {
			m[x.key] = x
		}
	default:
		maps.Copy(m, shadowDeps[consumer])
	}
	m[n.key] = n
	shadowDeps[n] = m
}

// shadowCheck records, the first time, that publicDep gave n another
// node under key than the copied public_deps hold.
func shadowCheck(n *Node, key int32, got *Node) {
	if m := shadowDeps[n]; m != nil && m[key] != got && shadowMismatch == nil {
		shadowMismatch = fmt.Errorf("%s: public_deps holds %v under key %d, publicDep %v", n.RefString(), m[key], key, got)
	}
}

// maxDepsChain bounds the links a lookup walks: a longer chain (a deep
// graph) is merged into one link.
const maxDepsChain = 24

// newDepsLink is the public_deps a node made by consumer receives, past
// its own public closure: the consumer's (with its links unless
// closureOnly, for a private or build requirement).
func newDepsLink(consumer *Node, closureOnly bool) *depsLink {
	l := &depsLink{snap: consumer.publicClosure.snapshot(), depth: 1}
	if !closureOnly && consumer.depsBase != nil {
		l.next, l.depth = consumer.depsBase, consumer.depsBase.depth+1
	}
	if l.depth <= maxDepsChain {
		return l
	}
	// One dict of the whole chain, the farthest first so that a nearer
	// link's value replaces it.
	var chain []*depsLink
	for c := l; c != nil; c = c.next {
		chain = append(chain, c)
	}
	flat := newNodeDict()
	for i := len(chain) - 1; i >= 0; i-- {
		s := &chain[i].snap
		for j, k := range s.keys {
			flat.put(k, s.at(j))
		}
	}
	return &depsLink{snap: flat.snapshot(), depth: 1}
}

// publicDep is Conan's node.public_deps.get(key).
func (n *Node) publicDep(k int32) *Node {
	if x := n.publicClosure.get(k); x != nil {
		return x
	}
	for l := n.depsBase; l != nil; l = l.next {
		if x := l.snap.get(k); x != nil {
			return x
		}
	}
	return nil
}

// ancestorsAndSelf is n and its ancestors as one set, which must not
// change: the same set again while n's ancestors stay the same (they do
// while n expands, as nothing it reaches has n in a public closure), so
// that a node's diamonds share it and a closure node queues it once.
func (n *Node) ancestorsAndSelf() *nodeSet {
	if n.ancWith == nil || n.ancWithAt != n.ancestors.changes || eagerAncestors {
		with := new(nodeSet)
		with.assign(n.ancestors.now())
		with.add(n)
		n.ancWith, n.ancWithAt = with, n.ancestors.changes
	}
	return n.ancWith
}

// connectClosure keeps closures consistent when n starts depending on other.
func (n *Node) connectClosure(other *Node) {
	pc := &n.publicClosure.keyDict
	pos, free := pc.lookup(other.key)
	var prev *Node
	if pos >= 0 {
		prev = pc.vals[pos]
	}
	// Most calls find the closure already connected (diamonds revisit
	// it for every dependant): answer those without writing. Finding
	// other in the public closure is enough: after a node is created,
	// only this method changes its public_deps, and it changes both
	// together, so public_deps maps other's key to other too.
	if other != n && prev == other {
		return
	}
	// Only this method puts another node in a public closure, so
	// finding other there means that n is in its inverse closure. Not
	// finding it means that n is not, unless other was replaced there
	// since: then (rarely) look.
	connected := other != n && prev == other
	if !connected && (n.closureReplaced || other == n) {
		connected = slices.Contains(other.inverseList, n)
	}
	if prev != nil && prev != other {
		n.closureReplaced = true
	}
	pc.putAt(other.key, other, pos, free) // and so to public_deps (publicDep)
	if shadowPublicDeps {
		if m := shadowDeps[n]; m != nil {
			m[other.key] = other
		}
	}
	if !connected {
		other.inverseList = append(other.inverseList, n)
	}
}

// eagerAncestors, set by a test, applies a diamond's ancestor additions
// at once, as Conan does, each made anew.
var eagerAncestors bool

// Edge is a requirement from Src to Dst.
type Edge struct {
	Src, Dst *Node
	Require  *recipe.Requirement
	// build and private copy Require's flags, which never change: the
	// ID phase asks them several times an edge, and Require is read
	// from memory the expansion left long ago.
	build, private bool
}

// Private reports a private requirement.
func (e *Edge) Private() bool { return e.private }

// BuildRequire reports a build requirement.
func (e *Edge) BuildRequire() bool { return e.build }

// Graph is a resolved dependency graph.
type Graph struct {
	Nodes   []*Node // in creation order
	Root    *Node
	counter int
	aliased map[ref.Ref]ref.Ref
	// keys are the node keys handed out, by context and name: a map
	// for each context hashes one string a lookup, not two.
	keys  map[string]map[string]int32
	nkeys int32
	names map[string]int32 // name keys handed out
	hint  func() int       // how many packages the graph may hold (growmap)
	// unreleased counts the downstream requirement changes that
	// expansion left in place (Validate): each node releases its own.
	unreleased int
}

// newGraph returns an empty graph; hint (nil: none) tells how many
// packages it may hold.
func newGraph(hint func() int) *Graph {
	return &Graph{counter: -1, aliased: map[ref.Ref]ref.Ref{}, keys: map[string]map[string]int32{}, names: map[string]int32{}, hint: hint}
}

// lookupKey returns the key of (name, context), if any node has it.
func (g *Graph) lookupKey(name, context string) (int32, bool) {
	k, ok := g.keys[context][name]
	return k, ok
}

// addNode gives n its number and keys and appends it. A node's closures
// may be used only once it is added.
func (g *Graph) addNode(n *Node) {
	name := n.Name()
	keys := g.keys[n.Context]
	if keys == nil {
		keys = map[string]int32{}
		g.keys[n.Context] = keys
	}
	if id, ok := keys[name]; ok {
		n.key = id
	} else {
		n.key = g.nkeys
		g.nkeys++
		if growmap.Due(len(keys)) {
			keys = growmap.Grow(keys, g.hint)
			g.keys[n.Context] = keys
		}
		keys[name] = n.key
	}
	if id, ok := g.names[name]; ok {
		n.nameKey = id
	} else {
		n.nameKey = int32(len(g.names))
		g.names = growmap.Grow(g.names, g.hint)
		g.names[name] = n.nameKey
	}
	if n.ID == "" {
		g.counter++
		n.ID = strconv.Itoa(g.counter)
	}
	n.seq = len(g.Nodes)
	if len(g.Nodes) == 0 {
		g.Root = n
	}
	g.Nodes = append(g.Nodes, n)
}

func (g *Graph) addEdge(src, dst *Node, req *recipe.Requirement) {
	e := &Edge{Src: src, Dst: dst, Require: req, build: req.BuildRequire, private: req.Private}
	// Conan's add_edge ignores an equal edge (same src and dst) for
	// dependencies; dependants is a set.
	if !src.linked.has(src.Dependencies, dst, edgeDst) {
		src.Dependencies = append(src.Dependencies, e)
		src.linked.note(src.Dependencies, edgeDst)
	}
	if !dst.linkedBy.has(dst.Dependants, src, edgeSrc) {
		dst.Dependants = append(dst.Dependants, e)
		dst.linkedBy.note(dst.Dependants, edgeSrc)
	}
}

func edgeDst(e *Edge) *Node { return e.Dst }
func edgeSrc(e *Edge) *Node { return e.Src }

// edgeIndex finds the node at the other end of an edge in a long edge
// list: a consumer requiring thousands of packages would otherwise scan
// its list for each one it adds. Short lists are scanned.
type edgeIndex map[*Node]struct{}

const edgeScan = 32

func (x *edgeIndex) has(edges []*Edge, n *Node, end func(*Edge) *Node) bool {
	if *x != nil {
		_, ok := (*x)[n]
		return ok
	}
	for _, e := range edges {
		if end(e) == n {
			return true
		}
	}
	return false
}

// note records the last edge of edges, indexing them all once they are
// many.
func (x *edgeIndex) note(edges []*Edge, end func(*Edge) *Node) {
	switch {
	case *x != nil:
		(*x)[end(edges[len(edges)-1])] = struct{}{}
	case len(edges) > edgeScan:
		*x = make(edgeIndex, 2*len(edges))
		for _, e := range edges {
			(*x)[end(e)] = struct{}{}
		}
	}
}

// keyDict is an insertion-ordered map from a graph key to a node. Every
// node has two (its public and transitive closures), grown one entry at a
// time, so it is kept lean: the entries in order, and past a few of them
// an open-addressing table of their positions. Keys are small integers
// the graph hands out, so a multiplication spreads them well enough.
type keyDict struct {
	keys []int32
	vals []*Node
	// slots hold position+1 of an entry (0: empty); a power of two at
	// most half full, empty while a scan of keys is as quick.
	slots slotTable
	// replaced, once a snapshot is taken, records the values replaced
	// in place since, for the snapshots to read past them. A new array
	// (sortBy) starts without.
	replaced *replaceLog
}

// replaceLog lists values a keyDict replaced in place, in order. A
// graph with private requirements replaces a few thousand values in
// closures of thousands of nodes (at 100,000 packages), where copying
// the values for the snapshots cost 370 MB.
type replaceLog struct {
	entries []replacement
	// byPos indexes entries by position once they are many.
	byPos map[int32][]int32
}

type replacement struct {
	pos int32
	old *Node
}

const replaceScan = 16

func (l *replaceLog) add(pos int, old *Node) {
	l.entries = append(l.entries, replacement{int32(pos), old})
	switch {
	case l.byPos != nil:
		l.byPos[int32(pos)] = append(l.byPos[int32(pos)], int32(len(l.entries)-1))
	case len(l.entries) > replaceScan:
		l.byPos = map[int32][]int32{}
		for i, r := range l.entries {
			l.byPos[r.pos] = append(l.byPos[r.pos], int32(i))
		}
	}
}

// before returns the value at pos before the first replacement from
// entry from on, if any.
func (l *replaceLog) before(pos, from int) (*Node, bool) {
	if l.byPos != nil {
		for _, i := range l.byPos[int32(pos)] {
			if int(i) >= from {
				return l.entries[i].old, true
			}
		}
		return nil, false
	}
	for _, r := range l.entries[from:] {
		if int(r.pos) == pos {
			return r.old, true
		}
	}
	return nil, false
}

// dictSnap is a keyDict as it was when snapshot was called: its entries
// then. The dict only appends entries, fills empty slots, makes new
// tables and arrays, and replaces values in place, which it logs: so the
// slices the snapshot holds, and the replacements logged since, give
// what it held. A slot that names a later entry is passed over: it was
// empty, and so it lies after every entry of the snapshot on a probe.
type dictSnap struct {
	keys     []int32
	vals     []*Node
	slots    slotTable
	replaced *replaceLog
	from     int // replacements logged before the snapshot
}

func (d *keyDict) snapshot() dictSnap {
	if d.replaced == nil {
		d.replaced = &replaceLog{}
	}
	n := len(d.keys)
	return dictSnap{d.keys[:n:n], d.vals[:n:n], d.slots, d.replaced, len(d.replaced.entries)}
}

// at is the value at position i when the snapshot was taken.
func (s *dictSnap) at(i int) *Node {
	if len(s.replaced.entries) > s.from {
		if old, ok := s.replaced.before(i, s.from); ok {
			return old
		}
	}
	return s.vals[i]
}

func (s *dictSnap) get(k int32) *Node {
	if i, _ := lookupIn(&s.slots, s.keys, k); i >= 0 {
		return s.at(i)
	}
	return nil
}

// slotTable is a keyDict's table of positions: 16 bits a slot while the
// positions fit, which halves the largest part of a closure (a chain of
// 5,000 packages holds 129 million slots), 32 past that.
type slotTable struct {
	narrow []uint16
	wide   []int32
}

// maxNarrow is the most entries a table of 16-bit slots indexes.
const maxNarrow = 1<<16 - 1

func (t slotTable) len() int { return len(t.narrow) + len(t.wide) }

// lookupIn finds key k's position among keys (-1: none), through the
// table when there is one, and then says which empty slot the probe
// reached: where a new entry of k goes, unless the table is made again
// first (-1 without a table).
func lookupIn(t *slotTable, keys []int32, k int32) (pos, free int) {
	switch {
	case t.narrow != nil:
		return probe(t.narrow, keys, k)
	case t.wide != nil:
		return probe(t.wide, keys, k)
	}
	return slices.Index(keys, k), -1
}

// probe is lookupIn through a table. A slot naming a position past keys
// was filled after keys were taken (a snapshot's): it was empty for
// them, and an entry of theirs lies before it on any probe, so it is
// passed over.
func probe[S uint16 | int32](slots []S, keys []int32, k int32) (pos, free int) {
	mask := uint32(len(slots) - 1)
	for h := hashSlot(k, mask); ; h++ {
		p := int(slots[h&mask])
		if p == 0 {
			return -1, int(h & mask)
		}
		if p <= len(keys) && keys[p-1] == k {
			return p - 1, -1
		}
	}
}

// enter puts position p+1 in the first empty slot of key k's probe.
func enter[S uint16 | int32](slots []S, k int32, p int) {
	mask := uint32(len(slots) - 1)
	h := hashSlot(k, mask)
	for slots[h&mask] != 0 {
		h++
	}
	slots[h&mask] = S(p + 1)
}

// dictScan is how many entries a keyDict scans before it keeps slots.
const dictScan = 8

func (d *keyDict) find(k int32) int {
	i, _ := d.lookup(k)
	return i
}

// lookup is lookupIn of the dict's table and entries (see putAt).
func (d *keyDict) lookup(k int32) (pos, free int) { return lookupIn(&d.slots, d.keys, k) }

// hashSlot is Fibonacci hashing: the top bits of the product, as many as
// the table of mask+1 slots needs.
func hashSlot(k int32, mask uint32) uint32 {
	return uint32(k) * 0x9e3779b1 >> bits.LeadingZeros32(mask)
}

func (d *keyDict) put(k int32, n *Node) {
	pos, free := d.lookup(k)
	d.putAt(k, n, pos, free)
}

// putAt is put with the answer of lookup(k), taken since the dict last
// changed: an insertion writes the slot the probe found free rather
// than probing again (a closure's insertion probed three times).
func (d *keyDict) putAt(k int32, n *Node, pos, free int) {
	if pos >= 0 {
		if d.replaced != nil && d.vals[pos] != n {
			d.replaced.add(pos, d.vals[pos])
		}
		d.vals[pos] = n
		return
	}
	d.keys = append(d.keys, k)
	d.vals = append(d.vals, n)
	switch {
	case d.slots.len() == 0 && len(d.keys) <= dictScan:
	case 2*len(d.keys) > d.slots.len() || len(d.keys) > maxNarrow && d.slots.narrow != nil:
		d.reindex(4 * len(d.keys))
		// Room for the entries the new table takes before the next:
		// past 256, append would grow by a quarter at a time.
		if n := len(d.keys); n > 256 {
			d.keys, d.vals = slices.Grow(d.keys, n), slices.Grow(d.vals, n)
		}
	default: // the table stays: the free slot is still free
		if d.slots.narrow != nil {
			d.slots.narrow[free] = uint16(len(d.keys))
		} else {
			d.slots.wide[free] = int32(len(d.keys))
		}
	}
}

// reindex makes a table of at least size slots for the entries.
func (d *keyDict) reindex(size int) {
	n := 16
	for n < size {
		n *= 2
	}
	if len(d.keys) > maxNarrow || size > 4*maxNarrow { // room for more
		d.slots = slotTable{wide: freshSlots[int32](n)}
	} else {
		d.slots = slotTable{narrow: freshSlots[uint16](n)}
	}
	for i := range d.keys {
		d.slot(i)
	}
}

// freshSlots makes a zeroed table of n slots and writes to each of its
// memory pages. A large table comes from memory the process has not
// touched, and a probe reads a slot before anything writes it: the
// kernel would map its shared zero page for the read, then on the first
// write copy it and flush the stale mapping from every core the process
// runs on, an interrupt to the other core per page (a sixth of the page
// fault samples at 10,000 packages, for 3% of the memory).
func freshSlots[S uint16 | int32](n int) []S {
	s := make([]S, n)
	perPage := 4096 / int(unsafe.Sizeof(s[0]))
	for i := 0; i < n; i += perPage {
		s[i] = 0
	}
	return s
}

// slot enters the entry at position i in the table.
func (d *keyDict) slot(i int) {
	if d.slots.narrow != nil {
		enter(d.slots.narrow, d.keys[i], i)
	} else {
		enter(d.slots.wide, d.keys[i], i)
	}
}

func (d *keyDict) get(k int32) *Node {
	if i := d.find(k); i >= 0 {
		return d.vals[i]
	}
	return nil
}

// nodes returns the nodes in order. The slice is the dict's own: read it
// before the dict changes, and do not write it.
func (d *keyDict) nodes() []*Node { return d.vals[:len(d.vals):len(d.vals)] }

// growFor readies room for n more entries when they would be mostly
// new: more than twice what the dict holds. Growing once then saves
// doubling through every power of two; growing for entries mostly there
// already would waste the room.
func (d *keyDict) growFor(n int) {
	if n > 2*len(d.keys) {
		d.grow(n)
	}
}

// grow readies room for n more entries.
func (d *keyDict) grow(n int) {
	total := len(d.keys) + n
	d.keys = slices.Grow(d.keys, n)
	d.vals = slices.Grow(d.vals, n)
	if total > dictScan && (2*total > d.slots.len() || total > maxNarrow && d.slots.narrow != nil) {
		d.reindex(4 * total)
	}
}

// nodeDict is Conan's _NodeOrderedDict: nodes by (name, context).
type nodeDict struct{ keyDict }

func newNodeDict() *nodeDict { return &nodeDict{} }

func (d *nodeDict) add(n *Node) { d.put(n.key, n) }

// sortBy reorders stably by a key.
func (d *nodeDict) sortBy(key func(*Node) int) {
	order := make([]int, len(d.keys))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return key(d.vals[order[i]]) < key(d.vals[order[j]]) })
	keys, vals := make([]int32, len(order)), make([]*Node, len(order))
	for i, o := range order {
		keys[i], vals[i] = d.keys[o], d.vals[o]
	}
	// New arrays: snapshots keep reading the old ones, which nothing
	// changes any more, with the replacements logged for them.
	d.keys, d.vals, d.replaced = keys, vals, nil
	if d.slots.len() > 0 {
		d.reindex(d.slots.len())
	}
}

// nameDict is an ordered name -> node map (transitive closure), keyed
// by the nodes' name keys.
type nameDict struct{ keyDict }

func newNameDict() *nameDict { return &nameDict{} }

// set maps n's name to n.
func (d *nameDict) set(n *Node) { d.put(n.nameKey, n) }

// update sets every entry of o, in o's order.
func (d *nameDict) update(o *nameDict) {
	d.growFor(len(o.keys))
	for i, k := range o.keys {
		d.put(k, o.vals[i])
	}
}

func newNode(r ref.Ref, c *recipe.Conanfile, context, recipeStatus string) *Node {
	n := &Node{Ref: r, Conanfile: c, Context: context, Recipe: recipeStatus,
		publicClosure: newNodeDict(), transitiveClosure: newNameDict(),
		ancestors: newLazySet()}
	c.Dependencies = func() (py.Value, error) { return recipe.NewDependencies(dependenciesOf(n)), nil }
	return n
}
