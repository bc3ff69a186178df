package version

import "strings"

// ToolsVersion is conans.client.tools.Version, the helper older Conan 1
// recipes import with "from conans import tools" (tools.Version): a thin
// wrapper over a loose node-semver SemVer. Unlike Version and ScmVersion
// it rejects what node-semver cannot read, and it compares by SemVer
// precedence: "1.2" == "1.2.0", "1.2.3.4" == "1.2.3" (the fourth number
// is kept for String but never compared), build metadata is ignored, and a
// prerelease sorts before its release.
type ToolsVersion struct {
	sv *semVer
}

// ParseToolsVersion is tools.Version(value). The text is stripped and
// parsed in loose mode; failure is the ConanException "Invalid version
// '<value>'" with value as given.
func ParseToolsVersion(value string) (ToolsVersion, error) {
	sv, err := parseSemVer(pyStrip(value), true)
	if err != nil {
		return ToolsVersion{}, conanError("Invalid version '%s'", value)
	}
	return ToolsVersion{sv: sv}, nil
}

func (v ToolsVersion) semver() *semVer {
	if v.sv == nil {
		return &semVer{major: "0", minor: "0", patch: "0", version: "0.0.0"}
	}
	return v.sv
}

// String is str(v): the normalised SemVer text, e.g. "1.2.0" for "1.2",
// "1.2.3-rc.1" for "v1.2.3rc.1", "1.2.3.4" for "1.2.3.4"; no build
// metadata. The zero ToolsVersion prints "0.0.0".
func (v ToolsVersion) String() string { return v.semver().version }

// Major is str(major).
func (v ToolsVersion) Major() string { return v.semver().major }

// Minor is str(minor).
func (v ToolsVersion) Minor() string { return v.semver().minor }

// Patch is str(patch).
func (v ToolsVersion) Patch() string { return v.semver().patch }

// Prerelease is the prerelease identifiers joined with "." ("" if none).
func (v ToolsVersion) Prerelease() string {
	ids := make([]string, len(v.semver().pre))
	for i, id := range v.semver().pre {
		ids[i] = id.s
	}
	return strings.Join(ids, ".")
}

// Build is the build metadata joined with "." ("" if none).
func (v ToolsVersion) Build() string { return strings.Join(v.semver().build, ".") }

// Compare returns -1, 0 or 1 by SemVer precedence; ==, <, <=, >, >= of the
// Python class all follow from it (it is a consistent total preorder).
func (v ToolsVersion) Compare(other ToolsVersion) int {
	return compareSemVer(v.semver(), other.semver())
}

// CompareString compares v with a string the way Python does when a recipe
// writes tools.Version(x) < "1.2": the string is parsed first, and an
// unparsable string is the ConanException "Invalid version '...'".
func (v ToolsVersion) CompareString(other string) (int, error) {
	o, err := ParseToolsVersion(other)
	if err != nil {
		return 0, err
	}
	return v.Compare(o), nil
}
