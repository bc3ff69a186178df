package pyjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// Dumps writes what Python 3's json.dumps writes (the expected texts were
// printed by it): ensure_ascii escapes everything outside " " to "~",
// characters beyond the BMP as surrogate pairs.
func TestDumpsLikePython(t *testing.T) {
	list := []any{"", "plain text", `q"uote`, `back\slash`, "nl\ncr\rtab\tbs\bff\f", "\x00\x01\x1f", "del\x7f", "é ü 中", "emoji 😀", "mixed \"é\"\n😀 end", "a/b: c=d"}
	var nested, empty, top Object
	nested.Set("k", []any{1, true, nil, "x"})
	nested.Set("e", []any{})
	top.Set("list", list)
	top.Set("nested", nested)
	top.Set("empty", empty)
	for _, c := range []struct {
		indent int
		want   string
	}{
		{1, "{\n \"list\": [\n  \"\",\n  \"plain text\",\n  \"q\\\"uote\",\n  \"back\\\\slash\",\n  \"nl\\ncr\\rtab\\tbs\\bff\\f\",\n  \"\\u0000\\u0001\\u001f\",\n  \"del\\u007f\",\n  \"\\u00e9 \\u00fc \\u4e2d\",\n  \"emoji \\ud83d\\ude00\",\n  \"mixed \\\"\\u00e9\\\"\\n\\ud83d\\ude00 end\",\n  \"a/b: c=d\"\n ],\n \"nested\": {\n  \"k\": [\n   1,\n   true,\n   null,\n   \"x\"\n  ],\n  \"e\": []\n },\n \"empty\": {}\n}"},
		{-1, "{\"list\": [\"\", \"plain text\", \"q\\\"uote\", \"back\\\\slash\", \"nl\\ncr\\rtab\\tbs\\bff\\f\", \"\\u0000\\u0001\\u001f\", \"del\\u007f\", \"\\u00e9 \\u00fc \\u4e2d\", \"emoji \\ud83d\\ude00\", \"mixed \\\"\\u00e9\\\"\\n\\ud83d\\ude00 end\", \"a/b: c=d\"], \"nested\": {\"k\": [1, true, null, \"x\"], \"e\": []}, \"empty\": {}}"},
	} {
		if got := Dumps(top, c.indent); got != c.want {
			t.Errorf("indent %d:\n got %q\nwant %q", c.indent, got, c.want)
		}
	}
	// Invalid UTF-8 reads as U+FFFD, as Go's range over a string does.
	if got := Dumps("a\xffb", -1); got != `"a\ufffdb"` {
		t.Errorf("invalid UTF-8: %s", got)
	}
	// Deep indentation, past the spaces written at once.
	var deep any = "x"
	for i := 0; i < 40; i++ {
		deep = []any{deep}
	}
	got := Dumps(deep, 1)
	if want := "\n" + strings.Repeat(" ", 40) + `"x"` + "\n" + strings.Repeat(" ", 39) + "]"; !strings.Contains(got, want) {
		t.Errorf("deep: %q", got)
	}
}

// Write streams the text Dumps returns, and a Text value written in
// pieces is the string of the pieces joined.
func TestWriteAndText(t *testing.T) {
	pieces := []string{"", "plain", `q"uote`, "\n", "é", "😀", "back\\slash", "\x01", strings.Repeat("long ", 30000)}
	var top Object
	top.Set("text", Text(func(w io.StringWriter) {
		for _, p := range pieces {
			w.WriteString(p)
		}
	}))
	top.Set("empty", Text(func(io.StringWriter) {}))
	top.Set("list", []any{1, "x", Text(func(w io.StringWriter) { w.WriteString("y") })})
	var want Object
	want.Set("text", strings.Join(pieces, ""))
	want.Set("empty", "")
	want.Set("list", []any{1, "x", "y"})
	for _, indent := range []int{-1, 1} {
		var buf bytes.Buffer
		if err := Write(&buf, top, indent); err != nil {
			t.Fatal(err)
		}
		if got, w := buf.String(), Dumps(want, indent); got != w {
			t.Errorf("indent %d: Write with Text differs from Dumps of the joined string:\n got %.200q\nwant %.200q", indent, got, w)
		}
		if got := Dumps(top, indent); got != buf.String() {
			t.Errorf("indent %d: Dumps and Write differ", indent)
		}
	}
	// The writer's error comes back.
	if err := Write(failWriter{}, want, 1); err == nil {
		t.Error("Write to a failing writer: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// A string value reads back as itself and is printable ASCII, whole or
// written as a Text in pieces split at any character boundary (what
// json.dumps with ensure_ascii guarantees; the exact escapes are held
// by TestDumpsLikePython).
func FuzzString(f *testing.F) {
	for _, s := range []string{"", "a=1\nb:c=d", `q"b\`, "é中😀", "\x00\x1f\x7f", "a\xffb"} {
		f.Add(s, uint8(3))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint8) {
		whole := Dumps(s, -1)
		for i := 0; i < len(whole); i++ {
			if whole[i] < 0x20 || whole[i] > 0x7e {
				t.Fatalf("byte %#x in %q", whole[i], whole)
			}
		}
		if utf8.ValidString(s) {
			var back string
			if err := json.Unmarshal([]byte(whole), &back); err != nil || back != s {
				t.Fatalf("%q reads back as %q (%v)", whole, back, err)
			}
		}
		var pieces []string
		for rest := s; rest != ""; {
			n := min(len(rest), int(cut%7)+1)
			for n < len(rest) && !utf8.RuneStart(rest[n]) {
				n++
			}
			pieces = append(pieces, rest[:n])
			rest = rest[n:]
		}
		text := Dumps(Text(func(w io.StringWriter) {
			for _, p := range pieces {
				w.WriteString(p)
			}
		}), -1)
		if text != whole {
			t.Fatalf("in pieces %q: %q, whole %q", pieces, text, whole)
		}
	})
}
