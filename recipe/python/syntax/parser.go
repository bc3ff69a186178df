package syntax

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// maxDepth bounds the recursion of the parser so that no input can blow
// the stack; CPython's own limits are of the same order.
const maxDepth = 1000

// Parse parses the Python 3 source src, read from filename, into a
// Module. The source may start with a UTF-8 byte order mark and may use
// CRLF or CR line endings. Any error is an *Error.
//
// The tree's identifiers and plain string literals are slices of src,
// not copies (a graph parses thousands of recipes and keeps their text
// anyway): src must not change afterwards.
func Parse(filename string, src []byte) (mod *Module, err error) {
	src, perr := prepareSource(filename, src)
	if perr != nil {
		return nil, perr
	}
	p := newParser(filename, src)
	scratch := scratchPool.Get().(*parserScratch)
	p.toks = slices.Grow(scratch.toks[:0], len(src)/5+16)
	defer func() {
		if cap(p.toks) <= 1<<16 { // keep no outsized buffer
			scratch.toks = p.toks[:0]
			scratchPool.Put(scratch)
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			mod, err = nil, b.err
			if p.sc.err == nil && !b.final {
				if e := p.sc.scanRest(int(p.toks[len(p.toks)-1].line)); e != nil {
					err = e
				}
			}
		}
	}()
	p.fill()
	return &Module{Filename: filename, Body: p.parseFile()}, nil
}

// prepareSource strips a byte order mark, normalizes line endings to \n,
// checks the encoding and makes sure the text ends with a newline.
func prepareSource(filename string, src []byte) ([]byte, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexByte(src, '\r'); i >= 0 {
		out := make([]byte, 0, len(src)+1)
		out = append(out, src[:i]...)
		for ; i < len(src); i++ {
			c := src[i]
			if c == '\r' {
				c = '\n'
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
			}
			out = append(out, c)
		}
		src = out
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line := 1 + bytes.Count(src[:i], []byte{'\n'})
		col := i - (bytes.LastIndexByte(src[:i], '\n') + 1) + 1
		return nil, &Error{Filename: filename, Pos: Pos{int32(line), int32(col)}, Msg: "source code cannot contain null bytes"}
	}
	if enc := codingCookie(src); enc != "" {
		switch normalizeEncoding(enc) {
		case "utf-8":
		case "latin-1":
			src = latin1ToUTF8(src)
		default:
			return nil, &Error{Filename: filename, Pos: Pos{1, 1}, Msg: "unsupported encoding: " + enc}
		}
	}
	if len(src) == 0 || src[len(src)-1] != '\n' {
		// Copy rather than write past the end of the caller's slice.
		src = append(src[:len(src):len(src)], '\n')
	}
	if len(src) >= math.MaxInt32 {
		// Token offsets are 32-bit.
		return nil, &Error{Filename: filename, Pos: Pos{1, 1}, Msg: "source code too large"}
	}
	return src, nil
}

// codingCookie returns the encoding named by a PEP 263 comment
// ("# -*- coding: latin-1 -*-") on one of the first two lines, or "". As
// in CPython, the second line counts only if the first one holds nothing
// but a comment or whitespace.
func codingCookie(src []byte) string {
	for n := 0; n < 2 && len(src) > 0; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		t := bytes.TrimLeft(line, " \t\f")
		if len(t) == 0 {
			continue
		}
		if t[0] != '#' {
			return ""
		}
		for {
			i := bytes.Index(t, []byte("coding"))
			if i < 0 {
				break
			}
			t = t[i+6:]
			if len(t) == 0 || t[0] != ':' && t[0] != '=' {
				continue
			}
			name := bytes.TrimLeft(t[1:], " \t")
			j := 0
			for j < len(name) && (name[j] < utf8.RuneSelf && isIdentChar[name[j]] || name[j] == '-' || name[j] == '.') {
				j++
			}
			if j > 0 {
				return string(name[:j])
			}
		}
	}
	return ""
}

// normalizeEncoding maps the encoding names that Python's codecs know
// for UTF-8 and Latin-1 (after Python's own normalization of the name) to
// "utf-8" and "latin-1".
func normalizeEncoding(enc string) string {
	var b []byte
	pending := false
	for i := 0; i < len(enc); i++ {
		c := enc[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			fallthrough
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.':
			if pending && len(b) > 0 {
				b = append(b, '_')
			}
			pending = false
			b = append(b, c)
		default:
			pending = true
		}
	}
	switch string(b) {
	case "utf_8", "utf8", "utf", "u8", "utf8_ucs2", "utf8_ucs4", "cp65001", "utf_8_sig",
		"ascii", "us_ascii", "646", "us", "ansi_x3.4_1968", "iso646_us", "cp367", "csascii", "ibm367", "iso_ir_6":
		return "utf-8"
	case "latin_1", "latin1", "latin", "l1", "iso_8859_1", "iso8859_1", "8859", "cp819", "iso_ir_100", "csisolatin1", "ibm819":
		return "latin-1"
	}
	return string(b)
}

func latin1ToUTF8(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/8)
	for _, c := range src {
		out = utf8.AppendRune(out, rune(c))
	}
	return out
}

// bailout carries a syntax error up the parser's stack. final marks the
// indentation errors that CPython reports without scanning the rest of
// the file for tokenizer errors. hard marks the errors that speculative
// parsing must not swallow: like those that CPython raises from a rule's
// action or while looking for a better message, all errors but a plain
// "invalid syntax".
type bailout struct {
	err         *Error
	final, hard bool
}

// parser is a recursive-descent parser over a lazily filled token buffer.
type parser struct {
	filename string
	src      []byte
	str      string // src, shared (see Parse)
	sc       *scanner
	toks     []token
	i        int // index of the current token
	far      int // index of the furthest token looked at, where CPython reports "invalid syntax"
	depth    int

	// bareTuple is the last tuple made without parentheses, to tell
	// "a, b = c" from "(a, b) = c" in error messages.
	bareTuple *Tuple
	// firstValue is the index of the first '=' of an assignment.
	firstValue int
	// matchNoColon is where "match subject" lacks its ':', if it does.
	matchNoColon Pos
	// The last expression parsed and where it started, for hints about
	// missing commas and mistyped comparisons.
	lastPos  Pos
	lastExpr Expr

	// For f-string expressions: the message prefix of errors, and the
	// line whose columns CPython reports relative to the expression text.
	errPrefix   string
	errLine     int
	errColShift int
}

// parserScratch is what parses reuse: the token buffer.
type parserScratch struct {
	toks []token
}

var scratchPool = sync.Pool{New: func() any { return new(parserScratch) }}

func newParser(filename string, src []byte) *parser {
	return &parser{
		filename: filename,
		src:      src,
		str:      unsafe.String(unsafe.SliceData(src), len(src)),
		sc:       newScanner(filename, src),
	}
}

// fill scans one more token into the buffer.
func (p *parser) fill() {
	p.toks = append(p.toks, token{})
	t := &p.toks[len(p.toks)-1]
	p.sc.next(t)
	if p.sc.err != nil {
		panic(bailout{err: p.sc.err, hard: true})
	}
}

func (p *parser) tok() *token          { return &p.toks[p.i] }
func (p *parser) kind() tokKind        { return p.toks[p.i].kind }
func (p *parser) pos() Pos             { t := &p.toks[p.i]; return Pos{t.line, t.col} }
func (p *parser) text(t *token) []byte { return p.src[t.off:t.end] }

func (p *parser) advance() {
	p.i++
	if p.i == len(p.toks) {
		p.fill()
	}
	if p.i > p.far {
		p.far = p.i
	}
}

// peek returns the kind of the token after the current one.
func (p *parser) peek() tokKind {
	if p.i+1 == len(p.toks) {
		if p.toks[p.i].kind == tEOF {
			return tEOF
		}
		p.fill()
	}
	if p.i+1 > p.far {
		p.far = p.i + 1
	}
	return p.toks[p.i+1].kind
}

func (p *parser) got(k tokKind) bool {
	if p.toks[p.i].kind == k {
		p.advance()
		return true
	}
	return false
}

// isName reports whether the current token is the identifier s.
func (p *parser) isName(s string) bool {
	t := &p.toks[p.i]
	return t.kind == tName && string(p.src[t.off:t.end]) == s
}

// name is the identifier of token t, sharing the source.
func (p *parser) name(t *token) string { return p.str[t.off:t.end] }

func (p *parser) failAt(pos Pos, format string, args ...any) {
	if len(args) > 0 {
		format = fmt.Sprintf(format, args...)
	}
	if p.errPrefix != "" && int(pos.Line) == p.errLine {
		pos.Col -= int32(p.errColShift)
	}
	msg := p.errPrefix + format
	panic(bailout{err: &Error{Filename: p.filename, Pos: pos, Msg: msg}, hard: format != "invalid syntax"})
}

// syntaxError reports "invalid syntax" at the current token, or an
// unexpected indentation change.
func (p *parser) syntaxError() {
	p.i = p.far
	switch p.kind() {
	case tIndent:
		p.indentError(p.pos(), "unexpected indent")
	case tDedent:
		p.indentError(p.dedentPos(), "unexpected unindent")
	}
	p.failAt(p.pos(), "invalid syntax")
}

// indentError reports an unexpected INDENT or DEDENT token.
func (p *parser) indentError(pos Pos, msg string) {
	panic(bailout{err: &Error{Filename: p.filename, Pos: pos, Msg: p.errPrefix + msg}, final: true, hard: true})
}

// dedentPos returns where CPython reports an error at the current token
// when it has no position of its own: a DEDENT or the end of the file.
func (p *parser) dedentPos() Pos {
	t := p.tok()
	if t.kind == tEOF || t.kind == tDedent && int(t.off) >= len(p.src) {
		j := p.i - 1 // the NEWLINE before
		for j > 0 && p.toks[j].kind == tDedent {
			j--
		}
		if j >= 0 {
			return p.toks[j].pos()
		}
	}
	pos := t.pos()
	if t.kind == tDedent {
		pos.Col = 0
	}
	return pos
}

func (p *parser) expect(k tokKind) {
	if !p.got(k) {
		p.syntaxError()
	}
}

// expectColon consumes the ':' of a compound statement header.
func (p *parser) expectColon() {
	if !p.got(tColon) {
		p.failAt(p.pos(), "expected ':'")
	}
}

// expectColonNL is expectColon for the statements after which CPython
// says "expected ':'" only at the end of the line.
func (p *parser) expectColonNL() {
	if !p.got(tColon) {
		if p.kind() == tNewline {
			p.failAt(p.pos(), "expected ':'")
		}
		p.syntaxError()
	}
}

func (p *parser) expectName() *token {
	t := p.tok()
	if t.kind != tName {
		p.syntaxError()
	}
	p.advance()
	return &p.toks[p.i-1]
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.failAt(p.pos(), "too many nested expressions")
	}
}

func (p *parser) leave() { p.depth-- }

// speculate runs f and reports whether it parsed without error; on a
// plain syntax error the parser is rewound. Other errors propagate.
func (p *parser) speculate(f func()) (ok bool) {
	save, depth := p.i, p.depth
	defer func() {
		if r := recover(); r != nil {
			if b, isBail := r.(bailout); !isBail || b.hard {
				panic(r)
			}
			p.i, p.depth = save, depth
			ok = false
		}
	}()
	f()
	return true
}

// check is speculate for the checks that CPython makes only while
// looking for a better error message: it also forgets how far it looked.
func (p *parser) check(f func()) bool {
	i, far := p.i, p.far
	ok := p.speculate(f)
	p.i, p.far = i, far
	return ok
}

// ---- statements ----

func (p *parser) parseFile() []Stmt {
	var body []Stmt
	for p.kind() != tEOF {
		body = p.parseStatement(body)
	}
	return body
}

// parseStatement parses one statement (or one line of simple statements)
// and appends it to list.
func (p *parser) parseStatement(list []Stmt) []Stmt {
	switch p.kind() {
	case kwDef, kwClass, tAt, kwIf, kwWhile, kwFor, kwTry, kwWith:
		return append(list, p.parseCompound())
	case kwAsync:
		switch p.peek() {
		case kwDef, kwFor, kwWith:
			return append(list, p.parseCompound())
		}
		p.advance()
		p.syntaxError()
	case tIndent:
		p.indentError(p.pos(), "unexpected indent")
	case tName:
		if p.isName("match") {
			if p.isMatchStmt() {
				p.failAt(p.pos(), "match statement is not supported")
			}
			if pos := p.matchNoColon; pos.Line > 0 {
				// "match x" alone on its line is a match statement
				// missing its colon, unless it is an expression.
				var stmts []Stmt
				if !p.speculate(func() { stmts = p.parseSimpleStmts(list) }) {
					p.failAt(pos, "expected ':'")
				}
				return stmts
			}
		}
	}
	return p.parseSimpleStmts(list)
}

func (p *parser) parseCompound() Stmt {
	p.enter()
	defer p.leave()
	switch p.kind() {
	case tAt:
		return p.parseDecorated()
	case kwDef:
		return p.parseFuncDef(nil, p.pos(), false)
	case kwClass:
		return p.parseClassDef(nil)
	case kwIf:
		return p.parseIf()
	case kwWhile:
		return p.parseWhile()
	case kwFor:
		return p.parseFor(p.pos(), false)
	case kwTry:
		return p.parseTry()
	case kwWith:
		return p.parseWith(p.pos(), false)
	case kwAsync:
		pos := p.pos()
		p.advance()
		switch p.kind() {
		case kwDef:
			return p.parseFuncDef(nil, pos, true)
		case kwFor:
			return p.parseFor(pos, true)
		case kwWith:
			return p.parseWith(pos, true)
		}
	}
	p.syntaxError()
	return nil
}

// isMatchStmt reports whether the "match" at the current token starts a
// match statement: "match" subject ':' NEWLINE.
func (p *parser) isMatchStmt() bool {
	switch p.peek() {
	case tName, tNumber, tString, tLpar, tLsqb, tLbrace, tMinus, tPlus, tTilde, tStar,
		kwNone, kwTrue, kwFalse, kwNot, kwLambda, kwAwait, tEllipsis:
	default:
		return false
	}
	save := p.i
	p.matchNoColon = Pos{}
	ok := p.speculate(func() {
		p.advance()
		p.parseStarNamedExpressions()
		if p.kind() == tNewline {
			p.matchNoColon = p.pos()
		}
		if p.kind() != tColon || p.peek() != tNewline {
			p.syntaxError()
		}
	})
	p.i = save
	return ok
}

// parseBlock parses the body of a compound statement after its ':'. what
// and line describe the statement for the error on a missing block.
func (p *parser) parseBlock(what string, line int32) []Stmt {
	if !p.got(tNewline) {
		return p.parseSimpleStmts(nil)
	}
	if p.kind() != tIndent {
		p.indentError(p.dedentPos(), fmt.Sprintf("expected an indented block after %s on line %d", what, line))
	}
	p.advance()
	var body []Stmt
	for p.kind() != tDedent && p.kind() != tEOF {
		body = p.parseStatement(body)
	}
	p.got(tDedent)
	return body
}

func (p *parser) parseSimpleStmts(list []Stmt) []Stmt {
	for {
		list = append(list, p.parseSimpleStmt())
		if p.got(tSemi) {
			if p.got(tNewline) {
				return list
			}
			continue
		}
		if !p.got(tNewline) {
			p.syntaxError()
		}
		return list
	}
}

func (p *parser) parseSimpleStmt() Stmt {
	pos := p.pos()
	switch p.kind() {
	case kwPass:
		p.advance()
		return &Pass{At{pos}}
	case kwBreak:
		p.advance()
		return &Break{At{pos}}
	case kwContinue:
		p.advance()
		return &Continue{At{pos}}
	case kwReturn:
		p.advance()
		s := &Return{At: At{pos}}
		if !p.atStmtEnd() {
			s.Value = p.parseStarExpressions()
		}
		return s
	case kwImport:
		return p.parseImport()
	case kwFrom:
		return p.parseFromImport()
	case kwRaise:
		p.advance()
		s := &Raise{At: At{pos}}
		if !p.atStmtEnd() {
			s.Exc = p.parseExpression()
			if p.got(kwFrom) {
				s.Cause = p.parseExpression()
			}
		}
		return s
	case kwGlobal, kwNonlocal:
		k := p.kind()
		p.advance()
		var names []string
		for {
			names = append(names, p.name(p.expectName()))
			if !p.got(tComma) {
				break
			}
		}
		if k == kwGlobal {
			return &Global{At{pos}, names}
		}
		return &Nonlocal{At{pos}, names}
	case kwDel:
		return p.parseDel()
	case kwAssert:
		p.advance()
		s := &Assert{At: At{pos}, Test: p.parseExpression()}
		if p.got(tComma) {
			s.Msg = p.parseExpression()
		}
		return s
	}
	return p.parseExprStmt()
}

// atStmtEnd reports whether the current token ends a simple statement.
func (p *parser) atStmtEnd() bool {
	k := p.kind()
	return k == tNewline || k == tSemi || k == tEOF
}

func (p *parser) parseExprStmt() Stmt {
	pos := p.pos()
	firstTok := p.kind()
	var first Expr
	if p.kind() == kwYield {
		first = p.parseYield()
	} else {
		first = p.parseStarExpressions()
	}
	switch k := p.kind(); {
	case k == tEqual:
		targets := []Expr{first}
		var value Expr
		for p.got(tEqual) {
			if len(targets) > 1 && firstTok == tName && invalidTarget(targets[len(targets)-1], false) != nil {
				// "x = a, 1 = b": CPython suggests that the first '='
				// was meant as a comparison.
				if _, ok := first.(*Name); ok {
					i := p.i
					p.i = p.firstValue
					p.equalsHint(pos, first)
					p.i = i
				}
			}
			p.checkAssignTarget(targets[len(targets)-1])
			if len(targets) == 1 {
				p.firstValue = p.i - 1
			}
			if p.kind() == kwYield {
				value = p.parseYield()
			} else {
				value = p.parseStarExpressions()
			}
			if p.kind() == tEqual {
				targets = append(targets, value)
			}
		}
		return &Assign{At: At{pos}, Targets: targets, Value: value}
	case k.isAugAssign():
		op := augOps[k-tPlusEq]
		switch first.(type) {
		case *Name, *Attribute, *Subscript:
		default:
			p.failAt(first.Position(), "'%s' is an illegal expression for augmented assignment", exprName(first))
		}
		p.advance()
		var value Expr
		if p.kind() == kwYield {
			value = p.parseYield()
		} else {
			value = p.parseStarExpressions()
		}
		return &AugAssign{At: At{pos}, Target: first, Op: op, Value: value}
	case k == tColon:
		switch first.(type) {
		case *Name, *Attribute, *Subscript:
		default:
			// CPython complains about the target only if an annotation
			// follows.
			if !p.check(func() { p.advance(); p.parseExpression() }) {
				p.failAt(p.pos(), "invalid syntax")
			}
			switch first.(type) {
			case *Tuple:
				p.failAt(pos, "only single target (not tuple) can be annotated")
			case *List:
				p.failAt(pos, "only single target (not list) can be annotated")
			}
			p.failAt(pos, "illegal target for annotation")
		}
		p.advance()
		s := &AnnAssign{At: At{pos}, Target: first, Annotation: p.parseExpression()}
		_, isName := first.(*Name)
		s.Simple = isName && firstTok != tLpar
		if p.got(tEqual) {
			if p.kind() == kwYield {
				s.Value = p.parseYield()
			} else {
				s.Value = p.parseStarExpressions()
			}
		}
		return s
	}
	if n, ok := first.(*Name); ok && (n.ID == "print" || n.ID == "exec") && p.startsExpr() {
		p.failAt(pos, "Missing parentheses in call to '%s'. Did you mean %s(...)?", n.ID, n.ID)
	}
	return &ExprStmt{At{pos}, first}
}

func (p *parser) parseDel() Stmt {
	pos := p.pos()
	p.advance()
	var targets []Expr
	for {
		var e Expr
		if p.kind() == tStar {
			e = p.parseStarExpression()
		} else {
			e = p.parseExpression()
		}
		p.checkDelTarget(e)
		targets = append(targets, e)
		if !p.got(tComma) || p.atStmtEnd() {
			break
		}
	}
	if !p.atStmtEnd() {
		p.syntaxError()
	}
	return &Delete{At{pos}, targets}
}

func (p *parser) parseDottedName() string {
	t := p.expectName()
	if p.kind() != tDot {
		return p.name(t)
	}
	b := append([]byte(nil), p.text(t)...)
	for p.got(tDot) {
		b = append(b, '.')
		b = append(b, p.text(p.expectName())...)
	}
	return string(b)
}

func (p *parser) parseImport() Stmt {
	pos := p.pos()
	p.advance()
	var names []*Alias
	for {
		a := &Alias{At: At{p.pos()}, Name: p.parseDottedName()}
		if p.got(kwAs) {
			a.Asname = p.name(p.expectName())
		}
		names = append(names, a)
		if !p.got(tComma) {
			break
		}
	}
	return &Import{At{pos}, names}
}

func (p *parser) parseFromImport() Stmt {
	pos := p.pos()
	p.advance()
	s := &ImportFrom{At: At{pos}}
	for {
		if p.got(tDot) {
			s.Level++
		} else if p.got(tEllipsis) {
			s.Level += 3
		} else {
			break
		}
	}
	if s.Level == 0 || p.kind() != kwImport {
		s.Module = p.parseDottedName()
	}
	if !p.got(kwImport) {
		p.syntaxError()
	}
	if p.kind() == tStar {
		s.Names = []*Alias{{At: At{p.pos()}, Name: "*"}}
		p.advance()
		return s
	}
	paren := p.got(tLpar)
	for {
		a := &Alias{At: At{p.pos()}, Name: p.name(p.expectName())}
		if p.got(kwAs) {
			a.Asname = p.name(p.expectName())
		}
		s.Names = append(s.Names, a)
		if !p.got(tComma) {
			break
		}
		if paren && p.kind() == tRpar {
			break
		}
		if !paren && p.atStmtEnd() {
			p.failAt(p.pos(), "trailing comma not allowed without surrounding parentheses")
		}
	}
	if paren {
		p.expect(tRpar)
	}
	return s
}

func (p *parser) parseDecorated() Stmt {
	var decos []Expr
	for p.got(tAt) {
		d := p.parseNamedExpression()
		if p.kind() == tEqual {
			p.badElement()
		}
		decos = append(decos, d)
		p.expect(tNewline)
	}
	pos := p.pos()
	switch p.kind() {
	case kwDef:
		return p.parseFuncDef(decos, pos, false)
	case kwClass:
		return p.parseClassDef(decos)
	case kwAsync:
		if p.peek() == kwDef {
			p.advance()
			return p.parseFuncDef(decos, pos, true)
		}
	}
	p.syntaxError()
	return nil
}

func (p *parser) parseFuncDef(decos []Expr, pos Pos, async bool) Stmt {
	p.advance() // def
	s := &FunctionDef{At: At{pos}, DecoratorList: decos, Async: async}
	s.Name = p.name(p.expectName())
	if !p.got(tLpar) {
		p.failAt(p.pos(), "expected '('")
	}
	s.Args = p.parseParams(tRpar, true)
	p.expect(tRpar)
	if p.kind() == tArrow {
		if !canStartExpr(p.peek()) {
			p.failAt(p.pos(), "expected ':'")
		}
		p.advance()
		s.Returns = p.parseExpression()
	}
	p.expectColon()
	s.Body = p.parseBlock("function definition", pos.Line)
	if s.DecoratorList == nil {
		s.DecoratorList = []Expr{}
	}
	return s
}

// parseParams parses a def (annotations allowed) or lambda parameter list
// up to the closing token end, which it does not consume.
func (p *parser) parseParams(end tokKind, annotations bool) *Arguments {
	a := &Arguments{}
	var args []*Arg
	var defaults []Expr
	seenSlash, seenStar, seenKwarg := false, false, false
	param := func(star bool) *Arg {
		t := p.expectName()
		arg := &Arg{At: At{t.pos()}, Arg: p.name(t)}
		if annotations && p.got(tColon) {
			if star && p.kind() == tStar {
				arg.Annotation = p.parseStarExpression()
			} else {
				arg.Annotation = p.parseExpression()
			}
		}
		return arg
	}
	for p.kind() != end {
		if seenKwarg {
			p.failAt(p.pos(), "arguments cannot follow var-keyword argument")
		}
		switch p.kind() {
		case tSlash:
			if seenStar {
				p.failAt(p.pos(), "/ must be ahead of *")
			}
			if seenSlash {
				p.failAt(p.pos(), "/ may appear only once")
			}
			if len(args) == 0 {
				p.syntaxError()
			}
			seenSlash = true
			p.advance()
			a.PosOnlyArgs, args = args, nil
		case tStar:
			starPos := p.pos()
			if seenStar {
				if k := p.peek(); k == tName || k == tComma {
					p.failAt(starPos, "* argument may appear only once")
				}
				p.advance()
				p.syntaxError()
			}
			seenStar = true
			p.advance()
			if p.kind() == tComma || p.kind() == end {
				// A bare star must be followed by keyword-only parameters.
				if p.kind() == end || p.peek() == end || p.peek() == tPower {
					p.failAt(starPos, "named arguments must follow bare *")
				}
				break
			}
			a.Vararg = param(true)
			if p.kind() == tEqual {
				p.failAt(p.pos(), "var-positional argument cannot have default value")
			}
		case tPower:
			p.advance()
			a.Kwarg = param(false)
			if p.kind() == tEqual {
				p.failAt(p.pos(), "var-keyword argument cannot have default value")
			}
			seenKwarg = true
		default:
			arg := param(false)
			var def Expr
			if p.got(tEqual) {
				def = p.parseExpression()
			}
			if seenStar {
				a.KwOnlyArgs = append(a.KwOnlyArgs, arg)
				a.KwDefaults = append(a.KwDefaults, def)
			} else {
				if def != nil {
					defaults = append(defaults, def)
				} else if len(defaults) > 0 {
					p.failAt(arg.P, "non-default argument follows default argument")
				}
				args = append(args, arg)
			}
		}
		if !p.got(tComma) {
			break
		}
	}
	if p.kind() != end {
		p.syntaxError()
	}
	a.Args = args
	a.Defaults = defaults
	if a.PosOnlyArgs == nil {
		a.PosOnlyArgs = []*Arg{}
	}
	if a.Args == nil {
		a.Args = []*Arg{}
	}
	if a.KwOnlyArgs == nil {
		a.KwOnlyArgs = []*Arg{}
		a.KwDefaults = []Expr{}
	}
	if a.Defaults == nil {
		a.Defaults = []Expr{}
	}
	return a
}

func (p *parser) parseClassDef(decos []Expr) Stmt {
	pos := p.pos()
	p.advance()
	s := &ClassDef{At: At{pos}, DecoratorList: decos}
	s.Name = p.name(p.expectName())
	if p.kind() == tLpar {
		lpar := p.pos()
		p.advance()
		s.Bases, s.Keywords = p.parseCallArgs(lpar, false)
		p.expect(tRpar)
	}
	p.expectColonNL()
	s.Body = p.parseBlock("class definition", pos.Line)
	if s.Bases == nil {
		s.Bases = []Expr{}
	}
	if s.Keywords == nil {
		s.Keywords = []*Keyword{}
	}
	if s.DecoratorList == nil {
		s.DecoratorList = []Expr{}
	}
	return s
}

func (p *parser) parseIf() Stmt {
	pos := p.pos()
	what := "'if' statement"
	if p.kind() == kwElif {
		what = "'elif' statement"
	}
	p.advance()
	s := &If{At: At{pos}, Test: p.parseCondition()}
	p.expectColonNL()
	s.Body = p.parseBlock(what, pos.Line)
	switch p.kind() {
	case kwElif:
		p.enter()
		s.Orelse = []Stmt{p.parseIf()}
		p.leave()
	case kwElse:
		s.Orelse = p.parseElse()
	default:
		s.Orelse = []Stmt{}
	}
	return s
}

// parseCondition parses the condition of an if, elif or while statement.
func (p *parser) parseCondition() Expr {
	e := p.parseNamedExpression()
	if p.kind() == tEqual {
		p.equalsHint(p.lastPos, p.lastExpr)
	}
	return e
}

func (p *parser) parseElse() []Stmt {
	line := p.pos().Line
	p.advance()
	p.expectColon()
	return p.parseBlock("'else' statement", line)
}

func (p *parser) parseWhile() Stmt {
	pos := p.pos()
	p.advance()
	s := &While{At: At{pos}, Test: p.parseCondition()}
	p.expectColonNL()
	s.Body = p.parseBlock("'while' statement", pos.Line)
	s.Orelse = []Stmt{}
	if p.kind() == kwElse {
		s.Orelse = p.parseElse()
	}
	return s
}

func (p *parser) parseFor(pos Pos, async bool) Stmt {
	line := p.pos().Line
	p.advance()
	s := &For{At: At{pos}, Async: async}
	s.Target = p.parseStarTargets()
	if !p.got(kwIn) {
		p.syntaxError()
	}
	s.Iter = p.parseStarExpressions()
	p.expectColonNL()
	s.Body = p.parseBlock("'for' statement", line)
	s.Orelse = []Stmt{}
	if p.kind() == kwElse {
		s.Orelse = p.parseElse()
	}
	return s
}

func (p *parser) parseWith(pos Pos, async bool) Stmt {
	line := p.pos().Line
	p.advance()
	s := &With{At: At{pos}, Async: async}
	if p.kind() == tLpar {
		// "with (a as b, c):" — a parenthesized list of items, unless the
		// parenthesis turns out to be part of the first expression.
		p.speculate(func() {
			p.advance()
			var items []*WithItem
			for {
				items = append(items, p.parseWithItem())
				if !p.got(tComma) || p.kind() == tRpar {
					break
				}
			}
			p.expect(tRpar)
			if p.kind() != tColon {
				p.syntaxError()
			}
			s.Items = items
		})
	}
	if s.Items == nil {
		for {
			s.Items = append(s.Items, p.parseWithItem())
			if !p.got(tComma) {
				break
			}
		}
	}
	p.expectColonNL()
	s.Body = p.parseBlock("'with' statement", line)
	return s
}

func (p *parser) parseWithItem() *WithItem {
	it := &WithItem{ContextExpr: p.parseExpression()}
	if p.got(kwAs) {
		it.OptionalVars = p.parseStarTarget()
		switch p.kind() {
		case tComma, tRpar, tColon:
		default:
			p.syntaxError()
		}
		p.checkStoreTarget(it.OptionalVars)
	}
	return it
}

func (p *parser) parseTry() Stmt {
	pos := p.pos()
	p.advance()
	p.expectColon()
	s := &Try{At: At{pos}}
	s.Body = p.parseBlock("'try' statement", pos.Line)
	s.Handlers = []*ExceptHandler{}
	seenPlain := false
	for p.kind() == kwExcept {
		hpos := p.pos()
		p.advance()
		h := &ExceptHandler{At: At{hpos}}
		star := p.got(tStar)
		what := "'except' statement"
		if star {
			what = "'except*' statement"
			if p.kind() == tColon || p.kind() == tNewline {
				p.failAt(p.pos(), "expected one or more exception types")
			}
		}
		if len(s.Handlers) > 0 && star != s.Star || star && seenPlain {
			p.failAt(hpos, "cannot have both 'except' and 'except*' on the same 'try'")
		}
		s.Star = star
		seenPlain = seenPlain || !star
		if p.kind() != tColon {
			h.Type = p.parseExpression()
			if p.kind() == tComma {
				tpos := h.Type.Position()
				p.failAt(tpos, "multiple exception types must be parenthesized")
			}
			if p.got(kwAs) {
				h.Name = p.name(p.expectName())
			}
		}
		p.expectColonNL()
		h.Body = p.parseBlock(what, hpos.Line)
		s.Handlers = append(s.Handlers, h)
	}
	s.Orelse = []Stmt{}
	s.Finalbody = []Stmt{}
	if len(s.Handlers) > 0 && p.kind() == kwElse {
		s.Orelse = p.parseElse()
	}
	if p.kind() == kwFinally {
		line := p.pos().Line
		p.advance()
		p.expectColon()
		s.Finalbody = p.parseBlock("'finally' statement", line)
	} else if len(s.Handlers) == 0 {
		p.failAt(p.dedentPos(), "expected 'except' or 'finally' block")
	}
	return s
}
