// Package profiles reads, composes and writes Conan 1 profiles exactly as
// Conan 1.65.0 does, including its surprises.
//
// # Reading
//
// A profile file has variables (NAME=value lines before the first
// section, usable as $NAME later), include(other) lines (resolved
// relative to the including file's folder, first looked up in the
// profiles folder), the automatic $PROFILE_DIR, and the sections
// [settings], [options], [build_requires], [tool_requires], [env],
// [conf], [buildenv] and [runenv]. ReadProfile reads one file the way
// Conan's read_profile does; ParseProfile parses text; ProfilePath
// resolves a profile name. Errors are *Error values whose Error() is
// Conan's message, word for word, and whose Origin locates the offending
// line.
//
// # Composing
//
// FromArgs mirrors Conan's profile_from_args: the -pr profiles (or the
// default profile) composed in order, then the -s/-o/-e/-c values, for
// the host or the build context. The semantics are Conan's: a later
// profile overrides settings and options, and a top-level setting that
// changes value (compiler=clang) drops the sub-settings of the old one
// (compiler.version); inside one file, assignments are direct and drop
// nothing; build requirements are merged by package name per pattern;
// [env] values of the profile composed last win, plain values are never
// overwritten within a file and lists accumulate; [conf], [buildenv] and
// [runenv] compose with their +=, =+ and =! operators.
//
// Conan evaluates [conf] values with Python's eval(); this package
// contains a faithful evaluator for the expressions that can occur
// (literals, containers, arithmetic, comparisons...). Values whose Python
// result conid cannot reproduce (lambdas, f-string fields, sets, method
// calls...) are reported as errors rather than guessed.
//
// # Writing
//
// Profile.Dumps writes the text Conan's Profile.dumps() writes: the
// profile_host / profile_build text of a lockfile. Conan computes that
// text after its settings preprocessing (which sorts the settings and may
// add values such as compiler.runtime); that step belongs to the settings
// package, which hands its result to Profile.ReplaceSettings.
//
// # Provenance
//
// Every value remembers where it came from as an Origin: a file and a
// 1-based line (the file where the line physically is, through include
// chains), a command-line value (flag and position: "-o #2"), a
// CONAN_ENV_* variable, or Conan's settings preprocessing. Beyond the
// effective values, Profile.History keeps every settings and options
// assignment in the order Conan applied it, including the ones overridden
// later by another profile or by the command line, and records the
// sub-settings dropped when their parent changed, so that a caller can
// explain a value: "set in profiles/base:3, overridden by -o #2".
//
// The package is pure: it never prints, never exits, and reads neither
// environment variables nor the process's working directory; callers pass
// them in a Context.
package profiles
