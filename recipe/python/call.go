package python

import (
	"strings"
)

// Call calls any callable value.
func (in *Interp) Call(fn Value, args []Value, kw []Kw) (Value, error) {
	switch c := fn.(type) {
	case *Builtin:
		v, err := c.Fn(in, args, kw)
		return v, err
	case *Function:
		return in.callFunction(c, args, kw)
	case *BoundMethod:
		all := make([]Value, 0, len(args)+1)
		all = append(all, c.Self)
		all = append(all, args...)
		return in.Call(c.Fn, all, kw)
	case *Class:
		return in.instantiate(c, args, kw)
	case *Instance:
		m, _, ok := c.Class.Lookup("__call__")
		if !ok {
			return nil, in.TypeError("'%s' object is not callable", c.Class.Name)
		}
		return in.Call(&BoundMethod{Self: c, Fn: m}, args, kw)
	case *StaticMethod:
		return in.Call(c.Fn, args, kw)
	case Callable:
		return c.Call(in, args, kw)
	}
	return nil, in.TypeError("'%s' object is not callable", TypeName(fn))
}

func (in *Interp) instantiate(c *Class, args []Value, kw []Kw) (Value, error) {
	if c.builtinType {
		ctor, ok := c.Dict.Get("__new__")
		if !ok {
			return nil, in.TypeError("cannot create '%s' instances", c.Name)
		}
		return in.Call(ctor, args, kw)
	}
	obj := &Instance{Class: c, Dict: NewNamespace()}
	if c.NewHost != nil {
		obj.Host = c.NewHost()
	}
	if newFn, owner, ok := c.Lookup("__new__"); ok && owner != ObjectClass {
		if _, isBuiltin := newFn.(*Builtin); !isBuiltin {
			return nil, Errorf(TypeErrorClass, "custom __new__ is not supported")
		}
	}
	if init, _, ok := c.Lookup("__init__"); ok {
		all := append([]Value{obj}, args...)
		r, err := in.Call(unwrapStatic(init), all, kw)
		if err != nil {
			return nil, err
		}
		if r != None {
			return nil, in.TypeError("__init__() should return None, not '%s'", TypeName(r))
		}
	} else if len(args) > 0 || len(kw) > 0 {
		return nil, in.TypeError("%s() takes no arguments", c.Name)
	}
	return obj, nil
}

func unwrapStatic(v Value) Value {
	if s, ok := v.(*StaticMethod); ok {
		return s.Fn
	}
	return v
}

func (in *Interp) callFunction(fn *Function, args []Value, kw []Kw) (Value, error) {
	code := fn.def
	code.analyze()
	if code.generator {
		return nil, &Unsupported{File: code.file, Pos: code.pos, Construct: "generator function (yield)"}
	}
	max := in.MaxDepth
	if max == 0 {
		max = 200
	}
	if len(in.stack) > max {
		return nil, Errorf(RecursionErrorClass, "maximum recursion depth exceeded")
	}
	f := &frame{kind: funcFrame, code: code, vals: newFuncFrameVals(code), outer: fn.Closure,
		module: fn.Globals, file: code.file, name: code.name, fn: fn, line: code.pos.Line}
	if err := in.bindArgs(fn, f, args, kw); err != nil {
		return nil, err
	}
	in.stack = append(in.stack, f)
	defer func() { in.stack = in.stack[:len(in.stack)-1] }()
	if code.expr != nil { // lambda
		v, err := in.eval(f, code.expr)
		return v, in.annotate(err)
	}
	c, err := in.execBlock(f, code.body)
	if err != nil {
		return nil, err
	}
	if c == ctrlReturn {
		return f.retval, nil
	}
	return None, nil
}

func (in *Interp) bindArgs(fn *Function, f *frame, args []Value, kw []Kw) error {
	a := fn.def.args
	name := fn.Name
	params := fn.def.params
	nPosOnly := len(a.PosOnlyArgs)
	// positional
	n := len(args)
	if n > len(params) {
		if a.Vararg == nil {
			return in.TypeError("%s() takes %d positional argument%s but %d %s given", name, len(params), plural(len(params)), n, wasWere(n))
		}
		f.setLocal(a.Vararg.Arg, Tuple(append([]Value(nil), args[len(params):]...)))
		n = len(params)
	} else if a.Vararg != nil {
		f.setLocal(a.Vararg.Arg, Tuple{})
	}
	for i := 0; i < n; i++ {
		f.setLocal(params[i], args[i])
	}
	var extra *Dict
	if a.Kwarg != nil {
		extra = NewDict()
		f.setLocal(a.Kwarg.Arg, extra)
	}
	for _, k := range kw {
		found := false
		for i, p := range params {
			if p == k.Name && i >= nPosOnly {
				if _, dup := f.getLocal(p); dup {
					return in.TypeError("%s() got multiple values for argument '%s'", name, p)
				}
				f.setLocal(p, k.Value)
				found = true
				break
			}
		}
		if !found {
			for _, p := range a.KwOnlyArgs {
				if p.Arg == k.Name {
					if _, dup := f.getLocal(p.Arg); dup {
						return in.TypeError("%s() got multiple values for argument '%s'", name, p.Arg)
					}
					f.setLocal(p.Arg, k.Value)
					found = true
					break
				}
			}
		}
		if !found {
			if extra == nil {
				return in.TypeError("%s() got an unexpected keyword argument '%s'", name, k.Name)
			}
			extra.SetStr(k.Name, k.Value)
		}
	}
	// defaults
	firstDefault := len(params) - len(fn.Defaults)
	var missing []string
	for i, p := range params {
		if _, ok := f.getLocal(p); ok {
			continue
		}
		if i >= firstDefault {
			f.setLocal(p, fn.Defaults[i-firstDefault])
			continue
		}
		missing = append(missing, p)
	}
	if len(missing) > 0 {
		q := make([]string, len(missing))
		for i, m := range missing {
			q[i] = "'" + m + "'"
		}
		return in.TypeError("%s() missing %d required positional argument%s: %s", name, len(missing), plural(len(missing)), joinAnd(q))
	}
	for i, p := range a.KwOnlyArgs {
		if _, ok := f.getLocal(p.Arg); ok {
			continue
		}
		if fn.KwDefs[i] != nil {
			f.setLocal(p.Arg, fn.KwDefs[i])
			continue
		}
		return in.TypeError("%s() missing 1 required keyword-only argument: '%s'", name, p.Arg)
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func wasWere(n int) string {
	if n == 1 {
		return "was"
	}
	return "were"
}

func joinAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	case 2:
		return items[0] + " and " + items[1]
	}
	return strings.Join(items[:len(items)-1], ", ") + ", and " + items[len(items)-1]
}

// Args helps Go builtins unpack their arguments. Spec names parameters in
// order; a trailing "?" marks an optional one.
func (in *Interp) Args(fname string, args []Value, kw []Kw, spec ...string) ([]Value, error) {
	out := make([]Value, len(spec))
	names := make([]string, len(spec))
	required := 0
	for i, s := range spec {
		if strings.HasSuffix(s, "?") {
			names[i] = s[:len(s)-1]
		} else {
			names[i] = s
			required = i + 1
		}
	}
	if len(args) > len(spec) {
		return nil, in.TypeError("%s() takes at most %d argument%s (%d given)", fname, len(spec), plural(len(spec)), len(args))
	}
	copy(out, args)
	for _, k := range kw {
		found := false
		for i, n := range names {
			if n == k.Name {
				if out[i] != nil {
					return nil, in.TypeError("%s() got multiple values for argument '%s'", fname, n)
				}
				out[i] = k.Value
				found = true
			}
		}
		if !found {
			return nil, in.TypeError("%s() got an unexpected keyword argument '%s'", fname, k.Name)
		}
	}
	for i := 0; i < required; i++ {
		if out[i] == nil && !strings.HasSuffix(spec[i], "?") {
			return nil, in.TypeError("%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return out, nil
}

// Method returns a Builtin bound to a receiver captured by fn.
func method(name string, fn BuiltinFunc) *Builtin { return &Builtin{Name: name, Fn: fn} }
