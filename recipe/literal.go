package recipe

import (
	"github.com/conid/conid/options"
	"github.com/conid/conid/recipe/python/syntax"
)

// LiteralRequires lists what a parsed conanfile requires in plain sight:
// the string literals of a class's requires attribute and of
// self.requires(...) calls in its methods, in the order they appear
// (unparsed: some may not be references). It is a guess at what the
// recipe will require, to read its dependencies ahead; only running the
// recipe tells. Under an if, it follows the branch a condition on one
// option takes with the class's literal default_options ("if
// self.options.with_x:", "if not ...", self.options.get_safe("with_x")),
// and leaves out both branches of any other condition, and what loops
// and except clauses require. A conan-center-index recipe names many
// optional dependencies, most of them off by default: reading them all
// ahead had opencv's 49-package graph read and parse 31 recipes more,
// for nothing (a sixth more CPU).
func LiteralRequires(mod *syntax.Module) []string {
	if mod == nil {
		return nil
	}
	var out []string
	add := func(s string) { out = append(out, s) }
	var stmts func([]syntax.Stmt, bool, map[string]bool)
	stmts = func(body []syntax.Stmt, inClass bool, defaults map[string]bool) {
		for _, st := range body {
			switch x := st.(type) {
			case *syntax.ClassDef:
				stmts(x.Body, true, literalDefaults(x.Body))
			case *syntax.FunctionDef:
				stmts(x.Body, false, defaults)
			case *syntax.Assign:
				if inClass && len(x.Targets) == 1 {
					if n, ok := x.Targets[0].(*syntax.Name); ok && n.ID == "requires" {
						for _, s := range LiteralStrings(x.Value) {
							add(s)
						}
					}
				}
			case *syntax.ExprStmt:
				if s, ok := selfRequiresArg(x.Value); ok {
					add(s)
				}
			case *syntax.If:
				if on, known := optionTest(x.Test, defaults); known && on {
					stmts(x.Body, inClass, defaults)
				} else if known {
					stmts(x.Orelse, inClass, defaults)
				}
			case *syntax.With:
				stmts(x.Body, inClass, defaults)
			case *syntax.Try:
				stmts(x.Body, inClass, defaults)
				stmts(x.Orelse, inClass, defaults)
				stmts(x.Finalbody, inClass, defaults)
			}
		}
	}
	stmts(mod.Body, false, nil)
	return out
}

// literalDefaults reads a class body's default_options when it is a dict
// literal: each option named by a string whose value is a literal, and
// whether Conan takes that value as true.
func literalDefaults(body []syntax.Stmt) map[string]bool {
	var defaults map[string]bool
	for _, st := range body {
		a, ok := st.(*syntax.Assign)
		if !ok || len(a.Targets) != 1 {
			continue
		}
		if n, ok := a.Targets[0].(*syntax.Name); !ok || n.ID != "default_options" {
			continue
		}
		d, ok := a.Value.(*syntax.Dict)
		if !ok {
			continue
		}
		defaults = map[string]bool{}
		for i, k := range d.Keys {
			key, ok := k.(*syntax.Constant)
			if !ok || key.Value.Kind != syntax.KindStr || i >= len(d.Values) {
				continue
			}
			if v, ok := d.Values[i].(*syntax.Constant); ok {
				switch v.Value.Kind {
				case syntax.KindBool:
					defaults[key.Value.Str] = v.Value.Bool
				case syntax.KindNone:
					defaults[key.Value.Str] = false
				case syntax.KindStr:
					defaults[key.Value.Str] = options.Truthy(v.Value.Str)
				}
			}
		}
	}
	return defaults
}

// optionTest guesses a condition on one option from its default: "if
// self.options.x", "if self.options.get_safe('x')", or "not" either.
func optionTest(e syntax.Expr, defaults map[string]bool) (on, known bool) {
	switch x := e.(type) {
	case *syntax.UnaryOp:
		if x.Op == syntax.Not {
			on, known = optionTest(x.Operand, defaults)
			return !on, known
		}
	case *syntax.Attribute:
		if isSelfOptions(x.Value) {
			on, known = defaults[x.Attr]
			return on, known
		}
	case *syntax.Call:
		if at, ok := x.Func.(*syntax.Attribute); ok && at.Attr == "get_safe" && isSelfOptions(at.Value) && len(x.Args) >= 1 {
			if c, ok := x.Args[0].(*syntax.Constant); ok && c.Value.Kind == syntax.KindStr {
				on, known = defaults[c.Value.Str]
				return on, known
			}
		}
	}
	return false, false
}

// isSelfOptions reports whether e is self.options.
func isSelfOptions(e syntax.Expr) bool {
	at, ok := e.(*syntax.Attribute)
	if !ok || at.Attr != "options" {
		return false
	}
	n, ok := at.Value.(*syntax.Name)
	return ok && n.ID == "self"
}

// selfRequiresArg is the string literal a call self.requires("...") is
// given first.
func selfRequiresArg(e syntax.Expr) (string, bool) {
	call, ok := e.(*syntax.Call)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	at, ok := call.Func.(*syntax.Attribute)
	if !ok || at.Attr != "requires" {
		return "", false
	}
	if self, ok := at.Value.(*syntax.Name); !ok || self.ID != "self" {
		return "", false
	}
	c, ok := call.Args[0].(*syntax.Constant)
	if !ok || c.Value.Kind != syntax.KindStr {
		return "", false
	}
	return c.Value.Str, true
}

// LiteralStrings are the string literals of a string, tuple or list
// expression, flattened.
func LiteralStrings(e syntax.Expr) []string {
	switch x := e.(type) {
	case *syntax.Constant:
		if x.Value.Kind == syntax.KindStr {
			return []string{x.Value.Str}
		}
	case *syntax.Tuple:
		var out []string
		for _, el := range x.Elts {
			out = append(out, LiteralStrings(el)...)
		}
		return out
	case *syntax.List:
		var out []string
		for _, el := range x.Elts {
			out = append(out, LiteralStrings(el)...)
		}
		return out
	}
	return nil
}
