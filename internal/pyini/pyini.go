// Package pyini reads and writes INI files by the rules of Python's
// configparser.ConfigParser, which Conan uses for conan.conf and
// conan_server for server.conf: what conid accepts and how it rewrites a
// file must be what Conan accepts and writes, which general INI readers
// (gopkg.in/ini.v1 among them) do not promise: they judge continuation
// lines, valueless keys and duplicates their own way.
package pyini

import (
	"fmt"
	"strings"
)

// Section is one [section]: its options in file order.
type Section struct {
	Name    string
	Line    int
	Options []Option
}

// Option is one "key = value" or "key: value" (or, where allowed, a key
// alone: NoValue, Python's None).
type Option struct {
	Key, Value string
	NoValue    bool
	Line       int
}

// Get returns the option key and whether it is set.
func (s *Section) Get(key string) (Option, bool) {
	if s == nil {
		return Option{}, false
	}
	for _, o := range s.Options {
		if o.Key == key {
			return o, true
		}
	}
	return Option{}, false
}

// Set sets key to value, appending it if new.
func (s *Section) Set(key, value string) {
	for i := range s.Options {
		if s.Options[i].Key == key {
			s.Options[i].Value, s.Options[i].NoValue = value, false
			return
		}
	}
	s.Options = append(s.Options, Option{Key: key, Value: value})
}

// File is a parsed file: its sections in order.
type File struct{ Sections []*Section }

// Section returns the section name, or nil.
func (f *File) Section(name string) *Section {
	for _, s := range f.Sections {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Add returns the section name, appending it if new.
func (f *File) Add(name string) *Section {
	if s := f.Section(name); s != nil {
		return s
	}
	s := &Section{Name: name}
	f.Sections = append(f.Sections, s)
	return s
}

// Error is a parse error at a line of a file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Parse reads data (from file, for errors) as ConfigParser(strict=True,
// allow_no_value=allowNoValue) does, keys keeping their case:
//   - "[name]" starts a section (name runs to the last "]"; text after
//     it is ignored; "[]" or "[x" is no header); a section or a key given twice is an error, and so is a
//     key outside any section;
//   - "key = value" or "key: value" is split at the first "=" or ":";
//     a line without either is a valueless key when allowNoValue, else an
//     error;
//   - lines whose first non-blank is "#" or ";" are comments; blank lines
//     and comments do not end a value;
//   - a line indented deeper than its key continues that key's value
//     (lines joined with "\n", trailing blank ones dropped); under a
//     valueless key that is an error (Python fails there too).
func Parse(file string, data []byte, allowNoValue bool) (*File, error) {
	f := &File{}
	var cur *Section
	var opt *Option      // the option a deeper line continues
	optIndent := -1      // its key's indentation
	var pending []string // blank lines inside a value, kept if it goes on
	text := strings.TrimPrefix(string(data), "\ufeff")
	for i, raw := range strings.Split(text, "\n") {
		n := i + 1
		raw = strings.TrimRight(raw, "\r")
		t := strings.TrimSpace(raw)
		if strings.HasPrefix(t, "#") || strings.HasPrefix(t, ";") {
			continue
		}
		if t == "" {
			if opt != nil && !opt.NoValue {
				pending = append(pending, "")
			}
			continue
		}
		indent := len(raw) - len(strings.TrimLeft(raw, " \t"))
		if opt != nil && indent > optIndent {
			if opt.NoValue {
				return nil, &Error{file, n, fmt.Sprintf("%q continues key %q, which has no value", t, opt.Key)}
			}
			for _, p := range pending {
				opt.Value += "\n" + p
			}
			pending = pending[:0]
			opt.Value += "\n" + t
			continue
		}
		opt, optIndent, pending = nil, -1, pending[:0]
		if end := strings.LastIndexByte(t, ']'); t[0] == '[' && end >= 2 {
			name := t[1:end]
			if s := f.Section(name); s != nil {
				return nil, &Error{file, n, fmt.Sprintf("section [%s] already defined at line %d", name, s.Line)}
			}
			cur = &Section{Name: name, Line: n}
			f.Sections = append(f.Sections, cur)
			continue
		}
		key, value, noValue := t, "", true
		if at := strings.IndexAny(t, ":="); at >= 0 {
			key, value, noValue = strings.TrimSpace(t[:at]), strings.TrimSpace(t[at+1:]), false
		}
		if t[0] == '[' && noValue && (cur == nil || !allowNoValue) {
			return nil, &Error{file, n, fmt.Sprintf("section header %q has no closing ']'", t)}
		}
		if cur == nil {
			return nil, &Error{file, n, fmt.Sprintf("%q is outside any [section]", t)}
		}
		if key == "" || noValue && !allowNoValue {
			return nil, &Error{file, n, fmt.Sprintf("expected 'key: value' in [%s], got %q", cur.Name, t)}
		}
		if prev, ok := cur.Get(key); ok {
			return nil, &Error{file, n, fmt.Sprintf("key %q already defined in [%s] at line %d", key, cur.Name, prev.Line)}
		}
		cur.Options = append(cur.Options, Option{Key: key, Value: value, NoValue: noValue, Line: n})
		opt, optIndent = &cur.Options[len(cur.Options)-1], indent
	}
	return f, nil
}

// Format writes f as ConfigParser.write does: each section, its options
// as "key = value" (continuation lines indented by a tab; a valueless key
// alone), and a blank line.
func (f *File) Format() []byte {
	var b strings.Builder
	for _, s := range f.Sections {
		fmt.Fprintf(&b, "[%s]\n", s.Name)
		for _, o := range s.Options {
			if o.NoValue {
				fmt.Fprintf(&b, "%s\n", o.Key)
				continue
			}
			fmt.Fprintf(&b, "%s = %s\n", o.Key, strings.ReplaceAll(o.Value, "\n", "\n\t"))
		}
		b.WriteString("\n")
	}
	return []byte(b.String())
}
