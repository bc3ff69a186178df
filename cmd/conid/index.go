package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/index"
	"github.com/conid/conid/profiles"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

func cmdIndex(args []string, e *env) error {
	if len(args) == 0 || args[0] != "check" {
		return usageError("usage: conid index check <cci-checkout> [-pr ...] [--json FILE] [--jobs N] [-q]")
	}
	g := newGraphFlags("index check", e)
	var jsonOut string
	var quiet, list bool
	var build, names []string
	g.fs.StringVar(&jsonOut, "json", "", "write every recipe's result as JSON to FILE")
	// The graph commands' --jobs (concurrent requests to remotes) counts
	// recipes evaluated in parallel here: this command works offline.
	jobs := g.fs.Lookup("jobs")
	jobs.Usage, jobs.DefValue = "recipes evaluated in parallel", "2"
	g.remotes.jobs = 2
	g.fs.BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	g.fs.BoolVar(&list, "list", false, "list every recipe that did not resolve")
	g.fs.StringArrayVar(&build, "build", nil, "build policy, as lock create's --build")
	g.fs.StringArrayVar(&names, "name", nil, "check only this recipe (repeatable)")
	if err := g.fs.Parse(normalizeArgs(args[1:], "build")); err != nil {
		return err
	}
	if g.fs.NArg() != 1 {
		return usageError("index check needs the path of a conan-center-index checkout (or its recipes/ folder)")
	}
	if g.remotes.remote != "" {
		return usageError("index check works on the checkout alone: -r/--remote is not supported")
	}
	root := g.fs.Arg(0)
	if !filepath.IsAbs(root) {
		root = filepath.Join(e.cwd, root)
	}
	if st, err := os.Stat(filepath.Join(root, "recipes")); err == nil && st.IsDir() {
		root = filepath.Join(root, "recipes")
	}
	p, err := g.params(e)
	if err != nil {
		return err
	}
	cfg, err := p.Home.Config()
	if err != nil {
		return err
	}
	def, err := p.Home.Settings()
	if err != nil {
		return err
	}
	ctx := profiles.Context{Cwd: p.Cwd, ProfilesDir: p.Home.ProfilesDir(), DefaultProfile: cfg.DefaultProfile}
	hostProf, err := profiles.FromArgs(ctx, p.Host, false)
	if err != nil {
		return err
	}
	host, err := engine.Process(hostProf, def)
	if err != nil {
		return err
	}
	ip := index.Params{Recipes: root, Names: names, Host: host, BuildModes: buildModes(g.fs, "build", build), Jobs: g.remotes.jobs, PackageIDMode: cfg.DefaultPackageIDMode}
	if buildProf, err := profiles.FromArgs(ctx, p.Build, true); err != nil {
		return err
	} else if buildProf != nil {
		if ip.Build, err = engine.Process(buildProf, def); err != nil {
			return err
		}
	}
	var bar *progressbar.ProgressBar
	if !quiet {
		if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("recipes"), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
			ip.Progress = func(done, total int) {
				bar.ChangeMax(total)
				bar.Set(done)
			}
		}
	}
	start := time.Now()
	results, err := index.Check(ip)
	if bar != nil {
		bar.Finish()
	}
	if err != nil {
		return err
	}
	sum := index.Summarize(results)
	fmt.Fprintf(e.stdout, "%d recipes in %.1fs\n", sum.Total, time.Since(start).Seconds())
	for _, s := range []index.Status{index.Resolved, index.Invalid, index.Missing, index.Unsupported, index.Other} {
		fmt.Fprintf(e.stdout, "  %-22s %5d\n", s, sum.ByStatus[s])
	}
	if len(sum.Constructs) > 0 {
		fmt.Fprintln(e.stdout, "unsupported constructs:")
		var keys []string
		for k := range sum.Constructs {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if sum.Constructs[keys[i]] != sum.Constructs[keys[j]] {
				return sum.Constructs[keys[i]] > sum.Constructs[keys[j]]
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			fmt.Fprintf(e.stdout, "  %5d  %s\n", sum.Constructs[k], k)
		}
	}
	if list {
		for _, r := range results {
			if r.Status != index.Resolved {
				// Conan's messages run over several lines: indent the rest.
				msg := strings.ReplaceAll(strings.TrimRight(r.Message, "\n"), "\n", "\n    ")
				fmt.Fprintf(e.stdout, "%s/%s: %s: %s\n", r.Name, r.Version, r.Status, msg)
			}
		}
	}
	if jsonOut != "" {
		b, err := json.MarshalIndent(struct {
			Summary index.Summary  `json:"summary"`
			Recipes []index.Result `json:"recipes"`
		}{sum, results}, "", "  ")
		if err != nil {
			return err
		}
		if !filepath.IsAbs(jsonOut) {
			jsonOut = filepath.Join(e.cwd, jsonOut)
		}
		return os.WriteFile(jsonOut, b, 0o644)
	}
	return nil
}
