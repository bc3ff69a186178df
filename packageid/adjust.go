package packageid

import (
	"github.com/conid/conid/options"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/recipe/version"
)

// NewInfo builds a package's info as Conan's ConanInfo.create: settings
// and options as computed for the node, direct and indirect requirements
// under the default mode, then Conan's automatic adjustments
// (vs_toolset_compatible, discard_build_settings, default_std_matching).
// modeFrom says where the default mode came from. The references in
// direct and indirect must be distinct and must not change afterwards:
// the info points to them.
func NewInfo(settings []NameValue, opts *options.Values, direct, indirect []*ref.PackageRef, mode, modeFrom string) (*Info, error) {
	return NewInfoFull(settings, opts, direct, indirect, nil, mode, modeFrom, nil)
}

// NewInfoFull is NewInfo for a caller that already holds direct followed
// by indirect in one slice (fullReqs): the info keeps it as its
// full_requires instead of a copy. fullReqs may be nil. Infos built with
// views of the same cache (the view may be nil) share their requirements
// and settings.
func NewInfoFull(settings []NameValue, opts *options.Values, direct, indirect, fullReqs []*ref.PackageRef, mode, modeFrom string, cache *RequirementView) (*Info, error) {
	var shared *RequirementCache
	if cache != nil {
		shared = cache.c
	}
	set, err := shared.settingsFor(settings) // shared: see OwnSettings
	if err != nil {
		return nil, err
	}
	info := &Info{
		Settings:     set.adjusted,
		FullSettings: set.full,
		Options:      opts.CopyCleared(),
		FullOptions:  opts,
		Requires:     &Requirements{},
	}
	if err := info.Requires.addDistinct(direct, mode, false, modeFrom, cache); err != nil {
		return nil, err
	}
	if err := info.Requires.addDistinct(indirect, mode, true, modeFrom, cache); err != nil {
		return nil, err
	}
	if fullReqs != nil && len(fullReqs) == len(direct)+len(indirect) {
		info.FullRequires = fullReqs
	} else {
		info.FullRequires = append(append([]*ref.PackageRef(nil), direct...), indirect...)
	}
	if shared != nil { // else nothing else holds them
		info.shared = set
	}
	return info, nil
}

// adjustSettings is what Conan's ConanInfo.create does to the settings
// of every info: the ID's settings, from the full ones.
func adjustSettings(info *Info) {
	VSToolsetCompatible(info)
	DiscardBuildSettings(info)
	DefaultStdMatching(info)
}

var msvsToolsetsInverse = map[string]string{"v143": "17", "v142": "16", "v141": "15", "v140": "14", "v120": "12", "v110": "11", "v100": "10", "v90": "9", "v80": "8"}

// valueOf is str() of a Values node that may be missing (None).
func valueOf(v *Values) string {
	if v == nil {
		return "None"
	}
	return v.value
}

func truth(v *Values) bool { return v != nil && v.Truth() }

// VSToolsetCompatible makes "Visual Studio 15 with toolset v140" the same
// package as "Visual Studio 14".
func VSToolsetCompatible(info *Info) {
	compiler := info.FullSettings.Get("compiler")
	if valueOf(compiler) != "Visual Studio" {
		return
	}
	v, ok := msvsToolsetsInverse[valueOf(compiler.Get("toolset"))]
	if !ok {
		return
	}
	if c := info.OwnSettings().Get("compiler"); c != nil {
		c.Set("version", v)
		c.Del("toolset")
	}
}

// VSToolsetIncompatible undoes VSToolsetCompatible.
func VSToolsetIncompatible(info *Info) {
	compiler := info.FullSettings.Get("compiler")
	if valueOf(compiler) != "Visual Studio" {
		return
	}
	if c := info.OwnSettings().Get("compiler"); c != nil {
		c.Set("version", valueOf(compiler.Get("version")))
		c.Set("toolset", valueOf(compiler.Get("toolset")))
	}
}

// DiscardBuildSettings drops os_build/arch_build when os/arch are set.
func DiscardBuildSettings(info *Info) {
	fs := info.FullSettings
	if truth(fs.Get("os")) && truth(fs.Get("os_build")) {
		info.OwnSettings().Del("os_build")
	}
	if truth(fs.Get("arch")) && truth(fs.Get("arch_build")) {
		info.OwnSettings().Del("arch_build")
	}
}

// IncludeBuildSettings restores os_build/arch_build.
func IncludeBuildSettings(info *Info) {
	info.OwnSettings().Set("os_build", valueOf(info.FullSettings.Get("os_build")))
	info.OwnSettings().Set("arch_build", valueOf(info.FullSettings.Get("arch_build")))
}

// DefaultStdMatching erases cppstd (and compiler.cppstd) when it is the
// compiler's default, so both give the same package.
func DefaultStdMatching(info *Info) {
	fs := info.FullSettings
	compiler := fs.Get("compiler")
	if valueOf(compiler) == "msvc" {
		return
	}
	if !truth(compiler) || !truth(compiler.Get("version")) {
		return
	}
	def, ok := CppstdDefault(fs)
	if !ok {
		return
	}
	if valueOf(fs.Get("cppstd")) == def {
		info.OwnSettings().Set("cppstd", "None")
	}
	if valueOf(compiler.Get("cppstd")) == def {
		if c := info.OwnSettings().Get("compiler"); c != nil {
			c.Set("cppstd", "None")
		}
	}
}

// DefaultStdNonMatching restores cppstd values.
func DefaultStdNonMatching(info *Info) {
	fs := info.FullSettings
	if truth(fs.Get("cppstd")) {
		info.OwnSettings().Set("cppstd", valueOf(fs.Get("cppstd")))
	}
	if c := fs.Get("compiler"); c != nil && truth(c.Get("cppstd")) {
		if ic := info.OwnSettings().Get("compiler"); ic != nil {
			ic.Set("cppstd", valueOf(c.Get("cppstd")))
		}
	}
}

func versionAtLeast(v, min string) bool {
	c, err := version.CompareStrings(v, min)
	return err == nil && (c == 1 || c == 0)
}

func versionBelow(v, min string) bool {
	c, err := version.CompareStrings(v, min)
	return err == nil && c == -1
}

// CppstdDefault is the default C++ standard of a compiler version, as
// Conan 1.65's cppstd_default; ok is false when unknown.
func CppstdDefault(fs *Values) (string, bool) {
	compiler, _ := fs.Lookup("compiler")
	ver, hasVer := fs.Lookup("compiler.version")
	if !hasVer || ver == "None" || ver == "" {
		ver = "None"
	}
	base, _ := fs.Lookup("compiler.base")
	switch compiler {
	case "gcc":
		if versionAtLeast(ver, "11") {
			return "gnu17", true
		}
		if versionBelow(ver, "6") {
			return "gnu98", true
		}
		return "gnu14", true
	case "clang":
		if versionAtLeast(ver, "16") {
			return "gnu17", true
		}
		if versionBelow(ver, "6") {
			return "gnu98", true
		}
		return "gnu14", true
	case "apple-clang":
		return "gnu98", true
	case "Visual Studio":
		if versionAtLeast(ver, "14") {
			return "14", true
		}
		return "", false
	case "intel":
		if base == "Visual Studio" {
			return "", false
		}
		return "gnu98", true
	case "mcst-lcc":
		if versionAtLeast(ver, "1.24") {
			return "gnu14", true
		}
		return "gnu98", true
	}
	return "", false
}
