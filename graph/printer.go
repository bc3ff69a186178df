package graph

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/conid/conid/internal/pyjson"
)

// PrintGraph writes the summary "conan lock create" and "conan install"
// print (Conan's print_graph).
func (g *Graph) PrintGraph(w io.Writer) {
	nodes := append([]*Node(nil), g.Nodes...)
	sort.SliceStable(nodes, func(i, j int) bool { return nodeLess(nodes[i], nodes[j]) })
	bt := g.buildTimeNodes()
	type group struct {
		key   string
		nodes []*Node
	}
	var reqs, breqs []*group
	idx := map[string]*group{}
	for _, n := range nodes {
		if n.Recipe == RecipeConsumer || n.Recipe == RecipeVirtual {
			continue
		}
		k := n.Ref.String() + ":" + n.PackageID
		kk := k
		if bt[n] {
			kk = "b" + k
		}
		gr, ok := idx[kk]
		if !ok {
			gr = &group{key: k}
			idx[kk] = gr
			if bt[n] {
				breqs = append(breqs, gr)
			} else {
				reqs = append(reqs, gr)
			}
		}
		gr.nodes = append(gr.nodes, n)
	}
	recipes := func(list []*group) {
		for _, gr := range list {
			n := gr.nodes[0]
			from := "from local cache"
			if n.Remote != "" {
				from = fmt.Sprintf("from '%s'", n.Remote)
			}
			fmt.Fprintf(w, "    %s %s - %s\n", n.Ref.String(), from, n.Recipe)
		}
	}
	packages := func(list []*group) {
		for _, gr := range list {
			bin := gr.nodes[0].Binary
			for _, n := range gr.nodes {
				if n.Binary != BinarySkip {
					bin = n.Binary
				}
			}
			fmt.Fprintf(w, "    %s - %s\n", gr.key, bin)
		}
	}
	fmt.Fprintln(w, "Requirements")
	recipes(reqs)
	fmt.Fprintln(w, "Packages")
	packages(reqs)
	if len(breqs) > 0 {
		fmt.Fprintln(w, "Build requirements")
		recipes(breqs)
		fmt.Fprintln(w, "Build requirements packages")
		packages(breqs)
	}
	fmt.Fprintln(w)
}

// WriteInfoJSON writes "conan info --json" output.
func WriteInfoJSON(w io.Writer, items []InfoItem) error {
	list := make([]any, len(items))
	for i, it := range items {
		list[i] = it.JSON
	}
	return pyjson.Write(w, list, -1)
}

// PrintInfo writes "conan info" text; only, when not empty, lists the
// fields to show (-n).
func PrintInfo(w io.Writer, items []InfoItem, only []string) {
	show := func(f string) bool {
		if len(only) == 0 {
			return true
		}
		for _, o := range only {
			if strings.ToLower(o) == f {
				return true
			}
		}
		return false
	}
	for _, it := range items {
		m := it.JSON
		at := func(key string) any { v, _ := m.Get(key); return v }
		field := func(key, name string) {
			if v, ok := m.Get(key); ok && show(key) {
				fmt.Fprintf(w, "    %s: %s\n", name, pyStr(v))
			}
		}
		isRef, _ := at("is_ref").(bool)
		fmt.Fprintln(w, at("display_name"))
		field("id", "ID")
		field("build_id", "BuildID")
		field("context", "Context")
		if show("remote") && isRef {
			if rem, ok := at("remote").(pyjson.Object); ok && len(rem) == 2 {
				fmt.Fprintf(w, "    Remote: %s=%s\n", pyStr(rem[0].Value), pyStr(rem[1].Value))
			} else {
				fmt.Fprintln(w, "    Remote: None")
			}
		}
		field("url", "URL")
		field("homepage", "Homepage")
		if l, ok := at("license").([]any); ok && show("license") {
			lead := "License"
			if len(l) > 1 {
				lead = "Licenses"
			}
			fmt.Fprintf(w, "    %s: %s\n", lead, joinAny(l))
		}
		field("author", "Author")
		field("description", "Description")
		if l, ok := at("topics").([]any); ok && show("topics") {
			fmt.Fprintf(w, "    Topics: %s\n", joinAny(l))
		}
		if l, ok := at("provides").([]any); ok && show("provides") {
			fmt.Fprintf(w, "    Provides: %s\n", joinAny(l))
		}
		field("deprecated", "Deprecated")
		field("recipe", "Recipe")
		field("binary", "Binary")
		if show("binary_remote") && isRef {
			if v, ok := m.Get("binary_remote"); ok {
				fmt.Fprintf(w, "    Binary remote: %s\n", pyStr(v))
			} else {
				fmt.Fprintln(w, "    Binary remote: None")
			}
		}
		if v, ok := m.Get("creation_date"); ok && show("date") {
			fmt.Fprintf(w, "    Creation date: %s\n", pyStr(v))
		}
		if l, ok := at("required_by").([]string); ok && show("required") {
			fmt.Fprintln(w, "    Required by:")
			for _, d := range l {
				fmt.Fprintf(w, "        %s\n", d)
			}
		}
		if show("requires") {
			if l, ok := at("requires").([]string); ok {
				fmt.Fprintln(w, "    Requires:")
				for _, d := range l {
					fmt.Fprintf(w, "        %s\n", d)
				}
			}
			if l, ok := at("build_requires").([]string); ok {
				fmt.Fprintln(w, "    Build Requires:")
				for _, d := range l {
					fmt.Fprintf(w, "        %s\n", d)
				}
			}
		}
	}
}

func pyStr(v any) string {
	switch x := v.(type) {
	case nil:
		return "None"
	case string:
		return x
	case bool:
		if x {
			return "True"
		}
		return "False"
	}
	return fmt.Sprint(v)
}

func joinAny(l []any) string {
	parts := make([]string, len(l))
	for i, x := range l {
		parts[i] = pyStr(x)
	}
	return strings.Join(parts, ", ")
}
