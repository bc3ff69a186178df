package packageid

import (
	"slices"
	"strings"
)

// Clone is ConanInfo.clone(): an info with copies of everything a
// package_id() may change, for a compatible package.
func (info *Info) Clone() *Info {
	c := info.CopyForBuild()
	c.FullSettings = info.FullSettings.Copy()
	c.shared = nil
	c.FullOptions = info.FullOptions.Copy()
	c.FullRequires = slices.Clone(info.FullRequires)
	c.PythonRequires = slices.Clone(info.PythonRequires)
	return c
}

// msvcToVS is msvc_version_to_vs_ide_version.
var msvcToVS = map[string]string{"170": "11", "180": "12", "190": "14", "191": "15", "192": "16", "193": "17"}

// MSVCCompatible is ConanInfo.msvc_compatible(): for compiler=msvc, the
// same binary described as Visual Studio (nil otherwise). ok is false
// when the version has no Visual Studio (Conan fails with a KeyError).
func (info *Info) MSVCCompatible() (c *Info, ok bool) {
	compiler := info.Settings.Get("compiler")
	if compiler == nil || compiler.Value() != "msvc" {
		return nil, true
	}
	c = info.Clone()
	cc := c.Settings.Get("compiler")
	version, _ := valueAt(cc, "version")
	runtime, _ := valueAt(cc, "runtime")
	runtimeType, _ := valueAt(cc, "runtime_type")
	cppstd, hasCppstd := valueAt(cc, "cppstd")
	// Setting the compiler replaces its node: its sub-settings go.
	cc = c.Settings.Set("compiler", "Visual Studio")
	if hasCppstd {
		cc.Set("cppstd", cppstd)
	}
	vs, known := msvcToVS[version]
	if !known {
		return nil, false
	}
	cc.Set("version", vs)
	rt := "MD"
	if runtime == "static" {
		rt = "MT"
	}
	if runtimeType == "Debug" {
		rt += "d"
	}
	cc.Set("runtime", rt)
	if d, ok := CppstdDefault(c.Settings); ok && hasCppstd && cppstd == d {
		cc.Del("cppstd")
	}
	return c, true
}

// AppleClangCompatible is ConanInfo.apple_clang_compatible(): apple-clang
// "13" is compatible with "13.0" (nil otherwise).
func (info *Info) AppleClangCompatible() *Info {
	compiler := info.Settings.Get("compiler")
	if compiler == nil || compiler.Value() != "apple-clang" {
		return nil
	}
	if v, _ := valueAt(compiler, "version"); v != "13" {
		return nil
	}
	c := info.Clone()
	c.Settings.Get("compiler").Set("version", "13.0")
	return c
}

func valueAt(v *Values, name string) (string, bool) {
	if c := v.Get(name); c != nil {
		return c.Value(), true
	}
	return "", false
}

// UpdateValues is Values.update_values: each "a.b.c" walks to a.b and
// sets c there to a new leaf (its sub-values go). ok is false when a
// part of the path is missing (Conan then fails on None).
func (v *Values) UpdateValues(vals []NameValue) (ok bool) {
	for _, nv := range vals {
		parts := strings.Split(nv.Name, ".")
		at := v
		for _, p := range parts[:len(parts)-1] {
			if at = at.Get(p); at == nil {
				return false
			}
		}
		at.Set(parts[len(parts)-1], nv.Value)
	}
	return true
}
