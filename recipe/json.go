package recipe

import (
	"sort"

	"github.com/conid/conid/internal/pyjson"
	py "github.com/conid/conid/recipe/python"
)

// ToJSON converts a Python value to JSON values for pyjson; asList makes
// a string a one-element list (Conan's make_tuple). Sets become sorted
// lists, as Conan's inspect does.
func ToJSON(in *py.Interp, v py.Value, asList bool) (any, error) {
	if asList {
		if s, ok := v.(string); ok {
			return []any{s}, nil
		}
		items, err := in.ToList(v)
		if err != nil {
			return nil, err
		}
		out := make([]any, len(items))
		for i, it := range items {
			if out[i], err = ToJSON(in, it, false); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	switch x := v.(type) {
	case string:
		return x, nil
	case bool:
		return x, nil
	case int64:
		return x, nil
	case float64:
		return x, nil
	case py.NoneType:
		return nil, nil
	case *py.List, py.Tuple:
		return ToJSON(in, x, true)
	case *py.Set:
		items := x.Members()
		var strs []string
		for _, it := range items {
			s, err := in.Str(it)
			if err != nil {
				return nil, err
			}
			strs = append(strs, s)
		}
		sort.Strings(strs)
		out := make([]any, len(strs))
		for i, s := range strs {
			out[i] = s
		}
		return out, nil
	case *py.Dict:
		var o pyjson.Object
		keys, vals := x.Items()
		for i, k := range keys {
			ks, err := in.Str(k)
			if err != nil {
				return nil, err
			}
			jv, err := ToJSON(in, vals[i], false)
			if err != nil {
				return nil, err
			}
			o.Set(ks, jv)
		}
		return o, nil
	}
	return in.Str(v)
}

// ConanInspectAttributes are the attributes "conan inspect" shows by
// default, in its order.
var ConanInspectAttributes = []string{"name", "version", "url", "homepage", "license", "author",
	"description", "topics", "generators", "exports", "exports_sources",
	"short_paths", "apply_env", "build_policy", "revision_mode", "settings",
	"options", "default_options", "deprecated"}

// MoreAttributes are further recipe attributes conid shows when a recipe
// sets them.
var MoreAttributes = []string{"requires", "build_requires", "tool_requires", "python_requires",
	"python_requires_extend", "default_user", "default_channel", "provides", "no_copy_source",
	"keep_imports", "upload_policy", "package_type", "alias", "scm", "test_type", "win_bash",
	"required_conan_version"}

// Attribute is one inspected attribute.
type Attribute struct {
	Name  string
	Value py.Value // nil when the recipe has no such attribute
}

// Inspect reads attributes of a recipe's class (as "conan inspect": name
// and version given by a reference override the class's). Without names,
// Conan's default list is followed by every other known attribute the
// recipe sets.
func (l *Loader) Inspect(r *Recipe, name, version string, names []string) ([]Attribute, error) {
	in := l.In
	get := func(n string) (py.Value, bool) {
		switch {
		case n == "name" && name != "":
			return name, true
		case n == "version" && version != "":
			return newModelVersion(version), true
		case n == "required_conan_version":
			v, ok := r.Module.Dict.Get(n)
			return v, ok
		}
		v, ok, err := in.GetAttrOpt(r.Class, n)
		if err != nil || !ok {
			return nil, false
		}
		return v, true
	}
	var out []Attribute
	if len(names) > 0 {
		for _, n := range names {
			v, _ := get(n)
			out = append(out, Attribute{n, v})
		}
		return out, nil
	}
	for _, n := range ConanInspectAttributes {
		v, _ := get(n)
		out = append(out, Attribute{n, v})
	}
	for _, n := range MoreAttributes {
		if _, owner, found := r.Class.Lookup(n); found && owner == ConanFileClass {
			continue
		}
		if v, ok := get(n); ok && v != py.None {
			if _, isProp := v.(*py.HostProperty); isProp {
				continue
			}
			out = append(out, Attribute{n, v})
		}
	}
	return out, nil
}

// InspectJSON renders attributes as Conan's inspect --json ("" for
// missing ones).
func (l *Loader) InspectJSON(attrs []Attribute) (string, error) {
	var o pyjson.Object
	for _, a := range attrs {
		if a.Value == nil {
			o.Set(a.Name, "")
			continue
		}
		v, err := ToJSON(l.In, a.Value, false)
		if err != nil {
			return "", err
		}
		o.Set(a.Name, v)
	}
	return pyjson.Dumps(o, -1), nil
}

// InspectText renders attributes as Conan's inspect prints them.
func (l *Loader) InspectText(attrs []Attribute) (string, error) {
	in := l.In
	var b []byte
	line := func(s string) { b = append(b, s...); b = append(b, '\n') }
	for _, a := range attrs {
		v := a.Value
		if v == nil {
			line(a.Name + ": ")
			continue
		}
		if a.Name == "default_options" {
			entries, err := defaultOptionEntries(in, v, nil)
			if err == nil {
				line("default_options:")
				vals := make([][2]string, 0, len(entries))
				for _, e := range entries {
					vals = append(vals, [2]string{e.Key, e.Value})
				}
				sort.Slice(vals, func(i, j int) bool { return vals[i][0] < vals[j][0] })
				for _, kv := range vals {
					line("    " + kv[0] + ": " + kv[1])
				}
				continue
			}
		}
		if d, ok := v.(*py.Dict); ok {
			line(a.Name + ":")
			keys, vals := d.Items()
			type kv struct{ k, v string }
			var items []kv
			for i, k := range keys {
				ks, err := in.Str(k)
				if err != nil {
					return "", err
				}
				vs, err := in.Str(vals[i])
				if err != nil {
					return "", err
				}
				items = append(items, kv{ks, vs})
			}
			sort.Slice(items, func(i, j int) bool { return items[i].k < items[j].k })
			for _, it := range items {
				line("    " + it.k + ": " + it.v)
			}
			continue
		}
		s, err := in.Str(v)
		if err != nil {
			return "", err
		}
		line(a.Name + ": " + s)
	}
	return string(b), nil
}
