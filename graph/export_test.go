package graph

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// SetShadowPublicDeps makes nodes keep public_deps as Conan copies them
// too, to check publicDep against.
func SetShadowPublicDeps(on bool) {
	shadowPublicDeps, shadowDeps, shadowMismatch = on, map[*Node]map[int32]*Node{}, nil
}

// CheckPublicDeps checks publicDep against the public_deps Conan copies
// (SetShadowPublicDeps must have been on while g was resolved): every
// lookup the builder made, and every key of the graph on every node at
// the end. It also checks what connectClosure's shortcut relies on: each
// node of a public closure is what public_deps holds under its key.
func CheckPublicDeps(g *Graph) (lookups error, err error) {
	keys := map[int32]bool{}
	for _, n := range g.Nodes {
		keys[n.key] = true
	}
	for _, n := range g.Nodes {
		m := shadowDeps[n]
		if m == nil {
			return shadowMismatch, fmt.Errorf("%s: no public_deps copied", n.RefString())
		}
		for k := range keys {
			if got, want := n.publicDep(k), m[k]; got != want {
				return shadowMismatch, fmt.Errorf("%s: public_deps holds %v under key %d, publicDep %v", n.RefString(), want, k, got)
			}
		}
		for _, m := range n.publicClosure.nodes() {
			if got := n.publicDep(m.key); got != m {
				return shadowMismatch, fmt.Errorf("%s: public closure holds %s, public_deps holds %v", n.RefString(), m.RefString(), got)
			}
		}
	}
	return shadowMismatch, nil
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

// CheckUsedNames checks what propagateOptions's shortcut relies on: for
// every node it takes it on, the names its dependencies and their IDs
// require are the names of what its own ID is computed from. It returns
// how many nodes took it.
func CheckUsedNames(g *Graph) (int, error) {
	taken := 0
	for _, n := range g.Nodes {
		if n.Conanfile == nil || n.Conanfile.Info == nil || slices.ContainsFunc(n.Dependencies, (*Edge).BuildRequire) || !depsKeepAll(n) {
			continue
		}
		taken++
		want := map[string]bool{}
		for name := range transitiveOfDeps(n) {
			want[name] = true
		}
		got := map[string]bool{}
		for _, p := range n.idDirectPrefs {
			got[p.Ref.Name] = true
		}
		for _, p := range n.idIndirectPrefs {
			got[p.Ref.Name] = true
		}
		if len(got) != len(want) {
			return taken, fmt.Errorf("%s: %d names from its ID's requirements, %d from its dependencies'", n.RefString(), len(got), len(want))
		}
		for name := range want {
			if !got[name] {
				return taken, fmt.Errorf("%s: %s is required by its dependencies, not by its ID", n.RefString(), name)
			}
		}
	}
	return taken, nil
}

// SetRangeMemo turns the memo of resolved ranges on or off.
func SetRangeMemo(on bool) { noRangeMemo = !on }

// NeedRecurseChecks is what needRecurse's two walks did since the last
// CheckNeedRecurse.
type NeedRecurseChecks struct {
	Checked, True, Errors int
	Mismatches            []string
}

// CheckNeedRecurse has needRecurse take both of its walks while on, and
// returns what they did since the last call.
func CheckNeedRecurse(on bool) NeedRecurseChecks {
	c := NeedRecurseChecks{needRecurseChecked, needRecurseTrue, needRecurseErr, needRecurseMismatch}
	checkNeedRecurse, needRecurseChecked, needRecurseTrue, needRecurseErr, needRecurseMismatch = on, 0, 0, 0, nil
	return c
}

// CheckKeys reports a node whose key or name key is not the one the
// graph hands out for its (name, context) or name, or two pairs sharing
// a key.
func CheckKeys(g *Graph) error {
	byKey := map[int32]string{}
	for _, n := range g.Nodes {
		if k, ok := g.lookupKey(n.Name(), n.Context); !ok || k != n.key {
			return fmt.Errorf("%s (%s): key %d, the graph's %d", n.RefString(), n.Context, n.key, k)
		}
		if k, ok := g.names[n.Name()]; !ok || k != n.nameKey {
			return fmt.Errorf("%s: name key %d, the graph's %d", n.RefString(), n.nameKey, k)
		}
		pair := n.Name() + " " + n.Context
		if p, ok := byKey[n.key]; ok && p != pair {
			return fmt.Errorf("%s and %s share key %d", p, pair, n.key)
		}
		byKey[n.key] = pair
	}
	return nil
}

// CheckLevels has recurseBuildRequires compare the levels it walks with
// the subset leveled again after evaluation while on, and returns how
// many it compared and what differed since the last call.
func CheckLevels(on bool) (int, []string) {
	n, m := levelsChecked, levelsMismatch
	checkLevels, levelsChecked, levelsMismatch = on, 0, nil
	return n, m
}

// CheckOptionsInRequires has computePackageID check, while on, that
// filtering by the requirements' names would drop nothing from the
// options of the infos it let skip that; it returns how many it checked
// and how many would have lost a package since the last call.
func CheckOptionsInRequires(on bool) (checked, dropped int64) {
	checked, dropped = optionsInRequiresChecked.Swap(0), optionsInRequiresDropped.Swap(0)
	checkOptionsInRequires = on
	return checked, dropped
}

// SetConnectAsConan has diamonds connect their additions in Conan's
// order (connectAsConan).
func SetConnectAsConan(on bool) { connectAsConan = on }

// ClosureState describes every node's public and transitive closures
// and inverse list, in order, by node ID.
func ClosureState(g *Graph) []string {
	ids := func(ns []*Node) string {
		var b strings.Builder
		for _, n := range ns {
			b.WriteString(n.ID + " ")
		}
		return b.String()
	}
	var out []string
	for _, n := range g.Nodes {
		out = append(out, fmt.Sprintf("%s: public %s| transitive %s| inverse %s| replaced %v",
			n.ID, ids(n.publicClosure.nodes()), ids(n.transitiveClosure.nodes()), ids(n.inverseList), n.closureReplaced))
	}
	return out
}
