package syntax

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

const (
	maxParenNesting = 200 // as CPython's tokenizer
	maxIndentLevels = 100 // as CPython's tokenizer
	tabSize         = 8
)

// openParen records an unclosed bracket.
type openParen struct {
	ch        byte
	line, col int32
}

// scanner turns source text into tokens, one call to next at a time. It
// follows CPython's tokenizer: INDENT/DEDENT from leading whitespace (tabs
// advance to the next multiple of 8 and must be used consistently), no
// NEWLINE inside brackets or after a backslash continuation, blank and
// comment-only lines ignored.
type scanner struct {
	filename  string
	src       []byte // newlines normalized to \n, always ends with \n
	pos       int    // offset of the next unread byte
	line      int    // line of src[pos]
	lineStart int    // offset where that line starts

	atBOL      bool // at the start of a logical line
	indents    []int
	altIndents []int // indentation with tabs counting as one column
	dedents    int   // DEDENT tokens still to emit
	parens     []openParen
	lineToks   bool // a token other than INDENT/DEDENT was emitted on this logical line
	eof        bool // ENDMARKER emitted

	// For the expressions of f-strings, scanned from a copy of their text:
	// the column shift of the first line and the error message prefix.
	firstLine, colShift int
	errPrefix           string

	err      *Error
	errClass errClass
}

// errClass tells how a scanner error ranks against a parser error found
// earlier in the file (see scanRest).
type errClass uint8

const (
	errRaised   errClass = iota // CPython's tokenizer raises it: it wins
	errDone                     // indentation or EOF state: the parser error wins
	errUnclosed                 // bracket never closed: wins if opened before the parser error's line
)

func newScanner(filename string, src []byte) *scanner {
	return &scanner{
		filename:   filename,
		src:        src,
		line:       1,
		firstLine:  1,
		atBOL:      true,
		indents:    []int{0},
		altIndents: []int{0},
	}
}

// fail records the first error; the scanner emits tError from then on.
func (s *scanner) fail(line, col int, format string, args ...any) {
	if s.err == nil {
		if len(args) > 0 {
			format = fmt.Sprintf(format, args...)
		}
		s.err = &Error{Filename: s.filename, Pos: Pos{int32(line), int32(col)}, Msg: s.errPrefix + format}
	}
}

// failCur reports an error at the scanning cursor the way CPython's
// tokenizer does: the column is the 0-based offset of the cursor, that is
// the 1-based column of the last character read.
func (s *scanner) failCur(format string, args ...any) {
	s.fail(s.line, s.pos-s.lineStart, format, args...)
}

// scanRest scans the rest of the source after the parser failed, as
// CPython does, and returns the error that CPython then reports instead,
// if any: most tokenizer errors, or a bracket left open on a line before
// lastLine, that of the last token the parser read.
func (s *scanner) scanRest(lastLine int) *Error {
	var t token
	for s.err == nil {
		s.next(&t)
		if t.kind == tEOF {
			return nil
		}
	}
	switch s.errClass {
	case errRaised:
		return s.err
	case errUnclosed:
		if int(s.err.Pos.Line) < lastLine {
			return s.err
		}
	}
	return nil
}

func (s *scanner) newline() {
	s.line++
	s.lineStart = s.pos
}

// next scans the next token into t. After an error it returns tError
// tokens with s.err set.
func (s *scanner) next(t *token) {
	*t = token{}
	if s.err == nil {
		s.scan(t)
	}
	if s.err != nil {
		t.kind = tError
		t.line, t.col = int32(s.err.Pos.Line), int32(s.err.Pos.Col)
	}
}

func (s *scanner) setTok(t *token, kind tokKind, start int) {
	t.kind = kind
	t.off = int32(start)
	t.end = int32(s.pos)
	t.line = int32(s.line)
	t.col = int32(start - s.lineStart + 1)
	if s.line == s.firstLine {
		t.col += int32(s.colShift)
	}
}

func (s *scanner) scan(t *token) {
	if s.dedents > 0 {
		s.dedents--
		s.setTok(t, tDedent, s.pos)
		return
	}
	src := s.src
	if s.atBOL {
		if s.indentation(t) {
			return
		}
		if s.err != nil {
			return
		}
	}
	comment := -1
	for {
		if s.pos >= len(src) {
			s.atEOF(t)
			return
		}
		c := src[s.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			s.pos++
			continue
		case c == '#':
			comment = s.pos
			for src[s.pos] != '\n' {
				s.pos++
			}
			continue
		case c == '\n':
			if len(s.parens) > 0 || !s.lineToks {
				s.pos++
				s.newline()
				if len(s.parens) == 0 {
					s.atBOL = true
					if s.indentation(t) || s.err != nil {
						return
					}
				}
				continue
			}
			// Like CPython's, the NEWLINE token starts at a comment
			// before it.
			if comment >= 0 {
				s.setTok(t, tNewline, comment)
			} else {
				s.setTok(t, tNewline, s.pos)
			}
			s.pos++
			t.end = int32(s.pos)
			s.newline()
			s.atBOL = true
			s.lineToks = false
			return
		case c == '\\':
			if src[s.pos+1] != '\n' {
				s.pos += 2
				s.failCur("unexpected character after line continuation character")
				s.errClass = errDone
				return
			}
			s.pos += 2
			s.newline()
			if s.pos >= len(src) {
				s.fail(s.line-1, s.pos-1-lineStartBefore(src, s.pos-1)+1, "unexpected EOF while parsing")
				s.errClass = errDone
				return
			}
			continue
		}
		s.lineToks = true
		start := s.pos
		switch {
		case c < utf8.RuneSelf && isIdentStart[c] || c >= utf8.RuneSelf:
			s.scanName(t, start)
		case c >= '0' && c <= '9':
			s.scanNumber(t, start)
		case c == '.' && src[s.pos+1] >= '0' && src[s.pos+1] <= '9':
			s.scanNumber(t, start)
		case c == '"' || c == '\'':
			s.scanString(t, start, 0, 0)
		default:
			s.scanOperator(t, start)
		}
		return
	}
}

// lineStartBefore returns the offset of the start of the line holding
// src[i].
func lineStartBefore(src []byte, i int) int {
	for i > 0 && src[i-1] != '\n' {
		i--
	}
	return i
}

// indentation processes the leading whitespace of a line, skipping blank
// and comment-only lines. It reports whether it produced a token in t.
func (s *scanner) indentation(t *token) bool {
	src := s.src
	for {
		col, alt, cont := 0, 0, 0
		p := s.pos
	ws:
		for p < len(src) {
			switch src[p] {
			case ' ':
				col++
				alt++
			case '\t':
				col = (col/tabSize + 1) * tabSize
				alt++
			case '\f':
				col, alt = 0, 0
			case '\\':
				// A continuation line: as in CPython 3.11, the column of
				// the first backslash preceded by whitespace sets the
				// indentation; counting goes on over the next line.
				if cont == 0 {
					cont = col
				}
				if src[p+1] != '\n' {
					s.pos = p + 2
					s.failCur("unexpected character after line continuation character")
					s.errClass = errDone
					return false
				}
				p += 2
				s.pos = p
				s.newline()
				if p >= len(src) {
					s.fail(s.line-1, p-1-lineStartBefore(src, p-1)+1, "unexpected EOF while parsing")
					s.errClass = errDone
					return false
				}
				continue
			default:
				break ws
			}
			p++
		}
		if cont != 0 {
			col, alt = cont, cont
		}
		if p >= len(src) {
			s.pos = p
			s.atBOL = false
			return false // EOF is handled by the caller
		}
		if c := src[p]; c == '#' || c == '\n' {
			for src[p] != '\n' {
				p++
			}
			s.pos = p + 1
			s.newline()
			continue
		}
		s.atBOL = false
		width := p - s.lineStart
		s.pos = p
		top := len(s.indents) - 1
		switch {
		case col == s.indents[top]:
			if alt != s.altIndents[top] {
				s.fail(s.line, 1, "inconsistent use of tabs and spaces in indentation")
				s.errClass = errDone
			}
			return false
		case col > s.indents[top]:
			if top+1 >= maxIndentLevels {
				s.fail(s.line, width, "too many levels of indentation")
				s.errClass = errDone
				return false
			}
			if alt <= s.altIndents[top] {
				s.fail(s.line, 1, "inconsistent use of tabs and spaces in indentation")
				s.errClass = errDone
				return false
			}
			s.indents = append(s.indents, col)
			s.altIndents = append(s.altIndents, alt)
			s.setTok(t, tIndent, p)
			t.col = int32(width)
			return true
		default:
			n := 0
			for top > 0 && col < s.indents[top] {
				top--
				n++
			}
			if col != s.indents[top] {
				e := p
				for src[e] != '\n' {
					e++
				}
				s.fail(s.line, e-s.lineStart+1, "unindent does not match any outer indentation level")
				s.errClass = errDone
				return false
			}
			if alt != s.altIndents[top] {
				s.fail(s.line, 1, "inconsistent use of tabs and spaces in indentation")
				s.errClass = errDone
				return false
			}
			s.indents = s.indents[:top+1]
			s.altIndents = s.altIndents[:top+1]
			s.dedents = n - 1
			s.setTok(t, tDedent, p)
			return true
		}
	}
}

func (s *scanner) atEOF(t *token) {
	if len(s.parens) > 0 {
		o := s.parens[len(s.parens)-1]
		s.fail(int(o.line), int(o.col), "'%c' was never closed", o.ch)
		s.errClass = errUnclosed
		return
	}
	if s.lineToks {
		s.lineToks = false
		s.setTok(t, tNewline, s.pos)
		return
	}
	if len(s.indents) > 1 {
		s.indents = s.indents[:len(s.indents)-1]
		s.altIndents = s.altIndents[:len(s.altIndents)-1]
		s.setTok(t, tDedent, s.pos)
		return
	}
	s.eof = true
	s.setTok(t, tEOF, s.pos)
	// CPython puts ENDMARKER on the last line, at column 0.
	if t.line > 1 {
		t.line--
	}
	t.col = 0
}

// isIdentStart and isIdentChar classify ASCII bytes.
var isIdentStart, isIdentChar [utf8.RuneSelf]bool

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		isIdentStart[c] = letter
		isIdentChar[c] = letter || c >= '0' && c <= '9'
	}
}

func isPotentialIdentChar(c byte) bool {
	return c >= utf8.RuneSelf || isIdentChar[c]
}

func (s *scanner) scanName(t *token, start int) {
	src := s.src
	p := s.pos
	ascii := true
	for p < len(src) {
		c := src[p]
		if c < utf8.RuneSelf {
			if !isIdentChar[c] {
				break
			}
		} else {
			ascii = false
		}
		p++
	}
	// A string prefix?
	if n := p - start; n <= 2 && (src[p] == '"' || src[p] == '\'') {
		if flags, ok := stringPrefix(src[start:p]); ok {
			s.pos = p
			s.scanString(t, start, flags, n)
			return
		}
	}
	if !ascii && !s.checkIdentifier(start, p) {
		return
	}
	s.pos = p
	s.setTok(t, keywordKind(src[start:p]), start)
}

// stringPrefix decodes a string literal prefix.
func stringPrefix(b []byte) (flags uint8, ok bool) {
	for _, c := range b {
		var f uint8
		switch c {
		case 'r', 'R':
			f = strRaw
		case 'b', 'B':
			f = strBytes
		case 'f', 'F':
			f = strFmt
		case 'u':
			f = strU
		case 'U':
			f = 0
		default:
			return 0, false
		}
		if c == 'u' || c == 'U' {
			if len(b) != 1 {
				return 0, false
			}
		} else if flags&f != 0 {
			return 0, false
		}
		flags |= f
	}
	if flags&strBytes != 0 && flags&strFmt != 0 {
		return 0, false
	}
	return flags, true
}

// checkIdentifier validates a non-ASCII identifier as PEP 3131 asks.
// Unlike CPython, the parser does not NFKC-normalize identifiers (the
// standard library has no normalization tables), so an identifier such
// as "ﬁle" stays distinct from "file".
func (s *scanner) checkIdentifier(start, end int) bool {
	if !utf8.Valid(s.src[start:end]) {
		s.fail(s.line, end-s.lineStart, "(unicode error) %s", utf8ErrorText(s.src[start:end]))
		return false
	}
	for p := start; p < end; {
		r, size := utf8.DecodeRune(s.src[p:end])
		ok := r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
		if p > start && !ok {
			ok = unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc, unicode.Other_ID_Continue)
		}
		if ok && r >= 0xCF3 && !isPrintable(r) {
			ok = false // not yet in CPython 3.11's Unicode tables
		}
		if !ok {
			col := p - s.lineStart + 1
			if isPrintable(r) {
				s.fail(s.line, col, "invalid character '%c' (U+%04X)", r, r)
			} else {
				s.fail(s.line, col, "invalid non-printable character U+%04X", r)
			}
			return false
		}
		p += size
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// digits consumes digits accepted by ok, with single underscores between
// them. It reports false (after recording an error naming kind) when an
// underscore is not followed by a digit.
func (s *scanner) digits(ok func(byte) bool, kind string) bool {
	for {
		for ok(s.src[s.pos]) {
			s.pos++
		}
		if s.src[s.pos] != '_' {
			return true
		}
		s.pos++
		if !ok(s.src[s.pos]) {
			s.failCur("invalid %s literal", kind)
			return false
		}
	}
}

// scanNumber scans a number literal, reporting malformed ones with
// CPython's messages.
func (s *scanner) scanNumber(t *token, start int) {
	src := s.src
	c := src[s.pos]
	if c == '0' && (src[s.pos+1]|0x20 == 'x' || src[s.pos+1]|0x20 == 'o' || src[s.pos+1]|0x20 == 'b') {
		s.pos += 2
		var ok func(byte) bool
		var kind string
		switch src[s.pos-1] | 0x20 {
		case 'x':
			ok, kind = isHexDigit, "hexadecimal"
		case 'o':
			ok, kind = func(c byte) bool { return c >= '0' && c <= '7' }, "octal"
		default:
			ok, kind = func(c byte) bool { return c == '0' || c == '1' }, "binary"
		}
		for {
			if src[s.pos] == '_' {
				s.pos++
			}
			if !ok(src[s.pos]) {
				if kind != "hexadecimal" && isDigit(src[s.pos]) {
					s.pos++
					s.failCur("invalid digit '%c' in %s literal", src[s.pos-1], kind)
				} else {
					s.failCur("invalid %s literal", kind)
				}
				return
			}
			for ok(src[s.pos]) {
				s.pos++
			}
			if src[s.pos] != '_' {
				break
			}
		}
		if kind != "hexadecimal" && isDigit(src[s.pos]) {
			s.pos++
			s.failCur("invalid digit '%c' in %s literal", src[s.pos-1], kind)
			return
		}
		if s.endOfNumber(kind) {
			s.setTok(t, tNumber, start)
		}
		return
	}
	switch c {
	case '.':
		// A fraction without an integer part; handled below.
	case '0':
		// Only zeros are allowed unless this turns out to be a float.
		for {
			for src[s.pos] == '0' {
				s.pos++
			}
			if src[s.pos] != '_' {
				break
			}
			s.pos++
			if !isDigit(src[s.pos]) {
				s.failCur("invalid decimal literal")
				return
			}
		}
		nonzero := false
		if isDigit(src[s.pos]) {
			nonzero = true
			if !s.digits(isDigit, "decimal") {
				return
			}
		}
		if c := src[s.pos]; nonzero && c != '.' && c|0x20 != 'e' && c|0x20 != 'j' {
			s.fail(s.line, start-s.lineStart+1, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
			return
		}
	default:
		if !s.digits(isDigit, "decimal") {
			return
		}
	}
	if src[s.pos] == '.' {
		s.pos++
		if isDigit(src[s.pos]) && !s.digits(isDigit, "decimal") {
			return
		}
	}
	if src[s.pos]|0x20 == 'e' {
		e := s.pos
		s.pos++
		if src[s.pos] == '+' || src[s.pos] == '-' {
			s.pos++
			if !isDigit(src[s.pos]) {
				s.failCur("invalid decimal literal")
				return
			}
		} else if !isDigit(src[s.pos]) {
			// Not an exponent after all: the number ends before the 'e'.
			s.pos = e
			if s.endOfNumber("decimal") {
				s.setTok(t, tNumber, start)
			}
			return
		}
		if !s.digits(isDigit, "decimal") {
			return
		}
	}
	if src[s.pos]|0x20 == 'j' {
		s.pos++
		if s.endOfNumber("imaginary") {
			s.setTok(t, tNumber, start)
		}
		return
	}
	if s.endOfNumber("decimal") {
		s.setTok(t, tNumber, start)
	}
}

// endOfNumber checks what follows a number literal. Like CPython 3.11 it
// tolerates a keyword that may legally follow a number ("1if x else y")
// and rejects any other identifier character.
func (s *scanner) endOfNumber(kind string) bool {
	rest := s.src[s.pos:]
	c := rest[0]
	ok := false
	switch c {
	case 'a':
		ok = hasPrefix(rest, "and")
	case 'e':
		ok = hasPrefix(rest, "else")
	case 'f':
		ok = hasPrefix(rest, "for")
	case 'i':
		ok = len(rest) > 1 && (rest[1] == 'f' || rest[1] == 'n' || rest[1] == 's')
	case 'o':
		ok = hasPrefix(rest, "or")
	case 'n':
		ok = hasPrefix(rest, "not")
	}
	if !ok && isPotentialIdentChar(c) {
		s.failCur("invalid %s literal", kind)
		return false
	}
	return true
}

func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

// scanString scans a string literal whose prefix (plen bytes, decoded into
// flags) starts at start; s.pos is at the opening quote.
func (s *scanner) scanString(t *token, start int, flags uint8, plen int) {
	src := s.src
	startLine, startCol := s.line, start-s.lineStart+1
	q := src[s.pos]
	qlen := 1
	if src[s.pos+1] == q && s.pos+2 < len(src) && src[s.pos+2] == q {
		qlen = 3
	}
	s.pos += qlen
	for {
		if s.pos >= len(src) {
			// Only triple-quoted strings get here; src ends with \n.
			s.fail(startLine, startCol, "unterminated triple-quoted string literal (detected at line %d)", s.line-1)
			return
		}
		c := src[s.pos]
		switch c {
		case '\\':
			s.pos++
			if s.pos < len(src) && src[s.pos] == '\n' {
				s.pos++
				s.newline()
			} else {
				s.pos++
			}
			continue
		case '\n':
			if qlen == 1 {
				s.fail(startLine, startCol, "unterminated string literal (detected at line %d)", s.line)
				return
			}
			s.pos++
			s.newline()
			continue
		case q:
			if qlen == 1 {
				s.pos++
			} else if s.pos+2 < len(src) && src[s.pos+1] == q && src[s.pos+2] == q {
				s.pos += 3
			} else {
				s.pos++
				continue
			}
		default:
			s.pos++
			continue
		}
		break
	}
	t.kind = tString
	t.off = int32(start)
	t.end = int32(s.pos)
	t.line = int32(startLine)
	t.col = int32(startCol)
	if startLine == s.firstLine {
		t.col += int32(s.colShift)
	}
	t.flags = flags
	t.plen = uint8(plen)
	t.qlen = uint8(qlen)
}

// matchingOpen returns the opening bracket matching a closing one.
func matchingOpen(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}

func (s *scanner) scanOperator(t *token, start int) {
	src := s.src
	c := src[s.pos]
	c1 := src[s.pos+1]
	c2 := byte(0)
	if s.pos+2 < len(src) {
		c2 = src[s.pos+2]
	}
	n := 1
	var k tokKind
	switch c {
	case '(', '[', '{':
		if len(s.parens) >= maxParenNesting {
			s.fail(s.line, start-s.lineStart+1, "too many nested parentheses")
			return
		}
		s.parens = append(s.parens, openParen{c, int32(s.line), int32(start - s.lineStart + 1)})
		switch c {
		case '(':
			k = tLpar
		case '[':
			k = tLsqb
		default:
			k = tLbrace
		}
	case ')', ']', '}':
		col := start - s.lineStart + 1
		if len(s.parens) == 0 {
			s.fail(s.line, col, "unmatched '%c'", c)
			return
		}
		o := s.parens[len(s.parens)-1]
		if open := matchingOpen(c); o.ch != open {
			if int(o.line) != s.line {
				s.fail(s.line, col, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, o.ch, o.line)
			} else {
				s.fail(s.line, col, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, o.ch)
			}
			return
		}
		s.parens = s.parens[:len(s.parens)-1]
		switch c {
		case ')':
			k = tRpar
		case ']':
			k = tRsqb
		default:
			k = tRbrace
		}
	case ':':
		k = tColon
		if c1 == '=' {
			k, n = tWalrus, 2
		}
	case ',':
		k = tComma
	case ';':
		k = tSemi
	case '+':
		k = tPlus
		if c1 == '=' {
			k, n = tPlusEq, 2
		}
	case '-':
		k = tMinus
		if c1 == '=' {
			k, n = tMinusEq, 2
		} else if c1 == '>' {
			k, n = tArrow, 2
		}
	case '*':
		k = tStar
		if c1 == '=' {
			k, n = tStarEq, 2
		} else if c1 == '*' {
			k, n = tPower, 2
			if c2 == '=' {
				k, n = tPowerEq, 3
			}
		}
	case '/':
		k = tSlash
		if c1 == '=' {
			k, n = tSlashEq, 2
		} else if c1 == '/' {
			k, n = tFloorDiv, 2
			if c2 == '=' {
				k, n = tFloorDivEq, 3
			}
		}
	case '|':
		k = tVbar
		if c1 == '=' {
			k, n = tVbarEq, 2
		}
	case '&':
		k = tAmper
		if c1 == '=' {
			k, n = tAmperEq, 2
		}
	case '<':
		k = tLess
		switch c1 {
		case '=':
			k, n = tLessEq, 2
		case '>':
			k, n = tLtGt, 2
		case '<':
			k, n = tLShift, 2
			if c2 == '=' {
				k, n = tLShiftEq, 3
			}
		}
	case '>':
		k = tGreater
		switch c1 {
		case '=':
			k, n = tGreaterEq, 2
		case '>':
			k, n = tRShift, 2
			if c2 == '=' {
				k, n = tRShiftEq, 3
			}
		}
	case '=':
		k = tEqual
		if c1 == '=' {
			k, n = tEqEqual, 2
		}
	case '!':
		k = tError
		if c1 == '=' {
			k, n = tNotEqual, 2
		}
	case '.':
		k = tDot
		if c1 == '.' && c2 == '.' {
			k, n = tEllipsis, 3
		}
	case '%':
		k = tPercent
		if c1 == '=' {
			k, n = tPercentEq, 2
		}
	case '~':
		k = tTilde
	case '^':
		k = tCaret
		if c1 == '=' {
			k, n = tCaretEq, 2
		}
	case '@':
		k = tAt
		if c1 == '=' {
			k, n = tAtEq, 2
		}
	case 0:
		s.fail(s.line, start-s.lineStart+1, "source code cannot contain null bytes")
		return
	default:
		if c < ' ' || c == 0x7f {
			s.fail(s.line, start-s.lineStart+1, "invalid non-printable character U+%04X", c)
			return
		}
		k = tError // '$', '?', '`'
	}
	s.pos += n
	s.setTok(t, k, start)
}
