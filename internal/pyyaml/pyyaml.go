// Package pyyaml resolves YAML scalars the way PyYAML's safe_load does
// (YAML 1.1: yes is True, 010 is 8, 10.10 is the float 10.1), because
// Conan reads settings.yml and conandata.yml with PyYAML and then compares
// Python's str() of the values.
package pyyaml

import (
	"fmt"
	"math"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Kind is the Python type PyYAML gives a plain scalar.
type Kind int

const (
	Str Kind = iota
	Null
	Bool
	Int
	Float
)

// YAML 1.1 resolvers as PyYAML's SafeLoader applies them to plain scalars.
var (
	reBool = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$`)
	})
	reInt = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$`)
	})
	reFloat = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$`)
	})
	reNull = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:~|null|Null|NULL|)$`) })
)

// Plain returns Python's str() of the value PyYAML's safe_load gives
// an unquoted scalar: "yes" -> "True", "010" -> "8", "10.10" -> "10.1",
// "~" -> "None"; anything else is the text itself.
func Plain(s string) string {
	_, t := Resolve(s)
	return t
}

// Resolve returns the kind PyYAML gives an unquoted scalar and Python's
// str() of its value.
func Resolve(s string) (Kind, string) {
	// As PyYAML does, try only the resolvers a scalar's first character
	// can start: most scalars (URLs, hashes, names) need no expression.
	if s == "" {
		return Null, "None"
	}
	switch c := s[0]; {
	case c == '~' || c == 'n' || c == 'N' || c == 'y' || c == 'Y' || c == 't' || c == 'T' ||
		c == 'f' || c == 'F' || c == 'o' || c == 'O' || c == '-' || c == '+' || c == '.' || '0' <= c && c <= '9':
	default:
		return Str, s
	}
	return resolve(s)
}

// resolve is Resolve by every resolver in PyYAML's order.
func resolve(s string) (Kind, string) {
	switch {
	case reNull().MatchString(s):
		return Null, "None"
	case reBool().MatchString(s):
		switch strings.ToLower(s) {
		case "yes", "true", "on":
			return Bool, "True"
		}
		return Bool, "False"
	case reInt().MatchString(s):
		if v, ok := yamlInt(s); ok {
			return Int, v
		}
	case reFloat().MatchString(s):
		if v, ok := yamlFloat(s); ok {
			return Float, v
		}
	}
	return Str, s
}

func yamlInt(s string) (string, bool) {
	v := strings.ReplaceAll(s, "_", "")
	sign := ""
	if v[0] == '-' || v[0] == '+' {
		if v[0] == '-' {
			sign = "-"
		}
		v = v[1:]
	}
	n := new(big.Int)
	switch {
	case v == "0":
		return "0", true
	case strings.HasPrefix(v, "0b"):
		n.SetString(v[2:], 2)
	case strings.HasPrefix(v, "0x"):
		n.SetString(v[2:], 16)
	case strings.HasPrefix(v, "0"):
		n.SetString(v[1:], 8)
	case strings.Contains(v, ":"):
		for _, part := range strings.Split(v, ":") {
			d, _ := strconv.Atoi(part)
			n.Mul(n, big.NewInt(60))
			n.Add(n, big.NewInt(int64(d)))
		}
	default:
		if _, ok := n.SetString(v, 10); !ok {
			return "", false
		}
	}
	if sign == "-" {
		n.Neg(n)
	}
	return n.String(), true
}

func yamlFloat(s string) (string, bool) {
	v := strings.ToLower(strings.ReplaceAll(s, "_", ""))
	sign := 1.0
	if v[0] == '-' || v[0] == '+' {
		if v[0] == '-' {
			sign = -1
		}
		v = v[1:]
	}
	var f float64
	switch {
	case v == ".inf":
		f = math.Inf(1)
	case v == ".nan":
		return "nan", true
	case strings.Contains(v, ":"):
		parts := strings.Split(v, ":")
		base := 1.0
		for i := len(parts) - 1; i >= 0; i-- {
			x, err := strconv.ParseFloat(parts[i], 64)
			if err != nil {
				return "", false
			}
			f += x * base
			base *= 60
		}
	default:
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return "", false
		}
		f = x
	}
	return PyFloat(sign * f), true
}

// PyFloat formats a float as Python's repr/str does.
func PyFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	if f == 0 {
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	// Python uses repr (shortest round-trip) and switches to exponent
	// notation when the exponent is < -4 or >= 16.
	e := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expS, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expS)
	if exp < -4 || exp >= 16 {
		digits := mant
		if !strings.Contains(digits, ".") {
			// Python writes 1e+16, not 1.0e+16
		}
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		return fmt.Sprintf("%se%s%02d", digits, sign, exp)
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".") {
		s += ".0"
	}
	return s
}
