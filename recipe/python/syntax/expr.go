package syntax

import (
	"math/big"
	"strconv"
)

// canStartExpr reports whether a token of kind k can begin an expression
// (including a starred one).
func canStartExpr(k tokKind) bool {
	switch k {
	case tName, tNumber, tString, tLpar, tLsqb, tLbrace, tMinus, tPlus, tTilde, tStar,
		tEllipsis, kwNone, kwTrue, kwFalse, kwNot, kwLambda, kwAwait:
		return true
	}
	return false
}

// startsExpr reports whether the current token begins an expression but
// cannot continue one, the sign of a missing comma or operator.
func (p *parser) startsExpr() bool {
	switch p.kind() {
	case tName, tNumber, tString, tLbrace, tTilde, tEllipsis,
		kwNone, kwTrue, kwFalse, kwLambda, kwAwait:
		return true
	}
	return false
}

// parseStarExpressions parses star_expressions: one expression, or a
// tuple of (possibly starred) expressions with an optional trailing comma.
func (p *parser) parseStarExpressions() Expr {
	pos := p.pos()
	e := p.parseStarExpression()
	if p.kind() != tComma {
		return e
	}
	elts := []Expr{e}
	for p.got(tComma) {
		if !canStartExpr(p.kind()) {
			break
		}
		elts = append(elts, p.parseStarExpression())
	}
	t := &Tuple{At{pos}, elts}
	p.bareTuple = t
	return t
}

// parseStarExpression parses '*' bitwise_or | expression.
func (p *parser) parseStarExpression() Expr {
	if p.kind() == tStar {
		pos := p.pos()
		p.advance()
		return &Starred{At{pos}, p.parseBitOr()}
	}
	return p.parseExpression()
}

// parseStarNamedExpression parses '*' bitwise_or | named_expression.
func (p *parser) parseStarNamedExpression() Expr {
	if p.kind() == tStar {
		pos := p.pos()
		p.advance()
		return &Starred{At{pos}, p.parseBitOr()}
	}
	return p.parseNamedExpression()
}

// parseStarNamedExpressions parses a comma-separated list of
// star_named_expression, as a tuple when there is a comma.
func (p *parser) parseStarNamedExpressions() Expr {
	pos := p.pos()
	e := p.parseStarNamedExpression()
	if p.kind() != tComma {
		return e
	}
	elts := []Expr{e}
	for p.got(tComma) {
		if !canStartExpr(p.kind()) {
			break
		}
		elts = append(elts, p.parseStarNamedExpression())
	}
	return &Tuple{At{pos}, elts}
}

// parseNamedExpression parses NAME ':=' expression | expression.
func (p *parser) parseNamedExpression() Expr {
	if p.kind() == tName && p.peek() == tWalrus {
		t := p.tok()
		pos := t.pos()
		target := &Name{At{pos}, p.name(t)}
		p.advance()
		p.advance()
		e := &NamedExpr{At{pos}, target, p.parseExpression()}
		p.lastPos, p.lastExpr = pos, e
		return e
	}
	e := p.parseExpression()
	switch p.kind() {
	case tWalrus:
		p.failAt(e.Position(), "cannot use assignment expressions with %s", exprName(e))
	}
	return e
}

// parseExpression parses a conditional expression or a lambda.
func (p *parser) parseExpression() Expr {
	switch p.kind() {
	case kwLambda:
		return p.parseLambda()
	case tString, tNumber, kwNone, kwTrue, kwFalse:
		// Mostly a literal alone (a dict's key or value, an argument):
		// the atom, without descending through every precedence level.
		if endsExpr(p.peek()) {
			pos := p.pos()
			e := p.parseAtom()
			p.lastPos, p.lastExpr = pos, e
			return e
		}
	}
	p.enter()
	pos := p.pos()
	e := p.parseDisjunction()
	if p.kind() == kwIf {
		p.advance()
		test := p.parseDisjunction()
		if !p.got(kwElse) {
			if p.kind() == tColon {
				p.syntaxError()
			}
			p.failAt(pos, "expected 'else' after 'if' expression")
		}
		e = &IfExp{At: At{pos}, Test: test, Body: e, Orelse: p.parseExpression()}
	}
	p.leave()
	p.lastPos, p.lastExpr = pos, e
	return e
}

// endsExpr reports whether a token cannot continue an expression.
func endsExpr(k tokKind) bool {
	switch k {
	case tComma, tRpar, tRsqb, tRbrace, tColon, tEqual, tNewline, tSemi, tEOF:
		return true
	}
	return false
}

func (p *parser) parseLambda() Expr {
	p.enter()
	pos := p.pos()
	p.advance()
	args := p.parseParams(tColon, false)
	p.expect(tColon)
	e := &Lambda{At{pos}, args, p.parseExpression()}
	p.leave()
	p.lastPos, p.lastExpr = pos, e
	return e
}

func (p *parser) parseYield() Expr {
	pos := p.pos()
	p.advance()
	if p.got(kwFrom) {
		return &YieldFrom{At{pos}, p.parseExpression()}
	}
	if canStartExpr(p.kind()) {
		return &Yield{At{pos}, p.parseStarExpressions()}
	}
	return &Yield{At: At{pos}}
}

func (p *parser) parseDisjunction() Expr {
	pos := p.pos()
	e := p.parseConjunction()
	if p.kind() != kwOr {
		return e
	}
	values := []Expr{e}
	for p.got(kwOr) {
		values = append(values, p.parseConjunction())
	}
	return &BoolOp{At{pos}, Or, values}
}

func (p *parser) parseConjunction() Expr {
	pos := p.pos()
	e := p.parseInversion()
	if p.kind() != kwAnd {
		return e
	}
	values := []Expr{e}
	for p.got(kwAnd) {
		values = append(values, p.parseInversion())
	}
	return &BoolOp{At{pos}, And, values}
}

func (p *parser) parseInversion() Expr {
	if p.kind() == kwNot {
		pos := p.pos()
		p.advance()
		p.enter()
		e := &UnaryOp{At{pos}, Not, p.parseInversion()}
		p.leave()
		return e
	}
	return p.parseComparison()
}

func (p *parser) parseComparison() Expr {
	pos := p.pos()
	left := p.parseBitOr()
	var ops []CmpOperator
	var comps []Expr
	for {
		var op CmpOperator
		switch p.kind() {
		case tEqEqual:
			op = Eq
		case tNotEqual:
			op = NotEq
		case tLess:
			op = Lt
		case tLessEq:
			op = LtE
		case tGreater:
			op = Gt
		case tGreaterEq:
			op = GtE
		case kwIn:
			op = In
		case kwNot:
			if p.peek() != kwIn {
				break
			}
			p.advance()
			op = NotIn
		case kwIs:
			if p.peek() == kwNot {
				p.advance()
				op = IsNot
			} else {
				op = Is
			}
		}
		if op == 0 {
			break
		}
		p.advance()
		ops = append(ops, op)
		comps = append(comps, p.parseBitOr())
	}
	if ops == nil {
		return left
	}
	return &Compare{At{pos}, left, ops, comps}
}

// binaryOp returns the operator and precedence of a binary operator token
// (higher binds tighter), or precedence 0.
func binaryOp(k tokKind) (Operator, int) {
	switch k {
	case tVbar:
		return BitOr, 1
	case tCaret:
		return BitXor, 2
	case tAmper:
		return BitAnd, 3
	case tLShift:
		return LShift, 4
	case tRShift:
		return RShift, 4
	case tPlus:
		return Add, 5
	case tMinus:
		return Sub, 5
	case tStar:
		return Mult, 6
	case tSlash:
		return Div, 6
	case tFloorDiv:
		return FloorDiv, 6
	case tPercent:
		return Mod, 6
	case tAt:
		return MatMult, 6
	}
	return 0, 0
}

func (p *parser) parseBitOr() Expr {
	pos := p.pos()
	e := p.parseBinary(1)
	p.lastPos, p.lastExpr = pos, e
	return e
}

// parseBinary parses left-associative binary operators of precedence at
// least prec by precedence climbing.
func (p *parser) parseBinary(prec int) Expr {
	pos := p.pos()
	left := p.parseFactor()
	for n := p.depth; ; n++ {
		op, opPrec := binaryOp(p.kind())
		if opPrec < prec || opPrec == 0 {
			return left
		}
		if n >= maxDepth {
			// The tree grows one level per operator.
			p.failAt(p.pos(), "too many nested expressions")
		}
		p.advance()
		right := p.parseBinary(opPrec + 1)
		left = &BinOp{At{pos}, left, op, right}
	}
}

func (p *parser) parseFactor() Expr {
	var op UnaryOperator
	switch p.kind() {
	case tPlus:
		op = UAdd
	case tMinus:
		op = USub
	case tTilde:
		op = Invert
	default:
		return p.parsePower()
	}
	pos := p.pos()
	p.advance()
	p.enter()
	e := &UnaryOp{At{pos}, op, p.parseFactor()}
	p.leave()
	return e
}

func (p *parser) parsePower() Expr {
	pos := p.pos()
	var e Expr
	if p.kind() == kwAwait {
		p.advance()
		e = &Await{At{pos}, p.parsePrimary()}
	} else {
		e = p.parsePrimary()
	}
	if p.got(tPower) {
		p.enter()
		e = &BinOp{At{pos}, e, Pow, p.parseFactor()}
		p.leave()
	}
	return e
}

// parsePrimary parses an atom followed by attribute references, calls
// and subscripts.
func (p *parser) parsePrimary() Expr {
	pos := p.pos()
	e := p.parseAtom()
	for n := p.depth; ; n++ {
		if n >= maxDepth {
			// The tree grows one level per trailer.
			p.failAt(p.pos(), "too many nested expressions")
		}
		switch p.kind() {
		case tDot:
			p.advance()
			t := p.expectName()
			e = &Attribute{At{pos}, e, p.name(t)}
		case tLpar:
			lpar := p.pos()
			p.advance()
			args, kws := p.parseCallArgs(lpar, true)
			p.expect(tRpar)
			e = &Call{At{pos}, e, args, kws}
		case tLsqb:
			p.advance()
			e = &Subscript{At{pos}, e, p.parseSlices()}
		default:
			return e
		}
	}
}

// parseCallArgs parses call arguments (or class bases) after the opening
// parenthesis at lpar, up to but not including the closing one.
func (p *parser) parseCallArgs(lpar Pos, allowGenexp bool) (args []Expr, kws []*Keyword) {
	first := p.pos()
	seenKw, seenDStar := false, false
	for p.kind() != tRpar {
		pos := p.pos()
		switch {
		case p.kind() == tStar:
			p.advance()
			if seenDStar {
				p.failAt(first, "iterable argument unpacking follows keyword argument unpacking")
			}
			args = append(args, &Starred{At{pos}, p.parseExpression()})
		case p.kind() == tPower:
			p.advance()
			kws = append(kws, &Keyword{At{pos}, "", p.parseExpression()})
			seenDStar = true
		case p.kind() == tName && p.peek() == tEqual:
			name := p.name(p.tok())
			p.advance()
			p.advance()
			kws = append(kws, &Keyword{At{pos}, name, p.parseExpression()})
			seenKw = true
			if p.kind() == tEqual {
				p.syntaxError()
			}
		default:
			e := p.parseNamedExpression()
			if k := p.kind(); k == kwFor || k == kwAsync {
				if !allowGenexp {
					p.syntaxError()
				}
				gen := &GeneratorExp{At{lpar}, e, p.parseComprehensions()}
				if len(args) > 0 || len(kws) > 0 || p.kind() != tRpar {
					p.failAt(pos, "Generator expression must be parenthesized")
				}
				return []Expr{gen}, nil
			}
			if p.kind() == tEqual {
				p.failAt(pos, "expression cannot contain assignment, perhaps you meant \"==\"?")
			}
			if seenDStar {
				p.failAt(p.pos(), "positional argument follows keyword argument unpacking")
			}
			if seenKw {
				p.failAt(p.pos(), "positional argument follows keyword argument")
			}
			args = append(args, e)
		}
		if !p.got(tComma) {
			if p.kind() != tRpar {
				p.badElement()
			}
			break
		}
	}
	return args, kws
}

// badElement reports the last expression parsed, an element of a
// display or an argument, when it is not followed by a comma or the
// closing bracket.
func (p *parser) badElement() {
	start, e := p.lastPos, p.lastExpr
	switch {
	case e == nil:
	case p.kind() == tEqual:
		p.equalsHint(start, e)
	case p.startsExpr():
		if n, ok := e.(*Name); ok && (p.kind() == tString || n.ID == "match" || n.ID == "case" || n.ID == "_") {
			break
		}
		if isBitwiseOrLevel(e) || isDisjunction(e) {
			if p.check(func() { p.parseExpression() }) {
				p.failAt(start, "invalid syntax. Perhaps you forgot a comma?")
			}
		}
	}
	p.syntaxError()
}

// equalsHint reports, as CPython does, an expression e (which started at
// start) followed by '=' and an operand where a comparison was probably
// meant: "(x = 1)". It returns if that is not the case.
func (p *parser) equalsHint(start Pos, e Expr) {
	if !isBitwiseOrLevel(e) || !p.check(func() {
		p.advance()
		p.parseBitOr()
		if k := p.kind(); k == tEqual || k == tWalrus {
			p.syntaxError()
		}
	}) {
		return
	}
	switch x := e.(type) {
	case *Name:
		p.failAt(start, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")
	case *List, *Tuple, *GeneratorExp:
	case *Constant:
		if x.Value.Kind != KindNone && x.Value.Kind != KindBool {
			p.failAt(x.Position(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(e))
		}
	default:
		p.failAt(e.Position(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(e))
	}
}

// parseSlices parses the inside of a subscript and its closing bracket.
func (p *parser) parseSlices() Expr {
	pos := p.pos()
	first := p.parseSlice()
	if p.kind() != tComma {
		if p.kind() != tRsqb {
			p.badElement()
		}
		p.advance()
		if _, ok := first.(*Starred); ok {
			return &Tuple{At{pos}, []Expr{first}}
		}
		return first
	}
	elts := []Expr{first}
	for p.got(tComma) {
		if p.kind() == tRsqb {
			break
		}
		elts = append(elts, p.parseSlice())
	}
	if p.kind() != tRsqb {
		p.badElement()
	}
	p.advance()
	return &Tuple{At{pos}, elts}
}

func (p *parser) parseSlice() Expr {
	pos := p.pos()
	if p.kind() == tStar {
		p.advance()
		return &Starred{At{pos}, p.parseExpression()}
	}
	var lower Expr
	if p.kind() != tColon {
		e := p.parseNamedExpression()
		if p.kind() != tColon {
			return e
		}
		lower = e
	}
	p.advance()
	s := &Slice{At: At{pos}, Lower: lower}
	if k := p.kind(); k != tColon && k != tComma && k != tRsqb {
		s.Upper = p.parseExpression()
	}
	if p.got(tColon) {
		if k := p.kind(); k != tComma && k != tRsqb {
			s.Step = p.parseExpression()
		}
	}
	return s
}

// parseComprehensions parses one or more "for ... in ... if ..." clauses.
func (p *parser) parseComprehensions() []*Comprehension {
	var gens []*Comprehension
	for {
		c := &Comprehension{}
		if p.kind() == kwAsync {
			if p.peek() != kwFor {
				break
			}
			p.advance()
			c.IsAsync = true
		} else if p.kind() != kwFor {
			break
		}
		p.advance()
		c.Target = p.parseStarTargets()
		if !p.got(kwIn) {
			p.syntaxError()
		}
		c.Iter = p.parseDisjunction()
		for p.got(kwIf) {
			c.Ifs = append(c.Ifs, p.parseDisjunction())
		}
		gens = append(gens, c)
	}
	return gens
}

// parseStarTargets parses assignment targets up to 'in' (for loops and
// comprehensions).
func (p *parser) parseStarTargets() Expr {
	pos := p.pos()
	t := p.parseStarTarget()
	if p.kind() == tComma {
		elts := []Expr{t}
		for p.got(tComma) {
			if k := p.kind(); k == kwIn || !canStartExpr(k) {
				break
			}
			elts = append(elts, p.parseStarTarget())
		}
		t = &Tuple{At{pos}, elts}
	}
	p.checkStoreTarget(t)
	return t
}

func (p *parser) parseStarTarget() Expr {
	if p.kind() == tStar {
		pos := p.pos()
		p.advance()
		if p.kind() == tStar {
			p.syntaxError()
		}
		p.enter()
		e := &Starred{At{pos}, p.parseStarTarget()}
		p.leave()
		return e
	}
	return p.parsePrimary()
}

// parseAtom parses names, literals and bracketed displays.
func (p *parser) parseAtom() Expr {
	t := p.tok()
	pos := t.pos()
	switch t.kind {
	case tName:
		p.advance()
		return &Name{At{pos}, p.name(t)}
	case tNumber:
		p.advance()
		return p.number(t)
	case tString:
		return p.parseStrings()
	case kwNone:
		p.advance()
		return &Constant{At: At{pos}, Value: ConstValue{Kind: KindNone}}
	case kwTrue, kwFalse:
		p.advance()
		return &Constant{At: At{pos}, Value: ConstValue{Kind: KindBool, Bool: t.kind == kwTrue}}
	case tEllipsis:
		p.advance()
		return &Constant{At: At{pos}, Value: ConstValue{Kind: KindEllipsis}}
	case tLpar:
		p.enter()
		e := p.parseParen()
		p.leave()
		return e
	case tLsqb:
		p.enter()
		e := p.parseList()
		p.leave()
		return e
	case tLbrace:
		p.enter()
		e := p.parseBrace()
		p.leave()
		return e
	}
	p.syntaxError()
	return nil
}

// parseElements parses the rest of a comma-separated display after its
// first element, through the closing bracket.
func (p *parser) parseElements(first Expr, close tokKind) []Expr {
	elts := []Expr{first}
	for p.got(tComma) {
		if p.kind() == close {
			break
		}
		elts = append(elts, p.parseStarNamedExpression())
	}
	if p.kind() != close {
		p.badElement()
	}
	p.advance()
	return elts
}

func (p *parser) parseParen() Expr {
	pos := p.pos()
	p.advance()
	switch p.kind() {
	case tRpar:
		p.advance()
		return &Tuple{At: At{pos}}
	case kwYield:
		e := p.parseYield()
		p.expect(tRpar)
		return e
	}
	firstPos := p.pos()
	first := p.parseStarNamedExpression()
	switch p.kind() {
	case kwFor, kwAsync:
		if _, ok := first.(*Starred); ok {
			p.failAt(firstPos, "iterable unpacking cannot be used in comprehension")
		}
		e := &GeneratorExp{At{pos}, first, p.parseComprehensions()}
		p.expect(tRpar)
		return e
	case tRpar:
		p.advance()
		if _, ok := first.(*Starred); ok {
			p.failAt(firstPos, "cannot use starred expression here")
		}
		return first
	case tComma:
		return &Tuple{At{pos}, p.parseElements(first, tRpar)}
	}
	p.badElement()
	return nil
}

func (p *parser) parseList() Expr {
	pos := p.pos()
	p.advance()
	if p.got(tRsqb) {
		return &List{At: At{pos}}
	}
	firstPos := p.pos()
	first := p.parseStarNamedExpression()
	if k := p.kind(); k == kwFor || k == kwAsync {
		if _, ok := first.(*Starred); ok {
			p.failAt(firstPos, "iterable unpacking cannot be used in comprehension")
		}
		e := &ListComp{At{pos}, first, p.parseComprehensions()}
		p.expect(tRsqb)
		return e
	}
	return &List{At{pos}, p.parseElements(first, tRsqb)}
}

func (p *parser) parseBrace() Expr {
	pos := p.pos()
	p.advance()
	if p.got(tRbrace) {
		return &Dict{At: At{pos}}
	}
	firstPos := p.pos()
	var key, value Expr
	switch p.kind() {
	case tPower:
		p.advance()
		value = p.parseBitOr()
		if k := p.kind(); k == kwFor || k == kwAsync {
			p.failAt(firstPos, "dict unpacking cannot be used in dict comprehension")
		}
	case tStar:
		first := p.parseStarNamedExpression()
		return &Set{At{pos}, p.parseElements(first, tRbrace)}
	default:
		first := p.parseNamedExpression()
		if p.kind() != tColon {
			if k := p.kind(); k == kwFor || k == kwAsync {
				e := &SetComp{At{pos}, first, p.parseComprehensions()}
				p.expect(tRbrace)
				return e
			}
			return &Set{At{pos}, p.parseElements(first, tRbrace)}
		}
		if _, ok := first.(*NamedExpr); ok {
			p.syntaxError()
		}
		key = first
		value = p.parseDictValue()
		if k := p.kind(); k == kwFor || k == kwAsync {
			e := &DictComp{At: At{pos}, Key: key, Value: value, Generators: p.parseComprehensions()}
			p.expect(tRbrace)
			return e
		}
	}
	d := &Dict{At: At{pos}, Keys: []Expr{key}, Values: []Expr{value}}
	for p.got(tComma) {
		if p.kind() == tRbrace {
			break
		}
		if p.got(tPower) {
			d.Keys = append(d.Keys, nil)
			d.Values = append(d.Values, p.parseBitOr())
			continue
		}
		d.Keys = append(d.Keys, p.parseExpression())
		d.Values = append(d.Values, p.parseDictValue())
	}
	if p.kind() != tRbrace {
		p.badElement()
	}
	p.advance()
	return d
}

// parseDictValue parses ':' expression after a dictionary key.
func (p *parser) parseDictValue() Expr {
	if p.kind() != tColon && p.startsExpr() {
		p.badElement()
	}
	if !p.got(tColon) {
		p.failAt(p.pos(), "':' expected after dictionary key")
	}
	if p.kind() == tStar {
		p.failAt(p.pos(), "cannot use a starred expression in a dictionary value")
	}
	return p.parseExpression()
}

// number converts a NUMBER token to a Constant.
func (p *parser) number(t *token) Expr {
	text := p.src[t.off:t.end]
	c := &Constant{At: At{t.pos()}}
	var buf [64]byte
	digits := buf[:0]
	for _, b := range text {
		if b != '_' {
			digits = append(digits, b)
		}
	}
	last := digits[len(digits)-1] | 0x20
	isHex := len(digits) > 1 && digits[0] == '0' && digits[1]|0x20 == 'x'
	switch {
	case last == 'j':
		f, _ := strconv.ParseFloat(string(digits[:len(digits)-1]), 64)
		c.Value = ConstValue{Kind: KindComplex, Float: f}
	case !isHex && hasFloatChar(digits):
		f, _ := strconv.ParseFloat(string(digits), 64)
		c.Value = ConstValue{Kind: KindFloat, Float: f}
	default:
		base := 10
		if len(digits) > 1 && digits[0] == '0' {
			switch digits[1] | 0x20 {
			case 'x':
				base = 16
			case 'o':
				base = 8
			case 'b':
				base = 2
			}
		}
		if base != 10 {
			digits = digits[2:]
		}
		c.Value = ConstValue{Kind: KindInt, Int: parseInt(digits, base)}
	}
	return c
}

func hasFloatChar(b []byte) bool {
	for _, c := range b {
		if c == '.' || c == 'e' || c == 'E' {
			return true
		}
	}
	return false
}

// parseInt converts validated digits to a big.Int.
func parseInt(digits []byte, base int) *big.Int {
	if len(digits) <= 15 {
		var v int64
		for _, c := range digits {
			d := int64(c - '0')
			if c >= 'a' {
				d = int64(c-'a') + 10
			} else if c >= 'A' {
				d = int64(c-'A') + 10
			}
			v = v*int64(base) + d
		}
		return big.NewInt(v)
	}
	n, _ := new(big.Int).SetString(string(digits), base)
	return n
}

// ---- targets ----

// exprName names an expression kind in error messages, as CPython does.
func exprName(e Expr) string {
	switch e := e.(type) {
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	case *Starred:
		return "starred"
	case *Name:
		return "name"
	case *List:
		return "list"
	case *Tuple:
		return "tuple"
	case *Lambda:
		return "lambda"
	case *Call:
		return "function call"
	case *BoolOp, *BinOp, *UnaryOp:
		return "expression"
	case *GeneratorExp:
		return "generator expression"
	case *Yield, *YieldFrom:
		return "yield expression"
	case *Await:
		return "await expression"
	case *ListComp:
		return "list comprehension"
	case *SetComp:
		return "set comprehension"
	case *DictComp:
		return "dict comprehension"
	case *Dict:
		return "dict literal"
	case *Set:
		return "set display"
	case *JoinedStr, *FormattedValue:
		return "f-string expression"
	case *Constant:
		switch e.Value.Kind {
		case KindNone:
			return "None"
		case KindBool:
			if e.Value.Bool {
				return "True"
			}
			return "False"
		case KindEllipsis:
			return "ellipsis"
		}
		return "literal"
	case *Compare:
		return "comparison"
	case *IfExp:
		return "conditional expression"
	case *NamedExpr:
		return "named expression"
	}
	return "expression"
}

// invalidTarget returns the first part of e that cannot be assigned to
// (or deleted, if del), or nil.
func invalidTarget(e Expr, del bool) Expr {
	switch e := e.(type) {
	case *Name, *Attribute, *Subscript:
		return nil
	case *Tuple:
		for _, x := range e.Elts {
			if bad := invalidTarget(x, del); bad != nil {
				return bad
			}
		}
		return nil
	case *List:
		for _, x := range e.Elts {
			if bad := invalidTarget(x, del); bad != nil {
				return bad
			}
		}
		return nil
	case *Starred:
		if del {
			return e
		}
		return invalidTarget(e.Value, del)
	}
	return e
}

// isDisjunction reports whether e is made by the disjunction rule or a
// tighter one.
func isDisjunction(e Expr) bool {
	switch e.(type) {
	case *Lambda, *IfExp, *NamedExpr, *Starred, *Yield, *YieldFrom:
		return false
	}
	return true
}

// isBitwiseOrLevel reports whether e is made by the bitwise_or rule or a
// tighter one.
func isBitwiseOrLevel(e Expr) bool {
	switch e := e.(type) {
	case *BoolOp, *Compare, *Lambda, *IfExp, *NamedExpr, *Starred, *Yield, *YieldFrom:
		return false
	case *UnaryOp:
		return e.Op != Not
	case *Tuple:
		return false
	}
	return true
}

func (p *parser) checkStoreTarget(e Expr) {
	if bad := invalidTarget(e, false); bad != nil {
		p.failAt(bad.Position(), "cannot assign to %s", exprName(bad))
	}
}

// checkAssignTarget validates the target e of an assignment statement;
// the current token follows its '='.
func (p *parser) checkAssignTarget(e Expr) {
	bad := invalidTarget(e, false)
	if bad == nil {
		return
	}
	switch bad.(type) {
	case *Yield, *YieldFrom:
		p.failAt(bad.Position(), "assignment to yield expression not possible")
	}
	// CPython hints at a mistyped comparison when the expression just
	// before the '=' (the target, or the last element of an
	// unparenthesized tuple) is an operand and so is what follows it.
	last := e
	if t, ok := e.(*Tuple); ok && t == p.bareTuple && len(t.Elts) > 0 {
		last = t.Elts[len(t.Elts)-1]
	}
	hint := bad == last && isBitwiseOrLevel(last)
	switch x := last.(type) {
	case *List, *Tuple, *GeneratorExp:
		hint = false
	case *Constant:
		hint = hint && x.Value.Kind != KindNone && x.Value.Kind != KindBool
	}
	if hint {
		hint = p.check(func() {
			p.parseBitOr()
			if k := p.kind(); k == tEqual || k == tWalrus {
				p.syntaxError()
			}
		})
	}
	if hint {
		p.failAt(bad.Position(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", exprName(bad))
	}
	p.failAt(bad.Position(), "cannot assign to %s", exprName(bad))
}

func (p *parser) checkDelTarget(e Expr) {
	if bad := invalidTarget(e, true); bad != nil {
		p.failAt(bad.Position(), "cannot delete %s", exprName(bad))
	}
}
