package python

import (
	"fmt"

	"github.com/conid/conid/internal/strindex"
	"github.com/conid/conid/recipe/python/syntax"
)

// newFuncCode is the code of a def or lambda; its names are analyzed on
// the first call (most recipe methods are never called while a graph is
// computed).
func newFuncCode(name, file string, args *syntax.Arguments, body []syntax.Stmt, expr syntax.Expr, pos syntax.Pos) *funcCode {
	return &funcCode{name: name, file: file, args: args, body: body, expr: expr, pos: pos}
}

// analyze finds which names a function binds (its locals), and which it
// declares global or nonlocal, as CPython's symbol table does. It runs
// once, before the first call.
func (c *funcCode) analyze() {
	c.once.Do(c.doAnalyze)
}

func (c *funcCode) doAnalyze() {
	args, body, expr := c.args, c.body, c.expr
	// globals and nonlocals stay nil (reading a nil map is fine) unless
	// a statement declares some: most functions declare none.
	if args != nil {
		c.params = make([]string, 0, len(args.PosOnlyArgs)+len(args.Args))
		for _, a := range args.PosOnlyArgs {
			c.params = append(c.params, a.Arg)
		}
		for _, a := range args.Args {
			c.params = append(c.params, a.Arg)
		}
		for _, a := range args.PosOnlyArgs {
			c.addLocal(a.Arg)
		}
		for _, a := range args.Args {
			c.addLocal(a.Arg)
		}
		for _, a := range args.KwOnlyArgs {
			c.addLocal(a.Arg)
		}
		if args.Vararg != nil {
			c.addLocal(args.Vararg.Arg)
		}
		if args.Kwarg != nil {
			c.addLocal(args.Kwarg.Arg)
		}
	}
	w := &binder{c: c}
	for _, s := range body {
		w.stmt(s)
	}
	if expr != nil {
		w.expr(expr)
	}
	if len(c.globals)+len(c.nonlocals) > 0 {
		bound := c.locals.Strings()
		c.locals = strindex.List{}
		for _, n := range bound {
			if !c.globals[n] && !c.nonlocals[n] {
				c.addLocal(n)
			}
		}
	}
}

// slot returns the position of a local name, or -1.
func (c *funcCode) slot(name string) int { return c.locals.Find(name) }

// addLocal declares a local name (once).
func (c *funcCode) addLocal(name string) {
	if c.locals.Find(name) < 0 {
		c.locals.Add(name)
	}
}

// isLocal reports whether the code binds name.
func (c *funcCode) isLocal(name string) bool { return c.slot(name) >= 0 }

// newFuncFrameVals makes the slots of a frame of code.
func newFuncFrameVals(code *funcCode) []Value { return make([]Value, code.locals.Len()) }

// local returns the value of a name the frame's code binds (nil while
// unbound), and whether the code binds it.
func (f *frame) local(name string) (Value, bool) {
	if i := f.code.slot(name); i >= 0 {
		return f.vals[i], true
	}
	return nil, false
}

// getLocal returns a bound local variable of a function frame.
func (f *frame) getLocal(name string) (Value, bool) {
	if i := f.code.slot(name); i >= 0 {
		v := f.vals[i]
		return v, v != nil
	}
	v, ok := f.more[name]
	return v, ok
}

// setLocal binds a local variable of a function frame.
func (f *frame) setLocal(name string, v Value) {
	if i := f.code.slot(name); i >= 0 {
		f.vals[i] = v
		return
	}
	if f.more == nil {
		f.more = map[string]Value{}
	}
	f.more[name] = v
}

// delLocal unbinds a local variable, reporting whether it was bound.
func (f *frame) delLocal(name string) bool {
	if i := f.code.slot(name); i >= 0 {
		was := f.vals[i] != nil
		f.vals[i] = nil
		return was
	}
	_, ok := f.more[name]
	delete(f.more, name)
	return ok
}

type binder struct{ c *funcCode }

func (b *binder) bind(name string) { b.c.addLocal(name) }

func (b *binder) target(t syntax.Expr) {
	switch t := t.(type) {
	case *syntax.Name:
		b.bind(t.ID)
	case *syntax.Tuple:
		for _, e := range t.Elts {
			b.target(e)
		}
	case *syntax.List:
		for _, e := range t.Elts {
			b.target(e)
		}
	case *syntax.Starred:
		b.target(t.Value)
	default:
		b.expr(t)
	}
}

func (b *binder) stmts(ss []syntax.Stmt) {
	for _, s := range ss {
		b.stmt(s)
	}
}

func (b *binder) stmt(s syntax.Stmt) {
	switch s := s.(type) {
	case *syntax.FunctionDef:
		b.bind(s.Name)
		for _, d := range s.DecoratorList {
			b.expr(d)
		}
	case *syntax.ClassDef:
		b.bind(s.Name)
	case *syntax.Assign:
		for _, t := range s.Targets {
			b.target(t)
		}
		b.expr(s.Value)
	case *syntax.AugAssign:
		b.target(s.Target)
		b.expr(s.Value)
	case *syntax.AnnAssign:
		if n, ok := s.Target.(*syntax.Name); ok {
			b.bind(n.ID)
		}
		if s.Value != nil {
			b.expr(s.Value)
		}
	case *syntax.For:
		b.target(s.Target)
		b.expr(s.Iter)
		b.stmts(s.Body)
		b.stmts(s.Orelse)
	case *syntax.While:
		b.expr(s.Test)
		b.stmts(s.Body)
		b.stmts(s.Orelse)
	case *syntax.If:
		b.expr(s.Test)
		b.stmts(s.Body)
		b.stmts(s.Orelse)
	case *syntax.With:
		for _, it := range s.Items {
			b.expr(it.ContextExpr)
			if it.OptionalVars != nil {
				b.target(it.OptionalVars)
			}
		}
		b.stmts(s.Body)
	case *syntax.Try:
		b.stmts(s.Body)
		for _, h := range s.Handlers {
			if h.Name != "" {
				b.bind(h.Name)
			}
			b.stmts(h.Body)
		}
		b.stmts(s.Orelse)
		b.stmts(s.Finalbody)
	case *syntax.Import:
		for _, a := range s.Names {
			if a.Asname != "" {
				b.bind(a.Asname)
			} else {
				n := a.Name
				for i := 0; i < len(n); i++ {
					if n[i] == '.' {
						n = n[:i]
						break
					}
				}
				b.bind(n)
			}
		}
	case *syntax.ImportFrom:
		for _, a := range s.Names {
			if a.Asname != "" {
				b.bind(a.Asname)
			} else if a.Name != "*" {
				b.bind(a.Name)
			}
		}
	case *syntax.Global:
		if b.c.globals == nil {
			b.c.globals = map[string]bool{}
		}
		for _, n := range s.Names {
			b.c.globals[n] = true
		}
	case *syntax.Nonlocal:
		if b.c.nonlocals == nil {
			b.c.nonlocals = map[string]bool{}
		}
		for _, n := range s.Names {
			b.c.nonlocals[n] = true
		}
	case *syntax.Delete:
		for _, t := range s.Targets {
			b.target(t)
		}
	case *syntax.ExprStmt:
		b.expr(s.Value)
	case *syntax.Return:
		if s.Value != nil {
			b.expr(s.Value)
		}
	case *syntax.Raise:
		if s.Exc != nil {
			b.expr(s.Exc)
		}
	case *syntax.Assert:
		b.expr(s.Test)
	}
}

// expr looks for walrus targets and yields, which bind in or mark the
// enclosing function; it does not descend into nested scopes except
// comprehensions (whose walrus targets bind here).
func (b *binder) expr(e syntax.Expr) {
	if e == nil {
		return
	}
	switch e := e.(type) {
	case *syntax.NamedExpr:
		b.bind(e.Target.ID)
		b.expr(e.Value)
	case *syntax.Yield, *syntax.YieldFrom:
		b.c.generator = true
	case *syntax.Lambda:
		// own scope
	case *syntax.BoolOp:
		for _, v := range e.Values {
			b.expr(v)
		}
	case *syntax.BinOp:
		b.expr(e.Left)
		b.expr(e.Right)
	case *syntax.UnaryOp:
		b.expr(e.Operand)
	case *syntax.IfExp:
		b.expr(e.Test)
		b.expr(e.Body)
		b.expr(e.Orelse)
	case *syntax.Compare:
		b.expr(e.Left)
		for _, c := range e.Comparators {
			b.expr(c)
		}
	case *syntax.Call:
		b.expr(e.Func)
		for _, a := range e.Args {
			b.expr(a)
		}
		for _, k := range e.Keywords {
			b.expr(k.Value)
		}
	case *syntax.ListComp:
		b.comp(e.Generators, e.Elt)
	case *syntax.SetComp:
		b.comp(e.Generators, e.Elt)
	case *syntax.GeneratorExp:
		b.comp(e.Generators, e.Elt)
	case *syntax.DictComp:
		b.comp(e.Generators, e.Key, e.Value)
	case *syntax.Attribute:
		b.expr(e.Value)
	case *syntax.Subscript:
		b.expr(e.Value)
		b.expr(e.Slice)
	case *syntax.Tuple:
		for _, x := range e.Elts {
			b.expr(x)
		}
	case *syntax.List:
		for _, x := range e.Elts {
			b.expr(x)
		}
	case *syntax.Dict:
		for _, x := range e.Keys {
			b.expr(x)
		}
		for _, x := range e.Values {
			b.expr(x)
		}
	case *syntax.JoinedStr:
		for _, x := range e.Values {
			b.expr(x)
		}
	case *syntax.FormattedValue:
		b.expr(e.Value)
		b.expr(e.FormatSpec)
	}
}

func (b *binder) comp(gens []*syntax.Comprehension, elts ...syntax.Expr) {
	// only walrus targets escape a comprehension
	for _, g := range gens {
		b.walrusOnly(g.Iter)
		for _, c := range g.Ifs {
			b.walrusOnly(c)
		}
	}
	for _, e := range elts {
		b.walrusOnly(e)
	}
}

func (b *binder) walrusOnly(e syntax.Expr) {
	if n, ok := e.(*syntax.NamedExpr); ok {
		b.bind(n.Target.ID)
		b.walrusOnly(n.Value)
		return
	}
	// a cheap scan for nested walrus in common containers
	switch e := e.(type) {
	case *syntax.BoolOp:
		for _, v := range e.Values {
			b.walrusOnly(v)
		}
	case *syntax.Compare:
		b.walrusOnly(e.Left)
	case *syntax.Call:
		for _, a := range e.Args {
			b.walrusOnly(a)
		}
	}
}

// ---- name resolution ----

func (in *Interp) lookupName(f *frame, n *syntax.Name) (Value, error) {
	name := n.ID
	switch f.kind {
	case funcFrame:
		if v, isLocal := f.local(name); isLocal {
			if v != nil {
				return v, nil
			}
			return nil, Errorf(UnboundLocalErrorClass, "local variable '%s' referenced before assignment", name)
		}
		if !f.code.globals[name] {
			for o := f.outer; o != nil; o = o.outer {
				if v, isLocal := o.local(name); isLocal {
					if v != nil {
						return v, nil
					}
					return nil, Errorf(NameErrorClass, "free variable '%s' referenced before assignment in enclosing scope", name)
				}
			}
		}
	case classFrame:
		if v, ok := f.ns.Get(name); ok {
			return v, nil
		}
		for o := f.outer; o != nil; o = o.outer {
			if v, isLocal := o.local(name); isLocal && v != nil {
				return v, nil
			}
		}
	}
	if v, ok := f.module.Dict.Get(name); ok {
		return v, nil
	}
	if v, ok := in.Builtins.Get(name); ok {
		return v, nil
	}
	return nil, Errorf(NameErrorClass, "name '%s' is not defined", name)
}

func (in *Interp) assignName(f *frame, name string, v Value) error {
	switch f.kind {
	case funcFrame:
		if f.code.globals[name] {
			f.module.Dict.Set(name, v)
			return nil
		}
		if f.code.nonlocals[name] {
			for o := f.outer; o != nil; o = o.outer {
				if o.code.isLocal(name) {
					o.setLocal(name, v)
					return nil
				}
			}
			return Errorf(NameErrorClass, "no binding for nonlocal '%s' found", name)
		}
		f.setLocal(name, v)
	case classFrame:
		f.ns.Set(name, v)
	default:
		f.module.Dict.Set(name, v)
	}
	return nil
}

func (in *Interp) deleteName(f *frame, name string) bool {
	switch f.kind {
	case funcFrame:
		if f.code.globals[name] {
			return f.module.Dict.Delete(name)
		}
		return f.delLocal(name)
	case classFrame:
		return f.ns.Delete(name)
	}
	return f.module.Dict.Delete(name)
}

// ---- assignment targets ----

func (in *Interp) assign(f *frame, t syntax.Expr, v Value) error {
	switch t := t.(type) {
	case *syntax.Name:
		return in.assignName(f, t.ID, v)
	case *syntax.Attribute:
		obj, err := in.eval(f, t.Value)
		if err != nil {
			return err
		}
		return in.SetAttr(obj, t.Attr, v)
	case *syntax.Subscript:
		obj, err := in.eval(f, t.Value)
		if err != nil {
			return err
		}
		key, err := in.eval(f, t.Slice)
		if err != nil {
			return err
		}
		return in.SetItem(obj, key, v)
	case *syntax.Tuple:
		return in.unpack(f, t.Elts, v)
	case *syntax.List:
		return in.unpack(f, t.Elts, v)
	case *syntax.Starred:
		return in.unsupported(f, t, "starred assignment target outside a sequence")
	}
	return in.unsupported(f, t, fmt.Sprintf("assignment to %T", t))
}

func (in *Interp) unpack(f *frame, targets []syntax.Expr, v Value) error {
	items, err := in.ToList(v)
	if err != nil {
		return err
	}
	star := -1
	for i, t := range targets {
		if _, ok := t.(*syntax.Starred); ok {
			star = i
		}
	}
	if star < 0 {
		if len(items) != len(targets) {
			if len(items) > len(targets) {
				return Errorf(ValueErrorClass, "too many values to unpack (expected %d)", len(targets))
			}
			return Errorf(ValueErrorClass, "not enough values to unpack (expected %d, got %d)", len(targets), len(items))
		}
		for i, t := range targets {
			if err := in.assign(f, t, items[i]); err != nil {
				return err
			}
		}
		return nil
	}
	after := len(targets) - star - 1
	if len(items) < star+after {
		return Errorf(ValueErrorClass, "not enough values to unpack (expected at least %d, got %d)", star+after, len(items))
	}
	for i := 0; i < star; i++ {
		if err := in.assign(f, targets[i], items[i]); err != nil {
			return err
		}
	}
	mid := append([]Value(nil), items[star:len(items)-after]...)
	if err := in.assign(f, targets[star].(*syntax.Starred).Value, NewList(mid...)); err != nil {
		return err
	}
	for i := 0; i < after; i++ {
		if err := in.assign(f, targets[star+1+i], items[len(items)-after+i]); err != nil {
			return err
		}
	}
	return nil
}

func (in *Interp) augAssign(f *frame, s *syntax.AugAssign) error {
	switch t := s.Target.(type) {
	case *syntax.Name:
		cur, err := in.lookupName(f, t)
		if err != nil {
			return err
		}
		rhs, err := in.eval(f, s.Value)
		if err != nil {
			return err
		}
		v, err := in.inplaceOp(s.Op, cur, rhs)
		if err != nil {
			return err
		}
		return in.assignName(f, t.ID, v)
	case *syntax.Attribute:
		obj, err := in.eval(f, t.Value)
		if err != nil {
			return err
		}
		cur, err := in.GetAttr(obj, t.Attr)
		if err != nil {
			return err
		}
		rhs, err := in.eval(f, s.Value)
		if err != nil {
			return err
		}
		v, err := in.inplaceOp(s.Op, cur, rhs)
		if err != nil {
			return err
		}
		return in.SetAttr(obj, t.Attr, v)
	case *syntax.Subscript:
		obj, err := in.eval(f, t.Value)
		if err != nil {
			return err
		}
		key, err := in.eval(f, t.Slice)
		if err != nil {
			return err
		}
		cur, err := in.GetItem(obj, key)
		if err != nil {
			return err
		}
		rhs, err := in.eval(f, s.Value)
		if err != nil {
			return err
		}
		v, err := in.inplaceOp(s.Op, cur, rhs)
		if err != nil {
			return err
		}
		return in.SetItem(obj, key, v)
	}
	return in.unsupported(f, s, "augmented assignment target")
}

func (in *Interp) del(f *frame, t syntax.Expr) error {
	switch t := t.(type) {
	case *syntax.Name:
		if !in.deleteName(f, t.ID) {
			return Errorf(NameErrorClass, "name '%s' is not defined", t.ID)
		}
		return nil
	case *syntax.Attribute:
		obj, err := in.eval(f, t.Value)
		if err != nil {
			return err
		}
		return in.DelAttr(obj, t.Attr)
	case *syntax.Subscript:
		obj, err := in.eval(f, t.Value)
		if err != nil {
			return err
		}
		key, err := in.eval(f, t.Slice)
		if err != nil {
			return err
		}
		return in.DelItem(obj, key)
	case *syntax.Tuple:
		for _, e := range t.Elts {
			if err := in.del(f, e); err != nil {
				return err
			}
		}
		return nil
	case *syntax.List:
		for _, e := range t.Elts {
			if err := in.del(f, e); err != nil {
				return err
			}
		}
		return nil
	}
	return in.unsupported(f, t, "del target")
}
