// Package remote is conid's client side of Conan remotes: the registry of
// remotes (remotes.json in the Conan home), the login tokens (.conan.db),
// a client of the Conan REST API v1 and v2, and the hooks that let the
// graph resolver find recipes, versions and binaries on remotes.
package remote

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/conid/conid/internal/atomicfile"
	"github.com/conid/conid/internal/fsread"
)

// ConanCenter is the remote Conan 1 writes into a new remotes.json.
var ConanCenter = Remote{Name: "conancenter", URL: "https://center.conan.io", VerifySSL: true}

// Remote is one entry of remotes.json.
type Remote struct {
	Name      string `json:"name"`
	URL       string `json:"url"`
	VerifySSL bool   `json:"verify_ssl"`
	Disabled  bool   `json:"disabled,omitempty"`
}

// String is how "conan remote list" prints a remote.
func (r Remote) String() string {
	dis := ""
	if r.Disabled {
		dis = ", Disabled: True"
	}
	return fmt.Sprintf("%s: %s [Verify SSL: %s%s]", r.Name, r.URL, pyBool(r.VerifySSL), dis)
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// Remotes is the ordered list of remotes.json.
type Remotes struct {
	List []Remote
}

// RemotesFile is where a Conan home keeps its remotes.
func RemotesFile(homeDir string) string { return filepath.Join(homeDir, "remotes.json") }

// ParseRemotes reads the text of a remotes.json; file names it in errors.
func ParseRemotes(file string, b []byte) (*Remotes, error) {
	var doc struct {
		Remotes []json.RawMessage `json:"remotes"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: invalid remotes file: %v", file, err)
	}
	out := &Remotes{}
	seen := map[string]bool{}
	for i, raw := range doc.Remotes {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil {
			return nil, fmt.Errorf("%s: remotes[%d]: %v", file, i, err)
		}
		var r Remote
		for _, f := range []struct {
			key      string
			dst      any
			required bool
		}{{"name", &r.Name, true}, {"url", &r.URL, true}, {"verify_ssl", &r.VerifySSL, true}, {"disabled", &r.Disabled, false}} {
			v, ok := fields[f.key]
			if !ok {
				if f.required {
					return nil, fmt.Errorf("%s: remotes[%d]: missing field %q", file, i, f.key)
				}
				continue
			}
			if err := json.Unmarshal(v, f.dst); err != nil {
				return nil, fmt.Errorf("%s: remotes[%d].%s: %v", file, i, f.key, err)
			}
		}
		if r.Name == "" {
			return nil, fmt.Errorf("%s: remotes[%d]: empty name", file, i)
		}
		if seen[r.Name] {
			return nil, fmt.Errorf("%s: remotes[%d]: remote %q defined twice", file, i, r.Name)
		}
		seen[r.Name] = true
		out.List = append(out.List, r)
	}
	return out, nil
}

// LoadRemotes reads the home's remotes.json. A missing file gives Conan's
// default list (conancenter) and, when create is set, is written as Conan
// does on first use.
func LoadRemotes(homeDir string, create bool) (*Remotes, error) {
	path := RemotesFile(homeDir)
	// Recorded: a cached graph result depends on the registry.
	b, err := fsread.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		rs := &Remotes{List: []Remote{ConanCenter}}
		if create {
			return rs, rs.Save(homeDir)
		}
		return rs, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseRemotes(path, b)
}

// Marshal renders remotes.json as Conan writes it (json.dumps, indent=1).
func (rs *Remotes) Marshal() []byte {
	type entry struct {
		Name      string `json:"name"`
		URL       string `json:"url"`
		VerifySSL bool   `json:"verify_ssl"`
		Disabled  bool   `json:"disabled,omitempty"`
	}
	doc := struct {
		Remotes []entry `json:"remotes"`
	}{Remotes: []entry{}}
	for _, r := range rs.List {
		doc.Remotes = append(doc.Remotes, entry(r))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	_ = enc.Encode(doc)
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// Save writes remotes.json atomically.
func (rs *Remotes) Save(homeDir string) error {
	if err := os.MkdirAll(homeDir, 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(RemotesFile(homeDir), rs.Marshal())
}

// Get returns a remote by name.
func (rs *Remotes) Get(name string) (Remote, bool) {
	for _, r := range rs.List {
		if r.Name == name {
			return r, true
		}
	}
	return Remote{}, false
}

// Enabled are the remotes not disabled, in order.
func (rs *Remotes) Enabled() []Remote {
	var out []Remote
	for _, r := range rs.List {
		if !r.Disabled {
			out = append(out, r)
		}
	}
	return out
}

func (rs *Remotes) index(name string) int {
	for i, r := range rs.List {
		if r.Name == name {
			return i
		}
	}
	return -1
}

func (rs *Remotes) byURL(u string) int {
	for i, r := range rs.List {
		if r.URL == u {
			return i
		}
	}
	return -1
}

// ParseInsert reads an --insert value.
func ParseInsert(s string) (*int, error) {
	if s == "" {
		return nil, nil
	}
	i, err := strconv.Atoi(s)
	if err != nil {
		return nil, fmt.Errorf("insert argument must be an integer")
	}
	return &i, nil
}

func insertAt(list []Remote, i int, r Remote) []Remote {
	// Python's list.insert clamps the index, and counts negatives from the end.
	if i < 0 {
		i += len(list)
		if i < 0 {
			i = 0
		}
	}
	if i > len(list) {
		i = len(list)
	}
	out := append([]Remote(nil), list[:i]...)
	out = append(out, r)
	return append(out, list[i:]...)
}

// Add adds a remote as "conan remote add" does; with force it replaces a
// remote of the same name or URL.
func (rs *Remotes) Add(r Remote, insert *int, force bool) error {
	if err := ValidateURL(r.URL); err != nil {
		return err
	}
	if force {
		var keep []Remote
		for _, x := range rs.List {
			if x.Name != r.Name && x.URL != r.URL {
				keep = append(keep, x)
			}
		}
		if insert != nil {
			rs.List = insertAt(keep, *insert, r)
		} else {
			rs.List = append(keep, r)
		}
		return nil
	}
	if rs.index(r.Name) >= 0 {
		return fmt.Errorf("Remote '%s' already exists in remotes (use update to modify)", r.Name)
	}
	return rs.addUpdate(r, insert)
}

// Update changes a remote's URL, SSL flag or position.
func (rs *Remotes) Update(r Remote, insert *int) error {
	if err := ValidateURL(r.URL); err != nil {
		return err
	}
	if rs.index(r.Name) < 0 {
		return fmt.Errorf("Remote '%s' not found in remotes", r.Name)
	}
	return rs.addUpdate(r, insert)
}

func (rs *Remotes) addUpdate(r Remote, insert *int) error {
	if i := rs.byURL(r.URL); i >= 0 {
		prev := rs.List[i]
		if prev.VerifySSL == r.VerifySSL && insert == nil {
			return fmt.Errorf("Remote '%s' already exists with same URL", prev.Name)
		}
		r.Disabled = prev.Disabled
	}
	if insert != nil {
		if i := rs.index(r.Name); i >= 0 {
			rs.List = append(rs.List[:i:i], rs.List[i+1:]...)
		}
		rs.List = insertAt(rs.List, *insert, r)
		return nil
	}
	if i := rs.index(r.Name); i >= 0 {
		rs.List[i] = r
	} else {
		rs.List = append(rs.List, r)
	}
	return nil
}

// Remove deletes a remote by name.
func (rs *Remotes) Remove(name string) error {
	i := rs.index(name)
	if i < 0 {
		return fmt.Errorf("No remote '%s' defined in remotes", name)
	}
	rs.List = append(rs.List[:i:i], rs.List[i+1:]...)
	return nil
}

// ValidateURL rejects URLs conid cannot talk to. (Conan only warns; a
// URL without scheme or host cannot work, so conid says so at once.)
func ValidateURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("invalid remote URL %q: %v", raw, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("invalid remote URL %q: it must contain scheme (http or https) and hostname", raw)
	}
	return nil
}

// Select picks the remotes a graph command uses for -r VALUE: one remote
// by name, or "all" for every enabled remote in the registry's order.
func (rs *Remotes) Select(name string) (selected []Remote, pinned bool, err error) {
	if name == "all" {
		if _, ok := rs.Get("all"); !ok {
			return rs.Enabled(), false, nil
		}
	}
	r, ok := rs.Get(name)
	if !ok {
		return nil, false, fmt.Errorf("No remote '%s' defined in remotes", name)
	}
	if r.Disabled {
		return nil, false, fmt.Errorf("Remote '%s' is disabled", name)
	}
	return []Remote{r}, true, nil
}

// trimSlash is how URLs are joined with routes.
func trimSlash(s string) string { return strings.TrimRight(s, "/") }
