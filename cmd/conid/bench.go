package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/conid/conid/bench"
	"github.com/conid/conid/internal/fsread"
	"github.com/conid/conid/memo"
)

func cmdBench(args []string, e *env) error {
	if len(args) == 0 {
		return usageError("usage: conid bench gen|run|cpu ...")
	}
	switch args[0] {
	case "gen":
		return cmdBenchGen(args[1:], e)
	case "run":
		return cmdBenchRun(args[1:], e)
	case "cpu":
		return cmdBenchCPU(args[1:], e)
	}
	return usageError("unknown bench command %q (gen, run, cpu)", args[0])
}

func cmdBenchGen(args []string, e *env) error {
	fs := e.flagSet("bench gen")
	var o bench.GenOptions
	fs.IntVar(&o.Packages, "packages", 100, "packages in the tree, build tools included")
	fs.Uint64Var(&o.Seed, "seed", 1, "random seed; the same seed writes the same tree")
	fs.StringVar(&o.Shape, "shape", bench.ShapeLayered, "layered, chain, grid or wide")
	fs.StringVar(&o.Flavor, "flavor", "conan1", "conan1, or conan2 for recipes Conan 2 loads (no private=True)")
	quiet := fs.BoolP("quiet", "q", false, "no progress display")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("usage: conid bench gen --packages N --seed S [--shape SHAPE] OUT")
	}
	var count func(int)
	done := progress(e, *quiet, "packages", &count)
	if count != nil {
		o.Progress = func(n, _ int) { count(n) }
	}
	t, err := bench.Generate(abs(e, fs.Arg(0)), o)
	done()
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: %d packages (%d recipe files, %d with several versions), %d requirements (%d ranges, %d private), %d tool requirements\n",
		fs.Arg(0), t.Packages, t.Files, t.Versioned, t.Requires, t.Ranges, t.Private, t.ToolReqs)
	fmt.Fprintf(e.stdout, "consumer %s, recipes %s, profile %s\n", rel(e, t.Consumer), rel(e, t.Recipes), rel(e, t.Profile))
	return nil
}

func cmdBenchRun(args []string, e *env) error {
	g := newGraphFlags("bench run", e)
	var jsonOut bool
	var quiet bool
	g.fs.BoolVar(&jsonOut, "json", false, "print the measurements as JSON")
	g.fs.BoolVarP(&quiet, "quiet", "q", false, "no progress display")
	var cpuProfile, memProfile, traceFile string
	var noCache bool
	g.fs.StringVar(&cpuProfile, "cpuprofile", "", "write a Go CPU profile of the run to FILE")
	g.fs.StringVar(&traceFile, "trace", "", "write a Go execution trace of the run to FILE (go tool trace; -pprof=sync shows where the resolver waits)")
	g.fs.StringVar(&memProfile, "memprofile", "", "write a Go heap profile to FILE: what the resolved graph holds, and what the run allocated (implies --no-cache)")
	g.fs.BoolVar(&noCache, "no-cache", false, "compute even if the result cache holds this run")
	if err := g.fs.Parse(normalizeArgs(args)); err != nil {
		return err
	}
	if g.fs.NArg() != 1 {
		return usageError("usage: conid bench run DIR [profile args] [--json]")
	}
	if cpuProfile != "" {
		f, err := os.Create(cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if traceFile != "" {
		f, err := os.Create(traceFile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := trace.Start(f); err != nil {
			return err
		}
		defer trace.Stop()
	}
	if memProfile != "" {
		defer func(rate int) { runtime.MemProfileRate = rate }(runtime.MemProfileRate)
		runtime.MemProfileRate = 4096
		noCache = true // a profile of the computation, not of a cache hit
	}
	dir := abs(e, g.fs.Arg(0))
	if _, err := os.Stat(filepath.Join(dir, "conanfile.py")); err != nil {
		return fmt.Errorf("bench run: %s has no conanfile.py (conid bench gen writes a tree that has one)", g.fs.Arg(0))
	}
	if len(g.recipes) == 0 {
		g.recipes = []string{filepath.Join(dir, "recipes")}
	}
	if len(g.profiles) == 0 {
		if _, err := os.Stat(filepath.Join(dir, "profiles", "default")); err == nil {
			g.profiles = []string{filepath.Join(dir, "profiles", "default")}
		}
	}
	p, err := g.params(e)
	if err != nil {
		return err
	}
	if err := setTarget(&p, dir); err != nil {
		return err
	}
	var key string
	if e.memo != nil && !noCache && g.remotes.remote == "" {
		key = memoKey(append([]string{"bench", "run"}, args...), e, e.environ)
		start, cpu0 := time.Now(), bench.CPUTime()
		if ent, ok := e.memo.Get(key); ok {
			wall, cpu := time.Since(start).Seconds(), (bench.CPUTime() - cpu0).Seconds()
			if jsonOut {
				fmt.Fprintf(e.stdout, "{\"cached\": true, \"inputs\": %d, \"seconds\": %.6f, \"cpu_seconds\": %.6f, \"computed\": %s}\n", len(ent.Inputs), wall, cpu, ent.Note)
				return nil
			}
			fmt.Fprintf(e.stdout, "%s: result cache hit: %d recorded reads still valid, checked in %.3f s (CPU %.3f s); nothing re-evaluated\n", g.fs.Arg(0), len(ent.Inputs), wall, cpu)
			var before bench.Result
			if json.Unmarshal([]byte(ent.Note), &before) == nil {
				fmt.Fprintf(e.stdout, "  computed before: %d nodes in %.3f s (CPU %.3f s, peak RSS %s)\n", before.Nodes, before.Seconds, before.CPUSeconds, bench.HumanBytes(before.PeakRSS))
			}
			return nil
		}
	}
	done := progress(e, quiet, "recipes", &p.Progress)
	var res *bench.Result
	p.NoOptionLog = true // as info: nothing is explained
	run := func() { res, err = bench.Run(p) }
	var inputs []fsread.Entry
	if key != "" {
		inputs = fsread.Record(run)
	} else {
		run()
	}
	done()
	if err != nil {
		return err
	}
	if key != "" {
		note, _ := json.Marshal(res)
		_ = e.memo.Put(&memo.Entry{Key: key, Inputs: inputs, Note: string(note)})
	}
	if err := g.after(e, res.Graph); err != nil {
		return err
	}
	if memProfile != "" {
		if err := writeHeapProfile(memProfile); err != nil {
			return err
		}
		runtime.KeepAlive(res.Graph)
	}
	if jsonOut {
		b, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\n", b)
		return nil
	}
	fmt.Fprintf(e.stdout, "%s: %d nodes, %d recipes evaluated, %d package IDs\n", g.fs.Arg(0), res.Nodes, res.Recipes, res.Packages)
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	for _, ph := range res.Phases {
		fmt.Fprintf(tw, "  %s\t%.3f s\t%.1f µs/node\t\n", ph.Name, ph.Seconds, ph.Seconds*1e6/float64(max(1, res.Nodes)))
	}
	fmt.Fprintf(tw, "  total (wall)\t%.3f s\t%.1f µs/node\t\n", res.Seconds, res.Seconds*1e6/float64(max(1, res.Nodes)))
	fmt.Fprintf(tw, "  CPU (user+sys)\t%.3f s\t\t\n", res.CPUSeconds)
	tw.Flush()
	fmt.Fprintf(e.stdout, "  peak RSS %s, heap allocated %s\n", bench.HumanBytes(res.PeakRSS), bench.HumanBytes(res.HeapAlloc))
	return nil
}

// writeHeapProfile collects first, so that the profile's in-use figures
// are what is still reachable.
func writeHeapProfile(path string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// progress shows a spinner with a count on a terminal, unless quiet; it
// sets *hook to the callback to count with, and returns the function that
// clears the display.
func progress(e *env, quiet bool, what string, hook *func(int)) func() {
	f, ok := e.stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return func() {}
	}
	bar := progressbar.NewOptions(-1, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(), progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	*hook = func(n int) { bar.Set(n) }
	return func() { bar.Finish() }
}

// cmdBenchCPU runs a command several times and reports the median CPU
// time (user+system, children included) and wall time: the method used to
// compare conid with Conan on one tree.
func cmdBenchCPU(args []string, e *env) error {
	fs := e.flagSet("bench cpu")
	runs := fs.IntP("runs", "n", 5, "how many times to run the command")
	with := fs.StringArray("with", nil, "run the command's arguments with this program instead, taking turns with the others given (repeatable): an A/B comparison")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cmdline := fs.Args()
	if len(cmdline) == 0 && len(*with) == 0 {
		return usageError("usage: conid bench cpu [-n RUNS] [--with PROGRAM]... -- COMMAND [ARGS...]")
	}
	if *runs < 1 {
		return usageError("--runs must be at least 1")
	}
	// One command line per program; with --with, the programs take
	// turns, run after run, so that a machine drifting over the
	// measurement (as a VM does) drifts for all of them alike.
	lines := [][]string{cmdline}
	if len(*with) > 0 {
		lines = lines[:0]
		for _, prog := range *with {
			lines = append(lines, append([]string{prog}, cmdline...))
		}
	}
	cpu := make([][]float64, len(lines))
	wall := make([][]float64, len(lines))
	rss := make([][]float64, len(lines)) // MiB, where the system tells
	for i := 0; i < *runs; i++ {
		for j, line := range lines {
			c := exec.Command(line[0], line[1:]...)
			c.Dir = e.cwd
			c.Stdout, c.Stderr = io.Discard, io.Discard
			start := time.Now()
			if err := c.Run(); err != nil {
				return fmt.Errorf("run %d of %q: %v", i+1, strings.Join(line, " "), err)
			}
			wall[j] = append(wall[j], time.Since(start).Seconds())
			cpu[j] = append(cpu[j], (c.ProcessState.UserTime() + c.ProcessState.SystemTime()).Seconds())
			if b, ok := bench.ChildPeakRSS(c.ProcessState); ok {
				rss[j] = append(rss[j], float64(b)/(1<<20))
			}
		}
	}
	for j, line := range lines {
		fmt.Fprintf(e.stdout, "%s\n  runs %d, CPU median %.3f s (min %.3f, max %.3f), wall median %.3f s",
			strings.Join(line, " "), *runs, bench.Median(cpu[j]), slices.Min(cpu[j]), slices.Max(cpu[j]), bench.Median(wall[j]))
		if len(rss[j]) == *runs {
			fmt.Fprintf(e.stdout, ", peak RSS median %.0f MiB", bench.Median(rss[j]))
		}
		fmt.Fprintln(e.stdout)
	}
	if len(lines) > 1 {
		base := bench.Median(cpu[0])
		fmt.Fprintf(e.stdout, "CPU median against %s:", lines[0][0])
		for j := 1; j < len(lines); j++ {
			if base > 0 {
				fmt.Fprintf(e.stdout, " %s %.3f×", lines[j][0], bench.Median(cpu[j])/base)
			} else {
				fmt.Fprintf(e.stdout, " %s -", lines[j][0])
			}
		}
		fmt.Fprintln(e.stdout)
	}
	return nil
}

func abs(e *env, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(e.cwd, path)
}

func rel(e *env, path string) string {
	if r, err := filepath.Rel(e.cwd, path); err == nil {
		return r
	}
	return path
}
