package python

import "github.com/conid/conid/recipe/python/syntax"

const (
	addOp      = syntax.Add
	floorDivOp = syntax.FloorDiv
	modOp      = syntax.Mod
	powOp      = syntax.Pow
)

type opT = syntax.Operator

const (
	orOp  = syntax.BitOr
	andOp = syntax.BitAnd
	subOp = syntax.Sub
	xorOp = syntax.BitXor
)

type posT = syntax.Pos
