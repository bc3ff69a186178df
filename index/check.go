// Package index works on a conan-center-index checkout (its recipes/
// folder): "conid index check" evaluates the newest version of every
// recipe with a profile and sorts the outcomes.
package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/conid/conid/graph"
	"github.com/conid/conid/recipe"
	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/recipe/store"
	"github.com/conid/conid/recipe/version"
)

// Status is the outcome of one recipe.
type Status string

const (
	Resolved    Status = "resolved"
	Invalid     Status = "invalid configuration"
	Missing     Status = "missing dependency"
	Unsupported Status = "unsupported construct"
	Other       Status = "other error"
)

// Result is one recipe's outcome.
type Result struct {
	Name      string `json:"name"`
	Version   string `json:"version"`
	Status    Status `json:"status"`
	Nodes     int    `json:"nodes,omitempty"`
	Construct string `json:"construct,omitempty"`
	Message   string `json:"message,omitempty"`
}

// Params say what to check.
type Params struct {
	// Recipes is the recipes/ folder of a conan-center-index checkout.
	Recipes string
	// Names restricts the check to some recipes (all when empty).
	Names []string
	// Host (and Build, nil for one profile) are processed profiles.
	Host, Build *graph.Profile
	BuildModes  []string
	// PackageIDMode is the default package_id_mode.
	PackageIDMode string
	Jobs          int
	// Progress, when set, is called after each recipe.
	Progress func(done, total int)
}

// Newest returns the newest version of a CCI recipe by Conan's version
// ordering, from its config.yml.
func Newest(d *store.Dir, name string) (string, error) {
	var vs []string
	for v := range d.Versions(name) {
		vs = append(vs, v)
	}
	if len(vs) == 0 {
		return "", fmt.Errorf("%s: no versions in config.yml", name)
	}
	sort.Strings(vs) // deterministic input order for Conan's max()
	best, ok, err := version.Max(vs)
	if err != nil || !ok {
		return "", fmt.Errorf("%s: cannot order versions: %v", name, err)
	}
	return best, nil
}

// Check evaluates every recipe.
func Check(p Params) ([]Result, error) {
	st, err := store.Open(p.Recipes)
	if err != nil {
		return nil, err
	}
	dir := st.Dirs[0]
	names := p.Names
	if len(names) == 0 {
		entries, err := os.ReadDir(p.Recipes)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if e.IsDir() {
				if _, err := os.Stat(filepath.Join(p.Recipes, e.Name(), "config.yml")); err == nil {
					names = append(names, e.Name())
				}
			}
		}
	}
	jobs := p.Jobs
	if jobs < 1 {
		jobs = 2
	}
	results := make([]Result, len(names))
	work := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done := 0
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			loader := recipe.NewLoader()
			for i := range work {
				results[i] = checkOne(st, dir, loader, names[i], p)
				mu.Lock()
				done++
				if p.Progress != nil {
					p.Progress(done, len(names))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range names {
		work <- i
	}
	close(work)
	wg.Wait()
	return results, nil
}

func checkOne(st *store.Store, dir *store.Dir, loader *recipe.Loader, name string, p Params) (res Result) {
	res.Name = name
	defer func() {
		if r := recover(); r != nil {
			res.Status, res.Message = Other, fmt.Sprintf("internal error: %v", r)
		}
	}()
	v, err := Newest(dir, name)
	if err != nil {
		res.Status, res.Message = Other, err.Error()
		return res
	}
	res.Version = v
	rf := ref.Ref{Name: name, Version: v}
	host := *p.Host
	host.Options = p.Host.Options.Copy()
	r := &graph.Resolver{Source: st, Loader: loader, Host: &host, Build: p.Build, BuildModes: p.BuildModes, PackageIDMode: p.PackageIDMode}
	g, err := r.Resolve(graph.Target{Ref: &rf})
	if err != nil {
		res.Status, res.Construct, res.Message = classify(err)
		return res
	}
	res.Status, res.Nodes = Resolved, len(g.Nodes)-1
	return res
}

var constructRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`unsupported construct: (.*)$`) })

func classify(err error) (Status, string, string) {
	msg := err.Error()
	var u *py.Unsupported
	var ic *recipe.InvalidConfigError
	var me *graph.MissingError
	var re *graph.RangeError
	switch {
	case errors.As(err, &u):
		return Unsupported, normalizeConstruct(u.Construct), msg
	case errors.As(err, &ic):
		return Invalid, "", msg
	case errors.As(err, &me), errors.As(err, &re):
		return Missing, "", msg
	}
	if m := constructRe().FindStringSubmatch(msg); m != nil {
		return Unsupported, normalizeConstruct(m[1]), msg
	}
	return Other, "", msg
}

var quoted = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"[^"]*"|'[^']*'`) })

// normalizeConstruct drops argument values so constructs count together.
func normalizeConstruct(s string) string {
	s = quoted().ReplaceAllString(s, "…")
	if i := strings.Index(s, " ("); i > 0 && strings.HasPrefix(s, "call to") {
		s = s[:i]
	}
	return s
}

// Summary counts results by status and unsupported constructs.
type Summary struct {
	Total      int            `json:"total"`
	ByStatus   map[Status]int `json:"by_status"`
	Constructs map[string]int `json:"unsupported_constructs"`
}

// Summarize counts results.
func Summarize(rs []Result) Summary {
	s := Summary{Total: len(rs), ByStatus: map[Status]int{}, Constructs: map[string]int{}}
	for _, r := range rs {
		s.ByStatus[r.Status]++
		if r.Status == Unsupported {
			s.Constructs[r.Construct]++
		}
	}
	return s
}
