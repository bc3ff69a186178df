package pyyaml

import (
	"testing"

	"gopkg.in/yaml.v3"
)

func TestMergeSources(t *testing.T) {
	for _, c := range []struct {
		doc  string
		want string // the first key of each source, in merge order; or "bad:<line>"
	}{
		{"a: &a {x: 1}\nb: {<<: *a}\n", "x"},
		{"a: &a {x: 1}\nc: &c {y: 2}\nb: {<<: [*a, *c, {z: 3}]}\n", "zyx"},
		{"a: &a [1]\nb: {<<: *a}\n", "bad:1"}, // a list of scalars: its first element, line 1
		{"b: {<<: 3}\n", "bad:1"},
		{"a: &a {x: 1}\nb: {<<: [*a, 5, {z: 3}]}\n", "bad:2"},
	} {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(c.doc), &doc); err != nil {
			t.Fatal(err)
		}
		top := doc.Content[0]
		b := top.Content[len(top.Content)-1] // the last key's mapping
		srcs, bad := MergeSources(b.Content[1])
		got := ""
		if bad != nil {
			got = "bad:" + string(rune('0'+bad.Line))
		}
		for _, s := range srcs {
			got += s.Content[0].Value
		}
		if got != c.want {
			t.Errorf("%q: %s, want %s", c.doc, got, c.want)
		}
	}
}
