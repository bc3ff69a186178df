package recipe

import (
	"embed"
	"runtime"

	"github.com/conid/conid/packageid"
	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/settings"
)

// The helpers of conan.tools.* and conans.tools that recipes call while a
// graph is computed are written in Python (pytools/), run by conid's
// interpreter against the same objects recipes see.
//
//go:embed pytools/*.py
var pytools embed.FS

func pytool(in *py.Interp, module, file string) {
	src, err := pytools.ReadFile("pytools/" + file)
	if err != nil {
		panic("recipe: missing embedded " + file)
	}
	in.RegisterModule(module, py.SourceModule(module, "<conid>/"+file, src, true))
}

func strArg(in *py.Interp, v py.Value) string {
	if v == nil || v == py.None {
		return ""
	}
	s, _ := in.Str(v)
	return s
}

// conidModule holds the Go helpers the Python tools call.
func conidModule(in *py.Interp) (*py.Module, error) {
	m := py.NewModule("_conid")
	m.Set("cppstd_default", py.NewBuiltin("cppstd_default", func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
		a, err := in.Args("cppstd_default", args, kw, "compiler", "version", "base?")
		if err != nil {
			return nil, err
		}
		v := packageid.NewValues()
		c := v.Set("compiler", strArg(in, a[0]))
		c.Set("version", strArg(in, a[1]))
		if b := strArg(in, a[2]); b != "" {
			c.Set("base", b)
		}
		if d, ok := packageid.CppstdDefault(v); ok {
			return d, nil
		}
		return py.None, nil
	}))
	m.Set("cppstd_flag", py.NewBuiltin("cppstd_flag", func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
		a, err := in.Args("cppstd_flag", args, kw, "compiler", "version", "cppstd", "base?")
		if err != nil {
			return nil, err
		}
		return settings.CppstdFlag(strArg(in, a[0]), strArg(in, a[1]), strArg(in, a[2]), strArg(in, a[3])), nil
	}))
	m.Set("cpu_count", py.NewBuiltin("cpu_count", func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
		return int64(runtime.NumCPU()), nil
	}))
	return m, nil
}

func registerToolModules(in *py.Interp) {
	in.RegisterModule("_conid", conidModule)
	pytool(in, "conan.tools.microsoft", "conan_tools_microsoft.py")
	pytool(in, "conan.tools.apple", "conan_tools_apple.py")
	pytool(in, "conan.tools.build", "conan_tools_build.py")
	pytool(in, "conans.tools", "conans_tools.py")
	pytool(in, "conans.client.tools", "conans_tools.py")
}
