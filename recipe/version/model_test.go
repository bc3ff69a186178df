package version

import "testing"

// TestTextIsParseVersionString checks the shortcut against the parse it
// stands for, on ASCII and non-ASCII text.
func TestTextIsParseVersionString(t *testing.T) {
	for _, s := range []string{"", "1.2.3", " 1.2.3 ", "\t1.0-rc1+build\x1f", "1.0 ", "v1", "1..2", "１.２", "1.²", " 1.2\u00a0", "1.2\u2003"} {
		got, ok := Text(s)
		v, err := ParseVersion(s)
		want := s
		if err == nil {
			want = v.String()
		}
		if ok != (err == nil) || (ok && got != want) {
			t.Errorf("Text(%q) = %q, %v; ParseVersion gives %q, %v", s, got, ok, want, err)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"1.2.3", " 1.0 ", "１.２", "1.²"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := Text(s)
		v, err := ParseVersion(s)
		if ok != (err == nil) || (ok && got != v.String()) {
			t.Fatalf("Text(%q) = %q, %v; ParseVersion gives %q, %v", s, got, ok, v.String(), err)
		}
	})
}
