package python

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"

	"github.com/conid/conid/internal/fsread"
	"github.com/conid/conid/internal/strindex"
	"github.com/conid/conid/recipe/python/syntax"
)

// Interp runs Python code. It is not safe for concurrent use; values it
// creates may be shared with other Interps once no longer mutated.
type Interp struct {
	// Builtins is the builtins namespace; NewInterp fills it.
	Builtins *Namespace
	// Modules maps a dotted module name to a constructor, called once on
	// first import.
	Modules map[string]func(in *Interp) (*Module, error)
	// Stdout receives print() output; nil discards it.
	Stdout io.Writer
	// MaxSteps bounds the statements and loop iterations one Interp runs
	// (0 means 50 million), so that no recipe can hang the caller.
	MaxSteps int64
	// MaxDepth bounds the Python call depth (0 means 200).
	MaxDepth int
	// ReadableRoots are folders Python code may read, besides those
	// AllowRead adds; set before the first read.
	ReadableRoots []string
	readMu        sync.Mutex
	readPending   []string        // AllowRead's folders, not yet indexed
	readableSet   map[string]bool // the readable folders, made absolute
	// Host is the embedding program's own data; the interpreter never
	// reads it.
	Host any

	loaded map[string]*Module
	// localDirs are the folders whose .py files "import x" finds first,
	// as Conan puts a recipe's folder on sys.path while loading it.
	localDirs []string
	// resident are the top-level modules already in the process's
	// sys.modules: Python takes them from there, so a recipe folder's
	// file of the same name is never looked at.
	resident map[string]bool
	steps    int64
	stack    []*frame
	handling []*Exception
}

// NewInterp returns an interpreter with Python's builtins.
func NewInterp() *Interp {
	in := &Interp{
		Modules:  map[string]func(*Interp) (*Module, error){},
		loaded:   map[string]*Module{},
		resident: map[string]bool{},
	}
	in.Builtins = builtinNamespace()
	for name, mk := range stdlibModules {
		in.Modules[name] = mk
		if top := topLevel(name); !notPreloaded[top] {
			in.resident[top] = true
		}
	}
	return in
}

// Resident says that the embedding process has imported these top-level
// modules already, so that recipe folders cannot shadow them.
func (in *Interp) Resident(names ...string) {
	for _, n := range names {
		in.resident[n] = true
	}
}

func topLevel(name string) string {
	top, _, _ := strings.Cut(name, ".")
	return top
}

// RegisterModule makes a module importable.
func (in *Interp) RegisterModule(name string, mk func(in *Interp) (*Module, error)) {
	in.Modules[name] = mk
	delete(in.loaded, name)
}

// PushLocalDir makes "import x" find x.py in dir (until PopLocalDir).
func (in *Interp) PushLocalDir(dir string) { in.localDirs = append(in.localDirs, dir) }

// PopLocalDir undoes PushLocalDir.
func (in *Interp) PopLocalDir() { in.localDirs = in.localDirs[:len(in.localDirs)-1] }

// Import returns a module by dotted name, creating it on first use.
func (in *Interp) Import(name string) (*Module, error) {
	m, ok, err := in.importKnown(name)
	if !ok && err == nil {
		return nil, Errorf(ModuleNotFoundErrorClass, "No module named '%s'", name)
	}
	return m, err
}

// importKnown is Import, reporting a module that does not exist as not ok
// rather than as a ModuleNotFoundError: "from conan.tools.files import
// copy" asks first whether copy is a submodule, for every name imported
// (formatting the error was 0.7% of a conan-center-index graph's CPU).
func (in *Interp) importKnown(name string) (*Module, bool, error) {
	if len(in.localDirs) > 0 && !in.resident[topLevel(name)] {
		if m, ok, err := in.importLocal(in.localDirs[len(in.localDirs)-1], name); ok || err != nil {
			return m, ok, err
		}
	}
	if m, ok := in.loaded[name]; ok {
		return m, true, nil
	}
	mk, ok := in.Modules[name]
	if !ok {
		return nil, false, nil
	}
	m, err := mk(in)
	if err != nil {
		return nil, true, err
	}
	in.loaded[name] = m
	// It stays in sys.modules: later recipes get this one, not theirs.
	in.resident[topLevel(name)] = true
	return m, true, nil
}

// funcCode is what the interpreter precomputes for a def or lambda.
type funcCode struct {
	name string
	file string
	args *syntax.Arguments
	body []syntax.Stmt // nil for a lambda
	expr syntax.Expr   // lambda body
	// locals are the names the function binds, parameters first: a
	// frame keeps their values in slots in this order.
	locals    strindex.List
	params    []string // positional parameters: positional-only, then the others
	globals   map[string]bool
	nonlocals map[string]bool
	pos       syntax.Pos
	generator bool
	once      sync.Once // analyze
}

type frameKind int

const (
	moduleFrame frameKind = iota
	classFrame
	funcFrame
)

type frame struct {
	kind frameKind
	code *funcCode
	// vals are a function frame's local variables, by code slot (nil
	// while unbound); more holds any other name the frame binds.
	vals   []Value
	more   map[string]Value
	ns     *Namespace // module globals or class namespace
	outer  *frame     // enclosing function frame, for closures
	module *Module
	file   string
	line   int32
	name   string
	retval Value
	fn     *Function
	// compParent is the frame a comprehension runs in (walrus targets
	// bind there).
	compParent *frame
}

type ctrl int

const (
	ctrlNone ctrl = iota
	ctrlReturn
	ctrlBreak
	ctrlContinue
)

// ExecModule runs a parsed module in a fresh namespace and returns it.
func (in *Interp) ExecModule(name string, mod *syntax.Module) (*Module, error) {
	m := NewModule(name)
	m.File = mod.Filename
	m.Dict.Set("__name__", name)
	m.Dict.Set("__file__", mod.Filename)
	if err := in.ExecInModule(m, mod); err != nil {
		return m, err
	}
	return m, nil
}

// ExecInModule runs a parsed module's statements in m's namespace.
func (in *Interp) ExecInModule(m *Module, mod *syntax.Module) error {
	f := &frame{kind: moduleFrame, ns: m.Dict, module: m, file: mod.Filename, name: "<module>"}
	in.stack = append(in.stack, f)
	defer func() { in.stack = in.stack[:len(in.stack)-1] }()
	_, err := in.execBlock(f, mod.Body)
	return err
}

func (in *Interp) unsupported(f *frame, n syntax.Node, what string) error {
	file := ""
	if f != nil {
		file = f.file
	}
	var pos syntax.Pos
	if n != nil {
		pos = n.Position()
	}
	return &Unsupported{File: file, Pos: pos, Construct: what}
}

func (in *Interp) step(f *frame, n syntax.Node) error {
	in.steps++
	max := in.MaxSteps
	if max == 0 {
		max = 50_000_000
	}
	if in.steps > max {
		return in.unsupported(f, n, fmt.Sprintf("execution exceeded %d steps (endless loop?)", max))
	}
	return nil
}

// annotate fills the traceback of an exception that has none yet.
func (in *Interp) annotate(err error) error {
	if e, ok := err.(*Exception); ok && e.Traceback == nil {
		for _, f := range in.stack {
			e.Traceback = append(e.Traceback, Frame{File: f.file, Line: int(f.line), Function: f.name})
		}
		if e.Traceback == nil {
			e.Traceback = []Frame{}
		}
	}
	return err
}

func (in *Interp) execBlock(f *frame, body []syntax.Stmt) (ctrl, error) {
	for _, s := range body {
		c, err := in.exec(f, s)
		if err != nil || c != ctrlNone {
			return c, err
		}
	}
	return ctrlNone, nil
}

func (in *Interp) exec(f *frame, s syntax.Stmt) (ctrl, error) {
	f.line = s.Position().Line
	if err := in.step(f, s); err != nil {
		return ctrlNone, err
	}
	switch s := s.(type) {
	case *syntax.ExprStmt:
		_, err := in.eval(f, s.Value)
		return ctrlNone, in.annotate(err)
	case *syntax.Assign:
		v, err := in.eval(f, s.Value)
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		for _, t := range s.Targets {
			if err := in.assign(f, t, v); err != nil {
				return ctrlNone, in.annotate(err)
			}
		}
		return ctrlNone, nil
	case *syntax.AugAssign:
		return ctrlNone, in.annotate(in.augAssign(f, s))
	case *syntax.AnnAssign:
		if s.Value == nil {
			return ctrlNone, nil
		}
		v, err := in.eval(f, s.Value)
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		return ctrlNone, in.annotate(in.assign(f, s.Target, v))
	case *syntax.Return:
		var v Value = None
		if s.Value != nil {
			var err error
			if v, err = in.eval(f, s.Value); err != nil {
				return ctrlNone, in.annotate(err)
			}
		}
		f.retval = v
		return ctrlReturn, nil
	case *syntax.If:
		for {
			t, err := in.eval(f, s.Test)
			if err != nil {
				return ctrlNone, in.annotate(err)
			}
			ok, err := in.Truth(t)
			if err != nil {
				return ctrlNone, in.annotate(err)
			}
			if ok {
				return in.execBlock(f, s.Body)
			}
			// walk elif chains without recursion
			if len(s.Orelse) == 1 {
				if next, isIf := s.Orelse[0].(*syntax.If); isIf {
					s = next
					f.line = s.Position().Line
					continue
				}
			}
			return in.execBlock(f, s.Orelse)
		}
	case *syntax.Pass:
		return ctrlNone, nil
	case *syntax.Break:
		return ctrlBreak, nil
	case *syntax.Continue:
		return ctrlContinue, nil
	case *syntax.For:
		return in.execFor(f, s)
	case *syntax.While:
		return in.execWhile(f, s)
	case *syntax.FunctionDef:
		return ctrlNone, in.annotate(in.execDef(f, s))
	case *syntax.ClassDef:
		return ctrlNone, in.annotate(in.execClass(f, s))
	case *syntax.Delete:
		for _, t := range s.Targets {
			if err := in.del(f, t); err != nil {
				return ctrlNone, in.annotate(err)
			}
		}
		return ctrlNone, nil
	case *syntax.Raise:
		return ctrlNone, in.execRaise(f, s)
	case *syntax.Try:
		return in.execTry(f, s)
	case *syntax.Assert:
		t, err := in.eval(f, s.Test)
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		ok, err := in.Truth(t)
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		if !ok {
			var args []Value
			if s.Msg != nil {
				m, err := in.eval(f, s.Msg)
				if err != nil {
					return ctrlNone, in.annotate(err)
				}
				args = append(args, m)
			}
			return ctrlNone, in.annotate(NewException(AssertionErrorClass, args...))
		}
		return ctrlNone, nil
	case *syntax.Import:
		for _, a := range s.Names {
			if err := in.execImport(f, a); err != nil {
				return ctrlNone, in.annotate(err)
			}
		}
		return ctrlNone, nil
	case *syntax.ImportFrom:
		return ctrlNone, in.annotate(in.execImportFrom(f, s))
	case *syntax.Global, *syntax.Nonlocal:
		return ctrlNone, nil // resolved statically
	case *syntax.With:
		return in.execWith(f, s)
	}
	return ctrlNone, in.unsupported(f, s, fmt.Sprintf("statement %T", s))
}

func (in *Interp) execFor(f *frame, s *syntax.For) (ctrl, error) {
	if s.Async {
		return ctrlNone, in.unsupported(f, s, "async for")
	}
	seq, err := in.eval(f, s.Iter)
	if err != nil {
		return ctrlNone, in.annotate(err)
	}
	it, err := in.Iter(seq)
	if err != nil {
		return ctrlNone, in.annotate(err)
	}
	for {
		v, ok, err := it.Next(in)
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		if !ok {
			break
		}
		if err := in.step(f, s); err != nil {
			return ctrlNone, err
		}
		f.line = s.Position().Line
		if err := in.assign(f, s.Target, v); err != nil {
			return ctrlNone, in.annotate(err)
		}
		c, err := in.execBlock(f, s.Body)
		if err != nil {
			return ctrlNone, err
		}
		switch c {
		case ctrlReturn:
			return c, nil
		case ctrlBreak:
			return ctrlNone, nil
		}
	}
	return in.execBlock(f, s.Orelse)
}

func (in *Interp) execWhile(f *frame, s *syntax.While) (ctrl, error) {
	for {
		if err := in.step(f, s); err != nil {
			return ctrlNone, err
		}
		f.line = s.Position().Line
		t, err := in.eval(f, s.Test)
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		ok, err := in.Truth(t)
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		if !ok {
			break
		}
		c, err := in.execBlock(f, s.Body)
		if err != nil {
			return ctrlNone, err
		}
		switch c {
		case ctrlReturn:
			return c, nil
		case ctrlBreak:
			return ctrlNone, nil
		}
	}
	return in.execBlock(f, s.Orelse)
}

func (in *Interp) execRaise(f *frame, s *syntax.Raise) error {
	if s.Exc == nil {
		if len(in.handling) == 0 {
			return in.annotate(Errorf(RuntimeErrorClass, "No active exception to reraise"))
		}
		return in.handling[len(in.handling)-1]
	}
	v, err := in.eval(f, s.Exc)
	if err != nil {
		return in.annotate(err)
	}
	exc, err := in.makeException(v)
	if err != nil {
		return in.annotate(err)
	}
	if s.Cause != nil {
		c, err := in.eval(f, s.Cause)
		if err != nil {
			return in.annotate(err)
		}
		if c != None {
			ce, err := in.makeException(c)
			if err != nil {
				return in.annotate(err)
			}
			exc.Cause = ce
		}
	}
	if len(in.handling) > 0 {
		exc.Context = in.handling[len(in.handling)-1]
	}
	exc.Traceback = nil
	return in.annotate(exc)
}

// makeException turns "raise X" operands into an exception.
func (in *Interp) makeException(v Value) (*Exception, error) {
	switch x := v.(type) {
	case *Class:
		if !x.IsSubclass(BaseExceptionClass) {
			return nil, in.TypeError("exceptions must derive from BaseException")
		}
		obj, err := in.Call(x, nil, nil)
		if err != nil {
			return nil, err
		}
		return in.makeException(obj)
	case *Instance:
		if !x.Class.IsSubclass(BaseExceptionClass) {
			return nil, in.TypeError("exceptions must derive from BaseException")
		}
		return &Exception{Value: x}, nil
	}
	return nil, in.TypeError("exceptions must derive from BaseException")
}

func (in *Interp) execTry(f *frame, s *syntax.Try) (ctrl, error) {
	if s.Star {
		return ctrlNone, in.unsupported(f, s, "except*")
	}
	c, err := in.execBlock(f, s.Body)
	if err != nil {
		exc, ok := err.(*Exception)
		if !ok { // Unsupported and internal errors are never caught
			return ctrlNone, err
		}
		handled := false
		for _, h := range s.Handlers {
			match := h.Type == nil
			if !match {
				t, terr := in.eval(f, h.Type)
				if terr != nil {
					return ctrlNone, in.annotate(terr)
				}
				m, merr := in.excMatches(exc, t)
				if merr != nil {
					return ctrlNone, in.annotate(merr)
				}
				match = m
			}
			if !match {
				continue
			}
			handled = true
			if h.Name != "" {
				if err := in.assignName(f, h.Name, exc.Value); err != nil {
					return ctrlNone, err
				}
			}
			in.handling = append(in.handling, exc)
			c, err = in.execBlock(f, h.Body)
			in.handling = in.handling[:len(in.handling)-1]
			if h.Name != "" {
				in.deleteName(f, h.Name)
			}
			break
		}
		if !handled {
			c, err = ctrlNone, exc
		}
	} else if c == ctrlNone {
		c, err = in.execBlock(f, s.Orelse)
	}
	if len(s.Finalbody) > 0 {
		if _, isUnsup := err.(*Unsupported); isUnsup {
			return c, err
		}
		saved := f.retval
		fc, ferr := in.execBlock(f, s.Finalbody)
		if ferr != nil || fc != ctrlNone {
			return fc, ferr
		}
		f.retval = saved
	}
	return c, err
}

func (in *Interp) excMatches(exc *Exception, t Value) (bool, error) {
	switch x := t.(type) {
	case *Class:
		return exc.Value.Class.IsSubclass(x), nil
	case Tuple:
		for _, e := range x {
			ok, err := in.excMatches(exc, e)
			if err != nil || ok {
				return ok, err
			}
		}
		return false, nil
	}
	return false, in.TypeError("catching classes that do not inherit from BaseException is not allowed")
}

func (in *Interp) execWith(f *frame, s *syntax.With) (ctrl, error) {
	if s.Async {
		return ctrlNone, in.unsupported(f, s, "async with")
	}
	type entered struct{ exit Value }
	var exits []entered
	for _, item := range s.Items {
		cm, err := in.eval(f, item.ContextExpr)
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		enter, ok, err := in.GetAttrOpt(cm, "__enter__")
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		exit, ok2, err := in.GetAttrOpt(cm, "__exit__")
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		if !ok || !ok2 {
			return ctrlNone, in.unsupported(f, s, fmt.Sprintf("'with' on a %s object", TypeName(cm)))
		}
		v, err := in.Call(enter, nil, nil)
		if err != nil {
			return ctrlNone, in.annotate(err)
		}
		if item.OptionalVars != nil {
			if err := in.assign(f, item.OptionalVars, v); err != nil {
				return ctrlNone, in.annotate(err)
			}
		}
		exits = append(exits, entered{exit})
	}
	c, err := in.execBlock(f, s.Body)
	for i := len(exits) - 1; i >= 0; i-- {
		var args []Value
		if exc, ok := err.(*Exception); ok {
			args = []Value{exc.Value.Class, exc.Value, None}
		} else if err != nil {
			return c, err
		} else {
			args = []Value{None, None, None}
		}
		r, xerr := in.Call(exits[i].exit, args, nil)
		if xerr != nil {
			return ctrlNone, in.annotate(xerr)
		}
		if err != nil {
			if t, _ := in.Truth(r); t {
				err = nil
				c = ctrlNone
			}
		}
	}
	return c, err
}

func (in *Interp) execImport(f *frame, a *syntax.Alias) error {
	m, err := in.Import(a.Name)
	if err != nil {
		return err
	}
	if a.Asname != "" {
		return in.assignName(f, a.Asname, m)
	}
	// "import a.b.c" binds "a", importing each level.
	top := a.Name
	for i := 0; i < len(a.Name); i++ {
		if a.Name[i] == '.' {
			top = a.Name[:i]
			break
		}
	}
	tm, err := in.Import(top)
	if err != nil {
		return err
	}
	// make sure intermediate packages expose their submodules
	parent := tm
	name := top
	rest := a.Name[len(top):]
	for len(rest) > 0 {
		rest = rest[1:]
		seg := rest
		for i := 0; i < len(rest); i++ {
			if rest[i] == '.' {
				seg = rest[:i]
				break
			}
		}
		rest = rest[len(seg):]
		name += "." + seg
		sub, err := in.Import(name)
		if err != nil {
			return err
		}
		if _, ok := parent.Dict.Get(seg); !ok {
			parent.Dict.Set(seg, sub)
		}
		parent = sub
	}
	return in.assignName(f, top, tm)
}

func (in *Interp) execImportFrom(f *frame, s *syntax.ImportFrom) error {
	if s.Level > 0 {
		return in.unsupported(f, s, "relative import")
	}
	m, err := in.Import(s.Module)
	if err != nil {
		return err
	}
	for _, a := range s.Names {
		if a.Name == "*" {
			for _, k := range m.Dict.Keys() {
				if len(k) > 0 && k[0] == '_' {
					continue
				}
				v, _ := m.Dict.Get(k)
				if err := in.assignName(f, k, v); err != nil {
					return err
				}
			}
			continue
		}
		v, ok := in.moduleAttr(m, a.Name)
		if !ok {
			return Errorf(ImportErrorClass, "cannot import name '%s' from '%s'", a.Name, s.Module)
		}
		name := a.Name
		if a.Asname != "" {
			name = a.Asname
		}
		if err := in.assignName(f, name, v); err != nil {
			return err
		}
	}
	return nil
}

func (in *Interp) execDef(f *frame, s *syntax.FunctionDef) error {
	if s.Async {
		return in.unsupported(f, s, "async def")
	}
	code := newFuncCode(s.Name, f.file, s.Args, s.Body, nil, s.Position())
	fn, err := in.makeFunction(f, code)
	if err != nil {
		return err
	}
	var v Value = fn
	for i := len(s.DecoratorList) - 1; i >= 0; i-- {
		d, err := in.eval(f, s.DecoratorList[i])
		if err != nil {
			return err
		}
		if v, err = in.Call(d, []Value{v}, nil); err != nil {
			return err
		}
	}
	return in.assignName(f, s.Name, v)
}

func (in *Interp) makeFunction(f *frame, code *funcCode) (*Function, error) {
	fn := &Function{Name: code.name, Qualname: code.name, def: code, Globals: f.module}
	// closures skip class scopes
	switch f.kind {
	case funcFrame:
		fn.Closure = f
	case classFrame:
		fn.Closure = f.outer
	}
	a := code.args
	if a != nil {
		for _, d := range a.Defaults {
			v, err := in.eval(f, d)
			if err != nil {
				return nil, err
			}
			fn.Defaults = append(fn.Defaults, v)
		}
		fn.KwDefs = make([]Value, len(a.KwOnlyArgs))
		for i, d := range a.KwDefaults {
			if d == nil {
				continue
			}
			v, err := in.eval(f, d)
			if err != nil {
				return nil, err
			}
			fn.KwDefs[i] = v
		}
	}
	return fn, nil
}

func (in *Interp) execClass(f *frame, s *syntax.ClassDef) error {
	var bases []*Class
	for _, b := range s.Bases {
		v, err := in.eval(f, b)
		if err != nil {
			return err
		}
		if o, isOpaque := v.(*Opaque); isOpaque {
			// a class deriving from a build-time helper (a unittest.TestCase
			// in a recipe file): define it, but using it is unsupported.
			return in.assignName(f, s.Name, &Opaque{Name: "class " + s.Name + "(" + o.Name + ")"})
		}
		c, ok := v.(*Class)
		if !ok {
			return in.unsupported(f, b, fmt.Sprintf("class base of type %s", TypeName(v)))
		}
		if c.builtinType && c != ObjectClass {
			return in.unsupported(f, b, "subclassing built-in type "+c.Name)
		}
		bases = append(bases, c)
	}
	for _, k := range s.Keywords {
		return in.unsupported(f, k, "class keyword "+k.Arg)
	}
	if len(bases) == 0 {
		bases = []*Class{ObjectClass}
	}
	// A statement of the body mostly binds one name: room for them all
	// at once, rather than growing the table through its sizes.
	ns := NewNamespaceSize(2 + len(s.Body))
	ns.Set("__module__", f.module.Name)
	ns.Set("__qualname__", s.Name)
	cf := &frame{kind: classFrame, ns: ns, module: f.module, file: f.file, name: s.Name, line: s.Position().Line}
	switch f.kind {
	case funcFrame:
		cf.outer = f
	case classFrame:
		cf.outer = f.outer
	}
	in.stack = append(in.stack, cf)
	_, err := in.execBlock(cf, s.Body)
	in.stack = in.stack[:len(in.stack)-1]
	if err != nil {
		return err
	}
	c, err := NewClass(s.Name, bases, ns)
	if err != nil {
		return in.TypeError("%s", err.Error())
	}
	c.Module = f.module.Name
	for _, b := range bases {
		if b.NewHost != nil {
			c.NewHost = b.NewHost
			break
		}
	}
	// methods learn their class, for super()
	for _, k := range ns.Keys() {
		v, _ := ns.Get(k)
		setFuncClass(v, c)
	}
	var v Value = c
	for i := len(s.DecoratorList) - 1; i >= 0; i-- {
		d, err := in.eval(f, s.DecoratorList[i])
		if err != nil {
			return err
		}
		if v, err = in.Call(d, []Value{v}, nil); err != nil {
			return err
		}
	}
	return in.assignName(f, s.Name, v)
}

func setFuncClass(v Value, c *Class) {
	switch x := v.(type) {
	case *Function:
		if x.Class == nil {
			x.Class = c
		}
	case *Property:
		setFuncClass(x.Get, c)
		setFuncClass(x.Set, c)
		setFuncClass(x.Del, c)
	case *StaticMethod:
		setFuncClass(x.Fn, c)
	case *ClassMethod:
		setFuncClass(x.Fn, c)
	}
}

// SourceModule returns a module constructor that runs Python source. An
// opaque module also answers every other name with an Opaque value (for
// modules whose build-time helpers recipes import but never call while a
// graph is computed).
func SourceModule(name, filename string, src []byte, opaque bool) func(in *Interp) (*Module, error) {
	return func(in *Interp) (*Module, error) {
		mod, err := syntax.Parse(filename, src)
		if err != nil {
			return nil, err
		}
		m := NewModule(name)
		m.File = filename
		m.Dict.Set("__name__", name)
		if opaque {
			m.Dict.Set("__opaque__", true)
		}
		// make the module importable by itself while it runs
		in.loaded[name] = m
		if err := in.ExecInModule(m, mod); err != nil {
			delete(in.loaded, name)
			return nil, err
		}
		return m, nil
	}
}

// importLocal loads dir/name.py (or dir/name/__init__.py), once per file.
func (in *Interp) importLocal(dir, name string) (*Module, bool, error) {
	rel := strings.ReplaceAll(name, ".", "/")
	for _, p := range []string{filepath.Join(dir, rel+".py"), filepath.Join(dir, rel, "__init__.py")} {
		if _, err := fsread.Stat(p); err != nil {
			continue
		}
		key := "file:" + p
		if m, ok := in.loaded[key]; ok {
			return m, true, nil
		}
		src, err := fsread.ReadFile(p)
		if err != nil {
			return nil, true, err
		}
		m, err := SourceModule(name, p, src, false)(in)
		delete(in.loaded, name)
		if err != nil {
			return nil, true, err
		}
		in.loaded[key] = m
		return m, true, nil
	}
	return nil, false, nil
}
