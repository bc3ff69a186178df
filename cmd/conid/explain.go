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
	rep, save, err := explainReport(p, rest[0], g, e)
	if err != nil && rep == nil {
		return err
	}
	// The answer goes out first; the report is kept for the next query
	// after it (encoding a 10,000-package report takes a tenth of a
	// second).
	defer func() {
		flush(e.stderr)
		flush(e.stdout)
		save()
	}()
	// On a resolution error, explain what was recorded up to it, then
	// report the error.
	resolveErr := err
	rep = rep.Select(qs)
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

// explainReport explains every package of a configuration. With the
// result cache, the whole report is kept under a key that leaves out the
// queries, so that asking about another package or option of the same
// graph reads it back instead of resolving the graph again. save writes
// a report just computed to the cache (it does nothing otherwise).
func explainReport(p engine.Params, target string, g *graphFlags, e *env) (rep *explain.Report, save func(), err error) {
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
				return &cached, save, nil
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
	rep = explain.Build(res.Graph, res.ProfileHost, res.ProfileBuild, nil)
	if err != nil {
		rep.Error = err.Error()
		return rep, save, err
	}
	if key != "" {
		save = func() {
			var b bytes.Buffer
			if gob.NewEncoder(&b).Encode(rep) == nil {
				_ = e.memo.Put(&memo.Entry{Key: key, Inputs: inputs, Stderr: errb.Bytes(), Data: b.Bytes()})
			}
		}
	}
	return rep, save, nil
}
