package settings

import (
	"github.com/conid/conid/recipe/version"
)

func vge(v, min string) bool {
	c, err := version.CompareStrings(v, min)
	return err == nil && (c == 0 || c == 1)
}

// CppstdFlag returns the compiler flag for a C++ standard, or "" when the
// compiler version does not support it (Conan 1.65's cppstd_flag, for the
// compilers whose flags Conan knows).
func CppstdFlag(compiler, compilerVersion, cppstd, compilerBase string) string {
	if compiler == "" || compilerVersion == "" || cppstd == "" {
		return ""
	}
	v := compilerVersion
	var table map[string]string
	prefix := "-std="
	switch compiler {
	case "gcc":
		table = map[string]string{}
		if vge(v, "3.4") {
			table["98"], table["gnu98"] = "c++98", "gnu++98"
		}
		if vge(v, "4.7") {
			table["11"], table["gnu11"] = "c++11", "gnu++11"
		} else if vge(v, "4.3") {
			table["11"], table["gnu11"] = "c++0x", "gnu++0x"
		}
		if vge(v, "4.9") {
			table["14"], table["gnu14"] = "c++14", "gnu++14"
		} else if vge(v, "4.8") {
			table["14"], table["gnu14"] = "c++1y", "gnu++1y"
		}
		if vge(v, "5") {
			table["17"], table["gnu17"] = "c++1z", "gnu++1z"
		}
		if vge(v, "5.2") {
			table["17"], table["gnu17"] = "c++17", "gnu++17"
		}
		if vge(v, "8") {
			table["20"], table["gnu20"] = "c++2a", "gnu++2a"
		}
		if vge(v, "11") {
			table["23"], table["gnu23"] = "c++2b", "gnu++2b"
		}
	case "clang":
		table = map[string]string{}
		if vge(v, "2.1") {
			table["98"], table["gnu98"] = "c++98", "gnu++98"
		}
		if vge(v, "3.1") {
			table["11"], table["gnu11"] = "c++11", "gnu++11"
		} else if vge(v, "2.1") {
			table["11"], table["gnu11"] = "c++0x", "gnu++0x"
		}
		if vge(v, "3.5") {
			table["14"], table["gnu14"] = "c++14", "gnu++14"
		} else if vge(v, "3.4") {
			table["14"], table["gnu14"] = "c++1y", "gnu++1y"
		}
		if vge(v, "5") {
			table["17"], table["gnu17"] = "c++17", "gnu++17"
		} else if vge(v, "3.5") {
			table["17"], table["gnu17"] = "c++1z", "gnu++1z"
		}
		if vge(v, "6") {
			table["20"], table["gnu20"] = "c++2a", "gnu++2a"
		}
		if vge(v, "12") {
			table["20"], table["gnu20"] = "c++20", "gnu++20"
			table["23"], table["gnu23"] = "c++2b", "gnu++2b"
		}
	case "apple-clang":
		table = map[string]string{}
		if vge(v, "4.0") {
			table["98"], table["gnu98"], table["11"], table["gnu11"] = "c++98", "gnu++98", "c++11", "gnu++11"
		}
		if vge(v, "6.1") {
			table["14"], table["gnu14"] = "c++14", "gnu++14"
		} else if vge(v, "5.1") {
			table["14"], table["gnu14"] = "c++1y", "gnu++1y"
		}
		if vge(v, "9.1") {
			table["17"], table["gnu17"] = "c++17", "gnu++17"
		} else if vge(v, "6.1") {
			table["17"], table["gnu17"] = "c++1z", "gnu++1z"
		}
		if vge(v, "13.0") {
			table["20"], table["gnu20"] = "c++20", "gnu++20"
		} else if vge(v, "10.0") {
			table["20"], table["gnu20"] = "c++2a", "gnu++2a"
		}
		if vge(v, "13.0") {
			table["23"], table["gnu23"] = "c++2b", "gnu++2b"
		}
	case "Visual Studio":
		prefix = "/std:"
		table = map[string]string{}
		if vge(v, "14") {
			table["14"], table["17"] = "c++14", "c++latest"
		}
		if vge(v, "15") {
			table["17"], table["20"] = "c++17", "c++latest"
		}
		if vge(v, "17") {
			table["20"], table["23"] = "c++20", "c++latest"
		}
	case "msvc":
		prefix = "/std:"
		table = map[string]string{}
		if vge(v, "190") {
			table["14"], table["17"] = "c++14", "c++latest"
		}
		if vge(v, "191") {
			table["17"], table["20"] = "c++17", "c++latest"
		}
		if vge(v, "193") {
			table["20"], table["23"] = "c++20", "c++latest"
		}
	case "intel":
		table = map[string]string{}
		gnu98, gnu0x := "gnu++98", "gnu++0x"
		prefix = "-std="
		if compilerBase == "Visual Studio" {
			gnu98, gnu0x, prefix = "", "", "/Qstd="
		}
		table["gnu98"] = gnu98
		if vge(v, "12") {
			table["11"], table["gnu11"] = "c++0x", gnu0x
		}
		if vge(v, "14") {
			table["11"], table["gnu11"] = "c++11", gnu0x
		}
		if vge(v, "16") {
			table["14"] = "c++14"
		}
		if vge(v, "18") {
			table["17"] = "c++17"
		}
		if vge(v, "19.1") {
			table["20"] = "c++20"
		}
	default:
		return ""
	}
	if f := table[cppstd]; f != "" {
		return prefix + f
	}
	return ""
}

// Preprocess applies Conan 1.65's settings preprocessing to a profile's
// settings: Visual Studio gets compiler.runtime from build_type when
// unset (and msvc compiler.runtime_type), and cppstd values must have a
// flag for the compiler version.
func Preprocess(s *Settings) error {
	fillRuntime(s)
	return checkCppstd(s)
}

func fillRuntime(s *Settings) {
	compiler, _ := s.GetSafe("compiler")
	buildType, _ := s.GetSafe("build_type")
	debug := buildType == "Debug"
	setIf := func(path, value string) {
		if _, ok := s.GetSafe(path); ok {
			return
		}
		// Conan ignores any error here ("If the settings structure doesn't
		// match these general assumptions")
		parts := splitLast(path)
		if it, err := s.Lookup(parts[0]); err == nil {
			_ = it.SetField(parts[1], value)
		}
	}
	switch compiler {
	case "Visual Studio":
		if debug {
			setIf("compiler.runtime", "MDd")
		} else {
			setIf("compiler.runtime", "MD")
		}
	case "intel":
		if b, _ := s.GetSafe("compiler.base"); b == "Visual Studio" {
			if debug {
				setIf("compiler.base.runtime", "MDd")
			} else {
				setIf("compiler.base.runtime", "MD")
			}
		}
	case "msvc":
		if debug {
			setIf("compiler.runtime_type", "Debug")
		} else {
			setIf("compiler.runtime_type", "Release")
		}
	}
}

func splitLast(path string) [2]string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '.' {
			return [2]string{path[:i], path[i+1:]}
		}
	}
	return [2]string{"", path}
}

func checkCppstd(s *Settings) error {
	compiler, _ := s.GetSafe("compiler")
	compilerVersion, _ := s.GetSafe("compiler.version")
	cppstd, hasCppstd := s.GetSafe("cppstd")
	compilerCppstd, hasCompilerCppstd := s.GetSafe("compiler.cppstd")
	if !hasCppstd && !hasCompilerCppstd {
		return nil
	}
	if hasCppstd && hasCompilerCppstd {
		return errorf("Do not use settings 'compiler.cppstd' together with 'cppstd'. Use only the former one.")
	}
	switch compiler {
	case "gcc", "clang", "apple-clang", "Visual Studio":
	default:
		return nil
	}
	check := func(it *Item, value, id string) error {
		var available []string
		for _, v := range it.ValuesRange() {
			if CppstdFlag(compiler, compilerVersion, v, "") != "" {
				available = append(available, v)
			}
		}
		for _, a := range available {
			if a == value {
				return nil
			}
		}
		return errorf("The specified '%s=%s' is not available for '%s %s'. Possible values are %s'", id, value, compiler, compilerVersion, PyList(available))
	}
	if hasCppstd {
		it, err := s.Field("cppstd")
		if err != nil {
			return err
		}
		return check(it, cppstd, "cppstd")
	}
	it, err := s.Lookup("compiler.cppstd")
	if err != nil {
		return err
	}
	return check(it, compilerCppstd, "compiler.cppstd")
}
