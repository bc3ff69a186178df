// Package packageid computes Conan 1 package IDs: the model of a
// package's info (Conan's ConanInfo: the settings, options and
// requirements that identify a binary) and its hash.
//
// # The hashed text
//
// A package ID is the lowercase hex SHA-1 of these lines joined with "\n":
//
//	S   = sha1(settings lines)
//	O   = sha1(own-options sha + "\n" + one sha per dependency name, sorted)
//	R   = sha1(requirement lines)
//	[P] = sha1(python-requires lines), only when the recipe has any
//
// where each inner sha1 is also lowercase hex of lines joined with "\n":
//
//   - settings lines: "name=value" for every setting in info.settings,
//     depth first, names sorted, skipping any node whose value is false-like
//     (False, None, 0, off, empty; case-insensitive) together with its
//     sub-settings; e.g. "arch=x86_64", "compiler=gcc", "compiler.version=11";
//   - own-options sha: sha1 of "name=value" for each own option, names
//     sorted, skipping false-like values (so shared=False is not hashed);
//     each dependency's options sha is computed the same way (after
//     info.options drops the values of dependencies by default, those are
//     sha1("")), for dependency names still in info.requires;
//   - requirement lines: for each requirement whose name survives its mode,
//     sorted by (name, version, user, channel, package_id), the text
//     "name/version/user/channel/package_id" with Python's "None" for a
//     field the mode erased (semver_direct_mode gives "zlib/1.Y.Z/None/None/None"),
//     followed by "/rrev" and "/prev" when the mode keeps revisions.
//
// A requirement whose package ID is not known yet (package_revision_mode
// on a dependency to be built) makes the ID "Package_ID_unknown"; an
// invalid configuration (validate() raised) makes it "INVALID".
//
// Setting CONID_DEBUG_HASH=1 in the environment makes the CLI print every
// line hashed, as cmd/go's GODEBUG=gocachehash=1 does.
package packageid

import (
	"crypto/sha1"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/conid/conid/options"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/recipe/version"
)

// Special package IDs.
const (
	Unknown = "Package_ID_unknown"
	Invalid = "INVALID"
	// PrevUnknown is the package revision of a binary not built yet.
	PrevUnknown = "PREV unknown"
)

// Modes lists Conan 1's package_id_mode names.
var Modes = []string{"unrelated_mode", "semver_direct_mode", "semver_mode", "full_version_mode", "patch_mode", "base_mode", "minor_mode", "major_mode", "full_recipe_mode", "full_package_mode", "recipe_revision_mode", "package_revision_mode"}

// ValidMode reports whether a mode name is known ("semver" is an alias).
func ValidMode(m string) bool {
	if m == "semver" {
		return true
	}
	for _, x := range Modes {
		if x == m {
			return true
		}
	}
	return false
}

// Requirement is one dependency as it enters the package ID (Conan's
// RequirementInfo): the full reference, and the fields its mode keeps.
type Requirement struct {
	// Pref is the full reference (Pref.Revision is the prev), shared by
	// every info that requires it, and never changed.
	Pref     *ref.PackageRef
	Indirect bool
	// Kept fields; "" means None.
	Name, Version, User, Channel, PackageID, RecipeRevision, PackageRevision string
	// Mode is the last mode applied, and ModeFrom why (for explain).
	Mode     string
	ModeFrom string
	// shared marks a requirement that several infos hold (see
	// RequirementCache): Requirements copies it before a change.
	shared bool
}

// RequirementCache lets the infos of a graph share their requirements
// and settings: requirements with the same reference, mode and place
// (direct or indirect), and settings made from the same list, are equal
// until a package_id() changes them, and a graph's infos hold one
// requirement per package of their closure. Safe for concurrent use.
type RequirementCache struct {
	mu   sync.Mutex // for settings, and to replace reqs
	reqs atomic.Pointer[reqTable]
	// settings are the settings made for each distinct list: most
	// packages of a graph have the same, and they are shared until an
	// info is to change them (see Info.OwnSettings).
	settings map[string]*sharedSettings
}

// sharedSettings are the settings of the infos made from one list.
type sharedSettings struct {
	full, adjusted *Values
	lines          []string // adjusted.HashLines()
}

// settingsFor makes an info's settings from a list, once per distinct
// list when there is a cache.
func (c *RequirementCache) settingsFor(list []NameValue) (*sharedSettings, error) {
	var key []byte
	if c != nil {
		// The key is made on the stack and looked up without a copy
		// (string(key) in an index expression); only a new entry makes
		// a string of it. Every package asks, and most share a few.
		var buf [256]byte
		key = buf[:0]
		for _, nv := range list {
			key = append(append(append(append(key, nv.Name...), '='), nv.Value...), '\n')
		}
		c.mu.Lock()
		s, ok := c.settings[string(key)]
		c.mu.Unlock()
		if ok {
			return s, nil
		}
	}
	full, err := ValuesFromList(list)
	if err != nil {
		return nil, err
	}
	t := &Info{Settings: full.Copy(), FullSettings: full}
	adjustSettings(t)
	s := &sharedSettings{full: full, adjusted: t.Settings, lines: t.Settings.HashLines()}
	if c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if had, ok := c.settings[string(key)]; ok { // made meanwhile on another goroutine
			return had, nil
		}
		if c.settings == nil {
			c.settings = map[string]*sharedSettings{}
		}
		c.settings[string(key)] = s
	}
	return s, nil
}

// reqTable holds the requirements made under one default mode. The
// package IDs of a level of the graph are computed concurrently, and each
// looks up its whole closure here: a sync.Map reads without locking.
type reqTable struct {
	mode, from string
	// m[0] holds direct requirements, m[1] indirect ones, each
	// *ref.PackageRef -> *Requirement (a pointer key hashes fastest).
	m [2]sync.Map
}

// table returns the requirements made under mode.
func (c *RequirementCache) table(mode, from string) *reqTable {
	t := c.reqs.Load()
	if t == nil || t.mode != mode || t.from != from {
		c.mu.Lock()
		if t = c.reqs.Load(); t == nil || t.mode != mode || t.from != from {
			t = &reqTable{mode: mode, from: from}
			c.reqs.Store(t)
		}
		c.mu.Unlock()
	}
	return t
}

func (t *reqTable) get(p *ref.PackageRef, indirect bool) (*Requirement, error) {
	m := &t.m[0]
	if indirect {
		m = &t.m[1]
	}
	if r, ok := m.Load(p); ok {
		return r.(*Requirement), nil
	}
	r := &Requirement{Pref: p, Indirect: indirect, shared: true}
	if err := r.ApplyMode(t.mode, t.from); err != nil {
		return nil, err
	}
	had, _ := m.LoadOrStore(p, r)
	return had.(*Requirement), nil
}

// RequirementView is one goroutine's reader of a RequirementCache. It
// keeps what it found there in maps of its own, read without
// synchronization: an info looks up its whole closure, and the cache's
// sync.Map hashes an interface per lookup (2% of a 10,000-package
// graph's CPU). A nil view, or one of a nil cache, shares nothing.
type RequirementView struct {
	c *RequirementCache
	t *reqTable // the table m mirrors
	m [2]map[*ref.PackageRef]*Requirement
}

// View returns a new view of c, for one goroutine.
func (c *RequirementCache) View() *RequirementView { return &RequirementView{c: c} }

// table returns the local maps for mode, emptied when the cache's table
// for it is not the one they mirror.
func (v *RequirementView) table(mode, from string) *reqTable {
	if t := v.c.table(mode, from); t != v.t {
		v.t = t
		for i := range v.m {
			if v.m[i] == nil {
				v.m[i] = map[*ref.PackageRef]*Requirement{}
			}
			clear(v.m[i])
		}
	}
	return v.t
}

// NewRequirement applies the default mode.
func NewRequirement(p ref.PackageRef, mode string, indirect bool, from string) (*Requirement, error) {
	r := &Requirement{Pref: &p, Indirect: indirect}
	if err := r.ApplyMode(mode, from); err != nil {
		return nil, err
	}
	return r, nil
}

// modelVersion parses a version for the semver-like modes. A graph asks
// for the same few versions once per dependant, so parses are kept
// (versions are values; their methods do not change them).
func modelVersion(s string) version.Version {
	if v, ok := modelVersions.Load(s); ok {
		return v.(version.Version)
	}
	v, err := version.ParseVersion(s)
	if err != nil {
		v = version.Version{}
	}
	modelVersions.Store(s, v)
	return v
}

var modelVersions sync.Map // string -> version.Version

// ApplyMode sets the kept fields as a mode does. from records why.
func (r *Requirement) ApplyMode(mode, from string) error {
	full := r.Pref.Ref
	set := func(name, ver, user, channel, pid, rrev, prev string) {
		r.Name, r.Version, r.User, r.Channel, r.PackageID, r.RecipeRevision, r.PackageRevision = name, ver, user, channel, pid, rrev, prev
	}
	// Only the semver-like modes look at the version's parts.
	v := func() version.Version { return modelVersion(full.Version) }
	switch mode {
	case "unrelated_mode":
		set("", "", "", "", "", "", "")
	case "semver_direct_mode":
		if r.Indirect {
			set("", "", "", "", "", "", "")
		} else {
			set(full.Name, v().Stable(), "", "", "", "", "")
		}
	case "semver_mode", "semver":
		set(full.Name, v().Stable(), "", "", "", "", "")
	case "full_version_mode":
		set(full.Name, full.Version, "", "", "", "", "")
	case "patch_mode":
		set(full.Name, v().Patch(), "", "", "", "", "")
	case "base_mode":
		set(full.Name, v().Base(), "", "", "", "", "")
	case "minor_mode":
		set(full.Name, v().Minor(true), "", "", "", "", "")
	case "major_mode":
		set(full.Name, v().Major(true), "", "", "", "", "")
	case "full_recipe_mode":
		set(full.Name, full.Version, full.User, full.Channel, "", "", "")
	case "full_package_mode":
		set(full.Name, full.Version, full.User, full.Channel, r.Pref.PackageID, "", "")
	case "recipe_revision_mode":
		set(full.Name, full.Version, full.User, full.Channel, r.Pref.PackageID, full.Revision, "")
	case "package_revision_mode":
		prev := r.Pref.Revision
		if prev == "" {
			prev = PrevUnknown
		}
		set(full.Name, full.Version, full.User, full.Channel, r.Pref.PackageID, full.Revision, prev)
	default:
		return &Error{Msg: fmt.Sprintf("'%s' is not a known package_id_mode", mode)}
	}
	r.Mode, r.ModeFrom = mode, from
	return nil
}

func none(s string) string {
	if s == "" {
		return "None"
	}
	return s
}

// HashLine is the requirement's line in the requirements hash; ok is
// false when the ID is unknown, and the line is Invalid for an invalid
// dependency.
func (r *Requirement) HashLine() (line string, ok bool) {
	if r.PackageID == Unknown || r.PackageRevision == PrevUnknown {
		return "", false
	}
	if r.PackageID == Invalid {
		return Invalid, true
	}
	vals := []string{none(r.Name), none(r.Version), none(r.User), none(r.Channel), none(r.PackageID)}
	if r.RecipeRevision != "" {
		vals = append(vals, r.RecipeRevision)
	}
	if r.PackageRevision != "" {
		vals = append(vals, r.PackageRevision)
	}
	return strings.Join(vals, "/"), true
}

// Dumps is the conaninfo.txt form.
func (r *Requirement) Dumps() string {
	if r.Name == "" {
		return ""
	}
	s := r.Name + "/" + r.Version
	if r.User != "" || r.Channel != "" {
		s += "@" + none(r.User) + "/" + none(r.Channel)
	}
	if r.RecipeRevision != "" {
		s += "#" + r.RecipeRevision
	}
	if r.PackageID != "" {
		s += ":" + r.PackageID
	}
	if r.PackageRevision != "" {
		s += "#" + r.PackageRevision
	}
	return s
}

// Requirements are the requirements of an info, keyed by full package
// reference (Conan's RequirementsInfo).
type Requirements struct {
	list []*Requirement
}

// Add appends requirements with a mode.
func (rs *Requirements) Add(prefs []ref.PackageRef, mode string, indirect bool, from string) error {
	for _, p := range prefs {
		r, err := NewRequirement(p, mode, indirect, from)
		if err != nil {
			return err
		}
		rs.set(r)
	}
	return nil
}

// addDistinct appends requirements known to be distinct from each other
// and from those already held (NewInfo's lists), without set's scan,
// shared through cache if it is not nil.
func (rs *Requirements) addDistinct(prefs []*ref.PackageRef, mode string, indirect bool, from string, cache *RequirementView) error {
	rs.list = slices.Grow(rs.list, len(prefs))
	if cache != nil && cache.c != nil {
		// table first: it makes (or empties) the maps read next.
		t := cache.table(mode, from)
		local := cache.m[0]
		if indirect {
			local = cache.m[1]
		}
		for _, p := range prefs {
			r, ok := local[p]
			if !ok {
				var err error
				if r, err = t.get(p, indirect); err != nil {
					return err
				}
				local[p] = r
			}
			rs.list = append(rs.list, r)
		}
		return nil
	}
	slab := make([]Requirement, len(prefs)) // one allocation for all
	for i := range prefs {
		r := &slab[i]
		r.Pref, r.Indirect = prefs[i], indirect
		if err := r.ApplyMode(mode, from); err != nil {
			return err
		}
		rs.list = append(rs.list, r)
	}
	return nil
}

func (rs *Requirements) set(r *Requirement) {
	for i, x := range rs.list {
		if *x.Pref == *r.Pref {
			rs.list[i] = r
			return
		}
	}
	rs.list = append(rs.list, r)
}

// All returns every requirement, sorted by full package reference.
func (rs *Requirements) All() []*Requirement {
	out := append([]*Requirement(nil), rs.list...)
	sort.SliceStable(out, func(i, j int) bool { return PrefLess(*out[i].Pref, *out[j].Pref) })
	return out
}

// Get returns the requirement with a package name, this info's own to
// change.
func (rs *Requirements) Get(name string) (*Requirement, error) {
	for i, r := range rs.list {
		if r.Pref.Ref.Name == name {
			return rs.own(i), nil
		}
	}
	return nil, &Error{Msg: "No requirement matching for " + name}
}

// Remove drops requirements by name; each must exist.
func (rs *Requirements) Remove(names ...string) error {
	for _, n := range names {
		found := false
		for i, r := range rs.list {
			if r.Pref.Ref.Name == n {
				rs.list = append(rs.list[:i:i], rs.list[i+1:]...)
				found = true
				break
			}
		}
		if !found {
			return &Error{Msg: "No requirement matching for " + n}
		}
	}
	return nil
}

// own makes the i-th requirement this info's alone, and returns it.
func (rs *Requirements) own(i int) *Requirement {
	if r := rs.list[i]; r.shared {
		c := *r
		c.shared = false
		rs.list[i] = &c
	}
	return rs.list[i]
}

// List returns the requirements in insertion order, to read: callers
// must change neither the slice nor the requirements.
func (rs *Requirements) List() []*Requirement { return rs.list }

// Len is the number of requirements.
func (rs *Requirements) Len() int { return len(rs.list) }

// Clear drops every requirement.
func (rs *Requirements) Clear() { rs.list = nil }

// ApplyModeAll applies a mode to every requirement.
func (rs *Requirements) ApplyModeAll(mode, from string) error {
	for i := range rs.list {
		if err := rs.own(i).ApplyMode(mode, from); err != nil {
			return err
		}
	}
	return nil
}

// Prefs returns the full package references (Conan's refs()).
func (rs *Requirements) Prefs() []ref.PackageRef {
	out := make([]ref.PackageRef, len(rs.list))
	for i, r := range rs.list {
		out[i] = *r.Pref
	}
	return out
}

// Names returns the package names.
func (rs *Requirements) Names() []string {
	out := make([]string, len(rs.list))
	for i, r := range rs.list {
		out[i] = r.Pref.Ref.Name
	}
	return out
}

// Copy returns an independent copy.
func (rs *Requirements) Copy() *Requirements {
	c := &Requirements{}
	for _, r := range rs.list {
		x := *r
		x.shared = false
		c.list = append(c.list, &x)
	}
	return c
}

// HashLines returns the lines hashed for requirements, or ok=false when
// some ID is unknown; invalid is true when a dependency is invalid.
func (rs *Requirements) HashLines() (lines []string, ok, invalid bool) {
	// Only kept requirements write a line: sort those (the order among
	// them is the same as in the whole sorted list).
	var kept []*Requirement
	for _, r := range rs.list {
		if r.Name != "" {
			kept = append(kept, r)
		}
	}
	sort.SliceStable(kept, func(i, j int) bool { return PrefLess(*kept[i].Pref, *kept[j].Pref) })
	for _, r := range kept {
		l, known := r.HashLine()
		if !known {
			return nil, false, false
		}
		if l == Invalid {
			return nil, true, true
		}
		lines = append(lines, l)
	}
	return lines, true, false
}

// PrefLess orders package references as Conan sorts them: reference
// (name, version by Conan's version order, user, channel, revision), then
// package ID, then package revision.
func PrefLess(a, b ref.PackageRef) bool {
	if c := RefCompare(a.Ref, b.Ref); c != 0 {
		return c < 0
	}
	if a.PackageID != b.PackageID {
		return a.PackageID < b.PackageID
	}
	return a.Revision < b.Revision
}

// RefCompare orders recipe references as Python compares Conan's
// ConanFileReference tuples.
func RefCompare(a, b ref.Ref) int {
	if a.Name != b.Name {
		return strings.Compare(a.Name, b.Name)
	}
	if c := version.Compare(modelVersion(a.Version), modelVersion(b.Version)); c != 0 {
		// Python's tuple comparison asks == first, then <.
		if version.Compare(modelVersion(a.Version), modelVersion(b.Version)) == -1 {
			return -1
		}
		return 1
	}
	if a.User != b.User {
		return strings.Compare(a.User, b.User)
	}
	if a.Channel != b.Channel {
		return strings.Compare(a.Channel, b.Channel)
	}
	return strings.Compare(a.Revision, b.Revision)
}

// Info is what identifies a binary (Conan's ConanInfo).
type Info struct {
	// Settings may be shared with other infos of the graph: read them,
	// or call OwnSettings before changing them.
	Settings *Values
	// FullSettings may be shared with other infos of the graph: read it,
	// or call OwnFullSettings before changing it.
	FullSettings *Values
	Options      *options.Values
	FullOptions  *options.Values
	Requires     *Requirements
	FullRequires []*ref.PackageRef
	// PythonRequires lines, already rendered per their mode; nil when the
	// recipe has no python_requires (legacy ones never count).
	PythonRequires []string
	// PythonRequireRefs are the python_requires behind those lines, for
	// package_id() to render them in another mode.
	PythonRequireRefs []ref.Ref
	// Conf is the text of self.info.conf (Conf.dumps()) when package_id()
	// set it: Conan then hashes that text as one more line.
	Conf *string
	// Invalid holds the validate() message when the configuration is
	// invalid.
	Invalid string

	// shared are the settings this info was made with, which other
	// infos hold too: while Settings or FullSettings are those, they are
	// not the info's to change.
	shared *sharedSettings
	// optionsInRequires: Options names only packages that Requires
	// names, so Conan's filter_used would keep them all (see
	// OptionsWithinRequires).
	optionsInRequires bool
}

// OptionsWithinRequires tells PackageID that Options names no package
// outside Requires, so that filtering options by the requirements'
// names (Conan's filter_used) would drop nothing: it skips the set of
// names it makes for that. For an info whose options come from a
// finish that kept only the packages these requirements name, and
// which nothing changes before PackageID (no package_id()).
func (info *Info) OptionsWithinRequires() { info.optionsInRequires = true }

// OwnSettings gives the info Settings of its own (a copy of shared ones),
// for a caller that is to change them.
func (info *Info) OwnSettings() *Values {
	if info.shared != nil && info.Settings == info.shared.adjusted {
		info.Settings = info.Settings.Copy()
	}
	return info.Settings
}

// OwnFullSettings gives the info a FullSettings of its own (a copy of a
// shared one), for a caller that may change it.
func (info *Info) OwnFullSettings() *Values {
	if info.shared != nil && info.FullSettings == info.shared.full {
		info.FullSettings = info.FullSettings.Copy()
	}
	return info.FullSettings
}

// Computation is a package ID with the text behind it.
type Computation struct {
	ID            string
	SettingsLines []string
	OptionsOwn    []string
	RequireLines  []string
	PythonLines   []string
	// Conf is self.info.conf's text, hashed as it is (HasConf: set).
	Conf    string
	HasConf bool
	Lines   []string // the outer lines: the shas, and the conf text

	// deps are the dependency option values hashed (final once the ID
	// is computed): their lines are made again only for explain.
	deps *options.Values
}

// OptionsDeps are the hashed option lines of each dependency, by name.
func (c *Computation) OptionsDeps() []DepOptionLines {
	if c.deps == nil {
		return nil
	}
	pkgs := c.deps.Packages()
	out := make([]DepOptionLines, len(pkgs))
	for i, e := range pkgs {
		out[i] = DepOptionLines{e.Name, optionLines(e.Values)}
	}
	return out
}

// DepOptionLines are the hashed option lines of one dependency.
type DepOptionLines struct {
	Name  string
	Lines []string
}

// hasOptionLines reports whether optionLines(p) has any line.
func hasOptionLines(p *options.PackageValues) bool {
	for _, it := range p.Sorted() {
		if options.Truthy(it.Value.Str) {
			return true
		}
	}
	return false
}

// optionLines are the lines hashed for one package's options.
func optionLines(p *options.PackageValues) []string {
	var lines []string
	for _, it := range p.Sorted() {
		if options.Truthy(it.Value.Str) {
			lines = append(lines, it.Name+"="+it.Value.Str)
		}
	}
	return lines
}

// emptyDepsLine is the options line of a package with own options' sha
// own and n dependencies without option lines.
func emptyDepsLine(own [2 * sha1.Size]byte, n int) string {
	k := emptyDepsKey{own, n}
	if v, ok := emptyDepsLines.Load(k); ok {
		return v.(string)
	}
	line := optionsLineOf(own, n, func(int) [2 * sha1.Size]byte { return sha1EmptyHex })
	emptyDepsLines.Store(k, line)
	return line
}

// optionsLineOf is the hex sha of own and the n dependency shas dep
// gives, one per line, joined in a pooled buffer: a closure may hold
// thousands, and a chain of them misses emptyDepsLines once per length.
func optionsLineOf(own [2 * sha1.Size]byte, n int, dep func(i int) [2 * sha1.Size]byte) string {
	bufp := optionTexts.Get().(*[]byte)
	text := append((*bufp)[:0], own[:]...)
	for i := range n {
		sum := dep(i)
		text = append(append(text, '\n'), sum[:]...)
	}
	line := hexSha1(text)
	*bufp = text
	optionTexts.Put(bufp)
	return line
}

type emptyDepsKey struct {
	own [2 * sha1.Size]byte
	n   int
}

// sha1EmptyHex is sha1Empty as sha1Lines gives it.
var sha1EmptyHex = sha1Lines(nil)

// emptyDepsLines remembers emptyDepsLine: packages share a handful of
// own option sets and closure sizes.
var emptyDepsLines sync.Map

// optionTexts are PackageID's scratch buffers for the options line.
var optionTexts = sync.Pool{New: func() any { return new([]byte) }}

// usedNames are PackageID's scratch sets of requirement names.
var usedNames = sync.Pool{New: func() any { return map[string]bool{} }}

// PackageID computes the ID, filtering dependency options to the
// requirements still present, as Conan does.
func (info *Info) PackageID() Computation {
	var c Computation
	if info.Invalid != "" {
		c.ID = Invalid
		return c
	}
	if info.shared != nil && info.Settings == info.shared.adjusted {
		c.SettingsLines = info.shared.lines
	} else {
		c.SettingsLines = info.Settings.HashLines()
	}
	if !info.optionsInRequires {
		used := usedNames.Get().(map[string]bool)
		for _, r := range info.Requires.list {
			used[r.Pref.Ref.Name] = true
		}
		info.Options.FilterUsed(used)
		clear(used)
		usedNames.Put(used)
	}
	c.OptionsOwn = optionLines(info.Options.Own)
	// The options line is the sha of the own options' sha and each
	// dependency's, one per line: a graph hashes one line per package of
	// every closure.
	own := sha1Lines(c.OptionsOwn)
	c.deps = info.Options
	var optionsLine string
	if n, ok := info.Options.ClearedLen(); ok {
		// Every dependency still holds the cleared set (the default).
		optionsLine = emptyDepsLine(own, n)
	} else if pkgs := info.Options.PackagesView(); !slices.ContainsFunc(pkgs, func(e options.PackageEntry) bool { return hasOptionLines(e.Values) }) {
		// No dependency has a line (cleared values, the default): the
		// text is the own sha and the empty sha n times, and its sha
		// is remembered for the next package with the same.
		optionsLine = emptyDepsLine(own, len(pkgs))
	} else {
		// Dependencies' lines are hashed in name order.
		pkgs = info.Options.Packages()
		optionsLine = optionsLineOf(own, len(pkgs), func(i int) [2 * sha1.Size]byte {
			return sha1Lines(optionLines(pkgs[i].Values))
		})
	}
	lines, ok, invalid := info.Requires.HashLines()
	if !ok {
		c.ID = Unknown
		return c
	}
	if invalid {
		info.Invalid = "Invalid transitive dependencies"
		c.ID = Invalid
		return c
	}
	c.RequireLines = lines
	c.Lines = []string{
		hashLines(c.SettingsLines),
		optionsLine,
		hashLines(lines),
	}
	if info.PythonRequires != nil {
		c.PythonLines = info.PythonRequires
		c.Lines = append(c.Lines, hashLines(info.PythonRequires))
	}
	if info.Conf != nil {
		c.Conf, c.HasConf = *info.Conf, true
		c.Lines = append(c.Lines, *info.Conf)
	}
	c.ID = hashLines(c.Lines)
	return c
}

// Clear is header_only()/clear(): no settings, options or requirements.
func (info *Info) Clear() {
	info.OwnSettings().Clear()
	info.Options.Clear()
	info.Requires.Clear()
}

// CopyForBuild is ConanInfo.copy, used for build_id(): settings, options,
// requirements and validity, without the full_* fields.
func (info *Info) CopyForBuild() *Info {
	return &Info{
		Settings:          info.Settings.Copy(),
		FullSettings:      info.FullSettings,
		shared:            &sharedSettings{full: info.FullSettings}, // held by info too
		Options:           info.Options.Copy(),
		FullOptions:       info.FullOptions,
		Requires:          info.Requires.Copy(),
		FullRequires:      info.FullRequires,
		PythonRequires:    info.PythonRequires,
		PythonRequireRefs: info.PythonRequireRefs,
		Conf:              info.Conf,
		Invalid:           info.Invalid,
	}
}
