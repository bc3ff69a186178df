package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/conid/conid/options"
	"github.com/conid/conid/profiles"
	"github.com/conid/conid/settings"
)

// LocatedError is an error of Conan's, word for word, plus where the
// offending value was written: a profile file:line or a command-line
// argument. Conan's own messages do not say; conid's do, on a line of
// their own after Conan's text.
type LocatedError struct {
	Err   error
	Where string // "/abs/profile:4" or "-s #2"
	What  string // "compiler.version=99"; empty when Err names it
}

func (e *LocatedError) Error() string {
	verb := "at"
	if strings.HasPrefix(e.Where, "-") {
		verb = "by argument"
	}
	if e.What == "" {
		return fmt.Sprintf("%s\n    %s %s", e.Err.Error(), verb, e.Where)
	}
	return fmt.Sprintf("%s\n    %s was set %s %s", e.Err.Error(), e.What, verb, e.Where)
}

func (e *LocatedError) Unwrap() error { return e.Err }

// locate adds the origin of a profile error, or of a bad setting or option
// value the profiles assigned, to err; other errors are returned unchanged.
func locate(err error, profs ...*profiles.Profile) error {
	if err == nil {
		return nil
	}
	var pe *profiles.Error
	if errors.As(err, &pe) && !pe.Origin.IsZero() {
		return &LocatedError{Err: err, Where: pe.Origin.String()}
	}
	var se *settings.Error
	var oe *options.Error
	var what string
	var match func(profiles.Event) bool
	switch {
	case errors.As(err, &se) && se.Setting != "":
		what = se.Setting
		if se.Value != "" {
			what += "=" + se.Value
		}
		match = func(e profiles.Event) bool {
			return (e.Kind == profiles.SettingSet || e.Kind == profiles.PackageSettingSet) &&
				e.Name == se.Setting && (se.Value == "" || e.Value == se.Value)
		}
	case errors.As(err, &oe) && oe.Option != "":
		what = oe.Option
		if oe.Value != "" {
			what += "=" + oe.Value
		}
		match = func(e profiles.Event) bool {
			return e.Kind == profiles.OptionSet && e.Name == oe.Option && (oe.Value == "" || e.Value == oe.Value)
		}
	default:
		return err
	}
	for _, p := range profs {
		if p == nil {
			continue
		}
		for i := len(p.History) - 1; i >= 0; i-- {
			if ev := p.History[i]; match(ev) && !ev.Origin.IsZero() {
				if ev.Package != "" {
					what = ev.Package + ":" + what
				}
				return &LocatedError{Err: err, Where: ev.Origin.String(), What: what}
			}
		}
	}
	return err
}
