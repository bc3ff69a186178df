package syntax

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// diffScript reads JSON-encoded sources (latin-1 strings), one a line,
// and prints for each a JSON string: the ast.dump or "error: ...".
const diffScript = `
import ast, json, sys, warnings
warnings.simplefilter("ignore")
for line in sys.stdin:
    src = json.loads(line).encode("latin-1")
    try:
        r = ast.dump(ast.parse(src))
    except SyntaxError as e:
        r = "error: q.py:%s:%s: %s" % (e.lineno, e.offset, e.msg)
    except Exception as e:
        r = "error: %s: %s" % (type(e).__name__, e)
    sys.stdout.write(json.dumps(r) + "\n")
    sys.stdout.flush()
`

var mutationTokens = []string{
	"(", ")", "[", "]", "{", "}", ":", ",", ";", "=", "*", "**", "@", ".", "'", "\"", "\n", "\t", " ",
	"\\\n", "\\", "#", "f'", "b'", "r'", "u'", "rb'", "'''", "0", "1_0", "0x", "1.5e3", "j", "_", "+", "-",
	"<", ">", "!", "!=", "==", ":=", "->", "%", "&", "|", "^", "~", "//", "<<", "...",
	"if ", " else ", "elif ", "lambda ", "lambda: ", "yield ", "yield from ", "await ", "not ", " in ", " is ", " and ", " or ",
	"for ", " for x in y", "async ", "from ", "import ", "as ", "match ", "case ", "del ", "return ", "global ",
	"with ", "try:", "except ", "except* ", "finally:", "class ", "def ", "pass", "None", "True", "{x}", "{x!r}", "{x:>{y}}", "{x=}",
	"\n    ", "\n  ", "\n\t",
}

// mutate applies one to three random edits to src.
func mutate(r *rand.Rand, src []byte) []byte {
	out := append([]byte(nil), src...)
	for n := 1 + r.Intn(3); n > 0; n-- {
		if len(out) == 0 {
			out = append(out, mutationTokens[r.Intn(len(mutationTokens))]...)
			continue
		}
		i := r.Intn(len(out) + 1)
		switch r.Intn(5) {
		case 0: // delete a byte
			if i < len(out) {
				out = append(out[:i], out[i+1:]...)
			}
		case 1, 2: // insert a token
			tok := mutationTokens[r.Intn(len(mutationTokens))]
			out = append(out[:i], append([]byte(tok), out[i:]...)...)
		case 3: // delete a span
			j := i + r.Intn(8)
			if j > len(out) {
				j = len(out)
			}
			out = append(out[:i], out[j:]...)
		case 4: // duplicate a span
			j := i + r.Intn(12)
			if j > len(out) {
				j = len(out)
			}
			span := append([]byte(nil), out[i:j]...)
			k := r.Intn(len(out) + 1)
			out = append(out[:k], append(span, out[k:]...)...)
		}
	}
	return out
}

// TestDifferential compares Parse with CPython on random mutations of
// the golden snippets and of small windows of the corpus files (and on the
// inputs of a fuzzing corpus named by CONID_PY_DIFF_FUZZDIR). It runs only
// with CONID_PY_DIFF=N (the number of mutants); differences in error
// messages are counted (and logged with CONID_PY_DIFF_MSGS=1), differences
// in outcome or dump are failures.
func TestDifferential(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("CONID_PY_DIFF"))
	if n == 0 {
		t.Skip("set CONID_PY_DIFF to the number of mutants to run")
	}
	seed := int64(1)
	if s := os.Getenv("CONID_PY_DIFF_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	r := rand.New(rand.NewSource(seed))
	var bases [][]byte
	for _, c := range loadGolden(t) {
		bases = append(bases, c.source())
	}
	if corpus := os.Getenv("CONID_PY_CORPUS"); corpus != "" {
		for _, dir := range filepath.SplitList(corpus) {
			filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() && strings.HasSuffix(path, ".py") {
					if src, err := os.ReadFile(path); err == nil {
						lines := bytes.SplitAfter(src, []byte("\n"))
						for k := 0; k < 3 && len(lines) > 0; k++ {
							i := r.Intn(len(lines))
							j := i + 1 + r.Intn(15)
							if j > len(lines) {
								j = len(lines)
							}
							bases = append(bases, bytes.Join(lines[i:j], nil))
						}
					}
				}
				return nil
			})
		}
	}
	srcs := make([][]byte, n)
	for i := range srcs {
		srcs[i] = mutate(r, bases[r.Intn(len(bases))])
	}
	// CONID_PY_DIFF_FUZZDIR adds the inputs of a go test -fuzz corpus.
	if dir := os.Getenv("CONID_PY_DIFF_FUZZDIR"); dir != "" {
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.SplitN(string(b), "\n", 2)
			if len(lines) < 2 {
				continue
			}
			lit := strings.TrimSpace(lines[1])
			lit = strings.TrimSuffix(strings.TrimPrefix(lit, "[]byte("), ")")
			if src, err := strconv.Unquote(lit); err == nil {
				srcs = append(srcs, []byte(src))
			}
		}
		n = len(srcs)
	}
	var in bytes.Buffer
	for i := range srcs {
		runes := make([]rune, len(srcs[i]))
		for k, b := range srcs[i] {
			runes[k] = rune(b)
		}
		js, _ := json.Marshal(string(runes))
		in.Write(js)
		in.WriteByte('\n')
	}
	python := os.Getenv("CONID_PYTHON")
	if python == "" {
		python = "python3"
	}
	cmd := exec.Command(python, "-c", diffScript)
	cmd.Stdin = &in
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<30)
	outcome, dump, msg := 0, 0, 0
	for i := 0; sc.Scan(); i++ {
		var want string
		json.Unmarshal(sc.Bytes(), &want)
		mod, err := Parse("q.py", srcs[i])
		var got string
		if err != nil {
			got = "error: " + err.Error()
		} else {
			got = Dump(mod)
		}
		if got == want {
			continue
		}
		werr, gerr := strings.HasPrefix(want, "error: "), err != nil
		switch {
		case werr && gerr:
			msg++
			if os.Getenv("CONID_PY_DIFF_MSGS") != "" {
				t.Logf("message %q\n  python: %s\n  go:     %s", srcs[i], want, got)
			}
		case werr != gerr:
			// Known deviations: match statements and \N{...} escapes.
			if strings.Contains(want, "Match(") || bytes.Contains(srcs[i], []byte(`\N{`)) {
				continue
			}
			outcome++
			t.Errorf("outcome %q\n  python: %.300s\n  go:     %.300s", srcs[i], want, got)
		case !isASCII(srcs[i]):
			// Known deviation: identifiers are not NFKC-normalized.
			t.Logf("dump of non-ASCII source %q\n%s", srcs[i], firstDifference(want, got))
		default:
			dump++
			t.Errorf("dump %q\n%s", srcs[i], firstDifference(want, got))
		}
	}
	fmt.Printf("%d mutants: %d outcome differences, %d dump differences, %d message differences\n", n, outcome, dump, msg)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
