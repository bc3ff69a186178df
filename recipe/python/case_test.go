package python

import "testing"

// What CPython 3.11 answers for str.upper(), lower() and casefold().
// (x/text differs from CPython on a few precomposed Greek letters with
// diacritics, "ΐ" among them: CPython decomposes them; left alone.)
func TestStrFullCaseMapping(t *testing.T) {
	for _, c := range []struct{ s, upper, lower, fold string }{
		{"ß", "SS", "ß", "ss"},
		{"ŉ", "ʼN", "ŉ", "ʼn"},
		{"ﬁ", "FI", "ﬁ", "fi"},
		{"ΣΑΣ", "ΣΑΣ", "σας", "σασ"},
		{"ΣΑΣ ΟΔΟΣ", "ΣΑΣ ΟΔΟΣ", "σας οδος", "σασ οδοσ"},
		{"İ", "İ", "i̇", "i̇"},
		{"Straße", "STRASSE", "straße", "strasse"},
		{"ǅ", "Ǆ", "ǆ", "ǆ"},
		{"ABC", "ABC", "abc", "abc"},
		{"ﬀ x ß", "FF X SS", "ﬀ x ß", "ff x ss"},
	} {
		if got := pyUpper(c.s); got != c.upper {
			t.Errorf("%q.upper() = %q, want %q", c.s, got, c.upper)
		}
		if got := pyLower(c.s); got != c.lower {
			t.Errorf("%q.lower() = %q, want %q", c.s, got, c.lower)
		}
		if got := pyCasefold(c.s); got != c.fold {
			t.Errorf("%q.casefold() = %q, want %q", c.s, got, c.fold)
		}
	}
}
