package recipe

import (
	"fmt"

	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/version"
)

// ConanVersion is the Conan version conid behaves as.
const ConanVersion = "1.65.0"

func checkRequiredConanVersion(required string) error {
	r, err := version.ParseRange(required + ", include_prerelease=True")
	if err == nil && r.Match(ConanVersion) {
		return nil
	}
	return fmt.Errorf("Current Conan version (%s) does not satisfy the defined one (%s).", ConanVersion, required)
}

// opaqueModule is a module of build-time helpers: every name imports, and
// calling one is an unsupported construct (conid never builds).
func opaqueModule(name string, names map[string]py.Value) func(in *py.Interp) (*py.Module, error) {
	return func(in *py.Interp) (*py.Module, error) {
		m := py.NewModule(name)
		m.Dict.Set("__opaque__", true)
		for k, v := range names {
			m.Set(k, v)
		}
		return m, nil
	}
}

func module(name string, names map[string]py.Value) func(in *py.Interp) (*py.Module, error) {
	return func(in *py.Interp) (*py.Module, error) {
		m := py.NewModule(name)
		for k, v := range names {
			m.Set(k, v)
		}
		return m, nil
	}
}

// noopLayout is cmake_layout() and friends: layout() runs while the graph
// is computed and only sets folders, which conid does not use.
func noopLayout(name string) *py.Builtin {
	return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
		if len(args) < 1 {
			return nil, in.TypeError("%s() missing 1 required positional argument: 'conanfile'", name)
		}
		return py.None, nil
	})
}

func errorsNames() map[string]py.Value {
	return map[string]py.Value{
		"ConanException":                      ConanExceptionClass,
		"ConanInvalidConfiguration":           ConanInvalidConfigurationClass,
		"ConanInvalidSystemRequirements":      ConanInvalidSystemRequirements,
		"ConanV2Exception":                    ConanV2ExceptionClass,
		"NotFoundException":                   NotFoundExceptionClass,
		"ConanExceptionInUserConanfileMethod": ConanExceptionInUserMethodClass,
	}
}

func registerModules(in *py.Interp) {
	reg := in.RegisterModule
	// conans also exports build helpers (CMake, AutoToolsBuildEnvironment,
	// MSBuild, tools...), importable and opaque.
	reg("conans", opaqueModule("conans", map[string]py.Value{
		"ConanFile":   ConanFileClass,
		"__version__": ConanVersion,
	}))
	reg("conans.errors", module("conans.errors", errorsNames()))
	reg("conans.client", opaqueModule("conans.client", nil))
	reg("conans.client.tools.version", module("conans.client.tools.version", map[string]py.Value{"Version": ToolsVersionClass}))
	reg("conans.model", opaqueModule("conans.model", nil))
	reg("conans.model.version", module("conans.model.version", map[string]py.Value{"Version": ModelVersionClass}))
	reg("conans.model.conan_file", module("conans.model.conan_file", map[string]py.Value{"ConanFile": ConanFileClass}))
	reg("conan", func(in *py.Interp) (*py.Module, error) {
		m := py.NewModule("conan")
		m.Set("ConanFile", ConanFileClass)
		m.Set("Version", ScmVersionClass)
		m.Set("conan_version", &scmVersion{version.ParseScmVersion(ConanVersion)})
		m.Set("__version__", ConanVersion)
		return m, nil
	})
	reg("conan.errors", module("conan.errors", errorsNames()))
	reg("conan.tools", opaqueModule("conan.tools", nil))
	reg("conan.tools.scm", opaqueModule("conan.tools.scm", map[string]py.Value{"Version": ScmVersionClass}))
	layouts := map[string]py.Value{}
	for _, n := range []string{"cmake_layout", "basic_layout", "bazel_layout", "vs_layout"} {
		layouts[n] = noopLayout(n)
	}
	reg("conan.tools.layout", opaqueModule("conan.tools.layout", layouts))
	reg("conan.tools.cmake", opaqueModule("conan.tools.cmake", map[string]py.Value{"cmake_layout": layouts["cmake_layout"]}))
	reg("conan.tools.google", opaqueModule("conan.tools.google", map[string]py.Value{"bazel_layout": layouts["bazel_layout"]}))

	for _, n := range []string{"android", "env", "files", "gnu", "intel", "meson", "premake", "qbs", "scons", "system", "system.package_manager", "files.patches", "files.symlinks", "files.copy_pattern", "gnu.pkgconfig", "microsoft.visual", "microsoft.subsystems", "apple.apple", "build.cross_building", "build.cppstd", "cmake.cmakedeps", "env.virtualbuildenv"} {
		name := "conan.tools." + n
		if _, ok := in.Modules[name]; !ok {
			reg(name, opaqueModule(name, nil))
		}
	}
	registerToolModules(in)
	reg("yaml", yamlModule)
	// Conan's process has imported these before any recipe (checked with
	// the real client): a recipe folder's conan.py cannot shadow them.
	in.Resident("conan", "conans", "yaml")
}

// yamlModule is PyYAML's loading API over conid's YAML reader.
func yamlModule(in *py.Interp) (*py.Module, error) {
	m := py.NewModule("yaml")
	m.Dict.Set("__opaque__", true)
	load := func(name string) *py.Builtin {
		return py.NewBuiltin(name, func(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
			if len(args) < 1 {
				return nil, in.TypeError("%s() missing 1 required positional argument: 'stream'", name)
			}
			var text string
			switch x := args[0].(type) {
			case *py.File:
				text = x.Text()
			default:
				s, err := in.Str(x)
				if err != nil {
					return nil, err
				}
				text = s
			}
			return parseYAMLText(text)
		})
	}
	m.Set("safe_load", load("safe_load"))
	m.Set("load", load("load"))
	m.Set("full_load", load("full_load"))
	return m, nil
}
