package graph_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/conid/conid/bench"
	"github.com/conid/conid/engine"
	"github.com/conid/conid/graph"
	"github.com/conid/conid/home"
	"github.com/conid/conid/internal/growmap"
	"github.com/conid/conid/profiles"
)

// resolveGenerated resolves a generated tree of a shape.
func resolveGenerated(t *testing.T, shape string, seed uint64, packages int) *graph.Graph {
	t.Helper()
	g, _ := resolveGeneratedOutput(t, shape, seed, packages)
	return g
}

// resolveGeneratedOutput is resolveGenerated with what the resolution
// prints.
func resolveGeneratedOutput(t *testing.T, shape string, seed uint64, packages int) (*graph.Graph, []string) {
	t.Helper()
	dir := t.TempDir()
	tree, err := bench.Generate(filepath.Join(dir, "tree"), bench.GenOptions{Packages: packages, Seed: seed, Shape: shape})
	if err != nil {
		t.Fatal(err)
	}
	h := testHome(t, dir)
	var out []string
	res, err := engine.Resolve(engine.Params{Home: h, Cwd: tree.Dir, Target: tree.Consumer, Recipes: []string{tree.Recipes},
		Host: profiles.Args{Profiles: []string{tree.Profile}}, Output: func(s string) { out = append(out, s) }})
	if err != nil {
		t.Fatalf("%s seed %d: %v", shape, seed, err)
	}
	return res.Graph, out
}

// writeTestFile writes text to dir/rel, making its folders.
func writeTestFile(t *testing.T, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// testHome is an empty Conan home in dir/home.
func testHome(t *testing.T, dir string) *home.Home {
	t.Helper()
	hdir := filepath.Join(dir, "home")
	if err := os.MkdirAll(hdir, 0o755); err != nil {
		t.Fatal(err)
	}
	h, err := home.FromEnv(func(k string) string {
		if k == "CONAN_USER_HOME" {
			return hdir
		}
		return ""
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestAncestorsLazyAsEager resolves generated trees of every shape with
// a diamond's ancestor additions applied at once, as Conan does, and
// when the sets are read: every node's ancestors must hold the same keys.
func TestAncestorsLazyAsEager(t *testing.T) {
	sameWithAndWithout(t, graph.SetEagerAncestors, graph.AncestorKeys, 120)
}

// sameWithAndWithout resolves generated trees of every shape with a test
// switch on (the reference: Conan's way) and off, and compares what
// describe says of every node.
func sameWithAndWithout(t *testing.T, set func(bool), describe func(*graph.Graph) []string, packages int) {
	t.Helper()
	defer set(false)
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2, 3} {
			set(true)
			want := describe(resolveGenerated(t, shape, seed, packages))
			set(false)
			got := describe(resolveGenerated(t, shape, seed, packages))
			if !slices.Equal(want, got) {
				for i := range min(len(want), len(got)) {
					if want[i] != got[i] {
						t.Fatalf("%s seed %d: node %d\nas Conan: %s\ngot:      %s", shape, seed, i, want[i], got[i])
					}
				}
				t.Fatalf("%s seed %d: %d nodes as Conan, %d got", shape, seed, len(want), len(got))
			}
		}
	}
}

// TestPublicDepsAsConan resolves generated trees of every shape (with
// build and private requirements, ranges and diamonds; chains deeper than
// a node's public_deps links go before they are merged) with nodes also
// keeping public_deps as Conan copies them, and checks publicDep against
// those on every lookup and, at the end, for every key on every node
// (and that it agrees with the public closure, which lets connectClosure
// answer a repeated connection from the closure alone).
func TestPublicDepsAsConan(t *testing.T) {
	defer graph.SetShadowPublicDeps(false)
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2, 3} {
			graph.SetShadowPublicDeps(true)
			g := resolveGenerated(t, shape, seed, 120)
			lookups, err := graph.CheckPublicDeps(g)
			if lookups != nil || err != nil {
				t.Errorf("%s seed %d: %v %v", shape, seed, lookups, err)
			}
		}
	}
}

// TestNeedRecurseWalks asks, at every diamond, whether to expand again
// by walking the closure and by walking the downstream requirements and
// options, on generated trees of every shape and on small graphs where
// the answer is yes (an option or a requirement handed down changes a
// node of the closure) or an error (an option the package does not
// have): the two walks agree.
func TestNeedRecurseWalks(t *testing.T) {
	defer graph.CheckNeedRecurse(false)
	var total graph.NeedRecurseChecks
	add := func(what string, c graph.NeedRecurseChecks) {
		if len(c.Mismatches) > 0 {
			t.Errorf("%s: %d of %d disagree, first: %s", what, len(c.Mismatches), c.Checked, c.Mismatches[0])
		}
		total.Checked += c.Checked
		total.True += c.True
		total.Errors += c.Errors
	}
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2, 3} {
			graph.CheckNeedRecurse(true)
			resolveGenerated(t, shape, seed, 120)
			add(fmt.Sprintf("%s seed %d", shape, seed), graph.CheckNeedRecurse(false))
		}
	}
	for i, c := range []struct {
		b, e string // bb's and ee's class bodies (both require aa/1.0)
	}{
		{b: `    default_options = {"cc:shared": True}`},
		{b: `    default_options = {"cc:shared": False}`},
		{b: `    default_options = {"cc:nosuch": True}`},
		{e: `    requires = "aa/1.0", "cc/2.0"`},
		{e: `    requires = "aa/1.0", "cc/1.0"`, b: `    default_options = {"cc:shared": True, "aa:x": 1}`},
	} {
		dir := t.TempDir()
		write := func(rel, text string) { writeTestFile(t, dir, rel, text) }
		recipe := func(name, version, body string) {
			write(filepath.Join("recipes", name, version, "_", "_", "conanfile.py"),
				"from conans import ConanFile\n\nclass P(ConanFile):\n    name = \""+name+"\"\n    version = \""+version+"\"\n"+body+"\n")
		}
		for _, v := range []string{"1.0", "2.0"} {
			recipe("cc", v, `    options = {"shared": [True, False]}
    default_options = {"shared": False}`)
		}
		recipe("aa", "1.0", `    requires = "cc/1.0"
    options = {"x": [1, 2]}
    default_options = {"x": 2}`)
		b, e := `    requires = "aa/1.0"`, `    requires = "aa/1.0"`
		if c.b != "" {
			b += "\n" + c.b
		}
		if c.e != "" {
			e = c.e
		}
		recipe("bb", "1.0", b)
		recipe("ee", "1.0", e)
		write("conanfile.txt", "[requires]\naa/1.0\nbb/1.0\nee/1.0\n")
		write("default", "[settings]\nos=Linux\n")
		graph.CheckNeedRecurse(true)
		_, err := engine.Resolve(engine.Params{Home: testHome(t, dir), Cwd: dir, Target: filepath.Join(dir, "conanfile.txt"),
			Recipes: []string{filepath.Join(dir, "recipes")}, Host: profiles.Args{Profiles: []string{filepath.Join(dir, "default")}}})
		checks := graph.CheckNeedRecurse(false)
		add(fmt.Sprintf("case %d (%v)", i, err), checks)
		if checks.Checked == 0 {
			t.Errorf("case %d: no diamond (%v)", i, err)
		}
	}
	if total.Checked == 0 || total.True == 0 || total.Errors == 0 {
		t.Fatalf("the walks were not put to the test: %+v", total)
	}
}

// TestUsedNamesShortcut resolves generated trees of every shape and
// checks, on every node where propagateOptions takes its shortcut, that
// it names what the dependencies name.
func TestUsedNamesShortcut(t *testing.T) {
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2} {
			taken, err := graph.CheckUsedNames(resolveGenerated(t, shape, seed, 120))
			if err != nil {
				t.Fatalf("%s seed %d: %v", shape, seed, err)
			}
			if taken == 0 {
				t.Fatalf("%s seed %d: no node took the shortcut", shape, seed)
			}
		}
	}
}

// TestRangeMemo resolves generated trees of every shape with ranges
// resolved anew each time and remembered: the same output, line by
// line, and the same references.
func TestRangeMemo(t *testing.T) {
	defer graph.SetRangeMemo(true)
	ranges := 0
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2} {
			graph.SetRangeMemo(false)
			g1, out1 := resolveGeneratedOutput(t, shape, seed, 150)
			graph.SetRangeMemo(true)
			g2, out2 := resolveGeneratedOutput(t, shape, seed, 150)
			if !slices.Equal(out1, out2) {
				t.Fatalf("%s seed %d: output differs:\n%s\n--- remembered:\n%s", shape, seed, strings.Join(out1, "\n"), strings.Join(out2, "\n"))
			}
			for _, l := range out1 {
				if strings.Contains(l, "Version range") {
					ranges++
				}
			}
			if len(g1.Nodes) != len(g2.Nodes) {
				t.Fatalf("%s seed %d: %d nodes, %d remembered", shape, seed, len(g1.Nodes), len(g2.Nodes))
			}
			for i := range g1.Nodes {
				if a, b := g1.Nodes[i].RefString(), g2.Nodes[i].RefString(); a != b {
					t.Fatalf("%s seed %d: node %d is %s, %s remembered", shape, seed, i, a, b)
				}
			}
		}
	}
	if ranges < 100 {
		t.Fatalf("only %d ranges resolved", ranges)
	}
}

// TestRangeMemoWarnings resolves the same range, with a comma and among
// versions that are not SemVer and a listed one without a recipe, for
// two consumers: each resolution prints its warnings and picks the same,
// remembered or not.
func TestRangeMemoWarnings(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) { writeTestFile(t, dir, rel, text) }
	recipe := func(name, version string, requires ...string) {
		text := "from conans import ConanFile\n\nclass P(ConanFile):\n    name = \"" + name + "\"\n    version = \"" + version + "\"\n"
		for _, r := range requires {
			text += "    requires = \"" + r + "\"\n"
		}
		write(filepath.Join("recipes", name, version, "_", "_", "conanfile.py"), text)
	}
	recipe("zlib", "1.5")
	recipe("zlib", "1.6.x")
	// Listed, but no recipe there: the best match, pruned on a closer look.
	if err := os.MkdirAll(filepath.Join(dir, "recipes", "zlib", "1.8", "_", "_"), 0o755); err != nil {
		t.Fatal(err)
	}
	recipe("aa", "1.0", "zlib/[>1.0, <2.0]")
	recipe("bb", "1.0", "zlib/[>1.0, <2.0]")
	write("conanfile.txt", "[requires]\naa/1.0\nbb/1.0\n")
	write("default", "[settings]\nos=Linux\n")
	h := testHome(t, dir)
	resolve := func() []string {
		var out []string
		_, err := engine.Resolve(engine.Params{Home: h, Cwd: dir, Target: filepath.Join(dir, "conanfile.txt"), Recipes: []string{filepath.Join(dir, "recipes")},
			Host: profiles.Args{Profiles: []string{filepath.Join(dir, "default")}}, Output: func(s string) { out = append(out, s) }})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	defer graph.SetRangeMemo(true)
	graph.SetRangeMemo(false)
	anew := resolve()
	graph.SetRangeMemo(true)
	remembered := resolve()
	if !slices.Equal(anew, remembered) {
		t.Fatalf("output differs:\n%s\n--- remembered:\n%s", strings.Join(anew, "\n"), strings.Join(remembered, "\n"))
	}
	warnings := 0
	for _, l := range anew {
		if strings.Contains(l, "WARN") || strings.Contains(l, "warn") {
			warnings++
		}
	}
	if warnings < 4 {
		t.Fatalf("%d warnings, want two per resolution:\n%s", warnings, strings.Join(anew, "\n"))
	}
}

// TestTablesGrowLarge resolves a generated tree with the tables of the
// resolver and the store growing in one step at a threshold of 64
// entries, and doubling: the same output, references and IDs, and every
// node keyed as the graph keys its name and context. (That a grown
// table keeps its entries is TestGrow's; most of these tables are memos,
// which a lost entry would only make recompute.)
func TestTablesGrowLarge(t *testing.T) {
	defer growmap.SetForTest(0, false)
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeGrid} {
		growmap.SetForTest(64, true)
		g1, out1 := resolveGeneratedOutput(t, shape, 1, 400)
		growmap.SetForTest(64, false)
		g2, out2 := resolveGeneratedOutput(t, shape, 1, 400)
		if !slices.Equal(out1, out2) {
			t.Fatalf("%s: output differs when tables grow in one step", shape)
		}
		if len(g1.Nodes) <= 3*64 || len(g1.Nodes) != len(g2.Nodes) {
			t.Fatalf("%s: %d and %d nodes", shape, len(g1.Nodes), len(g2.Nodes))
		}
		if err := graph.CheckKeys(g2); err != nil {
			t.Fatalf("%s: %v", shape, err)
		}
		for i, n := range g1.Nodes {
			if m := g2.Nodes[i]; n.Ref != m.Ref || n.ID != m.ID || n.PackageID != m.PackageID {
				t.Fatalf("%s: node %d: %s %s against %s %s", shape, i, n.Ref.String(), n.PackageID, m.Ref.String(), m.PackageID)
			}
		}
	}
}

// TestLevelsStableThroughEvaluation checks what lets recurseBuildRequires
// walk the levels evaluateGraph made: evaluating a subset changes none
// of its levels. --build missing has build requirements expanded, and
// so subsets leveled and evaluated in turn.
func TestLevelsStableThroughEvaluation(t *testing.T) {
	defer graph.CheckLevels(false)
	total := 0
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, build := range [][]string{nil, {"missing"}} {
			dir := t.TempDir()
			tree, err := bench.Generate(filepath.Join(dir, "tree"), bench.GenOptions{Packages: 80, Seed: 2, Shape: shape})
			if err != nil {
				t.Fatal(err)
			}
			graph.CheckLevels(true)
			_, err = engine.Resolve(engine.Params{Home: testHome(t, dir), Cwd: tree.Dir, Target: tree.Consumer, Recipes: []string{tree.Recipes},
				Host: profiles.Args{Profiles: []string{tree.Profile}}, BuildModes: build})
			n, bad := graph.CheckLevels(false)
			if err != nil {
				t.Fatalf("%s %v: %v", shape, build, err)
			}
			if len(bad) > 0 {
				t.Errorf("%s %v: %d of %d subsets leveled differently after evaluation: %s", shape, build, len(bad), n, bad[0])
			}
			if build != nil && shape == bench.ShapeLayered && n < 2 {
				t.Errorf("%s %v: %d subsets evaluated, want build requirements' too", shape, build, n)
			}
			total += n
		}
	}
	t.Logf("%d subsets compared", total)
}

// TestOptionsWithinRequires checks what lets a package ID skip Conan's
// filter_used: when propagateOptions kept the options of the packages
// the ID's requirements name and no Python changed the info, filtering
// them by those names drops nothing. Generated trees of every shape,
// and small graphs with a private requirement of a name another
// package also requires, and a package_id() that removes a requirement.
func TestOptionsWithinRequires(t *testing.T) {
	defer graph.CheckOptionsInRequires(false)
	var checked int64
	for _, shape := range []string{bench.ShapeLayered, bench.ShapeChain, bench.ShapeGrid, bench.ShapeWide} {
		for _, seed := range []uint64{1, 2} {
			graph.CheckOptionsInRequires(true)
			resolveGenerated(t, shape, seed, 150)
			n, dropped := graph.CheckOptionsInRequires(false)
			if dropped > 0 {
				t.Errorf("%s seed %d: %d of %d IDs would have filtered options out", shape, seed, dropped, n)
			}
			checked += n
		}
	}
	for i, body := range []string{
		`    requires = ("cc/1.0", "private"), "dd/1.0"`,
		`    requires = "cc/1.0", "dd/1.0"
    def package_id(self):
        self.info.requires.remove("cc")`,
	} {
		dir := t.TempDir()
		write := func(rel, text string) { writeTestFile(t, dir, rel, text) }
		recipe := func(name, version, body string) {
			write(filepath.Join("recipes", name, version, "_", "_", "conanfile.py"),
				"from conans import ConanFile\n\nclass P(ConanFile):\n    name = \""+name+"\"\n    version = \""+version+"\"\n"+
					"    options = {\"shared\": [True, False]}\n    default_options = {\"shared\": False}\n"+body+"\n")
		}
		recipe("cc", "1.0", "")
		recipe("cc", "2.0", "")
		recipe("dd", "1.0", `    requires = "cc/2.0"`)
		recipe("bb", "1.0", body)
		recipe("aa", "1.0", `    requires = "bb/1.0"`)
		write("conanfile.txt", "[requires]\naa/1.0\n")
		write("default", "[settings]\nos=Linux\n")
		graph.CheckOptionsInRequires(true)
		_, err := engine.Resolve(engine.Params{Home: testHome(t, dir), Cwd: dir, Target: filepath.Join(dir, "conanfile.txt"),
			Recipes: []string{filepath.Join(dir, "recipes")}, Host: profiles.Args{Profiles: []string{filepath.Join(dir, "default")}}})
		n, dropped := graph.CheckOptionsInRequires(false)
		if dropped > 0 {
			t.Errorf("case %d (%v): %d of %d IDs would have filtered options out", i, err, dropped, n)
		}
		checked += n
	}
	if checked == 0 {
		t.Fatal("no ID skipped filter_used")
	}
	t.Logf("%d IDs checked", checked)
}

// A diamond connects its additions one closure at a time; Conan connects
// each addition to every closure in turn. Every node's closures and
// inverse list come out the same, in the same order, on generated trees
// of every shape (private requirements included).
func TestConnectOrder(t *testing.T) {
	sameWithAndWithout(t, graph.SetConnectAsConan, graph.ClosureState, 150)
}
