package packageid

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/conid/conid/options"
	"github.com/conid/conid/recipe/ref"
)

func settingsOf(pairs ...string) []NameValue {
	var out []NameValue
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, NameValue{pairs[i], pairs[i+1]})
	}
	return out
}

var gcc11 = settingsOf("arch", "x86_64", "build_type", "Release", "compiler", "gcc", "compiler.libcxx", "libstdc++11", "compiler.version", "11", "os", "Linux")

func opts(pairs ...string) *options.Values {
	var e []options.Entry
	for i := 0; i < len(pairs); i += 2 {
		e = append(e, options.Entry{Key: pairs[i], Value: pairs[i+1]})
	}
	return options.ParseValues(e)
}

// The IDs below are what Conan 1.65.0 computes (conformance case 001 and
// the example project).
func TestPackageIDMatchesConan(t *testing.T) {
	info, err := NewInfo(gcc11, opts("fPIC", "True", "shared", "False"), nil, nil, "semver_direct_mode", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := info.PackageID().ID; got != "6557f18ca99c0b6a233f43db00e30efaa525e27e" {
		t.Errorf("fmt/9.1.0 id = %s", got)
	}
}

func TestModes(t *testing.T) {
	p := ref.PackageRef{Ref: ref.Ref{Name: "zlib", Version: "1.2.13", User: "us", Channel: "ch", Revision: "rrev"}, PackageID: "pid", Revision: "prev"}
	for mode, want := range map[string]string{
		"semver_direct_mode":    "zlib/1.Y.Z/None/None/None",
		"semver_mode":           "zlib/1.Y.Z/None/None/None",
		"full_version_mode":     "zlib/1.2.13/None/None/None",
		"patch_mode":            "zlib/1.2.13/None/None/None",
		"minor_mode":            "zlib/1.2.Z/None/None/None",
		"major_mode":            "zlib/1.Y.Z/None/None/None",
		"full_recipe_mode":      "zlib/1.2.13/us/ch/None",
		"full_package_mode":     "zlib/1.2.13/us/ch/pid",
		"recipe_revision_mode":  "zlib/1.2.13/us/ch/pid/rrev",
		"package_revision_mode": "zlib/1.2.13/us/ch/pid/rrev/prev",
	} {
		r, err := NewRequirement(p, mode, false, "test")
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := r.HashLine(); got != want {
			t.Errorf("%s: %s, want %s", mode, got, want)
		}
	}
	if _, err := NewRequirement(p, "bogus_mode", false, ""); err == nil || err.Error() != "'bogus_mode' is not a known package_id_mode" {
		t.Errorf("bogus mode: %v", err)
	}
	// indirect requirements vanish in semver_direct_mode
	r, _ := NewRequirement(p, "semver_direct_mode", true, "")
	if r.Name != "" {
		t.Errorf("indirect kept: %+v", r)
	}
}

func TestUnknownAndInvalid(t *testing.T) {
	dep := ref.PackageRef{Ref: ref.Ref{Name: "zlib", Version: "1.0"}, PackageID: Unknown}
	info, _ := NewInfo(gcc11, opts(), []*ref.PackageRef{&dep}, nil, "full_package_mode", "")
	if got := info.PackageID().ID; got != Unknown {
		t.Errorf("id %s, want %s", got, Unknown)
	}
	dep.PackageID = Invalid
	info, _ = NewInfo(gcc11, opts(), []*ref.PackageRef{&dep}, nil, "full_package_mode", "")
	if got := info.PackageID().ID; got != Invalid {
		t.Errorf("id %s, want %s", got, Invalid)
	}
}

func TestDefaultStdMatching(t *testing.T) {
	with := append(append([]NameValue(nil), gcc11...), NameValue{"compiler.cppstd", "gnu17"})
	a, _ := NewInfo(gcc11, opts(), nil, nil, "semver_direct_mode", "")
	b, _ := NewInfo(with, opts(), nil, nil, "semver_direct_mode", "")
	if a.PackageID().ID != b.PackageID().ID {
		t.Error("gnu17 is gcc 11's default and must not change the ID")
	}
	c, _ := NewInfo(append(append([]NameValue(nil), gcc11...), NameValue{"compiler.cppstd", "17"}), opts(), nil, nil, "semver_direct_mode", "")
	if a.PackageID().ID == c.PackageID().ID {
		t.Error("cppstd 17 must change the ID")
	}
}

func TestFalseOptionsAreNotHashed(t *testing.T) {
	a, _ := NewInfo(gcc11, opts("shared", "False"), nil, nil, "semver_direct_mode", "")
	b, _ := NewInfo(gcc11, opts(), nil, nil, "semver_direct_mode", "")
	if a.PackageID().ID != b.PackageID().ID {
		t.Error("an option with a false-like value is not part of the hash in Conan 1")
	}
}

// Infos built with one cache share requirements until one of them changes
// its own: the others keep their lines and IDs.
func TestSharedRequirements(t *testing.T) {
	zlib := &ref.PackageRef{Ref: ref.Ref{Name: "zlib", Version: "1.2.13"}, PackageID: "abc"}
	bzip := &ref.PackageRef{Ref: ref.Ref{Name: "bzip2", Version: "1.0.8"}, PackageID: "def"}
	var cache RequirementCache
	build := func() *Info {
		info, err := NewInfoFull(gcc11, opts(), []*ref.PackageRef{zlib}, []*ref.PackageRef{bzip}, nil, "semver_direct_mode", "", cache.View())
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	a, b, c := build(), build(), build()
	if a.Requires.List()[0] != b.Requires.List()[0] {
		t.Fatal("requirements not shared")
	}
	want := b.PackageID().ID
	r, err := a.Requires.Get("zlib")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.ApplyMode("full_package_mode", "test"); err != nil {
		t.Fatal(err)
	}
	if err := c.Requires.ApplyModeAll("full_package_mode", "test"); err != nil {
		t.Fatal(err)
	}
	if got := b.PackageID().ID; got != want {
		t.Errorf("b's ID changed with a's and c's requirements: %s, want %s", got, want)
	}
	if a.PackageID().ID == want || c.PackageID().ID == want {
		t.Error("a changed mode and kept its ID")
	}
	if r2, _ := b.Requires.Get("zlib"); r2.Mode != "semver_direct_mode" {
		t.Errorf("b's zlib mode %s", r2.Mode)
	}
}

// Dependency options that package_id() puts back into the info are
// hashed in name order, whatever order they were set in.
func TestDepOptionsHashedInNameOrder(t *testing.T) {
	zlib := &ref.PackageRef{Ref: ref.Ref{Name: "zlib", Version: "1.2.13"}, PackageID: "abc"}
	bzip := &ref.PackageRef{Ref: ref.Ref{Name: "bzip2", Version: "1.0.8"}, PackageID: "def"}
	id := func(names ...string) Computation {
		info, err := NewInfo(gcc11, opts("shared", "True"), []*ref.PackageRef{zlib, bzip}, nil, "semver_direct_mode", "")
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names { // different lines for each
			info.Options.Pkg(n).Set(n+"_opt", options.Value{Str: "True"})
		}
		return info.PackageID()
	}
	a, b, none := id("zlib", "bzip2"), id("bzip2", "zlib"), id()
	if a.ID != b.ID {
		t.Errorf("IDs differ with the order dependency options were set: %s, %s", a.ID, b.ID)
	}
	if a.ID == none.ID {
		t.Error("dependency options are not hashed")
	}
	deps := a.OptionsDeps()
	if len(deps) != 2 || deps[0].Name != "bzip2" || deps[1].Name != "zlib" || len(deps[0].Lines) != 1 || deps[0].Lines[0] != "bzip2_opt=True" {
		t.Errorf("OptionsDeps = %+v", deps)
	}
}

// Infos built with one cache share their settings and full settings
// until one asks for its own copy (as self.info.settings and
// self.info.full_settings do) and changes it.
func TestSharedFullSettings(t *testing.T) {
	var cache RequirementCache
	a, err := NewInfoFull(gcc11, opts(), nil, nil, nil, "semver_direct_mode", "", cache.View())
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewInfoFull(gcc11, opts(), nil, nil, nil, "semver_direct_mode", "", cache.View())
	if err != nil {
		t.Fatal(err)
	}
	if a.FullSettings != b.FullSettings {
		t.Error("equal settings lists do not share their full settings")
	}
	a.OwnFullSettings().Set("os", "Windows")
	if got := b.FullSettings.Get("os").Value(); got != "Linux" {
		t.Errorf("the other info's full settings changed: os=%s", got)
	}
	if got := a.FullSettings.Get("os").Value(); got != "Windows" {
		t.Errorf("own copy: os=%s", got)
	}
	if a.OwnFullSettings() != a.FullSettings {
		t.Error("a second OwnFullSettings copies again")
	}

	// The same for the ID's settings, whose lines are hashed once.
	if a.Settings != b.Settings {
		t.Error("equal settings lists do not share their settings")
	}
	idB := b.PackageID().ID
	a.OwnSettings().Del("build_type")
	if b.Settings.Get("build_type") == nil || b.PackageID().ID != idB {
		t.Error("changing one info's settings changed the other's")
	}
	if a.Settings.Get("build_type") != nil || a.PackageID().ID == idB {
		t.Error("the change is not in the info's own settings or ID")
	}
	c, _ := NewInfo(gcc11, opts(), nil, nil, "semver_direct_mode", "")
	if c.PackageID().ID != idB {
		t.Error("an info without a cache has another ID")
	}
}

// Views of one cache hand out the same requirement for a reference, a
// view follows a change of mode, and a reset cache is not read through
// an old view.
func TestRequirementViews(t *testing.T) {
	zlib := &ref.PackageRef{Ref: ref.Ref{Name: "zlib", Version: "1.2.13"}, PackageID: "abc"}
	var cache RequirementCache
	v1, v2 := cache.View(), cache.View()
	get := func(v *RequirementView, mode string, indirect bool) *Requirement {
		t.Helper()
		var rs Requirements
		if err := rs.addDistinct([]*ref.PackageRef{zlib}, mode, indirect, "", v); err != nil {
			t.Fatal(err)
		}
		return rs.list[0]
	}
	a := get(v1, "semver_direct_mode", true)
	if b := get(v2, "semver_direct_mode", true); a != b {
		t.Error("two views of one cache made two requirements")
	}
	if get(v1, "semver_direct_mode", false) == a {
		t.Error("a direct requirement is the indirect one")
	}
	if r := get(v1, "full_package_mode", true); r == a || r.Dumps() == a.Dumps() {
		t.Errorf("another mode gave %q, as %q", r.Dumps(), a.Dumps())
	}
	if get(v1, "semver_direct_mode", true) == a {
		t.Error("the view kept a requirement the cache replaced with its mode")
	}
	cache = RequirementCache{}
	if get(v2, "semver_direct_mode", true) == a {
		t.Error("a view read a reset cache's old requirement")
	}
}

// The options line hashes every dependency's line, however many, with
// values or without (then remembered by own options and count, asked
// twice here), and the result is the hash of them all joined.
func TestOptionsLineAnyClosureSize(t *testing.T) {
	for _, tc := range []struct{ n, every int }{{0, 3}, {1, 3}, {97, 3}, {101, 3}, {250, 3}, {1, 0}, {2, 0}, {97, 0}, {97, 0}, {250, 0}, {250, 0}, {3, 7}} {
		n := tc.n
		var direct []*ref.PackageRef
		for i := range n {
			direct = append(direct, &ref.PackageRef{Ref: ref.Ref{Name: fmt.Sprintf("p%04d", i), Version: "1.0"}, PackageID: "abc"})
		}
		info, err := NewInfo(gcc11, opts("shared", "True"), direct, nil, "semver_direct_mode", "")
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range direct { // an entry for each, some with a value
			v := info.Options.Pkg(p.Ref.Name)
			if tc.every > 0 && i%tc.every == 0 {
				v.Set("fast", options.Value{Str: "True"})
			}
		}
		c := info.PackageID()
		parts := []string{}
		own := sha1Lines(c.OptionsOwn)
		parts = append(parts, string(own[:]))
		for _, d := range c.OptionsDeps() {
			sum := sha1Lines(d.Lines)
			parts = append(parts, string(sum[:]))
		}
		if len(parts) != n+1 {
			t.Fatalf("%d dependencies: %d option lines", n, len(parts)-1)
		}
		sum := sha1.Sum([]byte(strings.Join(parts, "\n")))
		if want := hex.EncodeToString(sum[:]); c.Lines[1] != want {
			t.Errorf("%d dependencies: options line %s, joined lines hash to %s", n, c.Lines[1], want)
		}
	}
}
