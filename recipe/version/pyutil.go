package version

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file holds the few pieces of CPython 3.11 behaviour that the three
// version models depend on: what counts as whitespace and as a digit, how
// str.strip() and re.split(r"\s+", s) cut strings, and how int() parses
// (including its 4300-digit limit). Conan's own code never spells these out,
// but they decide, for example, whether "1.2.3\n.4" is a version.

// Error is an exception that Conan 1.65 (or the Python it runs on) raises.
// Error() is the exception's message exactly as Python formats it, so a
// caller can print "ERROR: " + err.Error() like Conan does.
type Error struct {
	// Type is the Python exception class: "ConanException", "ValueError"
	// or "IndexError".
	Type string
	// Msg is str(exception).
	Msg string
}

func (e *Error) Error() string { return e.Msg }

func conanError(format string, args ...any) *Error {
	return &Error{Type: "ConanException", Msg: fmt.Sprintf(format, args...)}
}

func valueError(msg string) *Error { return &Error{Type: "ValueError", Msg: msg} }

// maxIntDigits is sys.int_info.default_max_str_digits: int(str) with more
// digits, and str(int) of a longer number, raise ValueError.
const maxIntDigits = 4300

func inRanges(r rune, table [][2]rune) bool {
	lo, hi := 0, len(table)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < table[m][0]:
			hi = m
		case r > table[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// isPySpace reports str.isspace() for a single character.
func isPySpace(r rune) bool {
	if r < 0x80 {
		return r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f)
	}
	return inRanges(r, pySpaceRanges[:])
}

// pyDecimal returns the value of a character for which str.isdecimal() is
// true (the characters re's \d matches).
func pyDecimal(r rune) (int, bool) {
	if r >= '0' && r <= '9' {
		return int(r - '0'), true
	}
	if r < 0x80 {
		return 0, false
	}
	t := pyDecimalRanges[:]
	lo, hi := 0, len(t)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < t[m][0]:
			hi = m
		case r > t[m][1]:
			lo = m + 1
		default:
			return int(r-t[m][0]) % 10, true
		}
	}
	return 0, false
}

// isPyDigitStr reports str.isdigit(): non-empty and every character a
// decimal digit or a "digit" such as '²'.
func isPyDigitStr(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if _, ok := pyDecimal(r); ok {
			continue
		}
		if !inRanges(r, pyDigitOnlyRanges[:]) {
			return false
		}
	}
	return true
}

// isPyNumeric reports whether node-semver's NUMERIC regexp (^\d+$, searched)
// matches s. Python's $ also matches before a final newline, so "12\n" is
// numeric (and int() then ignores the newline).
func isPyNumeric(s string) bool {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return false
	}
	for _, r := range s {
		if _, ok := pyDecimal(r); !ok {
			return false
		}
	}
	return true
}

// pyStrip is str.strip() without arguments.
func pyStrip(s string) string {
	start := 0
	for start < len(s) {
		r, n := utf8.DecodeRuneInString(s[start:])
		if !isPySpace(r) {
			break
		}
		start += n
	}
	end := len(s)
	for end > start {
		r, n := utf8.DecodeLastRuneInString(s[start:end])
		if !isPySpace(r) {
			break
		}
		end -= n
	}
	return s[start:end]
}

// pySplitWS is re.split(r"\s+", s): empty strings appear at the ends when s
// starts or ends with whitespace, and "" gives [""].
func pySplitWS(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isPySpace(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !isPySpace(r2) {
				break
			}
			j += n2
		}
		out = append(out, s[start:i])
		start, i = j, j
	}
	return append(out, s[start:])
}

// pyInt parses s like Python's int(s) (base 10) and returns the sign and the
// magnitude as canonical ASCII digits ("0" for zero, no leading zeros).
// Errors carry Python's ValueError messages.
func pyInt(s string) (neg bool, digits string, err error) {
	// int() first maps non-ASCII whitespace to ' ' and non-ASCII decimal
	// digits to ASCII; any other non-ASCII character makes it invalid.
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteByte(byte(r))
		case isPySpace(r):
			b.WriteByte(' ')
		default:
			if d, ok := pyDecimal(r); ok {
				b.WriteByte(byte('0' + d))
			} else {
				b.WriteByte('?')
			}
		}
	}
	a := b.String()
	invalid := func() (bool, string, error) {
		return false, "", valueError("invalid literal for int() with base 10: " + pyReprTrunc(s, 200))
	}
	isCSpace := func(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }
	i := 0
	for i < len(a) && isCSpace(a[i]) {
		i++
	}
	if i < len(a) && (a[i] == '+' || a[i] == '-') {
		neg = a[i] == '-'
		i++
	}
	if i < len(a) && a[i] == '_' {
		return invalid()
	}
	var mag strings.Builder
	count := 0
	var prev byte
	for i < len(a) && (a[i] == '_' || (a[i] >= '0' && a[i] <= '9')) {
		if a[i] == '_' {
			if prev == '_' {
				return invalid()
			}
		} else {
			count++
			if mag.Len() > 0 || a[i] != '0' {
				mag.WriteByte(a[i])
			}
		}
		prev = a[i]
		i++
	}
	if prev == '_' || count == 0 {
		return invalid()
	}
	if count > maxIntDigits {
		return false, "", valueError(fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits, count))
	}
	for i < len(a) && isCSpace(a[i]) {
		i++
	}
	if i != len(a) {
		return invalid()
	}
	digits = mag.String()
	if digits == "" {
		return false, "0", nil
	}
	return neg, digits, nil
}

// natFromDigits converts a string that a regexp already proved to be decimal
// digits (possibly non-ASCII ones) like int() does.
func natFromDigits(s string) (string, error) {
	_, d, err := pyInt(s)
	return d, err
}

// checkIntStr fails like str(int) does for numbers longer than 4300 digits.
func checkIntStr(digits string) error {
	if len(digits) > maxIntDigits {
		return valueError(fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits))
	}
	return nil
}

// cmpNat compares canonical non-negative decimal strings.
func cmpNat(a, b string) int {
	if len(a) != len(b) {
		if len(a) < len(b) {
			return -1
		}
		return 1
	}
	return strings.Compare(a, b)
}

// incNat returns str(int(a) + 1) for canonical digits a.
func incNat(a string) (string, error) {
	b := []byte(a)
	i := len(b) - 1
	for ; i >= 0; i-- {
		if b[i] != '9' {
			b[i]++
			break
		}
		b[i] = '0'
	}
	out := string(b)
	if i < 0 {
		out = "1" + out
	}
	return out, checkIntStr(out)
}

// pyReprTrunc is Python's "%.<n>R": repr(s) cut to n characters.
func pyReprTrunc(s string, n int) string {
	r := pyRepr(s)
	if utf8.RuneCountInString(r) <= n {
		return r
	}
	i := 0
	for k := 0; k < n; k++ {
		_, w := utf8.DecodeRuneInString(r[i:])
		i += w
	}
	return r[:i]
}

// pyRepr is repr() of a str. Printability uses Go's Unicode tables, which
// may differ from Python 3.11's for characters assigned after Unicode 14.
func pyRepr(s string) string {
	quote := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte(quote)
	for _, r := range s {
		switch {
		case r == rune(quote) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f:
			b.WriteRune(r)
		case !strconv.IsPrint(r):
			switch {
			case r <= 0xff:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r <= 0xffff:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// regexp character classes with Python's meaning of \s and \d, built from
// the generated tables.
func classOf(table [][2]rune) string {
	var b strings.Builder
	for _, rg := range table {
		if rg[0] == rg[1] {
			fmt.Fprintf(&b, `\x{%x}`, rg[0])
		} else {
			fmt.Fprintf(&b, `\x{%x}-\x{%x}`, rg[0], rg[1])
		}
	}
	return b.String()
}
