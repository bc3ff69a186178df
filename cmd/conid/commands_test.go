package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Every command and subcommand builds its flag set and answers --help
// with its flags and success: a flag defined twice panics here, not in
// a user's hands.
func TestEveryCommandHelp(t *testing.T) {
	for _, args := range [][]string{
		{"info"}, {"lock", "create"}, {"inspect"}, {"index", "check"},
		{"explain"}, {"why"}, {"id", "explain"}, {"id", "diff"},
		{"bench", "gen"}, {"bench", "run"}, {"bench", "cpu"},
		{"remote", "add"}, {"remote", "list"}, {"remote", "remove"}, {"remote", "update"},
		{"user"}, {"download"}, {"cache", "clean"}, {"cache", "verify"}, {"cache", "stats"},
		{"serve"}, {"serve", "bench"},
	} {
		t.Run(strings.Join(args, "_"), func(t *testing.T) {
			var out bytes.Buffer
			e := &env{stdout: &out, stderr: &out, cwd: t.TempDir(), environ: []string{},
				getenv: func(string) string { return "" }}
			var code int
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("conid %s --help panicked: %v", strings.Join(args, " "), r)
					}
				}()
				code = run(append(args, "--help"), e)
			}()
			name := strings.Join(args, " ")
			if name == "why" {
				name = "explain"
			}
			if code != exitOK || !strings.Contains(out.String(), "Usage of "+name) || strings.Contains(out.String(), "ERROR") {
				t.Errorf("conid %s --help: exit %d\n%s", strings.Join(args, " "), code, out.String())
			}
		})
	}
}

// index check on a small checkout: one recipe of each outcome, counted,
// listed and written as JSON, with --jobs (shared with the remote flags).
func TestIndexCheck(t *testing.T) {
	dir := t.TempDir()
	recipe := func(name, folder, versions, body string) {
		t.Helper()
		d := filepath.Join(dir, "recipes", name)
		if err := os.MkdirAll(filepath.Join(d, folder), 0o755); err != nil {
			t.Fatal(err)
		}
		var cfg strings.Builder
		cfg.WriteString("versions:\n")
		for _, v := range strings.Fields(versions) {
			fmt.Fprintf(&cfg, "  %q:\n    folder: %s\n", v, folder)
		}
		if err := os.WriteFile(filepath.Join(d, "config.yml"), []byte(cfg.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		text := "from conan import ConanFile\nfrom conan.errors import ConanInvalidConfiguration\n\nclass R(ConanFile):\n    name = \"" + name + "\"\n    settings = \"os\", \"compiler\", \"build_type\", \"arch\"\n" + body
		if err := os.WriteFile(filepath.Join(d, folder, "conanfile.py"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	recipe("zlib", "all", "1.2.13 1.3", "")
	recipe("libpng", "all", "1.6.40", "    def requirements(self):\n        self.requires(\"zlib/[>=1.2.11 <2]\")\n")
	recipe("broken", "all", "1.0", "    def requirements(self):\n        self.requires(\"nothere/1.0\")\n")
	recipe("winonly", "all", "2.0", "    def configure(self):\n        if self.settings.os != \"Windows\":\n            raise ConanInvalidConfiguration(\"Windows only\")\n")
	recipe("weird", "all", "0.1", "    def _reqs(self):\n        yield \"zlib/1.3\"\n\n    def requirements(self):\n        for r in self._reqs():\n            self.requires(r)\n")
	prof := filepath.Join(dir, "default")
	if err := os.WriteFile(prof, []byte("[settings]\nos=Linux\narch=x86_64\ncompiler=gcc\ncompiler.version=12\ncompiler.libcxx=libstdc++11\nbuild_type=Release\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	var out bytes.Buffer
	e := &env{stdout: &out, stderr: &out, cwd: dir, environ: []string{},
		getenv: func(k string) string { return map[string]string{"CONAN_USER_HOME": home}[k] }}
	if code := run([]string{"index", "check", ".", "-pr", prof, "--jobs", "3", "--list", "--json", "out.json", "-q"}, e); code != exitOK {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	text := out.String()
	for _, want := range []string{
		"5 recipes in",
		"resolved                   2",
		"invalid configuration      1",
		"missing dependency         1",
		"broken/1.0: missing dependency:",
		"winonly/2.0: invalid configuration:",
		"weird/0.1: unsupported construct:",
		"unsupported construct      1",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "out.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Summary struct {
			Total int `json:"total"`
		} `json:"summary"`
		Recipes []struct {
			Name    string `json:"name"`
			Version string `json:"version"`
			Status  string `json:"status"`
			Nodes   int    `json:"nodes"`
		} `json:"recipes"`
	}
	if err := json.Unmarshal(b, &res); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range res.Recipes {
		got[r.Name] = fmt.Sprintf("%s %s %d", r.Version, r.Status, r.Nodes)
	}
	// The newest version is checked; libpng's range finds zlib 1.3.
	if res.Summary.Total != 5 || got["zlib"] != "1.3 resolved 1" || got["libpng"] != "1.6.40 resolved 2" {
		t.Errorf("json: %+v", got)
	}
	out.Reset()
	if code := run([]string{"index", "check", ".", "-r", "conancenter"}, e); code == exitOK || !strings.Contains(out.String(), "--remote is not supported") {
		t.Errorf("-r accepted: exit %d\n%s", code, out.String())
	}
}

// TestRangeSkipsFoldersWithoutRecipe: a tree's Search lists version
// folders without looking into them; range resolution must still see
// only the recipes there, as Conan sees only what was exported: an empty
// higher version is skipped, and only versions with a recipe are warned
// about as not SemVer.
func TestRangeSkipsFoldersWithoutRecipe(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const rec = "from conans import ConanFile\nclass P(ConanFile):\n    pass\n"
	write("recipes/aa/1.0/_/_/conanfile.py", rec)
	write("recipes/aa/bar/_/_/conanfile.py", rec)
	write("recipes/aa/2.0/_/_/notes.txt", "no recipe here")
	write("recipes/aa/foo/_/_/notes.txt", "no recipe here")
	write("recipes/aa/3.0", "a file, not a version folder")
	write("root/conanfile.py", "from conans import ConanFile\nclass R(ConanFile):\n    requires = 'aa/[>=1.0]'\n")
	write("default", "[settings]\nos=Linux\n")
	res := runConid(t, dir, t.TempDir(), []string{"info", "root", "--recipes", "recipes", "-pr", "default"})
	if res.code != exitOK {
		t.Fatalf("exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	out := res.stdout + res.stderr
	for _, want := range []string{"resolved to 'aa/1.0'", "Version 'bar' is not semver"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "'foo'") {
		t.Errorf("output warns about a folder without a recipe:\n%s", out)
	}
}

// bench cpu --with runs the same arguments with each program, taking
// turns run after run, and compares the CPU medians with the first's.
func TestBenchCPUTakesTurns(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	var progs []string
	for _, name := range []string{"a", "b"} {
		p := filepath.Join(dir, name)
		script := "#!/bin/sh\necho " + name + " \"$@\" >> " + log + "\n"
		if err := os.WriteFile(p, []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		progs = append(progs, p)
	}
	var out bytes.Buffer
	e := &env{stdout: &out, stderr: &out, cwd: dir, environ: os.Environ(), getenv: os.Getenv}
	if code := run([]string{"bench", "cpu", "-n", "3", "--with", progs[0], "--with", progs[1], "--", "x", "y"}, e); code != exitOK {
		t.Fatalf("exit %d\n%s", code, out.String())
	}
	got, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat("a x y\nb x y\n", 3); string(got) != want {
		t.Errorf("runs in the order\n%s\nwant\n%s", got, want)
	}
	wants := []string{progs[0] + " x y\n  runs 3, CPU median", progs[1] + " x y\n  runs 3, CPU median", "CPU median against " + progs[0] + ": " + progs[1] + " "}
	if runtime.GOOS == "linux" {
		wants = append(wants, "MiB\n"+progs[1], ", peak RSS median ")
	}
	for _, want := range wants {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
