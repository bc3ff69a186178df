package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/ref"
)

func chain(names ...string) *Graph {
	g := newGraph(nil)
	var prev *Node
	for _, n := range names {
		node := newNode(ref.Ref{Name: n, Version: "1.0"}, &recipe.Conanfile{DisplayName: n + "/1.0"}, Host, RecipeCache)
		node.PackageID = "id-" + n
		node.Binary = BinaryMissing
		g.addNode(node)
		if prev != nil {
			g.addEdge(prev, node, &recipe.Requirement{Ref: node.Ref})
		}
		prev = node
	}
	g.Root.Recipe = RecipeConsumer
	return g
}

func TestValidateAndDOT(t *testing.T) {
	g := chain("app", "liba", "zlib")
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	d := g.DOT()
	for _, want := range []string{"digraph conid", `"liba/1.0 (host)" -> "zlib/1.0 (host)"`, "fillcolor=red"} {
		if !strings.Contains(d, want) {
			t.Errorf("DOT lacks %q:\n%s", want, d)
		}
	}
	// a cycle is caught
	g.addEdge(g.Nodes[2], g.Nodes[1], &recipe.Requirement{})
	if err := g.Validate(); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("cycle not reported: %v", err)
	}
}

func TestLevelsOrderDependenciesFirst(t *testing.T) {
	g := chain("app", "liba", "zlib")
	l := g.ByLevels()
	if len(l) != 3 || l[0][0].Name() != "zlib" || l[2][0].Name() != "app" {
		t.Errorf("levels %v", l)
	}
}

// lattice is a consumer over depth rows of two packages, each requiring
// both packages of the next row: 2^depth paths to the last row. The last
// row has a build requirement, btool; the first row's a0 privately
// requires tool. bin gives every node's binary status.
func lattice(depth int, bin string) *Graph {
	g := newGraph(nil)
	add := func(name string) *Node {
		n := newNode(ref.Ref{Name: name, Version: "1.0"}, &recipe.Conanfile{DisplayName: name + "/1.0"}, Host, RecipeCache)
		n.Binary = bin
		g.addNode(n)
		return n
	}
	root := add("app")
	root.Recipe = RecipeConsumer
	prev := []*Node{root}
	for d := range depth {
		row := []*Node{add(fmt.Sprintf("a%d", d)), add(fmt.Sprintf("b%d", d))}
		for _, p := range prev {
			for _, n := range row {
				g.addEdge(p, n, &recipe.Requirement{Ref: n.Ref})
			}
		}
		prev = row
	}
	btool, tool := add("btool"), add("tool")
	for _, p := range prev {
		g.addEdge(p, btool, &recipe.Requirement{Ref: btool.Ref, BuildRequire: true})
	}
	g.addEdge(g.Nodes[1], tool, &recipe.Requirement{Ref: tool.Ref, Private: true})
	return g
}

// TestLatticeWalksVisitNodesOnce: the walks for build-time nodes and for
// skippable binaries see each node once (a 60-row lattice has 2^60
// paths; walking paths never ends).
func TestLatticeWalksVisitNodesOnce(t *testing.T) {
	g := lattice(60, BinaryCache)
	bt := g.buildTimeNodes()
	if len(bt) != 1 || !bt[g.Nodes[len(g.Nodes)-2]] {
		t.Errorf("build-time nodes: %d, want btool", len(bt))
	}
	markPrivateSkippable(g, g.Nodes, nil)
	for _, n := range g.Nodes {
		// tool is required only privately, by a0, whose binary is in
		// the cache.
		if want := n.Name() == "tool"; (n.Binary == BinarySkip) != want {
			t.Errorf("%s: binary %s", n.Name(), n.Binary)
		}
	}
	g = lattice(60, BinaryMissing) // a0 is built: its private requirement is needed
	markPrivateSkippable(g, g.Nodes, nil)
	for _, n := range g.Nodes {
		if n.Binary == BinarySkip {
			t.Errorf("%s skipped", n.Name())
		}
	}
}

// TestValidateClosureContexts: Validate reports a build-context node
// holding a host node in its public closure, and a node holding another
// of its own name and context, the two things checkProvides takes as
// impossible when no recipe declares provides.
func TestValidateClosureContexts(t *testing.T) {
	build := func() (*Graph, *Node, *Node) {
		g := newGraph(nil)
		app := newNode(ref.Ref{Name: "app", Version: "1.0"}, &recipe.Conanfile{DisplayName: "app/1.0"}, Host, RecipeConsumer)
		tool := newNode(ref.Ref{Name: "tool", Version: "1.0"}, &recipe.Conanfile{DisplayName: "tool/1.0"}, Build, RecipeCache)
		tool.PackageID, tool.Binary = "id-tool", BinaryMissing
		g.addNode(app)
		g.addNode(tool)
		g.addEdge(app, tool, &recipe.Requirement{Ref: tool.Ref, BuildRequire: true})
		for _, n := range g.Nodes {
			n.publicClosure.add(n)
		}
		app.connectClosure(tool)
		return g, app, tool
	}
	g, _, _ := build()
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	add := func(g *Graph, from *Node, name, context string) {
		n := newNode(ref.Ref{Name: name, Version: "2.0"}, &recipe.Conanfile{DisplayName: name + "/2.0"}, context, RecipeCache)
		n.PackageID, n.Binary = "id-"+name, BinaryMissing
		g.addNode(n)
		n.publicClosure.add(n)
		g.addEdge(from, n, &recipe.Requirement{Ref: n.Ref})
		from.connectClosure(n)
	}
	g, _, tool := build()
	add(g, tool, "zlib", Build)
	if err := g.Validate(); err != nil {
		t.Errorf("a build node holding a build node: %v", err)
	}
	g, _, tool = build()
	add(g, tool, "zlib", Host)
	if err := g.Validate(); err == nil || !strings.Contains(err.Error(), "of the build context, holds zlib/2.0 of the host context") {
		t.Errorf("a build node holding a host node: %v", err)
	}
	g, _, tool = build()
	add(g, tool, "tool", Build)
	if err := g.Validate(); err == nil || !strings.Contains(err.Error(), "of its own name and context") {
		t.Errorf("a node holding another of its key: %v", err)
	}
}
