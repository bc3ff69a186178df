package profiles

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/conid/conid/internal/fsread"
)

// Context is what Conan looks at, besides the arguments, when it builds a
// profile. conid reads no environment variable and no global state: every
// input is here.
type Context struct {
	// Cwd is the current working directory (absolute): "./x" and "../x"
	// profile names, and names not found in ProfilesDir, are relative to
	// it.
	Cwd string
	// ProfilesDir is the Conan home's profiles folder.
	ProfilesDir string
	// DefaultProfile is conan.conf's general.default_profile: a path
	// absolute or relative to ProfilesDir; "" means "default".
	DefaultProfile string
	// CoreDefaultProfile and CoreDefaultBuildProfile are global.conf's
	// core:default_profile and core:default_build_profile ("" when unset):
	// paths absolute or relative to ProfilesDir.
	CoreDefaultProfile      string
	CoreDefaultBuildProfile string
	// SettingsEnv holds the CONAN_ENV_* environment variables (name ->
	// value) that Conan mixes into the settings of the default profile
	// (CONAN_ENV_COMPILER_VERSION=12 sets compiler.version). nil or empty:
	// none.
	SettingsEnv map[string]string
}

// Args are the profile arguments of one context (host or build), each
// list in command-line order.
type Args struct {
	// Profiles are the -pr (or -pr:h / -pr:b) values. Empty means none
	// was given (Conan's None).
	Profiles []string
	// Settings ("-s name=value", "-s pkg:name=value"), Options
	// ("-o [pkg:]name=value"), Env ("-e [pkg:]NAME=value") and Conf
	// ("-c name=value") values.
	Settings []string
	Options  []string
	Env      []string
	Conf     []string
}

// IsEmpty reports whether no argument at all was given.
func (a Args) IsEmpty() bool {
	return len(a.Profiles) == 0 && len(a.Settings) == 0 && len(a.Options) == 0 && len(a.Env) == 0 && len(a.Conf) == 0
}

// MissingDefaultProfileError is returned when the default profile is
// needed but its file does not exist. Conan 1.65 then auto-detects the
// machine's settings and writes a new default profile; conid, a pure
// library, leaves that to the caller (who may create the file and retry).
type MissingDefaultProfileError struct {
	Path string
}

func (e *MissingDefaultProfileError) Error() string {
	return fmt.Sprintf("the default profile %s does not exist (Conan 1.65 would auto-detect one and create it; conid does not)", e.Path)
}

// ReadProfile reads one profile file as Conan's read_profile does (name
// resolved by ProfilePath; includes and variables applied). The result is
// not yet composed into an empty profile: duplicated build requirements of
// a single file are kept, as in Conan.
func ReadProfile(name, cwd, profilesDir string) (*Profile, error) {
	st := &loadState{profilesDir: profilesDir}
	p, _, err := st.readProfile(name, cwd)
	return p, err
}

// ParseProfile parses profile text as if it were the content of the file
// at path (used for origins, $PROFILE_DIR and relative includes; path may
// be "", then includes resolve against profilesDir only and there is no
// PROFILE_DIR). Errors are not prefixed with "Error reading '...' profile:"
// (that prefix names the profile as the user wrote it).
func ParseProfile(text, path, profilesDir string) (*Profile, error) {
	st := &loadState{profilesDir: profilesDir}
	p, _, err := st.loadProfile(text, path)
	return p, err
}

// FromArgs builds the profile of one context from the command line, as
// Conan 1.65's profile_from_args does: the given profiles (or the default
// one) composed in order, then the -s/-o/-e/-c values composed on top.
//
// For the build context (build true) the result is nil when args is
// empty and ctx.CoreDefaultBuildProfile is unset: Conan then works with a
// single profile. Otherwise, when no profile is named, the base is the
// default profile (for the build context too) or the core:default_*
// profile.
//
// As in Conan, the default profile is read on every call, even when it is
// not used, so an error in it is always reported; if it is missing and
// needed, the error is a *MissingDefaultProfileError.
func FromArgs(ctx Context, args Args, build bool) (*Profile, error) {
	if ctx.ProfilesDir != "" && !filepath.IsAbs(ctx.ProfilesDir) && ctx.Cwd != "" {
		ctx.ProfilesDir = pyJoin(ctx.Cwd, ctx.ProfilesDir)
	}
	st := &loadState{profilesDir: ctx.ProfilesDir}
	createProfile := !args.IsEmpty() || !build

	defaultProfile, missing, err := readDefaultProfile(ctx, st)
	if err != nil {
		return nil, err
	}

	var result *Profile
	if len(args.Profiles) == 0 {
		core := ctx.CoreDefaultProfile
		if build {
			core = ctx.CoreDefaultBuildProfile
		}
		switch {
		case core != "":
			path := core
			if !filepath.IsAbs(path) {
				path = pyJoin(ctx.ProfilesDir, core)
			}
			result, _, err = st.readProfile(path, ctx.Cwd)
			if err != nil {
				return nil, err
			}
		case createProfile:
			if missing != "" {
				return nil, &MissingDefaultProfileError{Path: missing}
			}
			result = defaultProfile
		}
	} else {
		result = &Profile{}
		for _, name := range args.Profiles {
			if name == "" {
				return nil, &Error{Msg: noneProfileError}
			}
			tmp, _, err := st.readProfile(name, ctx.Cwd)
			if err != nil {
				return nil, err
			}
			if err := result.compose(tmp); err != nil {
				return nil, err
			}
		}
	}

	argsProfile, err := profileFromArgValues(args, build)
	if err != nil {
		return nil, err
	}
	if result != nil {
		if err := result.compose(argsProfile); err != nil {
			return nil, err
		}
		return result, nil
	}
	if createProfile {
		return argsProfile, nil
	}
	return nil, nil
}

// readDefaultProfile is ClientCache.default_profile. missing is the path
// of the default profile when it does not exist.
func readDefaultProfile(ctx Context, st *loadState) (p *Profile, missing string, err error) {
	name := ctx.DefaultProfile
	if name == "" {
		name = "default"
	}
	path := name
	if !filepath.IsAbs(path) {
		path = pyJoin(ctx.ProfilesDir, name)
	}
	if _, statErr := fsread.Stat(path); statErr != nil {
		return nil, path, nil
	}
	p, _, err = st.readProfile(path, ctx.Cwd)
	if err != nil {
		return nil, "", err
	}
	mixSettingsWithEnv(p, ctx.SettingsEnv)
	return p, "", nil
}

// mixSettingsWithEnv is Conan's _mix_settings_with_env: CONAN_ENV_*
// variables override (and drop the sub-settings of) the default profile's
// settings, and add the settings they name.
func mixSettingsWithEnv(p *Profile, env map[string]string) {
	if len(env) == 0 {
		return
	}
	envName := func(setting string) string {
		return "CONAN_ENV_" + strings.ReplaceAll(strings.ToUpper(setting), ".", "_")
	}
	var res Settings
	for _, s := range p.Settings {
		if v := env[envName(s.Name)]; v != "" {
			o := Origin{EnvVar: envName(s.Name)}
			res.set(Setting{Name: s.Name, Value: v, Origin: o})
			p.History = append(p.History, Event{Kind: SettingSet, Name: s.Name, Value: v, Origin: o})
			continue
		}
		parent, _, isSub := strings.Cut(s.Name, ".")
		if !isSub || env[envName(parent)] == "" {
			res.set(s)
		} else {
			p.History = append(p.History, Event{Kind: SettingDropped, Name: s.Name, Value: s.Value, Origin: Origin{EnvVar: envName(parent)}})
		}
	}
	var names []string
	for k := range env {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if !strings.HasPrefix(k, "CONAN_ENV_") {
			continue
		}
		setting := strings.ReplaceAll(strings.ToLower(k[len("CONAN_ENV_"):]), "_", ".")
		if res.Index(setting) >= 0 {
			continue
		}
		o := Origin{EnvVar: k}
		res.set(Setting{Name: setting, Value: env[k], Origin: o})
		p.History = append(p.History, Event{Kind: SettingSet, Name: setting, Value: env[k], Origin: o})
	}
	p.Settings = res
}

// flagNames returns the provenance flags of a context.
func flagNames(build bool) (s, o, e, c string) {
	if build {
		return "-s:b", "-o:b", "-e:b", "-c:b"
	}
	return "-s", "-o", "-e", "-c"
}

// profileFromArgValues is Conan's _profile_parse_args.
func profileFromArgValues(args Args, build bool) (*Profile, error) {
	sFlag, oFlag, eFlag, cFlag := flagNames(build)
	split := func(items []string, flag string) ([][2]string, error) {
		var out [][2]string
		for i, item := range items {
			name, value, found := strings.Cut(item, "=")
			if !found {
				return nil, errAt(Origin{Flag: flag, Arg: i + 1}, "Invalid input '%s', use 'name=value'", item)
			}
			out = append(out, [2]string{name, value})
		}
		return out, nil
	}
	options, err := split(args.Options, oFlag)
	if err != nil {
		return nil, err
	}
	envs, err := split(args.Env, eFlag)
	if err != nil {
		return nil, err
	}
	settings, err := split(args.Settings, sFlag)
	if err != nil {
		return nil, err
	}

	p := &Profile{}
	for i, kv := range options {
		pkg, scoped, name := parseOptionKey(pyStrip(kv[0]))
		p.setOption(Option{Package: pkg, Scoped: scoped, Name: name, Value: pyStrip(kv[1]), Origin: Origin{Flag: oFlag, Arg: i + 1}})
	}

	// -e: the global variables first, then the scoped ones grouped by
	// package in order of first appearance.
	type scopedEnv struct {
		pkg   string
		items []EnvVar
	}
	var globals []EnvVar
	var scoped []*scopedEnv
	for i, kv := range envs {
		o := Origin{Flag: eFlag, Arg: i + 1}
		if pkg, name, found := strings.Cut(kv[0], ":"); found {
			var g *scopedEnv
			for _, h := range scoped {
				if h.pkg == pkg {
					g = h
				}
			}
			if g == nil {
				g = &scopedEnv{pkg: pkg}
				scoped = append(scoped, g)
			}
			g.items = append(g.items, envLoadValue(EnvVar{Package: pkg, Scoped: true, Name: name, Origin: o}, kv[1], o))
			continue
		}
		globals = append(globals, envLoadValue(EnvVar{Name: kv[0], Origin: o}, kv[1], o))
	}
	for _, v := range globals {
		p.Env = envAdd(p.Env, v)
	}
	for _, g := range scoped {
		for _, v := range g.items {
			p.Env = envAdd(p.Env, v)
		}
	}

	// -s: OrderedDict(simple) and one OrderedDict per package.
	for i, kv := range settings {
		o := Origin{Flag: sFlag, Arg: i + 1}
		if pkg, name, found := strings.Cut(kv[0], ":"); found {
			p.setPackageSetting(pkg, name, kv[1], o)
			continue
		}
		p.setSetting(kv[0], kv[1], o)
	}

	for i, line := range args.Conf {
		o := Origin{Flag: cFlag, Arg: i + 1}
		// Conan joins the -c values with "\n" and parses the lines.
		for _, l := range pySplitlines(line) {
			if err := p.Conf.loadLine(l, false, o); err != nil {
				return nil, err
			}
		}
	}
	return p, nil
}
