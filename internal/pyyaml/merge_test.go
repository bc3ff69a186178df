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

// Resolve's first-character filter changes no answer of the resolvers.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{"", "~", "null", "yes", "No", "on", "OFF", "010", "0x1F", "0b101", "-12", "+3", "1_000",
		"190:20:30", "10.10", ".5", "-.inf", ".NaN", "1e5", "1.0e+5", "https://x.org/a.tgz", "4b0fe8", "n", "o", "True", "t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k1, v1 := Resolve(s)
		k2, v2 := resolve(s)
		if k1 != k2 || v1 != v2 {
			t.Fatalf("%q: Resolve %v %q, every resolver %v %q", s, k1, v1, k2, v2)
		}
	})
}
