package profiles

import (
	"sort"
	"strings"
)

// EnvVar is one variable of the legacy [env] section (Conan's EnvValues).
//
// Package is the package pattern of "pkg:VAR=value" (Scoped set); Scoped
// is false for global variables. ":VAR=1" is scoped to the package "" (and
// Conan then writes it back as "VAR=1" after the global variables).
//
// A value written as "[a, b]" is a list (IsList, List): lists accumulate
// when the same variable is given again, while a plain value, once set,
// is never replaced by a later assignment of lower priority. Origin is the
// assignment that created the variable; ItemOrigins gives the origin of
// each list item.
type EnvVar struct {
	Package     string
	Scoped      bool
	Name        string
	Value       string
	List        []string
	IsList      bool
	Origin      Origin
	ItemOrigins []Origin
}

func (v EnvVar) sameSlot(w EnvVar) bool {
	return v.Scoped == w.Scoped && v.Package == w.Package && v.Name == w.Name
}

func (v EnvVar) samePackage(w EnvVar) bool {
	return v.Scoped == w.Scoped && v.Package == w.Package
}

// copyEnvVar returns v with its own slices.
func copyEnvVar(v EnvVar) EnvVar {
	v.List = append([]string(nil), v.List...)
	v.ItemOrigins = append([]Origin(nil), v.ItemOrigins...)
	return v
}

// envLoadValue is EnvValues.load_value: "[a, b]" is a list.
func envLoadValue(v EnvVar, text string, o Origin) EnvVar {
	if strings.HasPrefix(text, "[") && strings.HasSuffix(text, "]") && len(text) >= 2 {
		v.IsList = true
		v.List = nil
		v.ItemOrigins = nil
		for _, item := range strings.Split(text[1:len(text)-1], ",") {
			if item == "" {
				continue
			}
			v.List = append(v.List, pyStrip(item))
			v.ItemOrigins = append(v.ItemOrigins, o)
		}
		if v.List == nil {
			v.List = []string{}
		}
		return v
	}
	v.Value = text
	return v
}

// envAdd is EnvValues.add: a new variable is added at the end of its
// package; an existing list grows; an existing plain value is kept. The
// list is kept grouped by package, in the order Conan's nested dicts
// iterate.
func envAdd(list []EnvVar, v EnvVar) []EnvVar {
	for i := range list {
		if !list[i].sameSlot(v) {
			continue
		}
		if list[i].IsList {
			if v.IsList {
				list[i].List = append(list[i].List, v.List...)
				list[i].ItemOrigins = append(list[i].ItemOrigins, v.ItemOrigins...)
			} else {
				list[i].List = append(list[i].List, v.Value)
				list[i].ItemOrigins = append(list[i].ItemOrigins, v.Origin)
			}
		}
		return list
	}
	v = copyEnvVar(v)
	pos := len(list)
	for i := range list {
		if list[i].samePackage(v) {
			pos = i + 1
		}
	}
	list = append(list, EnvVar{})
	copy(list[pos+1:], list[pos:])
	list[pos] = v
	return list
}

// envUpdate is EnvValues.update: every variable of other is added to
// list, the values already in list keeping priority.
func envUpdate(list, other []EnvVar) []EnvVar {
	for _, v := range other {
		list = envAdd(list, v)
	}
	return list
}

// dumpEnv is EnvValues.dumps().
func dumpEnv(list []EnvVar) string {
	type group struct {
		pkg    string
		scoped bool
		vars   []EnvVar
	}
	var groups []*group
	for _, v := range list {
		var g *group
		for _, h := range groups {
			if h.scoped == v.Scoped && h.pkg == v.Package {
				g = h
			}
		}
		if g == nil {
			g = &group{pkg: v.Package, scoped: v.Scoped}
			groups = append(groups, g)
		}
		g.vars = append(g.vars, v)
	}
	// Conan sorts the packages with None (and "") counting as "a".
	key := func(g *group) string {
		if g.pkg == "" {
			return "a"
		}
		return g.pkg
	}
	sort.SliceStable(groups, func(i, j int) bool { return key(groups[i]) < key(groups[j]) })
	var lines []string
	appendVars := func(g *group) {
		vars := append([]EnvVar(nil), g.vars...)
		sort.SliceStable(vars, func(i, j int) bool { return vars[i].Name < vars[j].Name })
		for _, v := range vars {
			value := v.Value
			if v.IsList {
				value = "[" + strings.Join(v.List, ",") + "]"
			}
			if g.pkg != "" {
				lines = append(lines, g.pkg+":"+v.Name+"="+value)
			} else {
				lines = append(lines, v.Name+"="+value)
			}
		}
	}
	for _, g := range groups {
		if !g.scoped {
			appendVars(g)
		}
	}
	for _, g := range groups {
		if g.scoped {
			appendVars(g)
		}
	}
	return strings.Join(lines, "\n")
}
