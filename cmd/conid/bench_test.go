package main

import (
	"bytes"
	"encoding/json"
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
