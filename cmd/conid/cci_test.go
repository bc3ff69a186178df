package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
)

// TestCCI compares conid with what Conan 1.65.0 computed for a third of
// conan-center-index (../shared/cci). It needs the recipes of CCI commit
// 241a271eb365ce007109ca27776ddc8e522489f1: set CONID_CCI to the folder
// holding them (the checkout or its recipes/). CONID_CCI_SHARED overrides
// the location of the shared ground truth (default ../../../shared/cci).
//
//	CONID_CCI=/path/to/cci go test ./cmd/conid -run TestCCI -v
func TestCCI(t *testing.T) {
	cci := os.Getenv("CONID_CCI")
	if cci == "" {
		t.Skip("set CONID_CCI to a conan-center-index checkout at 241a271e to run")
	}
	if st, err := os.Stat(filepath.Join(cci, "recipes")); err == nil && st.IsDir() {
		cci = filepath.Join(cci, "recipes")
	}
	shared := os.Getenv("CONID_CCI_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "..", "shared", "cci")
	}
	shared, _ = filepath.Abs(shared)
	var man struct {
		Exported []struct {
			Ref    string `json:"ref"`
			Folder string `json:"folder"`
			RC     int    `json:"rc"`
		} `json:"exported"`
		Recipes []map[string]any `json:"recipes"`
	}
	b, err := os.ReadFile(filepath.Join(shared, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &man); err != nil {
		t.Fatal(err)
	}
	// the cache Conan used, as a recipe tree of symlinks
	tree := t.TempDir()
	for _, e := range man.Exported {
		if e.RC != 0 {
			continue
		}
		name, ver, _ := strings.Cut(e.Ref, "/")
		d := filepath.Join(tree, name, ver, "_")
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(cci, name, e.Folder), filepath.Join(d, "_")); err != nil {
			t.Fatal(err)
		}
	}
	userHome := t.TempDir()
	prof := filepath.Join(userHome, ".conan", "profiles")
	os.MkdirAll(prof, 0o755)
	for _, p := range []string{"default", "debug"} {
		b, err := os.ReadFile(filepath.Join(shared, "profiles", p))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(prof, p), b, 0o644)
	}
	out := t.TempDir()
	for _, variant := range []string{"default", "debug_shared", "build_missing"} {
		var mu sync.Mutex
		counts := map[string]int{}
		var failures []string
		work := make(chan map[string]any)
		var wg sync.WaitGroup
		for w := 0; w < 4; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for r := range work {
					status, detail := cciOne(t, r, variant, tree, shared, userHome, out)
					mu.Lock()
					counts[status]++
					if status != "match" && status != "both-fail" {
						failures = append(failures, fmt.Sprintf("%s: %s %s", r["name"], status, detail))
					}
					mu.Unlock()
				}
			}()
		}
		for _, r := range man.Recipes {
			work <- r
		}
		close(work)
		wg.Wait()
		sort.Strings(failures)
		ok := counts["match"]
		conanOK := counts["match"] + counts["diff"] + counts["error"]
		t.Logf("%s: %d/%d recipes Conan resolves match (%.1f%%); statuses %v", variant, ok, conanOK, 100*float64(ok)/float64(conanOK), counts)
		for _, f := range failures {
			t.Logf("  %s", f)
		}
		if float64(ok) < 0.95*float64(conanOK) {
			t.Errorf("%s: below 95%%", variant)
		}
	}
}

type cciNode struct {
	Ref           string   `json:"ref"`
	Context       string   `json:"context"`
	Options       string   `json:"options"`
	PackageID     string   `json:"package_id"`
	Requires      []string `json:"requires"`
	BuildRequires []string `json:"build_requires"`
}

func cciLock(path string) (map[string]cciNode, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var l struct {
		GraphLock struct {
			Nodes map[string]cciNode `json:"nodes"`
		} `json:"graph_lock"`
	}
	return l.GraphLock.Nodes, json.Unmarshal(b, &l)
}

func cciOne(t *testing.T, r map[string]any, variant, tree, shared, userHome, out string) (string, string) {
	v := r
	if variant != "default" {
		v = r[variant].(map[string]any)
	}
	var args []string
	for _, a := range v["args"].([]any) {
		s := a.(string)
		if !strings.HasPrefix(s, "--lockfile-out") {
			args = append(args, s)
		}
	}
	lock := filepath.Join(out, fmt.Sprintf("%s-%s.json", r["name"], variant))
	args = append(args, "--lockfile-out="+lock, "--recipes", tree, "--check")
	res := runConid(t, filepath.Join(shared, "profiles"), userHome, args)
	if v["status"] != "ok" {
		if res.code != 0 {
			return "both-fail", ""
		}
		return "should-fail", fmt.Sprint(v["lock"])
	}
	if res.code != 0 {
		lines := strings.Split(strings.TrimSpace(res.stderr), "\n")
		return "error", lines[len(lines)-1]
	}
	exp, err := cciLock(filepath.Join(shared, v["lock"].(string)))
	if err != nil {
		return "error", err.Error()
	}
	got, err := cciLock(lock)
	if err != nil {
		return "error", err.Error()
	}
	if !reflect.DeepEqual(exp, got) {
		return "diff", ""
	}
	return "match", ""
}
