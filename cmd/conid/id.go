package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/explain"
	"github.com/conid/conid/graph"
	"github.com/conid/conid/profiles"
)

const idUsage = `usage:
  conid id explain <path|ref> [PKG...] [-pr ...] [--json FILE]
  conid id diff <path|ref> [common flags] -- <left flags> -- <right flags> [--json FILE]
  conid id diff A.lock B.lock [--recipes DIR] [--json FILE]
`

func cmdID(args []string, e *env) error {
	if len(args) == 0 {
		return usageError("%s", idUsage)
	}
	switch args[0] {
	case "explain":
		return cmdIDExplain(args[1:], e)
	case "diff":
		return cmdIDDiff(args[1:], e)
	}
	return usageError("unknown id command %q\n%s", args[0], idUsage)
}

// resolveWith parses graph flags plus a target and resolves the graph.
func resolveWith(name string, args []string, e *env, extra func(*graphFlags)) (*engine.Result, []string, *graphFlags, error) {
	p, rest, g, err := parseGraphArgs(name, args, e, extra)
	if err != nil {
		return nil, nil, nil, err
	}
	res, err := engine.Resolve(p)
	if err != nil {
		if res != nil && res.Partial {
			return res, rest[1:], g, err
		}
		return nil, nil, nil, err
	}
	return res, rest[1:], g, nil
}

// parseGraphArgs reads a graph command's flags and target; rest holds the
// target and what follows it.
func parseGraphArgs(name string, args []string, e *env, extra func(*graphFlags)) (p engine.Params, rest []string, g *graphFlags, err error) {
	g = newGraphFlags(name, e)
	var build []string
	g.fs.StringArrayVar(&build, "build", nil, "compute binaries as --build would (repeatable)")
	if extra != nil {
		extra(g)
	}
	if err := g.fs.Parse(normalizeArgs(args, "build")); err != nil {
		return p, nil, nil, err
	}
	if p, err = g.params(e); err != nil {
		return p, nil, nil, err
	}
	rest = g.fs.Args()
	if len(rest) < 1 {
		return p, nil, nil, usageError("%s needs a path or reference\n%s", name, idUsage)
	}
	if err := setTarget(&p, rest[0]); err != nil {
		return p, nil, nil, err
	}
	p.BuildModes = buildModes(g.fs, "build", build)
	p.Output = func(line string) { io.WriteString(e.stderr, line+"\n") }
	return p, rest, g, nil
}

func cmdIDExplain(args []string, e *env) error {
	var jsonOut string
	res, queries, _, err := resolveWith("id explain", args, e, func(g *graphFlags) {
		g.fs.StringVar(&jsonOut, "json", "", "write the explanation as JSON (to stdout, or --json=FILE)")
		g.fs.Lookup("json").NoOptDefVal = "-"
	})
	if err != nil {
		return err
	}
	var nodes []*graph.Node
	if len(queries) == 0 {
		nodes = []*graph.Node{targetNode(res.Graph)}
	} else {
		for _, q := range queries {
			qq := explain.ParseQuery(q)
			found := false
			for _, n := range res.Graph.Nodes {
				if n.Recipe != graph.RecipeVirtual && (n.ID == q || explain.MatchNode(qq, n)) {
					nodes = append(nodes, n)
					found = true
				}
			}
			if !found {
				return fmt.Errorf("no package %q in the graph", q)
			}
		}
	}
	var xs []*explain.ID
	for _, n := range nodes {
		xs = append(xs, explain.ExplainID(n))
	}
	if jsonOut != "" {
		return writeJSON(e, jsonOut, xs)
	}
	for i, x := range xs {
		if i > 0 {
			fmt.Fprintln(e.stdout)
		}
		if err := explain.WriteIDText(e.stdout, x); err != nil {
			return err
		}
	}
	return nil
}

// targetNode is the node of the command's target: the consumer, or the
// reference a virtual root requires.
func targetNode(g *graph.Graph) *graph.Node {
	if g.Root.Recipe == graph.RecipeVirtual && len(g.Root.Dependencies) > 0 {
		return g.Root.Dependencies[0].Dst
	}
	return g.Root
}

func writeJSON(e *env, out string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	b = append(b, '\n')
	if out == "-" {
		_, err = e.stdout.Write(b)
		return err
	}
	return e.writeFile(out, b)
}

func cmdIDDiff(args []string, e *env) error {
	var jsonOut string
	jsonFlag := func(g *graphFlags) {
		g.fs.StringVar(&jsonOut, "json", "", "write the diff as JSON (to stdout, or --json=FILE)")
		g.fs.Lookup("json").NoOptDefVal = "-"
	}
	var left, right *graph.Graph
	dash := -1
	for i, a := range args {
		if a == "--" {
			dash = i
			break
		}
	}
	if dash < 0 {
		// Two lockfiles.
		g := newGraphFlags("id diff", e)
		jsonFlag(g)
		if err := g.fs.Parse(normalizeArgs(args)); err != nil {
			return err
		}
		if g.fs.NArg() != 2 {
			return usageError("id diff needs two lockfiles, or a target and two sets of flags separated by --\n%s", idUsage)
		}
		var err error
		if left, err = resolveLockfile(g, e, g.fs.Arg(0)); err != nil {
			return err
		}
		if right, err = resolveLockfile(g, e, g.fs.Arg(1)); err != nil {
			return err
		}
	} else {
		common := args[:dash]
		rest := args[dash+1:]
		var l, r []string
		if i := indexOf(rest, "--"); i >= 0 {
			l, r = rest[:i], rest[i+1:]
		} else {
			return usageError("id diff: give the left and right flags as -- LEFT -- RIGHT\n%s", idUsage)
		}
		lres, _, _, err := resolveWith("id diff", append(append([]string(nil), common...), l...), e, jsonFlag)
		if err != nil {
			return fmt.Errorf("left: %w", err)
		}
		rres, _, _, err := resolveWith("id diff", append(append([]string(nil), common...), r...), e, jsonFlag)
		if err != nil {
			return fmt.Errorf("right: %w", err)
		}
		left, right = lres.Graph, rres.Graph
	}
	d := explain.Compare(left, right)
	if jsonOut != "" {
		return writeJSON(e, jsonOut, d)
	}
	return explain.WriteDiffText(e.stdout, d)
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// lockfile is the part of a Conan 1 lockfile (0.4) that id diff reads.
type lockfile struct {
	GraphLock struct {
		Nodes map[string]struct {
			Ref       string   `json:"ref"`
			Path      string   `json:"path"`
			PackageID string   `json:"package_id"`
			Requires  []string `json:"requires"`
			Context   string   `json:"context"`
		} `json:"nodes"`
	} `json:"graph_lock"`
	ProfileHost  string `json:"profile_host"`
	ProfileBuild string `json:"profile_build"`
}

// resolveLockfile resolves the graph a lockfile describes again, from its
// recorded profiles and root, and checks that every package ID comes out
// as recorded.
func resolveLockfile(g *graphFlags, e *env, path string) (*graph.Graph, error) {
	if !filepath.IsAbs(path) {
		path = filepath.Join(e.cwd, path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var lf lockfile
	if err := json.Unmarshal(b, &lf); err != nil {
		return nil, fmt.Errorf("%s: not a Conan lockfile: %v", path, err)
	}
	// Node 0 is the consumer; a lockfile of a reference has no node 0
	// and node 1 is that reference.
	root, ok := lf.GraphLock.Nodes["0"]
	if !ok {
		root, ok = lf.GraphLock.Nodes["1"]
	}
	if !ok || lf.ProfileHost == "" {
		return nil, fmt.Errorf("%s: not a Conan 1 lockfile (no root node or no profile_host)", path)
	}
	p, err := g.params(e)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "conid-lock")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	host := filepath.Join(dir, "host")
	if err := os.WriteFile(host, []byte(lf.ProfileHost), 0o644); err != nil {
		return nil, err
	}
	p.Host = profilesArgs(host)
	if lf.ProfileBuild != "" {
		build := filepath.Join(dir, "build")
		if err := os.WriteFile(build, []byte(lf.ProfileBuild), 0o644); err != nil {
			return nil, err
		}
		p.Build = profilesArgs(build)
	}
	switch {
	case root.Path != "":
		p.Target = filepath.Join(filepath.Dir(path), root.Path)
	case root.Ref != "":
		p.Target, p.IsRef = refTarget(root.Ref), true
	default:
		return nil, fmt.Errorf("%s: cannot tell the lockfile's root", path)
	}
	p.Output = func(line string) { io.WriteString(e.stderr, line+"\n") }
	res, err := engine.Resolve(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	// The lockfile numbers nodes as the graph does.
	var bad []string
	for _, n := range res.Graph.Nodes {
		ln, ok := lf.GraphLock.Nodes[n.ID]
		if ok && ln.PackageID != "" && ln.PackageID != n.PackageID {
			bad = append(bad, fmt.Sprintf("node %s %s: lockfile %s, conid %s", n.ID, n.RefString(), ln.PackageID, n.PackageID))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, fmt.Errorf("%s: resolving it again gives other package IDs (other recipes or conan.conf?):\n    %s", path, strings.Join(bad, "\n    "))
	}
	got := 0
	for _, n := range res.Graph.Nodes {
		if n.Recipe != graph.RecipeVirtual {
			got++
		}
	}
	if got != len(lf.GraphLock.Nodes) {
		return nil, fmt.Errorf("%s: resolving it again gives %d nodes, the lockfile has %d", path, got, len(lf.GraphLock.Nodes))
	}
	return res.Graph, nil
}

func profilesArgs(path string) profiles.Args { return profiles.Args{Profiles: []string{path}} }

// refTarget turns a lockfile's "zlib/1.2.13#rrev" into "zlib/1.2.13@".
func refTarget(r string) string {
	if i := strings.Index(r, "#"); i >= 0 {
		r = r[:i]
	}
	if !strings.Contains(r, "@") {
		r += "@"
	}
	return r
}
