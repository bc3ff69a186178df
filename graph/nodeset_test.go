package graph

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"testing"
	"unsafe"

	"github.com/conid/conid/recipe/ref"
)

// TestNodeSetSnapshots checks nodeSet against plain maps copied on
// assign: random additions, snapshots and unions over a few sets.
func TestNodeSetSnapshots(t *testing.T) { checkNodeSet(t, 3000, 80) }

// Mostly unions and snapshots: sets that share much of their structure,
// as ancestor sets do.
func TestNodeSetUnions(t *testing.T) { checkNodeSet(t, 3000, 40) }

// With every hash alike, all keys go to collision lists (and with few
// distinct hashes, to lists below pushed-down leaves).
func TestNodeSetCollisions(t *testing.T) {
	defer func() { testHash = nil }()
	testHash = func(k int32) uint64 { return hashNodeKey(k) % 3 }
	checkNodeSet(t, 300, 80)
	checkNodeSet(t, 300, 40)
}

// checkNodeSet runs random operations: additions (adds percent of them),
// then snapshots and unions in equal parts.
func checkNodeSet(t *testing.T, count, adds int) {
	rng := rand.New(rand.NewPCG(1, 2))
	g := newGraph(nil)
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
		case r < adds:
			n := nodes[rng.IntN(len(nodes))]
			sets[i].add(n)
			models[i][n.key] = n
		case r < adds+(100-adds)/2:
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
		if step%97 == 0 {
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

// TestKeyDict checks keyDict against a map and an order list, across the
// switch from scanning to slots and the table's growth.
func TestKeyDict(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, dictScan, dictScan + 1, 100, 3000} {
		var d nodeDict
		model := map[int32]*Node{}
		var order []int32
		for step := 0; step < 3*n; step++ {
			k := int32(rng.IntN(2 * n))
			nd := &Node{key: k, seq: step}
			if _, ok := model[k]; !ok {
				order = append(order, k)
			}
			model[k] = nd
			d.add(nd)
		}
		for k := int32(-1); k < int32(2*n)+1; k++ {
			if got := d.get(k); got != model[k] {
				t.Fatalf("n=%d: get(%d) = %v, want %v", n, k, got, model[k])
			}
		}
		got := d.nodes()
		if len(got) != len(order) {
			t.Fatalf("n=%d: %d nodes, want %d", n, len(got), len(order))
		}
		for i, k := range order {
			if got[i] != model[k] {
				t.Fatalf("n=%d: node %d has key %d, want %d", n, i, got[i].key, k)
			}
		}
		d.sortBy(func(x *Node) int { return int(x.key % 7) })
		for k, want := range model {
			if d.get(k) != want {
				t.Fatalf("n=%d: after sortBy get(%d) is wrong", n, k)
			}
		}
		prev := -1
		for _, x := range d.nodes() {
			if int(x.key%7) < prev {
				t.Fatalf("n=%d: sortBy left %d after %d", n, x.key%7, prev)
			}
			prev = int(x.key % 7)
		}
		var u nameDict
		u.set(&Node{nameKey: -5})
		o := nameDict{keyDict: d.keyDict}
		u.update(&o)
		if len(u.nodes()) != len(model)+1 || u.get(-5) == nil {
			t.Fatalf("n=%d: update gave %d nodes", n, len(u.nodes()))
		}
		for k, want := range model {
			if u.get(k) != want {
				t.Fatalf("n=%d: after update get(%d) is wrong", n, k)
			}
		}
	}
}

// TestNodeSetUnionShares: a union shares the other set's subtrees, and
// neither set's later additions show in the other.
func TestNodeSetUnionShares(t *testing.T) {
	g := newGraph(nil)
	nodes := make([]*Node, 4000)
	for i := range nodes {
		nodes[i] = &Node{Ref: ref.Ref{Name: fmt.Sprintf("n%d", i), Version: "1"}, Context: Host}
		g.addNode(nodes[i])
	}
	s, o := newNodeSet(), newNodeSet()
	for i := 0; i < 40; i++ {
		s.add(nodes[i])
	}
	for i := 40; i < 2000; i++ {
		o.add(nodes[i])
	}
	s.union(&o)
	for i := 2000; i < 3000; i++ {
		o.add(nodes[i])
	}
	for i := 3000; i < 4000; i++ {
		s.add(nodes[i])
	}
	check := func(name string, set *nodeSet, in func(i int) bool) {
		t.Helper()
		want := 0
		for i, n := range nodes {
			if in(i) {
				want++
			}
			if got := set.get(n.key); (got == n) != in(i) {
				t.Fatalf("%s: get(%s) = %v", name, n.Name(), got)
			}
		}
		if set.size != want {
			t.Errorf("%s: size %d, want %d", name, set.size, want)
		}
	}
	check("s", &s, func(i int) bool { return i < 2000 || i >= 3000 })
	check("o", &o, func(i int) bool { return i >= 40 && i < 3000 })
}

// A keyDict's snapshots keep the entries it had when taken, whatever the
// dict does after: appends, new tables, values replaced (and sortBy on a
// nodeDict). Checked against map copies.
func TestDictSnapshots(t *testing.T) {
	nodes := make([]*Node, 200)
	for i := range nodes {
		nodes[i] = &Node{key: int32(i % 90)} // keys repeat: replacements
	}
	for seed := uint64(1); seed <= 200; seed++ {
		rng := rand.New(rand.NewPCG(seed, 3))
		d := newNodeDict()
		want := map[int32]*Node{}
		type snap struct {
			s    dictSnap
			want map[int32]*Node
		}
		var snaps []snap
		for step := range 300 {
			switch r := rng.IntN(20); {
			case r == 0:
				snaps = append(snaps, snap{d.snapshot(), maps.Clone(want)})
			case r == 1 && step%50 == 0:
				d.sortBy(func(x *Node) int { return int(x.key % 3) })
			default:
				n := nodes[rng.IntN(len(nodes))]
				d.add(n)
				want[n.key] = n
			}
		}
		snaps = append(snaps, snap{d.snapshot(), maps.Clone(want)})
		for i, s := range snaps {
			for k := int32(0); k < 95; k++ {
				if got := s.s.get(k); got != s.want[k] {
					t.Fatalf("seed %d: snapshot %d holds %v under %d, want %v", seed, i, got, k, s.want[k])
				}
			}
		}
	}
}

// A node's public_deps made of links (newDepsLink, publicDep) against
// maps copied as Conan copies public_deps: random trees of consumers,
// each adding random nodes (keys repeat, so that nearer values replace
// farther ones) before and after making a dependency, some of them
// private; deep enough that chains are merged.
func TestDepsLinks(t *testing.T) {
	pool := make([]*Node, 300)
	for i := range pool {
		pool[i] = &Node{key: int32(i % 60)}
	}
	for seed := uint64(1); seed <= 300; seed++ {
		rng := rand.New(rand.NewPCG(seed, 5))
		type made struct {
			n    *Node
			want map[int32]*Node // public_deps as Conan keeps it
		}
		root := &Node{key: 1000, publicClosure: newNodeDict()}
		root.publicClosure.add(root)
		all := []made{{root, map[int32]*Node{1000: root}}}
		connect := func(m made, x *Node) {
			m.n.publicClosure.add(x)
			m.want[x.key] = x
		}
		for range 120 {
			// a consumer among the newest, so that chains grow deep
			c := all[max(0, len(all)-1-rng.IntN(min(len(all), 4)))]
			for range rng.IntN(3) {
				connect(c, pool[rng.IntN(len(pool))])
			}
			closureOnly := rng.IntN(6) == 0
			n := &Node{key: int32(1001 + len(all)), publicClosure: newNodeDict()}
			n.publicClosure.add(n)
			connect(c, n)
			n.depsBase = newDepsLink(c.n, closureOnly)
			want := map[int32]*Node{}
			if closureOnly {
				for _, x := range c.n.publicClosure.nodes() {
					want[x.key] = x
				}
			} else {
				maps.Copy(want, c.want)
			}
			want[n.key] = n
			all = append(all, made{n, want})
		}
		for _, m := range all {
			for k := int32(0); k < int32(1001+len(all)); k++ {
				if got := m.n.publicDep(k); got != m.want[k] {
					t.Fatalf("seed %d: node %d: publicDep(%d) = %v, want %v", seed, m.n.key, k, got, m.want[k])
				}
			}
		}
	}
}

// ancestorsAndSelf gives the same set while the ancestors stay the same,
// and a new one, holding what was added, once they change.
func TestAncestorsAndSelf(t *testing.T) {
	mk := func(k int32) *Node { return &Node{key: k, ancestors: newLazySet()} }
	n, a, b := mk(1), mk(2), mk(3)
	n.ancestors.add(a)
	first := n.ancestorsAndSelf()
	if first.get(1) != n || first.get(2) != a || n.ancestorsAndSelf() != first {
		t.Fatal("not n and its ancestors, or not the same set twice")
	}
	other := newNodeSet()
	other.add(b)
	n.ancestors.union(&other)
	second := n.ancestorsAndSelf()
	if second == first || second.get(3) != b || second.get(2) != a || first.get(3) != nil {
		t.Fatal("a stale set after the ancestors changed, or the first set changed")
	}
	n.ancestors.union(&other)
	n.ancestors.union(&other) // right after itself: queued once
	if len(n.ancestors.unions) != 1 {
		t.Fatalf("%d unions queued", len(n.ancestors.unions))
	}
	if n.ancestorsAndSelf() == second {
		t.Fatal("a stale set after a union")
	}
	third := n.ancestorsAndSelf()
	n.ancestors.add(b)
	if n.ancestorsAndSelf() == third {
		t.Fatal("a stale set after an addition")
	}
}

// A graph holds one Node per package: at 768 bytes it takes Go's
// 768-byte size class, one more field of 8 bytes took 896. Keep it there
// (or make room) when adding fields.
func TestNodeSize(t *testing.T) {
	if s := unsafe.Sizeof(Node{}); s > 768 {
		t.Fatalf("Node is %d bytes: past 768, Go allocates 896 for each", s)
	}
}

// A dict past 65,535 entries leaves 16-bit slots for 32-bit ones, grown
// one entry at a time or made room for at once; snapshots taken on
// either side, and after a sort, keep answering as maps copied then.
func TestDictWideSlots(t *testing.T) {
	const n = maxNarrow + 3000
	nodes := make([]*Node, n)
	for i := range nodes {
		nodes[i] = &Node{key: int32(i * 7)}
	}
	for _, oneStep := range []bool{false, true} {
		d := newNodeDict()
		type snap struct {
			s    dictSnap
			upTo int // nodes[:upTo] added
		}
		var snaps []snap
		for i, x := range nodes {
			if oneStep && i == 100 {
				d.grow(n - 100)
				if d.slots.wide == nil {
					t.Fatal("room for more than 65,535 entries made in 16 bits")
				}
			}
			d.add(x)
			if i == 60000 || i == maxNarrow-1 || i == maxNarrow || i == n-1 {
				snaps = append(snaps, snap{d.snapshot(), i + 1})
			}
		}
		if d.slots.wide == nil || d.slots.narrow != nil {
			t.Fatalf("one step %v: %d entries in a 16-bit table", oneStep, len(d.keys))
		}
		d.sortBy(func(x *Node) int { return -int(x.key) })
		for _, s := range append(snaps, snap{d.snapshot(), n}) {
			for i, x := range nodes {
				want := x
				if i >= s.upTo {
					want = nil
				}
				if got := s.s.get(x.key); got != want {
					t.Fatalf("one step %v: snapshot of %d entries holds %v under %d, want %v", oneStep, s.upTo, got, x.key, want)
				}
			}
			if got := s.s.get(-1); got != nil {
				t.Fatal("a key never added is found")
			}
		}
		for _, x := range nodes {
			if d.get(x.key) != x {
				t.Fatalf("one step %v: %d lost", oneStep, x.key)
			}
		}
	}
	// A small dict keeps 16-bit slots.
	d := newNodeDict()
	for _, x := range nodes[:1000] {
		d.add(x)
	}
	if d.slots.narrow == nil || d.slots.wide != nil {
		t.Fatal("a dict of 1,000 entries without 16-bit slots")
	}
}
