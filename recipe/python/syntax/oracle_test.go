package syntax

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// oracleScript reads file names, one a line, and prints for each a line
// "OK <ast.dump>" or "ERR <message>", then with CONID_PY_POSITIONS=1 a
// second line: the dump with lineno and col_offset (end positions
// removed).
const oracleScript = `
import ast, os, sys
positions = os.environ.get("CONID_PY_POSITIONS") == "1"
out = sys.stdout
for line in sys.stdin:
    name = line.rstrip("\n")
    try:
        with open(name, "rb") as f:
            tree = ast.parse(f.read())
        out.write("OK " + ast.dump(tree) + "\n")
        if positions:
            for n in ast.walk(tree):
                for a in ("end_lineno", "end_col_offset"):
                    if hasattr(n, a):
                        delattr(n, a)
            out.write(ast.dump(tree, include_attributes=True) + "\n")
    except SyntaxError as e:
        out.write("ERR %s:%s:%s: %s\n" % (name, e.lineno, e.offset, e.msg))
        if positions:
            out.write("\n")
    except Exception as e:
        out.write("ERR %s: %s: %s\n" % (name, type(e).__name__, e))
        if positions:
            out.write("\n")
    out.flush()
`

// TestOracle compares Dump(Parse(f)) with CPython's ast.dump for every
// .py file under the directories in CONID_PY_CORPUS (separated by the
// OS's list separator). It runs only when CONID_PY_ORACLE=1; python3 (or
// $CONID_PYTHON) must be CPython 3.11. With CONID_PY_POSITIONS=1 it also
// compares node positions.
func TestOracle(t *testing.T) {
	if os.Getenv("CONID_PY_ORACLE") != "1" {
		t.Skip("set CONID_PY_ORACLE=1 and CONID_PY_CORPUS to run")
	}
	corpus := os.Getenv("CONID_PY_CORPUS")
	if corpus == "" {
		t.Fatal("CONID_PY_CORPUS is not set")
	}
	var files []string
	for _, dir := range filepath.SplitList(corpus) {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(path, ".py") {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	positions := os.Getenv("CONID_PY_POSITIONS") == "1"
	python := os.Getenv("CONID_PYTHON")
	if python == "" {
		python = "python3"
	}

	// Ask CPython, in a few parallel batches.
	workers := runtime.NumCPU()
	want := make([]string, len(files))
	wantPos := make([]string, len(files))
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		lo, hi := w*len(files)/workers, (w+1)*len(files)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(python, "-c", oracleScript)
			cmd.Stdin = strings.NewReader(strings.Join(files[lo:hi], "\n") + "\n")
			cmd.Stderr = os.Stderr
			if positions {
				cmd.Env = append(os.Environ(), "CONID_PY_POSITIONS=1")
			}
			out, err := cmd.Output()
			if err != nil {
				errs <- fmt.Errorf("%s: %v", python, err)
				return
			}
			sc := bufio.NewScanner(bytes.NewReader(out))
			sc.Buffer(nil, 1<<30)
			for i := lo; i < hi; i++ {
				if !sc.Scan() {
					errs <- fmt.Errorf("short output from %s", python)
					return
				}
				want[i] = sc.Text()
				if positions {
					sc.Scan()
					wantPos[i] = sc.Text()
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}

	match, mismatch, bothErr := 0, 0, 0
	for i, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		mod, perr := Parse(name, src)
		w := want[i]
		if strings.HasPrefix(w, "ERR ") {
			if perr != nil {
				bothErr++
				match++
				if got := "ERR " + perr.Error(); got != w {
					t.Logf("both fail, differently:\n  python: %s\n  go:     %s", w, got)
				}
				continue
			}
			mismatch++
			t.Errorf("%s: python fails but Parse succeeds: %s", name, w)
			continue
		}
		if perr != nil {
			mismatch++
			t.Errorf("%s: %v", name, perr)
			continue
		}
		got := "OK " + Dump(mod)
		if got != w {
			mismatch++
			t.Errorf("%s: dumps differ\n%s", name, firstDifference(w, got))
			continue
		}
		if positions {
			if gotPos := dumpWithPositions(mod); gotPos != wantPos[i] {
				mismatch++
				t.Errorf("%s: positions differ\n%s", name, firstDifference(wantPos[i], gotPos))
				continue
			}
		}
		match++
	}
	t.Logf("%d files compared, %d match (%d fail in both), %d differ", len(files), match, bothErr, mismatch)
}

// firstDifference shows where two long strings start to differ.
func firstDifference(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	lo := i - 150
	if lo < 0 {
		lo = 0
	}
	cut := func(s string) string {
		hi := i + 150
		if hi > len(s) {
			hi = len(s)
		}
		if lo > len(s) {
			return ""
		}
		return s[lo:hi]
	}
	return fmt.Sprintf("  python: …%s…\n  go:     …%s…", cut(want), cut(got))
}
