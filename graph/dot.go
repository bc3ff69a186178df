package graph

import (
	"fmt"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
)

// gnode adapts a Node to gonum.
type gnode struct{ n *Node }

func (g gnode) ID() int64     { return int64(g.n.seq) }
func (g gnode) DOTID() string { return nodeLabel(g.n) + " (" + g.n.Context + ")" }
func (g gnode) Attributes() []encoding.Attribute {
	color := map[string]string{BinaryMissing: "red", BinaryBuild: "orange", BinaryCache: "green", BinaryDownload: "lightblue", BinaryInvalid: "gray", BinarySkip: "white"}[g.n.Binary]
	attrs := []encoding.Attribute{{Key: "label", Value: fmt.Sprintf("%q", nodeLabel(g.n)+"\n"+shortID(g.n.PackageID))}}
	if color != "" {
		attrs = append(attrs, encoding.Attribute{Key: "style", Value: "filled"}, encoding.Attribute{Key: "fillcolor", Value: color})
	}
	return attrs
}

type gedge struct {
	graph.Edge
	build bool
}

func (e gedge) Attributes() []encoding.Attribute {
	if e.build {
		return []encoding.Attribute{{Key: "style", Value: "dashed"}}
	}
	return nil
}

func shortID(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// Directed returns the graph as a gonum directed graph (edges from a node
// to its dependencies), without the virtual root.
func (g *Graph) Directed() *simple.DirectedGraph {
	d := simple.NewDirectedGraph()
	for _, n := range g.Nodes {
		if n.Recipe == RecipeVirtual {
			continue
		}
		d.AddNode(gnode{n})
	}
	for _, n := range g.Nodes {
		if n.Recipe == RecipeVirtual {
			continue
		}
		for _, e := range n.Dependencies {
			if e.Dst == n || d.HasEdgeFromTo(int64(n.seq), int64(e.Dst.seq)) {
				continue
			}
			d.SetEdge(gedge{Edge: d.NewEdge(gnode{n}, gnode{e.Dst}), build: e.BuildRequire()})
		}
	}
	return d
}

// DOT renders the graph in Graphviz format: one vertex per node (package
// and context), filled by binary status, build requirements dashed.
func (g *Graph) DOT() string {
	b, err := dot.Marshal(g.Directed(), "conid", "", "  ")
	if err != nil {
		return fmt.Sprintf("// %v\n", err)
	}
	return string(b) + "\n"
}

// Validate checks the graph's invariants: it is acyclic, every node but
// the root is required by some node, every edge points to a node of the
// graph, and every non-consumer node has a package ID.
func (g *Graph) Validate() error {
	if g.unreleased != 0 {
		return fmt.Errorf("expansion left %d downstream requirement changes unreleased", g.unreleased)
	}
	in := map[*Node]bool{}
	for _, n := range g.Nodes {
		in[n] = true
	}
	for _, n := range g.Nodes {
		for _, e := range n.Dependencies {
			if !in[e.Dst] || e.Src != n {
				return fmt.Errorf("node %s: edge to a node outside the graph", n.ID)
			}
		}
		if n != g.Root && len(n.Dependants) == 0 {
			return fmt.Errorf("node %s (%s) is required by nothing", n.ID, nodeLabel(n))
		}
		if n.Recipe != RecipeConsumer && n.Recipe != RecipeVirtual && n.PackageID == "" {
			return fmt.Errorf("node %s (%s) has no package ID", n.ID, nodeLabel(n))
		}
	}
	if _, err := topo.Sort(g.Directed()); err != nil {
		return fmt.Errorf("the graph has a cycle: %v", err)
	}
	return validateClosures(g)
}

// validateClosures checks the builder's bookkeeping: every node that a
// public closure holds lists the holder in its inverse closure, once;
// and what makes checkProvides' shortcut exact.
func validateClosures(g *Graph) error {
	inverse := map[[2]*Node]bool{}
	for _, n := range g.Nodes {
		for _, d := range n.inverseList {
			if inverse[[2]*Node{n, d}] {
				return fmt.Errorf("node %s (%s): %s is twice in its inverse closure", n.ID, nodeLabel(n), nodeLabel(d))
			}
			inverse[[2]*Node{n, d}] = true
		}
	}
	for _, n := range g.Nodes {
		for _, m := range n.publicClosure.nodes() {
			if m != n && !inverse[[2]*Node{m, n}] {
				return fmt.Errorf("node %s (%s) holds %s in its public closure, not in its inverse closure", n.ID, nodeLabel(n), nodeLabel(m))
			}
			// What checkProvides relies on: a node's closure holds no
			// other node of its name and context, and a build-context
			// node's closure holds only build-context nodes.
			if m != n && m.key == n.key {
				return fmt.Errorf("node %s (%s) holds %s, of its own name and context, in its public closure", n.ID, nodeLabel(n), nodeLabel(m))
			}
			if n.Context == Build && m.Context != Build {
				return fmt.Errorf("node %s (%s), of the build context, holds %s of the %s context in its public closure", n.ID, nodeLabel(n), nodeLabel(m), m.Context)
			}
		}
	}
	return nil
}

// BuildOrder returns the references to build, grouped in levels that can
// be built in parallel (dependencies first), as "conan info --build-order".
func (g *Graph) BuildOrder() [][]string {
	var out [][]string
	seen := map[string]bool{}
	levels := levels(g.Nodes, true)
	for _, l := range levels {
		var refs []string
		for _, n := range l {
			if n.Binary != BinaryBuild {
				continue
			}
			r := n.Ref.NoRevision().Full()
			if !seen[r] {
				seen[r] = true
				refs = append(refs, r)
			}
		}
		if len(refs) > 0 {
			out = append(out, refs)
		}
	}
	return out
}
