package server

import (
	"errors"
	"regexp"
	"strings"

	"github.com/conid/conid/recipe/ref"
)

// globRegexp translates a shell pattern as Python's fnmatch.translate
// does: "*" is any text ("/" included), "?" one character, "[seq]" and
// "[!seq]" a set; a "[" without its "]" is literal. The result matches
// whole strings.
func globRegexp(pattern string, ignoreCase bool) (*regexp.Regexp, error) {
	folds := 0
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
			if ignoreCase {
				if folds += foldWork(set); folds > maxFoldWork {
					return nil, errors.New("the pattern's ranges are too wide to match without case")
				}
			}
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

// maxFoldWork bounds the runes that compiling a case-insensitive
// pattern folds one by one (about 15 ns each, 2 ms in all): a search
// pattern is compiled for each request, and "[a-\U0010FFFF]" alone
// folds 125,000.
const maxFoldWork = 1 << 17

// foldWork is how many runes regexp/syntax folds one by one for the
// ranges of a set: those of a range that only partly covers the runes
// that have other cases (unicode's 'A' to U+1E943).
func foldWork(set string) int {
	const minFold, maxFold = 'A', 0x1E943
	rs := []rune(set)
	work := 0
	for i := 0; i+2 < len(rs); i++ {
		if rs[i+1] != '-' {
			continue
		}
		lo, hi := rs[i], rs[i+2]
		i += 2
		if lo <= minFold && hi >= maxFold {
			continue // every rune with a case is in it already
		}
		if lo, hi = max(lo, minFold), min(hi, maxFold); hi > lo {
			work += int(hi - lo)
		}
	}
	return work
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
