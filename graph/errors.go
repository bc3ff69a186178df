package graph

import (
	"fmt"

	"github.com/conid/conid/recipe/ref"
)

// LoopError is a dependency cycle.
type LoopError struct {
	Context, Ref, Requires string
	Path                   []string
}

func (e *LoopError) Error() string {
	return fmt.Sprintf("Loop detected in context %s: '%s' requires '%s' which is an ancestor too", e.Context, e.Ref, e.Requires)
}

// ConflictError is two different versions of one package in a closure.
type ConflictError struct {
	Msg  string
	Ref  ref.Ref
	Path []string
}

func (e *ConflictError) Error() string { return e.Msg }

// MissingError is a recipe found nowhere.
type MissingError struct {
	Ref  ref.Ref
	From string // display name of the requirer, when Conan names it
	Msg  string
}

func (e *MissingError) Error() string {
	if e.From != "" {
		return fmt.Sprintf("Failed requirement '%s' from '%s'\n%s", e.Ref.String(), e.From, e.Msg)
	}
	return e.Msg
}

// RangeError is a version range no version satisfies.
type RangeError struct {
	Msg string
	Ref ref.Ref
}

func (e *RangeError) Error() string { return e.Msg }
