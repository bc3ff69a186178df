package profiles

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the few Python string primitives whose exact behaviour
// Conan's profile code depends on: str.splitlines(), str.strip() and
// Conan's unquote().

// pyIsSpace reports whether Python's str.isspace() holds for r. Python
// counts the ASCII separators U+001C..U+001F as whitespace, Go does not.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyStrip is Python's str.strip() without arguments.
func pyStrip(s string) string {
	return strings.TrimFunc(s, pyIsSpace)
}

// pyLineBreakLen returns the length in bytes of the line boundary that
// starts at s[i], or 0 when there is none. "\r\n" counts as one boundary.
// The boundaries are those of Python's str.splitlines().
func pyLineBreakLen(s string, i int) int {
	switch c := s[i]; c {
	case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e:
		return 1
	case '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xc2: // U+0085
		if i+1 < len(s) && s[i+1] == 0x85 {
			return 2
		}
	case 0xe2: // U+2028, U+2029
		if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
			return 3
		}
	}
	return 0
}

// pySplitlines is Python's str.splitlines() (without keepends): a final
// line boundary does not produce an empty last line.
func pySplitlines(s string) []string {
	var lines []string
	start := 0
	for i := 0; i < len(s); {
		if n := pyLineBreakLen(s, i); n > 0 {
			lines = append(lines, s[start:i])
			i += n
			start = i
			continue
		}
		i++
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}

// hasLineBreak reports whether s contains a Python line boundary.
func hasLineBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		if pyLineBreakLen(s, i) > 0 {
			return true
		}
	}
	return false
}

// unquote is Conan's conans.model.env_info.unquote: strip, then remove
// one pair of matching single or double quotes around the text.
func unquote(text string) string {
	text = pyStrip(text)
	if utf8.RuneCountInString(text) > 1 && text[0] == text[len(text)-1] && (text[0] == '\'' || text[0] == '"') {
		return text[1 : len(text)-1]
	}
	return text
}
