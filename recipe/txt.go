package recipe

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/conid/conid/internal/fsread"
)

// TxtLine is one value line of a conanfile.txt section.
type TxtLine struct {
	Text string
	Line int
}

// TxtFile is a parsed conanfile.txt.
type TxtFile struct {
	Path          string
	Requires      []TxtLine
	BuildRequires []TxtLine // [tool_requires], or [build_requires] when that is empty
	Generators    []TxtLine
	Options       []TxtLine
	Imports       []TxtLine
	Layout        []TxtLine
}

// TxtError is a malformed conanfile.txt.
type TxtError struct {
	Path string
	Line int
	Msg  string
}

// Error reads as Conan's ("<folder>:\n<message>") followed by the file
// and line.
func (e *TxtError) Error() string {
	where := e.Path
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.Path, e.Line)
	}
	return fmt.Sprintf("%s:\n%s (%s)", filepath.Dir(e.Path), e.Msg, where)
}

// ReadTxt reads and parses a conanfile.txt.
func ReadTxt(path string) (*TxtFile, error) {
	b, err := fsread.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("Conanfile not found!")
		}
		return nil, err
	}
	return ParseTxt(path, string(b))
}

var sectionRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\[([a-z_]{2,50})]`) })

// ParseTxt parses a conanfile.txt with Conan's section parser: comments
// start a line with '#' or follow " #"; unknown sections are errors.
func ParseTxt(path string, text string) (*TxtFile, error) {
	allowed := map[string]bool{"requires": true, "generators": true, "options": true, "imports": true, "build_requires": true, "tool_requires": true, "layout": true}
	sections := map[string][]TxtLine{}
	current := ""
	for i, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			m := sectionRe().FindStringSubmatch(line)
			if m == nil {
				return nil, &TxtError{path, i + 1, fmt.Sprintf("ConfigParser: Bad syntax '%s'", line)}
			}
			if !allowed[m[1]] {
				return nil, &TxtError{path, i + 1, fmt.Sprintf("ConfigParser: Unrecognized field '%s'", m[1])}
			}
			current = m[1]
			sections[current] = []TxtLine{}
			continue
		}
		if current == "" {
			return nil, &TxtError{path, i + 1, fmt.Sprintf("ConfigParser: Unexpected line '%s'", line)}
		}
		line, _, _ = strings.Cut(line, " #")
		line, _, _ = strings.Cut(line, "    #")
		sections[current] = append(sections[current], TxtLine{strings.TrimSpace(line), i + 1})
	}
	t := &TxtFile{
		Path:       path,
		Requires:   sections["requires"],
		Generators: sections["generators"],
		Options:    sections["options"],
		Imports:    sections["imports"],
		Layout:     sections["layout"],
	}
	t.BuildRequires = nonEmpty(sections["tool_requires"])
	if len(t.BuildRequires) == 0 {
		t.BuildRequires = nonEmpty(sections["build_requires"])
	}
	t.Requires = nonEmpty(t.Requires)
	t.Generators = nonEmpty(t.Generators)
	if len(nonEmpty(t.Layout)) > 1 {
		return nil, &TxtError{path, t.Layout[1].Line, "Only one layout can be declared in the [layout] section of the conanfile.txt"}
	}
	return t, nil
}

func nonEmpty(lines []TxtLine) []TxtLine {
	var out []TxtLine
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			out = append(out, l)
		}
	}
	return out
}
