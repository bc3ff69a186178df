package store

import (
	"bytes"

	"github.com/conid/conid/recipe/python/syntax"
	"github.com/conid/conid/recipe/ref"
)

// A tree's <name>/<version>/_/_/ folder holds what `conan export <folder>
// name/version@` exports. Conan 1 files that recipe under self.user and
// self.channel, which fall back to the class's default_user and
// default_channel: a recipe declaring both is name/version@user/channel,
// not name/version; one declaring only one of them, or an invalid name,
// fails to export and is nowhere.

// exportedAs is the user and channel under which such an export files the
// recipe in src ("" for none); ok is false when the export fails. mod is
// src parsed, or nil. Only string literals assigned in the body of the
// recipe's class, or of the classes of the same file it derives from, are
// read: a value computed, or inherited through python_requires_extend, is
// not seen.
func exportedAs(path string, src []byte, mod *syntax.Module) (user, channel string, ok bool) {
	if !bytes.Contains(src, []byte("default_user")) && !bytes.Contains(src, []byte("default_channel")) {
		return "", "", true
	}
	if mod == nil {
		var err error
		if mod, err = syntax.Parse(path, src); err != nil {
			return "", "", true // loading it reports the error
		}
	}
	classes := map[string]*syntax.ClassDef{}
	for _, st := range mod.Body {
		if cd, isClass := st.(*syntax.ClassDef); isClass {
			classes[cd.Name] = cd
		}
	}
	// The recipe is the one class deriving from ConanFile (Conan refuses
	// a file with more; loading it says so).
	var recipeClass *syntax.ClassDef
	for _, cd := range classes {
		if cd.Name != "ConanFile" && derivesFromConanFile(cd, classes, map[*syntax.ClassDef]bool{}) {
			if recipeClass != nil {
				return "", "", true
			}
			recipeClass = cd
		}
	}
	if recipeClass == nil {
		return "", "", true
	}
	user = classString(recipeClass, classes, "default_user", map[*syntax.ClassDef]bool{})
	channel = classString(recipeClass, classes, "default_channel", map[*syntax.ClassDef]bool{})
	if user == "" && channel == "" {
		return "", "", true
	}
	r := ref.Ref{Name: "name", Version: "1.0", User: user, Channel: channel}
	if r.Validate() != nil {
		return "", "", false
	}
	return user, channel, true
}

func baseName(e syntax.Expr) string {
	switch b := e.(type) {
	case *syntax.Name:
		return b.ID
	case *syntax.Attribute:
		return b.Attr
	}
	return ""
}

// derivesFromConanFile walks the class's bases defined in the file
// (each once: a file may name them in a cycle, which Python refuses).
func derivesFromConanFile(cd *syntax.ClassDef, classes map[string]*syntax.ClassDef, seen map[*syntax.ClassDef]bool) bool {
	if seen[cd] {
		return false
	}
	seen[cd] = true
	for _, b := range cd.Bases {
		if baseName(b) == "ConanFile" {
			return true
		}
		if n, isName := b.(*syntax.Name); isName {
			if base, ok := classes[n.ID]; ok && derivesFromConanFile(base, classes, seen) {
				return true
			}
		}
	}
	return false
}

// classString is the string literal last assigned to attr in the class's
// body, else in its bases' (left to right, depth first, each class once,
// as Python's method resolution order finds it in a simple hierarchy).
func classString(cd *syntax.ClassDef, classes map[string]*syntax.ClassDef, attr string, seen map[*syntax.ClassDef]bool) string {
	if seen[cd] {
		return ""
	}
	seen[cd] = true
	found, value := false, ""
	for _, st := range cd.Body {
		var target, v syntax.Expr
		switch a := st.(type) {
		case *syntax.Assign:
			if len(a.Targets) == 1 {
				target, v = a.Targets[0], a.Value
			}
		case *syntax.AnnAssign:
			target, v = a.Target, a.Value
		}
		if n, isName := target.(*syntax.Name); isName && n.ID == attr && v != nil {
			found, value = true, ""
			if c, isConst := v.(*syntax.Constant); isConst && c.Value.Kind == syntax.KindStr {
				value = c.Value.Str
			}
		}
	}
	if found {
		return value
	}
	for _, b := range cd.Bases {
		if n, isName := b.(*syntax.Name); isName {
			if base, ok := classes[n.ID]; ok {
				if v := classString(base, classes, attr, seen); v != "" {
					return v
				}
			}
		}
	}
	return ""
}
