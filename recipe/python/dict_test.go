package python

import (
	"math/rand"
	"reflect"
	"slices"
	"testing"
)

// TestDictModel runs random sets, deletes and copies on a Dict and a
// plain model (ordered keys, Python's insertion order), through the scan
// and the indexed sizes and the compactions.
func TestDictModel(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for round := range 200 {
		d := NewDict()
		if round%2 == 1 {
			d = NewDictSize(rng.Intn(20))
		}
		var order []string
		vals := map[string]int64{}
		span := 3 + rng.Intn(40)
		for op := range 300 {
			k := string(rune('a' + rng.Intn(span)))
			switch r := rng.Intn(10); {
			case r < 6:
				if err := d.Set(k, int64(op)); err != nil {
					t.Fatal(err)
				}
				if _, ok := vals[k]; !ok {
					order = append(order, k)
				}
				vals[k] = int64(op)
			case r < 9:
				ok, err := d.Delete(k)
				if err != nil {
					t.Fatal(err)
				}
				_, want := vals[k]
				if ok != want {
					t.Fatalf("round %d op %d: Delete(%q) = %v, want %v", round, op, k, ok, want)
				}
				if want {
					delete(vals, k)
					order = slices.DeleteFunc(order, func(s string) bool { return s == k })
				}
			default:
				d = d.Copy()
			}
			if d.Len() != len(order) {
				t.Fatalf("round %d op %d: Len %d, want %d", round, op, d.Len(), len(order))
			}
			v, ok, _ := d.Get(k)
			if want, in := vals[k]; ok != in || (in && v != want) {
				t.Fatalf("round %d op %d: Get(%q) = %v %v, want %v %v", round, op, k, v, ok, want, in)
			}
		}
		keys, vs := d.Items()
		var wantKeys, wantVals []Value
		for _, k := range order {
			wantKeys = append(wantKeys, k)
			wantVals = append(wantVals, vals[k])
		}
		if !reflect.DeepEqual(keys, wantKeys) || !reflect.DeepEqual(vs, wantVals) {
			t.Fatalf("round %d: items %v %v, want %v %v", round, keys, vs, wantKeys, wantVals)
		}
	}
}

// TestDictKeysOfKinds checks that keys Python holds equal share an entry
// and that strings never meet other kinds' keys: strings spelled like
// another kind's encoding, or starting with the byte that marks them.
func TestDictKeysOfKinds(t *testing.T) {
	d := NewDict()
	keys := []Value{"", "n", "i1", "i0", "\xffi1", "\xffn", "\xff", "\xffs", "\xffsx", "x", None, true, false, int64(1), int64(0), int64(7),
		float64(7), 2.5, Tuple{"i1"}, Tuple{int64(1)}, Tuple{}, Ellipsis, "t()", "\xfft()"}
	// Python's equal keys: 1 == 1.0 == True, 0 == False, 7 == 7.0.
	same := map[int][]int{11: {13}, 12: {14}, 15: {16}}
	for i, k := range keys {
		if err := d.Set(k, int64(i)); err != nil {
			t.Fatal(err)
		}
	}
	for i, k := range keys {
		v, ok, err := d.Get(k)
		if err != nil || !ok {
			t.Fatalf("%q: %v %v", k, ok, err)
		}
		want := int64(i)
		for first, others := range same {
			if slices.Contains(others, i) || first == i {
				want = int64(others[len(others)-1])
			}
		}
		if v != want {
			t.Errorf("%#v: entry %v, want %v", k, v, want)
		}
	}
	if want := len(keys) - 3; d.Len() != want {
		t.Errorf("%d entries, want %d", d.Len(), want)
	}
	if v, ok := d.GetStr("\xffi1"); !ok || v != int64(4) {
		t.Errorf("GetStr of a string starting with 0xff: %v %v", v, ok)
	}
}
