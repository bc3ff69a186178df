package recipe

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/conid/conid/internal/fsread"

	"github.com/conid/conid/internal/pyyaml"

	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/python/syntax"
	"github.com/conid/conid/recipe/ref"
	"gopkg.in/yaml.v3"
)

// Recipe is a loaded conanfile.py: its module and ConanFile subclass.
// It is shared by every node of a graph that uses the same file.
type Recipe struct {
	Path   string
	Source []byte
	Module *py.Module
	Class  *py.Class

	linesOnce sync.Once
	srcLines  []string
	// attrs are the class body's attribute assignments and their lines,
	// in order (attrLine); listed from the parsed module at load, or
	// from a parse on first use when the recipe was not loaded from one.
	attrOnce sync.Once
	attrs    []attrAt
	pyReqs   *pythonRequires // python_requires, nil without
}

func (r *Recipe) lines() []string {
	r.linesOnce.Do(func() { r.srcLines = strings.Split(string(r.Source), "\n") })
	return r.srcLines
}

// LoadError is a recipe that cannot be loaded.
type LoadError struct {
	Path string
	Err  error
}

func (e *LoadError) Error() string {
	return fmt.Sprintf("Error loading conanfile at '%s': %v", e.Path, e.Err)
}

func (e *LoadError) Unwrap() error { return e.Err }

// Loader loads recipes into one interpreter and creates conanfile
// instances from them. It is not safe for concurrent use.
type Loader struct {
	In *py.Interp
	// Output receives what recipes print through self.output and print().
	Output func(line string)

	// ResolvePyRequire finds python_requires; without it a recipe that
	// has them stops as unsupported.
	ResolvePyRequire PyRequireResolver

	// NoOptionLog leaves out the record of where each option value came
	// from (options.Options.Unlogged), which only explanations read.
	NoOptionLog bool

	cache   map[string]*Recipe
	loading map[string]bool // python_requires being loaded, for loops
	// pyReqObjs are the python_requires' recipe instances, by reference.
	pyReqObjs map[ref.Ref]*py.Instance
	// active is the conanfile whose method runs now (for Changes).
	active *Conanfile
}

// NewLoader returns a loader with the conans and conan modules registered.
func NewLoader() *Loader {
	l := &Loader{In: py.NewInterp(), cache: map[string]*Recipe{}}
	registerModules(l.In)
	l.In.Host = l
	l.In.Stdout = writerFunc(func(p []byte) {
		if l.Output != nil {
			for _, line := range strings.Split(strings.TrimSuffix(string(p), "\n"), "\n") {
				l.Output(line)
			}
		}
	})
	return l
}

type writerFunc func(p []byte)

func (w writerFunc) Write(p []byte) (int, error) { w(p); return len(p), nil }

// Load reads, parses and runs a conanfile.py (once per path).
func (l *Loader) Load(path string) (*Recipe, error) {
	if r, ok := l.cache[path]; ok {
		return r, nil
	}
	src, err := fsread.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &LoadError{Path: path, Err: fmt.Errorf("%s not found!", path)}
		}
		return nil, &LoadError{Path: path, Err: err}
	}
	return l.LoadRead(path, Files{Conanfile: src})
}

// LoadRead is Load for a caller that has read the conanfile (and maybe
// conandata.yml) already.
func (l *Loader) LoadRead(path string, f Files) (*Recipe, error) {
	if r, ok := l.cache[path]; ok {
		return r, nil
	}
	r, err := l.loadFiles(path, f)
	if err != nil {
		return nil, err
	}
	l.cache[path] = r
	return r, nil
}

// moduleNameReplacer makes a module name of a recipe's folder name.
var moduleNameReplacer = strings.NewReplacer("/", "_", ".", "_", "-", "_")

// LoadSource loads a recipe from its text; path names it in messages and
// locates conandata.yml.
func (l *Loader) LoadSource(path string, src []byte) (*Recipe, error) {
	return l.loadFiles(path, Files{Conanfile: src})
}

func (l *Loader) loadFiles(path string, f Files) (*Recipe, error) {
	src := f.Conanfile
	mod := f.Module
	if mod == nil || mod.Filename != path {
		var err error
		if mod, err = syntax.Parse(path, src); err != nil {
			return nil, &LoadError{Path: path, Err: err}
		}
	}
	r := &Recipe{Path: path, Source: src}
	l.In.AllowRead(filepath.Dir(path))
	name := "conanfile_" + moduleNameReplacer.Replace(filepath.Base(filepath.Dir(path)))
	l.In.PushLocalDir(filepath.Dir(path))
	m, err := l.In.ExecModule(name, mod)
	l.In.PopLocalDir()
	if err != nil {
		return nil, &LoadError{Path: path, Err: loadErr(path, err)}
	}
	r.Module = m
	if v, ok := m.Dict.Get("required_conan_version"); ok {
		if s, isStr := v.(string); isStr {
			if err := checkRequiredConanVersion(s); err != nil {
				return nil, &LoadError{Path: path, Err: err}
			}
		}
	}
	var found *py.Class
	for _, k := range m.Dict.Keys() {
		if strings.HasPrefix(k, "_") {
			continue
		}
		v, _ := m.Dict.Get(k)
		c, ok := v.(*py.Class)
		if !ok || c.Module != m.Name {
			continue
		}
		if c.IsSubclass(ConanFileClass) && c != ConanFileClass {
			if found != nil {
				return nil, &LoadError{Path: path, Err: fmt.Errorf("%s: More than 1 conanfile in the file", path)}
			}
			found = c
		}
	}
	if found == nil {
		return nil, &LoadError{Path: path, Err: fmt.Errorf("%s: No subclass of ConanFile", path)}
	}
	r.Class = found
	// The attribute lines come from the tree at hand rather than a
	// second parse; the tree itself is not kept.
	r.attrOnce.Do(func() { r.attrs = classAttrs(mod, found.Name) })
	if v, _, ok := found.Lookup("python_requires"); ok && v != py.None {
		if l.ResolvePyRequire == nil {
			return nil, &LoadError{Path: path, Err: &py.Unsupported{File: path, Pos: attrPos(mod, found.Name, "python_requires"),
				Construct: "python_requires outside a graph"}}
		}
		if l.loading == nil {
			l.loading = map[string]bool{}
		}
		if l.loading[path] {
			return nil, &LoadError{Path: path, Err: fmt.Errorf("python_requires loop through %s", path)}
		}
		l.loading[path] = true
		err := l.loadPythonRequires(r, found, v)
		delete(l.loading, path)
		if err != nil {
			return nil, &LoadError{Path: path, Err: err}
		}
	}
	// Conan sets these on the class when loading.
	found.Dict.Set("recipe_folder", filepath.Dir(path))
	var data py.Value
	if f.ConanDataRead {
		data, err = parseConanData(f.ConanData)
	} else {
		data, err = loadConanData(filepath.Join(filepath.Dir(path), "conandata.yml"))
	}
	if err != nil {
		return nil, &LoadError{Path: path, Err: err}
	}
	found.Dict.Set("conan_data", data)
	return r, nil
}

// attrPos finds where a class body assigns attr, for error messages.
func attrPos(mod *syntax.Module, class, attr string) syntax.Pos {
	for _, st := range mod.Body {
		c, ok := st.(*syntax.ClassDef)
		if !ok || c.Name != class {
			continue
		}
		for _, b := range c.Body {
			if a, ok := b.(*syntax.Assign); ok {
				for _, t := range a.Targets {
					if n, ok := t.(*syntax.Name); ok && n.ID == attr {
						return a.P
					}
				}
			}
		}
		return c.P
	}
	return syntax.Pos{Line: 1}
}

func loadErr(path string, err error) error {
	var exc *py.Exception
	if errors.As(err, &exc) {
		return fmt.Errorf("Unable to load conanfile in %s\n%s", path, exc.FormatTraceback())
	}
	return err
}

// loadConanData reads conandata.yml as Python values (None when absent).
func loadConanData(path string) (py.Value, error) {
	b, err := fsread.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return py.None, nil
	}
	if err != nil {
		return nil, err
	}
	return parseConanData(b)
}

// parseConanData is loadConanData with the file read (nil: absent).
func parseConanData(b []byte) (py.Value, error) {
	if b == nil {
		return py.None, nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("Invalid yml format at conandata.yml: %v", err)
	}
	if len(doc.Content) == 0 {
		return py.NewDict(), nil
	}
	v, err := newYAMLConverter().value(doc.Content[0], 0)
	if err != nil {
		return nil, fmt.Errorf("conandata.yml: %v", err)
	}
	if v == py.None {
		return py.NewDict(), nil
	}
	return v, nil
}

// parseYAMLText is yaml.safe_load of a string.
func parseYAMLText(text string) (py.Value, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return nil, py.NewException(py.ValueErrorClass, err.Error())
	}
	if len(doc.Content) == 0 {
		return py.None, nil
	}
	return newYAMLConverter().value(doc.Content[0], 0)
}

// yamlConverter converts YAML as PyYAML's safe_load does. Like PyYAML's
// constructor it makes one object per node: every alias of a list or a
// mapping, and every mapping that merges it, holds that same object (so a
// file of nested aliases costs its size, not what it would expand to).
type yamlConverter struct {
	done     map[*yaml.Node]py.Value
	busy     map[*yaml.Node]bool
	flat     map[*yaml.Node][][2]*yaml.Node
	work     int
	maxWork  int
	maxDepth int
}

func newYAMLConverter() *yamlConverter {
	return &yamlConverter{done: map[*yaml.Node]py.Value{}, busy: map[*yaml.Node]bool{},
		flat: map[*yaml.Node][][2]*yaml.Node{}, maxWork: 5_000_000, maxDepth: 200}
}

func (c *yamlConverter) spend(n *yaml.Node, depth, units int) error {
	c.work += units
	if depth > c.maxDepth || c.work > c.maxWork {
		return fmt.Errorf("line %d: nested too deep or too large (recursive alias?)", n.Line)
	}
	return nil
}

func (c *yamlConverter) value(n *yaml.Node, depth int) (py.Value, error) {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if v, ok := c.done[n]; ok {
		return v, nil
	}
	if c.busy[n] {
		return nil, fmt.Errorf("line %d: recursive alias", n.Line)
	}
	if err := c.spend(n, depth, 1); err != nil {
		return nil, err
	}
	var out py.Value
	switch n.Kind {
	case yaml.MappingNode:
		c.busy[n] = true
		pairs, err := c.flatten(n, depth)
		if err != nil {
			return nil, err
		}
		d := py.NewDict()
		for _, kv := range pairs {
			k, err := c.value(kv[0], depth+1)
			if err != nil {
				return nil, err
			}
			v, err := c.value(kv[1], depth+1)
			if err != nil {
				return nil, err
			}
			if err := d.Set(k, v); err != nil {
				return nil, err
			}
		}
		delete(c.busy, n)
		out = d
	case yaml.SequenceNode:
		c.busy[n] = true
		l := py.NewList()
		for _, e := range n.Content {
			v, err := c.value(e, depth+1)
			if err != nil {
				return nil, err
			}
			l.Items = append(l.Items, v)
		}
		delete(c.busy, n)
		out = l
	case yaml.ScalarNode:
		return yamlScalar(n), nil
	default:
		return py.None, nil
	}
	c.done[n] = out
	return out, nil
}

// flatten is PyYAML's flatten_mapping: the pairs of a mapping with its
// merge keys ("<<") replaced by the pairs they merge, put first (of a
// list of mappings, the last one's first), so that own keys, and then
// earlier mappings, win.
func (c *yamlConverter) flatten(n *yaml.Node, depth int) ([][2]*yaml.Node, error) {
	if pairs, ok := c.flat[n]; ok {
		return pairs, nil
	}
	if err := c.spend(n, depth, len(n.Content)/2); err != nil {
		return nil, err
	}
	var merge, own [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !(k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge") {
			own = append(own, [2]*yaml.Node{k, v})
			continue
		}
		for v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		srcs, bad := pyyaml.MergeSources(v)
		switch {
		case bad != nil && v.Kind != yaml.SequenceNode:
			return nil, fmt.Errorf("line %d: expected a mapping or list of mappings for merging, but found %s", v.Line, yamlKind(v))
		case bad != nil:
			return nil, fmt.Errorf("line %d: expected a mapping for merging, but found %s", bad.Line, yamlKind(bad))
		}
		for _, src := range srcs {
			if c.busy[src] {
				return nil, fmt.Errorf("line %d: recursive alias", src.Line)
			}
			c.busy[src] = true
			sub, err := c.flatten(src, depth+1)
			delete(c.busy, src)
			if err != nil {
				return nil, err
			}
			if err := c.spend(src, depth, len(sub)); err != nil {
				return nil, err
			}
			merge = append(merge, sub...)
		}
	}
	pairs := own
	if merge != nil {
		pairs = append(merge, own...)
	}
	c.flat[n] = pairs
	return pairs, nil
}

func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return "scalar"
	case yaml.SequenceNode:
		return "sequence"
	}
	return "mapping"
}

func yamlScalar(n *yaml.Node) py.Value {
	if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 || n.Tag == "!!str" && n.Style&yaml.TaggedStyle != 0 {
		return n.Value
	}
	kind, text := pyyaml.Resolve(n.Value)
	switch kind {
	case pyyaml.Null:
		return py.None
	case pyyaml.Bool:
		return text == "True"
	case pyyaml.Int:
		if i, err := strconv.ParseInt(text, 10, 64); err == nil {
			return i
		}
		return text
	case pyyaml.Float:
		if f, err := strconv.ParseFloat(text, 64); err == nil {
			return f
		}
	}
	return text
}

// Location is where a recipe is.
type Location struct {
	Path string
	// Revision is the recipe revision (the hash of its exported files).
	Revision string
	// Remote is the remote the recipe came from (Conan's
	// metadata.recipe.remote), and RemoteURL its URL; Downloaded is set
	// when it was fetched from there for this graph.
	Remote, RemoteURL string
	Downloaded        bool
	// Manifest is the conanmanifest.txt of a recipe in the Conan cache,
	// whose first line is its export time (see ManifestTime); "" when
	// there is none. Only conid info prints that time, so only it reads
	// the file.
	Manifest string
	// Files are what the source read of the recipe already, so that it
	// is not read twice.
	Files Files
}

// Files are the text of a recipe's files, as its source read them.
type Files struct {
	// Conanfile is the conanfile.py; nil when not read.
	Conanfile []byte
	// ConanData is the conandata.yml beside it (nil when absent); it is
	// used only when ConanDataRead says that the source looked.
	ConanData     []byte
	ConanDataRead bool
	// Module is the parsed conanfile, when the source parsed it (nil
	// when not).
	Module *syntax.Module
}

// ErrNotFound is wrapped by recipe sources when a recipe does not exist.
var ErrNotFound = errors.New("recipe not found")

// ManifestTime reads the export time of a manifest (its first line, a
// Unix time) as Conan's info prints it: "2006-01-02 15:04:05 UTC"; ""
// when the file cannot be read or its first line is not a time.
func ManifestTime(manifest string) string {
	b, err := fsread.ReadFile(manifest)
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(string(b), "\n")
	secs, err := strconv.ParseInt(strings.TrimSpace(line), 10, 64)
	if err != nil {
		return ""
	}
	return time.Unix(secs, 0).UTC().Format("2006-01-02 15:04:05") + " UTC"
}
