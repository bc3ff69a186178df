package syntax

import "strconv"

// Dump formats a node exactly as CPython 3.11's ast.dump(node) does with
// its default arguments: no positions, no indentation, optional fields
// left out when empty, and expression contexts (Load, Store, Del)
// inferred from where each expression stands. n may be a *Module, a
// Stmt, an Expr or a helper node (*Arguments, *Arg, *Keyword, *Alias,
// *WithItem, *ExceptHandler, *Comprehension); a bare Expr is dumped in a
// Load context.
func Dump(n any) string {
	d := &dumper{}
	d.node(n)
	return string(d.b)
}

// dumpWithPositions is Dump plus the lineno and col_offset attributes
// (0-based column) of the nodes that have them, as ast.dump shows them
// with include_attributes=True once end positions are removed.
func dumpWithPositions(n any) string {
	d := &dumper{positions: true}
	d.node(n)
	return string(d.b)
}

type exprCtx int

const (
	ctxLoad exprCtx = iota
	ctxStore
	ctxDel
)

var ctxNames = [...]string{"Load()", "Store()", "Del()"}

var operatorNames = [...]string{
	Add: "Add()", Sub: "Sub()", Mult: "Mult()", MatMult: "MatMult()", Div: "Div()",
	Mod: "Mod()", Pow: "Pow()", LShift: "LShift()", RShift: "RShift()",
	BitOr: "BitOr()", BitXor: "BitXor()", BitAnd: "BitAnd()", FloorDiv: "FloorDiv()",
}

var cmpNames = [...]string{
	Eq: "Eq()", NotEq: "NotEq()", Lt: "Lt()", LtE: "LtE()", Gt: "Gt()", GtE: "GtE()",
	Is: "Is()", IsNot: "IsNot()", In: "In()", NotIn: "NotIn()",
}

var unaryNames = [...]string{Invert: "Invert()", Not: "Not()", UAdd: "UAdd()", USub: "USub()"}

func operatorName(op Operator) string {
	if op > 0 && int(op) < len(operatorNames) {
		return operatorNames[op]
	}
	return "Operator(" + strconv.Itoa(int(op)) + ")"
}

func cmpName(op CmpOperator) string {
	if op > 0 && int(op) < len(cmpNames) {
		return cmpNames[op]
	}
	return "CmpOperator(" + strconv.Itoa(int(op)) + ")"
}

func unaryName(op UnaryOperator) string {
	if op > 0 && int(op) < len(unaryNames) {
		return unaryNames[op]
	}
	return "UnaryOperator(" + strconv.Itoa(int(op)) + ")"
}

func boolOpName(op BoolOperator) string {
	switch op {
	case And:
		return "And()"
	case Or:
		return "Or()"
	}
	return "BoolOperator(" + strconv.Itoa(int(op)) + ")"
}

type dumper struct {
	b         []byte
	positions bool
}

func (d *dumper) s(s string) { d.b = append(d.b, s...) }

// end closes the dump of node n, first writing its position if asked.
func (d *dumper) end(n Node) {
	if d.positions {
		if d.b[len(d.b)-1] != '(' {
			d.s(", ")
		}
		pos := n.Position()
		d.s("lineno=")
		d.int(int(pos.Line))
		d.s(", col_offset=")
		d.int(int(pos.Col) - 1)
	}
	d.s(")")
}

func (d *dumper) node(n any) {
	switch n := n.(type) {
	case *Module:
		if n == nil {
			d.s("None")
			return
		}
		d.s("Module(body=")
		d.stmts(n.Body)
		d.s(", type_ignores=[])")
	case Stmt:
		d.stmt(n)
	case Expr:
		d.expr(n, ctxLoad)
	case *Arguments:
		d.arguments(n)
	case *Arg:
		d.arg(n)
	case *Keyword:
		d.keyword(n)
	case *Alias:
		d.alias(n)
	case *WithItem:
		d.withItem(n)
	case *ExceptHandler:
		d.handler(n)
	case *Comprehension:
		d.comprehension(n)
	case Operator:
		d.s(operatorName(n))
	case CmpOperator:
		d.s(cmpName(n))
	case UnaryOperator:
		d.s(unaryName(n))
	case BoolOperator:
		d.s(boolOpName(n))
	case nil:
		d.s("None")
	default:
		d.s("<unknown node>")
	}
}

func (d *dumper) stmts(list []Stmt) {
	d.s("[")
	for i, s := range list {
		if i > 0 {
			d.s(", ")
		}
		d.stmt(s)
	}
	d.s("]")
}

func (d *dumper) exprs(list []Expr, ctx exprCtx) {
	d.s("[")
	for i, e := range list {
		if i > 0 {
			d.s(", ")
		}
		if e == nil {
			d.s("None")
		} else {
			d.expr(e, ctx)
		}
	}
	d.s("]")
}

// optExpr writes ", name=expr" unless e is nil.
func (d *dumper) optExpr(name string, e Expr, ctx exprCtx) {
	if e != nil {
		d.s(", ")
		d.s(name)
		d.s("=")
		d.expr(e, ctx)
	}
}

func (d *dumper) str(s string) { d.s(pyStrRepr(s)) }

func (d *dumper) int(n int) { d.s(strconv.Itoa(n)) }

func (d *dumper) bool01(b bool) {
	if b {
		d.s("1")
	} else {
		d.s("0")
	}
}

func (d *dumper) stmt(s Stmt) {
	switch s := s.(type) {
	case *FunctionDef:
		if s.Async {
			d.s("AsyncFunctionDef(name=")
		} else {
			d.s("FunctionDef(name=")
		}
		d.str(s.Name)
		d.s(", args=")
		d.arguments(s.Args)
		d.s(", body=")
		d.stmts(s.Body)
		d.s(", decorator_list=")
		d.exprs(s.DecoratorList, ctxLoad)
		d.optExpr("returns", s.Returns, ctxLoad)
		d.end(s)
	case *ClassDef:
		d.s("ClassDef(name=")
		d.str(s.Name)
		d.s(", bases=")
		d.exprs(s.Bases, ctxLoad)
		d.s(", keywords=")
		d.keywords(s.Keywords)
		d.s(", body=")
		d.stmts(s.Body)
		d.s(", decorator_list=")
		d.exprs(s.DecoratorList, ctxLoad)
		d.end(s)
	case *Return:
		d.s("Return(")
		if s.Value != nil {
			d.s("value=")
			d.expr(s.Value, ctxLoad)
		}
		d.end(s)
	case *Delete:
		d.s("Delete(targets=")
		d.exprs(s.Targets, ctxDel)
		d.end(s)
	case *Assign:
		d.s("Assign(targets=")
		d.exprs(s.Targets, ctxStore)
		d.s(", value=")
		d.expr(s.Value, ctxLoad)
		d.end(s)
	case *AugAssign:
		d.s("AugAssign(target=")
		d.expr(s.Target, ctxStore)
		d.s(", op=")
		d.s(operatorName(s.Op))
		d.s(", value=")
		d.expr(s.Value, ctxLoad)
		d.end(s)
	case *AnnAssign:
		d.s("AnnAssign(target=")
		d.expr(s.Target, ctxStore)
		d.s(", annotation=")
		d.expr(s.Annotation, ctxLoad)
		d.optExpr("value", s.Value, ctxLoad)
		d.s(", simple=")
		d.bool01(s.Simple)
		d.end(s)
	case *For:
		if s.Async {
			d.s("AsyncFor(target=")
		} else {
			d.s("For(target=")
		}
		d.expr(s.Target, ctxStore)
		d.s(", iter=")
		d.expr(s.Iter, ctxLoad)
		d.s(", body=")
		d.stmts(s.Body)
		d.s(", orelse=")
		d.stmts(s.Orelse)
		d.end(s)
	case *While:
		d.s("While(test=")
		d.expr(s.Test, ctxLoad)
		d.s(", body=")
		d.stmts(s.Body)
		d.s(", orelse=")
		d.stmts(s.Orelse)
		d.end(s)
	case *If:
		d.s("If(test=")
		d.expr(s.Test, ctxLoad)
		d.s(", body=")
		d.stmts(s.Body)
		d.s(", orelse=")
		d.stmts(s.Orelse)
		d.end(s)
	case *With:
		if s.Async {
			d.s("AsyncWith(items=[")
		} else {
			d.s("With(items=[")
		}
		for i, it := range s.Items {
			if i > 0 {
				d.s(", ")
			}
			d.withItem(it)
		}
		d.s("], body=")
		d.stmts(s.Body)
		d.end(s)
	case *Raise:
		d.s("Raise(")
		if s.Exc != nil {
			d.s("exc=")
			d.expr(s.Exc, ctxLoad)
			d.optExpr("cause", s.Cause, ctxLoad)
		} else if s.Cause != nil {
			d.s("cause=")
			d.expr(s.Cause, ctxLoad)
		}
		d.end(s)
	case *Try:
		if s.Star {
			d.s("TryStar(body=")
		} else {
			d.s("Try(body=")
		}
		d.stmts(s.Body)
		d.s(", handlers=[")
		for i, h := range s.Handlers {
			if i > 0 {
				d.s(", ")
			}
			d.handler(h)
		}
		d.s("], orelse=")
		d.stmts(s.Orelse)
		d.s(", finalbody=")
		d.stmts(s.Finalbody)
		d.end(s)
	case *Assert:
		d.s("Assert(test=")
		d.expr(s.Test, ctxLoad)
		d.optExpr("msg", s.Msg, ctxLoad)
		d.end(s)
	case *Import:
		d.s("Import(names=")
		d.aliases(s.Names)
		d.end(s)
	case *ImportFrom:
		d.s("ImportFrom(")
		if s.Module != "" {
			d.s("module=")
			d.str(s.Module)
			d.s(", ")
		}
		d.s("names=")
		d.aliases(s.Names)
		d.s(", level=")
		d.int(s.Level)
		d.end(s)
	case *Global:
		d.s("Global(names=")
		d.names(s.Names)
		d.end(s)
	case *Nonlocal:
		d.s("Nonlocal(names=")
		d.names(s.Names)
		d.end(s)
	case *ExprStmt:
		d.s("Expr(value=")
		d.expr(s.Value, ctxLoad)
		d.end(s)
	case *Pass:
		d.s("Pass(")
		d.end(s)
	case *Break:
		d.s("Break(")
		d.end(s)
	case *Continue:
		d.s("Continue(")
		d.end(s)
	case nil:
		d.s("None")
	default:
		d.s("<unknown stmt>")
	}
}

func (d *dumper) names(list []string) {
	d.s("[")
	for i, n := range list {
		if i > 0 {
			d.s(", ")
		}
		d.str(n)
	}
	d.s("]")
}

func (d *dumper) aliases(list []*Alias) {
	d.s("[")
	for i, a := range list {
		if i > 0 {
			d.s(", ")
		}
		d.alias(a)
	}
	d.s("]")
}

func (d *dumper) keywords(list []*Keyword) {
	d.s("[")
	for i, k := range list {
		if i > 0 {
			d.s(", ")
		}
		d.keyword(k)
	}
	d.s("]")
}

func (d *dumper) comprehensions(list []*Comprehension) {
	d.s("[")
	for i, c := range list {
		if i > 0 {
			d.s(", ")
		}
		d.comprehension(c)
	}
	d.s("]")
}

func (d *dumper) expr(e Expr, ctx exprCtx) {
	switch e := e.(type) {
	case *BoolOp:
		d.s("BoolOp(op=")
		d.s(boolOpName(e.Op))
		d.s(", values=")
		d.exprs(e.Values, ctxLoad)
		d.end(e)
	case *NamedExpr:
		d.s("NamedExpr(target=")
		if e.Target == nil {
			d.s("None")
		} else {
			d.expr(e.Target, ctxStore)
		}
		d.s(", value=")
		d.expr(e.Value, ctxLoad)
		d.end(e)
	case *BinOp:
		d.s("BinOp(left=")
		d.expr(e.Left, ctxLoad)
		d.s(", op=")
		d.s(operatorName(e.Op))
		d.s(", right=")
		d.expr(e.Right, ctxLoad)
		d.end(e)
	case *UnaryOp:
		d.s("UnaryOp(op=")
		d.s(unaryName(e.Op))
		d.s(", operand=")
		d.expr(e.Operand, ctxLoad)
		d.end(e)
	case *Lambda:
		d.s("Lambda(args=")
		d.arguments(e.Args)
		d.s(", body=")
		d.expr(e.Body, ctxLoad)
		d.end(e)
	case *IfExp:
		d.s("IfExp(test=")
		d.expr(e.Test, ctxLoad)
		d.s(", body=")
		d.expr(e.Body, ctxLoad)
		d.s(", orelse=")
		d.expr(e.Orelse, ctxLoad)
		d.end(e)
	case *Dict:
		d.s("Dict(keys=")
		d.exprs(e.Keys, ctxLoad)
		d.s(", values=")
		d.exprs(e.Values, ctxLoad)
		d.end(e)
	case *Set:
		d.s("Set(elts=")
		d.exprs(e.Elts, ctxLoad)
		d.end(e)
	case *ListComp:
		d.s("ListComp(elt=")
		d.expr(e.Elt, ctxLoad)
		d.s(", generators=")
		d.comprehensions(e.Generators)
		d.end(e)
	case *SetComp:
		d.s("SetComp(elt=")
		d.expr(e.Elt, ctxLoad)
		d.s(", generators=")
		d.comprehensions(e.Generators)
		d.end(e)
	case *DictComp:
		d.s("DictComp(key=")
		d.expr(e.Key, ctxLoad)
		d.s(", value=")
		d.expr(e.Value, ctxLoad)
		d.s(", generators=")
		d.comprehensions(e.Generators)
		d.end(e)
	case *GeneratorExp:
		d.s("GeneratorExp(elt=")
		d.expr(e.Elt, ctxLoad)
		d.s(", generators=")
		d.comprehensions(e.Generators)
		d.end(e)
	case *Await:
		d.s("Await(value=")
		d.expr(e.Value, ctxLoad)
		d.end(e)
	case *Yield:
		d.s("Yield(")
		if e.Value != nil {
			d.s("value=")
			d.expr(e.Value, ctxLoad)
		}
		d.end(e)
	case *YieldFrom:
		d.s("YieldFrom(value=")
		d.expr(e.Value, ctxLoad)
		d.end(e)
	case *Compare:
		d.s("Compare(left=")
		d.expr(e.Left, ctxLoad)
		d.s(", ops=[")
		for i, op := range e.Ops {
			if i > 0 {
				d.s(", ")
			}
			d.s(cmpName(op))
		}
		d.s("], comparators=")
		d.exprs(e.Comparators, ctxLoad)
		d.end(e)
	case *Call:
		d.s("Call(func=")
		d.expr(e.Func, ctxLoad)
		d.s(", args=")
		d.exprs(e.Args, ctxLoad)
		d.s(", keywords=")
		d.keywords(e.Keywords)
		d.end(e)
	case *FormattedValue:
		d.s("FormattedValue(value=")
		d.expr(e.Value, ctxLoad)
		d.s(", conversion=")
		d.int(e.Conversion)
		d.optExpr("format_spec", e.FormatSpec, ctxLoad)
		d.end(e)
	case *JoinedStr:
		d.s("JoinedStr(values=")
		d.exprs(e.Values, ctxLoad)
		d.end(e)
	case *Constant:
		d.s("Constant(value=")
		d.s(constRepr(e.Value))
		if e.Value.U {
			d.s(", kind='u'")
		}
		d.end(e)
	case *Attribute:
		d.s("Attribute(value=")
		d.expr(e.Value, ctxLoad)
		d.s(", attr=")
		d.str(e.Attr)
		d.s(", ctx=")
		d.s(ctxNames[ctx])
		d.end(e)
	case *Subscript:
		d.s("Subscript(value=")
		d.expr(e.Value, ctxLoad)
		d.s(", slice=")
		d.expr(e.Slice, ctxLoad)
		d.s(", ctx=")
		d.s(ctxNames[ctx])
		d.end(e)
	case *Starred:
		d.s("Starred(value=")
		d.expr(e.Value, ctx)
		d.s(", ctx=")
		d.s(ctxNames[ctx])
		d.end(e)
	case *Name:
		d.s("Name(id=")
		d.str(e.ID)
		d.s(", ctx=")
		d.s(ctxNames[ctx])
		d.end(e)
	case *List:
		d.s("List(elts=")
		d.exprs(e.Elts, ctx)
		d.s(", ctx=")
		d.s(ctxNames[ctx])
		d.end(e)
	case *Tuple:
		d.s("Tuple(elts=")
		d.exprs(e.Elts, ctx)
		d.s(", ctx=")
		d.s(ctxNames[ctx])
		d.end(e)
	case *Slice:
		d.s("Slice(")
		sep := ""
		for _, f := range [...]struct {
			name string
			e    Expr
		}{{"lower", e.Lower}, {"upper", e.Upper}, {"step", e.Step}} {
			if f.e != nil {
				d.s(sep)
				d.s(f.name)
				d.s("=")
				d.expr(f.e, ctxLoad)
				sep = ", "
			}
		}
		d.end(e)
	case nil:
		d.s("None")
	default:
		d.s("<unknown expr>")
	}
}

func (d *dumper) arguments(a *Arguments) {
	if a == nil {
		d.s("None")
		return
	}
	d.s("arguments(posonlyargs=")
	d.args(a.PosOnlyArgs)
	d.s(", args=")
	d.args(a.Args)
	if a.Vararg != nil {
		d.s(", vararg=")
		d.arg(a.Vararg)
	}
	d.s(", kwonlyargs=")
	d.args(a.KwOnlyArgs)
	d.s(", kw_defaults=")
	d.exprs(a.KwDefaults, ctxLoad)
	if a.Kwarg != nil {
		d.s(", kwarg=")
		d.arg(a.Kwarg)
	}
	d.s(", defaults=")
	d.exprs(a.Defaults, ctxLoad)
	d.s(")")
}

func (d *dumper) args(list []*Arg) {
	d.s("[")
	for i, a := range list {
		if i > 0 {
			d.s(", ")
		}
		d.arg(a)
	}
	d.s("]")
}

func (d *dumper) arg(a *Arg) {
	d.s("arg(arg=")
	d.str(a.Arg)
	d.optExpr("annotation", a.Annotation, ctxLoad)
	d.end(a)
}

func (d *dumper) keyword(k *Keyword) {
	d.s("keyword(")
	if k.Arg != "" {
		d.s("arg=")
		d.str(k.Arg)
		d.s(", ")
	}
	d.s("value=")
	d.expr(k.Value, ctxLoad)
	d.end(k)
}

func (d *dumper) alias(a *Alias) {
	d.s("alias(name=")
	d.str(a.Name)
	if a.Asname != "" {
		d.s(", asname=")
		d.str(a.Asname)
	}
	d.end(a)
}

func (d *dumper) withItem(w *WithItem) {
	d.s("withitem(context_expr=")
	d.expr(w.ContextExpr, ctxLoad)
	d.optExpr("optional_vars", w.OptionalVars, ctxStore)
	d.s(")")
}

func (d *dumper) handler(h *ExceptHandler) {
	d.s("ExceptHandler(")
	if h.Type != nil {
		d.s("type=")
		d.expr(h.Type, ctxLoad)
		d.s(", ")
	}
	if h.Name != "" {
		d.s("name=")
		d.str(h.Name)
		d.s(", ")
	}
	d.s("body=")
	d.stmts(h.Body)
	d.end(h)
}

func (d *dumper) comprehension(c *Comprehension) {
	d.s("comprehension(target=")
	d.expr(c.Target, ctxStore)
	d.s(", iter=")
	d.expr(c.Iter, ctxLoad)
	d.s(", ifs=")
	d.exprs(c.Ifs, ctxLoad)
	d.s(", is_async=")
	d.bool01(c.IsAsync)
	d.s(")")
}
