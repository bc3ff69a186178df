package main

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conid/conid/explain"
	"github.com/conid/conid/memo"
)

// TestResultCache runs "conid info" three times through the result
// cache: the second run replays the stored result (the test marks the
// stored output to see it), and a changed recipe makes the third run
// compute again.
func TestResultCache(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "examples"), dir)
	store := &memo.Store{Dir: filepath.Join(t.TempDir(), "results")}
	home := t.TempDir()
	run1 := func() string {
		var out, errb bytes.Buffer
		e := &env{stdout: &out, stderr: &errb, cwd: dir, memo: store,
			environ: []string{"CONAN_USER_HOME=" + home},
			getenv: func(k string) string {
				if k == "CONAN_USER_HOME" {
					return home
				}
				return ""
			}}
		if code := run([]string{"info", "app", "--recipes", "recipes", "-pr", "profiles/linux-gcc12", "-n", "id"}, e); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return out.String()
	}
	first := run1()
	// Mark the stored entry so that a replay shows.
	entries, _ := filepath.Glob(filepath.Join(store.Dir, "*", "*.gob"))
	if len(entries) != 1 {
		t.Fatalf("%d cache entries after one run, want 1", len(entries))
	}
	b, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	var ent memo.Entry
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&ent); err != nil {
		t.Fatal(err)
	}
	if len(ent.Inputs) == 0 {
		t.Fatal("no inputs recorded")
	}
	ent.Stdout = []byte("REPLAYED\n")
	if err := store.Put(&ent); err != nil {
		t.Fatal(err)
	}
	if got := run1(); got != "REPLAYED\n" {
		t.Fatalf("second run did not replay the cache:\n%s", got)
	}
	// Change a recipe the graph reads: the entry is no longer valid.
	var recipe string
	for _, in := range ent.Inputs {
		if in.Op == "file" && strings.HasSuffix(in.Path, "conanfile.py") && strings.Contains(in.Path, "recipes") {
			recipe = in.Path
			break
		}
	}
	if recipe == "" {
		t.Fatal("no recipe among the recorded inputs")
	}
	src, _ := os.ReadFile(recipe)
	if err := os.WriteFile(recipe, append(src, []byte("\n# changed\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	// A comment changes no package ID: the recomputed output is the first.
	if got := run1(); got != first {
		t.Fatalf("third run: got %q, want the recomputed %q", got, first)
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// explain keeps the whole report: a second explain of another package of
// the same configuration reads it back (the test marks the stored report
// to see that), and a changed recipe makes it resolve again.
func TestExplainReportCache(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "examples"), dir)
	store := &memo.Store{Dir: filepath.Join(t.TempDir(), "results")}
	home := t.TempDir()
	explain1 := func(query string) string {
		var out, errb bytes.Buffer
		e := &env{stdout: &out, stderr: &errb, cwd: dir, memo: store, environ: []string{},
			getenv: func(k string) string { return map[string]string{"CONAN_USER_HOME": home}[k] }}
		if code := run([]string{"explain", "app", "--recipes", "recipes", "-pr", "profiles/linux-gcc12", query}, e); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return out.String()
	}
	first := explain1("zlib")
	if !strings.Contains(first, "# zlib/") {
		t.Fatalf("explain zlib:\n%s", first)
	}
	entries, _ := filepath.Glob(filepath.Join(store.Dir, "*", "*.gob"))
	if len(entries) != 1 {
		t.Fatalf("%d entries", len(entries))
	}
	b, _ := os.ReadFile(entries[0])
	var ent memo.Entry
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&ent); err != nil {
		t.Fatal(err)
	}
	var rep explain.Report
	if err := gob.NewDecoder(bytes.NewReader(ent.Data)).Decode(&rep); err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Packages {
		p.PackageID = "MARKED"
	}
	var buf bytes.Buffer
	gob.NewEncoder(&buf).Encode(&rep)
	ent.Data = buf.Bytes()
	if err := store.Put(&ent); err != nil {
		t.Fatal(err)
	}
	if got := explain1("openssl"); !strings.Contains(got, "# openssl/3.1.4 (host) package ID MARKED") {
		t.Fatalf("another query did not read the stored report:\n%s", got)
	}
	recipe := filepath.Join(dir, "recipes", "zlib", "1.3", "_", "_", "conanfile.py")
	src, _ := os.ReadFile(recipe)
	os.WriteFile(recipe, append(src, []byte("\n# changed\n")...), 0o644)
	if got := explain1("openssl"); strings.Contains(got, "MARKED") {
		t.Fatalf("a changed recipe still read the stored report:\n%s", got)
	}
}
