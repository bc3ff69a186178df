// Package bench generates recipe trees of any size and measures conid's
// phases on them.
//
// A generated tree looks like a slice of a real package index: packages in
// layers, each requiring one to five packages of the layers below it and
// near its own position (so a package's closure stays bounded, as in real
// ecosystems, however large the tree), several versions per package so that
// version ranges have a choice to make, exact references and ranges mixed,
// options set by consumers, config_options()/configure(), a requirement
// that depends on an option, tool requirements and private requirements.
// The recipes use only what Conan 1.65 and Conan 2 both accept (with
// Flavor "conan2", private requirements are written as plain ones), so one
// tree can be timed under conid and under Conan.
package bench

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Shapes a tree can take.
const (
	ShapeLayered = "layered" // layers, dependencies on nearby packages below
	ShapeChain   = "chain"   // each package requires the previous one
	ShapeGrid    = "grid"    // (r, c) requires (r-1, c) and (r, c-1)
	ShapeWide    = "wide"    // the consumer requires every package directly
)

// GenOptions say what to generate.
type GenOptions struct {
	Packages int    // packages in the tree, tools included
	Seed     uint64 // the same seed gives the same tree
	Shape    string // one of the Shape constants; "" is layered
	// Flavor "conan2" writes recipes Conan 2 loads (no private=True);
	// "" or "conan1" writes Conan 1 recipes.
	Flavor string
}

// Tree describes a generated tree.
type Tree struct {
	Dir       string // the output folder
	Consumer  string // Dir/conanfile.py
	Recipes   string // Dir/recipes, in <name>/<version>/_/_/conanfile.py layout
	Profile   string // Dir/profiles/default
	Packages  int    // packages the consumer's graph reaches
	Files     int    // recipe files written (every version of every package)
	Refs      []string
	Requires  int // requirement edges written
	Ranges    int // of which version ranges
	Private   int // of which private
	ToolReqs  int // tool requirements
	Versioned int // packages with more than one version
}

type genPkg struct {
	name     string
	versions []string // ascending; the last one is what everybody resolves
	layer    int
	pos      int
	deps     []int // indices into the package list
	extra    int   // index of deps that depends on with_extra, -1 for none
	private  int   // index of deps written private, -1 for none
	tool     int   // tool package required, -1 for none
	isTool   bool
	shared   bool // consumers set this package's shared option to True
	hasUsers bool
}

// Generate writes a tree to dir, which must not exist or be empty.
func Generate(dir string, o GenOptions) (*Tree, error) {
	if o.Packages < 1 {
		return nil, fmt.Errorf("bench gen: --packages must be at least 1, got %d", o.Packages)
	}
	switch o.Shape {
	case "":
		o.Shape = ShapeLayered
	case ShapeLayered, ShapeChain, ShapeGrid, ShapeWide:
	default:
		return nil, fmt.Errorf("bench gen: unknown --shape %q (layered, chain, grid, wide)", o.Shape)
	}
	switch o.Flavor {
	case "", "conan1", "conan2":
	default:
		return nil, fmt.Errorf("bench gen: unknown flavor %q (conan1, conan2)", o.Flavor)
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return nil, fmt.Errorf("bench gen: %s is not empty", dir)
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x636f6e6964))
	pkgs := plan(rng, o)
	t := &Tree{
		Dir:      dir,
		Consumer: filepath.Join(dir, "conanfile.py"),
		Recipes:  filepath.Join(dir, "recipes"),
		Profile:  filepath.Join(dir, "profiles", "default"),
		Packages: len(pkgs),
	}
	for i, p := range pkgs {
		for vi, v := range p.versions {
			src := recipeSource(pkgs, i, vi, rng, o.Flavor, t)
			path := filepath.Join(t.Recipes, p.name, v, "_", "_", "conanfile.py")
			if err := writeFile(path, src); err != nil {
				return nil, err
			}
			t.Files++
		}
		if len(p.versions) > 1 {
			t.Versioned++
		}
		t.Refs = append(t.Refs, p.name+"/"+p.versions[len(p.versions)-1])
	}
	if err := writeFile(t.Consumer, consumerSource(pkgs)); err != nil {
		return nil, err
	}
	prof := defaultProfile
	if o.Flavor == "conan2" {
		// Conan 2 rejects the Conan 1 sections.
		prof = prof[:strings.Index(prof, "[build_requires]")]
	}
	if err := writeFile(t.Profile, prof); err != nil {
		return nil, err
	}
	return t, nil
}

const defaultProfile = `[settings]
os=Linux
arch=x86_64
compiler=gcc
compiler.version=11
compiler.libcxx=libstdc++11
build_type=Release
[options]
[build_requires]
[env]
`

func writeFile(path, content string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(content), 0o644)
}

// plan lays out the packages and their requirements.
func plan(rng *rand.Rand, o GenOptions) []*genPkg {
	n := o.Packages
	tools := 0
	if o.Shape == ShapeLayered && n >= 20 {
		tools = max(1, n/100)
	}
	libs := n - tools
	pkgs := make([]*genPkg, 0, n)
	width := func(layer int) int { return 0 }
	layers := 1
	switch o.Shape {
	case ShapeLayered:
		layers = min(10, max(1, libs/3))
		width = func(l int) int { return libs/layers + b2i(l < libs%layers) }
	case ShapeChain:
		layers = libs
		width = func(int) int { return 1 }
	case ShapeGrid:
		cols := 1
		for cols*cols < libs {
			cols++
		}
		layers = (libs + cols - 1) / cols
		width = func(l int) int { return min(cols, libs-l*cols) }
	case ShapeWide:
		width = func(int) int { return libs }
	}
	start := make([]int, layers+1)
	for l := 0; l < layers; l++ {
		start[l+1] = start[l] + width(l)
		for pos := 0; pos < width(l); pos++ {
			pkgs = append(pkgs, &genPkg{layer: l, pos: pos, extra: -1, private: -1, tool: -1})
		}
	}
	for i := 0; i < tools; i++ {
		pkgs = append(pkgs, &genPkg{layer: -1, pos: i, isTool: true, extra: -1, private: -1, tool: -1})
	}
	for i, p := range pkgs {
		if p.isTool {
			p.name = fmt.Sprintf("tool%04d", p.pos)
		} else {
			p.name = fmt.Sprintf("p%06d", i)
		}
		nv := 1 + rng.IntN(3)
		for v := 0; v < nv; v++ {
			patch := 0
			if v == nv-1 {
				patch = rng.IntN(4)
			}
			p.versions = append(p.versions, fmt.Sprintf("1.%d.%d", v, patch))
		}
		p.shared = rng.IntN(6) == 0
	}
	at := func(layer, pos int) int {
		w := start[layer+1] - start[layer]
		return start[layer] + min(max(pos, 0), w-1)
	}
	for i, p := range pkgs {
		if p.isTool || p.layer == 0 && o.Shape != ShapeGrid {
			continue
		}
		switch o.Shape {
		case ShapeChain:
			p.deps = []int{i - 1}
		case ShapeGrid:
			if p.layer > 0 {
				p.deps = append(p.deps, at(p.layer-1, p.pos))
			}
			if p.pos > 0 {
				p.deps = append(p.deps, i-1)
			}
		case ShapeLayered:
			want := 1 + rng.IntN(5)
			seen := map[int]bool{}
			for try := 0; len(p.deps) < want && try < 20; try++ {
				down := 1
				switch r := rng.IntN(10); {
				case r >= 9:
					down = 3
				case r >= 6:
					down = 2
				}
				l := max(0, p.layer-down)
				w := start[l+1] - start[l]
				centre := p.pos * w / max(1, width(p.layer))
				d := at(l, centre+rng.IntN(9)-4)
				if !seen[d] {
					seen[d] = true
					p.deps = append(p.deps, d)
				}
			}
		}
		sort.Ints(p.deps)
	}
	// Every package below the top must be required by someone: attach an
	// orphan to the nearest package of the layer above that has room.
	for _, p := range pkgs {
		for _, d := range p.deps {
			pkgs[d].hasUsers = true
		}
	}
	if o.Shape == ShapeLayered {
		for i, p := range pkgs {
			if p.isTool || p.hasUsers || p.layer == layers-1 {
				continue
			}
			l := p.layer + 1
			w := start[l+1] - start[l]
			centre := p.pos * w / max(1, width(p.layer))
			for off := 0; off < w; off++ {
				c := pkgs[at(l, centre+off)]
				if len(c.deps) < 5 {
					c.deps = append(c.deps, i)
					sort.Ints(c.deps)
					p.hasUsers = true
					break
				}
			}
		}
		for _, p := range pkgs {
			if p.isTool || len(p.deps) < 2 {
				continue
			}
			if rng.IntN(3) == 0 {
				p.extra = len(p.deps) - 1
			}
			// Private requirements duplicate the dependency's closure
			// in Conan 1 graphs, so they go to packages of the bottom
			// layer, as vendored helpers do.
			if pkgs[p.deps[0]].layer == 0 && rng.IntN(12) == 0 {
				p.private = 0
			}
			if tools > 0 && rng.IntN(8) == 0 {
				p.tool = libs + rng.IntN(tools)
			}
		}
	}
	return pkgs
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// refFor writes a requirement on package d: the exact latest version or
// a range that resolves to it, chosen at random.
func refFor(d *genPkg, rng *rand.Rand, t *Tree) string {
	latest := d.versions[len(d.versions)-1]
	var major, minor, patch int
	fmt.Sscanf(latest, "%d.%d.%d", &major, &minor, &patch)
	t.Requires++
	switch rng.IntN(6) {
	case 0:
		t.Ranges++
		return fmt.Sprintf("%s/[>=1.0 <2]", d.name)
	case 1:
		t.Ranges++
		return fmt.Sprintf("%s/[~1.%d]", d.name, minor)
	case 2:
		t.Ranges++
		return fmt.Sprintf("%s/[^1.%d]", d.name, minor)
	}
	return d.name + "/" + latest
}

func className(name string) string {
	return strings.ToUpper(name[:1]) + name[1:] + "Conan"
}

func recipeSource(pkgs []*genPkg, i, vi int, rng *rand.Rand, flavor string, t *Tree) string {
	p := pkgs[i]
	latest := vi == len(p.versions)-1
	var b strings.Builder
	fmt.Fprintf(&b, "from conan import ConanFile\n\n\nclass %s(ConanFile):\n", className(p.name))
	fmt.Fprintf(&b, "    name = %q\n    version = %q\n", p.name, p.versions[vi])
	fmt.Fprintf(&b, "    settings = \"os\", \"arch\", \"compiler\", \"build_type\"\n")
	if p.isTool {
		b.WriteString("    description = \"a generated build tool\"\n\n")
		b.WriteString("    def package_id(self):\n        del self.info.settings.compiler\n        del self.info.settings.build_type\n")
		return b.String()
	}
	b.WriteString(`    options = {"shared": [True, False], "fPIC": [True, False], "with_extra": [True, False]}` + "\n")
	b.WriteString(`    default_options = {"shared": False, "fPIC": True, "with_extra": True`)
	if latest {
		for _, d := range p.deps {
			if pkgs[d].shared {
				fmt.Fprintf(&b, `, "%s/*:shared": True`, pkgs[d].name)
			}
		}
	}
	b.WriteString("}\n\n")
	b.WriteString("    def config_options(self):\n        if self.settings.os == \"Windows\":\n            del self.options.fPIC\n\n")
	b.WriteString("    def configure(self):\n        if self.options.shared:\n            self.options.rm_safe(\"fPIC\")\n")
	if !latest || len(p.deps) == 0 && p.tool < 0 {
		return b.String()
	}
	if len(p.deps) > 0 {
		b.WriteString("\n    def requirements(self):\n")
		for k, d := range p.deps {
			r := refFor(pkgs[d], rng, t)
			switch {
			case k == p.extra:
				fmt.Fprintf(&b, "        if self.options.with_extra:\n            self.requires(%q)\n", r)
			case k == p.private && flavor != "conan2":
				t.Private++
				fmt.Fprintf(&b, "        self.requires(%q, private=True)\n", r)
			default:
				fmt.Fprintf(&b, "        self.requires(%q)\n", r)
			}
		}
	}
	if p.tool >= 0 {
		t.ToolReqs++
		fmt.Fprintf(&b, "\n    def build_requirements(self):\n        self.tool_requires(%q)\n", pkgs[p.tool].name+"/[>=1.0 <2]")
	}
	return b.String()
}

func consumerSource(pkgs []*genPkg) string {
	var b strings.Builder
	b.WriteString("from conan import ConanFile\n\n\nclass ConsumerConan(ConanFile):\n")
	b.WriteString("    settings = \"os\", \"arch\", \"compiler\", \"build_type\"\n")
	var shared []string
	b.WriteString("\n    def requirements(self):\n")
	n := 0
	for _, p := range pkgs {
		if p.isTool || p.hasUsers {
			continue
		}
		fmt.Fprintf(&b, "        self.requires(%q)\n", p.name+"/"+p.versions[len(p.versions)-1])
		// A consumer sets the options of a few of its requirements, not
		// of thousands.
		if p.shared && len(shared) < 8 {
			shared = append(shared, fmt.Sprintf("%q: True", p.name+"/*:shared"))
		}
		n++
	}
	if n == 0 {
		b.WriteString("        pass\n")
	}
	if len(shared) > 0 {
		return strings.Replace(b.String(), "\n\n    def requirements",
			"\n    default_options = {"+strings.Join(shared, ", ")+"}\n\n    def requirements", 1)
	}
	return b.String()
}
