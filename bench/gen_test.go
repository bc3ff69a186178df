package bench

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[rel] = string(b)
		}
		return nil
	})
	return files
}

func TestGenerateDeterministic(t *testing.T) {
	gen := func(seed uint64) map[string]string {
		dir := filepath.Join(t.TempDir(), "t")
		if _, err := Generate(dir, GenOptions{Packages: 150, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		return readTree(t, dir)
	}
	a, b, c := gen(7), gen(7), gen(8)
	if len(a) != len(b) {
		t.Fatalf("same seed, %d and %d files", len(a), len(b))
	}
	for k, v := range a {
		if b[k] != v {
			t.Fatalf("same seed, %s differs", k)
		}
	}
	same := len(a) == len(c)
	for k, v := range a {
		if c[k] != v {
			same = false
		}
	}
	if same {
		t.Fatal("different seeds wrote the same tree")
	}
}

// Every shape resolves, every generated package is in the graph, and the
// layered tree has what the issue asks: ranges, private and tool
// requirements, conditional requirements, several versions, consumer
// options.
func TestGenerateResolves(t *testing.T) {
	for _, shape := range []string{ShapeLayered, ShapeChain, ShapeGrid, ShapeWide} {
		t.Run(shape, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "tree")
			tree, err := Generate(dir, GenOptions{Packages: 400, Seed: 3, Shape: shape})
			if err != nil {
				t.Fatal(err)
			}
			res, err := Run(params(t, tree))
			if err != nil {
				t.Fatal(err)
			}
			names := map[string]bool{}
			for _, n := range res.Graph.Nodes {
				names[n.Name()] = true
			}
			// Tools are reached only through tool requirements, which
			// Conan 1 expands only for packages it would build.
			for _, r := range tree.Refs {
				if !strings.HasPrefix(r, "tool") && !names[strings.Split(r, "/")[0]] {
					t.Errorf("%s not in the graph", r)
				}
			}

			if shape != ShapeLayered {
				return
			}
			if tree.Ranges == 0 || tree.Private == 0 || tree.ToolReqs == 0 || tree.Versioned == 0 {
				t.Errorf("tree lacks a feature: %+v", tree)
			}
			all := readTree(t, dir)
			for _, want := range []string{"if self.options.with_extra:", "def config_options(self):", "rm_safe(\"fPIC\")", "/*:shared\": True"} {
				found := false
				for _, src := range all {
					if strings.Contains(src, want) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("no recipe has %q", want)
				}
			}
		})
	}
}

func TestGenerateBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, o := range []GenOptions{{Packages: 0}, {Packages: 10, Shape: "ring"}, {Packages: 10, Flavor: "conan3"}} {
		if _, err := Generate(filepath.Join(dir, "x"), o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	os.WriteFile(filepath.Join(dir, "file"), nil, 0o644)
	if _, err := Generate(dir, GenOptions{Packages: 10}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("non-empty folder: %v", err)
	}
}
