package recipe

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// downMap against a Go map: random batches of removals and sets, each
// applied to a version picked among the older ones, as the graph builder
// does (every node derives its map from its consumer's). Every version
// must keep its contents after later batches derived from it, and the
// hash is also made to collide, wholly or in part, so that collision lists
// and leaves pushed down a level are exercised too.
func TestDownMapPersistent(t *testing.T) {
	real := realDownHash
	defer func() { testDownHash = nil }()
	for _, h := range []struct {
		name string
		fn   func(string) uint64
	}{
		{"maphash", real},
		{"all collide", func(string) uint64 { return 42 }},
		{"low bits only", func(s string) uint64 { return real(s) & 0x3ff }},
		{"high bits only", func(s string) uint64 { return real(s) &^ (1<<62 - 1) }},
	} {
		testDownHash = h.fn
		t.Run(h.name, testDownMapPersistent)
	}
}

func testDownMapPersistent(t *testing.T) {
	for seed := uint64(1); seed <= 20; seed++ {
		rng := rand.New(rand.NewPCG(seed, seed))
		names := make([]string, 60)
		for i := range names {
			names[i] = fmt.Sprintf("pkg%d", i)
		}
		type version struct {
			m    downMap
			want map[string]*Requirement
		}
		versions := []version{{want: map[string]*Requirement{}}}
		for step := 0; step < 400; step++ {
			base := versions[rng.IntN(len(versions))]
			m := base.m
			want := map[string]*Requirement{}
			for k, v := range base.want {
				want[k] = v
			}
			edit := new(int)
			for op := rng.IntN(8); op >= 0; op-- {
				name := names[rng.IntN(len(names))]
				if rng.IntN(3) == 0 {
					m.remove(edit, name)
					delete(want, name)
				} else {
					r := &Requirement{}
					m.set(edit, name, r)
					want[name] = r
				}
			}
			versions = append(versions, version{m, want})
			check := []int{len(versions) - 1, rng.IntN(len(versions)), rng.IntN(len(versions))}
			if step%100 == 99 {
				check = check[:0]
				for i := range versions {
					check = append(check, i)
				}
			}
			for _, i := range check {
				v := versions[i]
				if v.m.size != len(v.want) {
					t.Fatalf("seed %d step %d: version %d has %d entries, want %d", seed, step, i, v.m.size, len(v.want))
				}
				for _, name := range names {
					got, ok := v.m.get(name)
					w, wok := v.want[name]
					if ok != wok || got != w {
						t.Fatalf("seed %d step %d: version %d get(%s) = %p %v, want %p %v", seed, step, i, name, got, ok, w, wok)
					}
				}
			}
		}
	}
}

// With every hash equal, the map is one collision list.
func TestDownMapCollisions(t *testing.T) {
	defer func() { testDownHash = nil }()
	testDownHash = func(string) uint64 { return 7 }
	var m downMap
	edit := new(int)
	r1, r2 := &Requirement{}, &Requirement{}
	m.set(edit, "a", r1)
	m.set(edit, "b", r2)
	old := m
	m.remove(new(int), "a")
	if got, ok := m.get("b"); !ok || got != r2 {
		t.Fatal("b lost")
	}
	if _, ok := m.get("a"); ok {
		t.Fatal("a kept")
	}
	if got, ok := old.get("a"); !ok || got != r1 {
		t.Fatal("the older version changed")
	}
}
