package graph

import (
	"strings"
	"testing"

	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/ref"
)

func chain(names ...string) *Graph {
	g := newGraph()
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
