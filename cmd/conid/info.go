package main

import (
	"bufio"
	"io"
	"path/filepath"
	"strings"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/explain"
	"github.com/conid/conid/graph"
)

func cmdInfo(args []string, e *env) error {
	stdout, stderr := e.stdout, e.stderr
	g := newGraphFlags("info", e)
	var jsonOut, dotOut string
	var only, dryBuild []string
	g.fs.StringVar(&jsonOut, "json", "", "write the graph as Conan's info JSON to FILE ('-' for stdout)")
	g.fs.StringVar(&dotOut, "graph", "", "write the graph as Graphviz DOT to FILE.dot")
	g.fs.StringArrayVarP(&only, "only", "n", nil, "show only these fields (id, requires, binary...)")
	g.fs.StringArrayVar(&dryBuild, "dry-build", nil, "compute binaries as --build would (repeatable)")
	if err := g.fs.Parse(normalizeArgs(args, "dry-build")); err != nil {
		return err
	}
	p, err := g.params(e)
	if err != nil {
		return err
	}
	rest := g.fs.Args()
	if len(rest) != 1 {
		return usageError("info needs one path or reference")
	}
	if err := setTarget(&p, rest[0]); err != nil {
		return err
	}
	p.BuildModes = buildModes(g.fs, "dry-build", dryBuild)
	p.Output = func(line string) { io.WriteString(stderr, line+"\n") }
	p.NoOptionLog = !isHTML(dotOut)
	res, err := engine.Resolve(p)
	if err != nil {
		return err
	}
	if err := g.after(e, res.Graph); err != nil {
		return err
	}
	items, err := res.Graph.Info()
	if err != nil {
		return err
	}
	if dotOut != "" {
		if err := writeGraphFile(e, dotOut, res); err != nil {
			return err
		}
	}
	if jsonOut == "-" {
		if err := graph.WriteInfoJSON(stdout, items); err != nil {
			return err
		}
		_, err := io.WriteString(stdout, "\n")
		return err
	}
	if jsonOut != "" {
		return e.writeFileFrom(jsonOut, func(w io.Writer) error { return graph.WriteInfoJSON(w, items) })
	}
	var fields []string
	for _, o := range only {
		fields = append(fields, strings.Split(o, ",")...)
	}
	graph.PrintInfo(stdout, items, fields)
	return nil
}

// isHTML reports whether --graph asks for an HTML page, which explains
// the graph.
func isHTML(path string) bool {
	path = strings.ToLower(path)
	return strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".htm")
}

// writeGraphFile writes --graph: an HTML page for FILE.html, else DOT.
func writeGraphFile(e *env, path string, res *engine.Result) error {
	if !isHTML(path) {
		return e.writeFile(path, []byte(res.Graph.DOT()))
	}
	rep := explain.Build(res.Graph, res.ProfileHost, res.ProfileBuild, nil)
	title := "conid: " + filepath.Base(res.Graph.Root.RefString()+" "+res.Graph.Root.Path)
	return e.writeFileFrom(path, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		if err := explain.WriteHTML(bw, res.Graph, rep, title); err != nil {
			return err
		}
		return bw.Flush()
	})
}
