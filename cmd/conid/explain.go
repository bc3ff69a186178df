package main

import (
	"fmt"

	"github.com/conid/conid/explain"
)

func cmdExplain(args []string, e *env) error {
	var jsonOut string
	res, queries, _, err := resolveWith("explain", args, e, func(g *graphFlags) {
		g.fs.StringVar(&jsonOut, "json", "", "write the explanation as JSON (to stdout, or --json=FILE)")
		g.fs.Lookup("json").NoOptDefVal = "-"
	})
	if err != nil && (res == nil || !res.Partial) {
		return err
	}
	// On a resolution error, explain what was recorded up to it, then
	// report the error.
	resolveErr := err
	var qs []explain.Query
	for _, q := range queries {
		qs = append(qs, explain.ParseQuery(q))
	}
	rep := explain.Build(res.Graph, res.ProfileHost, res.ProfileBuild, qs)
	if resolveErr != nil {
		rep.Error = resolveErr.Error()
	}
	if jsonOut != "" {
		err = writeJSON(e, jsonOut, rep)
	} else {
		if resolveErr != nil {
			fmt.Fprintln(e.stdout, "# the graph could not be resolved; this is what was recorded up to the error")
			fmt.Fprintln(e.stdout)
		}
		err = explain.WriteText(e.stdout, rep, e.cwd)
	}
	if err != nil {
		return err
	}
	return resolveErr
}
