package version

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// samePart fails unless plainRangePart, where it answers, gives exactly
// what node-semver's step-by-step desugaring gives.
func samePart(t *testing.T, s string, loose bool) (plain bool) {
	t.Helper()
	fast, ok := plainRangePart(s, loose)
	if !ok {
		return false
	}
	slow, err := desugarRangePart(s, loose)
	if err != nil {
		t.Fatalf("%q (loose %v): plain gives %v, desugaring fails: %v", s, loose, fast, err)
	}
	if len(fast) != len(slow) {
		t.Fatalf("%q (loose %v): plain %v, desugared %v", s, loose, fast, slow)
	}
	for i := range fast {
		f, w := fast[i], slow[i]
		if f.op != w.op || f.value != w.value || (f.sv == nil) != (w.sv == nil) ||
			f.sv != nil && (compareSemVer(f.sv, w.sv) != 0 || f.sv.version != w.sv.version) {
			t.Fatalf("%q (loose %v): comparator %d is %+v, desugared %+v", s, loose, i, f, w)
		}
	}
	return true
}

// TestPlainRangePart compares the shortcut with the desugaring over
// generated text: mostly plain words, with operators, numbers and spacing
// that must fall back.
func TestPlainRangePart(t *testing.T) {
	for _, s := range []string{">=1.0 <2", "1.2", ">1", "<=1.2", "=1.2.3", ">=1.x", "1.2.3 - 2",
		"> 1.0", "01.2", ">=1.0\t<2", "~1.2", "^1", ">=1.2.3.4", "=>1", "<<1", "1.2.3-pre",
		"^0.0.1", "^0.1", "~>1", "~1.2.3 <1.2.9", "^ 1.2", "~ 1", "^1.x", "~1.2.3-rc"} {
		samePart(t, s, true)
		samePart(t, s, false)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	ops := []string{"", "", ">=", "<", ">", "<=", "=", "^", "~", "~>", "==", "=>", "<>", "~=", "^=", "v", "!", "^^"}
	nums := []string{"0", "1", "2", "9", "10", "00", "01", "123456789012345678901234567890", "x", "*", ""}
	seps := []string{" ", " ", " ", "  ", "\t", " - ", "||"}
	plain := 0
	pick := func(list []string, clean int) string {
		// The first clean entries of a list are what plain text holds.
		return list[rng.IntN(clean)]
	}
	for range 20000 {
		var b strings.Builder
		clean := rng.IntN(2) == 0 // mostly plain, or anything
		cOps, cNums, cSeps := 10, 8, 4
		if !clean {
			cOps, cNums, cSeps = len(ops), len(nums), len(seps)
		}
		for w := range 1 + rng.IntN(3) {
			if w > 0 {
				b.WriteString(pick(seps, cSeps))
			}
			b.WriteString(pick(ops, cOps))
			for p := range 1 + rng.IntN(4) {
				if p > 0 {
					b.WriteByte('.')
				}
				b.WriteString(pick(nums, cNums))
			}
			if !clean && rng.IntN(20) == 0 {
				b.WriteString([]string{"-pre", "+b", "a", "."}[rng.IntN(4)])
			}
		}
		s := pyStrip(b.String())
		if samePart(t, s, rng.IntN(2) == 0) {
			plain++
		}
	}
	// The generator must exercise the shortcut, not only the fallback.
	if plain < 2000 {
		t.Fatalf("only %d of 20000 generated parts were plain", plain)
	}
}

// FuzzPlainRangePart: wherever the shortcut answers, it agrees with the
// desugaring. Inputs are kept to range-sized text: the desugaring takes
// milliseconds on kilobytes of digits, and minimizing such an input ran
// for the fuzzer's whole minute (seen as a stall of "0/sec" executions).
func FuzzPlainRangePart(f *testing.F) {
	for _, s := range []string{">=1.0 <2", "1.2", "<=0.0", "=1.2.3", ">99999999999999999999", "1 2 3"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, loose bool) {
		if len(s) > 200 {
			return
		}
		samePart(t, pyStrip(s), loose)
	})
}
