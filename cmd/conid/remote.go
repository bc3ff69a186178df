package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/graph"
	"github.com/conid/conid/home"
	"github.com/conid/conid/remote"
	"github.com/conid/conid/remote/dlcache"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/pflag"
	"golang.org/x/term"
)

// remoteFlags are the remote flags of graph commands.
type remoteFlags struct {
	remote        string
	downloadCache string
	jobs          int
	bar           *progressbar.ProgressBar
}

// finish clears the progress bar, if any.
func (r *remoteFlags) finish() {
	if r.bar != nil {
		r.bar.Finish()
	}
}

func (r *remoteFlags) add(fs *pflag.FlagSet) {
	fs.StringVarP(&r.remote, "remote", "r", "", "look in this remote for missing recipes, version ranges and binaries ('all': every remote, in order)")
	fs.StringVar(&r.downloadCache, "download-cache", "", "shared download cache folder (default: conan.conf storage.download_cache)")
	fs.IntVar(&r.jobs, "jobs", 8, "concurrent requests to remotes")
}

// install sets p.Remotes: without -r the session is offline (cache only).
func (r *remoteFlags) install(e *env, p *engine.Params) {
	p.Remotes = func(local graph.Source, cfg *home.Config) (graph.Source, graph.BinaryLookup, error) {
		s, err := r.session(e, p.Home, cfg)
		if err != nil {
			return nil, nil, err
		}
		src, bins := s.Hooks(local)
		return src, bins, nil
	}
}

func (r *remoteFlags) session(e *env, h *home.Home, cfg *home.Config) (*remote.Session, error) {
	reg, err := remote.LoadRemotes(h.Dir, false)
	if err != nil {
		return nil, err
	}
	s := &remote.Session{Storage: cfg.StoragePath, Revisions: cfg.RevisionsEnabled, Registry: reg,
		Logins: remote.OpenLocalDB(h.Dir), Jobs: r.jobs, Output: func(line string) { fmt.Fprintln(e.stderr, line) }}
	s.WithContext(context.Background())
	if r.remote != "" {
		if s.Use, s.Pinned, err = reg.Select(r.remote); err != nil {
			return nil, err
		}
	}
	dc := r.downloadCache
	if dc == "" {
		dc = cfg.DownloadCache
	} else if !filepath.IsAbs(dc) {
		dc = filepath.Join(e.cwd, dc)
	}
	if dc != "" {
		if s.Download, err = dlcache.Open(dc); err != nil {
			return nil, err
		}
	}
	if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && s.Online() {
		bar := progressbar.NewOptions(-1, progressbar.OptionSetWriter(e.stderr), progressbar.OptionSetDescription("package lookups"),
			progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
		r.bar = bar
		var mu sync.Mutex
		s.Progress = func(done, started int) {
			mu.Lock()
			defer mu.Unlock()
			bar.ChangeMax(started)
			bar.Set(done)
		}
		s.Output = func(line string) {
			mu.Lock()
			defer mu.Unlock()
			bar.Clear()
			fmt.Fprintln(e.stderr, line)
		}
	}
	return s, nil
}

// homeConfig reads the Conan home of the environment and its conan.conf.
func homeConfig(e *env) (*home.Home, *home.Config, error) {
	h, err := home.FromEnv(e.getenv)
	if err != nil {
		return nil, nil, err
	}
	cfg, err := h.Config()
	if err != nil {
		return nil, nil, err
	}
	return h, cfg, nil
}

func cmdRemote(args []string, e *env) error {
	if len(args) == 0 {
		return usageError("usage: conid remote add|list|remove|update ...")
	}
	h, err := home.FromEnv(e.getenv)
	if err != nil {
		return err
	}
	fs := e.flagSet("remote " + args[0])
	var insert string
	var force, raw bool
	switch args[0] {
	case "add", "update":
		fs.StringVarP(&insert, "insert", "i", "", "insert the remote at this position")
		if args[0] == "add" {
			fs.BoolVarP(&force, "force", "f", false, "replace a remote of the same name or URL")
		}
	case "list":
		fs.BoolVar(&raw, "raw", false, "one line per remote: name url verify_ssl [disabled]")
	case "remove":
	default:
		return usageError("unknown remote command %q: want add, list, remove or update", args[0])
	}
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	rest := fs.Args()
	reg, err := remote.LoadRemotes(h.Dir, true)
	if err != nil {
		return err
	}
	switch args[0] {
	case "list":
		for _, r := range reg.List {
			if raw {
				dis := ""
				if r.Disabled {
					dis = " True"
				}
				fmt.Fprintf(e.stdout, "%s %s %s %s\n", r.Name, r.URL, pyBool(r.VerifySSL), dis)
			} else {
				fmt.Fprintln(e.stdout, r.String())
			}
		}
		return nil
	case "remove":
		if len(rest) != 1 {
			return usageError("usage: conid remote remove NAME")
		}
		if err := reg.Remove(rest[0]); err != nil {
			return err
		}
	case "add", "update":
		if len(rest) < 2 || len(rest) > 3 {
			return usageError("usage: conid remote %s NAME URL [VERIFY_SSL]", args[0])
		}
		verify := true
		if len(rest) == 3 {
			if verify, err = boolText(rest[2]); err != nil {
				return err
			}
		}
		ins, err := remote.ParseInsert(insert)
		if err != nil {
			return err
		}
		r := remote.Remote{Name: rest[0], URL: rest[1], VerifySSL: verify}
		if args[0] == "add" {
			err = reg.Add(r, ins, force)
		} else {
			err = reg.Update(r, ins)
		}
		if err != nil {
			return err
		}
	}
	return reg.Save(h.Dir)
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// boolText is Conan's get_bool_from_text.
func boolText(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "1", "yes", "y", "true", "on":
		return true, nil
	case "0", "no", "n", "false", "off", "none", "":
		return false, nil
	}
	return false, fmt.Errorf("Unrecognized boolean value '%s'", s)
}

// cmdUser is "conan user": show the user of a remote, or log in with -p.
func cmdUser(args []string, e *env) error {
	fs := e.flagSet("user")
	var password, remoteName string
	var clean bool
	fs.StringVarP(&password, "password", "p", "", "password: log in and store the token")
	fs.StringVarP(&remoteName, "remote", "r", "", "remote name (default: the first)")
	fs.BoolVarP(&clean, "clean", "c", false, "forget every login")
	if err := fs.Parse(args); err != nil {
		return err
	}
	h, err := home.FromEnv(e.getenv)
	if err != nil {
		return err
	}
	reg, err := remote.LoadRemotes(h.Dir, true)
	if err != nil {
		return err
	}
	db := remote.OpenLocalDB(h.Dir)
	if clean {
		for _, r := range reg.List {
			if err := db.Store(r.URL, remote.Login{}); err != nil {
				return err
			}
		}
		return nil
	}
	var r remote.Remote
	if remoteName == "" {
		if len(reg.List) == 0 {
			return fmt.Errorf("No default remote defined")
		}
		r = reg.List[0]
	} else {
		var ok bool
		if r, ok = reg.Get(remoteName); !ok {
			return fmt.Errorf("No remote '%s' defined in remotes", remoteName)
		}
	}
	prev, err := db.Get(r.URL)
	if err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) > 1 {
		return usageError("usage: conid user [NAME] [-p PASSWORD] [-r REMOTE]")
	}
	if len(rest) == 0 && !fs.Changed("password") {
		fmt.Fprintf(e.stdout, "Current user of remote '%s' set to: '%s'%s\n", r.Name, noneIfEmpty(prev.User), authText(prev))
		return nil
	}
	user := prev.User
	if len(rest) == 1 {
		user = rest[0]
	}
	if user == "" {
		return usageError("conid user needs a user name")
	}
	if !fs.Changed("password") {
		if err := db.Store(r.URL, remote.Login{User: user}); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Changed user of remote '%s' from '%s'%s to '%s'\n", r.Name, noneIfEmpty(prev.User), anonText(prev), user)
		return nil
	}
	c := &remote.Client{Remote: r, HTTP: remote.NewHTTPClient(r, 1, 60*time.Second), Attempts: 3}
	tok, err := c.Authenticate(context.Background(), user, password)
	if err != nil {
		return err
	}
	if err := db.Store(r.URL, remote.Login{User: user, Token: tok}); err != nil {
		return err
	}
	if prev.User == user {
		fmt.Fprintf(e.stdout, "User of remote '%s' is already '%s'\n", r.Name, user)
	} else {
		fmt.Fprintf(e.stdout, "Changed user of remote '%s' from '%s'%s to '%s'\n", r.Name, noneIfEmpty(prev.User), anonText(prev), user)
	}
	return nil
}

func noneIfEmpty(s string) string {
	if s == "" {
		return "None"
	}
	return s
}

func anonText(l remote.Login) string {
	if l.User == "" {
		return " (anonymous)"
	}
	return ""
}

func authText(l remote.Login) string {
	switch {
	case l.User == "":
		return " (anonymous)"
	case l.Token != "":
		return " [Authenticated]"
	}
	return ""
}
