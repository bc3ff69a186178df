package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// checkProvides is Conan's _validate_graph_provides, run once the graph
// (build requirements included) is complete: no node may see two
// recipes providing the same thing (its own provides, and those of the
// host-context nodes of its public closure). Every recipe provides at
// least its own name, so two packages that declare to be the same
// library (libjpeg and libjpeg-turbo's "libjpeg") cannot meet.
//
// Conan walks the nodes of a set, in no fixed order; conid walks them
// in creation order, and reports the first node that sees a conflict
// with Conan's message, the closure in Conan's final order (by inverse
// level).
func checkProvides(g *Graph) error {
	// What each node provides, listed only for those that provide
	// other than their own name alone (most provide just that).
	other := map[*Node][]string{}
	explicit := false // some node provides other than its own name, once
	for _, n := range g.Nodes {
		if n.Conanfile.ProvidesJust(n.Name()) {
			continue
		}
		items, err := n.Conanfile.ProvidesItems()
		if err != nil {
			return &PrefixedError{Prefix: nodeLabel(n), Err: err}
		}
		other[n] = items
		explicit = explicit || len(items) > 0
	}
	if !explicit {
		// Then nothing can conflict. Every node provides its name, and
		// what a node is checked against (itself and the host nodes of
		// its public closure) holds one node per name: a closure holds
		// one node per name and context, itself under its own, and a
		// build-context node's closure only build-context nodes
		// (Validate checks both; the conformance and CCI tests run it on
		// every graph they resolve).
		return nil
	}
	provides := providesAll(g, func(n *Node) []string {
		if items, ok := other[n]; ok {
			return items
		}
		return []string{n.Name()}
	})
	for _, n := range g.Nodes {
		if conflicts(n, n.publicClosure.nodes(), provides) != nil {
			return providesError(g, n, provides)
		}
	}
	return nil
}

// providesAll lists what every node provides.
func providesAll(g *Graph, provided func(*Node) []string) map[*Node][]string {
	all := make(map[*Node][]string, len(g.Nodes))
	for _, n := range g.Nodes {
		all[n] = provided(n)
	}
	return all
}

// conflicts returns what n and the host nodes of its closure (in that
// order) provide more than once, in order of first appearance, and who
// provides each.
func conflicts(n *Node, closure []*Node, provides map[*Node][]string) []conflict {
	var order []string
	by := map[string][]*Node{}
	add := func(x *Node) {
		for _, it := range provides[x] {
			if _, seen := by[it]; !seen {
				order = append(order, it)
			}
			by[it] = append(by[it], x)
		}
	}
	add(n)
	for _, x := range closure {
		if x != n && x.Context == Host {
			add(x)
		}
	}
	var out []conflict
	for _, it := range order {
		if len(by[it]) > 1 {
			out = append(out, conflict{it, by[it]})
		}
	}
	return out
}

type conflict struct {
	item  string
	nodes []*Node
}

// providesError words the conflicts n sees as Conan does, its closure
// sorted stably by inverse level as Conan leaves it.
func providesError(g *Graph, n *Node, provides map[*Node][]string) error {
	level := map[*Node]int{}
	for i, l := range levels(g.Nodes, false) {
		for _, x := range l {
			level[x] = i
		}
	}
	closure := slices.Clone(n.publicClosure.nodes())
	sort.SliceStable(closure, func(i, j int) bool { return level[closure[i]] < level[closure[j]] })
	lines := []string{"At least two recipes provides the same functionality:"}
	for _, c := range conflicts(n, closure, provides) {
		names := make([]string, len(c.nodes))
		for i, x := range c.nodes {
			names[i] = x.Conanfile.DisplayName
		}
		lines = append(lines, fmt.Sprintf(" - '%s' provided by '%s'", c.item, strings.Join(names, "', '")))
	}
	return fmt.Errorf("%s", strings.Join(lines, "\n"))
}
