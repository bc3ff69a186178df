package profiles

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"
)

// A deliberately small copy of Conan 1.65's ConanFileReference.loads(),
// enough to read build requirements with Conan's error messages. Full
// reference handling belongs to another package.

var (
	// Compiled on first use: their repetitions make them slow to compile,
	// and most profiles name no reference.
	refNamePattern     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-zA-Z0-9_][a-zA-Z0-9_+.-]{1,50}$`) })
	refRevisionPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-zA-Z0-9]{1,51}$`) })
)

// refNone is a field Conan holds as None.
const refNone = "\x00none"

func noneizeRef(s string) string {
	if s == "" || s == "_" || s == refNone {
		return refNone
	}
	return s
}

// splitRefPair is _split_pair. ok is false when it returns None.
func splitRefPair(pair, sep string) (a, b string, ok bool, err error) {
	if pair == refNone || pair == "" || pair == sep {
		return refNone, refNone, true, nil
	}
	if !strings.Contains(pair, sep) {
		return "", "", false, nil
	}
	words := strings.Split(pair, sep)
	if len(words) != 2 {
		return "", "", false, fmt.Errorf("The reference has too many '%s'", sep)
	}
	return words[0], words[1], true, nil
}

// parseBuildRequire parses text like ConanFileReference.loads(text) with
// validation. Errors carry Conan's message.
func parseBuildRequire(text string) (BuildRequire, error) {
	name, version, user, channel, revision := refNone, refNone, refNone, refNone, refNone
	if text != "" {
		if before, after, found := strings.Cut(text, "#"); found {
			revision = after
			text = before
		}
		if strings.Contains(text, "@") {
			nv, uc, _, err := splitRefPair(text, "@")
			if err != nil {
				return BuildRequire{}, err
			}
			n, v, ok, err := splitRefPair(nv, "/")
			if err != nil {
				return BuildRequire{}, err
			}
			if !ok {
				n, v = refNone, nv
			}
			u, c, ok, err := splitRefPair(uc, "/")
			if err != nil {
				return BuildRequire{}, err
			}
			if !ok {
				u, c = uc, refNone
			}
			name, version, user, channel = noneizeRef(n), noneizeRef(v), noneizeRef(u), noneizeRef(c)
		} else {
			n, v, ok, err := splitRefPair(text, "/")
			if err != nil {
				return BuildRequire{}, err
			}
			if !ok {
				n, v = text, refNone
			}
			name, version = noneizeRef(n), noneizeRef(v)
		}
		revision = noneizeRef(revision)
	}
	if (user != refNone) != (channel != refNone) {
		return BuildRequire{}, fmt.Errorf("Specify the 'user' and the 'channel' or neither of them")
	}
	if name != refNone {
		if err := validateRefName(name, "package name"); err != nil {
			return BuildRequire{}, err
		}
	}
	if version != refNone {
		if !(version == "*" || (strings.HasPrefix(version, "<host_version") && strings.HasSuffix(version, ">")) ||
			refNamePattern().MatchString(version) ||
			(strings.HasPrefix(version, "[") && strings.HasSuffix(version, "]")) ||
			(strings.HasPrefix(version, "(") && strings.HasSuffix(version, ")"))) {
			shown := name
			if shown == refNone {
				shown = "None"
			}
			return BuildRequire{}, fmt.Errorf("Package %s has an invalid version number: '%s'. Valid names MUST begin with a letter, number or underscore, have between 2-51 chars, including letters, numbers, underscore, dot and dash", shown, version)
		}
	}
	if user != refNone {
		if err := validateRefName(user, "user name"); err != nil {
			return BuildRequire{}, err
		}
	}
	if channel != refNone {
		if err := validateRefName(channel, "channel"); err != nil {
			return BuildRequire{}, err
		}
	}
	if revision != refNone && !refRevisionPattern().MatchString(revision) {
		return BuildRequire{}, fmt.Errorf("The revision field, must contain only letters and numbers with a length between 1 and 51")
	}
	if name == refNone || version == refNone {
		return BuildRequire{}, fmt.Errorf("Specify the 'name' and the 'version'")
	}
	clean := func(s string) string {
		if s == refNone {
			return ""
		}
		return s
	}
	return BuildRequire{Name: name, Version: version, User: clean(user), Channel: clean(channel), Revision: clean(revision)}, nil
}

func validateRefName(value, token string) error {
	if value == "*" || refNamePattern().MatchString(value) {
		return nil
	}
	var reason string
	switch n := utf8.RuneCountInString(value); {
	case n > 51:
		reason = "is too long. Valid names must contain at most 51 characters."
	case n < 2:
		reason = "is too short. Valid names must contain at least 2 characters."
	default:
		reason = "is an invalid name. Valid names MUST begin with a letter, number or underscore, have between 2-51 chars, including letters, numbers, underscore, dot and dash"
	}
	return fmt.Errorf("Value provided for %s, '%s' (type str), %s", token, value, reason)
}
