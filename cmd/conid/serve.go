package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/server"
	"github.com/conid/conid/server/loadgen"
)

// cmdServe runs a conan_server-compatible remote until SIGINT/SIGTERM.
func cmdServe(args []string, e *env) error {
	if len(args) > 0 && args[0] == "bench" {
		return cmdServeBench(args[1:], e)
	}
	fs := e.flagSet("serve")
	var dir, level, format, listen string
	var port int
	fs.StringVarP(&dir, "server-dir", "d", "", "server folder with server.conf (default $CONAN_SERVER_HOME or ~/.conan_server)")
	fs.StringVar(&level, "log-level", "info", "debug, info, warn or error (debug logs every request)")
	fs.StringVar(&format, "log-format", "text", "text or json")
	fs.StringVar(&listen, "listen", "", "listen address, overriding listen_address of server.conf")
	fs.IntVar(&port, "port", -1, "port, overriding port of server.conf (0: any free port)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("serve takes no arguments")
	}
	if dir == "" {
		dir = e.getenv("CONAN_SERVER_HOME")
	}
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return err
		}
		dir = filepath.Join(home, ".conan_server")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(e.cwd, dir)
	}
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return usageError("--log-level %q: %v", level, err)
	}
	hopts := &slog.HandlerOptions{Level: lv}
	var h slog.Handler
	switch format {
	case "text":
		h = slog.NewTextHandler(e.stderr, hopts)
	case "json":
		h = slog.NewJSONHandler(e.stderr, hopts)
	default:
		return usageError("--log-format %q: text or json", format)
	}
	log := slog.New(h)

	cfg, err := server.LoadConfig(dir, e.getenv)
	if err != nil {
		return err
	}
	if listen != "" {
		cfg.ListenAddress = listen
	}
	if port >= 0 {
		cfg.Port = port
	}
	ln, err := net.Listen("tcp", cfg.ListenAddr())
	if err != nil {
		return err
	}
	defer ln.Close()
	cfg.Port = ln.Addr().(*net.TCPAddr).Port // the port 0 chose
	srv, err := server.New(server.Options{Config: cfg, Log: log})
	if err != nil {
		return err
	}
	log.Info("conid serve", "config", cfg.File, "storage", cfg.StoragePath, "public_url", cfg.PublicURL(),
		"listen", ln.Addr().String(), "recipes", len(srv.Store().Recipes()))
	fmt.Fprintf(e.stdout, "conid serve: listening on http://%s (config %s, storage %s)\n", ln.Addr(), cfg.File, cfg.StoragePath)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return srv.Serve(ctx, ln)
}

// splitInts parses "16,64".
func splitInts(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		var n int
		if _, err := fmt.Sscanf(strings.TrimSpace(f), "%d", &n); err != nil || n <= 0 {
			return nil, fmt.Errorf("%q is not a positive number", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// cmdServeBench loads a remote and prints lookups per second and
// latency percentiles, one line per connection count.
func cmdServeBench(args []string, e *env) error {
	fs := e.flagSet("serve bench")
	var url, refText, conns, kind string
	var dur time.Duration
	var rounds int
	fs.StringVar(&url, "url", "http://127.0.0.1:9300", "the remote's URL")
	fs.StringVar(&refText, "ref", "", "recipe whose packages are looked up (uploaded beforehand)")
	fs.StringVar(&conns, "conns", "16,64", "connection counts to run, comma-separated")
	fs.StringVar(&kind, "kind", loadgen.KindLatest, "latest (GET .../packages/ID/latest) or search (GET .../revisions/RREV/search)")
	fs.DurationVar(&dur, "duration", 10*time.Second, "length of each run")
	fs.IntVar(&rounds, "rounds", 1, "runs per connection count; the median run is reported")
	var seed int
	var user, password string
	fs.IntVar(&seed, "seed", 0, "first upload --ref with this many packages (API v2)")
	fs.StringVar(&user, "user", "demo", "user for --seed")
	fs.StringVar(&password, "password", "demo", "password for --seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	r, err := ref.Parse(refText)
	if err != nil {
		return usageError("--ref: %v", err)
	}
	counts, err := splitInts(conns)
	if err != nil {
		return usageError("--conns: %v", err)
	}
	if kind != loadgen.KindLatest && kind != loadgen.KindSearch {
		return usageError("--kind: latest or search")
	}
	if seed > 0 {
		if err := loadgen.Seed(context.Background(), url, r, seed, user, password); err != nil {
			return fmt.Errorf("seed: %w", err)
		}
	}
	fmt.Fprintf(e.stdout, "%-6s %-6s %12s %10s %10s %10s %8s\n", "kind", "conns", "lookups/s", "p50", "p99", "max", "errors")
	for _, n := range counts {
		var runs []loadgen.Result
		for i := 0; i < max(rounds, 1); i++ {
			res, err := loadgen.Run(context.Background(), loadgen.Options{BaseURL: url, Ref: r, Kind: kind, Conns: n, Duration: dur})
			if err != nil {
				return err
			}
			runs = append(runs, res)
		}
		sort.Slice(runs, func(i, j int) bool { return runs[i].PerSecond < runs[j].PerSecond })
		res := runs[len(runs)/2]
		fmt.Fprintf(e.stdout, "%-6s %-6d %12.0f %10s %10s %10s %8d\n", kind, n, res.PerSecond,
			res.P50.Round(time.Microsecond), res.P99.Round(time.Microsecond), res.Max.Round(time.Microsecond), res.Errors)
		if res.FirstErrorText != "" {
			fmt.Fprintf(e.stderr, "first error: %s\n", res.FirstErrorText)
		}
	}
	return nil
}
