package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
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
