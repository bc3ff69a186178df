package main

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"io"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/explain"
	"github.com/conid/conid/internal/fsread"
	"github.com/conid/conid/memo"
	"github.com/spf13/pflag"
)

func cmdExplain(args []string, e *env) error {
	var jsonOut string
	p, rest, g, err := parseGraphArgs("explain", args, e, func(g *graphFlags) {
		g.fs.StringVar(&jsonOut, "json", "", "write the explanation as JSON (to stdout, or --json=FILE)")
		g.fs.Lookup("json").NoOptDefVal = "-"
	})
	if err != nil {
		return err
	}
	var qs []explain.Query
	for _, q := range rest[1:] {
		qs = append(qs, explain.ParseQuery(q))
	}
	rep, save, err := explainReport(p, rest[0], g, e, qs)
	if err != nil && rep == nil {
		return err
	}
	// The answer goes out first; the whole report is built and kept for
	// the next query after it (for a 10,000-package graph, building it
	// takes a twentieth of a second and encoding it a tenth).
	defer func() {
		flush(e.stderr)
		flush(e.stdout)
		save()
	}()
	// On a resolution error, explain what was recorded up to it, then
	// report the error.
	resolveErr := err
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

// explainReport explains the packages of a configuration that the
// queries select. With the result cache, the report of every package is
// kept under a key that leaves out the queries, so that asking about
// another package or option of the same graph reads it back instead of
// resolving the graph again. save builds that report and writes it to the
// cache when the graph was just resolved (it does nothing otherwise).
func explainReport(p engine.Params, target string, g *graphFlags, e *env, qs []explain.Query) (rep *explain.Report, save func(), err error) {
	save = func() {}
	var key string
	// Results that asked a remote are never cached.
	if e.memo != nil && g.remotes.remote == "" {
		parts := []string{"explain-report", target}
		g.fs.Visit(func(f *pflag.Flag) {
			if f.Name != "json" {
				parts = append(parts, "--"+f.Name+"="+f.Value.String())
			}
		})
		key = memoKey(parts, e, e.environ)
		if ent, ok := e.memo.Get(key); ok {
			var cached explain.Report
			if gob.NewDecoder(bytes.NewReader(ent.Data)).Decode(&cached) == nil {
				e.stderr.Write(ent.Stderr)
				return cached.Select(qs), save, nil
			}
		}
	}
	var errb bytes.Buffer
	var res *engine.Result
	var inputs []fsread.Entry
	if key != "" {
		stderr := e.stderr
		p.Output = func(line string) { io.WriteString(io.MultiWriter(stderr, &errb), line+"\n") }
		inputs = fsread.Record(func() { res, err = engine.Resolve(p) })
	} else {
		res, err = engine.Resolve(p)
	}
	if err != nil && (res == nil || !res.Partial) {
		return nil, save, err
	}
	rep = explain.Build(res.Graph, res.ProfileHost, res.ProfileBuild, qs)
	if err != nil {
		rep.Error = err.Error()
		return rep, save, err
	}
	if key != "" {
		save = func() {
			all := rep
			if len(qs) > 0 {
				all = explain.Build(res.Graph, res.ProfileHost, res.ProfileBuild, nil)
			}
			var b bytes.Buffer
			if gob.NewEncoder(&b).Encode(all) == nil {
				_ = e.memo.Put(&memo.Entry{Key: key, Inputs: inputs, Stderr: errb.Bytes(), Data: b.Bytes()})
			}
		}
	}
	return rep, save, nil
}
