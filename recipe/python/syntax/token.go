package syntax

// tokKind is the kind of a lexical token.
type tokKind uint8

const (
	tEOF tokKind = iota // ENDMARKER
	tNewline
	tIndent
	tDedent
	tName
	tNumber
	tString
	tError // a character the grammar never accepts ('$', '?', '`', a lone '!')

	// Operators and delimiters.
	tLpar      // (
	tRpar      // )
	tLsqb      // [
	tRsqb      // ]
	tLbrace    // {
	tRbrace    // }
	tColon     // :
	tComma     // ,
	tSemi      // ;
	tPlus      // +
	tMinus     // -
	tStar      // *
	tSlash     // /
	tVbar      // |
	tAmper     // &
	tLess      // <
	tGreater   // >
	tEqual     // =
	tDot       // .
	tPercent   // %
	tEqEqual   // ==
	tNotEqual  // !=
	tLessEq    // <=
	tGreaterEq // >=
	tTilde     // ~
	tCaret     // ^
	tLShift    // <<
	tRShift    // >>
	tPower     // **
	tFloorDiv  // //
	tAt        // @
	tArrow     // ->
	tEllipsis  // ...
	tWalrus    // :=
	tLtGt      // <> (never valid without the Barry-as-FLUFL future)

	// Augmented assignment operators, in the order of augOps.
	tPlusEq     // +=
	tMinusEq    // -=
	tStarEq     // *=
	tAtEq       // @=
	tSlashEq    // /=
	tPercentEq  // %=
	tPowerEq    // **=
	tLShiftEq   // <<=
	tRShiftEq   // >>=
	tVbarEq     // |=
	tCaretEq    // ^=
	tAmperEq    // &=
	tFloorDivEq // //=

	// Keywords.
	kwFalse
	kwNone
	kwTrue
	kwAnd
	kwAs
	kwAssert
	kwAsync
	kwAwait
	kwBreak
	kwClass
	kwContinue
	kwDef
	kwDel
	kwElif
	kwElse
	kwExcept
	kwFinally
	kwFor
	kwFrom
	kwGlobal
	kwIf
	kwImport
	kwIn
	kwIs
	kwLambda
	kwNonlocal
	kwNot
	kwOr
	kwPass
	kwRaise
	kwReturn
	kwTry
	kwWhile
	kwWith
	kwYield

	numTokKinds
)

// augOps maps the augmented assignment tokens to their operators.
var augOps = [...]Operator{
	tPlusEq - tPlusEq:     Add,
	tMinusEq - tPlusEq:    Sub,
	tStarEq - tPlusEq:     Mult,
	tAtEq - tPlusEq:       MatMult,
	tSlashEq - tPlusEq:    Div,
	tPercentEq - tPlusEq:  Mod,
	tPowerEq - tPlusEq:    Pow,
	tLShiftEq - tPlusEq:   LShift,
	tRShiftEq - tPlusEq:   RShift,
	tVbarEq - tPlusEq:     BitOr,
	tCaretEq - tPlusEq:    BitXor,
	tAmperEq - tPlusEq:    BitAnd,
	tFloorDivEq - tPlusEq: FloorDiv,
}

func (k tokKind) isAugAssign() bool { return k >= tPlusEq && k <= tFloorDivEq }

// keywordKind returns the keyword token kind of an identifier, or tName.
func keywordKind(s []byte) tokKind {
	switch len(s) {
	case 2:
		switch string(s) {
		case "as":
			return kwAs
		case "if":
			return kwIf
		case "in":
			return kwIn
		case "is":
			return kwIs
		case "or":
			return kwOr
		}
	case 3:
		switch string(s) {
		case "and":
			return kwAnd
		case "def":
			return kwDef
		case "del":
			return kwDel
		case "for":
			return kwFor
		case "not":
			return kwNot
		case "try":
			return kwTry
		}
	case 4:
		switch string(s) {
		case "None":
			return kwNone
		case "True":
			return kwTrue
		case "elif":
			return kwElif
		case "else":
			return kwElse
		case "from":
			return kwFrom
		case "pass":
			return kwPass
		case "with":
			return kwWith
		}
	case 5:
		switch string(s) {
		case "False":
			return kwFalse
		case "async":
			return kwAsync
		case "await":
			return kwAwait
		case "break":
			return kwBreak
		case "class":
			return kwClass
		case "raise":
			return kwRaise
		case "while":
			return kwWhile
		case "yield":
			return kwYield
		}
	case 6:
		switch string(s) {
		case "assert":
			return kwAssert
		case "except":
			return kwExcept
		case "global":
			return kwGlobal
		case "import":
			return kwImport
		case "lambda":
			return kwLambda
		case "return":
			return kwReturn
		}
	case 7:
		if string(s) == "finally" {
			return kwFinally
		}
	case 8:
		switch string(s) {
		case "continue":
			return kwContinue
		case "nonlocal":
			return kwNonlocal
		}
	}
	return tName
}

// String prefix flags of a tString token.
const (
	strRaw   = 1 << iota // r or R
	strBytes             // b or B
	strFmt               // f or F
	strU                 // lowercase u (ast's kind='u')
)

// token is one lexical token. Its text is src[off:end].
type token struct {
	kind tokKind
	// For tString: prefix flags, prefix length and quote length (1 or 3).
	flags, plen, qlen uint8
	line, col         int32 // 1-based start position
	off, end          int32 // byte range in the source
}

func (t *token) pos() Pos { return Pos{t.line, t.col} }
