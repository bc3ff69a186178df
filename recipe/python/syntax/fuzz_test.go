package syntax

import (
	"errors"
	"testing"
)

// FuzzParse checks that Parse never panics, that its errors are *Error
// values with a position, and that the Dump of what parses is
// deterministic. It is seeded with the golden snippets; crashers found
// so far live in testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, c := range loadGolden(f) {
		f.Add(c.source())
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		mod, err := Parse("fuzz.py", src)
		if err != nil {
			var perr *Error
			if !errors.As(err, &perr) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if perr.Pos.Line < 1 || perr.Pos.Col < 0 || perr.Msg == "" {
				t.Fatalf("bad error: %q", perr.Error())
			}
			return
		}
		d1, p1 := Dump(mod), dumpWithPositions(mod)
		mod2, err := Parse("fuzz.py", src)
		if err != nil {
			t.Fatalf("second parse failed: %v", err)
		}
		if d2, p2 := Dump(mod2), dumpWithPositions(mod2); d1 != d2 || p1 != p2 {
			t.Fatalf("Dump is not deterministic:\n%s\n%s", d1, d2)
		}
	})
}
