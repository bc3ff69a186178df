package server

import (
	"regexp"
	"strings"

	"github.com/conid/conid/recipe/ref"
)

// globRegexp translates a shell pattern as Python's fnmatch.translate
// does: "*" is any text ("/" included), "?" one character, "[seq]" and
// "[!seq]" a set; a "[" without its "]" is literal. The result matches
// whole strings.
func globRegexp(pattern string, ignoreCase bool) (*regexp.Regexp, error) {
	var b strings.Builder
	if ignoreCase {
		b.WriteString("(?i)")
	}
	b.WriteString(`(?s)\A(?:`)
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		switch c {
		case '*':
			b.WriteString(".*")
		case '?':
			b.WriteString(".")
		case '[':
			j := i + 1
			if j < len(pattern) && pattern[j] == '!' {
				j++
			}
			if j < len(pattern) && pattern[j] == ']' {
				j++
			}
			for j < len(pattern) && pattern[j] != ']' {
				j++
			}
			if j >= len(pattern) {
				b.WriteString(`\[`)
				continue
			}
			set := pattern[i+1 : j]
			i = j
			neg := strings.HasPrefix(set, "!")
			if neg {
				set = set[1:]
			}
			b.WriteByte('[')
			if neg {
				b.WriteByte('^')
			}
			for _, r := range set {
				if r == '\\' || r == '[' || r == ']' || r == '^' {
					b.WriteByte('\\')
				}
				b.WriteRune(r)
			}
			b.WriteByte(']')
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`)\z`)
	return regexp.Compile(b.String())
}

// partialMatch reports whether re matches the reference or one of its
// prefixes ending at a token ("zlib", "zlib/", "zlib/1.2", "zlib/1.2@",
// ...), as conan_server's search does.
func partialMatch(re *regexp.Regexp, r ref.Ref) bool {
	s := r.String()
	for i := 1; i <= len(s); i++ {
		end := i == len(s)
		sep := s[i-1] == '/' || s[i-1] == '@'
		next := !end && (s[i] == '/' || s[i] == '@')
		if (end || sep || next) && re.MatchString(s[:i]) {
			return true
		}
	}
	return false
}
