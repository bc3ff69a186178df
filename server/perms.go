package server

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/conid/conid/recipe/ref"
)

// Access errors; the handler answers 401 and 403.
var (
	ErrUnauthenticated = errors.New("authentication required")
	ErrForbidden       = errors.New("Permission denied")
)

// Rule is one line of [read_permissions] or [write_permissions]:
// "name/version@user/channel: user1, user2". Each field is a literal or
// a "*" pattern (path.Match syntax, so "boost*" too); a rule without
// "@user/channel" matches references without them. Users "*" is
// everyone, anonymous included; "?" is any authenticated user.
type Rule struct {
	Pattern                      string
	Name, Version, User, Channel string
	Users                        []string
}

// ParseRule parses one permission rule.
func ParseRule(pattern, users string) (Rule, error) {
	f, err := ref.Fields(strings.TrimSpace(pattern))
	if err != nil {
		return Rule{}, fmt.Errorf("rule %q: %v", pattern, err)
	}
	r := Rule{Pattern: pattern, Name: f.Name, Version: f.Version, User: f.User, Channel: f.Channel}
	if f.Revision != "" {
		return Rule{}, fmt.Errorf("rule %q: a rule cannot name a revision", pattern)
	}
	if r.Name == "" || r.Version == "" {
		return Rule{}, fmt.Errorf("rule %q: specify the name and the version (or *)", pattern)
	}
	if (r.User == "") != (r.Channel == "") {
		return Rule{}, fmt.Errorf("rule %q: specify the user and the channel or neither of them", pattern)
	}
	for _, field := range []string{r.Name, r.Version, r.User, r.Channel} {
		if field == "" {
			continue
		}
		if _, err := path.Match(field, ""); err != nil || strings.ContainsAny(field, "/@#: ") {
			return Rule{}, fmt.Errorf("rule %q: bad pattern %q", pattern, field)
		}
	}
	for _, u := range strings.Split(users, ",") {
		if u = strings.TrimSpace(u); u != "" {
			r.Users = append(r.Users, u)
		}
	}
	if len(r.Users) == 0 {
		return Rule{}, fmt.Errorf("rule %q: no users (use * for everyone, ? for any authenticated user)", pattern)
	}
	return r, nil
}

func fieldMatch(pattern, value string) bool {
	if pattern == "*" {
		return true
	}
	if pattern == value {
		return true
	}
	ok, _ := path.Match(pattern, value)
	return ok && value != ""
}

// Matches reports whether the rule applies to a reference.
func (r Rule) Matches(x ref.Ref) bool {
	return fieldMatch(r.Name, x.Name) && fieldMatch(r.Version, x.Version) &&
		fieldMatch(r.User, x.User) && fieldMatch(r.Channel, x.Channel)
}

// Authorizer decides who may read and write a recipe and its packages.
// user is "" for an anonymous request. It returns nil, ErrUnauthenticated,
// ErrForbidden, or another error (a failure of the authorizer).
type Authorizer interface {
	CanRead(ctx context.Context, user string, r ref.Ref) error
	CanWrite(ctx context.Context, user string, r ref.Ref) error
}

// RuleAuthorizer is conan_server's default authorizer: the first rule
// that matches decides; a user may always read and write the references
// of their own user name; no matching rule denies. Unlike conan_server,
// an anonymous request never owns references without user/channel.
type RuleAuthorizer struct {
	Read, Write []Rule
}

func checkRules(user string, rules []Rule, r ref.Ref) error {
	if user != "" && r.User == user {
		return nil
	}
	for _, rule := range rules {
		if !rule.Matches(r) {
			continue
		}
		for _, u := range rule.Users {
			if u == "*" || (user != "" && u == user) {
				return nil
			}
		}
		if user == "" {
			return ErrUnauthenticated
		}
		if rule.Users[0] == "?" {
			return nil
		}
		return ErrForbidden
	}
	if user == "" {
		return ErrUnauthenticated
	}
	return ErrForbidden
}

// CanRead implements Authorizer.
func (a *RuleAuthorizer) CanRead(_ context.Context, user string, r ref.Ref) error {
	return checkRules(user, a.Read, r)
}

// CanWrite implements Authorizer.
func (a *RuleAuthorizer) CanWrite(_ context.Context, user string, r ref.Ref) error {
	return checkRules(user, a.Write, r)
}

// ExecAuthorizer runs a program for each decision ("custom_authorizer:
// exec:<program>"). It gets three lines on standard input: the action
// (read or write), the user ("" when anonymous) and the reference
// ("name/version[@user/channel]"); exit status 0 allows, 1 denies (401
// for an anonymous user, 403 otherwise), anything else is an error.
type ExecAuthorizer struct {
	Program string
	Timeout time.Duration
}

func (a *ExecAuthorizer) run(ctx context.Context, action, user string, r ref.Ref) error {
	ok, err := runProgram(ctx, a.Program, a.Timeout, action+"\n"+user+"\n"+r.String()+"\n")
	switch {
	case err != nil:
		return fmt.Errorf("custom_authorizer %w", err)
	case ok:
		return nil
	case user == "":
		return ErrUnauthenticated
	}
	return ErrForbidden
}

// CanRead implements Authorizer.
func (a *ExecAuthorizer) CanRead(ctx context.Context, user string, r ref.Ref) error {
	return a.run(ctx, "read", user, r)
}

// CanWrite implements Authorizer.
func (a *ExecAuthorizer) CanWrite(ctx context.Context, user string, r ref.Ref) error {
	return a.run(ctx, "write", user, r)
}
