package graph

import (
	"sort"

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
	if refEqual(a.Ref, b.Ref) {
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
	if packageid.RefCompare(a.Ref, b.Ref) < 0 {
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
// stable over creation order.
func levels(subset []*Node, direct bool) [][]*Node {
	opened := map[*Node]bool{}
	for _, n := range subset {
		opened[n] = true
	}
	order := append([]*Node(nil), subset...)
	sort.SliceStable(order, func(i, j int) bool { return order[i].seq < order[j].seq })
	var result [][]*Node
	for len(opened) > 0 {
		var level []*Node
		for _, o := range order {
			if !opened[o] {
				continue
			}
			neigh := o.Dependants
			blocked := false
			if direct {
				for _, e := range o.Dependencies {
					if opened[e.Dst] {
						blocked = true
						break
					}
				}
			} else {
				for _, e := range neigh {
					if opened[e.Src] {
						blocked = true
						break
					}
				}
			}
			if !blocked {
				level = append(level, o)
			}
		}
		if len(level) == 0 {
			// a cycle; Conan would loop forever, the builder rejects
			// loops before this can happen.
			for _, o := range order {
				if opened[o] {
					level = append(level, o)
				}
			}
		}
		sort.SliceStable(level, func(i, j int) bool { return nodeLess(level[i], level[j]) })
		for _, n := range level {
			delete(opened, n)
		}
		result = append(result, level)
	}
	return result
}

// ByLevels returns the nodes by levels, dependencies first.
func (g *Graph) ByLevels() [][]*Node { return levels(g.Nodes, true) }

// InverseLevels returns the nodes by levels, dependants first.
func (g *Graph) InverseLevels() [][]*Node { return levels(g.Nodes, false) }

func orderedIterate(nodes []*Node) []*Node {
	var out []*Node
	for _, l := range levels(nodes, true) {
		out = append(out, l...)
	}
	return out
}
