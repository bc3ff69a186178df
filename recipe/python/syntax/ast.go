// Package syntax parses Python 3 source into an abstract syntax tree.
//
// The tree mirrors CPython 3.11's ast module (same node names, same
// fields) so that anyone who knows ast.dump can read it, and so that the
// parser can be checked against CPython itself. Every node carries the
// position where it starts. Comments are dropped; docstrings are ordinary
// expression statements.
//
// The parser accepts the whole Python 3.11 grammar except match statements
// and type comments. It never evaluates anything: the interpreter in the
// parent package walks this tree.
package syntax

import "math/big"

// Pos is a position in a source file. Line is 1-based; Col is the 1-based
// column in bytes. The zero Pos means "unknown".
type Pos struct {
	Line, Col int32
}

// Node is any node of the tree.
type Node interface {
	Position() Pos
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// At is embedded in every node to record where it starts.
type At struct{ P Pos }

// Position returns where the node starts.
func (a At) Position() Pos { return a.P }

// Module is a parsed file.
type Module struct {
	Filename string
	Body     []Stmt
}

// ---- statements ----

type (
	// FunctionDef is "def Name(Args) -> Returns: Body", also async def (Async).
	FunctionDef struct {
		At
		Name          string
		Args          *Arguments
		Body          []Stmt
		DecoratorList []Expr
		Returns       Expr // may be nil
		Async         bool
	}
	// ClassDef is "class Name(Bases, Keywords): Body".
	ClassDef struct {
		At
		Name          string
		Bases         []Expr
		Keywords      []*Keyword
		Body          []Stmt
		DecoratorList []Expr
	}
	Return struct {
		At
		Value Expr // may be nil
	}
	Delete struct {
		At
		Targets []Expr
	}
	// Assign is "Targets[0] = Targets[1] = ... = Value".
	Assign struct {
		At
		Targets []Expr
		Value   Expr
	}
	AugAssign struct {
		At
		Target Expr
		Op     Operator
		Value  Expr
	}
	AnnAssign struct {
		At
		Target     Expr
		Annotation Expr
		Value      Expr // may be nil
		Simple     bool
	}
	// For is also async for (Async).
	For struct {
		At
		Target Expr
		Iter   Expr
		Body   []Stmt
		Orelse []Stmt
		Async  bool
	}
	While struct {
		At
		Test   Expr
		Body   []Stmt
		Orelse []Stmt
	}
	// If holds elif chains as a nested If alone in Orelse, as CPython does.
	If struct {
		At
		Test   Expr
		Body   []Stmt
		Orelse []Stmt
	}
	// With is also async with (Async).
	With struct {
		At
		Items []*WithItem
		Body  []Stmt
		Async bool
	}
	Raise struct {
		At
		Exc   Expr // may be nil
		Cause Expr // may be nil
	}
	// Try is also try/except* (Star), as ast.TryStar.
	Try struct {
		At
		Body      []Stmt
		Handlers  []*ExceptHandler
		Orelse    []Stmt
		Finalbody []Stmt
		Star      bool
	}
	Assert struct {
		At
		Test Expr
		Msg  Expr // may be nil
	}
	Import struct {
		At
		Names []*Alias
	}
	// ImportFrom is "from ...Module import Names"; Level counts the dots.
	ImportFrom struct {
		At
		Module string // "" for "from . import x"
		Names  []*Alias
		Level  int
	}
	Global struct {
		At
		Names []string
	}
	Nonlocal struct {
		At
		Names []string
	}
	// ExprStmt is ast.Expr: an expression used as a statement.
	ExprStmt struct {
		At
		Value Expr
	}
	Pass     struct{ At }
	Break    struct{ At }
	Continue struct{ At }
)

func (*FunctionDef) stmtNode() {}
func (*ClassDef) stmtNode()    {}
func (*Return) stmtNode()      {}
func (*Delete) stmtNode()      {}
func (*Assign) stmtNode()      {}
func (*AugAssign) stmtNode()   {}
func (*AnnAssign) stmtNode()   {}
func (*For) stmtNode()         {}
func (*While) stmtNode()       {}
func (*If) stmtNode()          {}
func (*With) stmtNode()        {}
func (*Raise) stmtNode()       {}
func (*Try) stmtNode()         {}
func (*Assert) stmtNode()      {}
func (*Import) stmtNode()      {}
func (*ImportFrom) stmtNode()  {}
func (*Global) stmtNode()      {}
func (*Nonlocal) stmtNode()    {}
func (*ExprStmt) stmtNode()    {}
func (*Pass) stmtNode()        {}
func (*Break) stmtNode()       {}
func (*Continue) stmtNode()    {}

// ---- expressions ----

type (
	// BoolOp is "a and b and c" (Values has 2 or more elements).
	BoolOp struct {
		At
		Op     BoolOperator
		Values []Expr
	}
	// NamedExpr is "Target := Value".
	NamedExpr struct {
		At
		Target *Name
		Value  Expr
	}
	BinOp struct {
		At
		Left  Expr
		Op    Operator
		Right Expr
	}
	UnaryOp struct {
		At
		Op      UnaryOperator
		Operand Expr
	}
	Lambda struct {
		At
		Args *Arguments
		Body Expr
	}
	// IfExp is "Body if Test else Orelse".
	IfExp struct {
		At
		Test   Expr
		Body   Expr
		Orelse Expr
	}
	// Dict is "{k: v, **m}"; a nil key marks a "**m" entry.
	Dict struct {
		At
		Keys   []Expr
		Values []Expr
	}
	Set struct {
		At
		Elts []Expr
	}
	ListComp struct {
		At
		Elt        Expr
		Generators []*Comprehension
	}
	SetComp struct {
		At
		Elt        Expr
		Generators []*Comprehension
	}
	DictComp struct {
		At
		Key, Value Expr
		Generators []*Comprehension
	}
	GeneratorExp struct {
		At
		Elt        Expr
		Generators []*Comprehension
	}
	Await struct {
		At
		Value Expr
	}
	Yield struct {
		At
		Value Expr // may be nil
	}
	YieldFrom struct {
		At
		Value Expr
	}
	// Compare is "Left Ops[0] Comparators[0] Ops[1] Comparators[1] ...".
	Compare struct {
		At
		Left        Expr
		Ops         []CmpOperator
		Comparators []Expr
	}
	// Call is "Func(Args, Keywords)"; "*x" in Args is a Starred, "**m" a
	// Keyword with an empty Arg.
	Call struct {
		At
		Func     Expr
		Args     []Expr
		Keywords []*Keyword
	}
	// FormattedValue is one "{Value!c:spec}" part of an f-string.
	// Conversion is -1 (none), 's', 'r' or 'a'. FormatSpec is a JoinedStr
	// or nil.
	FormattedValue struct {
		At
		Value      Expr
		Conversion int
		FormatSpec Expr
	}
	// JoinedStr is an f-string: Constant strings and FormattedValues.
	JoinedStr struct {
		At
		Values []Expr
	}
	// Constant is a literal. Adjacent string literals are already
	// concatenated.
	Constant struct {
		At
		Value ConstValue
	}
	Attribute struct {
		At
		Value Expr
		Attr  string
	}
	// Subscript is "Value[Slice]"; "a[1:2, 3]" has a Tuple slice holding a
	// Slice.
	Subscript struct {
		At
		Value Expr
		Slice Expr
	}
	Starred struct {
		At
		Value Expr
	}
	Name struct {
		At
		ID string
	}
	List struct {
		At
		Elts []Expr
	}
	Tuple struct {
		At
		Elts []Expr
	}
	// Slice is "Lower:Upper:Step"; each part may be nil.
	Slice struct {
		At
		Lower, Upper, Step Expr
	}
)

func (*BoolOp) exprNode()         {}
func (*NamedExpr) exprNode()      {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*Lambda) exprNode()         {}
func (*IfExp) exprNode()          {}
func (*Dict) exprNode()           {}
func (*Set) exprNode()            {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*DictComp) exprNode()       {}
func (*GeneratorExp) exprNode()   {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
func (*Compare) exprNode()        {}
func (*Call) exprNode()           {}
func (*FormattedValue) exprNode() {}
func (*JoinedStr) exprNode()      {}
func (*Constant) exprNode()       {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Starred) exprNode()        {}
func (*Name) exprNode()           {}
func (*List) exprNode()           {}
func (*Tuple) exprNode()          {}
func (*Slice) exprNode()          {}

// ConstValue is the value of a Constant: exactly one field is meaningful,
// chosen by Kind.
//
// The fields are ordered so that a Constant takes 48 bytes, not 64: a
// recipe has dozens of literals, and every parsed recipe is kept.
type ConstValue struct {
	Str   string   // KindStr; KindBytes holds raw bytes in Str
	Int   *big.Int // KindInt
	Float float64  // KindFloat; KindComplex holds the imaginary part
	Kind  ConstKind
	Bool  bool // KindBool
	// U is set when the literal is a string whose first piece had a
	// lowercase u prefix (ast's kind='u'); it is not part of the value.
	U bool
}

// ConstKind tells which field of a ConstValue holds the value.
type ConstKind uint8

const (
	KindNone ConstKind = iota
	KindBool
	KindInt
	KindFloat
	KindComplex // imaginary literal such as 2j
	KindStr
	KindBytes
	KindEllipsis
)

// ---- helper nodes ----

// Arguments is a function's parameter list, as ast.arguments.
// Defaults align with the last len(Defaults) of PosOnlyArgs+Args;
// KwDefaults aligns one to one with KwOnlyArgs (nil where none).
type Arguments struct {
	PosOnlyArgs []*Arg
	Args        []*Arg
	Vararg      *Arg // *args, may be nil
	KwOnlyArgs  []*Arg
	KwDefaults  []Expr
	Kwarg       *Arg // **kwargs, may be nil
	Defaults    []Expr
}

// Arg is one parameter.
type Arg struct {
	At
	Arg        string
	Annotation Expr // may be nil
}

// Keyword is "Arg=Value" in a call or class bases; Arg is "" for "**Value".
type Keyword struct {
	At
	Arg   string
	Value Expr
}

// Alias is "Name as Asname" in an import; Asname may be "".
type Alias struct {
	At
	Name   string // dotted for "import a.b.c"
	Asname string
}

// WithItem is "ContextExpr as OptionalVars".
type WithItem struct {
	ContextExpr  Expr
	OptionalVars Expr // may be nil
}

// ExceptHandler is "except Type as Name: Body".
type ExceptHandler struct {
	At
	Type Expr   // may be nil
	Name string // may be ""
	Body []Stmt
}

// Comprehension is one "for Target in Iter if Ifs..." clause.
type Comprehension struct {
	Target  Expr
	Iter    Expr
	Ifs     []Expr
	IsAsync bool
}

// ---- operators ----

// Operator is a binary arithmetic operator.
type Operator int

const (
	Add Operator = iota + 1
	Sub
	Mult
	MatMult
	Div
	Mod
	Pow
	LShift
	RShift
	BitOr
	BitXor
	BitAnd
	FloorDiv
)

// BoolOperator is "and" or "or".
type BoolOperator int

const (
	And BoolOperator = iota + 1
	Or
)

// UnaryOperator is a prefix operator.
type UnaryOperator int

const (
	Invert UnaryOperator = iota + 1 // ~
	Not
	UAdd
	USub
)

// CmpOperator is a comparison operator.
type CmpOperator int

const (
	Eq CmpOperator = iota + 1
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)
