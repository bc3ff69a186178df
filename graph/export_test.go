package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// CheckPublicDeps checks what connectClosure's shortcut relies on: for
// every node, each node of its public closure is also what its
// public_deps holds under that key.
func CheckPublicDeps(g *Graph) error {
	for _, n := range g.Nodes {
		for _, m := range n.publicClosure.nodes() {
			if got := n.publicDeps.now().get(m.key); got != m {
				return fmt.Errorf("%s: public closure holds %s, public_deps holds %v", n.RefString(), m.RefString(), got)
			}
		}
	}
	return nil
}

// SetEagerAncestors makes diamonds update ancestor sets at once.
func SetEagerAncestors(eager bool) { eagerAncestors = eager }

// AncestorKeys lists, for every node, the names and contexts its
// ancestors hold, once every pending addition is made.
func AncestorKeys(g *Graph) []string {
	names := map[int32]string{}
	for _, n := range g.Nodes {
		names[n.key] = n.Name() + "@" + n.Context
	}
	var out []string
	for _, n := range g.Nodes {
		var keys []string
		for _, m := range g.Nodes {
			if n.ancestors.now().get(m.key) != nil && !slices.Contains(keys, names[m.key]) {
				keys = append(keys, names[m.key])
			}
		}
		sort.Strings(keys)
		out = append(out, n.RefString()+"@"+n.Context+": "+strings.Join(keys, " "))
	}
	return out
}
