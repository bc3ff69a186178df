package recipe

import (
	"github.com/conid/conid/recipe/python/syntax"
)

// LiteralRequires lists what a parsed conanfile requires in plain sight:
// the string literals of a class's requires attribute and of
// self.requires(...) calls anywhere in its methods, conditional or not, in
// the order they appear (unparsed: some may not be references). It is a
// guess at what the recipe will require, good enough to read its
// dependencies ahead; only running the recipe tells.
func LiteralRequires(mod *syntax.Module) []string {
	if mod == nil {
		return nil
	}
	var out []string
	add := func(s string) { out = append(out, s) }
	var stmts func([]syntax.Stmt, bool)
	stmts = func(body []syntax.Stmt, inClass bool) {
		for _, st := range body {
			switch x := st.(type) {
			case *syntax.ClassDef:
				stmts(x.Body, true)
			case *syntax.FunctionDef:
				stmts(x.Body, false)
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
				stmts(x.Body, inClass)
				stmts(x.Orelse, inClass)
			case *syntax.For:
				stmts(x.Body, inClass)
				stmts(x.Orelse, inClass)
			case *syntax.While:
				stmts(x.Body, inClass)
				stmts(x.Orelse, inClass)
			case *syntax.With:
				stmts(x.Body, inClass)
			case *syntax.Try:
				stmts(x.Body, inClass)
				for _, h := range x.Handlers {
					stmts(h.Body, inClass)
				}
				stmts(x.Orelse, inClass)
				stmts(x.Finalbody, inClass)
			}
		}
	}
	stmts(mod.Body, false)
	return out
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
