package store

import "github.com/conid/conid/recipe/python"

func matchFn(name, pattern string) bool { return python.Fnmatch(name, pattern) }
