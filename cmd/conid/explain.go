package main

import (
	"github.com/conid/conid/explain"
)

func cmdExplain(args []string, e *env) error {
	var jsonOut string
	res, queries, _, err := resolveWith("explain", args, e, func(g *graphFlags) {
		g.fs.StringVar(&jsonOut, "json", "", "write the explanation as JSON to FILE ('-' for stdout)")
	})
	if err != nil {
		return err
	}
	var qs []explain.Query
	for _, q := range queries {
		qs = append(qs, explain.ParseQuery(q))
	}
	rep := explain.Build(res.Graph, res.ProfileHost, res.ProfileBuild, qs)
	if jsonOut != "" {
		return writeJSON(e, jsonOut, rep)
	}
	return explain.WriteText(e.stdout, rep, e.cwd)
}
