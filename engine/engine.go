// Package engine runs conid's main job for the CLI: it reads a Conan home
// (conan.conf, settings.yml, profiles), composes and processes profiles,
// opens the recipe store, and resolves the graph with package IDs.
package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/conid/conid/graph"
	"github.com/conid/conid/home"
	"github.com/conid/conid/options"
	"github.com/conid/conid/packageid"
	"github.com/conid/conid/profiles"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/recipe/store"
	"github.com/conid/conid/settings"
)

// Params are the inputs of one graph computation.
type Params struct {
	Home *home.Home
	Cwd  string
	// Target is a path to conanfile.py/conanfile.txt, or a reference when
	// IsRef.
	Target string
	IsRef  bool
	// Recipes are --recipes folders; empty means the home's cache.
	Recipes []string
	Host    profiles.Args
	Build   profiles.Args
	// BuildModes are --build values (nil: none given).
	BuildModes []string
	// PackageIDMode overrides conan.conf's default_package_id_mode.
	PackageIDMode string
	// SettingsFile overrides the home's settings.yml.
	SettingsFile string
	Output       func(string)
	// Binaries finds binaries (nil: in the local Conan cache only).
	Binaries graph.BinaryLookup
	Source   graph.Source // overrides Recipes when set
	// Remotes, when set, wraps the recipe source and the binary lookup
	// once the configuration is known: remote.Session uses it to find
	// recipes, versions and binaries on remotes too.
	Remotes func(local graph.Source, cfg *home.Config) (graph.Source, graph.BinaryLookup, error)
	// Timings, when set, receive per-phase times.
	Timings *graph.Timings
	// Progress, when set, is called with the count of recipes evaluated.
	Progress func(recipes int)
	// NoOptionLog leaves out the record of where option values came
	// from, for a caller that explains none (explain.Build reads it).
	NoOptionLog bool
}

// Result is a resolved graph and the profiles it used.
type Result struct {
	Graph       *graph.Graph
	ProfileHost *profiles.Profile
	// ProfileBuild is nil in single-profile mode.
	ProfileBuild *profiles.Profile
	Config       *home.Config
	Definition   *settings.Definition
	// Partial is set when Resolve also returns an error: Graph holds
	// what was built up to it.
	Partial bool
}

// Resolve computes the graph. On an error while expanding the graph it
// returns a Partial result along with the error.
func Resolve(p Params) (*Result, error) {
	cfg, err := p.Home.Config()
	if err != nil {
		return nil, err
	}
	def, err := loadDefinition(p)
	if err != nil {
		return nil, err
	}
	ctx := profiles.Context{Cwd: p.Cwd, ProfilesDir: p.Home.ProfilesDir(), DefaultProfile: cfg.DefaultProfile}
	hostProf, err := profiles.FromArgs(ctx, p.Host, false)
	if err != nil {
		return nil, locate(err)
	}
	buildProf, err := profiles.FromArgs(ctx, p.Build, true)
	if err != nil {
		return nil, locate(err)
	}
	gHost, err := Process(hostProf, def)
	if err != nil {
		return nil, locate(err, hostProf)
	}
	var gBuild *graph.Profile
	if buildProf != nil {
		if gBuild, err = Process(buildProf, def); err != nil {
			return nil, locate(err, buildProf)
		}
	}
	src := p.Source
	if src == nil {
		dirs := p.Recipes
		if len(dirs) == 0 {
			dirs = []string{cfg.StoragePath}
			if p.Remotes != nil {
				// Recipes downloaded from remotes go there, as in Conan.
				if err := os.MkdirAll(cfg.StoragePath, 0o755); err != nil {
					return nil, err
				}
			}
		}
		st, err := store.Open(dirs...)
		if err != nil {
			return nil, err
		}
		src = st
	}
	// One index of the Conan cache for the store, the binary lookups
	// and a remote session: each metadata.json is read once.
	index := store.NewNameIndex(cfg.StoragePath)
	if st, ok := src.(*store.Store); ok {
		st.ShareIndex(index)
	}
	binaries := p.Binaries
	if binaries == nil {
		binaries = localBinaries{store.LocalBinaries{Storage: cfg.StoragePath, Revisions: cfg.RevisionsEnabled, Index: index}}
	}
	if p.Remotes != nil {
		if src, binaries, err = p.Remotes(src, cfg); err != nil {
			return nil, err
		}
	}
	mode := cfg.DefaultPackageIDMode
	from := cfg.PackageIDModeFrom
	if p.PackageIDMode != "" {
		mode, from = p.PackageIDMode, "--package-id-mode"
	}
	loader := recipe.NewLoader()
	loader.Output = p.Output
	loader.NoOptionLog = p.NoOptionLog
	r := &graph.Resolver{
		Source:                  src,
		Loader:                  loader,
		Host:                    gHost,
		Build:                   gBuild,
		BuildModes:              p.BuildModes,
		PackageIDMode:           mode,
		PackageIDModeFrom:       from,
		PythonRequiresMode:      cfg.DefaultPythonRequiresIDMode,
		FullTransitivePackageID: cfg.FullTransitivePackageID,
		Binaries:                binaries,
		Output:                  p.Output,
		Timings:                 p.Timings,
		Progress:                p.Progress,
		ReadAhead:               true,
	}
	var t graph.Target
	if p.IsRef {
		rf, err := ref.Parse(p.Target)
		if err != nil {
			return nil, err
		}
		if rf.Revision != "" && !cfg.RevisionsEnabled {
			return nil, fmt.Errorf("Revisions not enabled in the client, specify a reference without revision")
		}
		t.Ref = &rf
	} else {
		path := p.Target
		if !filepath.IsAbs(path) {
			path = filepath.Join(p.Cwd, path)
		}
		t.Path = path
	}
	g, err := r.Resolve(t)
	if err != nil {
		if g != nil {
			// The partial graph, for explain.
			return &Result{Graph: g, ProfileHost: hostProf, ProfileBuild: buildProf, Config: cfg, Definition: def, Partial: true}, locate(err, hostProf, buildProf)
		}
		return nil, locate(err, hostProf, buildProf)
	}
	return &Result{Graph: g, ProfileHost: hostProf, ProfileBuild: buildProf, Config: cfg, Definition: def}, nil
}

// localBinaries finds binaries in the Conan cache, as Conan 1 does before
// asking any remote.
type localBinaries struct{ store.LocalBinaries }

func (l localBinaries) Lookup(p ref.PackageRef) (graph.BinaryFound, error) {
	bin, prev, err := l.LocalBinaries.Lookup(p)
	return graph.BinaryFound{Binary: bin, Prev: prev}, err
}

func loadDefinition(p Params) (*settings.Definition, error) {
	if p.SettingsFile != "" {
		h := &home.Home{Dir: filepath.Dir(p.SettingsFile)}
		if filepath.Base(p.SettingsFile) != "settings.yml" {
			return readSettingsFile(p.SettingsFile)
		}
		return h.Settings()
	}
	return p.Home.Settings()
}

// pyValue gives a profile's evaluated [conf] value to the recipe
// interpreter (nil stays nil: unset).
func pyValue(v profiles.PyValue) python.Value {
	switch x := v.(type) {
	case nil, profiles.PyNone:
		return nil
	case profiles.PyStr:
		return string(x)
	case profiles.PyBool:
		return bool(x)
	case profiles.PyInt:
		if x.V.IsInt64() {
			return x.V.Int64()
		}
		return x.V.String()
	case profiles.PyFloat:
		return float64(x)
	case profiles.PyList:
		items := make([]python.Value, len(x))
		for i, e := range x {
			items[i] = pyValueOrNone(e)
		}
		return python.NewList(items...)
	case profiles.PyTuple:
		items := make(python.Tuple, len(x))
		for i, e := range x {
			items[i] = pyValueOrNone(e)
		}
		return items
	case profiles.PyDict:
		d := python.NewDict()
		for _, it := range x {
			d.Set(pyValueOrNone(it.Key), pyValueOrNone(it.Value))
		}
		return d
	}
	return v.String() // bytes, Ellipsis: their text
}

func pyValueOrNone(v profiles.PyValue) python.Value {
	if p := pyValue(v); p != nil {
		return p
	}
	return python.None
}

// Process turns a composed profile into what the resolver needs, as
// Conan's process_settings: the settings are assigned in Conan's order to
// a fresh tree of the settings.yml definition, preprocessed, and written
// back to the profile (sorted, as Conan writes them in lockfiles).
func Process(prof *profiles.Profile, def *settings.Definition) (*graph.Profile, error) {
	s, err := processSettings(def, prof.Settings)
	if err != nil {
		return nil, err
	}
	var back []profiles.NameValue
	for _, nv := range s.ValuesList() {
		back = append(back, profiles.NameValue{Name: nv.Name, Value: nv.Value})
	}
	prof.ReplaceSettings(back)
	gp := &graph.Profile{Settings: s}
	if !prof.Conf.IsEmpty() {
		conf := prof.Conf
		gp.Conf = func(refStr string) (recipe.Conf, error) {
			entries, err := conf.Package(func(pattern string) bool { return python.Fnmatch(refStr, pattern) })
			if err != nil {
				return nil, err
			}
			out := make(recipe.Conf, len(entries))
			for i, e := range entries {
				out[i] = recipe.ConfItem{Name: e.Name, Value: pyValue(e.Value)}
			}
			return out, nil
		}
	}
	for _, ps := range prof.PackageSettings {
		var vals []settings.NameValue
		for _, st := range ps.Settings {
			vals = append(vals, settings.NameValue{Name: st.Name, Value: st.Value})
		}
		// Conan checks that the package's settings are valid on top of
		// the processed ones.
		merged := mergeSettings(prof.Settings, ps.Settings)
		if _, err := processSettings(def, merged); err != nil {
			var lines []string
			for _, st := range merged {
				lines = append(lines, st.Name+"="+st.Value)
			}
			return nil, fmt.Errorf("Error in resulting settings for package '%s': %v\n%s", ps.Pattern, err, strings.Join(lines, "\n"))
		}
		gp.PackageSettings = append(gp.PackageSettings, graph.PackageSettings{Pattern: ps.Pattern, Values: vals})
	}
	var entries []options.Entry
	for _, o := range prof.Options {
		key := o.Name
		if o.Scoped {
			key = o.Package + ":" + o.Name
		}
		origin := &options.Origin{Layer: options.LayerProfile, File: o.Origin.File, Line: o.Origin.Line, Key: key}
		if o.Origin.Flag != "" {
			origin.Layer = options.LayerCommandLine
			origin.Arg = o.Origin.Arg
		}
		entries = append(entries, options.Entry{Key: key, Value: o.Value, Origin: origin})
	}
	gp.Options = options.ParseValues(entries)
	for _, br := range prof.BuildRequires {
		pr := graph.PatternRefs{Pattern: br.Pattern}
		for _, r := range br.Refs {
			pr.Refs = append(pr.Refs, ref.Ref{Name: r.Name, Version: r.Version, User: r.User, Channel: r.Channel})
		}
		gp.BuildRequires = append(gp.BuildRequires, pr)
	}
	return gp, nil
}

// mergeSettings is Profile.update_settings for per-package settings.
func mergeSettings(base, news profiles.Settings) profiles.Settings {
	res := append(profiles.Settings(nil), base...)
	for _, n := range news {
		if strings.Contains(n.Name, ".") {
			continue
		}
		cur, ok := base.Get(n.Name)
		if !ok || cur.Value == n.Value {
			continue
		}
		var keep profiles.Settings
		for _, s := range res {
			if !strings.HasPrefix(s.Name, n.Name+".") {
				keep = append(keep, s)
			}
		}
		res = keep
	}
	for _, n := range news {
		if i := res.Index(n.Name); i >= 0 {
			res[i].Value = n.Value
		} else {
			res = append(res, n)
		}
	}
	return res
}

func processSettings(def *settings.Definition, list profiles.Settings) (*settings.Settings, error) {
	var nv []packageid.NameValue
	for _, st := range list {
		nv = append(nv, packageid.NameValue{Name: st.Name, Value: st.Value})
	}
	tree, err := packageid.ValuesFromList(nv)
	if err != nil {
		return nil, err
	}
	s := def.New()
	var ordered []settings.NameValue
	for _, x := range tree.AsList(true) {
		ordered = append(ordered, settings.NameValue{Name: x.Name, Value: x.Value})
	}
	if err := s.UpdateValues(ordered); err != nil {
		return nil, err
	}
	if err := settings.Preprocess(s); err != nil {
		return nil, err
	}
	return s, nil
}

func readSettingsFile(path string) (*settings.Definition, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return settings.ParseYAML(path, b)
}
