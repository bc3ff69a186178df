package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conid/conid/explain"
	"github.com/conid/conid/memo"
)

var update = flag.Bool("update", false, "rewrite the golden files of explain scenarios")

// explainScenarios run conid explain / id explain / id diff on cases of
// the conformance corpora (whose values Conan 1.65 produced) and compare
// the text with testdata/explain/<name>.txt. Each scenario names the case,
// the command, and extra arguments (queries; for id diff, the left and
// right flags).
var explainScenarios = []struct {
	name, corpus, cas, cmd string
	extra                  []string
}{
	// Every precedence step alone and combined.
	{"recipe-default", "conan1", "033-options-precedence-recipe-default", "explain", nil},
	{"consumer-default", "conan1", "034-options-precedence-consumer-default-options", "explain", nil},
	{"profile-over-consumer", "conan1", "035-options-precedence-profile-over-consumer", "explain", nil},
	{"cli-over-profile", "conan1", "036-options-precedence-cli-over-profile", "explain", nil},
	{"profile-then-cli", "extra", "o018-options-profile-then-cli", "explain", nil},
	{"downstream-beats-intermediate", "conan1", "038-options-downstream-beats-intermediate", "explain", nil},
	{"intermediate-sets-upstream", "conan1", "039-options-intermediate-sets-upstream", "explain", nil},
	{"deep-propagation", "conan1", "064-options-deep-propagation", "explain", nil},
	{"consumer-own-option-cli", "conan1", "062-options-consumer-own-option-cli", "explain", nil},
	// Patterns.
	{"pattern-star-cli", "conan1", "040-options-pattern-star-cli", "explain", nil},
	{"pattern-profile-exact-wins", "conan1", "041-options-pattern-profile-exact-wins", "explain", nil},
	{"pattern-scoped-slash-star", "conan1", "052-options-scoped-slash-star", "explain", nil},
	{"pattern-profile", "extra", "o005-profile-option-pattern", "explain", nil},
	{"package-not-in-graph", "conan1", "061-options-package-not-in-graph", "explain", nil},
	// Conan 1's quirks.
	{"consumer-configure-sets-dep", "conan1", "047-options-consumer-configure-sets-dep-option", "explain", nil},
	{"configure-beats-cli", "conan1", "049-options-consumer-configure-vs-cli-reversed", "explain", []string{"zlib"}},
	{"intermediate-configure-vs-consumer", "conan1", "050-options-intermediate-configure-vs-consumer", "explain", nil},
	{"intermediate-configure-overrides-cli", "extra", "o008-intermediate-configure-overrides-cli", "explain", nil},
	{"two-consumers-disagree", "conan1", "043-options-diamond-conflicting-defaults", "explain", nil},
	{"two-consumers-resolved-downstream", "conan1", "046-options-diamond-conflict-resolved-downstream", "explain", nil},
	{"config-options-deletes-fpic", "conan1", "053-options-config-options-fpic-windows", "explain", []string{"*:fPIC", "*:shared"}},
	{"configure-deletes-fpic", "conan1", "057-options-configure-delete-fpic-when-shared", "explain", nil},
	{"rm-safe-options", "extra", "o012-rm-safe-options", "explain", nil},
	// Settings.
	{"settings-per-package-cli", "conan1", "009-settings-per-package-cli", "explain", nil},
	{"settings-undeclared", "conan1", "016-settings-undeclared-ignored-release", "explain", nil},
	{"settings-removed-for-id", "conan1", "126-pkgid-remove-info-settings", "explain", nil},
	{"settings-removed-in-package-id", "extra", "s012-settings-removed-in-package-id", "explain", nil},
	{"settings-clear-in-configure", "extra", "s013-settings-clear-in-configure", "explain", nil},
	{"settings-vs-runtime-computed", "extra", "s006-visual-studio-runtime-filled", "explain", nil},
	{"settings-compiler-change-drops-subsettings", "extra", "s015-compiler-change-drops-subsettings", "explain", nil},
	// Package IDs.
	{"id-per-requirement-mode", "extra", "p001-per-requirement-mode", "id explain", nil},
	{"id-full-package-mode", "extra", "p-full_package_mode", "id explain", nil},
	{"id-header-only", "extra", "p008-header-only-method", "id explain", nil},
	{"id-info-settings-assign", "extra", "p006-info-settings-assign", "id explain", nil},
	{"id-conan-conf-mode", "conan1", "133-pkgid-config-full-version-mode", "id explain", nil},
	{"id-diff-cli-option", "conan1", "036-options-precedence-cli-over-profile", "id diff", []string{"--", "--", "-s", "build_type=Debug", "-o", "zlib:shared=False"}},
}

func TestExplainGolden(t *testing.T) {
	for _, sc := range explainScenarios {
		sc := sc
		t.Run(sc.name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", "conformance", sc.corpus, "cases", sc.cas)
			spec, userHome := loadCase(t, dir)
			target := spec.Target
			var args []string
			switch sc.cmd {
			case "explain":
				args = append([]string{"explain", target, "--recipes", "recipes"}, spec.Args...)
				args = append(args, sc.extra...)
			case "id explain":
				args = append([]string{"id", "explain", target, "--recipes", "recipes"}, spec.Args...)
				args = append(args, sc.extra...)
			case "id diff":
				args = append([]string{"id", "diff", target, "--recipes", "recipes"}, spec.Args...)
				args = append(args, sc.extra...)
			}
			for _, p := range spec.Build {
				args = append(args, "--build="+p)
			}
			r := runConid(t, dir, userHome, args)
			if r.code != 0 && !spec.Error {
				t.Fatalf("%v: exit %d\n%s", args, r.code, r.stderr)
			}
			got := "$ conid " + strings.Join(args, " ") + "\n" + strings.ReplaceAll(r.stdout, userHome, "$CONAN_USER_HOME")
			if spec.Error {
				if r.code == 0 {
					t.Fatalf("%v succeeded; Conan fails", args)
				}
				got += fmt.Sprintf("[exit %d]\n%s", r.code, r.stderr)
			}
			golden := filepath.Join("..", "..", "testdata", "explain", sc.name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestExplainGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s:\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}

// explain with queries builds only what they select, then keeps the
// report of every package in the result cache for the next query. A
// query answered that way must equal the same query read back from the
// stored report (Report.Select), for every package of every explain
// scenario, whole and by option or setting, and for patterns.
func TestExplainQueriesSameAsStoredReport(t *testing.T) {
	for _, sc := range explainScenarios {
		if sc.cmd != "explain" {
			continue
		}
		sc := sc
		t.Run(sc.name, func(t *testing.T) {
			dir := filepath.Join("..", "..", "testdata", "conformance", sc.corpus, "cases", sc.cas)
			spec, userHome := loadCase(t, dir)
			base := append([]string{"explain", spec.Target, "--recipes", "recipes"}, spec.Args...)
			for _, p := range spec.Build {
				base = append(base, "--build="+p)
			}
			abs, _ := filepath.Abs(dir)
			explain1 := func(store *memo.Store, extra ...string) caseRun {
				var out, errb bytes.Buffer
				e := &env{stdout: &out, stderr: &errb, cwd: abs, memo: store, environ: []string{},
					getenv: func(k string) string { return map[string]string{"CONAN_USER_HOME": userHome}[k] }}
				code := run(append(append([]string{}, base...), extra...), e)
				return caseRun{code, out.String(), errb.String()}
			}
			whole := explain1(nil, "--json")
			var rep explain.Report
			if err := json.Unmarshal([]byte(whole.stdout), &rep); err != nil {
				t.Fatalf("%v\n%s", err, whole.stdout)
			}
			queries := [][]string{{"*:shared"}, {"no-such-package"}, {"*"}}
			for _, p := range rep.Packages {
				queries = append(queries, []string{p.Name})
				for _, o := range p.Options {
					queries = append(queries, []string{p.Name + ":" + o.Name})
				}
				for _, s := range p.Settings {
					queries = append(queries, []string{p.Name + ":" + s.Name, "*:fPIC"})
				}
			}
			store := &memo.Store{Dir: filepath.Join(t.TempDir(), "results")}
			explain1(store) // resolves, and stores the whole report
			for _, q := range queries {
				for _, format := range [][]string{{"--json"}, nil} {
					args := append(append([]string{}, format...), q...)
					fresh, stored := explain1(nil, args...), explain1(store, args...)
					if fresh != stored {
						t.Errorf("explain %v: resolved and built for the query:\n%+v\nread from the stored report:\n%+v", args, fresh, stored)
					}
				}
			}
		})
	}
}
