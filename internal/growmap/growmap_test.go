package growmap

import "testing"

// TestGrow grows maps one insertion at a time under several hints: the
// entries are kept, and the hint is asked once, at the threshold.
func TestGrow(t *testing.T) {
	for _, hint := range []int{0, 2 * DefaultThreshold, 2*DefaultThreshold + 1, 100000} {
		m := map[int]int{}
		asked := 0
		grown := false
		for i := range 3 * DefaultThreshold {
			before := m
			m = Grow(m, func() int { asked++; return hint })
			if len(m) != i {
				t.Fatalf("hint %d: %d entries after Grow, want %d", hint, len(m), i)
			}
			if i > 0 && !sameMap(before, m) {
				grown = true
				if i != DefaultThreshold {
					t.Fatalf("hint %d: grown at %d entries", hint, i)
				}
			}
			m[i] = -i
		}
		for i := range 3 * DefaultThreshold {
			if m[i] != -i {
				t.Fatalf("hint %d: entry %d is %d", hint, i, m[i])
			}
		}
		if asked != 1 {
			t.Errorf("hint %d: asked %d times, want once", hint, asked)
		}
		if want := hint > 2*DefaultThreshold; grown != want {
			t.Errorf("hint %d: grown %v, want %v", hint, grown, want)
		}
	}
	if m := Grow(map[int]int(nil), nil); m != nil {
		t.Error("a nil map with no hint changed")
	}
}

// sameMap reports whether two maps are the same map: a write through one
// shows in the other.
func sameMap(a, b map[int]int) bool {
	const probe = -1 << 40
	a[probe] = 1
	_, ok := b[probe]
	delete(a, probe)
	return ok
}
