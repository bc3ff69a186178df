// Package growmap grows a map that may become large in one step.
//
// A Go map doubles as it grows, rehashing every entry each time: one
// that ends with n entries has rehashed about n and left as many behind.
// Making it for the most it may hold instead costs as much when it then
// stays small, since a Swiss table writes every group it is made with (a
// 131-package graph from a store of 100,000 packages took 12% longer).
// So a map starts small, and when it reaches a threshold of entries
// (4,096), which small uses never do, it is copied once into a map made
// for what a hint says it may hold.
package growmap

import "sync/atomic"

// DefaultThreshold is the size at which Grow looks at the hint.
const DefaultThreshold = 4096

// MaxHint bounds the size Grow makes a map for: a hint counts what a
// source holds, and a cache of many packages may serve a small graph.
const MaxHint = 1 << 17

var (
	threshold atomic.Int64
	disabled  atomic.Bool
)

func init() { threshold.Store(DefaultThreshold) }

// Due reports whether a map of n entries is at the threshold: a caller
// that makes a func value for the hint may check it first.
func Due(n int) bool { return int64(n) == threshold.Load() }

// Grow returns m, or, when m is at the threshold and hint (called then,
// once per map) says it may hold more than twice as many, a copy of m
// made for hint entries (at most MaxHint). Call it before each insertion.
func Grow[M ~map[K]V, K comparable, V any](m M, hint func() int) M {
	if !Due(len(m)) || hint == nil || disabled.Load() {
		return m
	}
	n := min(hint(), MaxHint)
	if int64(n) <= 2*threshold.Load() {
		return m
	}
	c := make(M, n)
	for k, v := range m {
		c[k] = v
	}
	return c
}

// SetForTest sets the threshold (0: the default) and turns Grow into the
// identity while disabled, for tests that compare results with and
// without it on small inputs. No map may be growing meanwhile.
func SetForTest(th int, off bool) {
	if th <= 0 {
		th = DefaultThreshold
	}
	threshold.Store(int64(th))
	disabled.Store(off)
}
