package python

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/conid/conid/recipe/python/syntax"
)

// TestEvalGolden runs the snippets of testdata/eval_golden.json, whose
// results CPython 3.11 produced (testdata/gen_eval.py), and compares the
// repr of `result`, or the exception raised.
func TestEvalGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/eval_golden.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Src, Result, Error, Message string
	}
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		mod, err := syntax.Parse("snippet.py", []byte(c.Src))
		if err != nil {
			t.Errorf("#%d parse: %v", i, err)
			continue
		}
		in := NewInterp()
		in.AllowRead("testdata")
		m, err := in.ExecModule("snippet", mod)
		if c.Error != "" {
			var exc *Exception
			if !errors.As(err, &exc) {
				t.Errorf("#%d: want %s: %s, got %v\n%s", i, c.Error, c.Message, err, c.Src)
				continue
			}
			if exc.Class().Name != c.Error || exc.Message() != c.Message {
				t.Errorf("#%d: got %s: %s, want %s: %s", i, exc.Class().Name, exc.Message(), c.Error, c.Message)
			}
			continue
		}
		if err != nil {
			t.Errorf("#%d: %v\n%s", i, err, c.Src)
			continue
		}
		v, _ := m.Dict.Get("result")
		got, err := in.Repr(v)
		if err != nil {
			t.Errorf("#%d repr: %v", i, err)
			continue
		}
		if got != c.Result {
			t.Errorf("#%d:\n got %s\nwant %s\n%s", i, got, c.Result, c.Src)
		}
	}
}
