package graph

import (
	"fmt"
	"strings"
)

// DOT renders the graph in Graphviz format.
func (g *Graph) DOT() string {
	var b strings.Builder
	b.WriteString("digraph {\n")
	for _, n := range g.Nodes {
		if n.Recipe == RecipeVirtual {
			continue
		}
		for _, e := range n.Dependencies {
			fmt.Fprintf(&b, "    %q -> %q\n", nodeLabel(n), nodeLabel(e.Dst))
		}
	}
	b.WriteString("}\n")
	return b.String()
}
