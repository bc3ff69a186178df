package settings

import (
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/conid/conid/internal/pyyaml"
	"github.com/zeebo/blake3"
	"gopkg.in/yaml.v3"
)

// defaultDef is the definition of Conan 1.65's default settings.yml
// (defaultRoot, in default_gen.go).
var defaultDef = &Definition{root: defaultRoot}

// Default returns the definition of Conan 1.65's default settings.yml.
func Default() *Definition { return defaultDef }

// defaultYAMLSize and defaultYAMLSum are the size and blake3 digest of the
// settings.yml Conan 1.65 writes in a new home
// (testdata/conan-1.65-settings.yml), which TestDefaultYAML parses.
const (
	defaultYAMLSize = 8184
	defaultYAMLSum  = "832f2ec5bf07ec0a9cc79d9c4a7c88991423b3fd01977152a5d24c200b9e8423"
)

// isDefaultYAML reports whether data is Conan 1.65's default settings.yml.
func isDefaultYAML(data []byte) bool {
	if len(data) != defaultYAMLSize {
		return false
	}
	sum := blake3.Sum256(data)
	return hex.EncodeToString(sum[:]) == defaultYAMLSum
}

// ParseYAML reads a settings.yml the way Conan 1.65 does (PyYAML's YAML
// 1.1 rules: unquoted 10.10 is the float 10.1, yes is True, 010 is 8; then
// Python's str() of each key and value). Errors name the file and line.
//
// The settings.yml Conan 1.65 writes in a new home is the default
// definition: it is recognized by its digest rather than parsed again
// (parsing it took 0.6 ms, a tenth of a small graph's lock create).
func ParseYAML(filename string, data []byte) (*Definition, error) {
	if isDefaultYAML(data) {
		return Default(), nil
	}
	return parseYAML(filename, data)
}

func parseYAML(filename string, data []byte) (*Definition, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: Invalid settings.yml format: %v", filename, err)
	}
	if len(doc.Content) == 0 {
		return &Definition{root: &fieldsDef{}}, nil
	}
	p := yamlParser{file: filename}
	root, err := p.fields(doc.Content[0], "settings", "")
	if err != nil {
		return nil, err
	}
	return &Definition{root: root}, nil
}

type yamlParser struct {
	file  string
	depth int
	// work counts the mappings, pairs and values read, aliases followed
	// each time: a small file whose aliases nest can stand for billions
	// of values, so reading stops at maxYAMLWork.
	work int
}

// maxYAMLDepth bounds nesting, which also stops self-referencing aliases.
const maxYAMLDepth = 64

// maxYAMLWork bounds the definition a settings.yml stands for. Conan
// 1.65's own counts about 1,200; a file that expands to a hundred
// thousand is an alias bomb, not settings.
const maxYAMLWork = 100_000

func (p *yamlParser) spend(n *yaml.Node, units int) error {
	p.work += units
	if p.depth > maxYAMLDepth || p.work > maxYAMLWork {
		return p.errorf(n, "nested too deep or too large (recursive alias?)")
	}
	return nil
}

func (p *yamlParser) errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: Invalid settings.yml format: %s", p.file, n.Line, fmt.Sprintf(format, args...))
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// mapPairs returns the key/value pairs of a mapping in order, applying
// "<<" merge keys as PyYAML does (merged keys first, own keys override
// them in place).
func (p *yamlParser) mapPairs(n *yaml.Node) ([][2]*yaml.Node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if err := p.spend(n, 1+len(n.Content)/2); err != nil {
		return nil, err
	}
	var merged, own [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolveAlias(n.Content[i+1])
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && k.Tag == "!!merge" {
			srcs, bad := pyyaml.MergeSources(v)
			if bad != nil {
				return nil, p.errorf(k, "merge of a non-mapping")
			}
			for _, src := range srcs {
				pairs, err := p.mapPairs(src)
				if err != nil {
					return nil, err
				}
				merged = mergePairs(merged, pairs)
			}
			continue
		}
		own = append(own, [2]*yaml.Node{k, v})
	}
	return mergePairs(merged, own), nil
}

// mergePairs is base with over's pairs replacing those of the same key in
// place, and the others appended.
func mergePairs(base, over [][2]*yaml.Node) [][2]*yaml.Node {
	out := append([][2]*yaml.Node(nil), base...)
	if len(base)+len(over) <= 16 { // small: scan
		for _, kv := range over {
			i := slices.IndexFunc(out, func(o [2]*yaml.Node) bool { return o[0].Value == kv[0].Value })
			if i >= 0 {
				out[i] = kv
			} else {
				out = append(out, kv)
			}
		}
		return out
	}
	at := make(map[string]int, len(out)+len(over))
	for i, kv := range out {
		if _, dup := at[kv[0].Value]; !dup {
			at[kv[0].Value] = i
		}
	}
	for _, kv := range over {
		if i, ok := at[kv[0].Value]; ok {
			out[i] = kv
			continue
		}
		at[kv[0].Value] = len(out)
		out = append(out, kv)
	}
	return out
}

func isNull(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func (p *yamlParser) fields(n *yaml.Node, name, parentValue string) (*fieldsDef, error) {
	n = resolveAlias(n)
	p.depth++
	defer func() { p.depth-- }()
	if err := p.spend(n, 1); err != nil {
		return nil, err
	}
	f := &fieldsDef{}
	if isNull(n) {
		return f, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.errorf(n, "'%s' must be a mapping of settings", name)
	}
	if parentValue == "None" && len(n.Content) > 0 {
		return nil, fmt.Errorf("%s:%d: settings.yml: None setting can't have subsettings", p.file, n.Line)
	}
	pairs, err := p.mapPairs(n)
	if err != nil {
		return nil, err
	}
	for _, kv := range pairs {
		k, err := p.scalar(kv[0])
		if err != nil {
			return nil, err
		}
		it, err := p.item(kv[1], name+"."+k)
		if err != nil {
			return nil, err
		}
		f.names = append(f.names, k)
		f.items = append(f.items, it)
	}
	return f, nil
}

func (p *yamlParser) item(n *yaml.Node, name string) (*itemDef, error) {
	n = resolveAlias(n)
	switch {
	case isNull(n):
		return nil, p.errorf(n, "'%s' has no values", name)
	case n.Kind == yaml.ScalarNode:
		s, err := p.scalar(n)
		if err != nil {
			return nil, err
		}
		if s == "ANY" {
			return &itemDef{any: true}, nil
		}
		// Conan iterates a string: each character becomes a value.
		if err := p.spend(n, len(s)); err != nil {
			return nil, err
		}
		d := &itemDef{}
		for _, r := range s {
			d.list = append(d.list, string(r))
		}
		return d, nil
	case n.Kind == yaml.SequenceNode:
		if err := p.spend(n, len(n.Content)); err != nil {
			return nil, err
		}
		d := &itemDef{list: []string{}}
		for _, c := range n.Content {
			s, err := p.scalar(resolveAlias(c))
			if err != nil {
				return nil, err
			}
			d.list = append(d.list, s)
		}
		return d, nil
	case n.Kind == yaml.MappingNode:
		pairs, err := p.mapPairs(n)
		if err != nil {
			return nil, err
		}
		d := &itemDef{isDict: true}
		for _, kv := range pairs {
			k, err := p.scalar(kv[0])
			if err != nil {
				return nil, err
			}
			sub, err := p.fields(kv[1], name, k)
			if err != nil {
				return nil, err
			}
			d.keys = append(d.keys, k)
			d.subs = append(d.subs, sub)
		}
		return d, nil
	}
	return nil, p.errorf(n, "unexpected node in '%s'", name)
}

func (p *yamlParser) scalar(n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", p.errorf(n, "expected a scalar value")
	}
	if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return n.Value, nil
	}
	if n.Tag != "" && n.Tag != "!" && !strings.HasPrefix(n.Tag, "!!") {
		return n.Value, nil
	}
	switch n.Tag {
	case "!!str", "!!binary":
		if n.Style&yaml.TaggedStyle != 0 {
			return n.Value, nil
		}
	}
	return pyyaml.Plain(n.Value), nil
}
