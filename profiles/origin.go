package profiles

import (
	"fmt"
	"strconv"
)

// Origin tells where a value came from. Exactly one group of fields is
// set:
//
//   - File and Line: a line of a profile file. File is the absolute,
//     cleaned path of the file where the line physically is (through
//     include() chains); Line is 1-based and counts lines the way Python's
//     str.splitlines() does (which, for files using "\n" or "\r\n", is the
//     editor's numbering).
//   - Flag and Arg: a command-line value. Flag is the option family as
//     Conan names its destination ("-s", "-o", "-e", "-c" for the host
//     context, "-s:b", "-o:b", "-e:b", "-c:b" for the build context); Arg is
//     the 1-based position of the value among the values of that family,
//     so "-o #2" is the second -o (or -o:h) value.
//   - EnvVar: a CONAN_ENV_* environment variable that Conan mixes into the
//     settings of the default profile (see Context.SettingsEnv).
//   - Computed: the value was added or changed by Conan's settings
//     preprocessing (for example compiler.runtime for Visual Studio); see
//     Profile.ReplaceSettings.
//
// The zero Origin means "unknown".
type Origin struct {
	File     string
	Line     int
	Flag     string
	Arg      int
	EnvVar   string
	Computed bool
}

// IsZero reports whether o carries no information.
func (o Origin) IsZero() bool { return o == Origin{} }

// String renders o for humans: "/abs/profiles/base:3", "-o #2",
// "$CONAN_ENV_ARCH", "computed by Conan's settings preprocessing".
func (o Origin) String() string {
	switch {
	case o.File != "":
		if o.Line > 0 {
			return o.File + ":" + strconv.Itoa(o.Line)
		}
		return o.File
	case o.Flag != "":
		return fmt.Sprintf("%s #%d", o.Flag, o.Arg)
	case o.EnvVar != "":
		return "$" + o.EnvVar
	case o.Computed:
		return "computed by Conan's settings preprocessing"
	}
	return "unknown origin"
}

// EventKind classifies the entries of Profile.History.
type EventKind int

const (
	// SettingSet is an assignment of a top-level setting
	// ("compiler.version=12").
	SettingSet EventKind = iota + 1
	// PackageSettingSet is an assignment of a per-package setting
	// ("zlib:build_type=Debug"); Event.Package is the pattern.
	PackageSettingSet
	// SettingDropped records a top-level sub-setting removed because its
	// parent changed while composing profiles ("compiler=clang" drops
	// "compiler.version=11"), or because a CONAN_ENV_* variable set its
	// parent. Event.Value is the dropped value and Event.Origin is the
	// origin of the parent assignment that caused it. It comes right
	// before the assignments of the profile being composed.
	SettingDropped
	// SettingPreprocessed records a top-level setting added, changed or
	// removed by Profile.ReplaceSettings. Event.Value is the new value
	// ("" with Removed set when the setting disappeared).
	SettingPreprocessed
	// OptionSet is an option assignment ("zlib:shared=True", "shared=True").
	OptionSet
)

func (k EventKind) String() string {
	switch k {
	case SettingSet:
		return "setting"
	case PackageSettingSet:
		return "package setting"
	case SettingDropped:
		return "setting dropped"
	case SettingPreprocessed:
		return "setting preprocessed"
	case OptionSet:
		return "option"
	}
	return "event(" + strconv.Itoa(int(k)) + ")"
}

// Event is one entry of the ordered history of settings and options
// assignments of a Profile. The history keeps every assignment, including
// those overridden later in the same file, by a later profile, or by the
// command line, in the order Conan applied them (an included profile's
// assignments come before those of the including file).
type Event struct {
	Kind EventKind
	// Package is the package pattern of a per-package setting or a scoped
	// option, after Conan's normalisation ("zlib/*:shared" gives "zlib").
	Package string
	// Scoped is true when the key had a package part, even an empty one
	// (":shared=True" is scoped to the package named "").
	Scoped  bool
	Name    string
	Value   string
	Removed bool // SettingPreprocessed only: the setting was removed
	Origin  Origin
}

// Error is a profile error. Error() returns Conan 1.65's message
// verbatim (what Conan prints after "ERROR: "), so that conid's output
// matches Conan's. Origin locates the offending line or command-line value
// when known; Located() adds it to the message.
type Error struct {
	Msg    string
	Origin Origin
}

func (e *Error) Error() string { return e.Msg }

// Located returns "file:line: message" (or "-s #2: message"), or just the
// message when the origin is unknown.
func (e *Error) Located() string {
	if e.Origin.IsZero() {
		return e.Msg
	}
	return e.Origin.String() + ": " + e.Msg
}

func errAt(o Origin, format string, args ...any) *Error {
	return &Error{Msg: fmt.Sprintf(format, args...), Origin: o}
}

// wrapError prefixes a profile error the way Conan's read_profile does,
// keeping the innermost origin.
func wrapError(err error, prefix string) error {
	if e, ok := err.(*Error); ok {
		return &Error{Msg: prefix + e.Msg, Origin: e.Origin}
	}
	return &Error{Msg: prefix + err.Error()}
}
