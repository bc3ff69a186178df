package profiles

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const conformanceCases = "/work/shared/conformance/conan1/cases"

// preprocessed lists the conformance cases whose lockfile profile text
// holds settings that Conan's settings preprocessing (settings_preprocessor
// .py, run by Profile.process_settings) added: they are not in any profile
// nor argument. The test adds them with ReplaceSettings, the way the
// settings package will, and checks the rest of the text byte for byte.
var preprocessed = map[string]struct {
	host, build []NameValue
	reason      string
}{}

// sortedSettingValues mimics what Profile.process_settings does to the
// order of the settings: Values.from_list(...).as_list() sorts the fields
// at each level of the dotted tree ("compiler" then "compiler.libcxx",
// "compiler.version", then "os"...).
func sortedSettingValues(s Settings) []NameValue {
	type node struct {
		value    string
		children map[string]*node
	}
	root := &node{children: map[string]*node{}}
	for _, st := range s {
		cur := root
		parts := strings.Split(st.Name, ".")
		for _, p := range parts[:len(parts)-1] {
			next := cur.children[p]
			if next == nil {
				next = &node{children: map[string]*node{}}
				cur.children[p] = next
			}
			cur = next
		}
		last := parts[len(parts)-1]
		// Values.__setattr__ replaces the node (and its children).
		cur.children[last] = &node{value: st.Value, children: map[string]*node{}}
	}
	var out []NameValue
	var walk func(n *node, prefix string)
	walk = func(n *node, prefix string) {
		var names []string
		for k := range n.children {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			c := n.children[k]
			out = append(out, NameValue{Name: prefix + k, Value: c.value})
			walk(c, prefix+k+".")
		}
	}
	walk(root, "")
	return out
}

func TestConformanceProfiles(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(conformanceCases, "*"))
	if err != nil || len(dirs) == 0 {
		t.Skip("conformance corpus not available")
	}
	used := map[string]bool{}
	compared := 0
	for _, dir := range dirs {
		name := filepath.Base(dir)
		var c struct {
			Args  []string `json:"args"`
			Error bool     `json:"error"`
		}
		data, err := os.ReadFile(filepath.Join(dir, "case.json"))
		if err != nil {
			continue
		}
		must(t, json.Unmarshal(data, &c))
		t.Run(name, func(t *testing.T) {
			home := t.TempDir()
			def, err := os.ReadFile(filepath.Join(dir, "profiles", "default"))
			must(t, err)
			must(t, os.WriteFile(filepath.Join(home, "default"), def, 0o644))
			ctx := Context{Cwd: dir, ProfilesDir: home}
			hostArgs, buildArgs := splitCLIArgs(t, c.Args)
			host, herr := FromArgs(ctx, hostArgs, false)
			build, berr := FromArgs(ctx, buildArgs, true)

			lockData, err := os.ReadFile(filepath.Join(dir, "expected", "lock.json"))
			if err != nil {
				if !c.Error {
					t.Fatalf("success case without lock.json")
				}
				// Error cases fail later (settings validation, graph):
				// the profiles themselves must read fine.
				if herr != nil || berr != nil {
					t.Fatalf("profile error in an error case: %v / %v", herr, berr)
				}
				return
			}
			if herr != nil || berr != nil {
				t.Fatalf("unexpected error: %v / %v", herr, berr)
			}
			var lock struct {
				Host  *string `json:"profile_host"`
				Build *string `json:"profile_build"`
			}
			must(t, json.Unmarshal(lockData, &lock))
			extra := preprocessed[name]
			if _, ok := preprocessed[name]; ok {
				used[name] = true
			}
			process := func(p *Profile, add []NameValue) {
				vals := p.Settings
				for _, a := range add {
					vals = append(vals, Setting{Name: a.Name, Value: a.Value})
				}
				p.ReplaceSettings(sortedSettingValues(vals))
			}
			process(host, extra.host)
			if got := host.Dumps(); lock.Host == nil || got != *lock.Host {
				t.Errorf("profile_host:\n got: %q\nwant: %q", got, deref(lock.Host))
			}
			if lock.Build == nil {
				if build != nil {
					t.Errorf("profile_build: got a profile, want none")
				}
			} else {
				if build == nil {
					t.Fatalf("profile_build: got none")
				}
				process(build, extra.build)
				if got := build.Dumps(); got != *lock.Build {
					t.Errorf("profile_build:\n got: %q\nwant: %q", got, *lock.Build)
				}
			}
			compared++
		})
	}
	for name := range preprocessed {
		if !used[name] {
			t.Errorf("preprocessed lists %s, which was not compared", name)
		}
	}
	t.Logf("%d cases compared with their lockfile", compared)
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}
