package syntax

import (
	"bytes"
	"fmt"
	"unicode/utf8"
	"unsafe"
)

// strBody returns the text of a string token between its quotes.
func (p *parser) strBody(t *token) []byte {
	return p.src[int(t.off)+int(t.plen)+int(t.qlen) : int(t.end)-int(t.qlen)]
}

// strBodyString is strBody as a string sharing the source.
func (p *parser) strBodyString(t *token) string {
	return p.str[int(t.off)+int(t.plen)+int(t.qlen) : int(t.end)-int(t.qlen)]
}

// parseStrings parses adjacent string literals into one Constant, or one
// JoinedStr when any of them is an f-string, as CPython does.
func (p *parser) parseStrings() Expr {
	start := p.i
	for p.kind() == tString {
		p.advance()
	}
	end := p.i
	errPos := p.pos() // CPython reports string errors at the following token
	first := p.toks[start]
	pos := first.pos()
	isBytes := first.flags&strBytes != 0
	fmode := false
	for i := start; i < end; i++ {
		t := &p.toks[i]
		if (t.flags&strBytes != 0) != isBytes {
			p.failAt(errPos, "cannot mix bytes and nonbytes literals")
		}
		if t.flags&strFmt != 0 {
			fmode = true
		}
	}
	if isBytes {
		var buf []byte
		for i := start; i < end; i++ {
			t := &p.toks[i]
			body := p.strBody(t)
			for _, c := range body {
				if c >= utf8.RuneSelf {
					p.failAt(errPos, "bytes can only contain ASCII literal characters")
				}
			}
			if t.flags&strRaw != 0 {
				buf = append(buf, body...)
			} else {
				buf = p.unescape(buf, body, true, errPos)
			}
		}
		return &Constant{At: At{pos}, Value: ConstValue{Kind: KindBytes, Str: string(buf)}}
	}
	for i := start; i < end; i++ {
		t := &p.toks[i]
		if body := p.strBody(t); !utf8.Valid(body) {
			if t.flags&strRaw == 0 && bytes.IndexByte(body, '\\') >= 0 {
				// With escapes, CPython decodes each run of non-ASCII
				// bytes on its own.
				_, bad := utf8Error(body)
				lo, hi := bad, bad
				for lo > 0 && body[lo-1] >= utf8.RuneSelf {
					lo--
				}
				for hi < len(body) && body[hi] >= utf8.RuneSelf {
					hi++
				}
				body = body[lo:hi]
			}
			p.failAt(errPos, "(unicode error) %s", utf8ErrorText(body))
		}
	}
	u := first.flags&strU != 0
	if !fmode {
		if end-start == 1 {
			body := p.strBody(&first)
			if first.flags&strRaw != 0 || bytes.IndexByte(body, '\\') < 0 {
				return &Constant{At: At{pos}, Value: ConstValue{Kind: KindStr, Str: p.strBodyString(&first), U: u}}
			}
		}
		var buf []byte
		for i := start; i < end; i++ {
			t := &p.toks[i]
			if t.flags&strRaw != 0 {
				buf = append(buf, p.strBody(t)...)
			} else {
				buf = p.unescape(buf, p.strBody(t), false, errPos)
			}
		}
		return &Constant{At: At{pos}, Value: ConstValue{Kind: KindStr, Str: string(buf), U: u}}
	}
	b := &fsBuilder{}
	for i := start; i < end; i++ {
		t := p.toks[i]
		body := p.strBody(&t)
		if t.flags&strFmt == 0 {
			if t.flags&strRaw != 0 {
				b.lit = append(b.lit, body...)
			} else {
				b.lit = p.unescape(b.lit, body, false, errPos)
			}
			continue
		}
		c := &fsCtx{
			t:       &t,
			body:    body,
			bodyOff: int(t.off) + int(t.plen) + int(t.qlen),
			raw:     t.flags&strRaw != 0,
			first:   pos,
			u:       u,
			errPos:  errPos,
		}
		p.fsParse(c, b, 0, 0)
	}
	b.flush(pos, u)
	return &JoinedStr{At{pos}, b.values}
}

// utf8ErrorText describes the first invalid UTF-8 sequence of b as
// Python's UTF-8 decoder does.
func utf8ErrorText(b []byte) string {
	text, _ := utf8Error(b)
	return text
}

// utf8Error is utf8ErrorText that also returns the offset of the bad
// sequence.
func utf8Error(b []byte) (string, int) {
	start, end, reason := 0, 0, ""
	for i := 0; i < len(b) && reason == ""; {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		n, lo, hi := 0, byte(0x80), byte(0xBF)
		switch {
		case c >= 0xC2 && c <= 0xDF:
			n = 1
		case c == 0xE0:
			n, lo = 2, 0xA0
		case c == 0xED:
			n, hi = 2, 0x9F
		case c >= 0xE1 && c <= 0xEF:
			n = 2
		case c == 0xF0:
			n, lo = 3, 0x90
		case c == 0xF4:
			n, hi = 3, 0x8F
		case c >= 0xF1 && c <= 0xF3:
			n = 3
		default:
			start, end, reason = i, i+1, "invalid start byte"
			continue
		}
		for k := 1; k <= n && reason == ""; k++ {
			if i+k >= len(b) {
				start, end, reason = i, len(b), "unexpected end of data"
			} else if cb := b[i+k]; cb < lo || cb > hi {
				start, end, reason = i, i+k, "invalid continuation byte"
			}
			lo, hi = 0x80, 0xBF
		}
		i += n + 1
	}
	if end-start == 1 {
		return fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[start], start, reason), start
	}
	return fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: %s", start, end-1, reason), start
}

// unescape appends s with its backslash escapes decoded to dst. In bytes
// mode \u, \U and \N are not escapes and octal escapes wrap at 256.
// Invalid escapes are reported at errPos.
func (p *parser) unescape(dst, s []byte, bytesMode bool, errPos Pos) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			dst = append(dst, c)
			i++
			continue
		}
		start := i
		i++
		if i >= len(s) {
			// Only possible for a piece of an f-string: kept verbatim.
			dst = append(dst, '\\')
			break
		}
		c = s[i]
		i++
		switch c {
		case '\n':
		case '\\', '\'', '"':
			dst = append(dst, c)
		case 'a':
			dst = append(dst, '\a')
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'v':
			dst = append(dst, '\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := rune(c - '0')
			for n := 1; n < 3 && i < len(s) && s[i] >= '0' && s[i] <= '7'; n++ {
				v = v*8 + rune(s[i]-'0')
				i++
			}
			if bytesMode {
				dst = append(dst, byte(v))
			} else {
				dst = utf8.AppendRune(dst, v)
			}
		case 'x', 'u', 'U':
			n := 2
			if bytesMode && c != 'x' {
				dst = append(dst, '\\', c)
				continue
			}
			switch c {
			case 'u':
				n = 4
			case 'U':
				n = 8
			}
			var v uint32
			k := 0
			for ; k < n && i < len(s) && isHexDigit(s[i]); k++ {
				v = v*16 + uint32(hexVal(s[i]))
				i++
			}
			if k < n {
				if bytesMode {
					p.failAt(errPos, "(value error) invalid \\x escape at position %d", start)
				}
				p.failAt(errPos, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: truncated \\%c%s escape",
					escapeOffset(s, start), escapeOffset(s, i)-1, c, "XXXXXXXX"[:n])
			}
			switch {
			case bytesMode:
				dst = append(dst, byte(v))
			case v > utf8.MaxRune:
				p.failAt(errPos, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: illegal Unicode character",
					escapeOffset(s, start), escapeOffset(s, i)-1)
			default:
				dst = appendWTF8(dst, rune(v))
			}
		case 'N':
			if bytesMode {
				dst = append(dst, '\\', c)
				continue
			}
			// Named escapes need the Unicode name table, which the Go
			// standard library lacks.
			end := -1
			if i < len(s) && s[i] == '{' {
				end = bytes.IndexByte(s[i:], '}')
			}
			if end <= 1 {
				p.failAt(errPos, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: malformed \\N character escape",
					escapeOffset(s, start), escapeOffset(s, i)-1)
			}
			p.failAt(errPos, "(unicode error) 'unicodeescape' codec can't decode bytes in position %d-%d: \\N{...} escapes are not supported",
				escapeOffset(s, start), escapeOffset(s, i+end))
		default:
			// Unknown escapes are kept verbatim, backslash included.
			dst = append(dst, '\\')
			i--
		}
	}
	return dst
}

// escapeOffset converts an offset in a literal's text to the position
// CPython's unicode-escape decoder reports, which sees every non-ASCII
// character as a 10-byte \UXXXXXXXX escape.
func escapeOffset(s []byte, off int) int {
	n := 0
	for i := 0; i < off && i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			n++
			continue
		}
		_, size := utf8.DecodeRune(s[i:])
		i += size
		n += 10
	}
	return n
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}

// appendWTF8 appends r in UTF-8, encoding lone surrogates (which Python
// strings may hold) the way UTF-8 would encode any other code point.
func appendWTF8(dst []byte, r rune) []byte {
	if r >= 0xD800 && r <= 0xDFFF {
		return append(dst, 0xED, byte(0xA0|(r>>6)&0x1F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(dst, r)
}

// fsBuilder accumulates the parts of a JoinedStr: literal text is merged
// until a replacement field forces it out as a Constant.
type fsBuilder struct {
	values []Expr
	lit    []byte
}

func (b *fsBuilder) flush(pos Pos, u bool) {
	if len(b.lit) > 0 {
		b.values = append(b.values, &Constant{At: At{pos}, Value: ConstValue{Kind: KindStr, Str: string(b.lit), U: u}})
		b.lit = b.lit[:0]
	}
}

// fsCtx describes the f-string token being parsed.
type fsCtx struct {
	t       *token
	body    []byte // the text between the quotes
	bodyOff int    // offset of body in the source
	raw     bool
	first   Pos  // position of the first string of the concatenation
	u       bool // the concatenation started with a u-string
	errPos  Pos
}

func (p *parser) fsFail(c *fsCtx, format string, args ...any) {
	p.failAt(c.errPos, format, args...)
}

// fsParse parses literal text and replacement fields of c.body from i
// into b. At level 0 it runs to the end of the body; in a format spec
// (level > 0) it stops at the '}' closing the field, whose index it
// returns.
func (p *parser) fsParse(c *fsCtx, b *fsBuilder, i int, level int) int {
	body := c.body
	for i < len(body) {
		start := i
		for i < len(body) {
			ch := body[i]
			if ch == '\\' && !c.raw && i+1 < len(body) {
				if body[i+1] == 'N' && i+2 < len(body) && body[i+2] == '{' {
					// A named escape: its braces are not a field.
					if end := bytes.IndexByte(body[i+2:], '}'); end >= 0 {
						i += 2 + end + 1
						continue
					}
				}
				if next := body[i+1]; next == '{' || next == '}' {
					i++ // the brace keeps its meaning; the backslash stays literal
				} else {
					i += 2
				}
				continue
			}
			if ch == '{' || ch == '}' {
				if level == 0 {
					if i+1 < len(body) && body[i+1] == ch {
						b.lit = p.fsLiteral(c, b.lit, body[start:i+1])
						i += 2
						start = i
						continue
					}
					if ch == '}' {
						p.fsFail(c, "f-string: single '}' is not allowed")
					}
				}
				break
			}
			i++
		}
		b.lit = p.fsLiteral(c, b.lit, body[start:i])
		if i >= len(body) || body[i] == '}' {
			break
		}
		i = p.fsField(c, b, i+1, level)
	}
	return i
}

// fsLiteral appends a piece of literal f-string text, decoded, to dst.
func (p *parser) fsLiteral(c *fsCtx, dst, s []byte) []byte {
	if c.raw {
		return append(dst, s...)
	}
	return p.unescape(dst, s, false, c.errPos)
}

// fsField parses a replacement field whose expression starts at body[i]
// (just after the '{') and returns the index after its closing '}'.
func (p *parser) fsField(c *fsCtx, b *fsBuilder, i int, level int) int {
	body := c.body
	if level >= 2 {
		p.fsFail(c, "f-string: expressions nested too deeply")
	}
	exprStart := i
	var stack []byte
	var quote byte
	triple := false
scan:
	for i < len(body) {
		ch := body[i]
		if ch == '\\' {
			p.fsFail(c, "f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if ch == quote {
				if !triple {
					quote = 0
				} else if i+2 < len(body) && body[i+1] == ch && body[i+2] == ch {
					quote = 0
					i += 3
					continue
				}
			}
			i++
			continue
		}
		switch ch {
		case '\'', '"':
			quote = ch
			triple = i+2 < len(body) && body[i+1] == ch && body[i+2] == ch
			if triple {
				i += 2
			}
		case '(', '[', '{':
			if len(stack) >= maxParenNesting {
				p.fsFail(c, "f-string: too many nested parenthesis")
			}
			stack = append(stack, ch)
		case '#':
			p.fsFail(c, "f-string expression part cannot include '#'")
		case '!', ':', '=', '<', '>', '}':
			if len(stack) > 0 {
				if ch == '}' {
					open := stack[len(stack)-1]
					if open != '{' {
						p.fsFail(c, "f-string: closing parenthesis '}' does not match opening parenthesis '%c'", open)
					}
					stack = stack[:len(stack)-1]
				}
				break
			}
			if ch != '}' && ch != ':' && i+1 < len(body) && body[i+1] == '=' {
				i += 2 // !=, ==, <=, >=
				continue
			}
			if ch == '<' || ch == '>' {
				break
			}
			break scan
		case ')', ']':
			if len(stack) == 0 {
				p.fsFail(c, "f-string: unmatched '%c'", ch)
			}
			open := stack[len(stack)-1]
			if open != matchingOpen(ch) {
				p.fsFail(c, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open)
			}
			stack = stack[:len(stack)-1]
		}
		i++
	}
	if quote != 0 {
		p.fsFail(c, "f-string: unterminated string")
	}
	if len(stack) > 0 {
		p.fsFail(c, "f-string: unmatched '%c'", stack[len(stack)-1])
	}
	if i >= len(body) {
		p.fsFail(c, "f-string: expecting '}'")
	}
	if len(bytes.TrimLeft(body[exprStart:i], " \t\n\r\f\v")) == 0 {
		if body[i] == '}' {
			p.fsFail(c, "f-string: empty expression not allowed")
		}
		p.fsFail(c, "f-string: expression required before '%c'", body[i])
	}
	value := p.fsCompile(c, exprStart, i)

	var exprText []byte
	if body[i] == '=' {
		i++
		for i < len(body) && isSpaceByte(body[i]) {
			i++
		}
		if i >= len(body) {
			p.fsFail(c, "f-string: expecting '}'")
		}
		exprText = body[exprStart:i]
	}
	conv := -1
	if body[i] == '!' {
		i++
		if i >= len(body) {
			p.fsFail(c, "f-string: expecting '}'")
		}
		conv = int(body[i])
		i++
		if conv != 's' && conv != 'r' && conv != 'a' {
			p.fsFail(c, "f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
	}
	var spec Expr
	if i < len(body) && body[i] == ':' {
		i++
		if i >= len(body) {
			p.fsFail(c, "f-string: expecting '}'")
		}
		sb := &fsBuilder{}
		i = p.fsParse(c, sb, i, level+1)
		tpos := c.t.pos()
		sb.flush(tpos, false)
		spec = &JoinedStr{At{tpos}, sb.values}
	}
	if i >= len(body) || body[i] != '}' {
		p.fsFail(c, "f-string: expecting '}'")
	}
	i++
	if exprText != nil && spec == nil && conv == -1 {
		conv = 'r'
	}
	b.lit = append(b.lit, exprText...)
	b.flush(c.first, c.u)
	b.values = append(b.values, &FormattedValue{At: At{c.first}, Value: value, Conversion: conv, FormatSpec: spec})
	return i
}

func isSpaceByte(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v':
		return true
	}
	return false
}

// fsCompile parses the expression of a replacement field, c.body[start:end],
// as CPython 3.11 does: as star_expressions wrapped in parentheses. Nodes
// get their true positions in the file.
func (p *parser) fsCompile(c *fsCtx, start, end int) Expr {
	text := c.body[start:end]
	buf := make([]byte, 0, len(text)+3)
	buf = append(buf, '(')
	buf = append(buf, text...)
	buf = append(buf, ')', '\n')

	// Position of the '{' before the expression.
	line, col := int(c.t.line), int(c.t.col)
	off := int(c.t.off)
	brace := c.bodyOff + start - 1
	if nl := bytes.LastIndexByte(p.src[off:brace], '\n'); nl >= 0 {
		line += bytes.Count(p.src[off:brace], []byte{'\n'})
		col = brace - (off + nl + 1) + 1
	} else {
		col += brace - off
	}

	sub := &parser{
		filename:  p.filename,
		src:       buf,
		str:       unsafe.String(unsafe.SliceData(buf), len(buf)),
		sc:        newScanner(p.filename, buf),
		depth:     p.depth + 1,
		errPrefix: "f-string: ",
	}
	sub.sc.line = line
	sub.sc.firstLine = line
	sub.sc.colShift = col - 1
	sub.sc.errPrefix = "f-string: "
	sub.errLine, sub.errColShift = line, col-1
	if sub.depth > maxDepth {
		p.fsFail(c, "too many nested expressions")
	}
	sub.fill()
	e := sub.parseStarExpressions()
	if sub.kind() != tNewline {
		sub.syntaxError()
	}
	return e
}
