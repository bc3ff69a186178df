package settings

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

func set(t *testing.T, s *Settings, pairs ...string) {
	t.Helper()
	for i := 0; i < len(pairs); i += 2 {
		if err := s.UpdateValues([]NameValue{{pairs[i], pairs[i+1]}}); err != nil {
			t.Fatalf("%s=%s: %v", pairs[i], pairs[i+1], err)
		}
	}
}

func TestDefaultValidation(t *testing.T) {
	s := Default().New()
	set(t, s, "os", "Linux", "arch", "x86_64", "compiler", "gcc", "compiler.version", "11", "compiler.libcxx", "libstdc++11", "build_type", "Release")
	if err := s.Validate(); err == nil || err.Error() != "'settings.arch_build' value not defined" {
		t.Errorf("unconstrained default settings need arch_build: %v", err)
	}
	keep := &Constraint{}
	for _, f := range []string{"os", "arch", "compiler", "build_type"} {
		keep.Fields = append(keep.Fields, FieldConstraint{Name: f, Keep: true})
	}
	if err := s.Constrain(keep); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	err := s.Set("build_type", "Fast")
	want := "Invalid setting 'Fast' is not a valid 'settings.build_type' value.\nPossible values are ['None', 'Debug', 'Release', 'RelWithDebInfo', 'MinSizeRel']\nRead \"http://docs.conan.io/en/latest/faq/troubleshooting.html#error-invalid-setting\""
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	it, _ := s.Field("compiler")
	if _, err := it.Field("runtime"); err == nil || !strings.Contains(err.Error(), "'settings.compiler.runtime' doesn't exist for 'gcc'") {
		t.Errorf("runtime of gcc: %v", err)
	}
	if eq, err := it.Eq(strptr("msvcx")); err == nil || eq {
		t.Errorf("comparing with an impossible value must fail, got %v %v", eq, err)
	}
}

func strptr(s string) *string { return &s }

func TestConstraintAndRemoval(t *testing.T) {
	s := Default().New()
	set(t, s, "os", "Linux", "compiler", "gcc", "compiler.version", "11")
	err := s.Constrain(&Constraint{Fields: []FieldConstraint{{Name: "os", Values: []string{"Linux", "Macos"}}, {Name: "compiler", Keep: true}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Fields(), ","); got != "compiler,os" {
		t.Errorf("fields %s", got)
	}
	osItem, _ := s.Field("os")
	if got := strings.Join(osItem.ValuesRange(), ","); got != "Linux,Macos" {
		t.Errorf("os values %s", got)
	}
	comp, _ := s.Field("compiler")
	comp.DelField("libcxx")
	if _, ok := s.GetSafe("compiler.libcxx"); ok {
		t.Error("libcxx still there")
	}
	if err := s.Constrain(&Constraint{Fields: []FieldConstraint{{Name: "platform", Keep: true}}}); err == nil {
		t.Error("unknown setting accepted in a constraint")
	}
}

func TestCopyIsIndependent(t *testing.T) {
	s := Default().New()
	set(t, s, "compiler", "gcc", "compiler.version", "11")
	c := s.Copy()
	comp, _ := c.Field("compiler")
	comp.DelField("version")
	if v, ok := s.GetSafe("compiler.version"); !ok || v != "11" {
		t.Errorf("original changed: %q %v", v, ok)
	}
}

func TestParseYAMLLikePyYAML(t *testing.T) {
	def, err := ParseYAML("settings.yml", []byte(`
os:
    Linux:
    Windows:
        subsystem: [None, cygwin]
compiler:
    gcc: &gcc
        version: [10.10, "11", 9]
        cppstd: [None, 03, yes]
    other:
        <<: *gcc
        threads: [posix]
build_type: [Debug, Release]
`))
	if err != nil {
		t.Fatal(err)
	}
	s := def.New()
	it, _ := s.Field("compiler")
	if err := it.SetValue("gcc"); err != nil {
		t.Fatal(err)
	}
	v, _ := it.Field("version")
	if got := strings.Join(v.ValuesRange(), ","); got != "10.1,11,9" {
		t.Errorf("versions %s (PyYAML reads 10.10 as the float 10.1)", got)
	}
	std, _ := it.Field("cppstd")
	if got := strings.Join(std.ValuesRange(), ","); got != "None,3,True" {
		t.Errorf("cppstd %s (PyYAML: 03 is 3, yes is True)", got)
	}
	if err := it.SetValue("other"); err != nil {
		t.Fatal(err)
	}
	th, err := it.Field("threads")
	if err != nil || strings.Join(th.ValuesRange(), ",") != "posix" {
		t.Errorf("merge key: %v", err)
	}
	// A list of merged mappings: the earlier wins (PyYAML puts the last
	// one's pairs first).
	def, err = ParseYAML("settings.yml", []byte("compiler:\n  a: &a {x: [one], y: [one]}\n  b: &b {y: [two], z: [two]}\n  top:\n    <<: [*a, *b]\n    w: [zero]\n"))
	if err != nil {
		t.Fatal(err)
	}
	it, _ = def.New().Field("compiler")
	if err := it.SetValue("top"); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"x": "one", "y": "one", "z": "two", "w": "zero"} {
		f, err := it.Field(name)
		if err != nil || strings.Join(f.ValuesRange(), ",") != want {
			t.Errorf("merged list: %s = %v (%v), want %s", name, f, err, want)
		}
	}
	if _, err := ParseYAML("bad.yml", []byte("os: [a, b\n")); err == nil || !strings.Contains(err.Error(), "bad.yml") {
		t.Errorf("bad YAML error %v", err)
	}
}

func TestPreprocess(t *testing.T) {
	s := Default().New()
	set(t, s, "os", "Windows", "compiler", "Visual Studio", "compiler.version", "17", "build_type", "Debug")
	if err := Preprocess(s); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.GetSafe("compiler.runtime"); v != "MDd" {
		t.Errorf("runtime %q", v)
	}
	s = Default().New()
	set(t, s, "compiler", "gcc", "compiler.version", "4.4", "compiler.cppstd", "17")
	if err := Preprocess(s); err == nil || !strings.Contains(err.Error(), "The specified 'compiler.cppstd=17' is not available for 'gcc 4.4'") {
		t.Errorf("cppstd check: %v", err)
	}
}

// FuzzSettingsYAML parses arbitrary settings.yml text: never a panic.
func FuzzSettingsYAML(f *testing.F) {
	f.Add("os:\n    Linux:\n    Windows:\n        subsystem: [None, cygwin]\narch: [x86, x86_64]\n")
	f.Add("a: &x\n  b: [1, 2]\nc:\n  <<: *x\n")
	f.Fuzz(func(t *testing.T, s string) {
		def, err := ParseYAML("settings.yml", []byte(s))
		if err != nil {
			return
		}
		st := def.New()
		for _, f := range st.Fields() {
			it, _ := st.Field(f)
			for _, v := range it.ValuesRange() {
				it.SetValue(v)
				st.Validate()
			}
		}
	})
}

// A small file whose aliases nest stands for billions of values (a
// 150 KB one took 4 minutes to read): reading it stops with an error
// naming the file and line, after a bounded amount of work, while the
// same shapes at a sane size still read.
func TestAliasBombs(t *testing.T) {
	bomb := func(values, levels int) string {
		var b strings.Builder
		b.WriteString("big: &i0 [")
		for i := 0; i < values; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "v%d", i)
		}
		b.WriteString("]\n")
		for k := 1; k <= levels; k++ {
			fmt.Fprintf(&b, "y%d: &i%d {a: {s: *i%d, t: *i%d}, b: {s: *i%d, t: *i%d}}\n", k, k, k-1, k-1, k-1, k-1)
		}
		return b.String()
	}
	for _, c := range []struct {
		name           string
		values, levels int
	}{
		{"long list aliased", 20000, 7}, // 327 million values
		{"deep nesting", 2, 16},         // 4^16 mappings
	} {
		_, err := ParseYAML("bomb.yml", []byte(bomb(c.values, c.levels)))
		if err == nil || !strings.Contains(err.Error(), "bomb.yml:") || !strings.Contains(err.Error(), "too large") {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	def, err := ParseYAML("ok.yml", []byte(bomb(100, 3)))
	if err != nil {
		t.Fatal(err)
	}
	it, _ := def.New().Field("y3")
	if err := it.SetValue("a"); err != nil {
		t.Fatal(err)
	}
	if err := mergeKeysAtScale(); err != nil {
		t.Error(err)
	}
}

// mergeKeysAtScale merges two mappings of many keys (the linear merge
// must keep PyYAML's order: merged keys first, own keys replacing them in
// place).
func mergeKeysAtScale() error {
	var b strings.Builder
	b.WriteString("compiler:\n  gcc: &base\n")
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "    k%02d: [x]\n", i)
	}
	b.WriteString("  other:\n    <<: *base\n    k05: [y]\n    new: [z]\n")
	def, err := ParseYAML("m.yml", []byte(b.String()))
	if err != nil {
		return err
	}
	it, _ := def.New().Field("compiler")
	if err := it.SetValue("other"); err != nil {
		return err
	}
	sub, err := it.Child()
	if err != nil {
		return err
	}
	got := strings.Join(sub.Fields(), ",")
	var want []string
	for i := 0; i < 40; i++ {
		want = append(want, fmt.Sprintf("k%02d", i))
	}
	want = append(want, "new")
	slices.Sort(want)
	if got != strings.Join(want, ",") {
		return fmt.Errorf("merged fields %s, want %s", got, strings.Join(want, ","))
	}
	k5, _ := it.Field("k05")
	if v := strings.Join(k5.ValuesRange(), ","); v != "y" {
		return fmt.Errorf("k05 values %s, want y (own key replaces merged)", v)
	}
	return nil
}

// A tree that several goroutines share (a profile's settings, read by
// index check's workers) is only read when copied, listed or validated:
// `go test -race` finds any write.
func TestSharedTreeReadsConcurrently(t *testing.T) {
	s := Default().New()
	for _, nv := range [][2]string{{"os", "Linux"}, {"arch", "x86_64"}, {"compiler", "gcc"}, {"build_type", "Release"}} {
		if err := s.Set(nv[0], nv[1]); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				s.CopyValues()
				s.Copy()
				s.ValuesList()
				_ = s.Validate()
			}
		}()
	}
	wg.Wait()
}

// A node's settings are listed for its package ID.
func BenchmarkValuesList(b *testing.B) {
	s := Default().New()
	if err := s.UpdateValues([]NameValue{{"os", "Linux"}, {"arch", "x86_64"}, {"compiler", "gcc"}, {"compiler.version", "12"}, {"compiler.libcxx", "libstdc++11"}, {"build_type", "Release"}}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(s.ValuesList()) != 6 {
			b.Fatal(s.ValuesList())
		}
	}
}

// dump writes everything a tree holds that Constrain may change: each
// level's fields in order, their values and ranges, and the sub-settings
// materialised under each.
func dump(b *strings.Builder, s *Settings, indent string) {
	for _, f := range s.data {
		it := f.item
		fmt.Fprintf(b, "%s%s=%q(%v) range %v\n", indent, f.name, it.value, it.hasValue, it.ValuesRange())
		for _, e := range it.subs {
			fmt.Fprintf(b, "%s  [%s]\n", indent, e.key)
			dump(b, e.s, indent+"    ")
		}
	}
}

func dumped(s *Settings) string {
	var b strings.Builder
	dump(&b, s, "")
	return b.String()
}

// CopyConstrained gives what Copy then Constrain gives, errors included,
// and leaves its source as it was.
func TestCopyConstrainedIsCopyThenConstrain(t *testing.T) {
	src := Default().New()
	set(t, src, "os", "Linux", "arch", "x86_64", "compiler", "gcc", "compiler.version", "11",
		"compiler.libcxx", "libstdc++11", "build_type", "Release", "os_build", "Linux")
	before := dumped(src)
	fields := []string{"os", "arch", "compiler", "build_type", "os_build", "arch_build", "platform"}
	values := map[string][]string{
		"os": {"Linux", "Windows", "Bogus"}, "arch": {"x86_64", "armv8"}, "compiler": {"gcc", "clang", "Bogus"},
		"build_type": {"Release", "Debug"}, "os_build": {"Linux"}, "arch_build": {"x86"}, "platform": {"x"},
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 3000 {
		c := &Constraint{}
		for _, f := range fields {
			if rng.IntN(3) == 0 {
				continue
			}
			fc := FieldConstraint{Name: f}
			switch rng.IntN(3) {
			case 0:
				fc.Keep = true
			default:
				for _, v := range values[f] {
					if rng.IntN(2) == 0 {
						fc.Values = append(fc.Values, v)
					}
				}
				if f == "compiler" && rng.IntN(2) == 0 {
					fc.IsDict = true
					fc.Subs = map[string]*Constraint{}
					for _, v := range fc.Values {
						if rng.IntN(2) == 0 {
							fc.Subs[v] = &Constraint{Fields: []FieldConstraint{{Name: "version", Values: []string{"11", "12", "99"}[:1+rng.IntN(3)]}}}
						} else {
							fc.Subs[v] = nil
						}
					}
				}
			}
			c.Fields = append(c.Fields, fc)
		}
		want := src.Copy()
		werr := want.Constrain(c)
		got, gerr := src.CopyConstrained(c)
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Fatalf("round %d %+v: error %v, Copy then Constrain: %v", round, c, gerr, werr)
		}
		if werr == nil && dumped(got) != dumped(want) {
			t.Fatalf("round %d %+v:\n%s\nCopy then Constrain:\n%s", round, c, dumped(got), dumped(want))
		}
		if dumped(src) != before {
			t.Fatalf("round %d: the source changed", round)
		}
	}
}

// Copies CopyConstrained makes share the source's sub-settings until one
// is handed out to change: random writes through every path that reaches
// sub-settings, on the copies and on copies of them, must change only
// the settings written, as with deep copies; and reading (GetSafe,
// ValuesList) copies nothing.
func TestCopyConstrainedSharesSubsUntilWritten(t *testing.T) {
	src := Default().New()
	set(t, src, "os", "Linux", "arch", "x86_64", "compiler", "gcc", "compiler.version", "11",
		"compiler.libcxx", "libstdc++11", "build_type", "Release")
	before := dumped(src)
	cons := &Constraint{Fields: []FieldConstraint{{Name: "os", Keep: true}, {Name: "arch", Keep: true}, {Name: "compiler", Keep: true}, {Name: "build_type", Keep: true}}}
	rng := rand.New(rand.NewPCG(5, 6))
	for round := range 500 {
		var shared, deep []*Settings
		for range 4 {
			s, err := src.CopyConstrained(cons)
			if err != nil {
				t.Fatal(err)
			}
			d := src.Copy()
			if err := d.Constrain(cons); err != nil {
				t.Fatal(err)
			}
			shared, deep = append(shared, s), append(deep, d)
		}
		if _, ok := shared[0].GetSafe("compiler.libcxx"); !ok || !shared[0].data[shared[0].data.find("compiler")].item.subsShared {
			t.Fatal("GetSafe copied the shared sub-settings, or found nothing")
		}
		for range 6 {
			i := rng.IntN(len(shared))
			write := func(s *Settings) error {
				it, _ := s.Field("compiler")
				switch rng.IntN(6) {
				case 0:
					return it.SetField("version", []string{"11", "12", "13"}[rng.IntN(3)])
				case 1:
					it.DelField("libcxx")
				case 2:
					c, err := it.Child()
					if err != nil {
						return err
					}
					return c.Set("cppstd", "17")
				case 3:
					sub, err := it.Sub("clang")
					if err != nil {
						return err
					}
					return sub.Set("version", "14")
				case 4:
					return s.RmSafe("compiler.threads")
				case 5:
					return s.UpdateValues([]NameValue{{"compiler.version", "12"}})
				}
				return nil
			}
			if rng.IntN(4) == 0 { // a copy of a copy joins in
				shared, deep = append(shared, shared[i].Copy()), append(deep, deep[i].Copy())
				i = len(shared) - 1
			}
			seed := rng.Uint64()
			rng = rand.New(rand.NewPCG(seed, 1))
			e1 := write(shared[i])
			rng = rand.New(rand.NewPCG(seed, 1))
			e2 := write(deep[i])
			if fmt.Sprint(e1) != fmt.Sprint(e2) {
				t.Fatalf("round %d: error %v, deep copies %v", round, e1, e2)
			}
			for j := range shared {
				if g, w := dumped(shared[j]), dumped(deep[j]); g != w {
					t.Fatalf("round %d: copy %d\n%s\ndeep copies:\n%s", round, j, g, w)
				}
				for _, k := range []string{"compiler.version", "compiler.libcxx", "compiler.cppstd"} {
					g, gok := shared[j].GetSafe(k)
					w, wok := deep[j].GetSafe(k)
					if g != w || gok != wok {
						t.Fatalf("round %d: copy %d %s = %q, deep copies %q", round, j, k, g, w)
					}
				}
			}
		}
		if dumped(src) != before {
			t.Fatalf("round %d: the source changed", round)
		}
	}
}

// The settings.yml Conan 1.65 writes in a new home, parsed, is the
// default definition, which ParseYAML then returns without parsing;
// any other text is parsed.
func TestDefaultYAML(t *testing.T) {
	data, parsed := conanSettings(t)
	if !reflect.DeepEqual(parsed.root, Default().root) {
		t.Fatal("Conan 1.65's settings.yml parses to another definition than the default")
	}
	if !isDefaultYAML(data) {
		t.Fatal("Conan 1.65's settings.yml is not recognized")
	}
	if def, err := ParseYAML("settings.yml", data); err != nil || def != Default() {
		t.Fatalf("ParseYAML of the default: %p, %v; want the default %p", def, err, Default())
	}
	changed := bytes.Replace(data, []byte("Linux"), []byte("Linuz"), 1)
	if isDefaultYAML(changed) {
		t.Fatal("a changed settings.yml is taken for the default")
	}
	def, err := ParseYAML("settings.yml", changed)
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(def.root, Default().root) {
		t.Fatal("a changed settings.yml gives the default definition")
	}
}
