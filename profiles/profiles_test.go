package profiles

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeFiles writes name -> content under dir and returns dir.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

func fileAt(dir, name string, line int) Origin {
	return Origin{File: filepath.Join(dir, name), Line: line}
}

// TestParsedStructures checks the structures parsed from profile texts;
// the Dumps() expectations were produced by Conan 1.65.0 (read_profile
// and Profile.dumps() on the same text).
func TestParsedStructures(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(t *testing.T, p *Profile, o func(line int) Origin)
		dumps string
	}{
		{
			name: "settings",
			text: "[settings]\nos=Linux\ncompiler=gcc\ncompiler.version=11\nzlib:build_type=Debug\nos=Windows\n:arch=x86\nA= \"q\" \n",
			check: func(t *testing.T, p *Profile, o func(int) Origin) {
				want := Settings{
					{"os", "Windows", o(6)}, {"compiler", "gcc", o(3)}, {"compiler.version", "11", o(4)},
					{"arch", "x86", o(7)}, {"A", "q", o(8)},
				}
				if !reflect.DeepEqual(p.Settings, want) {
					t.Errorf("settings = %+v", p.Settings)
				}
				wantPkg := []PackageSettings{{Pattern: "zlib", Settings: Settings{{"build_type", "Debug", o(5)}}}}
				if !reflect.DeepEqual(p.PackageSettings, wantPkg) {
					t.Errorf("package settings = %+v", p.PackageSettings)
				}
			},
			dumps: "[settings]\nos=Windows\ncompiler=gcc\ncompiler.version=11\narch=x86\nA=q\nzlib:build_type=Debug\n[options]\n[build_requires]\n[env]\n",
		},
		{
			name: "options",
			text: "[options]\nzlib:shared=True\nshared = False \nboost/*:header_only=True\n*:fPIC=False\na:b:c=1\n zlib : x = 1\n:e=2\nzlib:shared=False\n",
			check: func(t *testing.T, p *Profile, o func(int) Origin) {
				want := []Option{
					{Name: "shared", Value: "False", Origin: o(3)},
					{Name: "a:b:c", Value: "1", Origin: o(6)},
					{Package: "zlib", Scoped: true, Name: "shared", Value: "False", Origin: o(9)},
					{Package: "zlib", Scoped: true, Name: " x", Value: "1", Origin: o(7)},
					{Package: "boost", Scoped: true, Name: "header_only", Value: "True", Origin: o(4)},
					{Package: "*", Scoped: true, Name: "fPIC", Value: "False", Origin: o(5)},
					{Package: "", Scoped: true, Name: "e", Value: "2", Origin: o(8)},
				}
				if !reflect.DeepEqual(p.Options, want) {
					t.Errorf("options =\n%+v\nwant\n%+v", p.Options, want)
				}
				if h := p.OptionHistory("zlib/*:shared"); len(h) != 2 || h[0].Value != "True" || h[1].Origin != o(9) {
					t.Errorf("history = %+v", h)
				}
			},
			dumps: "[settings]\n[options]\na:b:c=1\nshared=False\n:e=2\n*:fPIC=False\nboost:header_only=True\nzlib: x=1\nzlib:shared=False\n[build_requires]\n[env]\n",
		},
		{
			name: "build requires",
			text: "[build_requires]\ncmake/3.25.0\nzlib* : ninja/1.11@user/stable, meson/1.0#rev\n[tool_requires]\n*: cmake/3.26.0\n",
			check: func(t *testing.T, p *Profile, o func(int) Origin) {
				want := []BuildRequires{
					{Pattern: "*", Refs: []BuildRequire{
						{Name: "cmake", Version: "3.25.0", Origin: o(2)},
						{Name: "cmake", Version: "3.26.0", Origin: o(5)},
					}},
					{Pattern: "zlib* ", Refs: []BuildRequire{
						{Name: "ninja", Version: "1.11", User: "user", Channel: "stable", Origin: o(3)},
						{Name: "meson", Version: "1.0", Revision: "rev", Origin: o(3)},
					}},
				}
				if !reflect.DeepEqual(p.BuildRequires, want) {
					t.Errorf("build requires = %+v", p.BuildRequires)
				}
			},
			dumps: "[settings]\n[options]\n[build_requires]\n*: cmake/3.25.0, cmake/3.26.0\nzlib* : ninja/1.11@user/stable, meson/1.0\n[env]\n",
		},
		{
			name: "env",
			text: "[env]\nA=1\nA=2\nL=[a, b]\nL=c\nzlib:P=[x]\n:E=e\nQ='q'\n",
			check: func(t *testing.T, p *Profile, o func(int) Origin) {
				want := []EnvVar{
					{Name: "A", Value: "1", Origin: o(2)},
					{Name: "L", IsList: true, List: []string{"a", "b", "c"}, Origin: o(4), ItemOrigins: []Origin{o(4), o(4), o(5)}},
					{Name: "Q", Value: "q", Origin: o(8)},
					{Package: "zlib", Scoped: true, Name: "P", IsList: true, List: []string{"x"}, Origin: o(6), ItemOrigins: []Origin{o(6)}},
					{Package: "", Scoped: true, Name: "E", Value: "e", Origin: o(7)},
				}
				if !reflect.DeepEqual(p.Env, want) {
					t.Errorf("env =\n%+v\nwant\n%+v", p.Env, want)
				}
			},
			dumps: "[settings]\n[options]\n[build_requires]\n[env]\nA=1\nL=[a,b,c]\nQ=q\nE=e\nzlib:P=[x]",
		},
		{
			name: "conf",
			text: "[conf]\ntools.build:jobs=4\nuser.a:l=[1]\nuser.a:l+=2\nzlib:user.a:s='x'\nuser.a:u=!\n",
			check: func(t *testing.T, p *Profile, o func(int) Origin) {
				es := p.Conf.Entries()
				if len(es) != 4 {
					t.Fatalf("entries = %+v", es)
				}
				if es[0].Name != "tools.build:jobs" || es[0].Value.Repr() != "4" || es[0].Value.TypeName() != "int" || es[0].Origin != o(2) {
					t.Errorf("jobs = %+v", es[0])
				}
				if es[1].Name != "user.a:l" || es[1].Value.Repr() != "[1, 2]" || es[1].Origin != o(4) || !reflect.DeepEqual(es[1].Composed, []Origin{o(3)}) {
					t.Errorf("l = %+v", es[1])
				}
				if es[2].Name != "user.a:u" || es[2].Value != nil {
					t.Errorf("u = %+v", es[2])
				}
				if !es[3].Scoped || es[3].Pattern != "zlib" || es[3].Value.String() != `"x"` {
					t.Errorf("s = %+v", es[3])
				}
			},
			dumps: "[settings]\n[options]\n[build_requires]\n[env]\n[conf]\ntools.build:jobs=4\nuser.a:l=[1, 2]\nuser.a:u=!\nzlib:user.a:s=\"x\"\n",
		},
		{
			name: "buildenv",
			text: "[buildenv]\nPATH=+(path)/a\nPATH+=(path)/b\nCC= gcc\nX=!\npkg*:Y=1\n[runenv]\nR=1\n",
			check: func(t *testing.T, p *Profile, o func(int) Origin) {
				es := p.BuildEnv.Entries()
				want := []EnvEntry{
					{Name: "PATH", Values: []string{"/a", "/b"}, Placeholder: 1, Path: true, Origin: o(3), Composed: []Origin{o(2)}},
					{Name: "CC", Values: []string{" gcc"}, Placeholder: -1, Origin: o(4), Composed: []Origin{}},
					{Name: "X", Values: []string{}, Placeholder: -1, Origin: o(5), Composed: []Origin{}},
					{Pattern: "pkg*", Scoped: true, Name: "Y", Values: []string{"1"}, Placeholder: -1, Origin: o(6), Composed: []Origin{}},
				}
				for i := range es {
					if es[i].Values == nil {
						es[i].Values = []string{}
					}
					if es[i].Composed == nil {
						es[i].Composed = []Origin{}
					}
				}
				if !reflect.DeepEqual(es, want) {
					t.Errorf("buildenv =\n%+v\nwant\n%+v", es, want)
				}
				if r := p.RunEnv.Entries(); len(r) != 1 || r[0].Origin != o(8) {
					t.Errorf("runenv = %+v", r)
				}
			},
			dumps: "[settings]\n[options]\n[build_requires]\n[env]\n[buildenv]\nPATH=+(path)/a\nPATH+=(path)/b\nCC= gcc\nX=!\npkg*:Y=1\n[runenv]\nR=1\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"p": tc.text})
			p, err := ReadProfile("p", dir, filepath.Join(dir, "none"))
			if err != nil {
				t.Fatal(err)
			}
			tc.check(t, p, func(line int) Origin { return fileAt(dir, "p", line) })
			if got := p.Dumps(); got != tc.dumps {
				t.Errorf("Dumps:\n got %q\nwant %q", got, tc.dumps)
			}
		})
	}
}

// TestProvenance follows one setting and one option through an include
// chain, two profiles and the command line.
func TestProvenance(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"profiles/base":  "[settings]\nos=Linux\ncompiler=gcc\ncompiler.version=11\n[options]\nzlib:shared=False\n",
		"profiles/child": "include(base)\nV=12\n[settings]\ncompiler.version=$V\n[options]\nzlib:shared=True\n",
		"profiles/other": "[settings]\ncompiler=clang\ncompiler.version=14\n",
		"home/default":   "[settings]\nos=Windows\n",
	})
	ctx := Context{Cwd: dir, ProfilesDir: filepath.Join(dir, "home")}
	p, err := FromArgs(ctx, Args{
		Profiles: []string{"profiles/child", "profiles/other"},
		Settings: []string{"build_type=Debug", "compiler=gcc"},
		Options:  []string{"*:fPIC=True", "zlib/*:shared=False"},
	}, false)
	must(t, err)
	base := func(l int) Origin { return fileAt(dir, "profiles/base", l) }
	child := func(l int) Origin { return fileAt(dir, "profiles/child", l) }
	other := func(l int) Origin { return fileAt(dir, "profiles/other", l) }

	if got, want := p.Dumps(), "[settings]\nos=Linux\ncompiler=gcc\nbuild_type=Debug\n[options]\n*:fPIC=True\nzlib:shared=False\n[build_requires]\n[env]\n"; got != want {
		t.Errorf("Dumps = %q, want %q", got, want)
	}
	wantVersion := []Event{
		{Kind: SettingSet, Name: "compiler.version", Value: "11", Origin: base(4)},
		{Kind: SettingSet, Name: "compiler.version", Value: "12", Origin: child(4)},
		{Kind: SettingDropped, Name: "compiler.version", Value: "12", Origin: other(2)},
		{Kind: SettingSet, Name: "compiler.version", Value: "14", Origin: other(3)},
		{Kind: SettingDropped, Name: "compiler.version", Value: "14", Origin: Origin{Flag: "-s", Arg: 2}},
	}
	if got := p.SettingHistory("compiler.version"); !reflect.DeepEqual(got, wantVersion) {
		t.Errorf("compiler.version history:\n%+v\nwant\n%+v", got, wantVersion)
	}
	wantShared := []Event{
		{Kind: OptionSet, Package: "zlib", Scoped: true, Name: "shared", Value: "False", Origin: base(6)},
		{Kind: OptionSet, Package: "zlib", Scoped: true, Name: "shared", Value: "True", Origin: child(6)},
		{Kind: OptionSet, Package: "zlib", Scoped: true, Name: "shared", Value: "False", Origin: Origin{Flag: "-o", Arg: 2}},
	}
	if got := p.OptionHistory("zlib:shared"); !reflect.DeepEqual(got, wantShared) {
		t.Errorf("zlib:shared history:\n%+v\nwant\n%+v", got, wantShared)
	}
	if s, _ := p.Settings.Get("compiler"); s.Origin != (Origin{Flag: "-s", Arg: 2}) {
		t.Errorf("compiler origin = %v", s.Origin)
	}
	if s, _ := p.Settings.Get("os"); s.Origin != base(2) || s.Origin.String() != filepath.Join(dir, "profiles/base")+":2" {
		t.Errorf("os origin = %v", s.Origin)
	}

	// Conan's preprocessing sorts the settings and may add some.
	p.ReplaceSettings([]NameValue{{"build_type", "Debug"}, {"compiler", "gcc"}, {"compiler.runtime", "MD"}, {"os", "Linux"}})
	if s, _ := p.Settings.Get("compiler.runtime"); s.Origin != (Origin{Computed: true}) {
		t.Errorf("runtime origin = %v", s.Origin)
	}
	if s, _ := p.Settings.Get("os"); s.Origin != base(2) {
		t.Errorf("os origin after preprocessing = %v", s.Origin)
	}
	if h := p.SettingHistory("compiler.runtime"); len(h) != 1 || h[0].Kind != SettingPreprocessed {
		t.Errorf("runtime history = %+v", h)
	}
	if got, want := p.Dumps(), "[settings]\nbuild_type=Debug\ncompiler=gcc\ncompiler.runtime=MD\nos=Linux\n[options]\n*:fPIC=True\nzlib:shared=False\n[build_requires]\n[env]\n"; got != want {
		t.Errorf("Dumps = %q, want %q", got, want)
	}
}

// TestErrorLocations checks where the errors of the oracle cases point.
func TestErrorLocations(t *testing.T) {
	tests := map[string]string{
		"err-setting-line":          "profiles/p:3",
		"err-setting-colon":         "profiles/p:2",
		"err-option-line":           "profiles/p:3",
		"err-env-line":              "profiles/p:3",
		"err-buildenv-line":         "profiles/p:2",
		"err-section-syntax":        "profiles/p:3",
		"err-section-unknown":       "profiles/p:3",
		"err-var-line":              "profiles/p:4",
		"err-var-space":             "profiles/p:1",
		"err-include-bad":           "profiles/p:1",
		"err-include-missing":       "profiles/p:1",
		"err-ref-short-user":        "profiles/p:2",
		"err-ref-no-channel":        "profiles/p:2",
		"err-ref-empty":             "profiles/p:2",
		"err-order-settings-first":  "profiles/p:4",
		"err-nested-include-error":  "profiles/inner:2",
		"err-cli-setting":           "-s #1",
		"err-cli-option":            "-o #1",
		"err-cli-env":               "-e #1",
		"err-cli-conf":              "-c #1",
		"conf-errors-compose":       "profiles/a:3",
		"conf-not-allowed":          "profiles/a:2",
		"conf-errors-compose2":      "profiles/b:2",
		"err-default-broken":        "home/profiles/default:2",
		"err-profile-not-found":     "",
		"err-profile-not-found-dot": "",
	}
	for name, want := range tests {
		t.Run(name, func(t *testing.T) {
			c := loadOracleCase(t, filepath.Join("testdata/oracle", name+".txtar"))
			_, err := FromArgs(c.ctx, c.hostArgs, false)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a profile error", err)
			}
			got := e.Origin.String()
			if e.Origin.File != "" {
				rel, _ := filepath.Rel(c.caseDir, e.Origin.File)
				if strings.HasPrefix(rel, "..") {
					rel, _ = filepath.Rel(c.tmp, e.Origin.File)
				}
				got = rel + ":" + itoa(e.Origin.Line)
			}
			if e.Origin.IsZero() {
				got = ""
			}
			if got != want {
				t.Errorf("origin %q, want %q (%s)", got, want, e.Located())
			}
			if want != "" && !strings.Contains(e.Located(), want[strings.LastIndex(want, "/")+1:]) {
				t.Errorf("Located() = %q lacks %q", e.Located(), want)
			}
			if e.Error() != e.Msg {
				t.Errorf("Error() must be Conan's message")
			}
		})
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	s := ""
	for ; i > 0; i /= 10 {
		s = string(rune('0'+i%10)) + s
	}
	return s
}

func TestIncludeOriginsAndVariables(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a/b/leaf": "LEAF=leafvalue\nSHARED=from_leaf\n[settings]\narch=armv8\n[env]\nDIR=$PROFILE_DIR\n",
		"a/mid":    "SUB=b\ninclude($SUB/leaf)\nSHARED=from_mid\n[settings]\nos=$LEAF\nbuild_type=$SHARED\n",
		"top":      "include(a/mid)\n[env]\nTOPDIR=$PROFILE_DIR\nX=$SHARED\n",
	})
	p, err := ReadProfile("./top", dir, "")
	must(t, err)
	want := Settings{
		{"arch", "armv8", fileAt(dir, "a/b/leaf", 4)},
		{"os", "leafvalue", fileAt(dir, "a/mid", 5)},
		{"build_type", "from_mid", fileAt(dir, "a/mid", 6)},
	}
	if !reflect.DeepEqual(p.Settings, want) {
		t.Errorf("settings = %+v", p.Settings)
	}
	env := map[string]EnvVar{}
	for _, v := range p.Env {
		env[v.Name] = v
	}
	if env["DIR"].Value != filepath.Join(dir, "a/b") || env["DIR"].Origin != fileAt(dir, "a/b/leaf", 6) {
		t.Errorf("DIR = %+v", env["DIR"])
	}
	if env["TOPDIR"].Value != dir || env["X"].Value != "from_mid" {
		t.Errorf("env = %+v", p.Env)
	}
}

func TestIncludeCycle(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a": "include(b)\n", "b": "include(a)\n"})
	_, err := ReadProfile("./a", dir, "")
	if err == nil || !strings.Contains(err.Error(), "include cycle") || !strings.HasPrefix(err.Error(), "Error reading './a' profile: Error reading 'b' profile: ") {
		t.Errorf("got %v", err)
	}
}

func TestJinjaUnsupported(t *testing.T) {
	dir := writeFiles(t, map[string]string{"p.jinja": "[settings]\nos={{ 'Linux' }}\n"})
	_, err := ReadProfile("./p.jinja", dir, "")
	if err == nil || !strings.Contains(err.Error(), "Jinja") {
		t.Errorf("got %v", err)
	}
	_, err = ReadProfile("./missing.jinja", dir, "")
	if err == nil || err.Error() != "Profile not found: ./missing.jinja" {
		t.Errorf("got %v", err)
	}
}

func TestFromArgsDefaultProfile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"p": "[settings]\nos=Linux\n"})
	ctx := Context{Cwd: dir, ProfilesDir: filepath.Join(dir, "home")}
	// The default profile is missing: fine when not needed...
	p, err := FromArgs(ctx, Args{Profiles: []string{"p"}}, false)
	if err != nil || p.Settings.Value("os") != "Linux" {
		t.Fatalf("got %v, %v", p, err)
	}
	// ...not when it is.
	_, err = FromArgs(ctx, Args{Settings: []string{"os=Linux"}}, false)
	var missing *MissingDefaultProfileError
	if !errors.As(err, &missing) || missing.Path != filepath.Join(dir, "home", "default") {
		t.Errorf("got %v", err)
	}
	// No build argument: single-profile mode.
	b, err := FromArgs(ctx, Args{}, true)
	if b != nil || err != nil {
		t.Errorf("build profile = %v, %v", b, err)
	}
}

func TestConanEnvOrigins(t *testing.T) {
	dir := writeFiles(t, map[string]string{"home/default": "[settings]\nos=Linux\ncompiler=gcc\ncompiler.version=11\n"})
	ctx := Context{Cwd: dir, ProfilesDir: filepath.Join(dir, "home"), SettingsEnv: map[string]string{
		"CONAN_ENV_COMPILER": "clang", "CONAN_ENV_ARCH": "armv8", "OTHER": "x",
	}}
	p, err := FromArgs(ctx, Args{}, false)
	must(t, err)
	want := Settings{
		{"os", "Linux", fileAt(dir, "home/default", 2)},
		{"compiler", "clang", Origin{EnvVar: "CONAN_ENV_COMPILER"}},
		{"arch", "armv8", Origin{EnvVar: "CONAN_ENV_ARCH"}},
	}
	if !reflect.DeepEqual(p.Settings, want) {
		t.Errorf("settings = %+v", p.Settings)
	}
	if h := p.SettingHistory("compiler.version"); len(h) != 2 || h[1].Kind != SettingDropped {
		t.Errorf("history = %+v", h)
	}
}

func TestCloneIsDeep(t *testing.T) {
	dir := writeFiles(t, map[string]string{"p": "[settings]\nos=Linux\n[env]\nL=[a]\n[conf]\nuser.a:l+=1\n[buildenv]\nX+=1\n[build_requires]\naa/1.0\n"})
	p, err := ReadProfile("./p", dir, "")
	must(t, err)
	before := p.Dumps()
	q := p.Clone()
	q.Settings[0].Value = "Windows"
	q.Env[0].List[0] = "changed"
	q.BuildRequires[0].Refs[0].Name = "b"
	must(t, q.compose(p))
	if p.Dumps() != before {
		t.Errorf("Clone shares state: %q", p.Dumps())
	}
}

func TestOriginString(t *testing.T) {
	for o, want := range map[Origin]string{
		{File: "/p/base", Line: 3}: "/p/base:3",
		{Flag: "-o", Arg: 2}:       "-o #2",
		{EnvVar: "CONAN_ENV_OS"}:   "$CONAN_ENV_OS",
		{Computed: true}:           "computed by Conan's settings preprocessing",
		{}:                         "unknown origin",
	} {
		if got := o.String(); got != want {
			t.Errorf("%+v: %q, want %q", o, got, want)
		}
	}
}

// TestLockfileProfileText reproduces a `conan lock create` run (Conan
// 1.65.0, -pr profiles/vs plus -s:b values, the same profile installed as
// the default one) and compares with the profile_host / profile_build
// texts of the lockfile it wrote. Conan's preprocessing added
// compiler.runtime=MDd to the host settings and sorted both: the test
// plays the settings package's part with ReplaceSettings.
func TestLockfileProfileText(t *testing.T) {
	vs := "[settings]\nos=Windows\narch=x86_64\ncompiler=Visual Studio\ncompiler.version=16\nbuild_type=Debug\nzlib:build_type=Release\n" +
		"[options]\nzlib:shared=True\n[conf]\nuser.a:l+=1\ntools.build:jobs=2\n[buildenv]\nCC= cl\n[env]\nP=[a, b]\n"
	dir := writeFiles(t, map[string]string{"profiles/vs": vs, "home/default": vs})
	ctx := Context{Cwd: dir, ProfilesDir: filepath.Join(dir, "home")}
	host, err := FromArgs(ctx, Args{Profiles: []string{"profiles/vs"}}, false)
	must(t, err)
	build, err := FromArgs(ctx, Args{Settings: []string{"os=Linux", "compiler=gcc", "compiler.version=11", "compiler.libcxx=libstdc++11", "build_type=Release"}}, true)
	must(t, err)
	host.ReplaceSettings(sortedSettingValues(append(host.Settings, Setting{Name: "compiler.runtime", Value: "MDd"})))
	build.ReplaceSettings(sortedSettingValues(build.Settings))
	wantHost := "[settings]\narch=x86_64\nbuild_type=Debug\ncompiler=Visual Studio\ncompiler.runtime=MDd\ncompiler.version=16\nos=Windows\nzlib:build_type=Release\n[options]\nzlib:shared=True\n[build_requires]\n[env]\nP=[a,b]\n[conf]\nuser.a:l=[1]\ntools.build:jobs=2\n[buildenv]\nCC= cl\n"
	wantBuild := "[settings]\narch=x86_64\nbuild_type=Release\ncompiler=gcc\ncompiler.libcxx=libstdc++11\ncompiler.version=11\nos=Linux\nzlib:build_type=Release\n[options]\nzlib:shared=True\n[build_requires]\n[env]\nP=[a,b]\n[conf]\nuser.a:l=[1]\ntools.build:jobs=2\n[buildenv]\nCC= cl\n"
	if got := host.Dumps(); got != wantHost {
		t.Errorf("host:\n got %q\nwant %q", got, wantHost)
	}
	if got := build.Dumps(); got != wantBuild {
		t.Errorf("build:\n got %q\nwant %q", got, wantBuild)
	}
	// The build profile's compiler.version=16 of the default profile was
	// dropped when -s:b compiler=gcc changed the compiler.
	h := build.SettingHistory("compiler.version")
	if len(h) != 3 || h[1].Kind != SettingDropped || h[1].Value != "16" || h[1].Origin != (Origin{Flag: "-s:b", Arg: 2}) || h[2].Origin != (Origin{Flag: "-s:b", Arg: 3}) {
		t.Errorf("history = %+v", h)
	}
}

// TestComposeMatchesFromArgs: the expected text is what Conan 1.65.0 gives
// for read_profile("./a"), read_profile("./b") and compose_profile().
func TestComposeMatchesFromArgs(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a": "[settings]\nos=Linux\ncompiler=gcc\ncompiler.version=11\n[env]\nL=[a]\n[conf]\nuser.a:l=[1]\n",
		"b": "[settings]\ncompiler=clang\n[env]\nL=[b]\n[conf]\nuser.a:l+=2\n[build_requires]\ncc/1.0\n",
	})
	want, err := FromArgs(Context{Cwd: dir, ProfilesDir: filepath.Join(dir, "none")}, Args{Profiles: []string{"./a", "./b"}}, false)
	must(t, err)
	got := &Profile{}
	for _, name := range []string{"./a", "./b"} {
		p, err := ReadProfile(name, dir, "")
		must(t, err)
		must(t, got.Compose(p))
	}
	if got.Dumps() != want.Dumps() || !reflect.DeepEqual(got.History, want.History) {
		t.Errorf("Compose: %q, FromArgs: %q", got.Dumps(), want.Dumps())
	}
	if want.Dumps() != "[settings]\nos=Linux\ncompiler=clang\n[options]\n[build_requires]\n*: cc/1.0\n[env]\nL=[b,a]\n[conf]\nuser.a:l=[1, 2]\n" {
		t.Errorf("unexpected %q", want.Dumps())
	}
}
