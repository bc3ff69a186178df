package options

import (
	"fmt"
	"iter"
	"maps"
	"math/rand"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

func decl(t *testing.T) *Options {
	t.Helper()
	p := NewPackageOptions([]Definition{{Name: "shared", Possible: []string{"True", "False"}}, {Name: "fPIC", Possible: []string{"True", "False"}}})
	o := New(p)
	if err := o.SetValues(ParseValues([]Entry{{Key: "shared", Value: "False", Origin: &Origin{Layer: LayerRecipeDefault}}, {Key: "fPIC", Value: "True"}})); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestPatternsThenExact(t *testing.T) {
	o := decl(t)
	down := map[string]*PackageValues{}
	star := NewPackageValues()
	star.Set("shared", V("True", &Origin{Layer: LayerCommandLine, Arg: 1, Key: "*:shared"}))
	star.Set("missing", V("1", &Origin{Layer: LayerCommandLine, Arg: 1, Key: "*:missing"}))
	down["*"] = star
	exact := NewPackageValues()
	exact.Set("shared", V("False", &Origin{Layer: LayerProfile, File: "p", Line: 3}))
	down["zlib"] = exact
	if err := o.PropagateUpstream(NewDown(down), "app/1.0", "zlib", "zlib/1.2.13"); err != nil {
		t.Fatal(err)
	}
	sh, _ := o.Pkg.Get("shared")
	if sh.String() != "False" {
		t.Errorf("exact value must win over the pattern: %s", sh)
	}
	// the pattern value for a missing option is ignored, and recorded
	var ignored bool
	for _, e := range o.Pkg.Log() {
		if e.Option == "missing" && e.Kind == Ignored {
			ignored = true
		}
	}
	if !ignored {
		t.Errorf("log lacks the ignored pattern: %+v", o.Pkg.Log())
	}
	// the exact value equals the default, so Conan records no assignment
	// and a second consumer may still change it...
	other := NewPackageValues()
	other.Set("fPIC", V("False", nil))
	if err := o.PropagateUpstream(NewDown(map[string]*PackageValues{"zlib": other}), "liba/1.0", "zlib", "zlib/1.2.13"); err != nil {
		t.Fatal(err)
	}
	// ...but changing an assigned value is a conflict
	third := NewPackageValues()
	third.Set("fPIC", V("True", nil))
	err := o.PropagateUpstream(NewDown(map[string]*PackageValues{"zlib": third}), "libb/1.0", "zlib", "zlib/1.2.13")
	if err == nil || !strings.Contains(err.Error(), "libb/1.0 tried to change zlib/1.2.13 option fPIC to True\nbut it was already assigned to False by liba/1.0") {
		t.Errorf("conflict: %v", err)
	}
}

func TestValuesDumps(t *testing.T) {
	v := ParseValues([]Entry{{Key: "zlib:shared", Value: "True"}, {Key: "b", Value: "1"}, {Key: "a", Value: "2"}, {Key: "bzip2/*:x", Value: "y"}})
	if got := v.Dumps(); got != "a=2\nb=1\nbzip2:x=y\nzlib:shared=True" {
		t.Errorf("dumps %q", got)
	}
	// A Dumper renders each package's lines once and reuses them;
	// values whose packages are cleared write their own lines only.
	var d Dumper
	for _, c := range []struct {
		v    *Values
		want string
	}{
		{v, "a=2\nb=1\nbzip2:x=y\nzlib:shared=True"},
		{ParseValues([]Entry{{Key: "c:z", Value: "1"}, {Key: "c:a", Value: "2"}}), "c:a=2\nc:z=1"},
		{v.CopyCleared(), "a=2\nb=1"},
		{NewValues(), ""},
		{ParseValues([]Entry{{Key: "zlib:x", Value: "1"}}), "zlib:x=1"},
		{v, "a=2\nb=1\nbzip2:x=y\nzlib:shared=True"},
	} {
		var b, b2 strings.Builder
		d.DumpsTo(&b, c.v)
		c.v.DumpsTo(&b2)
		if b.String() != c.want || b2.String() != c.want || c.v.Dumps() != c.want {
			t.Errorf("Dumper %q, DumpsTo %q, Dumps %q, want %q", b.String(), b2.String(), c.v.Dumps(), c.want)
		}
	}
}

func TestOptionEquality(t *testing.T) {
	o := decl(t)
	sh, _ := o.Pkg.Get("shared")
	if _, err := sh.Eq(strp("maybe")); err == nil {
		t.Error("comparing with an impossible value must fail")
	}
	if eq, _ := sh.Eq(strp("False")); !eq {
		t.Error("False == False")
	}
	if sh.Truth() {
		t.Error("False is falsy")
	}
	if !Truthy("ON") || Truthy("off") || Truthy("None") {
		t.Error("truthiness is case-insensitive")
	}
}

func strp(s string) *string { return &s }

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		name, pattern string
		want          bool
	}{{"zlib", "*", true}, {"zlib", "z*", true}, {"zlib", "Z*", false}, {"zlib", "z?ib", true}, {"zlib", "[xz]lib", true}, {"zlib", "[!z]lib", false}, {"", "*", true}} {
		if got := Match(tc.name, tc.pattern); got != tc.want {
			t.Errorf("Match(%q, %q) = %v", tc.name, tc.pattern, got)
		}
	}
}

// The snapshot Finish keeps for the build requirements holds what was
// there before the unused values were dropped, whatever the options do
// afterwards.
func TestDepsSnapshot(t *testing.T) {
	o := decl(t)
	up := NewValues()
	up.Own.Set("shared", V("True", nil))
	up.Pkg("zlib").Set("shared", V("False", nil))
	snap := o.Finish([]Final{{"openssl", up}}, slices.Values([]string{"zlib"}), true, &Scratch{})
	o.Dep("zlib").Set("shared", V("True", nil)) // copies the shared values
	o.Dep("bzip2").Set("shared", V("True", nil))
	for _, v := range []*Values{snap(), snap()} {
		if got := strings.Join(v.PkgNames(), ","); got != "openssl,zlib" {
			t.Errorf("snapshot packages %s, want openssl,zlib", got)
		}
		if z, _ := v.Lookup("zlib"); z == nil || z.Items()[0].Value.Str != "False" {
			t.Errorf("snapshot zlib: %v", z)
		}
	}
	if got := strings.Join(o.DepNames(), ","); got != "bzip2,zlib" {
		t.Errorf("after clearing: %s", got)
	}
	if z, _ := o.LookupDep("zlib"); z.Items()[0].Value.Str != "True" {
		t.Errorf("zlib after the change: %v", z.Items())
	}
	if z, _ := up.Lookup("zlib"); z.Items()[0].Value.Str != "False" {
		t.Error("the dependency's own values changed")
	}
}

// Values against a map model: lookups by scan and by index, removals,
// filtering, and the shared empty sets of CopyCleared.
func TestValuesPackages(t *testing.T) {
	v := NewValues()
	model := map[string]string{}
	var order []string
	set := func(name, val string) {
		if _, ok := model[name]; !ok {
			order = append(order, name)
		}
		model[name] = val
		v.Pkg(name).Set("shared", V(val, nil))
	}
	check := func(step string) {
		t.Helper()
		if v.Len() != len(model) {
			t.Fatalf("%s: %d packages, want %d", step, v.Len(), len(model))
		}
		for i, e := range v.pkgs {
			if e.Name != order[i] {
				t.Fatalf("%s: package %d is %s, want %s", step, i, e.Name, order[i])
			}
		}
		for name, val := range model {
			p, ok := v.Lookup(name)
			if !ok || p.Items()[0].Value.Str != val {
				t.Fatalf("%s: %s = %v, want %s", step, name, p, val)
			}
		}
		if _, ok := v.Lookup("absent"); ok {
			t.Fatalf("%s: absent package found", step)
		}
	}
	for i := 0; i < 20; i++ { // past scanMax: the index takes over
		set(fmt.Sprintf("p%02d", i), "True")
		check(fmt.Sprintf("add %d", i))
	}
	set("p03", "False")
	check("change")
	v.PopPkg("p05")
	delete(model, "p05")
	order = slices.DeleteFunc(order, func(s string) bool { return s == "p05" })
	check("pop")
	set("p05", "True")
	check("re-add")
	keep := map[string]bool{"p01": true, "p05": true, "p19": true}
	v.FilterUsed(keep)
	for n := range model {
		if !keep[n] {
			delete(model, n)
		}
	}
	order = slices.DeleteFunc(order, func(s string) bool { return !keep[s] })
	check("filter")

	c := v.CopyCleared()
	for _, e := range c.Packages() {
		if e.Values.Len() != 0 {
			t.Errorf("cleared %s has values", e.Name)
		}
	}
	c.Pkg("p01").Set("shared", V("True", nil))
	if p, _ := c.Lookup("p05"); p.Len() != 0 {
		t.Error("a write to one cleared package reached another")
	}
	if p, _ := v.Lookup("p01"); p.Items()[0].Value.Str != "True" || p.Len() != 1 {
		t.Error("the original changed")
	}
}

// depsModel is Conan's _propagate_options written plainly: values by
// name in first-seen order, replaced by each dependency's own values and
// (shared, not copied) those it holds, a copy for the build
// requirements, then the unused dropped.
type depsModel struct {
	order  []string
	vals   map[string]*PackageValues
	shared map[string]bool
}

func (m *depsModel) set(name string, v *PackageValues, shared bool) {
	if _, ok := m.vals[name]; !ok {
		m.order = append(m.order, name)
	}
	m.vals[name] = v
	m.shared[name] = m.shared[name] || shared
}

// Finish against the model on random dependencies: same values, order,
// sharing and snapshot.
func TestFinishMatchesModel(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	names := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"}
	var scratch Scratch
	for round := range 300 {
		var finals []Final
		for range rng.Intn(4) {
			f := Final{Name: names[rng.Intn(len(names))], Values: NewValues()}
			f.Values.Own.Set("x", V(strconv.Itoa(rng.Intn(3)), nil))
			for range rng.Intn(6) {
				f.Values.Pkg(names[rng.Intn(len(names))]).Set("y", V(strconv.Itoa(rng.Intn(3)), nil))
			}
			finals = append(finals, f)
		}
		used := map[string]bool{}
		for _, n := range names {
			if rng.Intn(3) > 0 {
				used[n] = true
			}
		}
		o := decl(t)
		m := depsModel{vals: map[string]*PackageValues{}, shared: map[string]bool{}}
		for _, n := range names[:rng.Intn(4)] { // values the package gave
			o.Dep(n).Set("z", V("1", nil))
			v, _ := o.LookupDep(n)
			m.set(n, v, false)
		}
		for _, f := range finals {
			m.set(f.Name, f.Values.Own, false)
			for _, e := range f.Values.pkgs {
				m.set(e.Name, e.Values, true)
			}
		}
		snap := o.Finish(finals, maps.Keys(used), true, &scratch)()

		if len(snap.PackagesView()) != len(m.order) {
			t.Fatalf("round %d: snapshot %v, want %v", round, snap.PkgNames(), m.order)
		}
		for i, e := range snap.PackagesView() {
			if e.Name != m.order[i] || e.Values != m.vals[m.order[i]] {
				t.Fatalf("round %d: snapshot package %d is %s, want %s (or other values)", round, i, e.Name, m.order[i])
			}
		}
		var kept []string
		for _, n := range m.order {
			if used[n] {
				kept = append(kept, n)
			}
		}
		got := o.SharedValues().PackagesView()
		if len(got) != len(kept) {
			t.Fatalf("round %d: %d packages kept, want %v", round, len(got), kept)
		}
		for i, e := range got {
			if e.Name != kept[i] || e.Values != m.vals[kept[i]] {
				t.Fatalf("round %d: package %d is %s, want %s (or other values)", round, i, e.Name, kept[i])
			}
		}
		// Shared values are copied by Dep, the package's own are not.
		for _, n := range kept {
			held, _ := o.LookupDep(n)
			if copied := o.Dep(n) != held; copied != m.shared[n] {
				t.Fatalf("round %d: %s copied %v, shared %v", round, n, copied, m.shared[n])
			}
		}
		if o.Finish(nil, nil, false, &scratch) != nil {
			t.Fatal("a snapshot made when none was asked for")
		}
	}
}

// Declared options are found, removed and listed alike in a short list
// (scanned) and a long one (searched by halves).
func TestDeclaredOptionsShortAndLong(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	for _, n := range []int{3, 16, 17, 90} {
		var defs []Definition
		for _, i := range rng.Perm(n) {
			defs = append(defs, Definition{Name: fmt.Sprintf("opt%03d", i), Possible: []string{"True", "False"}})
		}
		p := NewPackageOptions(defs)
		model := map[string]bool{}
		for _, d := range defs {
			model[d.Name] = true
		}
		for round := range 3 * n {
			name := fmt.Sprintf("opt%03d", rng.Intn(n+3))
			if p.Has(name) != model[name] {
				t.Fatalf("%d options, round %d: Has(%s) = %v", n, round, name, !model[name])
			}
			if _, err := p.Get(name); (err == nil) != model[name] {
				t.Fatalf("%d options, round %d: Get(%s): %v", n, round, name, err)
			}
			if rng.Intn(4) == 0 {
				p.Remove(nil, name)
				delete(model, name)
			}
		}
		var want []string
		for k := range model {
			want = append(want, k)
		}
		sort.Strings(want)
		if got := p.Fields(); !slices.Equal(got, want) {
			t.Fatalf("%d options: fields %v, want %v", n, got, want)
		}
	}
}

// Values a consumer hands down for a package this one holds nothing for
// are shared (passDown) rather than copied: whatever either side does
// afterwards, in any order, both end as they would with copies. The
// script of each round runs twice, sharing and copying, and compares the
// consumer's and the package's values, modification records, frozen
// states, logs and errors.
func TestPassDownIsCopy(t *testing.T) {
	names := []string{"a", "b", "c", "d", "e"}
	type world struct {
		cons, pkg *Options
		errs      []string
		finals    []Final
	}
	val := func(rng *rand.Rand) Value { return V(strconv.Itoa(rng.Intn(3)), nil) }
	// An unlogged world records nothing past what decl did and must
	// otherwise end the same.
	var unlogged bool
	newOpts := func() *Options {
		o := decl(t)
		if unlogged {
			o.Unlogged()
		}
		return o
	}
	run := func(seed int64, copying bool) world {
		copyPassed = copying
		defer func() { copyPassed = false }()
		rng := rand.New(rand.NewSource(seed))
		w := world{cons: newOpts(), pkg: newOpts()}
		note := func(err error) {
			if err != nil {
				w.errs = append(w.errs, err.Error())
			} else {
				w.errs = append(w.errs, "")
			}
		}
		for _, n := range names {
			if rng.Intn(2) == 0 {
				for range 1 + rng.Intn(2) {
					w.cons.Dep(n).Set([]string{"x", "y"}[rng.Intn(2)], val(rng))
				}
			}
		}
		for _, n := range names[:rng.Intn(3)] { // the package's own
			w.pkg.Dep(n).Set("x", val(rng))
		}
		note(w.pkg.PropagateUpstream(w.cons.DepsValues(), "cons/1.0", "pkg", "pkg/1.0"))
		for range rng.Intn(8) {
			n := names[rng.Intn(len(names))]
			switch rng.Intn(7) {
			case 0: // the consumer writes after handing down
				w.cons.Dep(n).Set("x", val(rng))
			case 1:
				w.pkg.Dep(n).Set("y", val(rng))
			case 2:
				w.pkg.Freeze()
			case 3:
				w.cons.Freeze()
			case 4: // another consumer, or this one again, hands down
				other := newOpts()
				other.Dep(n).Set("x", val(rng))
				note(w.pkg.PropagateUpstream(other.DepsValues(), "other/1.0", "pkg", "pkg/1.0"))
			case 5:
				note(w.pkg.PropagateUpstream(w.cons.DepsValues(), "cons/1.0", "pkg", "pkg/1.0"))
			case 6: // its dependencies are final: writes go where they went
				var finals []Final
				for range 1 + rng.Intn(2) {
					f := Final{Name: names[rng.Intn(len(names))], Values: NewValues()}
					f.Values.Own.Set("x", val(rng))
					f.Values.Pkg(names[rng.Intn(len(names))]).Set("y", val(rng))
					finals = append(finals, f)
				}
				used := map[string]bool{}
				for _, n := range names {
					used[n] = rng.Intn(4) > 0
				}
				var scratch Scratch
				w.pkg.Finish(finals, maps.Keys(used), false, &scratch)
				w.pkg.Dep(n).Set("z", val(rng))
				w.finals = append(w.finals, finals...)
			}
		}
		return w
	}
	withLogs := true
	state := func(o *Options) string {
		var b strings.Builder
		for _, n := range o.DepNames() {
			v := o.Dep(n) // the package's own: made if shared
			fmt.Fprintf(&b, "%s: %v modified %v frozen %v\n", n, v.items, v.modified, v.frozen.Load())
		}
		if withLogs {
			for _, e := range o.DepLog() {
				fmt.Fprintf(&b, "%+v\n", e)
			}
		}
		return b.String()
	}
	declLog := len(decl(t).Pkg.Log())
	shared := 0
	for seed := range int64(3000) {
		got, want := run(seed, false), run(seed, true)
		shared += len(got.pkg.pass)
		if g, w := fmt.Sprint(got.errs), fmt.Sprint(want.errs); g != w {
			t.Fatalf("seed %d: errors %s, copying gives %s", seed, g, w)
		}
		// The consumer first: reading the package makes its own copies.
		if g, w := state(got.cons), state(want.cons); g != w {
			t.Fatalf("seed %d: consumer\n%s\ncopying gives\n%s", seed, g, w)
		}
		if g, w := state(got.pkg), state(want.pkg); g != w {
			t.Fatalf("seed %d: package\n%s\ncopying gives\n%s", seed, g, w)
		}
		for i := range got.finals {
			show := func(v *Values) string {
				s := fmt.Sprint(v.Own.items)
				for _, e := range v.PackagesView() {
					s += fmt.Sprint(" ", e.Name, e.Values.items)
				}
				return s
			}
			if g, w := show(got.finals[i].Values), show(want.finals[i].Values); g != w {
				t.Fatalf("seed %d: final %d holds %s, copying gives %s", seed, i, g, w)
			}
		}
	}
	if shared == 0 {
		t.Fatal("nothing was shared")
	}
	// Unlogged: the same values, modification records, freezing and
	// errors, and no events.
	for seed := range int64(1000) {
		unlogged, withLogs = false, false
		want := run(seed, false)
		unlogged = true
		got := run(seed, seed%2 == 0)
		if g, w := fmt.Sprint(got.errs), fmt.Sprint(want.errs); g != w {
			t.Fatalf("seed %d: errors %s, logged %s", seed, g, w)
		}
		for _, o := range []*Options{got.cons, got.pkg} {
			if n := len(o.DepLog()) + len(o.Pkg.Log()); n != declLog {
				t.Fatalf("seed %d: unlogged options hold %d events, %d before Unlogged", seed, n, declLog)
			}
		}
		if g, w := state(got.cons)+state(got.pkg), state(want.cons)+state(want.pkg); g != w {
			t.Fatalf("seed %d: unlogged\n%s\nlogged\n%s", seed, g, w)
		}
	}
}

// A package handed values down by more consumers than a mark can name
// copies what the rest hand down, as if not shared.
func TestPassDownManyConsumers(t *testing.T) {
	run := func(copying bool) (*Options, int) {
		copyPassed = copying
		defer func() { copyPassed = false }()
		pkg := decl(t)
		for i := range 140 {
			cons := decl(t)
			cons.Dep(fmt.Sprintf("dep%03d", i)).Set("x", V(strconv.Itoa(i%3), nil))
			if err := pkg.PropagateUpstream(cons.DepsValues(), fmt.Sprintf("cons%03d/1.0", i), "pkg", "pkg/1.0"); err != nil {
				t.Fatal(err)
			}
		}
		shared := 0
		for _, m := range pkg.pass {
			if m.on() {
				shared++
			}
		}
		pkg.Freeze()
		return pkg, shared
	}
	got, shared := run(false)
	want, _ := run(true)
	if shared != int(passFrozen-1) {
		t.Errorf("%d entries shared, want %d", shared, passFrozen-1)
	}
	for _, n := range want.DepNames() {
		g, w := got.Dep(n), want.Dep(n)
		if fmt.Sprint(g.items, g.modified, g.frozen.Load()) != fmt.Sprint(w.items, w.modified, w.frozen.Load()) {
			t.Fatalf("%s: %v %v, copying gives %v %v", n, g.items, g.modified, w.items, w.modified)
		}
	}
}

// Finishing a package freezes only the value sets it owns: not its
// dependencies' final ones, nor what a consumer handed down to one of
// them, which stays the consumer's to change until it finishes.
func TestFinishFreezesOnlyOwnSets(t *testing.T) {
	cons, dep, pkg := decl(t), decl(t), decl(t)
	cons.Dep("zlib").Set("shared", V("True", nil))
	if err := dep.PropagateUpstream(cons.DepsValues(), "cons/1.0", "dep", "dep/1.0"); err != nil {
		t.Fatal(err)
	}
	var scratch Scratch
	used := func(names ...string) iter.Seq[string] { return slices.Values(names) }
	dep.Finish(nil, used("zlib"), false, &scratch)
	pkg.Finish([]Final{{Name: "dep", Values: dep.SharedValues()}}, used("dep", "zlib"), false, &scratch)
	// The consumer, not finished, is handed a different value again.
	other := decl(t)
	other.Dep("zlib").Set("shared", V("False", nil))
	if err := cons.PropagateUpstream(other.DepsValues(), "other/1.0", "cons", "cons/1.0"); err != nil {
		t.Fatalf("the consumer's values were frozen by a package that shares them: %v", err)
	}
	if v, _ := cons.Dep("zlib").Get("shared"); v.Str != "False" {
		t.Errorf("consumer's zlib:shared = %s", v.Str)
	}
	if v, _ := dep.Dep("zlib").Get("shared"); v.Str != "True" {
		t.Errorf("the dependency's zlib:shared = %s, want what it was handed then", v.Str)
	}
}

// Writing to a package's final values (info.full_options) changes copies:
// the package's own sets, which its consumers share, stay as they are.
func TestSharedValuesWriteCopies(t *testing.T) {
	o := decl(t)
	o.Dep("zlib").Set("shared", V("True", nil))
	o.Dep("bzip2").Set("shared", V("True", nil))
	full := o.SharedValues()
	full.Pkg("zlib").Set("shared", V("False", nil))
	if v, _ := o.Dep("zlib").Get("shared"); v.Str != "True" {
		t.Errorf("the package's zlib:shared = %s after a write to its final values", v.Str)
	}
	if v, _ := full.Pkg("zlib").Get("shared"); v.Str != "False" {
		t.Errorf("final values' zlib:shared = %s", v.Str)
	}
	if v, _ := full.Pkg("bzip2").Get("shared"); v.Str != "True" {
		t.Errorf("final values' bzip2:shared = %s", v.Str)
	}
	// So does writing to what Finish keeps for the build requirements.
	var scratch Scratch
	snap := o.Finish(nil, slices.Values([]string{"zlib", "bzip2"}), true, &scratch)()
	snap.Pkg("bzip2").Set("shared", V("False", nil))
	if v, _ := o.Dep("bzip2").Get("shared"); v.Str != "True" {
		t.Errorf("the package's bzip2:shared = %s after a write to its snapshot", v.Str)
	}
}

// Unlogged options record nothing about their own options either, and
// a copy stays unlogged.
func TestUnloggedOwnOptions(t *testing.T) {
	for _, unlogged := range []bool{false, true} {
		o := decl(t)
		if unlogged {
			o.Unlogged()
		}
		before := len(o.Pkg.Log())
		cons := decl(t)
		cons.Dep("pkg").Set("shared", V("True", nil))
		if err := o.PropagateUpstream(cons.DepsValues(), "cons/1.0", "pkg", "pkg/1.0"); err != nil {
			t.Fatal(err)
		}
		if err := o.Pkg.Set("fPIC", V("False", nil)); err != nil {
			t.Fatal(err)
		}
		o.Pkg.Set("fPIC", V("bad", nil))
		o.Pkg.Record(Event{Option: "x", Kind: Ignored})
		c := o.Copy()
		c.Pkg.Remove(nil, "fPIC")
		c.Pkg.Clear(nil)
		got := len(o.Pkg.Log()) - before + len(c.Pkg.Log()) - before
		if unlogged && got != 0 {
			t.Fatalf("unlogged options recorded %d events: %+v %+v", got, o.Pkg.Log(), c.Pkg.Log())
		}
		if !unlogged && got < 6 {
			t.Fatalf("logged options recorded only %d events", got)
		}
		if v := fmt.Sprint(o.Pkg.Values().Sorted()); v != "[{fPIC {False unknown}} {shared {True unknown}}]" {
			t.Fatalf("values %s", v)
		}
	}
}

// CopyCleared's list, made only when asked for, behaves as the list made
// at once: random reads and writes of the copy, and writes to the values
// it was copied from (which must not reach the copy), against a copy
// whose list is made at once.
func TestCopyClearedLazy(t *testing.T) {
	names := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}
	for seed := range int64(2000) {
		world := func(eager bool) string {
			rng := rand.New(rand.NewSource(seed))
			src := NewValues()
			src.Own.Set("x", V("1", nil))
			for _, n := range names[:rng.Intn(len(names))] {
				src.Pkg(n).Set("o", V(strconv.Itoa(rng.Intn(3)), nil))
			}
			if rng.Intn(2) == 0 {
				src = &Values{Own: src.Own, pkgs: src.pkgs, borrowed: true} // as SharedValues
			}
			c := src.CopyCleared()
			if eager {
				c.entries()
			}
			var log strings.Builder
			for range rng.Intn(6) {
				n := names[rng.Intn(len(names))]
				switch rng.Intn(12) {
				case 0:
					c.Pkg(n).Set("o", V("9", nil))
				case 1:
					v, ok := c.Lookup(n)
					fmt.Fprintf(&log, "lookup %s %v %v\n", n, ok, v != nil && v.Len() > 0)
				case 2:
					used := map[string]bool{}
					for _, m := range names {
						used[m] = rng.Intn(5) > 0
					}
					c.FilterUsed(used)
				case 3:
					all := map[string]bool{}
					for _, m := range names {
						all[m] = true
					}
					c.FilterUsed(all)
				case 4:
					fmt.Fprintf(&log, "pop %s %v\n", n, c.PopPkg(n) != nil)
				case 5:
					c.SetPkg(n, NewPackageValues())
				case 6:
					fmt.Fprintf(&log, "names %v\n", c.PkgNames())
				case 7:
					c = c.Copy()
				case 8: // the source changes: never the copy
					src.Pkg(n).Set("o", V("7", nil))
				case 9:
					used := map[string]bool{n: true}
					src.FilterUsed(used)
				case 10:
					o := NewValues()
					o.Update(c)
					fmt.Fprintf(&log, "update %q\n", o.Dumps())
				case 11:
					fmt.Fprintf(&log, "equal %v\n", c.Equal(src))
				}
				fmt.Fprintf(&log, "len %d dumps %q\n", c.Len(), c.Dumps())
			}
			for _, e := range c.PackagesView() {
				fmt.Fprintf(&log, "%s:%v ", e.Name, e.Values.items)
			}
			return log.String()
		}
		if got, want := world(false), world(true); got != want {
			t.Fatalf("seed %d: lazy\n%s\nmade at once\n%s", seed, got, want)
		}
	}
}
