package python

import (
	"fmt"
	"strings"

	"github.com/conid/conid/recipe/python/syntax"
)

// Frame is one line of a traceback.
type Frame struct {
	File     string
	Line     int
	Function string
}

// Exception is a raised Python exception. Value is the exception object:
// an *Instance of a class derived from BaseException.
type Exception struct {
	Value     *Instance
	Traceback []Frame // innermost last
	Cause     *Exception
	Context   *Exception
}

// Class returns the exception's class.
func (e *Exception) Class() *Class { return e.Value.Class }

// Args returns the exception's args.
func (e *Exception) Args() Tuple {
	if a, ok := e.Value.Host.(*excState); ok {
		return a.args
	}
	return nil
}

// Message is str(exception): the single argument, or the args tuple.
func (e *Exception) Message() string {
	args := e.Args()
	switch len(args) {
	case 0:
		return ""
	case 1:
		if e.Value.Class.IsSubclass(KeyErrorClass) {
			return reprNoInterp(args[0])
		}
		s, err := strNoInterp(args[0])
		if err != nil {
			return fmt.Sprint(args[0])
		}
		return s
	}
	return reprNoInterp(args)
}

// Where is the innermost file:line of the traceback.
func (e *Exception) Where() string {
	if len(e.Traceback) == 0 {
		return ""
	}
	f := e.Traceback[len(e.Traceback)-1]
	return fmt.Sprintf("%s:%d", f.File, f.Line)
}

func (e *Exception) Error() string {
	msg := e.Message()
	s := e.Value.Class.Name
	if msg != "" {
		s += ": " + msg
	}
	if w := e.Where(); w != "" {
		return w + ": " + s
	}
	return s
}

// Is matches an exception class given as a *Class target via errors.Is.
func (e *Exception) IsInstance(c *Class) bool { return e.Value.Class.IsSubclass(c) }

// Unsupported reports a construct the interpreter does not implement.
// Python code cannot catch it.
type Unsupported struct {
	File      string
	Pos       syntax.Pos
	Construct string
}

func (u *Unsupported) Error() string {
	return fmt.Sprintf("%s:%d: unsupported construct: %s", u.File, u.Pos.Line, u.Construct)
}

type excState struct {
	args Tuple
}

// The built-in exception hierarchy.
var (
	BaseExceptionClass       = newExcClass("BaseException", nil)
	ExceptionClass           = newExcClass("Exception", BaseExceptionClass)
	ArithmeticErrorClass     = newExcClass("ArithmeticError", ExceptionClass)
	ZeroDivisionErrorClass   = newExcClass("ZeroDivisionError", ArithmeticErrorClass)
	OverflowErrorClass       = newExcClass("OverflowError", ArithmeticErrorClass)
	AssertionErrorClass      = newExcClass("AssertionError", ExceptionClass)
	AttributeErrorClass      = newExcClass("AttributeError", ExceptionClass)
	LookupErrorClass         = newExcClass("LookupError", ExceptionClass)
	IndexErrorClass          = newExcClass("IndexError", LookupErrorClass)
	KeyErrorClass            = newExcClass("KeyError", LookupErrorClass)
	NameErrorClass           = newExcClass("NameError", ExceptionClass)
	UnboundLocalErrorClass   = newExcClass("UnboundLocalError", NameErrorClass)
	TypeErrorClass           = newExcClass("TypeError", ExceptionClass)
	ValueErrorClass          = newExcClass("ValueError", ExceptionClass)
	UnicodeErrorClass        = newExcClass("UnicodeError", ValueErrorClass)
	RuntimeErrorClass        = newExcClass("RuntimeError", ExceptionClass)
	NotImplementedErrorClass = newExcClass("NotImplementedError", RuntimeErrorClass)
	RecursionErrorClass      = newExcClass("RecursionError", RuntimeErrorClass)
	StopIterationClass       = newExcClass("StopIteration", ExceptionClass)
	ImportErrorClass         = newExcClass("ImportError", ExceptionClass)
	ModuleNotFoundErrorClass = newExcClass("ModuleNotFoundError", ImportErrorClass)
	OSErrorClass             = newExcClass("OSError", ExceptionClass)
	FileNotFoundErrorClass   = newExcClass("FileNotFoundError", OSErrorClass)
	KeyboardInterruptClass   = newExcClass("KeyboardInterrupt", BaseExceptionClass)
	SystemExitClass          = newExcClass("SystemExit", BaseExceptionClass)
	WarningClass             = newExcClass("Warning", ExceptionClass)
	DeprecationWarningClass  = newExcClass("DeprecationWarning", WarningClass)
	UserWarningClass         = newExcClass("UserWarning", WarningClass)
)

func newExcClass(name string, base *Class) *Class {
	var bases []*Class
	if base != nil {
		bases = []*Class{base}
	} else {
		bases = []*Class{ObjectClass}
	}
	c := MustClass(name, bases...)
	c.Module = "builtins"
	return c
}

func init() {
	c := BaseExceptionClass
	c.Dict.Set("__init__", NewBuiltin("__init__", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		self, ok := args[0].(*Instance)
		if !ok {
			return nil, in.TypeError("descriptor '__init__' requires an exception")
		}
		self.Host = &excState{args: Tuple(append([]Value(nil), args[1:]...))}
		return None, nil
	}))
	c.Dict.Set("args", &Property{Get: NewBuiltin("args", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		self := args[0].(*Instance)
		if st, ok := self.Host.(*excState); ok {
			return st.args, nil
		}
		return Tuple{}, nil
	})})
	c.Dict.Set("__str__", NewBuiltin("__str__", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		e := &Exception{Value: args[0].(*Instance)}
		return e.Message(), nil
	}))
}

// NewException builds an exception of class c with args, without a
// traceback (the interpreter adds it when raised).
func NewException(c *Class, args ...Value) *Exception {
	return &Exception{Value: &Instance{Class: c, Dict: NewNamespace(), Host: &excState{args: Tuple(args)}}}
}

// Errorf builds an exception of class c with a formatted message.
func Errorf(c *Class, format string, args ...any) *Exception {
	return NewException(c, fmt.Sprintf(format, args...))
}

// TypeError is a convenience for host code.
func (in *Interp) TypeError(format string, args ...any) error {
	return Errorf(TypeErrorClass, format, args...)
}

// ValueError is a convenience for host code.
func (in *Interp) ValueError(format string, args ...any) error {
	return Errorf(ValueErrorClass, format, args...)
}

func attrError(v Value, name string) error {
	if m, ok := v.(*Module); ok {
		return Errorf(AttributeErrorClass, "module '%s' has no attribute '%s'", m.Name, name)
	}
	if c, ok := v.(*Class); ok {
		return Errorf(AttributeErrorClass, "type object '%s' has no attribute '%s'", c.Name, name)
	}
	return Errorf(AttributeErrorClass, "'%s' object has no attribute '%s'", TypeName(v), name)
}

// FormatTraceback renders a traceback in Python's layout (without source
// lines).
func (e *Exception) FormatTraceback() string {
	var b strings.Builder
	b.WriteString("Traceback (most recent call last):\n")
	for _, f := range e.Traceback {
		fmt.Fprintf(&b, "  File \"%s\", line %d, in %s\n", f.File, f.Line, f.Function)
	}
	b.WriteString(e.Value.Class.Name)
	if m := e.Message(); m != "" {
		b.WriteString(": " + m)
	}
	return b.String()
}

// Unsupportedf reports an unsupported construct at the current line.
func (in *Interp) Unsupportedf(format string, args ...any) error {
	return &Unsupported{File: in.currentFile(), Pos: in.currentPos(), Construct: fmt.Sprintf(format, args...)}
}

// CurrentLine returns the file and line being executed.
func (in *Interp) CurrentLine() (string, int) {
	if len(in.stack) == 0 {
		return "", 0
	}
	f := in.stack[len(in.stack)-1]
	return f.file, int(f.line)
}
