package profiles

import "strings"

// ProfileEnv is a [buildenv] or [runenv] section (Conan's
// ProfileEnvironment): environment definitions per package pattern. The
// zero value is empty and ready to use.
//
// A line is "NAME=value" (define), "NAME+=value" (append), "NAME=+value"
// (prepend) or "NAME=!" (unset), optionally prefixed by "pattern:"; a
// value starting with "(path)" is a path. Values are not stripped on the
// left: "CC= gcc" defines " gcc", as in Conan.
type ProfileEnv struct {
	patterns []*envPattern
}

// EnvEntry is one variable of a ProfileEnv.
type EnvEntry struct {
	// Pattern is the package pattern (Scoped set); Scoped is false for
	// definitions that apply to every package.
	Pattern string
	Scoped  bool
	Name    string
	// Values are the values in order. When Placeholder >= 0 the
	// variable's previous value goes at that position (append: values
	// after it; prepend: values before it). No values and no placeholder
	// means the variable is unset.
	Values      []string
	Placeholder int
	Path        bool
	// Origin is the line or value that wrote this entry last; Composed
	// lists the assignments whose values were merged into it.
	Origin   Origin
	Composed []Origin
}

type envPattern struct {
	pattern string
	scoped  bool
	values  []*envValue // Conan's internal order: most recent first
}

type envValue struct {
	name     string
	values   []string
	ph       int // placeholder index, -1 when none
	path     bool
	origin   Origin
	composed []Origin
}

// IsEmpty reports whether the section is empty (Conan then omits it).
func (e *ProfileEnv) IsEmpty() bool { return e == nil || len(e.patterns) == 0 }

// Entries returns the entries in the order Dumps writes them.
func (e *ProfileEnv) Entries() []EnvEntry {
	if e == nil {
		return nil
	}
	var out []EnvEntry
	for _, p := range e.patterns {
		for i := len(p.values) - 1; i >= 0; i-- {
			v := p.values[i]
			out = append(out, EnvEntry{
				Pattern: p.pattern, Scoped: p.scoped, Name: v.name,
				Values: append([]string(nil), v.values...), Placeholder: v.ph, Path: v.path,
				Origin: v.origin, Composed: append([]Origin(nil), v.composed...),
			})
		}
	}
	return out
}

func (v *envValue) copy() *envValue {
	w := *v
	w.values = append([]string(nil), v.values...)
	w.composed = append([]Origin(nil), v.composed...)
	return &w
}

func (e *ProfileEnv) clone() ProfileEnv {
	var out ProfileEnv
	for _, p := range e.patterns {
		q := &envPattern{pattern: p.pattern, scoped: p.scoped}
		for _, v := range p.values {
			q.values = append(q.values, v.copy())
		}
		out.patterns = append(out.patterns, q)
	}
	return out
}

// dumps is _EnvValue.dumps().
func (v *envValue) dumps() string {
	path := ""
	if v.path {
		path = "(path)"
	}
	var lines []string
	switch {
	case len(v.values) == 0 && v.ph < 0:
		lines = append(lines, v.name+"=!")
	case v.ph >= 0:
		for _, x := range v.values[:v.ph] {
			lines = append(lines, v.name+"=+"+path+x)
		}
		for _, x := range v.values[v.ph:] {
			lines = append(lines, v.name+"+="+path+x)
		}
	default:
		op := "="
		for _, x := range v.values {
			lines = append(lines, v.name+op+path+x)
			op = "+="
		}
	}
	return strings.Join(lines, "\n")
}

// composeEnv is Environment.compose_env: p keeps precedence, the values
// of other fill placeholders or are added when missing.
func (p *envPattern) composeEnv(other *envPattern) {
	for _, ov := range other.values {
		var existing *envValue
		for _, v := range p.values {
			if v.name == ov.name {
				existing = v
				break
			}
		}
		if existing == nil {
			p.values = append(p.values, ov.copy())
			continue
		}
		if existing.ph >= 0 {
			nv := append([]string(nil), existing.values[:existing.ph]...)
			nv = append(nv, ov.values...)
			nv = append(nv, existing.values[existing.ph:]...)
			if ov.ph >= 0 {
				existing.ph += ov.ph
			} else {
				existing.ph = -1
			}
			existing.values = nv
			existing.composed = append(existing.composed, ov.origin)
			existing.composed = append(existing.composed, ov.composed...)
		}
	}
}

func (e *ProfileEnv) find(pattern string, scoped bool) int {
	for i, p := range e.patterns {
		if p.scoped == scoped && p.pattern == pattern {
			return i
		}
	}
	return -1
}

// updatePattern stores p, composed over the existing definitions of the
// same pattern.
func (e *ProfileEnv) updatePattern(p *envPattern) {
	if i := e.find(p.pattern, p.scoped); i >= 0 {
		p.composeEnv(e.patterns[i])
		e.patterns[i] = p
		return
	}
	e.patterns = append(e.patterns, p)
}

// update is ProfileEnvironment.update_profile_env: other has priority.
func (e *ProfileEnv) update(other *ProfileEnv) {
	o := other.clone()
	for _, p := range o.patterns {
		e.updatePattern(p)
	}
}

// loadLine applies one line as ProfileEnvironment.loads does.
func (e *ProfileEnv) loadLine(line string, o Origin) error {
	line = pyStrip(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return nil
	}
	for _, a := range confActions {
		key, value, found := strings.Cut(line, a.op)
		if !found {
			continue
		}
		pattern, name, scoped := "", key, false
		if before, after, hasColon := strings.Cut(key, ":"); hasColon {
			pattern, name, scoped = before, after, true
		}
		name = pyStrip(name)
		v := &envValue{name: name, ph: -1, origin: o}
		if a.method != "unset" {
			if strings.HasPrefix(pyStrip(value), "(path)") {
				value = pyStrip(value)[len("(path)"):]
				v.path = true
			}
			switch a.method {
			case "define":
				v.values = []string{value}
			case "append":
				v.values = []string{value}
				v.ph = 0
			case "prepend":
				v.values = []string{value}
				v.ph = 1
			}
		}
		e.updatePattern(&envPattern{pattern: pattern, scoped: scoped, values: []*envValue{v}})
		return nil
	}
	return errAt(o, "Bad env definition: %s", line)
}

// Dumps is ProfileEnvironment.dumps(): one line per value, followed by a
// newline; "" when empty.
func (e *ProfileEnv) Dumps() string {
	if e.IsEmpty() {
		return ""
	}
	var result []string
	for _, p := range e.patterns {
		var lines []string
		for i := len(p.values) - 1; i >= 0; i-- {
			lines = append(lines, p.values[i].dumps())
		}
		text := strings.Join(lines, "\n")
		if !p.scoped {
			result = append(result, text)
			continue
		}
		var prefixed []string
		for _, l := range pySplitlines(text) {
			if l == "" {
				prefixed = append(prefixed, "")
			} else {
				prefixed = append(prefixed, p.pattern+":"+l)
			}
		}
		result = append(result, strings.Join(prefixed, "\n"))
	}
	result = append(result, "")
	return strings.Join(result, "\n")
}
