// Command conid computes Conan 1.65 dependency graphs, options and
// package IDs, offline and fast. Run "conid help" for the commands.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/conid/conid/memo"
	"github.com/conid/conid/recipe"
	"github.com/spf13/pflag"
	"golang.org/x/term"
)

const usage = `conid: Conan 1.65 graphs, options and package IDs, fast and explained.

Usage:
  conid info <path|ref> [--json FILE] [--graph FILE.dot] [-n FIELD] [profile args] [--recipes DIR]
  conid lock create <path> | --reference REF [--lockfile-out FILE] [profile args] [--recipes DIR]
  conid inspect <path|ref> [--json] [--recipes DIR]
  conid index check <cci-checkout> [profile args] [--json FILE] [--jobs N] [-q]
  conid explain|why <path|ref> [PKG[:OPTION]]... [--json] [profile args]
  conid id explain <path|ref> [PKG]... [--json] [profile args]
  conid id diff <path|ref> [common args] -- [left args] -- [right args] | A.lock B.lock
  conid bench gen --packages N --seed S [--shape layered|chain|grid|wide] [--flavor conan2] OUT
  conid bench run DIR [profile args] [--json] [--no-cache] [-q]
  conid bench cpu [-n RUNS] [--with PROGRAM]... -- COMMAND [ARGS...]
  conid remote add|update NAME URL [VERIFY_SSL] [-i N] [-f] | list [--raw] | remove NAME
  conid user [USER] [-p PASSWORD] [-r REMOTE] [-c]
  conid download <ref> [-p ID]... -r REMOTE --dest DIR [--download-cache DIR]
  conid cache clean|verify|stats [--download-cache DIR]
  conid serve [-d DIR] [--listen ADDR] [--port N] [--log-level L]
  conid serve bench --url URL --ref REF [--conns 16,64] [--duration 10s]
  conid version

Profile args, as Conan's: -pr/--profile, -s/--settings, -o/--options,
-e/--env, -c/--conf, each with :h/:host and :b/:build variants (-pr:b ...),
and --build[=PATTERN] (lock create) / --dry-build[=PATTERN] (info).
Without --recipes, recipes come from the Conan cache of $CONAN_USER_HOME
(default ~/.conan); --recipes DIR (repeatable) reads a recipe tree
<name>/<version>/<user|_>/<channel|_>/conanfile.py, a Conan cache data
folder, or a conan-center-index recipes/ folder.
info, lock, id, explain and bench run keep their results in a cache
($CONID_HOME/results, else the user cache folder) checked against every
file they read; CONID_CACHE=off turns it off.
Graph commands take -r/--remote NAME|all (recipes, version ranges and
binaries from remotes; docs/remotes.md), --download-cache DIR, --jobs N.
`

// exit codes, as Conan's
const (
	exitOK            = 0
	exitError         = 1
	exitInvalidConfig = 6
)

// env is what a command may use of its process: tests run commands
// in-process with their own.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	cwd            string
	// memo, when set, caches the results of graph commands (see memo.go).
	memo *memo.Store
	// environ is the process environment, for the cache key.
	environ []string
	// rec collects the files a command writes while it is cached.
	rec *recording
}

func main() {
	tuneGC(os.Args[1:])
	cwd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ERROR:", err)
		os.Exit(exitError)
	}
	var outBuf, errBuf *bufio.Writer
	if batchOutput(os.Args[1:]) {
		// Piped or redirected, a large graph's report goes out in blocks
		// (a 10,000-package info is 164,000 lines on stdout and 14,000
		// on stderr, a system call each), as Python buffers Conan's
		// stdout. A write to one stream flushes the other first, so the
		// two keep their order when they reach one file.
		if !term.IsTerminal(int(os.Stdout.Fd())) {
			outBuf = bufio.NewWriterSize(os.Stdout, 64<<10)
		}
		if !term.IsTerminal(int(os.Stderr.Fd())) {
			errBuf = bufio.NewWriterSize(os.Stderr, 16<<10)
		}
	}
	stdout, stderr := orderedTo(os.Stdout, outBuf, errBuf), orderedTo(os.Stderr, errBuf, outBuf)
	store := openMemo(os.Getenv)
	code := run(os.Args[1:], &env{stdout: stdout, stderr: stderr, getenv: os.Getenv, cwd: cwd,
		memo: store, environ: os.Environ()})
	for _, b := range []*bufio.Writer{outBuf, errBuf} {
		if b != nil {
			b.Flush()
		}
	}
	if store != nil {
		store.Trim(time.Now()) // once a day at most: one small read otherwise
	}
	os.Exit(code)
}

// orderedTo is a stream written through its buffer (if any) that flushes
// the other stream's buffer (if any) first.
func orderedTo(f io.Writer, own, other *bufio.Writer) io.Writer {
	w := f
	if own != nil {
		w = own
	}
	if other == nil {
		return w
	}
	return flushFirst{other, w}
}

// batchOutput reports the commands whose output is a report written
// while they run, with nothing to wait for from the user (serve logs, and
// remote commands may ask for a password).
func batchOutput(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "info", "lock", "id", "explain", "why", "inspect":
		return true
	}
	return false
}

// flushFirst writes to w after flushing b.
type flushFirst struct {
	b *bufio.Writer
	w io.Writer
}

func (f flushFirst) Write(p []byte) (int, error) {
	f.b.Flush()
	return f.w.Write(p)
}

// Flush empties both buffers.
func (f flushFirst) Flush() error {
	err := f.b.Flush()
	if b, ok := f.w.(*bufio.Writer); ok {
		err = errors.Join(err, b.Flush())
	}
	return err
}

// flush sends what a command has written so far, before work that does
// not change it (such as filling the result cache).
func flush(w io.Writer) {
	if f, ok := w.(interface{ Flush() error }); ok {
		f.Flush()
	}
}

func run(args []string, e *env) int {
	stdout, stderr := e.stdout, e.stderr
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitError
	}
	if e.memo != nil && cacheable(args) {
		return runMemo(args, e, e.environ, run)
	}
	var err error
	switch args[0] {
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "version", "--version":
		fmt.Fprintf(stdout, "conid (Conan %s compatible)\n", recipe.ConanVersion)
		return exitOK
	case "info":
		err = cmdInfo(args[1:], e)
	case "lock":
		if len(args) < 2 || args[1] != "create" {
			fmt.Fprintln(stderr, "ERROR: usage: conid lock create <path> | --reference REF [--lockfile-out FILE]")
			return exitError
		}
		err = cmdLockCreate(args[2:], e)
	case "inspect":
		err = cmdInspect(args[1:], e)
	case "id":
		err = cmdID(args[1:], e)
	case "explain", "why":
		err = cmdExplain(args[1:], e)
	case "index":
		err = cmdIndex(args[1:], e)
	case "remote":
		err = cmdRemote(args[1:], e)
	case "user":
		err = cmdUser(args[1:], e)
	case "download":
		err = cmdDownload(args[1:], e)
	case "cache":
		err = cmdCache(args[1:], e)
	case "serve":
		err = cmdServe(args[1:], e)
	case "bench":
		err = cmdBench(args[1:], e)
	default:
		fmt.Fprintf(stderr, "ERROR: unknown command %q\n\n%s", args[0], usage)
		return exitError
	}
	if errors.Is(err, pflag.ErrHelp) { // the flag set printed its usage
		return exitOK
	}
	if err != nil {
		return report(stderr, err)
	}
	return exitOK
}

// tuneGC trades memory for time in the batch commands, unless GOGC or
// GOMEMLIMIT say otherwise: a graph computation allocates a lot that
// stays live to its end, so collecting as the heap grows mostly marks the
// same objects again and again (a third of the run with Go's default;
// one collection of a 100,000-package graph's 6 GiB costs 20 CPU-seconds).
// They do not collect until the heap nears half the machine's memory
// (at least 2 GiB). Past that, a heap limit alone would have the
// collector run back to back while the live heap stays above it (a
// 100,000-package graph took 2.3 times as long), so the first collection
// switches to Go's proportional pacing: the next one when the heap has
// doubled, and at the latest at 90% of the memory. The server keeps Go's
// defaults.
func tuneGC(args []string) {
	if len(args) > 0 && args[0] == "serve" || os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	// Go samples one allocation per 512 KiB for heap profiles, each
	// with its call stack: 1,400 stacks in a 10,000-package run, 1.4% of
	// its CPU, for a profile nothing reads (bench run --memprofile sets
	// its own rate).
	runtime.MemProfileRate = 0
	mem := physicalMemory()
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(max(2<<30, mem/2))
	// A finalizer runs after the collection that finds its object
	// unreachable: the first one.
	runtime.SetFinalizer(new([64]byte), func(*[64]byte) {
		debug.SetGCPercent(100)
		limit := int64(math.MaxInt64)
		if mem > 0 {
			limit = mem * 9 / 10 // still collect rather than swap
		}
		debug.SetMemoryLimit(limit)
	})
}

// report prints an error as Conan does and returns the exit code.
func report(w io.Writer, err error) int {
	msg := err.Error()
	if !strings.HasPrefix(msg, "ERROR: ") {
		msg = "ERROR: " + msg
	}
	fmt.Fprintln(w, msg)
	var ic *recipe.InvalidConfigError
	if errors.As(err, &ic) {
		return exitInvalidConfig
	}
	return exitError
}
