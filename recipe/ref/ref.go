// Package ref parses and prints Conan 1 references:
//
//	name/version@user/channel#rrev            a recipe (Ref)
//	name/version@user/channel#rrev:pkgid#prev  a package (PackageRef)
//
// "name/version@" and "name/version" both mean no user and no channel.
// Names, versions, users and channels follow Conan 1.65's rule: 2 to 51
// characters from [a-zA-Z0-9_+.-], not starting with one of "+.-". A
// version may also be a range "[...]" or an alias "(...)", which Conan
// validates elsewhere.
package ref

import (
	"errors"
	"fmt"
	"strings"
)

// Ref is a recipe reference. User and Channel are both empty or both set.
// Revision is empty when unknown. Ref is comparable and usable as a map key.
type Ref struct {
	Name, Version, User, Channel, Revision string
}

// PackageRef is a binary package reference.
type PackageRef struct {
	Ref       Ref
	PackageID string
	Revision  string // package revision, "" when unknown
}

// Error is a malformed reference. Text is the input as given.
type Error struct {
	Text string
	Msg  string
}

func (e *Error) Error() string {
	if e.Text == "" {
		return e.Msg
	}
	return fmt.Sprintf("invalid reference %q: %s", e.Text, e.Msg)
}

// ErrInvalid is matched by every *Error with errors.Is.
var ErrInvalid = errors.New("invalid reference")

// Is reports whether target is ErrInvalid.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

const (
	minChars = 2
	maxChars = 51
)

// ValidName reports whether s is a valid name, user, channel or plain
// version by Conan's rule: 2 to 51 of [a-zA-Z0-9_+.-], not starting with
// any of "+.-". (A loop, not a regular expression: every reference of a
// graph is checked, and compiling one costs every process.)
func ValidName(s string) bool {
	if len(s) < minChars || len(s) > maxChars || s[0] == '+' || s[0] == '.' || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !alnum(s[i]) && s[i] != '_' && s[i] != '+' && s[i] != '.' && s[i] != '-' {
			return false
		}
	}
	return true
}

// validRevision: one or more of [a-zA-Z0-9].
func validRevision(s string) bool {
	for i := 0; i < len(s); i++ {
		if !alnum(s[i]) {
			return false
		}
	}
	return s != ""
}

func alnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }

// nameError explains why s is not a valid name, in Conan's words.
func nameError(s, token string) string {
	var reason string
	switch {
	case len(s) > maxChars:
		reason = fmt.Sprintf("is too long. Valid names must contain at most %d characters.", maxChars)
	case len(s) < minChars:
		reason = fmt.Sprintf("is too short. Valid names must contain at least %d characters.", minChars)
	default:
		reason = fmt.Sprintf("is an invalid name. Valid names MUST begin with a letter, number or underscore, have between %d-%d chars, including letters, numbers, underscore, dot and dash", minChars, maxChars)
	}
	return fmt.Sprintf("Value provided for %s, '%s' (type str), %s", token, s, reason)
}

// IsRange reports whether a version is a version range "[...]".
func IsRange(version string) bool {
	return strings.HasPrefix(version, "[") && strings.HasSuffix(version, "]")
}

// RangeExpr returns the text inside a version range's brackets.
func (r Ref) RangeExpr() (string, bool) {
	if IsRange(r.Version) {
		return r.Version[1 : len(r.Version)-1], true
	}
	return "", false
}

// IsAlias reports whether a version is an alias "(...)".
func IsAlias(version string) bool {
	return strings.HasPrefix(version, "(") && strings.HasSuffix(version, ")")
}

func validVersion(v string) bool {
	if v == "*" || (strings.HasPrefix(v, "<host_version") && strings.HasSuffix(v, ">")) {
		return true
	}
	return ValidName(v) || IsRange(v) || IsAlias(v)
}

// Validate checks every field by Conan's rules, in Conan's order.
func (r Ref) Validate() error {
	if (r.User == "") != (r.Channel == "") {
		return &Error{Msg: "Specify the 'user' and the 'channel' or neither of them"}
	}
	if r.Name != "" && r.Name != "*" && !ValidName(r.Name) {
		return &Error{Msg: nameError(r.Name, "package name")}
	}
	if r.Version != "" && !validVersion(r.Version) {
		return &Error{Msg: fmt.Sprintf("Package %s has an invalid version number: '%s'. Valid names MUST begin with a letter, number or underscore, have between %d-%d chars, including letters, numbers, underscore, dot and dash", r.Name, r.Version, minChars, maxChars)}
	}
	if r.User != "" && r.User != "*" && !ValidName(r.User) {
		return &Error{Msg: nameError(r.User, "user name")}
	}
	if r.Channel != "" && r.Channel != "*" && !ValidName(r.Channel) {
		return &Error{Msg: nameError(r.Channel, "channel")}
	}
	if r.Revision != "" && (len(r.Revision) > maxChars || !validRevision(r.Revision)) {
		return &Error{Msg: fmt.Sprintf("The revision field, must contain only letters and numbers with a length between 1 and %d", maxChars)}
	}
	if r.Name == "" || r.Version == "" {
		return &Error{Msg: "Specify the 'name' and the 'version'"}
	}
	if (r.User == "") != (r.Channel == "") {
		return &Error{Msg: "Specify the 'user' and the 'channel' or neither of them"}
	}
	return nil
}

// splitPair splits "a<sep>b". ok is false when sep is absent; "" or sep
// alone give two empty strings.
func splitPair(s, sep string) (a, b string, ok bool, err error) {
	if s == "" || s == sep {
		return "", "", true, nil
	}
	a, b, ok = strings.Cut(s, sep)
	if !ok {
		return "", "", false, nil
	}
	if strings.Contains(b, sep) {
		return "", "", false, fmt.Errorf("The reference has too many '%s'", sep)
	}
	return a, b, true, nil
}

func noneize(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// Fields splits text into its fields the way Conan 1 does, without
// validating them. "a/b" is name and version; "a/b@c/d#r" is complete.
func Fields(text string) (Ref, error) {
	var r Ref
	if text == "" {
		return r, nil
	}
	if i := strings.IndexByte(text, '#'); i >= 0 {
		r.Revision = noneize(text[i+1:])
		text = text[:i]
	}
	if strings.Contains(text, "@") {
		nv, uc, _, err := splitPair(text, "@")
		if err != nil {
			return r, err
		}
		n, v, ok, err := splitPair(nv, "/")
		if err != nil {
			return r, err
		}
		if !ok {
			n, v = "", nv
		}
		u, c, ok, err := splitPair(uc, "/")
		if err != nil {
			return r, err
		}
		if !ok {
			u, c = uc, ""
		}
		r.Name, r.Version, r.User, r.Channel = noneize(n), noneize(v), noneize(u), noneize(c)
		return r, nil
	}
	n, v, ok, err := splitPair(text, "/")
	if err != nil {
		return r, err
	}
	if !ok {
		n, v = text, ""
	}
	r.Name, r.Version = noneize(n), noneize(v)
	return r, nil
}

// Parse parses and validates a recipe reference such as "zlib/1.2.13",
// "zlib/1.2.13@", "boost/[>1.70]@conan/stable" or "fmt/9.1.0#abc".
func Parse(text string) (Ref, error) {
	r, err := Fields(text)
	if err != nil {
		return Ref{}, &Error{Text: text, Msg: err.Error()}
	}
	if err := r.Validate(); err != nil {
		err.(*Error).Text = text
		return Ref{}, err
	}
	return r, nil
}

// MustParse is Parse for tests and constants; it panics on error.
func MustParse(text string) Ref {
	r, err := Parse(text)
	if err != nil {
		panic(err)
	}
	return r
}

// LooksLikeRef reports whether a command-line target names a reference
// rather than a path, as Conan's check_valid_ref in strict mode: it needs
// an "@" and must parse.
func LooksLikeRef(text string) bool {
	if !strings.Contains(text, "@") {
		return false
	}
	r, err := Parse(text)
	if err != nil {
		return false
	}
	if strings.Contains(text, "*") {
		if strings.Contains(r.Name, "*") || strings.Contains(r.User, "*") || strings.Contains(r.Channel, "*") {
			return false
		}
		return strings.HasPrefix(r.Version, "[")
	}
	return true
}

// String is Conan's str(ref): "name/version" or "name/version@user/channel",
// without the revision.
func (r Ref) String() string {
	if r.Name == "" && r.Version == "" {
		return ""
	}
	if r.User == "" && r.Channel == "" {
		return r.Name + "/" + r.Version
	}
	return r.Name + "/" + r.Version + "@" + r.User + "/" + r.Channel
}

// Full is Conan's repr(ref): String plus "#revision" when known.
func (r Ref) Full() string {
	if r.Revision == "" {
		return r.String()
	}
	return r.String() + "#" + r.Revision
}

// WithAt is the reference as typed on a command line to name a package
// without user and channel: "name/version@".
func (r Ref) WithAt() string {
	if r.User == "" {
		return r.String() + "@"
	}
	return r.String()
}

// DirRepr is the reference as a relative folder: name/version/user|_/channel|_.
func (r Ref) DirRepr() string {
	u, c := r.User, r.Channel
	if u == "" {
		u = "_"
	}
	if c == "" {
		c = "_"
	}
	return r.Name + "/" + r.Version + "/" + u + "/" + c
}

// NoRevision returns r without its revision.
func (r Ref) NoRevision() Ref {
	r.Revision = ""
	return r
}

// MarshalText implements encoding.TextMarshaler with Full.
func (r Ref) MarshalText() ([]byte, error) { return []byte(r.Full()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with Parse.
func (r *Ref) UnmarshalText(b []byte) error {
	p, err := Parse(string(b))
	if err != nil {
		return err
	}
	*r = p
	return nil
}

// ParsePackage parses "ref:package_id" with optional revisions.
func ParsePackage(text string) (PackageRef, error) {
	t := strings.TrimSpace(text)
	parts := strings.Split(t, ":")
	if len(parts) < 2 {
		return PackageRef{}, &Error{Text: text, Msg: "Wrong package reference " + t}
	}
	r, err := Parse(strings.TrimSpace(parts[0]))
	if err != nil {
		return PackageRef{}, err
	}
	id := strings.TrimSpace(parts[1])
	var prev string
	if i := strings.LastIndexByte(id, '#'); i >= 0 {
		id, prev = id[:i], id[i+1:]
		if len(prev) > maxChars || !validRevision(prev) {
			return PackageRef{}, &Error{Text: text, Msg: fmt.Sprintf("The revision field, must contain only letters and numbers with a length between 1 and %d", maxChars)}
		}
	}
	return PackageRef{Ref: r, PackageID: id, Revision: prev}, nil
}

// String is Conan's str(pref): "ref:id" without revisions.
func (p PackageRef) String() string { return p.Ref.String() + ":" + p.PackageID }

// Full is Conan's repr(pref): with both revisions when known.
func (p PackageRef) Full() string {
	s := p.Ref.Full() + ":" + p.PackageID
	if p.Revision != "" {
		s += "#" + p.Revision
	}
	return s
}
