package profiles

import (
	"errors"
	"fmt"
	"strings"
)

// Conf is the [conf] section: Conan's ConfDefinition, a set of
// configuration values per package pattern. The zero value is empty and
// ready to use.
//
// Values are Python objects: Conan evaluates the text after the operator
// with eval(), so "tools.build:jobs=4" holds the int 4, "user.x:y=[1, 2]"
// a list, "user.x:y='a'" the string `"a"` (quotes added by Conan) and
// "tools.gnu:host_triplet=x86_64-linux-gnu" the string as written
// (eval() fails). "name=!" unsets, "name+=v" appends and "name=+v"
// prepends to a list-valued configuration.
type Conf struct {
	patterns []*confPattern
}

// ConfEntry is one configuration value, as Entries reports it.
type ConfEntry struct {
	// Pattern is the package pattern of "pattern:tools.x:y=v" (Scoped
	// set); Scoped is false for configuration that applies to every
	// package.
	Pattern string
	Scoped  bool
	Name    string
	// Value is the Python value; nil when the configuration is unset
	// ("=!", or a value that evaluates to None). Lists built with += or
	// =+ are reported without Conan's placeholder for the previous value.
	Value PyValue
	// Origin is the line or command-line value that wrote this entry
	// last; Composed lists the other assignments whose values were merged
	// into it (through += and =+).
	Origin   Origin
	Composed []Origin
}

type confPattern struct {
	pattern string
	scoped  bool
	// values in Conan's internal order (the most recent definition first);
	// Conan writes them in reverse.
	values []*confValue
}

type confValue struct {
	name     string
	value    PyValue // nil is None
	origin   Origin
	composed []Origin
}

// IsEmpty reports whether the section has no entry (Conan does not write
// an empty [conf] section).
func (c *Conf) IsEmpty() bool { return c == nil || len(c.patterns) == 0 }

// Entries returns the entries in the order Dumps writes them.
func (c *Conf) Entries() []ConfEntry {
	var out []ConfEntry
	if c == nil {
		return nil
	}
	for _, p := range c.patterns {
		for i := len(p.values) - 1; i >= 0; i-- {
			v := p.values[i]
			out = append(out, ConfEntry{
				Pattern: p.pattern, Scoped: p.scoped, Name: v.name,
				Value: withoutPlaceholder(v.value), Origin: v.origin,
				Composed: append([]Origin(nil), v.composed...),
			})
		}
	}
	return out
}

// Package is ConfDefinition.get_conanfile_conf: the configuration a
// package sees, composed from the unscoped entries and those whose
// pattern matches its reference (match, Python's fnmatch on str(ref)),
// the pattern declared last winning. Entries come in Conan's internal
// order (Conf.dumps writes them reversed).
func (c *Conf) Package(match func(pattern string) bool) ([]ConfEntry, error) {
	if c.IsEmpty() {
		return nil, nil
	}
	result := &confPattern{}
	for _, p := range c.patterns {
		if p.scoped && !match(p.pattern) {
			continue
		}
		cp := &confPattern{}
		for _, v := range p.values {
			w := *v
			cp.values = append(cp.values, &w)
		}
		if err := cp.composeConf(result); err != nil {
			return nil, err // "It's not possible to compose bool values and str ones."
		}
		result = cp
	}
	out := make([]ConfEntry, len(result.values))
	for i, v := range result.values {
		out[i] = ConfEntry{Name: v.name, Value: withoutPlaceholder(v.value), Origin: v.origin}
	}
	return out, nil
}

func withoutPlaceholder(v PyValue) PyValue {
	l, isList := v.(PyList)
	if !isList {
		return v
	}
	out := PyList{}
	removed := false
	for _, e := range l {
		if _, ph := e.(confPlaceholder); ph && !removed {
			removed = true
			continue
		}
		out = append(out, e)
	}
	return out
}

func (c *Conf) clone() Conf {
	var out Conf
	for _, p := range c.patterns {
		q := &confPattern{pattern: p.pattern, scoped: p.scoped}
		for _, v := range p.values {
			w := *v
			w.composed = append([]Origin(nil), v.composed...)
			q.values = append(q.values, &w)
		}
		out.patterns = append(out.patterns, q)
	}
	return out
}

func (c *Conf) find(pattern string, scoped bool) int {
	for i, p := range c.patterns {
		if p.scoped == scoped && p.pattern == pattern {
			return i
		}
	}
	return -1
}

// Dumps is ConfDefinition.dumps(): the entries, one per line, followed
// by a newline; "" when empty.
func (c *Conf) Dumps() string {
	if c.IsEmpty() {
		return ""
	}
	var result []string
	for _, p := range c.patterns {
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

// dumps is _ConfValue.dumps().
func (v *confValue) dumps() string {
	if v.value == nil {
		return v.name + "=!"
	}
	if l, isList := v.value.(PyList); isList {
		for _, e := range l {
			if _, ph := e.(confPlaceholder); ph {
				return v.name + "=" + withoutPlaceholder(l).String()
			}
		}
	}
	return v.name + "=" + v.value.String()
}

// composeValue is _ConfValue.compose_conf_value: v has precedence, other
// only fills the placeholder of an append/prepend.
func (v *confValue) composeValue(other *confValue) error {
	vl, vIsList := v.value.(PyList)
	_, oIsList := other.value.(PyList)
	if vIsList && oIsList {
		for i, e := range vl {
			if _, ph := e.(confPlaceholder); ph {
				nv := append(PyList{}, vl[:i]...)
				nv = append(nv, other.value.(PyList)...)
				nv = append(nv, vl[i+1:]...)
				v.value = nv
				v.composed = append(v.composed, other.origin)
				v.composed = append(v.composed, other.composed...)
				break
			}
		}
		return nil
	}
	if v.value == nil || other.value == nil {
		return nil
	}
	if _, isStr := v.value.(PyStr); isStr {
		return nil
	}
	if pyTypeName(v.value) != pyTypeName(other.value) {
		return fmt.Errorf("It's not possible to compose %s values and %s ones.", pyTypeName(v.value), pyTypeName(other.value))
	}
	return nil
}

func pyTypeName(v PyValue) string {
	if v == nil {
		return "NoneType"
	}
	return v.TypeName()
}

// composeConf is Conf.compose_conf: the values of p keep precedence over
// those of other, which are added when missing.
func (p *confPattern) composeConf(other *confPattern) error {
	for _, ov := range other.values {
		var existing *confValue
		for _, v := range p.values {
			if v.name == ov.name {
				existing = v
				break
			}
		}
		if existing == nil {
			w := *ov
			w.composed = append([]Origin(nil), ov.composed...)
			p.values = append(p.values, &w)
			continue
		}
		if err := existing.composeValue(ov); err != nil {
			return err
		}
	}
	return nil
}

// updatePattern is ConfDefinition._update_conf_definition.
func (c *Conf) updatePattern(p *confPattern) error {
	if i := c.find(p.pattern, p.scoped); i >= 0 {
		if len(c.patterns[i].values) > 0 {
			if err := p.composeConf(c.patterns[i]); err != nil {
				return err
			}
		}
		c.patterns[i] = p
		return nil
	}
	c.patterns = append(c.patterns, p)
	return nil
}

// update is ConfDefinition.update_conf_definition: other has priority.
// The error carries the origin of the entry being composed.
func (c *Conf) update(other *Conf) error {
	o := other.clone()
	for _, p := range o.patterns {
		if err := c.updatePattern(p); err != nil {
			var origin Origin
			if len(p.values) > 0 {
				origin = p.values[0].origin
			}
			return errAt(origin, "%s", err.Error())
		}
	}
	return nil
}

func isProfileModule(name string) bool {
	return strings.HasPrefix(name, "tools.") || strings.HasPrefix(name, "user.")
}

var confActions = []struct{ op, method string }{
	{"+=", "append"}, {"=+", "prepend"}, {"=!", "unset"}, {"=", "define"},
}

// loadConfLine applies one line of a [conf] section or of a -c value, as
// ConfDefinition.loads does.
func (c *Conf) loadLine(line string, profile bool, o Origin) error {
	line = pyStrip(line)
	if line == "" || strings.HasPrefix(line, "#") {
		return nil
	}
	for _, a := range confActions {
		key, value, found := strings.Cut(line, a.op)
		if !found {
			continue
		}
		parsed, err := evalConfValue(value)
		if err != nil {
			var u *unsupportedError
			if errors.As(err, &u) {
				// Conan evaluates first, then checks the key: report the
				// key's error when there is one, as Conan would.
				if _, _, _, kerr := confKey(key, profile, a.method, o); kerr != nil {
					return kerr
				}
				return errAt(o, "conid cannot evaluate the [conf] value %q like Python's eval() in Conan: %s", value, u.what)
			}
			return errAt(o, "%s", err.Error())
		}
		return c.define(key, parsed, profile, a.method, o)
	}
	return errAt(o, "Bad conf definition: %s", line)
}

// confKey splits and checks the key of a conf line as
// ConfDefinition.update and Conf.define do.
func confKey(key string, profile bool, method string, o Origin) (pattern, name string, scoped bool, err error) {
	name = key
	if strings.Count(key, ":") >= 2 {
		pattern, name, _ = strings.Cut(key, ":")
		scoped = true
	}
	if !isProfileModule(name) {
		if profile {
			return "", "", false, errAt(o, "[conf] '%s' not allowed in profiles", key)
		}
		if scoped {
			return "", "", false, errAt(o, "Conf '%s' cannot have a package pattern", key)
		}
	}
	name = pyStrip(name)
	if method != "unset" && name != pyLower(name) {
		return "", "", false, errAt(o, "Conf '%s' must be lowercase", name)
	}
	return pattern, name, scoped, nil
}

// define is ConfDefinition.update(key, value, profile, method).
func (c *Conf) define(key string, value PyValue, profile bool, method string, o Origin) error {
	pattern, name, scoped, err := confKey(key, profile, method, o)
	if err != nil {
		return err
	}
	v := &confValue{name: name, origin: o}
	switch method {
	case "unset":
		v.value = nil
	default:
		switch method {
		case "define":
			if _, isNone := value.(PyNone); isNone {
				v.value = nil
			} else {
				v.value = value
			}
		case "append":
			l := PyList{confPlaceholder{}}
			if items, isList := value.(PyList); isList {
				l = append(l, items...)
			} else {
				l = append(l, value)
			}
			v.value = l
		case "prepend":
			var l PyList
			if items, isList := value.(PyList); isList {
				l = append(append(PyList{}, items...), confPlaceholder{})
			} else {
				l = PyList{value, confPlaceholder{}}
			}
			v.value = l
		}
	}
	p := &confPattern{pattern: pattern, scoped: scoped, values: []*confValue{v}}
	if err := c.updatePattern(p); err != nil {
		return errAt(o, "%s", err.Error())
	}
	return nil
}

// pyLower approximates Python's str.lower() closely enough for Conan's
// "must be lowercase" check, which only asks whether lowering changes the
// text.
func pyLower(s string) string { return strings.ToLower(s) }
