package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInputNamesOrigin checks that a bad setting or option value is
// reported with Conan's message and the profile line or argument that
// wrote it.
func TestBadInputNamesOrigin(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "bad")
	if err := os.WriteFile(prof, []byte("[settings]\nos=Linux\ncompiler=gcc\ncompiler.version=99\n[options]\nzlib:shared=maybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	prof2 := filepath.Join(dir, "bad2")
	if err := os.WriteFile(prof2, []byte("[settings]\nos=Linux\nfoo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	base := []string{"info", "app/conanfile.py", "--recipes", "recipes", "-pr", "profiles/linux-gcc12"}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{append(base, "-s", "arch=x86_64", "-s", "os=Foo"), []string{"Invalid setting 'Foo' is not a valid 'settings.os' value.", "os=Foo was set by argument -s #2"}},
		{append(base, "-s", "compiler.foo=1"), []string{"'settings.compiler.foo' doesn't exist for 'gcc'", "compiler.foo was set by argument -s #1"}},
		{append(base, "-o", "zlib:nope=1"), []string{"zlib/1.3: option 'nope' doesn't exist", "zlib:nope was set by argument -o #1"}},
		{append(base, "-o", "zlib:shared=maybe"), []string{"'maybe' is not a valid 'options.shared' value.", "zlib:shared=maybe was set by argument -o #1"}},
		{[]string{"info", "app/conanfile.py", "--recipes", "recipes", "-pr", prof}, []string{"'99' is not a valid 'settings.compiler.version'", "compiler.version=99 was set at " + prof + ":4"}},
		{[]string{"info", "app/conanfile.py", "--recipes", "recipes", "-pr", prof2}, []string{"Invalid setting line 'foo'", "at " + prof2 + ":3"}},
		{append(base, "-o", "zlib:shared"), []string{"Invalid input 'zlib:shared', use 'name=value'", "by argument -o #1"}},
		{[]string{"bench", "run", "recipes"}, []string{"bench run: recipes has no conanfile.py"}},
		{[]string{"bench", "gen", "--packages", "0", "out"}, []string{"--packages must be at least 1, got 0"}},
		{[]string{"bench", "gen", "--shape", "ring", "out"}, []string{`unknown --shape "ring"`}},
		{[]string{"bench", "cpu"}, []string{"usage: conid bench cpu"}},
		{[]string{"bench", "cpu", "-n", "0", "--", "true"}, []string{"--runs must be at least 1"}},
		{[]string{"bench", "frobnicate"}, []string{`unknown bench command "frobnicate"`}},
	} {
		r := runConid(t, "../../examples", t.TempDir(), tc.args)
		if r.code != 1 {
			t.Errorf("%v: exit %d, want 1\n%s", tc.args, r.code, r.stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%v: stderr lacks %q:\n%s", tc.args, w, r.stderr)
			}
		}
	}
}
