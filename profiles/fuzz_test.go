package profiles

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// fuzzPath is where the fuzzed text pretends to live: it gives a
// $PROFILE_DIR, and includes resolve to nothing.
const fuzzPath = "/nonexistent-conid-fuzz/profiles/p"

// FuzzParseProfile parses arbitrary text: it must never panic, and a
// profile that parses must dump to text that parses back to the same
// effective values (except where Conan itself is not idempotent, see
// nonIdempotent).
func FuzzParseProfile(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		p, err := ParseProfile(text, fuzzPath, "")
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		d1 := p.Dumps()
		reason := nonIdempotent(p, d1)
		p2, err := ParseProfile(d1, fuzzPath, "")
		if err != nil {
			if reason == "" {
				t.Fatalf("dump does not parse: %v\ninput: %q\ndump: %q", err, text, d1)
			}
			return
		}
		if reason != "" {
			return
		}
		if e1, e2 := effective(p), effective(p2); e1 != e2 {
			t.Fatalf("round trip changed the values\ninput: %q\ndump: %q\nbefore: %s\nafter:  %s", text, d1, e1, e2)
		}
		if d2 := p2.Dumps(); d2 != d1 {
			t.Fatalf("dump not stable\ninput: %q\nfirst:  %q\nsecond: %q", text, d1, d2)
		}
	})
}

func fuzzSeeds(f *testing.F) []string {
	seeds := []string{
		"", "[settings]\nos=Linux\n", "A=1\n[settings]\nos=$A\n", "include(x)\n",
		"[options]\n*:shared=True\nzlib/*:x=1\n", "[conf]\nuser.a:b+=[1, 'x']\nuser.a:c={'k': (1,)}\n",
		"[buildenv]\nPATH=+(path)/a\nPATH+=b\n", "[env]\nL=[a, b]\nzlib:X=\"q\"\n",
		"[build_requires]\nzlib*: cmake/1.0@aa/bb#r1, ninja/1.0\n",
	}
	files, _ := filepath.Glob("testdata/oracle/*.txtar")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		_, sections := parseTxtar(string(data))
		for _, s := range sections {
			if strings.Contains(s.name, "profiles/") && !strings.HasSuffix(s.name, ":b64") {
				seeds = append(seeds, s.content)
			}
		}
	}
	return seeds
}

// nonIdempotent returns why writing p and reading it back cannot give the
// same values in Conan itself, or "" when it must.
func nonIdempotent(p *Profile, dump string) string {
	if strings.Contains(dump, "$PROFILE_DIR") {
		return "the text contains $PROFILE_DIR, substituted when read back"
	}
	for _, s := range p.Settings {
		if strings.Contains(s.Name+s.Value, ":") || strings.HasPrefix(s.Name, "[") || strings.HasPrefix(s.Name, "#") {
			return "a top-level setting written from ':name=value' reads back differently"
		}
		if unquote(s.Value) != s.Value {
			return "a setting value that unquote() changes again"
		}
	}
	for _, ps := range p.PackageSettings {
		for _, s := range ps.Settings {
			if unquote(s.Value) != s.Value {
				return "a setting value that unquote() changes again"
			}
		}
	}
	for _, o := range p.Options {
		if o.Scoped && strings.HasSuffix(o.Package, "/*") {
			return "an option pattern still ending in /* loses it again"
		}
	}
	for _, v := range p.Env {
		if v.Scoped && v.Package == "" {
			return "an [env] variable of package \"\" is written unscoped"
		}
		if v.IsList {
			for _, item := range v.List {
				if item == "" || strings.Contains(item, ",") || pyStrip(item) != item {
					return "an [env] list item that the list syntax cannot hold (empty, with a comma or spaces)"
				}
			}
		} else if unquote(v.Value) != v.Value {
			return "an [env] value that unquote() changes again"
		}
	}
	for _, e := range p.Conf.Entries() {
		key := e.Name
		if e.Scoped {
			key = e.Pattern + ":" + e.Name
		}
		if e.Value == nil {
			if !readsBackAs(key+"=!", key, "=!") {
				return "a [conf] line that splits differently when read back"
			}
			continue
		}
		text := e.Value.String()
		line := key + "=" + text
		if !readsBackAs(line, key, "=") || hasLineBreak(line) {
			return "a [conf] line that splits differently when read back"
		}
		v, err := evalConfValue(text)
		if err != nil || v.TypeName() != e.Value.TypeName() || v.Repr() != e.Value.Repr() {
			return "a [conf] value whose text evaluates to another value"
		}
	}
	for _, env := range []*ProfileEnv{&p.BuildEnv, &p.RunEnv} {
		for _, e := range env.Entries() {
			if e.Placeholder >= 2 {
				return "several prepended values are written in an order that reads back reversed"
			}
			if !envEntryReadsBack(e) {
				return "a [buildenv]/[runenv] value whose line reads back with another operator"
			}
		}
	}
	return ""
}

// readsBackAs reports whether Conan splits line into key and op (the
// operators are tried in the order +=, =+, =!, =).
func readsBackAs(line, key, op string) bool {
	if pyStrip(line) != line {
		return false
	}
	for _, a := range confActions {
		if k, _, found := strings.Cut(line, a.op); found {
			return k == key && a.op == op
		}
	}
	return false
}

// envEntryReadsBack reports whether every line Conan writes for e splits
// back into the same name, operator and value.
func envEntryReadsBack(e EnvEntry) bool {
	key := e.Name
	if e.Scoped {
		key = e.Pattern + ":" + e.Name
	}
	path := ""
	if e.Path {
		path = "(path)"
	}
	type line struct{ op, value string }
	var lines []line
	switch {
	case len(e.Values) == 0 && e.Placeholder < 0:
		lines = append(lines, line{"=!", ""})
	case e.Placeholder >= 0:
		for _, v := range e.Values[:e.Placeholder] {
			lines = append(lines, line{"=+", v})
		}
		for _, v := range e.Values[e.Placeholder:] {
			lines = append(lines, line{"+=", v})
		}
	default:
		op := "="
		for _, v := range e.Values {
			lines = append(lines, line{op, v})
			op = "+="
		}
	}
	for _, l := range lines {
		text := key + l.op + path + l.value
		if !readsBackAs(text, key, l.op) {
			return false
		}
		if !e.Path && strings.HasPrefix(pyStrip(l.value), "(path)") {
			return false
		}
	}
	return true
}

// effective renders the values of p without origins or history. Options
// and [env] variables are sorted: Dumps writes them sorted.
func effective(p *Profile) string {
	var b strings.Builder
	var sorted []string
	for _, s := range p.Settings {
		fmt.Fprintf(&b, "S %q=%q;", s.Name, s.Value)
	}
	for _, ps := range p.PackageSettings {
		for _, s := range ps.Settings {
			fmt.Fprintf(&b, "PS %q:%q=%q;", ps.Pattern, s.Name, s.Value)
		}
	}
	for _, o := range p.Options {
		sorted = append(sorted, fmt.Sprintf("O %v %q:%q=%q;", o.Scoped, o.Package, o.Name, o.Value))
	}
	for _, br := range p.BuildRequires {
		fmt.Fprintf(&b, "BR %q:", br.Pattern)
		for _, r := range br.Refs {
			fmt.Fprintf(&b, " %q", r.String())
		}
		b.WriteString(";")
	}
	for _, v := range p.Env {
		sorted = append(sorted, fmt.Sprintf("E %v %q:%q=%q %v %q;", v.Scoped, v.Package, v.Name, v.Value, v.IsList, v.List))
	}
	sort.Strings(sorted)
	b.WriteString(strings.Join(sorted, ""))
	for _, e := range p.Conf.Entries() {
		repr, typ := "<unset>", ""
		if e.Value != nil {
			repr, typ = e.Value.Repr(), e.Value.TypeName()
		}
		fmt.Fprintf(&b, "C %v %q:%q=%s %s;", e.Scoped, e.Pattern, e.Name, typ, repr)
	}
	for i, env := range []*ProfileEnv{&p.BuildEnv, &p.RunEnv} {
		for _, e := range env.Entries() {
			fmt.Fprintf(&b, "V%d %v %q:%q=%q %d %v;", i, e.Scoped, e.Pattern, e.Name, e.Values, e.Placeholder, e.Path)
		}
	}
	return b.String()
}

// sectionHeader is the expression sectionName stands for.
var sectionHeader = regexp.MustCompile(`^\[([a-z_]{2,50})]`)

// FuzzSectionName holds sectionName to the expression it replaced.
func FuzzSectionName(f *testing.F) {
	for _, s := range []string{"[settings]", "[a]", "[ab]", "[options] # x", "[Settings]", "[build_requires]x", "[" + strings.Repeat("a", 50) + "]", "[" + strings.Repeat("a", 51) + "]", "[ab", "[]", "[é]", "[tool_requires]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		name, ok := sectionName(line)
		m := sectionHeader.FindStringSubmatch(line)
		if ok != (m != nil) || ok && name != m[1] {
			t.Fatalf("sectionName(%q) = %q, %v; the expression: %q", line, name, ok, m)
		}
	})
}
