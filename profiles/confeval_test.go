package profiles

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// handUnsupported are the hand-written conf values (testdata/confeval/
// inputs.json) that conid deliberately refuses to evaluate, because
// Python's result depends on objects or features conid does not model.
var handUnsupported = map[string]bool{
	"1j": true, "1+2j": true, "1e3j": true, // complex numbers
	"'\\ud800'": true,                                         // lone surrogate
	"f'{1}'":    true, "f'{{}}'": true, "'\\N{BULLET}'": true, // f-string fields, \N{}
	"{1, 2}": true, "{'a'}": true, // sets print in hash order
	"exit": true, "quit": true, "help": true, "copyright": true, "license": true, "credits": true,
	"os": true, "six": true, "fnmatch": true, "Conf": true, "OrderedDict": true,
	"BUILT_IN_CONFS": true, "__file__": true, "__builtins__": true,
	"len(1)": true, "len([1])": true, "os.sep": true, "'a'.upper()": true,
	"1 is 1": true, "[] is []": true,
	"lambda: 1": true, "[x for x in y]": true, "(x for x in y)": true, "{x: 1 for x in y}": true,
	"*a": true, "x := 1": true, "await x": true, "yield": true,
	"(-8)**(1/3)": true, // a complex result
}

func TestConfEvaluation(t *testing.T) {
	var inputs []string
	data, err := os.ReadFile("testdata/confeval/inputs.json")
	must(t, err)
	must(t, json.Unmarshal(data, &inputs))
	hand := map[string]bool{}
	for _, in := range inputs {
		hand[in] = true
	}
	var cases []struct {
		In    string  `json:"in"`
		Out   *string `json:"out"`
		Error *string `json:"error"`
		Crash *string `json:"crash"`
	}
	data, err = os.ReadFile("testdata/confeval/cases.json")
	must(t, err)
	must(t, json.Unmarshal(data, &cases))
	unsupportedCount, compared := 0, 0
	for _, c := range cases {
		var conf Conf
		var err error
		// Conan's loads() splits the text into lines first.
		for _, line := range pySplitlines("user.a:b=" + c.In) {
			if err = conf.loadLine(line, true, Origin{}); err != nil {
				break
			}
		}
		var u *Error
		if err != nil && errors.As(err, &u) && strings.HasPrefix(u.Msg, "conid cannot evaluate") {
			unsupportedCount++
			if hand[c.In] && !handUnsupported[c.In] {
				t.Errorf("%q: unexpectedly unsupported: %v (Conan: %s)", c.In, err, show(c.Out, c.Error))
			}
			continue
		}
		if hand[c.In] && handUnsupported[c.In] {
			t.Errorf("%q: listed as unsupported but evaluated", c.In)
		}
		compared++
		switch {
		case c.Crash != nil:
			if err == nil {
				t.Errorf("%q: Conan crashes (%s), conid gives %q", c.In, *c.Crash, conf.Dumps())
			}
		case c.Error != nil:
			if err == nil || err.Error() != *c.Error {
				t.Errorf("%q: want error %q, got %v (%q)", c.In, *c.Error, err, conf.Dumps())
			}
		default:
			if err != nil {
				t.Errorf("%q: want %q, got error %v", c.In, *c.Out, err)
			} else if got := conf.Dumps(); got != *c.Out {
				t.Errorf("%q:\n got %q\nwant %q", c.In, got, *c.Out)
			}
		}
	}
	if unsupportedCount*10 > len(cases) {
		t.Errorf("too many unsupported values: %d of %d", unsupportedCount, len(cases))
	}
	t.Logf("%d values compared with Conan, %d refused as unsupported", compared, unsupportedCount)
}

func show(out, errMsg *string) string {
	if out != nil {
		return *out
	}
	if errMsg != nil {
		return "error " + *errMsg
	}
	return "crash"
}
