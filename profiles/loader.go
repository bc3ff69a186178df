package profiles

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/conid/conid/internal/fsread"
)

// ProfilePath resolves a profile name as Conan's get_profile_path does:
// an absolute path is used as is; a name starting with "./", ".\" or ".."
// is relative to cwd; any other name is looked up first in profilesDir,
// then relative to cwd. A missing file gives Conan's
// "Profile not found: <name>" error.
//
// Unlike Conan, the profiles folder is never created, and conid never
// uses the process's working directory: an empty cwd or profilesDir is
// not looked in, and a relative profilesDir is relative to cwd.
func ProfilePath(name, profilesDir, cwd string) (string, error) {
	notFound := &Error{Msg: "Profile not found: " + name}
	isFile := func(p string) bool {
		st, err := fsread.Stat(p)
		return err == nil && st.Mode().IsRegular()
	}
	if filepath.IsAbs(name) {
		if !isFile(name) {
			return "", notFound
		}
		return name, nil
	}
	if strings.HasPrefix(name, "./") || strings.HasPrefix(name, ".\\") || strings.HasPrefix(name, "..") {
		if cwd == "" {
			return "", notFound
		}
		p := absJoin(cwd, name)
		if !isFile(p) {
			return "", notFound
		}
		return p, nil
	}
	if profilesDir != "" {
		dir := profilesDir
		if !filepath.IsAbs(dir) && cwd != "" {
			dir = pyJoin(cwd, dir)
		}
		if p := pyJoin(dir, name); (filepath.IsAbs(p) || cwd != "") && isFile(p) {
			return p, nil
		}
	}
	if cwd != "" {
		if p := absJoin(cwd, name); isFile(p) {
			return p, nil
		}
	}
	return "", notFound
}

// pyJoin is os.path.join for two POSIX components (no normalisation).
func pyJoin(a, b string) string {
	if filepath.IsAbs(b) || a == "" {
		return b
	}
	if strings.HasSuffix(a, "/") {
		return a + b
	}
	return a + "/" + b
}

// absJoin is os.path.abspath(os.path.join(a, b)): a lexical
// normalisation. A relative result stays relative (conid never reads the
// process working directory).
func absJoin(a, b string) string {
	return filepath.Clean(pyJoin(a, b))
}

// decodeProfileText decodes a profile file as Conan's load() does: a BOM
// selects UTF-8, UTF-16 or UTF-32; otherwise UTF-8, then Windows-1252,
// then UTF-8 dropping the invalid bytes.
func decodeProfileText(data []byte, path string) (string, error) {
	boms := []struct {
		bom []byte
		enc string
	}{
		{[]byte{0x2b, 0x2f, 0x76, 0x38, 0x2d}, "utf_7"},
		{[]byte{0x00, 0x00, 0xfe, 0xff}, "utf_32_be"},
		{[]byte{0xff, 0xfe, 0x00, 0x00}, "utf_32_le"},
		{[]byte{0x2b, 0x2f, 0x76, 0x38}, "utf_7"},
		{[]byte{0x2b, 0x2f, 0x76, 0x39}, "utf_7"},
		{[]byte{0x2b, 0x2f, 0x76, 0x2b}, "utf_7"},
		{[]byte{0x2b, 0x2f, 0x76, 0x2f}, "utf_7"},
		{[]byte{0xef, 0xbb, 0xbf}, "utf_8_sig"},
		{[]byte{0xfe, 0xff}, "utf_16_be"},
		{[]byte{0xff, 0xfe}, "utf_16_le"},
	}
	for _, b := range boms {
		if !bytes.HasPrefix(data, b.bom) {
			continue
		}
		rest := data[len(b.bom):]
		switch b.enc {
		case "utf_8_sig":
			rest = bytes.TrimPrefix(rest, []byte{0xef, 0xbb, 0xbf})
			if !utf8.Valid(rest) {
				return "", &Error{Msg: fmt.Sprintf("'utf-8' codec can't decode the profile %s", path)}
			}
			return string(rest), nil
		case "utf_16_be", "utf_16_le":
			if len(rest)%2 != 0 {
				return "", &Error{Msg: fmt.Sprintf("'%s' codec can't decode the profile %s: truncated data", strings.ReplaceAll(b.enc, "_", "-"), path)}
			}
			var order binary.ByteOrder = binary.LittleEndian
			if b.enc == "utf_16_be" {
				order = binary.BigEndian
			}
			units := make([]uint16, len(rest)/2)
			for i := range units {
				units[i] = order.Uint16(rest[2*i:])
			}
			runes := utf16.Decode(units)
			for _, r := range runes {
				if r == utf8.RuneError {
					return "", &Error{Msg: fmt.Sprintf("'%s' codec can't decode the profile %s: illegal UTF-16 surrogate", strings.ReplaceAll(b.enc, "_", "-"), path)}
				}
			}
			return string(runes), nil
		case "utf_32_be", "utf_32_le":
			if len(rest)%4 != 0 {
				return "", &Error{Msg: fmt.Sprintf("'%s' codec can't decode the profile %s: truncated data", strings.ReplaceAll(b.enc, "_", "-"), path)}
			}
			var order binary.ByteOrder = binary.LittleEndian
			if b.enc == "utf_32_be" {
				order = binary.BigEndian
			}
			var sb strings.Builder
			for i := 0; i < len(rest); i += 4 {
				r := rune(order.Uint32(rest[i:]))
				if r > utf8.MaxRune || (r >= 0xd800 && r <= 0xdfff) {
					return "", &Error{Msg: fmt.Sprintf("'%s' codec can't decode the profile %s: code point not in range", strings.ReplaceAll(b.enc, "_", "-"), path)}
				}
				sb.WriteRune(r)
			}
			return sb.String(), nil
		default:
			return "", &Error{Msg: fmt.Sprintf("the profile %s is encoded in UTF-7, which conid does not support", path)}
		}
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if s, ok := decodeCP1252(data); ok {
		return s, nil
	}
	return strings.ToValidUTF8(string(data), ""), nil
}

// cp1252 maps the bytes 0x80..0x9f of Windows-1252; 0 marks the bytes
// Python's codec rejects.
var cp1252 = [32]rune{
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
}

func decodeCP1252(data []byte) (string, bool) {
	var sb strings.Builder
	for _, c := range data {
		switch {
		case c < 0x80 || c >= 0xa0:
			sb.WriteRune(rune(c))
		case cp1252[c-0x80] == 0:
			return "", false
		default:
			sb.WriteRune(cp1252[c-0x80])
		}
	}
	return sb.String(), true
}

// srcLine is a line of profile text with its physical position.
type srcLine struct {
	text string
	line int // 1-based
}

// orderedVars is an ordered string map (Python's OrderedDict of profile
// variables).
type orderedVars struct {
	keys []string
	vals map[string]string
}

func newVars() *orderedVars { return &orderedVars{vals: map[string]string{}} }

func (v *orderedVars) set(k, val string) {
	if _, ok := v.vals[k]; !ok {
		v.keys = append(v.keys, k)
	}
	v.vals[k] = val
}

func (v *orderedVars) clone() *orderedVars {
	w := newVars()
	for _, k := range v.keys {
		w.set(k, v.vals[k])
	}
	return w
}

// maxExpansion bounds the length of a line or variable after variable
// substitution. Variables referencing each other can grow exponentially
// (A=$B$B, B=$C$C, ...); Conan would exhaust memory, conid reports an
// error instead.
const maxExpansion = 1 << 22

func errExpansion(o Origin) error {
	return errAt(o, "variable substitution makes the text longer than %d bytes", maxExpansion)
}

// replace is strings.ReplaceAll with the expansion limit.
func replaceBounded(s, old, new string) (string, bool) {
	if n := strings.Count(s, old); n > 0 && len(new) > len(old) && len(s)+n*(len(new)-len(old)) > maxExpansion {
		return "", false
	}
	return strings.ReplaceAll(s, old, new), true
}

// replaceAll applies every variable in order, as Conan's chained
// str.replace("$NAME", value) calls do.
func (v *orderedVars) replaceAll(s string) (string, bool) {
	for _, k := range v.keys {
		var ok bool
		if s, ok = replaceBounded(s, "$"+k, v.vals[k]); !ok {
			return "", false
		}
	}
	return s, true
}

// profileParser is Conan's ProfileParser: variables, includes and the
// text of the sections.
type profileParser struct {
	vars     *orderedVars
	includes []srcLine
	text     []srcLine // from the first line starting with "[" on
}

func parseProfileHeader(text, file string) (*profileParser, error) {
	p := &profileParser{vars: newVars()}
	lines := pySplitlines(text)
	for counter, line := range lines {
		o := Origin{File: file, Line: counter + 1}
		stripped := pyStrip(line)
		switch {
		case stripped == "" || strings.HasPrefix(stripped, "#"):
			continue
		case strings.HasPrefix(stripped, "["):
			for i := counter; i < len(lines); i++ {
				p.text = append(p.text, srcLine{text: lines[i], line: i + 1})
			}
			return p, nil
		case strings.HasPrefix(stripped, "include("):
			_, include, _ := strings.Cut(line, "include(")
			if !strings.HasSuffix(include, ")") {
				return nil, errAt(o, "Invalid include statement")
			}
			p.includes = append(p.includes, srcLine{text: include[:len(include)-1], line: counter + 1})
		default:
			name, value, found := strings.Cut(line, "=")
			if !found {
				return nil, errAt(o, "Error while parsing line %d: '%s'", counter, line)
			}
			name = pyStrip(name)
			if strings.Contains(name, " ") {
				return nil, errAt(o, "The names of the variables cannot contain spaces")
			}
			p.vars.set(name, unquote(value))
		}
	}
	return p, nil
}

// updateVars is ProfileParser.update_vars: the variables of an included
// profile, with lower priority than the current ones.
func (p *profileParser) updateVars(included *orderedVars) {
	merged := included.clone()
	for _, k := range p.vars.keys {
		merged.set(k, p.vars.vals[k])
	}
	p.vars = merged
}

// applyVars is ProfileParser.apply_vars.
func (p *profileParser) applyVars(file string) error {
	resolved := newVars()
	budget := 4 * maxExpansion // for all the substituted text together
	for _, k := range p.vars.keys {
		key, value := k, p.vars.vals[k]
		for _, rk := range p.vars.keys {
			var ok1, ok2 bool
			key, ok1 = replaceBounded(key, "$"+rk, p.vars.vals[rk])
			value, ok2 = replaceBounded(value, "$"+rk, p.vars.vals[rk])
			if !ok1 || !ok2 {
				return errExpansion(Origin{File: file})
			}
		}
		if budget -= len(key) + len(value); budget < 0 {
			return errExpansion(Origin{File: file})
		}
		resolved.set(key, value)
	}
	p.vars = resolved
	for i := range p.text {
		text, ok := p.vars.replaceAll(p.text[i].text)
		if budget -= len(text); !ok || budget < 0 {
			return errExpansion(Origin{File: file, Line: p.text[i].line})
		}
		p.text[i].text = text
	}
	return nil
}

// sections is Conan's ConfigParser result: the lines of each section.
type sections map[string][]srcLine

// sectionName matches a section header as Conan's ^\[([a-z_]{2,50})]
// does, at the start of line, and returns the name. (Compiling that
// expression was 0.5% of a small lock create: the bounded repeat makes
// fifty states.)
func sectionName(line string) (string, bool) {
	if len(line) < 4 || line[0] != '[' {
		return "", false
	}
	i := 1
	for i < len(line) && i <= 51 && (line[i] >= 'a' && line[i] <= 'z' || line[i] == '_') {
		i++
	}
	if n := i - 1; n < 2 || n > 50 || i >= len(line) || line[i] != ']' {
		return "", false
	}
	return line[1:i], true
}

var allowedSections = map[string]bool{
	"build_requires": true, "tool_requires": true, "settings": true, "env": true,
	"options": true, "conf": true, "buildenv": true, "runenv": true,
}

func parseSections(lines []srcLine, file string) (sections, error) {
	secs := sections{}
	var current *[]srcLine
	var currentName string
	for _, l := range lines {
		o := Origin{File: file, Line: l.line}
		line := pyStrip(l.text)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			name, ok := sectionName(line)
			if !ok {
				return nil, errAt(o, "ConfigParser: Bad syntax '%s'", line)
			}
			if !allowedSections[name] {
				return nil, errAt(o, "ConfigParser: Unrecognized field '%s'", name)
			}
			// A repeated section replaces the previous one, as in Conan.
			if current != nil {
				secs[currentName] = *current
			}
			currentName = name
			current = &[]srcLine{}
			secs[currentName] = nil
			continue
		}
		if current == nil {
			return nil, errAt(o, "ConfigParser: Unexpected line '%s'", line)
		}
		*current = append(*current, srcLine{text: line, line: l.line})
	}
	if current != nil {
		secs[currentName] = *current
	}
	return secs, nil
}

// loadState carries what a chain of read_profile calls shares.
type loadState struct {
	profilesDir string
	stack       []string // files being read, for include cycle detection
}

// readProfile is Conan's read_profile(name, cwd, default_folder): it
// returns the profile and its variables.
func (st *loadState) readProfile(name, cwd string) (*Profile, *orderedVars, error) {
	path, err := ProfilePath(name, st.profilesDir, cwd)
	if err != nil {
		return nil, nil, err
	}
	if strings.HasSuffix(name, ".jinja") {
		return nil, nil, &Error{Msg: fmt.Sprintf("Profile '%s' is a Jinja2 template (.jinja): conid does not support Jinja profiles", name)}
	}
	data, err := fsread.ReadFile(path)
	if err != nil {
		return nil, nil, &Error{Msg: err.Error()}
	}
	text, err := decodeProfileText(data, path)
	if err != nil {
		return nil, nil, err
	}
	prof, vars, err := st.loadProfile(text, path)
	if err != nil {
		return nil, nil, wrapError(err, fmt.Sprintf("Error reading '%s' profile: ", name))
	}
	return prof, vars, nil
}

// loadProfile is Conan's _load_profile(text, profile_path, default_folder).
func (st *loadState) loadProfile(text, profilePath string) (*Profile, *orderedVars, error) {
	abs := ""
	dir := ""
	if profilePath != "" {
		abs = filepath.Clean(profilePath)
		dir = filepath.Dir(abs)
	}
	for _, f := range st.stack {
		if f == abs && abs != "" {
			chain := append(append([]string(nil), st.stack...), abs)
			return nil, nil, &Error{Msg: "include cycle: " + strings.Join(chain, " -> ")}
		}
	}
	st.stack = append(st.stack, abs)
	defer func() { st.stack = st.stack[:len(st.stack)-1] }()

	inherited := &Profile{}
	parser, err := parseProfileHeader(text, abs)
	if err != nil {
		return nil, nil, err
	}
	// Includes are resolved lazily: the name of the second include sees
	// the variables of the first one (Conan iterates a generator).
	for _, inc := range parser.includes {
		name, ok := parser.vars.replaceAll(inc.text)
		if !ok {
			return nil, nil, errExpansion(Origin{File: abs, Line: inc.line})
		}
		if name == "" {
			// read_profile("") returns None, which Conan then composes.
			return nil, nil, errAt(Origin{File: abs, Line: inc.line}, "Error parsing the profile text file: %s", noneProfileError)
		}
		prof, incVars, err := st.readProfile(name, dir)
		if err != nil {
			if e, ok := err.(*Error); ok && e.Origin.IsZero() {
				e.Origin = Origin{File: abs, Line: inc.line}
			}
			return nil, nil, err
		}
		if err := inherited.compose(prof); err != nil {
			return nil, nil, err
		}
		parser.updateVars(incVars)
	}
	if dir != "" {
		parser.vars.set("PROFILE_DIR", strings.ReplaceAll(dir, "\\", "/"))
	}
	if err := parser.applyVars(abs); err != nil {
		return nil, nil, err
	}
	secs, err := parseSections(parser.text, abs)
	if err != nil {
		return nil, nil, err
	}
	if err := applyInnerProfile(secs, inherited, abs); err != nil {
		return nil, nil, err
	}
	return inherited, parser.vars, nil
}

// noneProfileError is what Python says when Conan composes the None
// that read_profile returns for an empty profile name.
const noneProfileError = "'NoneType' object has no attribute 'settings'"

// packageNameValue is get_package_name_value for a settings line.
func packageNameValue(item string) (pkg string, scoped bool, name, value string, ok bool) {
	if before, after, found := strings.Cut(item, ":"); found {
		pkg, scoped, item = before, true, after
	}
	name, value, found := strings.Cut(item, "=")
	if !found {
		return "", false, "", "", false
	}
	return pkg, scoped, pyStrip(name), unquote(value), true
}

// Conan reports a failed tuple unpacking with Python's own message.
const unpackError = "Error parsing the profile text file: not enough values to unpack (expected 2, got 1)"

// applyInnerProfile is Conan's _apply_inner_profile: the sections of the
// current file are applied on top of the profile composed from its
// includes, section by section in Conan's order.
func applyInnerProfile(secs sections, base *Profile, file string) error {
	at := func(l srcLine) Origin { return Origin{File: file, Line: l.line} }

	for _, l := range secs["settings"] {
		if !strings.Contains(l.text, "=") {
			return errAt(at(l), "Invalid setting line '%s'", l.text)
		}
		pkg, scoped, name, value, ok := packageNameValue(l.text)
		if !ok {
			return errAt(at(l), unpackError)
		}
		if scoped && pkg != "" {
			base.setPackageSetting(pkg, name, value, at(l))
		} else {
			base.setSetting(name, value, at(l))
		}
	}

	for _, sec := range []string{"build_requires", "tool_requires"} {
		for _, l := range secs[sec] {
			pattern, reqList, found := strings.Cut(l.text, ":")
			if !found {
				pattern, reqList = "*", l.text
			}
			var refs []BuildRequire
			for _, r := range strings.Split(reqList, ",") {
				ref, err := parseBuildRequire(pyStrip(r))
				if err != nil {
					return errAt(at(l), "%s", err.Error())
				}
				ref.Origin = at(l)
				refs = append(refs, ref)
			}
			i := findBuildRequires(base.BuildRequires, pattern)
			if i < 0 {
				base.BuildRequires = append(base.BuildRequires, BuildRequires{Pattern: pattern})
				i = len(base.BuildRequires) - 1
			}
			base.BuildRequires[i].Refs = append(base.BuildRequires[i].Refs, refs...)
		}
	}

	// [options]: OptionsValues.loads fails on the first line without "="
	// before any value is applied.
	var opts []Option
	for _, l := range secs["options"] {
		key, value, found := strings.Cut(l.text, "=")
		if !found {
			return errAt(at(l), unpackError)
		}
		pkg, scoped, name := parseOptionKey(pyStrip(key))
		opts = append(opts, Option{Package: pkg, Scoped: scoped, Name: name, Value: pyStrip(value), Origin: at(l)})
	}
	for _, o := range opts {
		base.setOption(o)
	}

	// [env]: the values of this file have priority over the included ones.
	var current []EnvVar
	for _, l := range secs["env"] {
		key, value, found := strings.Cut(l.text, "=")
		if !found {
			return errAt(at(l), "Invalid env line '%s'", l.text)
		}
		v := EnvVar{Name: pyStrip(key), Origin: at(l)}
		if before, after, hasColon := strings.Cut(key, ":"); hasColon {
			v.Package, v.Scoped, v.Name = pyStrip(before), true, pyStrip(after)
		}
		current = envAdd(current, envLoadValue(v, unquote(value), at(l)))
	}
	base.Env = envUpdate(current, base.Env)

	if lines := secs["conf"]; len(lines) > 0 {
		var c Conf
		for _, l := range lines {
			if err := c.loadLine(l.text, true, at(l)); err != nil {
				return err
			}
		}
		if err := base.Conf.update(&c); err != nil {
			return err
		}
	}
	for _, sec := range []struct {
		name string
		dst  *ProfileEnv
	}{{"buildenv", &base.BuildEnv}, {"runenv", &base.RunEnv}} {
		if lines := secs[sec.name]; len(lines) > 0 {
			var e ProfileEnv
			for _, l := range lines {
				if err := e.loadLine(l.text, at(l)); err != nil {
					return err
				}
			}
			sec.dst.update(&e)
		}
	}
	return nil
}
