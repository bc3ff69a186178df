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

	"github.com/conid/conid/memo"
)

// bench gen, then bench run twice through the result cache: the first
// computes and reports phases, the second is a cache hit.
func TestBenchGenRun(t *testing.T) {
	dir := t.TempDir()
	home := t.TempDir()
	e := func(out *bytes.Buffer) *env {
		return &env{stdout: out, stderr: out, cwd: dir, environ: []string{},
			memo:   &memo.Store{Dir: filepath.Join(home, "results")},
			getenv: func(k string) string { return map[string]string{"CONAN_USER_HOME": home}[k] }}
	}
	var out bytes.Buffer
	if code := run([]string{"bench", "gen", "--packages", "60", "--seed", "2", "tree"}, e(&out)); code != 0 {
		t.Fatalf("gen: %s", out.String())
	}
	if !strings.Contains(out.String(), "60 packages") {
		t.Errorf("gen said: %s", out.String())
	}
	out.Reset()
	if code := run([]string{"bench", "run", "tree", "--json", "-q"}, e(&out)); code != 0 {
		t.Fatalf("run: %s", out.String())
	}
	var res struct {
		Nodes  int `json:"nodes"`
		Phases []struct {
			Name    string  `json:"name"`
			Seconds float64 `json:"seconds"`
		} `json:"phases"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if res.Nodes < 60 || len(res.Phases) != 5 {
		t.Errorf("run: %+v", res)
	}
	out.Reset()
	if code := run([]string{"bench", "run", "tree", "-q"}, e(&out)); code != 0 {
		t.Fatalf("second run: %s", out.String())
	}
	// Different arguments (no --json): computed, then a hit.
	out.Reset()
	run([]string{"bench", "run", "tree", "-q"}, e(&out))
	if !strings.Contains(out.String(), "result cache hit") {
		t.Errorf("no cache hit on the repeated run:\n%s", out.String())
	}
	// --memprofile computes even when the cache holds the run, and
	// writes a heap profile (gzip-compressed protocol buffers).
	out.Reset()
	prof := filepath.Join(dir, "heap.prof")
	if code := run([]string{"bench", "run", "tree", "-q", "--memprofile", prof}, e(&out)); code != 0 {
		t.Fatalf("run --memprofile: %s", out.String())
	}
	if strings.Contains(out.String(), "result cache hit") {
		t.Errorf("--memprofile took the cached result:\n%s", out.String())
	}
	if b, err := os.ReadFile(prof); err != nil || len(b) < 100 || b[0] != 0x1f || b[1] != 0x8b {
		t.Errorf("heap profile: %d bytes, %v", len(b), err)
	}
}

// TestReadAheadSameAnswers: reading recipes ahead on a second processor,
// and building explain's report on two, changes no output: info --json,
// the lockfile and explain --json of a generated graph are the same with
// one processor (no read-ahead) and with two.
func TestReadAheadSameAnswers(t *testing.T) {
	dir := t.TempDir()
	home := t.TempDir()
	e := func(out *bytes.Buffer) *env {
		return &env{stdout: out, stderr: out, cwd: dir, environ: []string{},
			getenv: func(k string) string { return map[string]string{"CONAN_USER_HOME": home}[k] }}
	}
	var out bytes.Buffer
	if code := run([]string{"bench", "gen", "--packages", "400", "--seed", "11", "tree"}, e(&out)); code != 0 {
		t.Fatalf("gen: %s", out.String())
	}
	answers := func(procs int) (string, []byte, []byte) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var out bytes.Buffer
		info := filepath.Join(dir, "info.json")
		lock := filepath.Join(dir, "lock.json")
		common := []string{"tree/conanfile.py", "--recipes", "tree/recipes", "-pr", "tree/profiles/default"}
		if code := run(append([]string{"info", "--json", info}, common...), e(&out)); code != 0 {
			t.Fatalf("info with %d processors: %s", procs, out.String())
		}
		if code := run(append([]string{"lock", "create", "--lockfile-out", lock}, common...), e(&out)); code != 0 {
			t.Fatalf("lock create with %d processors: %s", procs, out.String())
		}
		// explain builds its report on every processor.
		if code := run(append([]string{"explain", "--json"}, common...), e(&out)); code != 0 {
			t.Fatalf("explain with %d processors: %s", procs, out.String())
		}
		i, err := os.ReadFile(info)
		if err != nil {
			t.Fatal(err)
		}
		l, err := os.ReadFile(lock)
		if err != nil {
			t.Fatal(err)
		}
		return out.String(), i, l
	}
	out1, info1, lock1 := answers(1)
	out2, info2, lock2 := answers(2)
	if out1 != out2 {
		t.Errorf("output differs:\n%s\n--- with read-ahead:\n%s", out1, out2)
	}
	if !bytes.Equal(info1, info2) || len(info1) < 10000 {
		t.Errorf("info --json differs (%d and %d bytes)", len(info1), len(info2))
	}
	if !bytes.Equal(lock1, lock2) || len(lock1) < 10000 {
		t.Errorf("lockfile differs (%d and %d bytes)", len(lock1), len(lock2))
	}
}

// TestParallelIDsMixedLevel: one level of 200 packages, some of whose
// recipes run Python for their package ID (package_id(), validate(),
// validate_build()) and some not, so that the plain ones are computed on
// two processors around the others. info --json, the lockfile and the
// output are the same with one processor and with two, and so is the
// error when a plain package's ID cannot be computed.
func TestParallelIDsMixedLevel(t *testing.T) {
	dir := t.TempDir()
	home := t.TempDir()
	write := func(path, text string) {
		t.Helper()
		p := filepath.Join(dir, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	recipe := func(name, body string, requires ...string) {
		text := "from conans import ConanFile\nfrom conans.errors import ConanInvalidConfiguration\n\n" +
			"class Pkg(ConanFile):\n    name = \"" + name + "\"\n    version = \"1.0\"\n" +
			"    settings = \"os\", \"compiler\", \"build_type\", \"arch\"\n" +
			"    options = {\"shared\": [True, False]}\n    default_options = {\"shared\": False}\n"
		for _, r := range requires {
			text += "    requires = \"" + r + "\"\n"
		}
		write("recipes/"+name+"/1.0/_/_/conanfile.py", text+body)
	}
	write("recipes/base/1.0/_/_/conanfile.py", "from conans import ConanFile\n\nclass Base(ConanFile):\n    name = \"base\"\n    version = \"1.0\"\n")
	var root strings.Builder
	root.WriteString("[requires]\n")
	var opts strings.Builder
	for i := range 200 { // 67 plain: more than minParallelIDs
		name := fmt.Sprintf("m%03d", i)
		var body string
		switch i % 6 {
		case 1:
			body = "    def package_id(self):\n        self.info.settings.build_type = \"Any\"\n"
		case 2:
			body = "    def validate(self):\n        if self.options.shared:\n            raise ConanInvalidConfiguration(\"no shared\")\n"
		case 3:
			body = "    def validate_build(self):\n        raise ConanInvalidConfiguration(\"no build\")\n"
		case 4:
			body = "    def package_id(self):\n        self.info.header_only()\n"
		}
		recipe(name, body, "base/1.0")
		root.WriteString(name + "/1.0\n")
		if i%4 == 0 {
			opts.WriteString(name + ":shared=True\n")
		}
	}
	write("conanfile.txt", root.String()+"[options]\n"+opts.String())
	write("profiles/default", "[settings]\nos=Linux\narch=x86_64\ncompiler=gcc\ncompiler.version=11\ncompiler.libcxx=libstdc++11\nbuild_type=Release\n")
	e := func(out *bytes.Buffer) *env {
		return &env{stdout: out, stderr: out, cwd: dir, environ: []string{},
			getenv: func(k string) string { return map[string]string{"CONAN_USER_HOME": home}[k] }}
	}
	// With msvc 194, which has no Visual Studio version, every package's
	// ID fails (a KeyError in Conan); the first in order is reported.
	write("settings.yml", "os: [Linux, Windows]\narch: [x86_64]\ncompiler:\n    gcc:\n        version: [\"11\"]\n        libcxx: [libstdc++11]\n    msvc:\n        version: [193, 194]\n        runtime: [static, dynamic]\nbuild_type: [Release]\n")
	write("profiles/msvc", "[settings]\nos=Windows\narch=x86_64\ncompiler=msvc\ncompiler.version=194\ncompiler.runtime=dynamic\nbuild_type=Release\n")
	answers := func(procs int, mode string) (string, []byte, []byte) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var out bytes.Buffer
		info := filepath.Join(dir, "info.json")
		lock := filepath.Join(dir, "lock.json")
		os.Remove(info)
		os.Remove(lock)
		common := []string{"conanfile.txt", "--recipes", "recipes", "-pr", "profiles/default", "--package-id-mode", mode, "--settings-file", "settings.yml"}
		if mode == "msvc" {
			common = []string{"conanfile.txt", "--recipes", "recipes", "-pr", "profiles/msvc", "--settings-file", "settings.yml"}
		}
		run(append([]string{"info", "--json", info}, common...), e(&out))
		run(append([]string{"lock", "create", "--lockfile-out", lock}, common...), e(&out))
		run(append([]string{"explain", "--json"}, common...), e(&out))
		i, _ := os.ReadFile(info)
		l, _ := os.ReadFile(lock)
		return out.String(), i, l
	}
	for _, mode := range []string{"semver_direct_mode", "full_package_mode", "msvc"} {
		out1, info1, lock1 := answers(1, mode)
		out2, info2, lock2 := answers(2, mode)
		if out1 != out2 {
			t.Errorf("%s: output differs:\n%s\n--- with two processors:\n%s", mode, out1, out2)
		}
		if !bytes.Equal(info1, info2) || !bytes.Equal(lock1, lock2) {
			t.Errorf("%s: info --json or lockfile differ", mode)
		}
		ok := len(info1) > 5000 && strings.Contains(string(info1), `"id": "INVALID"`) && strings.Contains(string(info1), `"invalid_build_reason": "no build"`)
		if mode == "msvc" {
			ok = strings.Contains(out1, "ERROR: m000/1.0: KeyError: '194'") && len(info1) == 0
		}
		if !ok {
			t.Errorf("%s: not the graph expected: %.300s\n%.300s", mode, info1, out1)
		}
	}
}
