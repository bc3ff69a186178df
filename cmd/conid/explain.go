package main

import (
	"encoding/json"
	"io"
	"os"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/explain"
)

func cmdExplain(args []string, e *env) error {
	g := newGraphFlags("explain")
	var jsonOut string
	var build []string
	g.fs.StringVar(&jsonOut, "json", "", "write the explanation as JSON to FILE ('-' for stdout)")
	g.fs.StringArrayVar(&build, "build", nil, "compute binaries as --build would (repeatable)")
	if err := g.fs.Parse(normalizeArgs(args, "build")); err != nil {
		return err
	}
	p, err := g.params(e)
	if err != nil {
		return err
	}
	rest := g.fs.Args()
	if len(rest) < 1 {
		return usageError("explain needs a path or reference, then optional PKG[:OPTION] queries")
	}
	if err := setTarget(&p, rest[0]); err != nil {
		return err
	}
	p.BuildModes = buildModes(g.fs, "build", build)
	p.Output = func(line string) { io.WriteString(e.stderr, line+"\n") }
	res, err := engine.Resolve(p)
	if err != nil {
		return err
	}
	var qs []explain.Query
	for _, q := range rest[1:] {
		qs = append(qs, explain.ParseQuery(q))
	}
	rep := explain.Build(res.Graph, res.ProfileHost, res.ProfileBuild, qs)
	if jsonOut != "" {
		b, err := json.MarshalIndent(rep, "", "  ")
		if err != nil {
			return err
		}
		b = append(b, '\n')
		if jsonOut == "-" {
			_, err = e.stdout.Write(b)
			return err
		}
		return os.WriteFile(jsonOut, b, 0o644)
	}
	return explain.WriteText(e.stdout, rep, e.cwd)
}
