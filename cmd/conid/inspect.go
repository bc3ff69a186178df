package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/conid/conid/home"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/recipe/store"
)

func cmdInspect(args []string, e *env) error {
	fs := e.flagSet("inspect")
	var attrs, recipes []string
	var jsonOut, raw string
	fs.StringArrayVarP(&attrs, "attribute", "a", nil, "attribute to show (repeatable)")
	fs.StringVarP(&jsonOut, "json", "j", "", "write the attributes as JSON to FILE ('-' for stdout)")
	fs.StringVar(&raw, "raw", "", "print just the value of one attribute")
	fs.StringArrayVar(&recipes, "recipes", nil, "folder of recipes (for a reference)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError("inspect needs one path or reference")
	}
	if raw != "" && len(attrs) > 0 {
		return usageError("Argument '--raw' is incompatible with '-a'")
	}
	if raw != "" && jsonOut != "" {
		return usageError("Argument '--raw' is incompatible with '--json'")
	}
	target := fs.Arg(0)
	loader := recipe.NewLoader()
	var path, name, version string
	if r, err := ref.Parse(target); err == nil {
		dirs := recipes
		if len(dirs) == 0 {
			h, err := home.FromEnv(e.getenv)
			if err != nil {
				return err
			}
			cfg, err := h.Config()
			if err != nil {
				return err
			}
			dirs = []string{cfg.StoragePath}
		}
		for i, d := range dirs {
			if !filepath.IsAbs(d) {
				dirs[i] = filepath.Join(e.cwd, d)
			}
		}
		st, err := store.Open(dirs...)
		if err != nil {
			return err
		}
		loc, err := st.Recipe(r)
		if err != nil {
			return fmt.Errorf("Recipe not found: '%s'", r.String())
		}
		path, name, version = loc.Path, r.Name, r.Version
	} else {
		path = target
		if !filepath.IsAbs(path) {
			path = filepath.Join(e.cwd, path)
		}
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			path = filepath.Join(path, "conanfile.py")
		}
	}
	rec, err := loader.Load(path)
	if err != nil {
		return err
	}
	if raw != "" {
		attrs = []string{raw}
	}
	list, err := loader.Inspect(rec, name, version, attrs)
	if err != nil {
		return err
	}
	if raw != "" {
		if list[0].Value == nil {
			return nil
		}
		s, err := loader.In.Str(list[0].Value)
		if err != nil {
			return err
		}
		io.WriteString(e.stdout, s)
		return nil
	}
	text, err := loader.InspectText(list)
	if err != nil {
		return err
	}
	io.WriteString(e.stdout, text)
	if jsonOut != "" {
		js, err := loader.InspectJSON(list)
		if err != nil {
			return err
		}
		if jsonOut == "-" {
			io.WriteString(e.stdout, js+"\n")
			return nil
		}
		if !filepath.IsAbs(jsonOut) {
			jsonOut = filepath.Join(e.cwd, jsonOut)
		}
		return os.WriteFile(jsonOut, []byte(js), 0o644)
	}
	return nil
}
