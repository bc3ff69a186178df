package syntax

import "fmt"

// Error is a syntax error found while parsing. Its message reads like the
// one CPython 3.11 gives for the same input.
type Error struct {
	Filename string
	Pos      Pos
	Msg      string
}

// Error returns "filename:line:col: message".
func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Filename, e.Pos.Line, e.Pos.Col, e.Msg)
}
