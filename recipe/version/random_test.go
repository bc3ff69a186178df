package version

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestOracleRandom replays random differential cases (token soup and
// grammar-built range expressions, random version strings) that
// testdata/oracle_gen.py ran through Conan. DIFF_JSON=<file> replays a
// larger ad-hoc set instead ("oracle_gen.py random SEED N FILE").
func TestOracleRandom(t *testing.T) {
	path := os.Getenv("DIFF_JSON")
	if path == "" {
		path = filepath.Join("testdata", "random.json")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Versions []string `json:"versions"`
		Rows     []struct {
			Expr      string   `json:"expr"`
			Error     string   `json:"error"`
			Desugared string   `json:"desugared"`
			Matches   string   `json:"matches"`
			Warnings  []string `json:"warnings"`
			List      []string `json:"list"`
			Output    []string `json:"output"`
			Best      *string  `json:"best"`
		} `json:"rows"`
		Model [][]any `json:"model"`
		Tools [][]any `json:"tools"`
		Scm   [][]any `json:"scm"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	fails := 0
	fail := func(format string, args ...any) {
		fails++
		if fails <= 40 {
			t.Errorf(format, args...)
		}
	}
	eqStrs := func(a, b []string) bool { return slices.Equal(a, b) || len(a)+len(b) == 0 }

	for _, row := range d.Rows {
		r, err := ParseRange(row.Expr)
		if row.Error != "" {
			if err == nil || err.Error() != row.Error {
				fail("[%q]: error %v, want %q", row.Expr, err, row.Error)
			}
			continue
		}
		if err != nil {
			fail("[%q]: unexpected error %v", row.Expr, err)
			continue
		}
		if r.Desugared() != row.Desugared || !eqStrs(r.Warnings(), row.Warnings) {
			fail("[%q]: desugared %q %q, want %q %q", row.Expr, r.Desugared(), r.Warnings(),
				row.Desugared, row.Warnings)
		}
		for i, v := range d.Versions {
			_, perr := parseSemVer(v, r.Loose())
			if (perr != nil) != (row.Matches[i] == '-') {
				fail("SemVer(%q, loose=%v): error %v, Python says %c", v, r.Loose(), perr, row.Matches[i])
			}
			if got := r.Match(v); got != (row.Matches[i] == '1') {
				fail("[%q] Match(%q) = %v", row.Expr, v, got)
			}
		}
		best, found, out, _ := Satisfying(row.List, row.Expr)
		if found != (row.Best != nil) || found && best != *row.Best || !eqStrs(out, row.Output) {
			fail("[%q] best of %q = %q %v %q, want %v %q", row.Expr, row.List, best, found, out,
				row.Best, row.Output)
		}
	}

	for _, m := range d.Model {
		a, b := m[0].(string), m[1].(string)
		va, errA := ParseVersion(a)
		vb, errB := ParseVersion(b)
		if want, ok := m[2].(string); ok {
			// __cmp__ reads other.as_list first, so b's error wins.
			err := errA
			if errB != nil {
				err = errB
			}
			if err == nil || "E:"+err.Error() != want {
				fail("model %q vs %q: error %v, want %s", a, b, err, want)
			}
			continue
		}
		if errA != nil || errB != nil {
			fail("model %q vs %q: %v %v", a, b, errA, errB)
			continue
		}
		got := []any{float64(Compare(va, vb)), va.Major(true), va.Minor(false), va.Pre(),
			va.Stable(), va.Compatible(vb)}
		if fmt.Sprint(got) != fmt.Sprint(m[2:]) {
			fail("model %q vs %q: got %v, want %v", a, b, got, m[2:])
		}
	}

	for _, m := range d.Tools {
		a, b := m[0].(string), m[1].(string)
		va, err := ParseToolsVersion(a)
		if len(m) == 3 {
			if err == nil || "E:"+err.Error() != m[2].(string) {
				fail("tools %q: error %v, want %s", a, err, m[2])
			}
			continue
		}
		if err != nil {
			fail("tools %q: %v", a, err)
			continue
		}
		var c any
		if ci, err := va.CompareString(b); err != nil {
			c = "E:" + err.Error()
		} else {
			c = float64(ci)
		}
		got := []any{va.String(), va.Prerelease(), va.Build(), c}
		if fmt.Sprint(got) != fmt.Sprint(m[2:]) {
			fail("tools %q vs %q: got %v, want %v", a, b, got, m[2:])
		}
	}

	for _, m := range d.Scm {
		a, b := ParseScmVersion(m[0].(string)), ParseScmVersion(m[1].(string))
		var bumps []any
		for _, idx := range []int{-2, 0, 1, 2} {
			r, err := a.Bump(idx)
			if err != nil {
				bumps = append(bumps, "E:"+err.(*Error).Type+":"+err.Error())
			} else {
				bumps = append(bumps, r.String())
			}
		}
		got := []any{a.Less(b), a.Equal(b), a.LessEqual(b), a.GreaterEqual(b), a.Greater(b), bumps}
		if fmt.Sprint(got) != fmt.Sprint(m[2:]) {
			fail("scm %q vs %q: got %v, want %v", m[0], m[1], got, m[2:])
		}
	}
	if fails > 0 {
		t.Errorf("%d failures", fails)
	}
	t.Logf("%d ranges x %d versions, %d model, %d tools, %d scm cases", len(d.Rows),
		len(d.Versions), len(d.Model), len(d.Tools), len(d.Scm))
}
