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
