package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/graph"
	"github.com/conid/conid/home"
	"github.com/conid/conid/recipe/ref"
	"github.com/spf13/pflag"
)

// conanAliases maps Conan's multi-letter single-dash flags to long flags,
// which pflag can parse.
var conanAliases = map[string]string{
	"-pr": "--profile", "-pr:h": "--profile:host", "-pr:b": "--profile:build",
	"-pr:host": "--profile:host", "-pr:build": "--profile:build",
	"-s:h": "--settings:host", "-s:b": "--settings:build", "-s:host": "--settings:host", "-s:build": "--settings:build",
	"-o:h": "--options:host", "-o:b": "--options:build", "-o:host": "--options:host", "-o:build": "--options:build",
	"-e:h": "--env:host", "-e:b": "--env:build", "-e:host": "--env:host", "-e:build": "--env:build",
	"-c:h": "--conf:host", "-c:b": "--conf:build", "-c:host": "--conf:host", "-c:build": "--conf:build",
	"-b": "--build",
}

// normalizeArgs rewrites Conan-style arguments for pflag: "-pr x" becomes
// "--profile x", and "--build" without a value becomes "--build=" (an
// optional-value flag, as Conan's nargs="?").
func normalizeArgs(args []string, optional ...string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(a, "=")
		if long, ok := conanAliases[name]; ok {
			name = long
			if hasVal {
				a = name + "=" + val
			} else {
				a = name
			}
		}
		for _, opt := range optional {
			if name == "--"+opt && !hasVal {
				if i+1 < len(args) && !strings.HasPrefix(args[i+1], "-") && !looksLikeTarget(args[i+1]) {
					a = name + "=" + args[i+1]
					i++
				} else {
					a = name + "=" + bareValue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// looksLikeTarget keeps "--build conanfile.py" from eating the target.
func looksLikeTarget(s string) bool {
	return strings.HasSuffix(s, ".py") || strings.HasSuffix(s, ".txt") || strings.Contains(s, "@")
}

// graphFlags are the flags shared by graph commands.
type graphFlags struct {
	fs            *pflag.FlagSet
	profiles      []string
	profilesBuild []string
	settings      []string
	settingsBuild []string
	options       []string
	optionsBuild  []string
	env           []string
	envBuild      []string
	conf          []string
	confBuild     []string
	recipes       []string
	check         bool
	packageIDMode string
	settingsFile  string
	remotes       remoteFlags
}

func newGraphFlags(name string, e *env) *graphFlags {
	g := &graphFlags{fs: e.flagSet(name)}
	fs := g.fs
	fs.SortFlags = false
	// Each host flag and its ":host" spelling append to one list in
	// command-line order, as Conan's argparse destinations do.
	fs.Var(appendTo(&g.profiles), "profile", "apply a profile to the host context (-pr)")
	fs.Var(appendTo(&g.profiles), "profile:host", "profile for the host context (-pr:h)")
	fs.StringArrayVar(&g.profilesBuild, "profile:build", nil, "profile for the build context (-pr:b)")
	fs.VarP(appendTo(&g.settings), "settings", "s", "setting for the host context, [pkg:]name=value")
	fs.Var(appendTo(&g.settings), "settings:host", "setting for the host context (-s:h)")
	fs.StringArrayVar(&g.settingsBuild, "settings:build", nil, "setting for the build context (-s:b)")
	fs.VarP(appendTo(&g.options), "options", "o", "option for the host context, [pkg:]name=value")
	fs.Var(appendTo(&g.options), "options:host", "option for the host context (-o:h)")
	fs.StringArrayVar(&g.optionsBuild, "options:build", nil, "option for the build context (-o:b)")
	fs.VarP(appendTo(&g.env), "env", "e", "environment variable for the host context")
	fs.Var(appendTo(&g.env), "env:host", "environment variable for the host context (-e:h)")
	fs.StringArrayVar(&g.envBuild, "env:build", nil, "environment variable for the build context (-e:b)")
	fs.VarP(appendTo(&g.conf), "conf", "c", "configuration for the host context")
	fs.Var(appendTo(&g.conf), "conf:host", "configuration for the host context (-c:h)")
	fs.StringArrayVar(&g.confBuild, "conf:build", nil, "configuration for the build context (-c:b)")
	fs.StringArrayVar(&g.recipes, "recipes", nil, "folder of recipes (repeatable); default: the Conan cache")
	fs.StringVar(&g.packageIDMode, "package-id-mode", "", "default package_id_mode (overrides conan.conf)")
	fs.BoolVar(&g.check, "check", false, "verify the graph's invariants after resolving it")
	fs.StringVar(&g.settingsFile, "settings-file", "", "settings.yml to use instead of the Conan home's")
	g.remotes.add(fs)
	return g
}

// params builds the engine parameters.
func (g *graphFlags) params(e *env) (engine.Params, error) {
	h, err := home.FromEnv(e.getenv)
	if err != nil {
		return engine.Params{}, err
	}
	cwd := e.cwd
	var recipes []string
	for _, r := range g.recipes {
		if !filepath.IsAbs(r) {
			r = filepath.Join(cwd, r)
		}
		recipes = append(recipes, r)
	}
	settingsFile := g.settingsFile
	if settingsFile != "" && !filepath.IsAbs(settingsFile) {
		settingsFile = filepath.Join(cwd, settingsFile)
	}
	p := engine.Params{Home: h, Cwd: cwd, Recipes: recipes, PackageIDMode: g.packageIDMode, SettingsFile: settingsFile}
	p.Host.Profiles = g.profiles
	p.Host.Settings = g.settings
	p.Host.Options = g.options
	p.Host.Env = g.env
	p.Host.Conf = g.conf
	p.Build.Profiles = g.profilesBuild
	p.Build.Settings = g.settingsBuild
	p.Build.Options = g.optionsBuild
	p.Build.Env = g.envBuild
	p.Build.Conf = g.confBuild
	g.remotes.install(e, &p)
	return p, nil
}

// appendTo is a repeatable string flag appending to *dst; two flags may
// share one list.
func appendTo(dst *[]string) pflag.Value { return (*appendValue)(dst) }

type appendValue []string

func (v *appendValue) Set(s string) error { *v = append(*v, s); return nil }
func (v *appendValue) Type() string       { return "stringArray" }
func (v *appendValue) String() string {
	if len(*v) == 0 {
		return "[]"
	}
	return "[" + strings.Join(*v, ",") + "]"
}

// bareValue stands for an optional-value flag given bare ("--build"),
// which is not "--build=" (an empty pattern).
const bareValue = "\x00bare"

// buildModes turns --build values into Conan's list as its argparse
// Extender builds it: nil when absent; a bare --build adds nothing (so
// alone it leaves the list empty: build everything), "--build=" adds
// the pattern "", which matches nothing.
func buildModes(fs *pflag.FlagSet, name string, values []string) []string {
	if !fs.Changed(name) {
		return nil
	}
	out := []string{}
	for _, v := range values {
		if v != bareValue {
			out = append(out, v)
		}
	}
	return out
}

func usageError(format string, args ...any) error { return fmt.Errorf(format, args...) }

// debugHash prints every line hashed into each package ID when
// CONID_DEBUG_HASH=1, as cmd/go's GODEBUG=gocachehash=1 does.
func debugHash(e *env, g *graph.Graph) {
	if e.getenv("CONID_DEBUG_HASH") != "1" {
		return
	}
	for _, n := range g.Nodes {
		c := n.Computation
		w := e.stderr
		fmt.Fprintf(w, "HASH %s (%s) = %s\n", n.Conanfile.DisplayName, n.Context, n.PackageID)
		for _, l := range c.SettingsLines {
			fmt.Fprintf(w, "HASH   settings: %s\n", l)
		}
		for _, l := range c.OptionsOwn {
			fmt.Fprintf(w, "HASH   options: %s\n", l)
		}
		for _, d := range c.OptionsDeps() {
			fmt.Fprintf(w, "HASH   options of %s: %q\n", d.Name, d.Lines)
		}
		for _, l := range c.RequireLines {
			fmt.Fprintf(w, "HASH   requires: %s\n", l)
		}
		for _, l := range c.PythonLines {
			fmt.Fprintf(w, "HASH   python_requires: %s\n", l)
		}
		if c.HasConf {
			fmt.Fprintf(w, "HASH   conf: %q\n", c.Conf)
		}
		for i, l := range c.Lines {
			fmt.Fprintf(w, "HASH   line %d: %s\n", i+1, l)
		}
	}
}

// after runs what every graph command does once the graph is resolved.
func (g *graphFlags) after(e *env, gr *graph.Graph) error {
	g.remotes.finish()
	debugHash(e, gr)
	if g.check {
		if err := gr.Validate(); err != nil {
			return fmt.Errorf("graph check failed: %w", err)
		}
	}
	return nil
}

// setTarget points p at a reference or a conanfile (a folder means its
// conanfile.py, else its conanfile.txt), as "conan info" reads its
// argument.
func setTarget(p *engine.Params, target string) error {
	if ref.LooksLikeRef(target) {
		p.Target, p.IsRef = target, true
		return nil
	}
	path := target
	if !filepath.IsAbs(path) {
		path = filepath.Join(p.Cwd, path)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		for _, name := range []string{"conanfile.py", "conanfile.txt"} {
			if _, err := os.Stat(filepath.Join(path, name)); err == nil {
				path = filepath.Join(path, name)
				break
			}
		}
	}
	if _, err := os.Stat(path); err != nil {
		return usageError("Conanfile not found at %s", path)
	}
	p.Target = path
	return nil
}

// flagSet is a Conan-style flag set whose usage and errors go to the
// command's standard error.
func (e *env) flagSet(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	return fs
}
