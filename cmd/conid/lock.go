package main

import (
	"io"
	"os"
	"path/filepath"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/graph"
	"github.com/conid/conid/recipe/ref"
)

func cmdLockCreate(args []string, e *env) error {
	stdout, stderr := e.stdout, e.stderr
	g := newGraphFlags("lock create", e)
	var reference, out string
	var build []string
	g.fs.StringVar(&reference, "reference", "", "create the lockfile of a reference instead of a path")
	g.fs.StringVar(&out, "lockfile-out", "conan.lock", "file to write")
	g.fs.StringArrayVar(&build, "build", nil, "build policy: missing, never, cascade, a pattern (repeatable)")
	if err := g.fs.Parse(normalizeArgs(args, "build")); err != nil {
		return err
	}
	p, err := g.params(e)
	if err != nil {
		return err
	}
	rest := g.fs.Args()
	switch {
	case reference != "" && len(rest) > 0:
		return usageError("Both path and reference arguments were provided. Please provide only one of them")
	case reference != "":
		if _, err := ref.Parse(reference); err != nil {
			return err
		}
		p.Target, p.IsRef = reference, true
	case len(rest) == 1:
		path := rest[0]
		if !filepath.IsAbs(path) {
			path = filepath.Join(p.Cwd, path)
		}
		st, err := os.Stat(path)
		if err != nil {
			return usageError("Conanfile does not exist in %s", path)
		}
		if st.IsDir() {
			return usageError("Path argument must include filename like 'conanfile.py' or 'path/conanfile.py'")
		}
		p.Target = path
	default:
		return usageError("lock create needs one path, or --reference")
	}
	p.BuildModes = buildModes(g.fs, "build", build)
	p.Output = func(line string) { io.WriteString(stderr, line+"\n") }
	p.NoOptionLog = true
	res, err := engine.Resolve(p)
	if err != nil {
		return err
	}
	if err := g.after(e, res.Graph); err != nil {
		return err
	}
	res.Graph.PrintGraph(stdout)
	if !filepath.IsAbs(out) {
		out = filepath.Join(p.Cwd, out)
	}
	host := res.ProfileHost.Dumps()
	buildDumps := ""
	if res.ProfileBuild != nil {
		buildDumps = res.ProfileBuild.Dumps()
	}
	revs := res.Config.RevisionsEnabled
	nodes := res.Graph.LockRevisions(revs)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	err = e.writeFileFrom(out, func(w io.Writer) error {
		return graph.WriteLockfile(w, nodes, filepath.Dir(out), host, buildDumps, revs)
	})
	if err != nil {
		return err
	}
	io.WriteString(stdout, "Generated lockfile: "+out+"\n")
	return nil
}
