package profiles

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The cases in testdata/oracle/*.txtar hold profiles, command-line
// arguments and the output Conan 1.65.0 gives for them (written by
// testdata/oracle/gen.py, which runs Conan's own profile_from_args and
// read_profile). See gen.py for the format.

type txtarSection struct {
	name, content string
}

func parseTxtar(text string) (head string, sections []txtarSection) {
	lines := strings.SplitAfter(text, "\n")
	var cur *txtarSection
	for _, l := range lines {
		if l == "" {
			continue
		}
		bare := strings.TrimSuffix(l, "\n")
		if strings.HasPrefix(bare, "-- ") && strings.HasSuffix(bare, " --") && len(bare) > 6 {
			sections = append(sections, txtarSection{name: bare[3 : len(bare)-3]})
			cur = &sections[len(sections)-1]
			continue
		}
		if cur == nil {
			head += l
		} else {
			cur.content += l
		}
	}
	return head, sections
}

// oracleCase is a materialised case.
type oracleCase struct {
	name      string
	tmp       string
	caseDir   string
	ctx       Context
	args      []string
	read      *string
	expected  map[string]json.RawMessage
	hostArgs  Args
	buildArgs Args
}

func loadOracleCase(t *testing.T, path string) *oracleCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, sections := parseTxtar(string(data))
	tmp := t.TempDir()
	c := &oracleCase{name: filepath.Base(path), tmp: tmp, caseDir: filepath.Join(tmp, "case")}
	home := filepath.Join(tmp, "home")
	must(t, os.MkdirAll(filepath.Join(home, "profiles"), 0o755))
	must(t, os.MkdirAll(c.caseDir, 0o755))
	c.ctx = Context{Cwd: c.caseDir, ProfilesDir: filepath.Join(home, "profiles")}
	for _, s := range sections {
		switch s.name {
		case "args":
			must(t, json.Unmarshal([]byte(s.content), &c.args))
		case "read":
			var r string
			must(t, json.Unmarshal([]byte(s.content), &r))
			c.read = &r
		case "env":
			c.ctx.SettingsEnv = map[string]string{}
			for _, l := range strings.Split(s.content, "\n") {
				if k, v, ok := strings.Cut(l, "="); ok {
					c.ctx.SettingsEnv[k] = v
				}
			}
		case "conanconf":
			var m map[string]string
			must(t, json.Unmarshal([]byte(s.content), &m))
			c.ctx.CoreDefaultProfile = m["core:default_profile"]
			c.ctx.CoreDefaultBuildProfile = m["core:default_build_profile"]
		case "expected":
			must(t, json.Unmarshal([]byte(s.content), &c.expected))
		default:
			name, content := s.name, []byte(s.content)
			if strings.HasSuffix(name, ":b64") {
				name = strings.TrimSuffix(name, ":b64")
				content, err = base64.StdEncoding.DecodeString(strings.TrimSpace(s.content))
				must(t, err)
			}
			target := filepath.Join(c.caseDir, name)
			if rest, ok := strings.CutPrefix(name, "home/"); ok {
				target = filepath.Join(home, rest)
			}
			must(t, os.MkdirAll(filepath.Dir(target), 0o755))
			must(t, os.WriteFile(target, content, 0o644))
		}
	}
	if c.expected == nil {
		t.Fatalf("%s: no expected section (run gen.py)", path)
	}
	c.hostArgs, c.buildArgs = splitCLIArgs(t, c.args)
	return c
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// splitCLIArgs sorts command-line tokens into host and build Args.
func splitCLIArgs(t *testing.T, tokens []string) (host, build Args) {
	t.Helper()
	if len(tokens)%2 != 0 {
		t.Fatalf("odd argument list %q", tokens)
	}
	for i := 0; i < len(tokens); i += 2 {
		flag, value := tokens[i], tokens[i+1]
		base, ctx, _ := strings.Cut(flag, ":")
		target := &host
		if ctx == "b" {
			target = &build
		}
		switch base {
		case "-pr":
			target.Profiles = append(target.Profiles, value)
		case "-s":
			target.Settings = append(target.Settings, value)
		case "-o":
			target.Options = append(target.Options, value)
		case "-e":
			target.Env = append(target.Env, value)
		case "-c":
			target.Conf = append(target.Conf, value)
		default:
			t.Fatalf("unknown flag %q", flag)
		}
	}
	return host, build
}

// outcome renders a result like gen.py does: the dump, null, or an error.
func (c *oracleCase) outcome(p *Profile, err error) string {
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			return "non-profile error: " + err.Error()
		}
		b, _ := json.Marshal(map[string]string{"error": strings.ReplaceAll(e.Msg, c.tmp, "<DIR>")})
		return string(b)
	}
	if p == nil {
		return "null"
	}
	b, _ := json.Marshal(strings.ReplaceAll(p.Dumps(), c.tmp, "<DIR>"))
	return string(b)
}

func canonJSON(t *testing.T, raw json.RawMessage) string {
	var v any
	must(t, json.Unmarshal(raw, &v))
	b, _ := json.Marshal(v)
	return string(b)
}

func TestOracleCases(t *testing.T) {
	files, err := filepath.Glob("testdata/oracle/*.txtar")
	must(t, err)
	if len(files) == 0 {
		t.Fatal("no oracle cases")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			c := loadOracleCase(t, f)
			check := func(key string, p *Profile, err error) {
				t.Helper()
				want := canonJSON(t, c.expected[key])
				got := canonJSON(t, json.RawMessage(c.outcome(p, err)))
				if got != want {
					t.Errorf("%s:\n got: %s\nwant: %s", key, got, want)
				}
			}
			if c.read != nil {
				p, err := ReadProfile(*c.read, c.caseDir, c.ctx.ProfilesDir)
				check("read", p, err)
				return
			}
			p, err := FromArgs(c.ctx, c.hostArgs, false)
			check("host", p, err)
			p, err = FromArgs(c.ctx, c.buildArgs, true)
			check("build", p, err)
		})
	}
}
