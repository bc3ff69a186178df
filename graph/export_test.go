package graph

import "fmt"

// CheckPublicDeps checks what connectClosure's shortcut relies on: for
// every node, each node of its public closure is also what its
// public_deps holds under that key.
func CheckPublicDeps(g *Graph) error {
	for _, n := range g.Nodes {
		for _, m := range n.publicClosure.nodes() {
			if got := n.publicDepsNow().get(m.key); got != m {
				return fmt.Errorf("%s: public closure holds %s, public_deps holds %v", n.RefString(), m.RefString(), got)
			}
		}
	}
	return nil
}
