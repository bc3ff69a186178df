package pyyaml

import (
	"slices"

	"gopkg.in/yaml.v3"
)

// MergeSources are the mappings the value of a "<<" merge key names, in
// the order PyYAML merges them: a list's last mapping first, so that
// earlier ones win. Aliases are followed. bad is the first value that is
// not a mapping (a list is checked in order, as PyYAML does): v itself,
// or an element of the list; srcs is then nil.
func MergeSources(v *yaml.Node) (srcs []*yaml.Node, bad *yaml.Node) {
	v = follow(v)
	switch v.Kind {
	case yaml.MappingNode:
		return []*yaml.Node{v}, nil
	case yaml.SequenceNode:
		for _, e := range v.Content {
			if e = follow(e); e.Kind != yaml.MappingNode {
				return nil, e
			}
			srcs = append(srcs, e)
		}
		slices.Reverse(srcs)
		return srcs, nil
	}
	return nil, v
}

func follow(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}
