package pyyaml

import "testing"

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
