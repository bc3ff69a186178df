package graph

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/conid/conid/packageid"
	"github.com/conid/conid/recipe/ref"
)

// nodeLess is Python's Node.__lt__ (Node.__cmp__ == -1), which Conan uses
// to sort each level of the graph.
func nodeLess(a, b *Node) bool { return nodeCmp(a, b) == -1 }

func nodeCmp(a, b *Node) int {
	aNil, bNil := !a.HasRef && a.Ref == (ref.Ref{}), !b.HasRef && b.Ref == (ref.Ref{})
	switch {
	case aNil:
		if bNil {
			return 0
		}
		return -1
	case bNil:
		return 1
	}
	c := packageid.RefCompare(a.Ref, b.Ref)
	if c == 0 { // refEqual
		return 0
	}
	if a.Ref.Revision == "" && b.Ref.Revision != "" {
		return 1
	}
	if a.Ref.Revision != "" && b.Ref.Revision == "" {
		return -1
	}
	if a.Recipe == RecipeConsumer || a.Recipe == RecipeVirtual {
		return 1
	}
	if b.Recipe == RecipeConsumer || b.Recipe == RecipeVirtual {
		return -1
	}
	if c < 0 {
		return -1
	}
	return 1
}

// refEqual is ConanFileReference equality (versions compare as Conan's
// model Version: "1.0" == "1.0.0").
func refEqual(a, b ref.Ref) bool {
	return packageid.RefCompare(a, b) == 0
}

// levels orders nodes by dependency levels (Conan's _order_levels): first
// the nodes whose dependencies (direct=true) or dependants are all outside
// the set, then the next level... Each level is sorted with nodeLess,
// stable over creation order. Conan rescans the open nodes for each level;
// this counts each node's open neighbours once and releases a node when
// its count drops to zero, so a deep graph (a chain) costs no more than a
// wide one.
func levels(subset []*Node, direct bool) [][]*Node {
	order := append([]*Node(nil), subset...)
	slices.SortStableFunc(order, func(a, b *Node) int { return cmp.Compare(a.seq, b.seq) })
	at := positions(order)
	// A node waits on the far ends of its waits edges (its dependencies,
	// or with direct false its dependants); leveling a node releases the
	// near ends of its releases edges.
	waits, far := func(n *Node) []*Edge { return n.Dependencies }, func(e *Edge) *Node { return e.Dst }
	releases, near := func(n *Node) []*Edge { return n.Dependants }, func(e *Edge) *Node { return e.Src }
	if !direct {
		waits, far, releases, near = releases, near, waits, far
	}
	open := make([]int32, len(order)) // open neighbours of each node
	var cur []int32
	for i, n := range order {
		for _, e := range waits(n) {
			if at(far(e)) >= 0 {
				open[i]++
			}
		}
		if open[i] == 0 {
			cur = append(cur, int32(i))
		}
	}
	var result [][]*Node
	done := 0
	for len(cur) > 0 {
		slices.Sort(cur) // creation order
		level := make([]*Node, len(cur))
		var next []int32
		for k, i := range cur {
			level[k] = order[i]
			for _, e := range releases(order[i]) {
				if j := at(near(e)); j >= 0 {
					if open[j]--; open[j] == 0 {
						next = append(next, j)
					}
				}
			}
		}
		slices.SortStableFunc(level, nodeCmp)
		result = append(result, level)
		done += len(level)
		cur = next
	}
	if done < len(order) {
		// a cycle; Conan would loop forever, the builder rejects loops
		// before this can happen.
		var level []*Node
		for i, n := range order {
			if open[i] > 0 {
				level = append(level, n)
			}
		}
		slices.SortStableFunc(level, nodeCmp)
		result = append(result, level)
	}
	return result
}

// positions returns a lookup of a node's place in order (-1: not there).
// A subset of most of the graph is looked up by creation number in a
// slice; a small one (the build requirements of one node, say) in a map,
// so that its cost does not grow with the graph.
func positions(order []*Node) func(*Node) int32 {
	maxSeq := 0
	for _, n := range order {
		maxSeq = max(maxSeq, n.seq)
	}
	if maxSeq > 4*len(order)+64 {
		m := make(map[*Node]int32, len(order))
		for i, n := range order {
			m[n] = int32(i)
		}
		return func(n *Node) int32 {
			if i, ok := m[n]; ok {
				return i
			}
			return -1
		}
	}
	pos := make([]int32, maxSeq+1) // place +1; 0: not in order
	for i, n := range order {
		pos[n.seq] = int32(i) + 1
	}
	return func(n *Node) int32 {
		if n.seq < len(pos) && pos[n.seq] > 0 && order[pos[n.seq]-1] == n {
			return pos[n.seq] - 1
		}
		return -1
	}
}

// ByLevels returns the nodes by levels, dependencies first.
func (g *Graph) ByLevels() [][]*Node { return levels(g.Nodes, true) }

// InverseLevels returns the nodes by levels, dependants first.
func (g *Graph) InverseLevels() [][]*Node { return levels(g.Nodes, false) }

// flatten lists levels' nodes in order.
func flatten(byLevel [][]*Node) []*Node {
	n := 0
	for _, l := range byLevel {
		n += len(l)
	}
	out := make([]*Node, 0, n)
	for _, l := range byLevel {
		out = append(out, l...)
	}
	return out
}

// checkLevels, set by a test, has recurseBuildRequires level its subset
// again after evaluating it and compare with the levels it walks
// (levelsChecked counts the comparisons, levelsMismatch lists what
// differed).
var (
	checkLevels    bool
	levelsChecked  int
	levelsMismatch []string
)

func compareLevels(walked, again [][]*Node) {
	levelsChecked++
	if len(walked) != len(again) {
		levelsMismatch = append(levelsMismatch, fmt.Sprintf("%d levels, then %d", len(walked), len(again)))
		return
	}
	for i := range walked {
		if !slices.Equal(walked[i], again[i]) {
			levelsMismatch = append(levelsMismatch, fmt.Sprintf("level %d differs", i))
			return
		}
	}
}
