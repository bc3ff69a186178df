package syntax

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"testing"
	"unsafe"
)

// goldenCase is one line of testdata/golden.jsonl, made by
// testdata/gen_golden.py with CPython 3.11.
type goldenCase struct {
	Name string `json:"name"`
	Src  string `json:"src"` // bytes, one rune per byte (latin-1)
	Want string `json:"want"`
	Pos  string `json:"pos"` // Want with positions, for valid sources
}

func (c goldenCase) source() []byte {
	b := make([]byte, 0, len(c.Src))
	for _, r := range c.Src {
		b = append(b, byte(r))
	}
	return b
}

func loadGolden(t testing.TB) []goldenCase {
	f, err := os.Open("testdata/golden.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []goldenCase
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var c goldenCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

// knownErrorDeviations lists golden error cases where this parser reports
// the same failure as CPython with a different position or message.
var knownErrorDeviations = map[string]string{
	// By design: match statements are not supported.
	"err match statement":        "error: q.py:1:1: match statement is not supported",
	"err match statement parens": "error: q.py:1:1: match statement is not supported",
	// CPython raises ValueError without a position.
	"err null byte":           "error: q.py:1:6: source code cannot contain null bytes",
	"err null byte in string": "error: q.py:1:6: source code cannot contain null bytes",
	// By design: \N{...} needs the Unicode name table.
	"named escape":         "error: q.py:1:13: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: \\N{...} escapes are not supported",
	"fstring named escape": "error: q.py:1:18: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: \\N{...} escapes are not supported",
}

func TestGolden(t *testing.T) {
	for _, c := range loadGolden(t) {
		t.Run(c.Name, func(t *testing.T) {
			mod, err := Parse("q.py", c.source())
			var got string
			if err != nil {
				var perr *Error
				if !errors.As(err, &perr) {
					t.Fatalf("error of type %T, want *Error", err)
				}
				got = "error: " + err.Error()
			} else {
				got = Dump(mod)
			}
			want := c.Want
			if dev, ok := knownErrorDeviations[c.Name]; ok {
				want = dev
			}
			if got != want {
				t.Fatalf("source %q\n got: %s\nwant: %s", c.Src, got, want)
			}
			if c.Pos != "" && err == nil {
				if got := dumpWithPositions(mod); got != c.Pos {
					t.Errorf("source %q: positions differ\n%s", c.Src, firstDifference(c.Pos, got))
				}
			}
		})
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{Filename: "conanfile.py", Pos: Pos{3, 7}, Msg: "invalid syntax"}
	if got, want := e.Error(), "conanfile.py:3:7: invalid syntax"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDumpHelpers(t *testing.T) {
	mod, err := Parse("q.py", []byte("def f(a, *, b=1): pass\n"))
	if err != nil {
		t.Fatal(err)
	}
	fn := mod.Body[0].(*FunctionDef)
	if got, want := Dump(fn.Args), "arguments(posonlyargs=[], args=[arg(arg='a')], kwonlyargs=[arg(arg='b')], kw_defaults=[Constant(value=1)], defaults=[])"; got != want {
		t.Errorf("Dump(arguments) = %s, want %s", got, want)
	}
	if got, want := Dump(fn.Args.Args[0]), "arg(arg='a')"; got != want {
		t.Errorf("Dump(arg) = %s, want %s", got, want)
	}
	if got, want := Dump(fn.Body[0]), "Pass()"; got != want {
		t.Errorf("Dump(stmt) = %s, want %s", got, want)
	}
	if got, want := Dump(Add), "Add()"; got != want {
		t.Errorf("Dump(Add) = %s, want %s", got, want)
	}
}

func TestParseDoesNotModifyInput(t *testing.T) {
	buf := make([]byte, 5, 10)
	copy(buf, "x = 1")
	buf = append(buf, "XXXXX"...)[:5]
	if _, err := Parse("q.py", buf); err != nil {
		t.Fatal(err)
	}
	if got := string(buf[:10]); got != "x = 1XXXXX" {
		t.Errorf("input modified: %q", got)
	}
}

// TestConstantSize holds a Constant to Go's 48-byte size class: every
// literal of every recipe read is kept, and a field out of place makes
// each take 64.
func TestConstantSize(t *testing.T) {
	if s := unsafe.Sizeof(Constant{}); s > 48 {
		t.Errorf("a Constant takes %d bytes, want at most 48", s)
	}
}
