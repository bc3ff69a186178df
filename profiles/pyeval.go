package profiles

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Conan evaluates every [conf] value with Python's eval() (see
// ConfDefinition._get_evaluated_value): when eval() succeeds the Python
// object is the value (a str gets wrapped in double quotes), when it
// raises anything at all the stripped text is the value.
//
// This file implements the part of Python 3.11's expression language that
// can occur in profiles: literals of every kind, lists, tuples, dicts,
// arithmetic, comparisons, boolean logic, subscripts. Names resolve as in
// Conan's eval() call: an unknown name raises NameError (so the text is
// kept as a string, the common case of `tools.gnu:host_triplet=x86_64-linux-gnu`),
// while a name that exists there (a builtin such as `len`, or a global of
// conans/model/conf.py such as `os`) evaluates to an object conid does not
// model. When the outcome depends on such an object, or on a construct
// outside the subset (lambda, comprehensions, f-string fields, complex
// numbers, sets, \N{...} escapes, method calls), evalConfValue returns an
// *unsupportedError instead of guessing.

// unsupportedError reports a conf value conid cannot evaluate like Python.
type unsupportedError struct{ what string }

func (e *unsupportedError) Error() string { return e.what }

// pyException stands for any exception raised by Python's eval().
type pyException struct{ what string }

func (e *pyException) Error() string { return e.what }

func unsupported(format string, args ...any) error {
	return &unsupportedError{what: fmt.Sprintf(format, args...)}
}

func pyRaise(format string, args ...any) error {
	return &pyException{what: fmt.Sprintf(format, args...)}
}

// evalConfValue mirrors ConfDefinition._get_evaluated_value.
func evalConfValue(text string) (PyValue, error) {
	v, err := pyEval(text)
	if err != nil {
		var u *unsupportedError
		if errors.As(err, &u) {
			return nil, err
		}
		return PyStr(pyStrip(text)), nil
	}
	if s, isStr := v.(PyStr); isStr {
		return PyStr(`"` + string(s) + `"`), nil
	}
	return v, nil
}

// pyEval evaluates text like Python's eval() in Conan's conf module.
func pyEval(text string) (PyValue, error) {
	if strings.IndexByte(text, 0) >= 0 {
		return nil, pyRaise("source code string cannot contain null bytes")
	}
	src := text
	text = strings.TrimLeft(text, " \t")
	toks, err := pyTokenize(text)
	if err != nil {
		return nil, err
	}
	p := &pyParser{toks: toks, src: src}
	n, err := p.parseExpressions()
	if err != nil {
		return nil, err
	}
	if p.peek().kind != tkEnd {
		return nil, pyRaise("invalid syntax")
	}
	if astDepth(n) > maxASTDepth {
		return nil, unsupported("expressions nested more than %d levels deep (CPython's limits depend on its stack)", maxASTDepth)
	}
	v, err := n.eval()
	if err != nil {
		return nil, err
	}
	if err := checkModelled(v); err != nil {
		return nil, err
	}
	if reprTooLong(v, 4*maxPyLen) {
		return nil, unsupported("very large values")
	}
	return v, nil
}

// reprTooLong reports whether the repr of v would exceed limit bytes,
// without building it.
func reprTooLong(v PyValue, limit int) bool {
	var size func(v PyValue) int
	size = func(v PyValue) int {
		switch v := v.(type) {
		case PyList:
			n := 2
			for _, e := range v {
				if n += 2 + size(e); n > limit {
					return n
				}
			}
			return n
		case PyTuple:
			n := 3
			for _, e := range v {
				if n += 2 + size(e); n > limit {
					return n
				}
			}
			return n
		case PyDict:
			n := 2
			for _, it := range v {
				if n += 4 + size(it.Key) + size(it.Value); n > limit {
					return n
				}
			}
			return n
		case PyStr:
			return 2 + 4*len(v)
		case PyBytes:
			return 3 + 4*len(v)
		case PyInt:
			return v.V.BitLen()/3 + 2
		}
		return 32
	}
	return size(v) > limit
}

// maxASTDepth is where conid stops evaluating: CPython 3.11 fails with
// RecursionError (so Conan keeps the text) a little below 3000 levels, at
// a depth that depends on its own stack.
const maxASTDepth = 2900

// astDepth is the depth of the AST CPython builds for n: a chain of and/or
// is one node, while a chain of binary operators nests.
func astDepth(n pyNode) int {
	maxOf := func(nodes ...pyNode) int {
		m := 0
		for _, c := range nodes {
			if c == nil {
				continue
			}
			if d := astDepth(c); d > m {
				m = d
			}
		}
		return m
	}
	switch n := n.(type) {
	case *unaryNode:
		return 1 + astDepth(n.x)
	case *notNode:
		return 1 + astDepth(n.x)
	case *binNode:
		return 1 + maxOf(n.x, n.y)
	case *boolOpNode:
		var values []pyNode
		cur := n
		for {
			values = append(values, cur.y)
			left, same := cur.x.(*boolOpNode)
			if !same || left.and != cur.and {
				values = append(values, cur.x)
				break
			}
			cur = left
		}
		return 1 + maxOf(values...)
	case *compareNode:
		return 1 + maxOf(n.operands...)
	case *condNode:
		return 1 + maxOf(n.cond, n.body, n.orElse)
	case *seqNode:
		return 1 + maxOf(n.elts...)
	case *dictNode:
		return 1 + maxOf(append(append([]pyNode(nil), n.keys...), n.vals...)...)
	case *attrNode:
		return 1 + astDepth(n.x)
	case *callNode:
		return 1 + maxOf(append([]pyNode{n.fn}, n.args...)...)
	case *subscriptNode:
		return 1 + maxOf(n.x, n.index)
	case *sliceNode:
		return 1 + maxOf(n.lower, n.upper, n.step)
	}
	return 1
}

// checkModelled rejects results conid cannot print like Python.
func checkModelled(v PyValue) error {
	switch v := v.(type) {
	case *pyOpaque:
		if v.repr == "" {
			return unsupported("the value is the Python object %s", v.name)
		}
	case PyInt:
		if v.V.BitLen() > 14000 && len(v.V.String()) > 4300 {
			return unsupported("integer with more than 4300 digits")
		}
	case PyList:
		for _, e := range v {
			if err := checkModelled(e); err != nil {
				return err
			}
		}
	case PyTuple:
		for _, e := range v {
			if err := checkModelled(e); err != nil {
				return err
			}
		}
	case PyDict:
		for _, it := range v {
			if err := checkModelled(it.Key); err != nil {
				return err
			}
			if err := checkModelled(it.Value); err != nil {
				return err
			}
		}
	}
	return nil
}

// pyOpaque is an object that exists in Conan's eval() namespace (a
// builtin, a module, a class). Builtin classes and functions have a known
// repr and can be values; the others cannot be printed like Python does
// (their repr holds paths or addresses), so any use of them is
// unsupported.
type pyOpaque struct {
	name     string
	repr     string // "" when not modelled
	typeName string
}

func (o *pyOpaque) Repr() string {
	if o.repr == "" {
		return "<" + o.name + ">"
	}
	return o.repr
}
func (o *pyOpaque) String() string { return o.Repr() }
func (o *pyOpaque) TypeName() string {
	if o.typeName == "" {
		return "object"
	}
	return o.typeName
}

const pyBuiltinClasses = `ArithmeticError AssertionError AttributeError BaseException
	BaseExceptionGroup BlockingIOError BrokenPipeError BufferError BytesWarning ChildProcessError
	ConnectionAbortedError ConnectionError ConnectionRefusedError ConnectionResetError
	DeprecationWarning EOFError EncodingWarning Exception ExceptionGroup
	FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit
	ImportError ImportWarning IndentationError IndexError InterruptedError IsADirectoryError
	KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError NameError
	NotADirectoryError NotImplementedError OSError OverflowError
	PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError
	ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError
	SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError UnboundLocalError
	UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning
	UserWarning ValueError Warning ZeroDivisionError bool bytearray bytes classmethod complex
	dict enumerate filter float frozenset int list map memoryview object property range
	reversed set slice staticmethod str super tuple type zip`

const pyBuiltinFunctions = `__build_class__ __import__ abs aiter all anext any ascii bin
	breakpoint callable chr compile delattr dir divmod eval exec format getattr globals hasattr
	hash hex id input isinstance issubclass iter len locals max min next oct open ord pow print
	repr round setattr sorted sum vars`

// pyOtherNames exist in the namespace but are not modelled: the site
// module's printers, the conf module's globals, module metadata.
const pyOtherNames = `copyright credits license exit quit help __spec__ __loader__
	__builtins__ __cached__ __file__ BUILT_IN_CONFS ConanException Conf ConfDefinition
	OrderedDict _ConfValue _ConfVarPlaceHolder _is_profile_module fnmatch os six`

// pyNames are the names visible to the eval() call in
// conans/model/conf.py under Python 3.11 (__debug__, __name__,
// __package__, __doc__ and the local _ConfDefinition__v are handled by
// nameNode.eval). Made on first use: few profiles evaluate conf values.
var pyNames = sync.OnceValue(func() map[string]*pyOpaque {
	m := map[string]*pyOpaque{}
	for _, n := range strings.Fields(pyBuiltinClasses) {
		m[n] = &pyOpaque{name: n, repr: "<class '" + n + "'>", typeName: "type"}
	}
	// Python keeps these aliases of OSError.
	for _, n := range []string{"EnvironmentError", "IOError"} {
		m[n] = &pyOpaque{name: n, repr: "<class 'OSError'>", typeName: "type"}
	}
	for _, n := range strings.Fields(pyBuiltinFunctions) {
		m[n] = &pyOpaque{name: n, repr: "<built-in function " + n + ">", typeName: "builtin_function_or_method"}
	}
	m["NotImplemented"] = &pyOpaque{name: "NotImplemented", repr: "NotImplemented", typeName: "NotImplementedType"}
	for _, n := range strings.Fields(pyOtherNames) {
		m[n] = &pyOpaque{name: n}
	}
	return m
})

// ---- tokenizer ----

type tokKind int

const (
	tkEnd tokKind = iota
	tkName
	tkNumber
	tkString
	tkOp
)

type pyToken struct {
	kind  tokKind
	text  string  // name or operator
	value PyValue // number or string value
	bytes bool    // string token is a bytes literal
}

var pyOps3 = []string{"**=", "//=", ">>=", "<<=", "..."}
var pyOps2 = []string{"->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "<>"}

const pyOps1 = "+-*/%@&|^~<>()[]{},:.;="

func isIdentStart(r rune) bool {
	return r == '_' || (r < utf8.RuneSelf && unicode.IsLetter(r)) || (r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)))
}

func isIdentCont(r rune) bool {
	return isIdentStart(r) || unicode.IsDigit(r) || (r >= utf8.RuneSelf && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc))
}

func pyTokenize(s string) ([]pyToken, error) {
	var toks []pyToken
	depth := 0
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			i++
			continue
		case c == '#':
			i = len(s)
			continue
		case c == '\\':
			return nil, pyRaise("unexpected character after line continuation character")
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		switch {
		case isIdentStart(r):
			j := i
			for j < len(s) {
				r2, sz := utf8.DecodeRuneInString(s[j:])
				if !isIdentCont(r2) {
					break
				}
				j += sz
			}
			word := s[i:j]
			if j < len(s) && (s[j] == '\'' || s[j] == '"') && isStringPrefix(word) {
				tok, n, err := lexString(s[j:], strings.ToLower(word))
				if err != nil {
					return nil, err
				}
				toks = append(toks, tok)
				i = j + n
				continue
			}
			toks = append(toks, pyToken{kind: tkName, text: word})
			i = j
		case c >= '0' && c <= '9' || (c == '.' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9'):
			tok, n, err := lexNumber(s[i:])
			if err != nil {
				return nil, err
			}
			toks = append(toks, tok)
			i += n
		case c == '\'' || c == '"':
			tok, n, err := lexString(s[i:], "")
			if err != nil {
				return nil, err
			}
			toks = append(toks, tok)
			i += n
		default:
			op := ""
			for _, o := range pyOps3 {
				if strings.HasPrefix(s[i:], o) {
					op = o
					break
				}
			}
			if op == "" {
				for _, o := range pyOps2 {
					if strings.HasPrefix(s[i:], o) {
						op = o
						break
					}
				}
			}
			if op == "" && strings.IndexByte(pyOps1, c) >= 0 {
				op = s[i : i+1]
			}
			if op == "" {
				return nil, pyRaise("invalid character %q", r)
			}
			switch op {
			case "(", "[", "{":
				if depth >= 200 { // CPython's tokenizer MAXLEVEL
					return nil, pyRaise("too many nested parentheses")
				}
				depth++
			case ")", "]", "}":
				depth--
				if depth < 0 {
					return nil, pyRaise("unmatched '%s'", op)
				}
			}
			toks = append(toks, pyToken{kind: tkOp, text: op})
			i += len(op)
		}
	}
	toks = append(toks, pyToken{kind: tkEnd})
	return toks, nil
}

func isStringPrefix(w string) bool {
	switch strings.ToLower(w) {
	case "r", "u", "b", "br", "rb", "f", "fr", "rf":
		return true
	}
	return false
}

// lexNumber reads a Python 3.11 number literal at the start of s.
func lexNumber(s string) (pyToken, int, error) {
	bad := func() (pyToken, int, error) { return pyToken{}, 0, pyRaise("invalid decimal literal") }
	digitsRun := func(i int, ok func(byte) bool) (int, bool) {
		// digits with single underscores between them; at least one digit
		start := i
		for i < len(s) {
			if ok(s[i]) {
				i++
				continue
			}
			if s[i] == '_' && i > start && i+1 < len(s) && ok(s[i+1]) {
				i++
				continue
			}
			break
		}
		return i, i > start
	}
	isDec := func(c byte) bool { return c >= '0' && c <= '9' }
	endOK := func(i int) bool {
		if i >= len(s) {
			return true
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		return !isIdentCont(r) && s[i] != '_'
	}
	if len(s) > 1 && s[0] == '0' && strings.IndexByte("xXoObB", s[1]) >= 0 {
		var ok func(byte) bool
		base := 16
		switch s[1] {
		case 'x', 'X':
			ok = func(c byte) bool { return isDec(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }
		case 'o', 'O':
			base = 8
			ok = func(c byte) bool { return c >= '0' && c <= '7' }
		default:
			base = 2
			ok = func(c byte) bool { return c == '0' || c == '1' }
		}
		i := 2
		if i < len(s) && s[i] == '_' {
			i++
		}
		j, got := digitsRun(i, ok)
		if !got || !endOK(j) {
			return bad()
		}
		v, _ := new(big.Int).SetString(strings.ReplaceAll(s[i:j], "_", ""), base)
		return pyToken{kind: tkNumber, value: PyInt{v}}, j, nil
	}
	i := 0
	intEnd, hasInt := digitsRun(0, isDec)
	i = intEnd
	isFloat := false
	if i < len(s) && s[i] == '.' {
		isFloat = true
		i++
		if i < len(s) && isDec(s[i]) {
			j, _ := digitsRun(i, isDec)
			i = j
		} else if !hasInt {
			return bad()
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k, got := digitsRun(j, isDec)
		if !got {
			return bad()
		}
		isFloat = true
		i = k
	}
	if i < len(s) && (s[i] == 'j' || s[i] == 'J') {
		return pyToken{}, 0, unsupported("complex number literals")
	}
	if !endOK(i) {
		return bad()
	}
	lit := strings.ReplaceAll(s[:i], "_", "")
	if !isFloat {
		if len(lit) > 1 && lit[0] == '0' && strings.Trim(lit, "0") != "" {
			return pyToken{}, 0, pyRaise("leading zeros in decimal integer literals are not permitted")
		}
		if len(lit) > 4300 {
			return pyToken{}, 0, pyRaise("Exceeds the limit (4300 digits) for integer string conversion")
		}
		v, _ := new(big.Int).SetString(lit, 10)
		return pyToken{kind: tkNumber, value: PyInt{v}}, i, nil
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return bad()
	}
	return pyToken{kind: tkNumber, value: PyFloat(f)}, i, nil
}

// lexString reads a string literal (s starts at the quote).
func lexString(s, prefix string) (pyToken, int, error) {
	raw := strings.Contains(prefix, "r")
	isBytes := strings.Contains(prefix, "b")
	isF := strings.Contains(prefix, "f")
	q := s[0]
	triple := len(s) >= 3 && s[1] == q && s[2] == q
	start := 1
	if triple {
		start = 3
	}
	i := start
	end := -1
	for i < len(s) {
		c := s[i]
		if c == '\\' {
			i += 2
			continue
		}
		if c == q {
			if !triple {
				end = i
				break
			}
			if i+2 < len(s) && s[i+1] == q && s[i+2] == q {
				end = i
				break
			}
		}
		i++
	}
	if end < 0 {
		return pyToken{}, 0, pyRaise("unterminated string literal")
	}
	body := s[start:end]
	n := end + 1
	if triple {
		n = end + 3
	}
	if isBytes {
		for j := 0; j < len(body); j++ {
			if body[j] >= 0x80 {
				return pyToken{}, 0, pyRaise("bytes can only contain ASCII literal characters")
			}
		}
	}
	if isF && strings.ContainsAny(body, "{}") {
		return pyToken{}, 0, unsupported("f-strings with replacement fields")
	}
	val := body
	if !raw {
		var err error
		val, err = pyUnescape(body, isBytes)
		if err != nil {
			return pyToken{}, 0, err
		}
	}
	if isBytes {
		return pyToken{kind: tkString, value: PyBytes(val), bytes: true}, n, nil
	}
	return pyToken{kind: tkString, value: PyStr(val)}, n, nil
}

// pyUnescape processes the backslash escapes of a non-raw literal.
func pyUnescape(body string, isBytes bool) (string, error) {
	if strings.IndexByte(body, '\\') < 0 {
		return body, nil
	}
	var b strings.Builder
	writeCode := func(v int) error {
		if isBytes {
			if v > 0xff {
				return unsupported("octal escape out of range in bytes")
			}
			b.WriteByte(byte(v))
			return nil
		}
		if v >= 0xd800 && v <= 0xdfff {
			return unsupported("lone surrogate in a string")
		}
		b.WriteRune(rune(v))
		return nil
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		e := body[i]
		switch e {
		case '\\', '\'', '"':
			b.WriteByte(e)
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 'f':
			b.WriteByte(12)
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			j := i
			for j < len(body) && j < i+3 && body[j] >= '0' && body[j] <= '7' {
				j++
			}
			v, _ := strconv.ParseInt(body[i:j], 8, 32)
			if err := writeCode(int(v)); err != nil {
				return "", err
			}
			i = j - 1
		case 'x', 'u', 'U':
			if isBytes && e != 'x' {
				b.WriteByte('\\')
				b.WriteByte(e)
				continue
			}
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if i+n >= len(body) {
				return "", pyRaise("truncated \\%cXX escape", e)
			}
			hexText := body[i+1 : i+1+n]
			v, err := strconv.ParseUint(hexText, 16, 32)
			if err != nil || strings.ContainsAny(hexText, "+-_") {
				return "", pyRaise("truncated \\%cXX escape", e)
			}
			if v > 0x10ffff {
				return "", pyRaise("illegal Unicode character")
			}
			if err := writeCode(int(v)); err != nil {
				return "", err
			}
			i += n
		case 'N':
			if isBytes {
				b.WriteString(`\N`)
				continue
			}
			return "", unsupported(`\N{...} escapes`)
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	return b.String(), nil
}

// ---- parser ----

type pyNode interface{ eval() (PyValue, error) }

type pyParser struct {
	toks []pyToken
	pos  int
	src  string // the text given to eval(), the value of its local __v
}

func (p *pyParser) peek() pyToken { return p.toks[p.pos] }
func (p *pyParser) next() pyToken {
	t := p.toks[p.pos]
	if t.kind != tkEnd {
		p.pos++
	}
	return t
}

func (p *pyParser) isOp(op string) bool {
	t := p.peek()
	return t.kind == tkOp && t.text == op
}

func (p *pyParser) isKw(kw string) bool {
	t := p.peek()
	return t.kind == tkName && t.text == kw
}

func (p *pyParser) expectOp(op string) error {
	if !p.isOp(op) {
		return pyRaise("invalid syntax")
	}
	p.next()
	return nil
}

var pyHardKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true,
	"async": true, "await": true, "break": true, "class": true, "continue": true, "def": true,
	"del": true, "elif": true, "else": true, "except": true, "finally": true, "for": true,
	"from": true, "global": true, "if": true, "import": true, "in": true, "is": true,
	"lambda": true, "nonlocal": true, "not": true, "or": true, "pass": true, "raise": true,
	"return": true, "try": true, "while": true, "with": true, "yield": true,
}

// parseExpressions: expression (',' expression)* [','] — a bare tuple.
func (p *pyParser) parseExpressions() (pyNode, error) {
	first, err := p.parseExpr()
	if err != nil {
		return nil, err
	}
	if !p.isOp(",") {
		return first, nil
	}
	elts := []pyNode{first}
	for p.isOp(",") {
		p.next()
		if p.startsExpr() {
			e, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			elts = append(elts, e)
		} else {
			break
		}
	}
	return &seqNode{kind: "tuple", elts: elts}, nil
}

func (p *pyParser) startsExpr() bool {
	t := p.peek()
	switch t.kind {
	case tkName:
		return !pyHardKeywords[t.text] || t.text == "True" || t.text == "False" || t.text == "None" ||
			t.text == "not" || t.text == "lambda" || t.text == "await" || t.text == "yield"
	case tkNumber, tkString:
		return true
	case tkOp:
		switch t.text {
		case "(", "[", "{", "-", "+", "~", "...", "*":
			return true
		}
	}
	return false
}

func (p *pyParser) parseExpr() (pyNode, error) {
	if p.isKw("lambda") {
		return nil, unsupported("lambda expressions")
	}
	if p.isKw("yield") {
		return nil, unsupported("yield expressions")
	}
	if p.isOp("*") {
		return nil, unsupported("starred expressions")
	}
	body, err := p.parseOr()
	if err != nil {
		return nil, err
	}
	if p.isOp(":=") {
		return nil, unsupported("assignment expressions")
	}
	if p.isKw("if") {
		p.next()
		cond, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if !p.isKw("else") {
			return nil, pyRaise("expected 'else' after 'if' expression")
		}
		p.next()
		orElse, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		return &condNode{cond: cond, body: body, orElse: orElse}, nil
	}
	return body, nil
}

func (p *pyParser) parseOr() (pyNode, error) {
	x, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	for p.isKw("or") {
		p.next()
		y, err := p.parseAnd()
		if err != nil {
			return nil, err
		}
		x = &boolOpNode{and: false, x: x, y: y}
	}
	return x, nil
}

func (p *pyParser) parseAnd() (pyNode, error) {
	x, err := p.parseNot()
	if err != nil {
		return nil, err
	}
	for p.isKw("and") {
		p.next()
		y, err := p.parseNot()
		if err != nil {
			return nil, err
		}
		x = &boolOpNode{and: true, x: x, y: y}
	}
	return x, nil
}

func (p *pyParser) parseNot() (pyNode, error) {
	if p.isKw("not") {
		p.next()
		x, err := p.parseNot()
		if err != nil {
			return nil, err
		}
		return &notNode{x: x}, nil
	}
	return p.parseComparison()
}

func (p *pyParser) parseComparison() (pyNode, error) {
	x, err := p.parseBinary(0)
	if err != nil {
		return nil, err
	}
	var ops []string
	operands := []pyNode{x}
	for {
		op := ""
		t := p.peek()
		switch {
		case t.kind == tkOp && (t.text == "==" || t.text == "!=" || t.text == "<" || t.text == ">" || t.text == "<=" || t.text == ">="):
			op = t.text
			p.next()
		case t.kind == tkOp && t.text == "<>":
			return nil, pyRaise("invalid syntax")
		case p.isKw("in"):
			op = "in"
			p.next()
		case p.isKw("not"):
			p.next()
			if !p.isKw("in") {
				return nil, pyRaise("invalid syntax")
			}
			p.next()
			op = "not in"
		case p.isKw("is"):
			p.next()
			op = "is"
			if p.isKw("not") {
				p.next()
				op = "is not"
			}
		}
		if op == "" {
			break
		}
		y, err := p.parseBinary(0)
		if err != nil {
			return nil, err
		}
		ops = append(ops, op)
		operands = append(operands, y)
	}
	if len(ops) == 0 {
		return x, nil
	}
	return &compareNode{ops: ops, operands: operands}, nil
}

// binary operator precedence levels, lowest first.
var pyBinLevels = [][]string{{"|"}, {"^"}, {"&"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "//", "%", "@"}}

func (p *pyParser) parseBinary(level int) (pyNode, error) {
	if level == len(pyBinLevels) {
		return p.parseFactor()
	}
	x, err := p.parseBinary(level + 1)
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		found := false
		if t.kind == tkOp {
			for _, op := range pyBinLevels[level] {
				if t.text == op {
					found = true
				}
			}
		}
		if !found {
			return x, nil
		}
		p.next()
		y, err := p.parseBinary(level + 1)
		if err != nil {
			return nil, err
		}
		x = &binNode{op: t.text, x: x, y: y}
	}
}

func (p *pyParser) parseFactor() (pyNode, error) {
	t := p.peek()
	if t.kind == tkOp && (t.text == "-" || t.text == "+" || t.text == "~") {
		p.next()
		x, err := p.parseFactor()
		if err != nil {
			return nil, err
		}
		return &unaryNode{op: t.text, x: x}, nil
	}
	return p.parsePower()
}

func (p *pyParser) parsePower() (pyNode, error) {
	if p.isKw("await") {
		return nil, unsupported("await expressions")
	}
	x, err := p.parsePrimary()
	if err != nil {
		return nil, err
	}
	if p.isOp("**") {
		p.next()
		y, err := p.parseFactor()
		if err != nil {
			return nil, err
		}
		return &binNode{op: "**", x: x, y: y}, nil
	}
	return x, nil
}

func (p *pyParser) parsePrimary() (pyNode, error) {
	x, err := p.parseAtom()
	if err != nil {
		return nil, err
	}
	for {
		switch {
		case p.isOp("."):
			p.next()
			t := p.next()
			if t.kind != tkName || pyHardKeywords[t.text] {
				return nil, pyRaise("invalid syntax")
			}
			x = &attrNode{x: x, name: t.text}
		case p.isOp("("):
			p.next()
			call := &callNode{fn: x}
			for !p.isOp(")") {
				if p.isOp("*") || p.isOp("**") {
					return nil, unsupported("argument unpacking")
				}
				t := p.peek()
				if t.kind == tkName && !pyHardKeywords[t.text] && p.toks[p.pos+1].kind == tkOp && p.toks[p.pos+1].text == "=" {
					p.next()
					p.next()
				}
				a, err := p.parseExpr()
				if err != nil {
					return nil, err
				}
				if p.isKw("for") {
					return nil, unsupported("generator expressions")
				}
				call.args = append(call.args, a)
				if !p.isOp(",") {
					break
				}
				p.next()
			}
			if err := p.expectOp(")"); err != nil {
				return nil, err
			}
			x = call
		case p.isOp("["):
			p.next()
			idx, err := p.parseSubscript()
			if err != nil {
				return nil, err
			}
			if err := p.expectOp("]"); err != nil {
				return nil, err
			}
			x = &subscriptNode{x: x, index: idx}
		default:
			return x, nil
		}
	}
}

// parseSubscript: a single index, a slice, or a tuple of indexes.
func (p *pyParser) parseSubscript() (pyNode, error) {
	var items []pyNode
	for {
		it, err := p.parseSliceItem()
		if err != nil {
			return nil, err
		}
		items = append(items, it)
		if !p.isOp(",") {
			break
		}
		p.next()
		if p.isOp("]") {
			return &seqNode{kind: "tuple", elts: items}, nil
		}
	}
	if len(items) == 1 {
		return items[0], nil
	}
	return &seqNode{kind: "tuple", elts: items}, nil
}

func (p *pyParser) parseSliceItem() (pyNode, error) {
	var parts [3]pyNode
	if !p.isOp(":") {
		x, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		if !p.isOp(":") {
			return x, nil
		}
		parts[0] = x
	}
	for k := 1; k <= 2 && p.isOp(":"); k++ {
		p.next()
		if !p.isOp(":") && !p.isOp("]") && !p.isOp(",") {
			x, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			parts[k] = x
		}
	}
	return &sliceNode{lower: parts[0], upper: parts[1], step: parts[2]}, nil
}

func (p *pyParser) parseAtom() (pyNode, error) {
	t := p.next()
	switch t.kind {
	case tkNumber:
		return &constNode{v: t.value}, nil
	case tkString:
		isBytes := t.bytes
		var sb strings.Builder
		sb.WriteString(t.value.String())
		if isBytes {
			sb.Reset()
			sb.WriteString(string(t.value.(PyBytes)))
		}
		for p.peek().kind == tkString {
			u := p.next()
			if u.bytes != isBytes {
				return nil, pyRaise("cannot mix bytes and nonbytes literals")
			}
			if isBytes {
				sb.WriteString(string(u.value.(PyBytes)))
			} else {
				sb.WriteString(string(u.value.(PyStr)))
			}
		}
		if isBytes {
			return &constNode{v: PyBytes(sb.String())}, nil
		}
		return &constNode{v: PyStr(sb.String())}, nil
	case tkName:
		switch t.text {
		case "True":
			return &constNode{v: PyBool(true)}, nil
		case "False":
			return &constNode{v: PyBool(false)}, nil
		case "None":
			return &constNode{v: PyNone{}}, nil
		}
		if pyHardKeywords[t.text] {
			return nil, pyRaise("invalid syntax")
		}
		if t.text == "_ConfDefinition__v" {
			// the (mangled) parameter of _get_evaluated_value
			return &constNode{v: PyStr(p.src)}, nil
		}
		return &nameNode{name: t.text}, nil
	case tkOp:
		switch t.text {
		case "...":
			return &constNode{v: PyEllipsis{}}, nil
		case "(":
			if p.isOp(")") {
				p.next()
				return &seqNode{kind: "tuple"}, nil
			}
			if p.isKw("yield") {
				return nil, unsupported("yield expressions")
			}
			first, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			if p.isKw("for") || p.isKw("async") {
				return nil, unsupported("generator expressions")
			}
			if p.isOp(")") {
				p.next()
				return first, nil
			}
			elts := []pyNode{first}
			for p.isOp(",") {
				p.next()
				if p.isOp(")") {
					break
				}
				e, err := p.parseExpr()
				if err != nil {
					return nil, err
				}
				elts = append(elts, e)
			}
			if err := p.expectOp(")"); err != nil {
				return nil, err
			}
			return &seqNode{kind: "tuple", elts: elts}, nil
		case "[":
			var elts []pyNode
			for !p.isOp("]") {
				e, err := p.parseExpr()
				if err != nil {
					return nil, err
				}
				if p.isKw("for") || p.isKw("async") {
					return nil, unsupported("list comprehensions")
				}
				elts = append(elts, e)
				if !p.isOp(",") {
					break
				}
				p.next()
			}
			if err := p.expectOp("]"); err != nil {
				return nil, err
			}
			return &seqNode{kind: "list", elts: elts}, nil
		case "{":
			return p.parseBrace()
		}
	}
	return nil, pyRaise("invalid syntax")
}

func (p *pyParser) parseBrace() (pyNode, error) {
	if p.isOp("}") {
		p.next()
		return &dictNode{}, nil
	}
	if p.isOp("**") {
		return nil, unsupported("dict unpacking")
	}
	first, err := p.parseExpr()
	if err != nil {
		return nil, err
	}
	if p.isKw("for") || p.isKw("async") {
		return nil, unsupported("set comprehensions")
	}
	if !p.isOp(":") {
		// a set display
		elts := []pyNode{first}
		for p.isOp(",") {
			p.next()
			if p.isOp("}") {
				break
			}
			e, err := p.parseExpr()
			if err != nil {
				return nil, err
			}
			elts = append(elts, e)
		}
		if err := p.expectOp("}"); err != nil {
			return nil, err
		}
		return &seqNode{kind: "set", elts: elts}, nil
	}
	d := &dictNode{}
	key := first
	for {
		if err := p.expectOp(":"); err != nil {
			return nil, err
		}
		val, err := p.parseExpr()
		if err != nil {
			return nil, err
		}
		if p.isKw("for") || p.isKw("async") {
			return nil, unsupported("dict comprehensions")
		}
		d.keys = append(d.keys, key)
		d.vals = append(d.vals, val)
		if !p.isOp(",") {
			break
		}
		p.next()
		if p.isOp("}") {
			break
		}
		if p.isOp("**") {
			return nil, unsupported("dict unpacking")
		}
		key, err = p.parseExpr()
		if err != nil {
			return nil, err
		}
	}
	if err := p.expectOp("}"); err != nil {
		return nil, err
	}
	return d, nil
}

// ---- evaluation ----

type constNode struct{ v PyValue }

func (n *constNode) eval() (PyValue, error) { return n.v, nil }

type nameNode struct{ name string }

func (n *nameNode) eval() (PyValue, error) {
	if n.name == "__debug__" {
		return PyBool(true), nil
	}
	if n.name == "Ellipsis" {
		return PyEllipsis{}, nil
	}
	switch n.name {
	case "__name__":
		return PyStr("conans.model.conf"), nil
	case "__package__":
		return PyStr("conans.model"), nil
	case "__doc__":
		return PyNone{}, nil
	}
	if o, ok := pyNames()[n.name]; ok {
		return o, nil
	}
	return nil, pyRaise("name '%s' is not defined", n.name)
}

func opaqueErr(v ...PyValue) error {
	for _, x := range v {
		if o, isO := x.(*pyOpaque); isO {
			return unsupported("the value uses the Python object %s", o.name)
		}
	}
	return nil
}

// truthErr rejects truth tests on objects conid does not model; builtin
// classes and functions are true.
func truthErr(x PyValue) error {
	if o, isO := x.(*pyOpaque); isO && o.repr == "" {
		return unsupported("the value uses the Python object %s", o.name)
	}
	return nil
}

type seqNode struct {
	kind string // "list", "tuple", "set"
	elts []pyNode
}

func (n *seqNode) eval() (PyValue, error) {
	vals := make([]PyValue, 0, len(n.elts))
	for _, e := range n.elts {
		v, err := e.eval()
		if err != nil {
			return nil, err
		}
		vals = append(vals, v)
	}
	switch n.kind {
	case "list":
		return PyList(vals), nil
	case "tuple":
		return PyTuple(vals), nil
	}
	return nil, unsupported("set values (Python prints them in hash order)")
}

type dictNode struct{ keys, vals []pyNode }

func (n *dictNode) eval() (PyValue, error) {
	d := PyDict{}
	for i := range n.keys {
		k, err := n.keys[i].eval()
		if err != nil {
			return nil, err
		}
		v, err := n.vals[i].eval()
		if err != nil {
			return nil, err
		}
		if err := truthErr(k); err != nil {
			return nil, err
		}
		if !hashable(k) {
			return nil, pyRaise("unhashable type: '%s'", k.TypeName())
		}
		j, ok := dictFind(d, k)
		if !ok {
			return nil, unsupported("dict key comparison")
		}
		if j >= 0 {
			d[j].Value = v
		} else {
			d = append(d, PyDictItem{Key: k, Value: v})
		}
	}
	return d, nil
}

type condNode struct{ cond, body, orElse pyNode }

func (n *condNode) eval() (PyValue, error) {
	c, err := n.cond.eval()
	if err != nil {
		return nil, err
	}
	if err := truthErr(c); err != nil {
		return nil, err
	}
	if pyTruth(c) {
		return n.body.eval()
	}
	return n.orElse.eval()
}

type boolOpNode struct {
	and  bool
	x, y pyNode
}

func (n *boolOpNode) eval() (PyValue, error) {
	x, err := n.x.eval()
	if err != nil {
		return nil, err
	}
	if err := truthErr(x); err != nil {
		return nil, err
	}
	if pyTruth(x) != n.and {
		return x, nil
	}
	return n.y.eval()
}

type notNode struct{ x pyNode }

func (n *notNode) eval() (PyValue, error) {
	x, err := n.x.eval()
	if err != nil {
		return nil, err
	}
	if err := truthErr(x); err != nil {
		return nil, err
	}
	return PyBool(!pyTruth(x)), nil
}

type attrNode struct {
	x    pyNode
	name string
}

func (n *attrNode) eval() (PyValue, error) {
	if _, err := n.x.eval(); err != nil {
		return nil, err
	}
	return nil, unsupported("attribute access (.%s)", n.name)
}

type callNode struct {
	fn   pyNode
	args []pyNode
}

func (n *callNode) eval() (PyValue, error) {
	f, err := n.fn.eval()
	if err != nil {
		return nil, err
	}
	for _, a := range n.args {
		if _, err := a.eval(); err != nil {
			return nil, err
		}
	}
	if err := opaqueErr(f); err != nil {
		return nil, err
	}
	return nil, pyRaise("'%s' object is not callable", f.TypeName())
}

type sliceNode struct{ lower, upper, step pyNode }

func (n *sliceNode) eval() (PyValue, error) {
	return nil, unsupported("slice objects")
}

type subscriptNode struct{ x, index pyNode }

func (n *subscriptNode) eval() (PyValue, error) {
	x, err := n.x.eval()
	if err != nil {
		return nil, err
	}
	if sl, isSlice := n.index.(*sliceNode); isSlice {
		var bounds [3]PyValue
		for i, part := range []pyNode{sl.lower, sl.upper, sl.step} {
			if part == nil {
				continue
			}
			v, err := part.eval()
			if err != nil {
				return nil, err
			}
			bounds[i] = v
		}
		if err := opaqueErr(x, bounds[0], bounds[1], bounds[2]); err != nil {
			return nil, err
		}
		return pySlice(x, bounds)
	}
	idx, err := n.index.eval()
	if err != nil {
		return nil, err
	}
	if err := opaqueErr(x, idx); err != nil {
		return nil, err
	}
	return pyIndex(x, idx)
}

func indexInt(v PyValue) (*big.Int, bool) {
	switch v := v.(type) {
	case PyInt:
		return v.V, true
	case PyBool:
		if v {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	}
	return nil, false
}

func seqItems(x PyValue) ([]PyValue, bool) {
	switch x := x.(type) {
	case PyList:
		return x, true
	case PyTuple:
		return x, true
	case PyStr:
		var out []PyValue
		for _, r := range string(x) {
			out = append(out, PyStr(string(r)))
		}
		return out, true
	case PyBytes:
		out := make([]PyValue, len(x))
		for i := 0; i < len(x); i++ {
			out[i] = PyInt{big.NewInt(int64(x[i]))}
		}
		return out, true
	}
	return nil, false
}

func pyIndex(x, idx PyValue) (PyValue, error) {
	if d, isDict := x.(PyDict); isDict {
		if !hashable(idx) {
			return nil, pyRaise("unhashable type")
		}
		j, ok := dictFind(d, idx)
		if !ok {
			return nil, unsupported("dict key comparison")
		}
		if j < 0 {
			return nil, pyRaise("KeyError")
		}
		return d[j].Value, nil
	}
	items, isSeq := seqItems(x)
	if !isSeq {
		return nil, pyRaise("'%s' object is not subscriptable", x.TypeName())
	}
	i, isInt := indexInt(idx)
	if !isInt {
		return nil, pyRaise("indices must be integers")
	}
	if !i.IsInt64() {
		return nil, pyRaise("cannot fit 'int' into an index-sized integer")
	}
	k := i.Int64()
	if k < 0 {
		k += int64(len(items))
	}
	if k < 0 || k >= int64(len(items)) {
		return nil, pyRaise("index out of range")
	}
	return items[k], nil
}

func pySlice(x PyValue, b [3]PyValue) (PyValue, error) {
	items, isSeq := seqItems(x)
	if !isSeq {
		if _, isDict := x.(PyDict); isDict {
			return nil, pyRaise("unhashable type: 'slice'")
		}
		return nil, pyRaise("'%s' object is not subscriptable", x.TypeName())
	}
	n := int64(len(items))
	get := func(v PyValue) (int64, bool, error) {
		if v == nil {
			return 0, false, nil
		}
		if _, isNone := v.(PyNone); isNone {
			return 0, false, nil
		}
		i, isInt := indexInt(v)
		if !isInt {
			return 0, false, pyRaise("slice indices must be integers or None")
		}
		if !i.IsInt64() {
			if i.Sign() < 0 {
				return math.MinInt64 / 2, true, nil
			}
			return math.MaxInt64 / 2, true, nil
		}
		return i.Int64(), true, nil
	}
	step, hasStep, err := get(b[2])
	if err != nil {
		return nil, err
	}
	if !hasStep {
		step = 1
	}
	if step == 0 {
		return nil, pyRaise("slice step cannot be zero")
	}
	lo, hasLo, err := get(b[0])
	if err != nil {
		return nil, err
	}
	hi, hasHi, err := get(b[1])
	if err != nil {
		return nil, err
	}
	adjust := func(v int64, has bool, dflt int64, low, high int64) int64 {
		if !has {
			return dflt
		}
		if v < 0 {
			v += n
			if v < low {
				v = low
			}
		} else if v > high {
			v = high
		}
		return v
	}
	var out []PyValue
	if step > 0 {
		lo = adjust(lo, hasLo, 0, 0, n)
		hi = adjust(hi, hasHi, n, 0, n)
		for i := lo; i < hi; i += step {
			out = append(out, items[i])
		}
	} else {
		lo = adjust(lo, hasLo, n-1, -1, n-1)
		hi = adjust(hi, hasHi, -1, -1, n-1)
		for i := lo; i > hi; i += step {
			out = append(out, items[i])
		}
	}
	switch x.(type) {
	case PyList:
		return PyList(out), nil
	case PyTuple:
		return PyTuple(out), nil
	case PyStr:
		var sb strings.Builder
		for _, v := range out {
			sb.WriteString(string(v.(PyStr)))
		}
		return PyStr(sb.String()), nil
	default:
		bs := make([]byte, len(out))
		for i, v := range out {
			bs[i] = byte(v.(PyInt).V.Int64())
		}
		return PyBytes(bs), nil
	}
}

type unaryNode struct {
	op string
	x  pyNode
}

func (n *unaryNode) eval() (PyValue, error) {
	x, err := n.x.eval()
	if err != nil {
		return nil, err
	}
	if err := truthErr(x); err != nil {
		return nil, err
	}
	if f, isF := x.(PyFloat); isF {
		switch n.op {
		case "-":
			return PyFloat(-f), nil
		case "+":
			return f, nil
		}
		return nil, pyRaise("bad operand type for unary ~: 'float'")
	}
	i, isInt := indexInt(x)
	if !isInt {
		return nil, pyRaise("bad operand type for unary %s: '%s'", n.op, x.TypeName())
	}
	r := new(big.Int)
	switch n.op {
	case "-":
		r.Neg(i)
	case "+":
		r.Set(i)
	default:
		r.Not(i)
	}
	return PyInt{r}, nil
}

type compareNode struct {
	ops      []string
	operands []pyNode
}

func (n *compareNode) eval() (PyValue, error) {
	left, err := n.operands[0].eval()
	if err != nil {
		return nil, err
	}
	for i, op := range n.ops {
		right, err := n.operands[i+1].eval()
		if err != nil {
			return nil, err
		}
		if err := truthErr(left); err != nil {
			return nil, err
		}
		if err := truthErr(right); err != nil {
			return nil, err
		}
		res, err := pyCompare(op, left, right)
		if err != nil {
			return nil, err
		}
		if !res {
			return PyBool(false), nil
		}
		left = right
	}
	return PyBool(true), nil
}

func pyCompare(op string, a, b PyValue) (bool, error) {
	switch op {
	case "==", "!=":
		eq, ok := pyEqual(a, b)
		if !ok {
			return false, unsupported("comparison of %s and %s", a.TypeName(), b.TypeName())
		}
		return eq == (op == "=="), nil
	case "is", "is not":
		if !isSingleton(a) && !isSingleton(b) {
			return false, unsupported("identity comparison")
		}
		same := isSingleton(a) && isSingleton(b) && a.TypeName() == b.TypeName() && a.Repr() == b.Repr()
		return same == (op == "is"), nil
	case "in", "not in":
		in, err := pyContains(b, a)
		if err != nil {
			return false, err
		}
		return in == (op == "in"), nil
	}
	c, err := pyOrder(a, b)
	if err != nil {
		return false, err
	}
	if c == 2 { // unordered (nan)
		return false, nil
	}
	switch op {
	case "<":
		return c < 0, nil
	case "<=":
		return c <= 0, nil
	case ">":
		return c > 0, nil
	}
	return c >= 0, nil
}

// isSingleton reports whether identity is well defined for v: None,
// True, False, Ellipsis and the builtin classes and functions.
func isSingleton(v PyValue) bool {
	switch v := v.(type) {
	case PyNone, PyBool, PyEllipsis:
		return true
	case *pyOpaque:
		return v.repr != ""
	}
	return false
}

func pyContains(container, item PyValue) (bool, error) {
	switch c := container.(type) {
	case PyStr:
		s, isStr := item.(PyStr)
		if !isStr {
			return false, pyRaise("'in <string>' requires string as left operand")
		}
		return strings.Contains(string(c), string(s)), nil
	case PyBytes:
		s, isBytes := item.(PyBytes)
		if !isBytes {
			return false, unsupported("membership in bytes")
		}
		return strings.Contains(string(c), string(s)), nil
	case PyList, PyTuple:
		items, _ := seqItems(c)
		for _, e := range items {
			eq, ok := pyEqual(e, item)
			if !ok {
				return false, unsupported("membership comparison")
			}
			if eq {
				return true, nil
			}
		}
		return false, nil
	case PyDict:
		if !hashable(item) {
			return false, pyRaise("unhashable type")
		}
		j, ok := dictFind(c, item)
		if !ok {
			return false, unsupported("membership comparison")
		}
		return j >= 0, nil
	}
	return false, pyRaise("argument of type '%s' is not iterable", container.TypeName())
}

// pyOrder compares a and b for <, <=, >, >=: -1, 0, 1, or 2 when
// unordered (a NaN is involved).
func pyOrder(a, b PyValue) (int, error) {
	if isNumeric(a) && isNumeric(b) {
		fa, aF := a.(PyFloat)
		fb, bF := b.(PyFloat)
		if (aF && math.IsNaN(float64(fa))) || (bF && math.IsNaN(float64(fb))) {
			return 2, nil
		}
		if aF && math.IsInf(float64(fa), 0) || bF && math.IsInf(float64(fb), 0) {
			x, y := toFloatLoose(a), toFloatLoose(b)
			switch {
			case x < y:
				return -1, nil
			case x > y:
				return 1, nil
			}
			return 0, nil
		}
		ra, _, _ := asNumber(a)
		rb, _, _ := asNumber(b)
		return ra.Cmp(rb), nil
	}
	switch a := a.(type) {
	case PyStr:
		if b, isStr := b.(PyStr); isStr {
			return strings.Compare(string(a), string(b)), nil
		}
	case PyBytes:
		if b, isBytes := b.(PyBytes); isBytes {
			return strings.Compare(string(a), string(b)), nil
		}
	case PyList:
		if b, isList := b.(PyList); isList {
			return seqOrder(a, b)
		}
	case PyTuple:
		if b, isTuple := b.(PyTuple); isTuple {
			return seqOrder(a, b)
		}
	}
	if isModelled(a) && isModelled(b) {
		return 0, pyRaise("'<' not supported between instances of '%s' and '%s'", a.TypeName(), b.TypeName())
	}
	return 0, unsupported("ordering of %s and %s", a.TypeName(), b.TypeName())
}

func seqOrder(a, b []PyValue) (int, error) {
	for i := 0; i < len(a) && i < len(b); i++ {
		eq, ok := pyEqual(a[i], b[i])
		if !ok {
			return 0, unsupported("comparison of sequence items")
		}
		if !eq {
			return pyOrder(a[i], b[i])
		}
	}
	switch {
	case len(a) < len(b):
		return -1, nil
	case len(a) > len(b):
		return 1, nil
	}
	return 0, nil
}

func toFloatLoose(v PyValue) float64 {
	switch v := v.(type) {
	case PyFloat:
		return float64(v)
	case PyBool:
		if v {
			return 1
		}
		return 0
	case PyInt:
		f, _ := new(big.Float).SetInt(v.V).Float64()
		return f
	}
	return 0
}

type binNode struct {
	op   string
	x, y pyNode
}

func (n *binNode) eval() (PyValue, error) {
	x, err := n.x.eval()
	if err != nil {
		return nil, err
	}
	y, err := n.y.eval()
	if err != nil {
		return nil, err
	}
	if err := truthErr(x); err != nil {
		return nil, err
	}
	if err := truthErr(y); err != nil {
		return nil, err
	}
	return pyBinary(n.op, x, y)
}

// maxPyLen bounds the size of values built by repetition, to keep the
// evaluator from exhausting memory on hostile input.
const maxPyLen = 1 << 20

func pyBinary(op string, x, y PyValue) (PyValue, error) {
	if isNumeric(x) && isNumeric(y) {
		return numBinary(op, x, y)
	}
	switch op {
	case "+":
		switch a := x.(type) {
		case PyStr:
			if b, ok := y.(PyStr); ok {
				if len(a)+len(b) > maxPyLen {
					return nil, unsupported("very large values")
				}
				return a + b, nil
			}
		case PyBytes:
			if b, ok := y.(PyBytes); ok {
				if len(a)+len(b) > maxPyLen {
					return nil, unsupported("very large values")
				}
				return a + b, nil
			}
		case PyList:
			if b, ok := y.(PyList); ok {
				if len(a)+len(b) > maxPyLen {
					return nil, unsupported("very large values")
				}
				return append(append(PyList{}, a...), b...), nil
			}
		case PyTuple:
			if b, ok := y.(PyTuple); ok {
				if len(a)+len(b) > maxPyLen {
					return nil, unsupported("very large values")
				}
				return append(append(PyTuple{}, a...), b...), nil
			}
		}
	case "*":
		if isNumeric(x) {
			x, y = y, x
		}
		if k, isInt := indexInt(y); isInt {
			cnt := int64(0)
			if k.Sign() > 0 {
				if !k.IsInt64() {
					return nil, unsupported("very large values")
				}
				cnt = k.Int64()
			}
			switch a := x.(type) {
			case PyStr:
				if cnt*int64(len(a)) > maxPyLen {
					return nil, unsupported("very large values")
				}
				return PyStr(strings.Repeat(string(a), int(cnt))), nil
			case PyBytes:
				if cnt*int64(len(a)) > maxPyLen {
					return nil, unsupported("very large values")
				}
				return PyBytes(strings.Repeat(string(a), int(cnt))), nil
			case PyList:
				if cnt*int64(len(a)) > maxPyLen {
					return nil, unsupported("very large values")
				}
				out := PyList{}
				for i := int64(0); i < cnt; i++ {
					out = append(out, a...)
				}
				return out, nil
			case PyTuple:
				if cnt*int64(len(a)) > maxPyLen {
					return nil, unsupported("very large values")
				}
				out := PyTuple{}
				for i := int64(0); i < cnt; i++ {
					out = append(out, a...)
				}
				return out, nil
			}
		}
	case "%":
		if _, isStr := x.(PyStr); isStr {
			return nil, unsupported("printf-style string formatting")
		}
		if _, isBytes := x.(PyBytes); isBytes {
			return nil, unsupported("printf-style bytes formatting")
		}
	case "|":
		if _, isDict := x.(PyDict); isDict {
			return nil, unsupported("dict union")
		}
	}
	return nil, pyRaise("unsupported operand type(s) for %s: '%s' and '%s'", op, x.TypeName(), y.TypeName())
}

func numBinary(op string, x, y PyValue) (PyValue, error) {
	_, xf := x.(PyFloat)
	_, yf := y.(PyFloat)
	if xf || yf {
		return floatBinary(op, x, y)
	}
	a, _ := indexInt(x)
	b, _ := indexInt(y)
	_, xIsBool := x.(PyBool)
	_, yIsBool := y.(PyBool)
	r := new(big.Int)
	switch op {
	case "+":
		r.Add(a, b)
	case "-":
		r.Sub(a, b)
	case "*":
		if a.BitLen()+b.BitLen() > 200000 {
			return nil, unsupported("very large integers")
		}
		r.Mul(a, b)
	case "/":
		if b.Sign() == 0 {
			return nil, pyRaise("division by zero")
		}
		q := new(big.Rat).SetFrac(a, b)
		f, _ := q.Float64()
		if math.IsInf(f, 0) {
			return nil, pyRaise("integer division result too large for a float")
		}
		return PyFloat(f), nil
	case "//", "%":
		if b.Sign() == 0 {
			return nil, pyRaise("integer division or modulo by zero")
		}
		q, m := new(big.Int), new(big.Int)
		q.DivMod(a, b, m) // Euclidean: m >= 0
		if m.Sign() != 0 && b.Sign() < 0 {
			// Python floors: the remainder takes the sign of the divisor.
			m.Add(m, b)
			q.Add(q, big.NewInt(1))
		}
		if op == "//" {
			return PyInt{q}, nil
		}
		return PyInt{m}, nil
	case "**":
		if b.Sign() < 0 {
			fa, err := intToFloat(x)
			if err != nil {
				return nil, err
			}
			fb, err := intToFloat(y)
			if err != nil {
				return nil, err
			}
			return floatPow(fa, fb)
		}
		if a.BitLen() > 1 && (!b.IsInt64() || int64(a.BitLen())*b.Int64() > 200000) {
			return nil, unsupported("very large integers")
		}
		r.Exp(a, b, nil)
	case "<<", ">>":
		if b.Sign() < 0 {
			return nil, pyRaise("negative shift count")
		}
		if op == "<<" {
			if !b.IsInt64() || b.Int64()+int64(a.BitLen()) > 200000 {
				if a.Sign() == 0 {
					return PyInt{r}, nil
				}
				return nil, unsupported("very large integers")
			}
			r.Lsh(a, uint(b.Int64()))
		} else {
			if !b.IsInt64() || b.Int64() > int64(a.BitLen())+1 {
				if a.Sign() < 0 {
					return PyInt{big.NewInt(-1)}, nil
				}
				return PyInt{r}, nil
			}
			r.Rsh(a, uint(b.Int64()))
		}
	case "&", "|", "^":
		switch op {
		case "&":
			r.And(a, b)
		case "|":
			r.Or(a, b)
		default:
			r.Xor(a, b)
		}
		if xIsBool && yIsBool {
			return PyBool(r.Sign() != 0), nil
		}
	default:
		return nil, pyRaise("unsupported operand type(s) for %s", op)
	}
	return PyInt{r}, nil
}

// floatPow is Python's float.__pow__, which calls C's pow(). conid only
// computes the cases whose result it can round exactly like glibc: special
// values, square roots, and integer exponents (computed exactly, then
// rounded once).
func floatPow(x, y float64) (PyValue, error) {
	switch {
	case y == 0 || x == 1:
		return PyFloat(1), nil
	case math.IsNaN(x) || math.IsNaN(y):
		return PyFloat(math.NaN()), nil
	case x == 0:
		if y < 0 {
			return nil, pyRaise("0.0 cannot be raised to a negative power")
		}
		return PyFloat(math.Pow(x, y)), nil
	case math.IsInf(x, 0) || math.IsInf(y, 0):
		return PyFloat(math.Pow(x, y)), nil
	}
	if y != math.Trunc(y) {
		if x < 0 {
			return nil, unsupported("complex results of **")
		}
		if y == 0.5 {
			return PyFloat(math.Sqrt(x)), nil
		}
		return nil, unsupported("float powers with a fractional exponent")
	}
	if math.Abs(y) > 4096 {
		if math.Abs(x) == 1 {
			return PyFloat(math.Pow(x, y)), nil
		}
		return nil, unsupported("float powers with a large exponent")
	}
	n := int(math.Abs(y))
	prec := uint(53*n + 64)
	base := new(big.Float).SetPrec(prec).SetFloat64(x)
	r := new(big.Float).SetPrec(prec).SetFloat64(1)
	for i := 0; i < n; i++ {
		r.Mul(r, base)
	}
	if y < 0 {
		r = new(big.Float).SetPrec(prec).Quo(new(big.Float).SetPrec(prec).SetFloat64(1), r)
	}
	f, _ := r.Float64()
	if math.IsInf(f, 0) {
		return nil, pyRaise("(34, 'Numerical result out of range')")
	}
	return PyFloat(f), nil
}

func intToFloat(v PyValue) (float64, error) {
	switch v := v.(type) {
	case PyFloat:
		return float64(v), nil
	case PyBool:
		if v {
			return 1, nil
		}
		return 0, nil
	case PyInt:
		f, _ := new(big.Float).SetInt(v.V).Float64()
		if math.IsInf(f, 0) {
			return 0, pyRaise("int too large to convert to float")
		}
		// big.Float rounds to nearest even like Python's int.__float__.
		return f, nil
	}
	return 0, pyRaise("not a number")
}

func floatBinary(op string, x, y PyValue) (PyValue, error) {
	a, err := intToFloat(x)
	if err != nil {
		return nil, err
	}
	b, err := intToFloat(y)
	if err != nil {
		return nil, err
	}
	switch op {
	case "+":
		return PyFloat(a + b), nil
	case "-":
		return PyFloat(a - b), nil
	case "*":
		return PyFloat(a * b), nil
	case "/":
		if b == 0 {
			return nil, pyRaise("float division by zero")
		}
		return PyFloat(a / b), nil
	case "//", "%":
		if b == 0 {
			return nil, pyRaise("float modulo")
		}
		div, mod := pyFloatDivmod(a, b)
		if op == "//" {
			return PyFloat(div), nil
		}
		return PyFloat(mod), nil
	case "**":
		return floatPow(a, b)
	}
	return nil, pyRaise("unsupported operand type(s) for %s: 'float'", op)
}

// pyFloatDivmod is CPython's float_divmod.
func pyFloatDivmod(vx, wx float64) (float64, float64) {
	mod := math.Mod(vx, wx)
	div := (vx - mod) / wx
	if mod != 0 {
		if (wx < 0) != (mod < 0) {
			mod += wx
			div -= 1.0
		}
	} else {
		mod = math.Copysign(0, wx)
	}
	var floordiv float64
	if div != 0 {
		floordiv = math.Floor(div)
		if div-floordiv > 0.5 {
			floordiv += 1.0
		}
	} else {
		floordiv = math.Copysign(0, vx/wx)
	}
	return floordiv, mod
}
