package profiles

import (
	"strings"
)

// Profile is a Conan 1 profile: the result of reading one profile file,
// or of composing several profiles and the command-line values.
//
// The fields hold the effective values, in the order Conan keeps them.
// History keeps every assignment of settings and options, overridden ones
// included. Profiles are plain values: callers may read every field, and
// should change them only through the methods, which keep the history.
type Profile struct {
	// Settings are the top-level settings ("os", "compiler.version"), in
	// OrderedDict order.
	Settings Settings
	// PackageSettings are the per-package settings in pattern insertion
	// order.
	PackageSettings []PackageSettings
	// Options are the effective option values: unscoped options first,
	// then the scoped ones grouped by package, each group in insertion
	// order (the iteration order of Conan's dicts).
	Options []Option
	// BuildRequires are [build_requires] and [tool_requires], by pattern
	// in insertion order.
	BuildRequires []BuildRequires
	// Env is the legacy [env] section, in the iteration order of Conan's
	// nested dicts (grouped by package).
	Env []EnvVar
	// Conf is the [conf] section.
	Conf Conf
	// BuildEnv and RunEnv are the [buildenv] and [runenv] sections.
	BuildEnv ProfileEnv
	RunEnv   ProfileEnv
	// History is the ordered record of every settings and options
	// assignment (see Event).
	History []Event
}

// Clone returns a deep copy of p.
func (p *Profile) Clone() *Profile {
	q := &Profile{
		Settings: append(Settings(nil), p.Settings...),
		Options:  append([]Option(nil), p.Options...),
		Conf:     p.Conf.clone(),
		BuildEnv: p.BuildEnv.clone(),
		RunEnv:   p.RunEnv.clone(),
		History:  append([]Event(nil), p.History...),
	}
	for _, ps := range p.PackageSettings {
		q.PackageSettings = append(q.PackageSettings, PackageSettings{Pattern: ps.Pattern, Settings: append(Settings(nil), ps.Settings...)})
	}
	for _, br := range p.BuildRequires {
		q.BuildRequires = append(q.BuildRequires, BuildRequires{Pattern: br.Pattern, Refs: append([]BuildRequire(nil), br.Refs...)})
	}
	for _, v := range p.Env {
		q.Env = append(q.Env, copyEnvVar(v))
	}
	return q
}

// packageSettings returns the settings of pattern, creating them.
func (p *Profile) packageSettings(pattern string) *Settings {
	for i := range p.PackageSettings {
		if p.PackageSettings[i].Pattern == pattern {
			return &p.PackageSettings[i].Settings
		}
	}
	p.PackageSettings = append(p.PackageSettings, PackageSettings{Pattern: pattern})
	return &p.PackageSettings[len(p.PackageSettings)-1].Settings
}

// setSetting assigns a top-level setting directly (no sub-setting
// invalidation), recording it.
func (p *Profile) setSetting(name, value string, o Origin) {
	p.Settings.set(Setting{Name: name, Value: value, Origin: o})
	p.History = append(p.History, Event{Kind: SettingSet, Name: name, Value: value, Origin: o})
}

func (p *Profile) setPackageSetting(pattern, name, value string, o Origin) {
	p.packageSettings(pattern).set(Setting{Name: name, Value: value, Origin: o})
	p.History = append(p.History, Event{Kind: PackageSettingSet, Package: pattern, Scoped: true, Name: name, Value: value, Origin: o})
}

func (p *Profile) setOption(o Option) {
	p.Options = setOption(p.Options, o)
	p.History = append(p.History, Event{Kind: OptionSet, Package: o.Package, Scoped: o.Scoped, Name: o.Name, Value: o.Value, Origin: o.Origin})
}

// updateSettings is Profile.update_settings: new settings override, and a
// top-level setting that changes value drops the sub-settings of its old
// value ("compiler=clang" drops "compiler.version=11"). It returns the
// SettingDropped events.
func (p *Profile) updateSettings(news Settings) []Event {
	if len(news) == 0 {
		return nil
	}
	res := append(Settings(nil), p.Settings...)
	var dropped []Event
	for _, n := range news {
		if strings.Contains(n.Name, ".") {
			continue
		}
		cur, ok := p.Settings.Get(n.Name)
		if !ok || cur.Value == n.Value {
			continue
		}
		for _, s := range p.Settings {
			if strings.HasPrefix(s.Name, n.Name+".") {
				if i := res.Index(s.Name); i >= 0 {
					res = append(res[:i], res[i+1:]...)
					dropped = append(dropped, Event{Kind: SettingDropped, Name: s.Name, Value: s.Value, Origin: n.Origin})
				}
			}
		}
	}
	for _, n := range news {
		res.set(n)
	}
	p.Settings = res
	return dropped
}

// Compose applies other on top of p, as Conan's Profile.compose_profile
// does when it composes the -pr profiles and the command-line values (see
// FromArgs). other is not modified. The error is Conan's, when two [conf]
// values cannot be composed.
func (p *Profile) Compose(other *Profile) error { return p.compose(other) }

// compose is Profile.compose_profile.
func (p *Profile) compose(other *Profile) error {
	// In the history, the sub-settings dropped by the composition come
	// before the assignments of other.
	dropped := p.updateSettings(other.Settings)
	p.History = append(append(p.History, dropped...), other.History...)
	for _, ps := range other.PackageSettings {
		dst := p.packageSettings(ps.Pattern)
		for _, s := range ps.Settings {
			dst.set(s)
		}
	}
	// [env]: the values of the profile composed last have priority.
	p.Env = envUpdate(cloneEnv(other.Env), p.Env)
	for _, o := range other.Options {
		p.Options = setOption(p.Options, o)
	}
	// Build requirements are merged by package name within each pattern.
	for _, br := range other.BuildRequires {
		i := findBuildRequires(p.BuildRequires, br.Pattern)
		var merged []BuildRequire
		if i >= 0 {
			merged = append(merged, p.BuildRequires[i].Refs...)
		}
		merged = dedupByName(merged)
		for _, r := range br.Refs {
			merged = setByName(merged, r)
		}
		if i >= 0 {
			p.BuildRequires[i].Refs = merged
		} else {
			p.BuildRequires = append(p.BuildRequires, BuildRequires{Pattern: br.Pattern, Refs: merged})
		}
	}
	if err := p.Conf.update(&other.Conf); err != nil {
		return err
	}
	p.BuildEnv.update(&other.BuildEnv)
	p.RunEnv.update(&other.RunEnv)
	return nil
}

func cloneEnv(list []EnvVar) []EnvVar {
	out := make([]EnvVar, len(list))
	for i, v := range list {
		out[i] = copyEnvVar(v)
	}
	return out
}

// setByName is `existing[r.name] = r` on an OrderedDict.
func setByName(list []BuildRequire, r BuildRequire) []BuildRequire {
	for i := range list {
		if list[i].Name == r.Name {
			list[i] = r
			return list
		}
	}
	return append(list, r)
}

func dedupByName(list []BuildRequire) []BuildRequire {
	var out []BuildRequire
	for _, r := range list {
		out = setByName(out, r)
	}
	return out
}

// Dumps returns the profile text exactly as Conan 1.65's Profile.dumps()
// writes it (the profile_host / profile_build text of a lockfile): the
// [settings], [options], [build_requires] and [env] sections always, the
// [conf], [buildenv] and [runenv] sections when not empty, with every
// "\n\n" replaced by "\n".
func (p *Profile) Dumps() string {
	result := []string{"[settings]"}
	for _, s := range p.Settings {
		result = append(result, s.Name+"="+s.Value)
	}
	for _, ps := range p.PackageSettings {
		for _, s := range ps.Settings {
			result = append(result, ps.Pattern+":"+s.Name+"="+s.Value)
		}
	}
	result = append(result, "[options]", dumpOptions(p.Options))
	result = append(result, "[build_requires]")
	for _, br := range p.BuildRequires {
		refs := make([]string, len(br.Refs))
		for i, r := range br.Refs {
			refs[i] = r.String()
		}
		result = append(result, br.Pattern+": "+strings.Join(refs, ", "))
	}
	result = append(result, "[env]", dumpEnv(p.Env))
	if !p.Conf.IsEmpty() {
		result = append(result, "[conf]", p.Conf.Dumps())
	}
	if !p.BuildEnv.IsEmpty() {
		result = append(result, "[buildenv]", p.BuildEnv.Dumps())
	}
	if !p.RunEnv.IsEmpty() {
		result = append(result, "[runenv]", p.RunEnv.Dumps())
	}
	return strings.ReplaceAll(strings.Join(result, "\n"), "\n\n", "\n")
}

// ReplaceSettings redefines the top-level settings from values, the way
// Conan's Profile.process_settings does after its settings preprocessing
// (self.settings = OrderedDict(processed.values.as_list())): the settings
// become values, in that order. A setting whose name and value are
// unchanged keeps its origin; a new or changed one gets the origin
// Origin{Computed: true}; each addition, change or removal is recorded in
// History as a SettingPreprocessed event. Per-package settings are not
// touched (Conan only validates them).
func (p *Profile) ReplaceSettings(values []NameValue) {
	computed := Origin{Computed: true}
	var res Settings
	seen := map[string]bool{}
	for _, nv := range values {
		seen[nv.Name] = true
		if cur, ok := p.Settings.Get(nv.Name); ok && cur.Value == nv.Value {
			res.set(cur)
			continue
		}
		res.set(Setting{Name: nv.Name, Value: nv.Value, Origin: computed})
		p.History = append(p.History, Event{Kind: SettingPreprocessed, Name: nv.Name, Value: nv.Value, Origin: computed})
	}
	for _, s := range p.Settings {
		if !seen[s.Name] {
			p.History = append(p.History, Event{Kind: SettingPreprocessed, Name: s.Name, Removed: true, Origin: computed})
		}
	}
	p.Settings = res
}

// SettingHistory returns the events about one setting, in order. name is
// a top-level setting ("compiler.version") or a per-package one
// ("zlib:build_type"), split at the first colon as Conan does for -s.
func (p *Profile) SettingHistory(name string) []Event {
	pkg, setting, scoped := strings.Cut(name, ":")
	if !scoped {
		setting = name
	}
	var out []Event
	for _, e := range p.History {
		switch e.Kind {
		case SettingSet, SettingDropped, SettingPreprocessed:
			if !scoped && e.Name == setting {
				out = append(out, e)
			}
		case PackageSettingSet:
			if scoped && e.Package == pkg && e.Name == setting {
				out = append(out, e)
			}
		}
	}
	return out
}

// OptionHistory returns the assignments of one option, in order. key is
// written as on the command line ("zlib:shared", "zlib/*:shared",
// "shared") and normalised as Conan does.
func (p *Profile) OptionHistory(key string) []Event {
	pkg, scoped, name := parseOptionKey(pyStrip(key))
	var out []Event
	for _, e := range p.History {
		if e.Kind == OptionSet && e.Scoped == scoped && e.Package == pkg && e.Name == name {
			out = append(out, e)
		}
	}
	return out
}
