package version

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The tables in testdata were produced by testdata/oracle_gen.py from Conan
// 1.65.0 and python-node-semver 0.6.1; see that script.

func loadJSON(t testing.TB, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

type pyExc struct {
	Type string `json:"type"`
	Msg  string `json:"msg"`
}

func checkErr(t *testing.T, what string, err error, want *pyExc) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Errorf("%s: error %v is not *Error", what, err)
		return
	}
	if e.Type != want.Type || e.Msg != want.Msg {
		t.Errorf("%s: error %s(%q), want %s(%q)", what, e.Type, e.Msg, want.Type, want.Msg)
	}
}

func short(s string) string {
	if len(s) > 60 {
		return fmt.Sprintf("%s...(%d bytes)", s[:40], len(s))
	}
	return s
}

type rangeList struct {
	Kind     string   `json:"kind"` // "reversed", "ref_like" or "" (Versions given)
	Versions []string `json:"versions"`
	Best     *string  `json:"best"`
	Output   []string `json:"output"`
}

type rangeRow struct {
	Expr              string      `json:"expr"`
	Error             string      `json:"error"`
	ExprText          string      `json:"expr_text"`
	Loose             bool        `json:"loose"`
	IncludePrerelease bool        `json:"include_prerelease"`
	Warnings          []string    `json:"warnings"`
	Desugared         string      `json:"desugared"`
	Matches           string      `json:"matches"`
	BestAll           *string     `json:"best_all"`
	OutputAll         []string    `json:"output_all"`
	Lists             []rangeList `json:"lists"`
}

func TestOracleRanges(t *testing.T) {
	var data struct {
		Versions []string   `json:"versions"`
		Rows     []rangeRow `json:"rows"`
	}
	loadJSON(t, "ranges.json", &data)
	if len(data.Rows) < 500 {
		t.Fatalf("only %d rows", len(data.Rows))
	}
	checks := 0
	for _, row := range data.Rows {
		name := fmt.Sprintf("[%s]", short(row.Expr))
		r, err := ParseRange(row.Expr)
		if row.Error != "" {
			if err == nil {
				t.Errorf("%s: no error, want %q", name, short(row.Error))
			} else if err.Error() != row.Error {
				t.Errorf("%s: error %q, want %q", name, short(err.Error()), short(row.Error))
			}
			checks++
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected error %v", name, err)
			continue
		}
		if r.Expr() != row.ExprText || r.Loose() != row.Loose ||
			r.IncludePrerelease() != row.IncludePrerelease {
			t.Errorf("%s: text/loose/include_prerelease = %q/%v/%v, want %q/%v/%v", name,
				r.Expr(), r.Loose(), r.IncludePrerelease(), row.ExprText, row.Loose,
				row.IncludePrerelease)
		}
		if !slices.Equal(r.Warnings(), row.Warnings) {
			t.Errorf("%s: warnings %q, want %q", name, r.Warnings(), row.Warnings)
		}
		if r.Desugared() != row.Desugared {
			t.Errorf("%s: desugared %q, want %q", name, short(r.Desugared()), short(row.Desugared))
		}
		for i, v := range data.Versions {
			want := row.Matches[i]
			if want == '-' {
				if _, err := parseSemVer(v, r.Loose()); err == nil {
					t.Errorf("%s: %q parses, Python rejects it", name, v)
				}
				want = '0'
			}
			if got := r.Match(v); got != (want == '1') {
				t.Errorf("%s: Match(%q) = %v, want %c", name, v, got, want)
			}
			checks++
		}
		lists := append([]rangeList{{Versions: data.Versions, Best: row.BestAll,
			Output: row.OutputAll}}, row.Lists...)
		for _, l := range lists {
			switch l.Kind {
			case "reversed":
				l.Versions = slices.Clone(data.Versions)
				slices.Reverse(l.Versions)
			case "ref_like":
				l.Versions = nil
				for _, v := range data.Versions {
					if !strings.HasPrefix(v, "v") && !strings.HasPrefix(v, "=") {
						l.Versions = append(l.Versions, v)
					}
				}
			}
			if l.Kind != "" {
				l.Output = slices.Clone(row.Warnings)
				for _, v := range l.Versions {
					if row.Matches[slices.Index(data.Versions, v)] == '-' {
						l.Output = append(l.Output, "WARN: Version '"+v+"' is not semver, cannot be compared with a range")
					}
				}
			}
			best, found, out, err := Satisfying(l.Versions, row.Expr)
			if err != nil {
				t.Errorf("%s: Satisfying error %v", name, err)
				continue
			}
			if found != (l.Best != nil) || (found && best != *l.Best) {
				t.Errorf("%s: best of %q = %q/%v, want %v", name, l.Versions, best, found,
					l.Best)
			}
			if !slices.Equal(out, l.Output) && !(len(out) == 0 && len(l.Output) == 0) {
				t.Errorf("%s: output %q, want %q", name, out, l.Output)
			}
			checks++
		}
	}
	t.Logf("%d range rows, %d checks", len(data.Rows), checks)
}

type semverEntry struct {
	Input      string   `json:"input"`
	Loose      bool     `json:"loose"`
	Error      bool     `json:"error"`
	Version    string   `json:"version"`
	Major      string   `json:"major"`
	Minor      string   `json:"minor"`
	Patch      string   `json:"patch"`
	Prerelease []string `json:"prerelease"`
	PreIsNum   []bool   `json:"pre_is_num"`
	Build      []string `json:"build"`
	Micro      []string `json:"micro"`
}

func TestOracleNodeSemVerParse(t *testing.T) {
	var data struct {
		Entries []semverEntry `json:"entries"`
	}
	loadJSON(t, "semver.json", &data)
	for _, e := range data.Entries {
		name := fmt.Sprintf("SemVer(%q, loose=%v)", short(e.Input), e.Loose)
		v, err := parseSemVer(e.Input, e.Loose)
		if e.Error {
			if err == nil {
				t.Errorf("%s = %q, want ValueError", name, v.version)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		var pre []string
		var isNum []bool
		for _, id := range v.pre {
			pre = append(pre, id.s)
			isNum = append(isNum, id.isNum)
		}
		if v.version != e.Version || v.major != e.Major || v.minor != e.Minor ||
			v.patch != e.Patch || !slices.Equal(pre, e.Prerelease) ||
			!slices.Equal(isNum, e.PreIsNum) || !slices.Equal(v.build, e.Build) ||
			!slices.Equal(v.micro, e.Micro) {
			t.Errorf("%s = %q %s.%s.%s pre=%q%v build=%q micro=%q, want %q %s.%s.%s pre=%q%v build=%q micro=%q",
				name, v.version, v.major, v.minor, v.patch, pre, isNum, v.build, v.micro,
				e.Version, e.Major, e.Minor, e.Patch, e.Prerelease, e.PreIsNum, e.Build, e.Micro)
		}
	}
	t.Logf("%d SemVer parses", len(data.Entries))
}

type modelEntry struct {
	Input       string   `json:"input"`
	Error       *pyExc   `json:"error"`
	Str         string   `json:"str"`
	Items       []string `json:"items"`
	IsNum       []bool   `json:"is_num"`
	Major       string   `json:"major"`
	MajorNoFill string   `json:"major_nofill"`
	Minor       string   `json:"minor"`
	MinorNoFill string   `json:"minor_nofill"`
	Patch       string   `json:"patch"`
	Pre         string   `json:"pre"`
	Stable      string   `json:"stable"`
	Build       string   `json:"build"`
	Base        string   `json:"base"`
}

func cmpChar(c int) byte { return "<=>"[c+1] }

func TestOracleModelVersion(t *testing.T) {
	var data struct {
		Entries      []modelEntry `json:"entries"`
		CmpInputs    []string     `json:"cmp_inputs"`
		Cmp          []string     `json:"cmp"`
		CompatInputs []string     `json:"compat_inputs"`
		Compat       []string     `json:"compat"`
	}
	loadJSON(t, "model.json", &data)
	for _, e := range data.Entries {
		name := fmt.Sprintf("Version(%q)", short(e.Input))
		v, err := ParseVersion(e.Input)
		if e.Error != nil {
			checkErr(t, name, err, e.Error)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		items, isNum := v.Items()
		got := []string{v.String(), v.Major(true), v.Major(false), v.Minor(true), v.Minor(false),
			v.Patch(), v.Pre(), v.Stable(), v.Build(), v.Base()}
		want := []string{e.Str, e.Major, e.MajorNoFill, e.Minor, e.MinorNoFill, e.Patch, e.Pre,
			e.Stable, e.Build, e.Base}
		if !slices.Equal(got, want) || !slices.Equal(items, e.Items) || !slices.Equal(isNum, e.IsNum) {
			t.Errorf("%s:\n got %q %q %v\nwant %q %q %v", name, got, items, isNum, want, e.Items, e.IsNum)
		}
	}
	vs := make([]Version, len(data.CmpInputs))
	for i, s := range data.CmpInputs {
		vs[i] = MustParseVersion(s)
	}
	n := 0
	for i, a := range vs {
		for j, b := range vs {
			if got := cmpChar(Compare(a, b)); got != data.Cmp[i][j] {
				t.Errorf("Compare(%q, %q) = %c, want %c", a, b, got, data.Cmp[i][j])
			}
			n++
		}
	}
	for i, a := range data.CompatInputs {
		for j, b := range data.CompatInputs {
			got := MustParseVersion(a).Compatible(MustParseVersion(b))
			if got != (data.Compat[i][j] == '1') {
				t.Errorf("%q.compatible(%q) = %v", a, b, got)
			}
			n++
		}
	}
	t.Logf("%d entries, %d comparisons", len(data.Entries), n)
}

type toolsEntry struct {
	Input      string `json:"input"`
	Error      *pyExc `json:"error"`
	Str        string `json:"str"`
	Major      string `json:"major"`
	Minor      string `json:"minor"`
	Patch      string `json:"patch"`
	Prerelease string `json:"prerelease"`
	Build      string `json:"build"`
}

func TestOracleToolsVersion(t *testing.T) {
	var data struct {
		Entries   []toolsEntry `json:"entries"`
		CmpInputs []string     `json:"cmp_inputs"`
		Cmp       []string     `json:"cmp"`
		StrCmp    []struct {
			A     string `json:"a"`
			B     string `json:"b"`
			Cmp   string `json:"cmp"`
			Error *pyExc `json:"error"`
		} `json:"str_cmp"`
	}
	loadJSON(t, "tools.json", &data)
	for _, e := range data.Entries {
		name := fmt.Sprintf("tools.Version(%q)", short(e.Input))
		v, err := ParseToolsVersion(e.Input)
		if e.Error != nil {
			checkErr(t, name, err, e.Error)
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		got := []string{v.String(), v.Major(), v.Minor(), v.Patch(), v.Prerelease(), v.Build()}
		want := []string{e.Str, e.Major, e.Minor, e.Patch, e.Prerelease, e.Build}
		if !slices.Equal(got, want) {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	vs := make([]ToolsVersion, len(data.CmpInputs))
	for i, s := range data.CmpInputs {
		var err error
		if vs[i], err = ParseToolsVersion(s); err != nil {
			t.Fatal(err)
		}
	}
	for i, a := range vs {
		for j, b := range vs {
			if got := cmpChar(a.Compare(b)); got != data.Cmp[i][j] {
				t.Errorf("tools %q vs %q = %c, want %c", data.CmpInputs[i], data.CmpInputs[j], got,
					data.Cmp[i][j])
			}
		}
	}
	for _, c := range data.StrCmp {
		a, _ := ParseToolsVersion(c.A)
		got, err := a.CompareString(c.B)
		name := fmt.Sprintf("tools.Version(%q) vs %q", c.A, c.B)
		if c.Error != nil {
			checkErr(t, name, err, c.Error)
			continue
		}
		if err != nil || string(cmpChar(got)) != c.Cmp {
			t.Errorf("%s = %d %v, want %s", name, got, err, c.Cmp)
		}
	}
	t.Logf("%d entries, %d comparisons", len(data.Entries), len(vs)*len(vs)+len(data.StrCmp))
}

type scmEntry struct {
	Input string  `json:"input"`
	Str   string  `json:"str"`
	Main  [][]any `json:"main"`
	Pre   *string `json:"pre"`
	Build *string `json:"build"`
	Major []any   `json:"major"`
	Minor []any   `json:"minor"`
	Patch []any   `json:"patch"`
	Micro []any   `json:"micro"`
	Bumps map[string]struct {
		OK    *string `json:"ok"`
		Error *pyExc  `json:"error"`
	} `json:"bumps"`
}

func itemJSON(it Item, ok bool) string {
	if !ok {
		return "null"
	}
	return fmt.Sprintf("[%v,%q]", it.IsInt(), it.String())
}

func anyJSON(v []any) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprintf("[%v,%q]", v[0], v[1])
}

func optStr(v ScmVersion, ok bool) string {
	if !ok {
		return "<None>"
	}
	return v.String()
}

func ptrStr(p *string) string {
	if p == nil {
		return "<None>"
	}
	return *p
}

func TestOracleScmVersion(t *testing.T) {
	var data struct {
		Entries   []scmEntry `json:"entries"`
		CmpInputs []string   `json:"cmp_inputs"`
		Eq        []string   `json:"eq"`
		Lt        []string   `json:"lt"`
		Ops       []struct {
			A  string `json:"a"`
			B  string `json:"b"`
			Lt bool   `json:"lt"`
			Le bool   `json:"le"`
			Gt bool   `json:"gt"`
			Ge bool   `json:"ge"`
			Eq bool   `json:"eq"`
			Ne bool   `json:"ne"`
		} `json:"ops"`
	}
	loadJSON(t, "scm.json", &data)
	n := 0
	for _, e := range data.Entries {
		name := fmt.Sprintf("scm.Version(%q)", short(e.Input))
		v := ParseScmVersion(e.Input)
		var main, wantMain []string
		for _, it := range v.Main() {
			main = append(main, itemJSON(it, true))
		}
		for _, it := range e.Main {
			wantMain = append(wantMain, anyJSON(it))
		}
		pre, pok := v.Pre()
		bld, bok := v.Build()
		maj, ok0 := v.Major()
		mnr, ok1 := v.Minor()
		pat, ok2 := v.Patch()
		mic, ok3 := v.Micro()
		got := []string{v.String(), optStr(pre, pok), optStr(bld, bok), itemJSON(maj, ok0),
			itemJSON(mnr, ok1), itemJSON(pat, ok2), itemJSON(mic, ok3)}
		want := []string{e.Str, ptrStr(e.Pre), ptrStr(e.Build), anyJSON(e.Major), anyJSON(e.Minor),
			anyJSON(e.Patch), anyJSON(e.Micro)}
		if !slices.Equal(got, want) || !slices.Equal(main, wantMain) {
			t.Errorf("%s:\n got %q %q\nwant %q %q", name, got, main, want, wantMain)
		}
		for idx := -3; idx <= 3; idx++ {
			for _, op := range []string{"bump", "upper_bound"} {
				w, ok := e.Bumps[fmt.Sprintf("%s %d", op, idx)]
				if !ok {
					continue
				}
				var r ScmVersion
				var err error
				if op == "bump" {
					r, err = v.Bump(idx)
				} else {
					r, err = v.UpperBound(idx)
				}
				what := fmt.Sprintf("%s.%s(%d)", name, op, idx)
				if w.Error != nil {
					checkErr(t, what, err, w.Error)
				} else if err != nil || short(r.String()) != short(*w.OK) {
					t.Errorf("%s = %q %v, want %q", what, short(r.String()), err, short(*w.OK))
				}
				n++
			}
		}
	}
	vs := make([]ScmVersion, len(data.CmpInputs))
	for i, s := range data.CmpInputs {
		vs[i] = ParseScmVersion(s)
	}
	for i, a := range vs {
		for j, b := range vs {
			if got := a.Equal(b); got != (data.Eq[i][j] == '1') {
				t.Errorf("scm %q == %q: %v", data.CmpInputs[i], data.CmpInputs[j], got)
			}
			if got := a.Less(b); got != (data.Lt[i][j] == '1') {
				t.Errorf("scm %q < %q: %v", data.CmpInputs[i], data.CmpInputs[j], got)
			}
			n += 2
		}
	}
	for _, o := range data.Ops {
		a, b := ParseScmVersion(o.A), ParseScmVersion(o.B)
		got := []bool{a.Less(b), a.LessEqual(b), a.Greater(b), a.GreaterEqual(b), a.Equal(b), !a.Equal(b)}
		want := []bool{o.Lt, o.Le, o.Gt, o.Ge, o.Eq, o.Ne}
		if !slices.Equal(got, want) {
			t.Errorf("scm %q vs %q: lt,le,gt,ge,eq,ne = %v, want %v", o.A, o.B, got, want)
		}
		n += 6
	}
	t.Logf("%d entries, %d checks", len(data.Entries), n)
}

func TestOracleSort(t *testing.T) {
	var data struct {
		Cases []struct {
			Input []string `json:"input"`
			Perm  []int    `json:"perm"`
			Max   int      `json:"max"`
		} `json:"cases"`
		RefCases []struct {
			Refs [][4]*string `json:"refs"`
			Perm []int        `json:"perm"`
		} `json:"ref_cases"`
	}
	loadJSON(t, "sort.json", &data)
	for _, c := range data.Cases {
		want := make([]string, len(c.Perm))
		for i, j := range c.Perm {
			want[i] = c.Input[j]
		}
		got := slices.Clone(c.Input)
		if err := Sort(got); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Sort(%d items %q...):\n got %q\nwant %q", len(c.Input), c.Input[:min(5, len(c.Input))], got, want)
		}
		best, ok, err := Max(c.Input)
		if err != nil || ok != (c.Max >= 0) || (ok && best != c.Input[c.Max]) {
			t.Errorf("Max(%q) = %q %v %v, want index %d", c.Input, best, ok, err, c.Max)
		}
	}
	// References, sorted with ConanFileReference.__lt__ through SortFunc.
	type ref struct {
		name    string
		version Version
		user    string
		channel string
		index   int
	}
	refLess := func(a, b ref) bool {
		if a.name != b.name {
			return a.name < b.name
		}
		if c := Compare(a.version, b.version); c != 0 {
			return c == -1
		}
		if a.user != b.user {
			return a.user < b.user
		}
		return a.channel < b.channel
	}
	for _, c := range data.RefCases {
		refs := make([]ref, len(c.Refs))
		for i, r := range c.Refs {
			refs[i] = ref{name: *r[0], version: MustParseVersion(*r[1]), index: i}
			if r[2] != nil {
				refs[i].user, refs[i].channel = *r[2], *r[3]
			}
		}
		SortFunc(refs, refLess)
		for i, r := range refs {
			if r.index != c.Perm[i] {
				t.Errorf("refs %v: position %d holds %d, want %d", c.Refs, i, r.index, c.Perm[i])
				break
			}
		}
	}
	t.Logf("%d sort cases, %d reference sort cases", len(data.Cases), len(data.RefCases))
}
