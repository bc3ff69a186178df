package python

import (
	"fmt"
	"strings"

	"github.com/conid/conid/recipe/python/syntax"
)

func (in *Interp) constValue(c syntax.ConstValue) (Value, error) {
	switch c.Kind {
	case syntax.KindNone:
		return None, nil
	case syntax.KindBool:
		return c.Bool, nil
	case syntax.KindInt:
		if !c.Int.IsInt64() {
			return nil, fmt.Errorf("integer literal too large")
		}
		return c.Int.Int64(), nil
	case syntax.KindFloat:
		return c.Float, nil
	case syntax.KindStr:
		return c.Str, nil
	case syntax.KindEllipsis:
		return Ellipsis, nil
	case syntax.KindBytes:
		return nil, fmt.Errorf("bytes literal")
	case syntax.KindComplex:
		return nil, fmt.Errorf("complex literal")
	}
	return nil, fmt.Errorf("constant kind %d", c.Kind)
}

func (in *Interp) eval(f *frame, e syntax.Expr) (Value, error) {
	switch e := e.(type) {
	case *syntax.Constant:
		v, err := in.constValue(e.Value)
		if err != nil {
			return nil, in.unsupported(f, e, err.Error())
		}
		return v, nil
	case *syntax.Name:
		return in.lookupName(f, e)
	case *syntax.Attribute:
		obj, err := in.eval(f, e.Value)
		if err != nil {
			return nil, err
		}
		return in.GetAttr(obj, e.Attr)
	case *syntax.Call:
		return in.evalCall(f, e)
	case *syntax.Compare:
		left, err := in.eval(f, e.Left)
		if err != nil {
			return nil, err
		}
		for i, op := range e.Ops {
			right, err := in.eval(f, e.Comparators[i])
			if err != nil {
				return nil, err
			}
			ok, err := in.compare(op, left, right)
			if err != nil {
				return nil, err
			}
			if !ok {
				return false, nil
			}
			left = right
		}
		return true, nil
	case *syntax.BoolOp:
		var v Value
		for i, x := range e.Values {
			var err error
			v, err = in.eval(f, x)
			if err != nil {
				return nil, err
			}
			if i == len(e.Values)-1 {
				break
			}
			t, err := in.Truth(v)
			if err != nil {
				return nil, err
			}
			if e.Op == syntax.And && !t || e.Op == syntax.Or && t {
				return v, nil
			}
		}
		return v, nil
	case *syntax.UnaryOp:
		v, err := in.eval(f, e.Operand)
		if err != nil {
			return nil, err
		}
		return in.unaryOp(e.Op, v)
	case *syntax.BinOp:
		l, err := in.eval(f, e.Left)
		if err != nil {
			return nil, err
		}
		r, err := in.eval(f, e.Right)
		if err != nil {
			return nil, err
		}
		return in.BinaryOp(e.Op, l, r)
	case *syntax.IfExp:
		t, err := in.eval(f, e.Test)
		if err != nil {
			return nil, err
		}
		ok, err := in.Truth(t)
		if err != nil {
			return nil, err
		}
		if ok {
			return in.eval(f, e.Body)
		}
		return in.eval(f, e.Orelse)
	case *syntax.Subscript:
		obj, err := in.eval(f, e.Value)
		if err != nil {
			return nil, err
		}
		key, err := in.eval(f, e.Slice)
		if err != nil {
			return nil, err
		}
		return in.GetItem(obj, key)
	case *syntax.Slice:
		s := &Slice{Start: None, Stop: None, Step: None}
		var err error
		if e.Lower != nil {
			if s.Start, err = in.eval(f, e.Lower); err != nil {
				return nil, err
			}
		}
		if e.Upper != nil {
			if s.Stop, err = in.eval(f, e.Upper); err != nil {
				return nil, err
			}
		}
		if e.Step != nil {
			if s.Step, err = in.eval(f, e.Step); err != nil {
				return nil, err
			}
		}
		return s, nil
	case *syntax.List:
		items, err := in.evalElts(f, e.Elts)
		if err != nil {
			return nil, err
		}
		return NewList(items...), nil
	case *syntax.Tuple:
		items, err := in.evalElts(f, e.Elts)
		if err != nil {
			return nil, err
		}
		return Tuple(items), nil
	case *syntax.Set:
		items, err := in.evalElts(f, e.Elts)
		if err != nil {
			return nil, err
		}
		s := NewSet()
		for _, x := range items {
			if err := s.Add(x); err != nil {
				return nil, err
			}
		}
		return s, nil
	case *syntax.Dict:
		d := NewDictSize(len(e.Keys))
		for i, k := range e.Keys {
			v, err := in.eval(f, e.Values[i])
			if err != nil {
				return nil, err
			}
			if k == nil { // **mapping
				if err := in.dictUpdate(d, v); err != nil {
					return nil, err
				}
				continue
			}
			kv, err := in.eval(f, k)
			if err != nil {
				return nil, err
			}
			if err := d.Set(kv, v); err != nil {
				return nil, err
			}
		}
		return d, nil
	case *syntax.JoinedStr:
		var b strings.Builder
		for _, part := range e.Values {
			v, err := in.eval(f, part)
			if err != nil {
				return nil, err
			}
			s, ok := v.(string)
			if !ok {
				return nil, in.unsupported(f, part, "f-string part")
			}
			b.WriteString(s)
		}
		return b.String(), nil
	case *syntax.FormattedValue:
		v, err := in.eval(f, e.Value)
		if err != nil {
			return nil, err
		}
		switch e.Conversion {
		case 's':
			s, err := in.Str(v)
			if err != nil {
				return nil, err
			}
			v = s
		case 'r', 'a':
			s, err := in.Repr(v)
			if err != nil {
				return nil, err
			}
			v = s
		}
		spec := ""
		if e.FormatSpec != nil {
			sv, err := in.eval(f, e.FormatSpec)
			if err != nil {
				return nil, err
			}
			spec, _ = sv.(string)
		}
		return in.Format(v, spec)
	case *syntax.Lambda:
		code := newFuncCode("<lambda>", f.file, e.Args, nil, e.Body, e.Position())
		return in.makeFunction(f, code)
	case *syntax.ListComp:
		var out []Value
		err := in.comprehension(f, e.Generators, func(cf *frame) error {
			v, err := in.eval(cf, e.Elt)
			if err != nil {
				return err
			}
			out = append(out, v)
			return nil
		})
		if err != nil {
			return nil, err
		}
		return NewList(out...), nil
	case *syntax.SetComp:
		s := NewSet()
		err := in.comprehension(f, e.Generators, func(cf *frame) error {
			v, err := in.eval(cf, e.Elt)
			if err != nil {
				return err
			}
			return s.Add(v)
		})
		if err != nil {
			return nil, err
		}
		return s, nil
	case *syntax.DictComp:
		d := NewDict()
		err := in.comprehension(f, e.Generators, func(cf *frame) error {
			k, err := in.eval(cf, e.Key)
			if err != nil {
				return err
			}
			v, err := in.eval(cf, e.Value)
			if err != nil {
				return err
			}
			return d.Set(k, v)
		})
		if err != nil {
			return nil, err
		}
		return d, nil
	case *syntax.GeneratorExp:
		return in.generatorExp(f, e)
	case *syntax.NamedExpr:
		v, err := in.eval(f, e.Value)
		if err != nil {
			return nil, err
		}
		// walrus in a comprehension binds in the scope around it
		tf := f
		for tf.compParent != nil {
			tf = tf.compParent
		}
		return v, in.assignName(tf, e.Target.ID, v)
	case *syntax.Starred:
		return nil, in.unsupported(f, e, "starred expression here")
	case *syntax.Yield, *syntax.YieldFrom:
		return nil, in.unsupported(f, e, "generator function (yield)")
	case *syntax.Await:
		return nil, in.unsupported(f, e, "await")
	}
	return nil, in.unsupported(f, e, fmt.Sprintf("expression %T", e))
}

func (in *Interp) evalElts(f *frame, elts []syntax.Expr) ([]Value, error) {
	out := make([]Value, 0, len(elts))
	for _, x := range elts {
		if st, ok := x.(*syntax.Starred); ok {
			v, err := in.eval(f, st.Value)
			if err != nil {
				return nil, err
			}
			items, err := in.ToList(v)
			if err != nil {
				return nil, err
			}
			out = append(out, items...)
			continue
		}
		v, err := in.eval(f, x)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

var compCode = &funcCode{name: "<comprehension>"}

// comprehension runs the clauses of a comprehension, calling body in the
// comprehension's own scope for each produced element.
func (in *Interp) comprehension(f *frame, gens []*syntax.Comprehension, body func(cf *frame) error) error {
	// The first iterable is evaluated in the enclosing scope.
	first, err := in.eval(f, gens[0].Iter)
	if err != nil {
		return err
	}
	cf := in.compFrame(f, gens)
	var run func(i int, iterable Value) error
	run = func(i int, iterable Value) error {
		g := gens[i]
		if g.IsAsync {
			return in.unsupported(f, g.Iter, "async comprehension")
		}
		it, err := in.Iter(iterable)
		if err != nil {
			return err
		}
		for {
			v, ok, err := it.Next(in)
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
			if err := in.step(f, g.Iter); err != nil {
				return err
			}
			if err := in.assign(cf, g.Target, v); err != nil {
				return err
			}
			pass := true
			for _, c := range g.Ifs {
				t, err := in.eval(cf, c)
				if err != nil {
					return err
				}
				if pass, err = in.Truth(t); err != nil {
					return err
				}
				if !pass {
					break
				}
			}
			if !pass {
				continue
			}
			if i+1 < len(gens) {
				next, err := in.eval(cf, gens[i+1].Iter)
				if err != nil {
					return err
				}
				if err := run(i+1, next); err != nil {
					return err
				}
				continue
			}
			if err := body(cf); err != nil {
				return err
			}
		}
	}
	return run(0, first)
}

func (in *Interp) compFrame(f *frame, gens []*syntax.Comprehension) *frame {
	code := &funcCode{name: "<comprehension>"}
	b := &binder{c: code}
	for _, g := range gens {
		b.target(g.Target)
	}
	cf := &frame{kind: funcFrame, code: code, vals: newFuncFrameVals(code), module: f.module, file: f.file, name: f.name, line: f.line, compParent: f}
	switch f.kind {
	case funcFrame:
		cf.outer = f
	case classFrame:
		cf.outer = f.outer
	}
	return cf
}

// genIter lazily runs a generator expression, so that any(), next() and
// friends stop early exactly as in Python.
type genIter struct {
	in    *Interp
	f     *frame
	cf    *frame
	e     *syntax.GeneratorExp
	iters []Iterator
	done  bool
}

func (in *Interp) generatorExp(f *frame, e *syntax.GeneratorExp) (Value, error) {
	first, err := in.eval(f, e.Generators[0].Iter)
	if err != nil {
		return nil, err
	}
	it, err := in.Iter(first)
	if err != nil {
		return nil, err
	}
	for _, g := range e.Generators {
		if g.IsAsync {
			return nil, in.unsupported(f, g.Iter, "async comprehension")
		}
	}
	return &genIter{in: in, f: f, cf: in.compFrame(f, e.Generators), e: e, iters: []Iterator{it}}, nil
}

func (g *genIter) Next(in *Interp) (Value, bool, error) {
	if g.done {
		return nil, false, nil
	}
	gens := g.e.Generators
	for len(g.iters) > 0 {
		level := len(g.iters) - 1
		v, ok, err := g.iters[level].Next(in)
		if err != nil {
			g.done = true
			return nil, false, err
		}
		if !ok {
			g.iters = g.iters[:level]
			continue
		}
		if err := in.step(g.f, gens[level].Iter); err != nil {
			return nil, false, err
		}
		if err := in.assign(g.cf, gens[level].Target, v); err != nil {
			g.done = true
			return nil, false, err
		}
		pass := true
		for _, c := range gens[level].Ifs {
			t, err := in.eval(g.cf, c)
			if err != nil {
				g.done = true
				return nil, false, err
			}
			if pass, err = in.Truth(t); err != nil {
				return nil, false, err
			}
			if !pass {
				break
			}
		}
		if !pass {
			continue
		}
		if level+1 < len(gens) {
			nv, err := in.eval(g.cf, gens[level+1].Iter)
			if err != nil {
				g.done = true
				return nil, false, err
			}
			it, err := in.Iter(nv)
			if err != nil {
				g.done = true
				return nil, false, err
			}
			g.iters = append(g.iters, it)
			continue
		}
		out, err := in.eval(g.cf, g.e.Elt)
		if err != nil {
			g.done = true
			return nil, false, err
		}
		return out, true, nil
	}
	g.done = true
	return nil, false, nil
}

func (in *Interp) evalCall(f *frame, e *syntax.Call) (Value, error) {
	// super() without arguments needs the frame.
	if n, ok := e.Func.(*syntax.Name); ok && n.ID == "super" && len(e.Args) == 0 && len(e.Keywords) == 0 {
		if v, _ := in.lookupName(f, n); v == builtinSuper {
			return in.zeroArgSuper(f, e)
		}
	}
	fn, err := in.eval(f, e.Func)
	if err != nil {
		return nil, err
	}
	args, err := in.evalElts(f, e.Args)
	if err != nil {
		return nil, err
	}
	var kw []Kw
	for _, k := range e.Keywords {
		v, err := in.eval(f, k.Value)
		if err != nil {
			return nil, err
		}
		if k.Arg == "" {
			d, ok := v.(*Dict)
			if !ok {
				return nil, in.TypeError("argument after ** must be a mapping, not %s", TypeName(v))
			}
			keys, vals := d.Items()
			for i, key := range keys {
				s, ok := key.(string)
				if !ok {
					return nil, in.TypeError("keywords must be strings")
				}
				kw = append(kw, Kw{s, vals[i]})
			}
			continue
		}
		kw = append(kw, Kw{k.Arg, v})
	}
	return in.Call(fn, args, kw)
}

func (in *Interp) zeroArgSuper(f *frame, e *syntax.Call) (Value, error) {
	if f.kind != funcFrame || f.fn == nil || f.fn.Class == nil {
		return nil, Errorf(RuntimeErrorClass, "super(): no arguments")
	}
	a := f.fn.def.args
	if a == nil || len(a.Args)+len(a.PosOnlyArgs) == 0 {
		return nil, Errorf(RuntimeErrorClass, "super(): no arguments")
	}
	first := ""
	if len(a.PosOnlyArgs) > 0 {
		first = a.PosOnlyArgs[0].Arg
	} else {
		first = a.Args[0].Arg
	}
	self, ok := f.getLocal(first)
	if !ok {
		return nil, Errorf(RuntimeErrorClass, "super(): arg[0] deleted")
	}
	return &Super{Class: f.fn.Class, Self: self}, nil
}
