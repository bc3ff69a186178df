package recipe

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/conid/conid/recipe/ref"
)

// naiveUpdate is Requirements.Update on a map copied for every version,
// as Conan does it.
func naiveUpdate(rs *Requirements, down map[string]*Requirement, ownName, ownRef string) (map[string]*Requirement, []Warning) {
	out := map[string]*Requirement{}
	for k, v := range down {
		out[k] = v
	}
	delete(out, ownName)
	var warns []Warning
	for i, name := range rs.names.Strings() {
		req := rs.reqs[i]
		if req.Private {
			continue
		}
		if other, ok := down[name]; ok && other.Ref != req.Ref {
			warns = append(warns, Warning(fmt.Sprintf("%s: requirement %s overridden by %s to %s ", noneStr(ownRef), req.Ref.String(), "x", other.Ref.String())))
			req.Ref = other.Ref
		}
		out[name] = req
	}
	return out, warns
}

// The versions an expansion makes share one scope: a random depth-first
// expansion (nodes requiring random names, some private, at random
// versions so that downstream ones override) against maps copied for
// every version. Every version is read while it is the newest, while
// later ones are made from it (reading through them), and again after
// they are released; some versions are made from one below the newest,
// which copies.
func TestDownstreamScope(t *testing.T) {
	names := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	for seed := uint64(1); seed <= 300; seed++ {
		// The two sides get requirement sets made alike from one seed:
		// Update changes the requirements it overrides.
		mk := func() func() *Requirements {
			rng := rand.New(rand.NewPCG(seed, 99))
			return func() *Requirements {
				rs := NewRequirements()
				for range rng.IntN(4) {
					n := names[rng.IntN(len(names))]
					if _, ok := rs.Get(n); ok {
						continue
					}
					r := ref.Ref{Name: n, Version: fmt.Sprint(1 + rng.IntN(3))}
					if err := rs.AddRef(r, rng.IntN(5) == 0, false, "", 0); err != nil {
						t.Fatal(err)
					}
				}
				return rs
			}
		}
		gotReqs, wantReqs := mk(), mk()
		rng := rand.New(rand.NewPCG(seed, 7))
		type version struct {
			d    Downstream
			want map[string]*Requirement
		}
		check := func(what string, v version) {
			t.Helper()
			for _, n := range names {
				g, gok := v.d.Get(n)
				w, wok := v.want[n]
				if gok != wok || gok && g.Ref != w.Ref {
					t.Fatalf("seed %d, %s: Get(%s) = %v %v, want %v %v", seed, what, n, g, gok, w, wok)
				}
			}
			if v.d.Len() != len(v.want) {
				t.Fatalf("seed %d, %s: Len %d, want %d", seed, what, v.d.Len(), len(v.want))
			}
		}
		var stack []version
		nodes := 0
		var expand func(down version, own string, depth int)
		expand = func(down version, own string, depth int) {
			nodes++
			gr, wr := gotReqs(), wantReqs()
			d, gw, err := gr.Update(down.d, "own", own, "x", false)
			if err != nil {
				t.Fatal(err)
			}
			want, ww := naiveUpdate(wr, down.want, own, "own")
			if len(gw) != len(ww) {
				t.Fatalf("seed %d: warnings %q, want %q", seed, gw, ww)
			}
			v := version{d, want}
			check("new version", v)
			stack = append(stack, v)
			for range rng.IntN(4) {
				if depth > 6 || nodes > 60 {
					break
				}
				expand(v, names[rng.IntN(len(names))], depth+1)
				check("after a dependency", v)
				// Any version below reads through the newer ones.
				check("an older version", stack[rng.IntN(len(stack))])
			}
			if rng.IntN(6) == 0 && len(stack) > 1 {
				// A version made from one below the newest.
				old := stack[rng.IntN(len(stack)-1)]
				nodes++
				gr, wr := gotReqs(), wantReqs()
				d2, _, err := gr.Update(old.d, "own", "z", "x", false)
				if err != nil {
					t.Fatal(err)
				}
				want2, _ := naiveUpdate(wr, old.want, "z", "own")
				check("made from an older version", version{d2, want2})
				check("newest after a copy", v)
				d2.Release()
			}
			stack = stack[:len(stack)-1]
			d.Release()
			check("after release", down)
		}
		root := version{NoDownstream(), map[string]*Requirement{}}
		expand(root, "", 0)
		check("root at the end", root)
		if len(root.d.s.log) != 0 {
			t.Fatalf("seed %d: %d changes left in the log", seed, len(root.d.s.log))
		}
	}
}

// An override that is an error leaves the version it was made from as
// it was.
func TestDownstreamOverrideError(t *testing.T) {
	down := NoDownstream()
	cons := NewRequirements()
	cons.AddRef(ref.Ref{Name: "zlib", Version: "1.3"}, false, false, "", 0)
	d, _, err := cons.Update(down, "", "", "", true)
	if err != nil {
		t.Fatal(err)
	}
	pkg := NewRequirements()
	pkg.AddRef(ref.Ref{Name: "bzip2", Version: "1.0"}, false, false, "", 0)
	pkg.AddRef(ref.Ref{Name: "zlib", Version: "1.2"}, false, false, "", 0)
	if _, _, err := pkg.Update(d, "pkg/1.0", "pkg", "app", true); err == nil {
		t.Fatal("no override error")
	}
	if r, ok := d.Get("zlib"); !ok || r.Ref.Version != "1.3" || d.Len() != 1 || len(d.s.log) != 1 {
		t.Fatalf("the consumer's version changed: %v %v, %d entries, log %v", r, ok, d.Len(), d.s.log)
	}
	if _, ok := d.Get("bzip2"); ok {
		t.Fatal("bzip2 left behind")
	}
}

// Requirements against an ordered map kept by hand: random puts, pops,
// overrides and copies, past the count from which lookups go through an
// index, so that both ways of finding a name are exercised.
func TestRequirementsOrderedMap(t *testing.T) {
	names := make([]string, 40)
	for i := range names {
		names[i] = fmt.Sprintf("p%02d", i)
	}
	for seed := uint64(1); seed <= 200; seed++ {
		rng := rand.New(rand.NewPCG(seed, 11))
		rs := NewRequirements()
		var order []string
		want := map[string]*Requirement{}
		for range 200 {
			n := names[rng.IntN(len(names))]
			switch rng.IntN(5) {
			case 0:
				rs.Pop(n)
				if _, ok := want[n]; ok {
					delete(want, n)
					order = slices.DeleteFunc(order, func(x string) bool { return x == n })
				}
			case 1:
				rs = rs.Copy()
			default:
				r := &Requirement{Ref: ref.Ref{Name: n, Version: fmt.Sprint(rng.IntN(3))}}
				rs.Put(n, r)
				if _, ok := want[n]; !ok {
					order = append(order, n)
				}
				want[n] = r
			}
			if !slices.Equal(rs.Names(), order) || rs.Len() != len(order) {
				t.Fatalf("seed %d: names %v, want %v", seed, rs.Names(), order)
			}
			for _, n := range names {
				got, ok := rs.Get(n)
				if w, wok := want[n]; ok != wok || got != w {
					t.Fatalf("seed %d: Get(%s) = %v %v, want %v %v", seed, n, got, ok, w, wok)
				}
			}
			for i, r := range rs.Values() {
				if r != want[order[i]] {
					t.Fatalf("seed %d: Values()[%d] is not %s's", seed, i, order[i])
				}
			}
			if c := rs.Copy(); !c.Equal(rs) || !rs.Equal(c) {
				t.Fatalf("seed %d: a copy differs", seed)
			}
		}
	}
}

// A version used after its release (a bug in the caller) reads the
// newest requirements rather than failing.
func TestDownstreamReleasedVersion(t *testing.T) {
	rs := NewRequirements()
	rs.AddRef(ref.Ref{Name: "zlib", Version: "1.3"}, false, false, "", 0)
	root := NoDownstream()
	d, _, err := rs.Update(root, "", "", "", false)
	if err != nil {
		t.Fatal(err)
	}
	d.Release()
	if _, ok := d.Get("zlib"); ok || d.Len() != 0 {
		t.Fatal("a released version still holds its requirements")
	}
	if _, _, err := NewRequirements().Update(d, "a/1", "a", "", false); err != nil {
		t.Fatal(err)
	}
	d.Release()
}
