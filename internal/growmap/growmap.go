// Package growmap grows a map that may become large in one step.
//
// A Go map doubles as it grows, rehashing every entry each time: one
// that ends with n entries has rehashed about n and left as many behind.
// Making it for the most it may hold instead costs as much when it then
// stays small, since a Swiss table writes every group it is made with (a
// 131-package graph from a store of 100,000 packages took 12% longer).
// So a map starts small, and when it reaches Threshold entries, which
// small uses never do, it is copied once into a map made for what a hint
// says it may hold.
package growmap

// Threshold is the size at which Grow looks at the hint.
const Threshold = 4096

// Grow returns m, or, when m holds exactly Threshold entries and hint
// (called then, once per map) says it may hold more than twice that, a
// copy of m made for hint entries. Call it before each insertion.
func Grow[M ~map[K]V, K comparable, V any](m M, hint func() int) M {
	if len(m) != Threshold || hint == nil {
		return m
	}
	n := hint()
	if n <= 2*Threshold {
		return m
	}
	c := make(M, n)
	for k, v := range m {
		c[k] = v
	}
	return c
}
