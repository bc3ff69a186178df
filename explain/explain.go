// Package explain answers "where did this value come from?" for every
// option and setting of a resolved graph, and "why is this package ID
// what it is?".
//
// It computes nothing itself: options come from the event log that
// options.PackageOptions keeps while the graph builder applies Conan's
// layers, settings from the profiles' assignment history plus the
// changes recipe code made (recipe.Change), package IDs from the
// requirement modes packageid recorded. So an explanation cannot disagree
// with the values conid computed.
package explain

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/conid/conid/graph"
	"github.com/conid/conid/internal/par"
	"github.com/conid/conid/options"
	"github.com/conid/conid/profiles"
	"github.com/conid/conid/recipe"
	py "github.com/conid/conid/recipe/python"
)

// Statuses of a step.
const (
	Won        = "won"
	Overridden = "overridden"
	Ignored    = "ignored"
	Unchanged  = "unchanged" // a downstream value equal to the current one
	Removed    = "removed"
	Rejected   = "rejected"
	Info       = "info" // context (declared values, removals from the ID)
)

// Report explains a graph.
type Report struct {
	Packages []*Package `json:"packages"`
	// Unused are profile and command-line option assignments that no
	// package of the graph took.
	Unused []Step `json:"unused,omitempty"`
	// Error is the resolution error, when the graph is partial.
	Error string `json:"error,omitempty"`
}

// Package is one node.
type Package struct {
	Node string `json:"node"`
	Ref  string `json:"ref"`
	// Name and FullRef are what queries match: the package name (the
	// file name for a consumer without one) and name/version@user/channel.
	Name      string     `json:"name"`
	FullRef   string     `json:"full_ref,omitempty"`
	Context   string     `json:"context"`
	PackageID string     `json:"package_id"`
	Options   []*Option  `json:"options,omitempty"`
	Settings  []*Setting `json:"settings,omitempty"`
}

// Option is one option of a package: its final value and every
// assignment that touched it.
type Option struct {
	Name string `json:"name"`
	// Value is the final value; HasValue is false for Python None or a
	// deleted option (Deleted).
	Value    string `json:"value"`
	HasValue bool   `json:"has_value"`
	Deleted  bool   `json:"deleted,omitempty"`
	// Undeclared is set for an option the package never had, that a
	// pattern or a consumer tried to set.
	Undeclared bool `json:"undeclared,omitempty"`
	// InID reports whether the option is part of the package ID's
	// options (package_id() may remove it). Conan hashes only truthy
	// values, so a False value counts but writes no line.
	InID  bool    `json:"in_package_id"`
	Steps []*Step `json:"steps"`
}

// Setting is one setting of a package.
type Setting struct {
	Name string `json:"name"`
	// Value is the value the recipe sees; Declared is false when the
	// recipe's `settings` does not include it (or configure() removed it).
	Value    string `json:"value,omitempty"`
	Declared bool   `json:"declared"`
	// IDValue is the value hashed into the package ID ("" and InID false
	// when package_id() removed it).
	IDValue string  `json:"id_value,omitempty"`
	InID    bool    `json:"in_package_id"`
	Steps   []*Step `json:"steps"`
}

// Step is one assignment or event.
type Step struct {
	Layer  string `json:"layer"`           // "profile", "command line", "recipe default_options"...
	Value  string `json:"value,omitempty"` // the value it wrote
	Where  string `json:"where,omitempty"` // file:line or "-o #2"
	Ref    string `json:"ref,omitempty"`   // the recipe or consumer that wrote it
	Key    string `json:"key,omitempty"`   // as written: "*:shared", "zlib:shared"
	Via    string `json:"via,omitempty"`   // consumer that propagated it
	Status string `json:"status"`
	// By names the step that overrode this one.
	By     string `json:"by,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// Source describes a step for "overridden by ...".
func (s *Step) Source() string {
	var b strings.Builder
	b.WriteString(s.Layer)
	if s.Ref != "" {
		b.WriteString(" of " + s.Ref)
	}
	if s.Where != "" {
		b.WriteString(" (" + s.Where + ")")
	}
	return b.String()
}

// Query selects what to explain: packages by name (or name/version, or
// a pattern), and optionally one option or setting of each.
type Query struct {
	Package string // "" matches every package
	Field   string // option or setting name; "" for all
}

// ParseQuery reads "PKG", "PKG:OPTION" or "PKG:compiler.version".
func ParseQuery(s string) Query {
	pkg, field, _ := strings.Cut(s, ":")
	return Query{Package: pkg, Field: field}
}

// MatchNode reports whether a query selects a node.
func MatchNode(q Query, n *graph.Node) bool { return q.matchesNode(n) }

func (q Query) matchesNode(n *graph.Node) bool {
	name, full := queryNames(n)
	return q.matches(name, full)
}

// queryNames are the names a query can give a node by.
func queryNames(n *graph.Node) (name, full string) {
	name, full = n.Name(), n.RefString()
	if n.Ref.Name == "" && n.Path != "" {
		name = filepath.Base(n.Path)
	}
	return name, full
}

func (q Query) matches(name, full string) bool {
	if q.Package == "" || q.Package == "*" {
		return true
	}
	return q.Package == name || q.Package == full || py.Fnmatch(full, q.Package) || py.Fnmatch(name, q.Package)
}

// Build explains the nodes of g that the queries select (all when none).
// host and build are the profiles the graph was resolved with (build may
// be nil in single-profile mode). It equals Build(g, host, build,
// nil).Select(queries), at a fraction of the cost for a few packages of a
// large graph: the others' settings are not explained, and their options
// only for what they tell of the profile's assignments (Report.Unused).
func Build(g *graph.Graph, host, build *profiles.Profile, queries []Query) *Report {
	r := &Report{}
	used := map[string]bool{}
	lost := lostAssignments(g)
	var nodes []*graph.Node
	for _, n := range g.Nodes {
		if n.Recipe != graph.RecipeVirtual {
			nodes = append(nodes, n)
		}
	}
	parts := make([]*Package, len(nodes))
	took := make([][]string, len(nodes))
	// Each package's explanation only reads the resolved graph, so they
	// are built on every processor; a 10,000-package graph's take a
	// tenth of a second on one.
	par.ForEach(len(nodes), 64, func(_, i int) {
		n := nodes[i]
		if !selects(queries, n) {
			took[i] = profileAssignmentsTaken(n, lost)
			return
		}
		prof := host
		if n.Context == graph.Build && build != nil {
			prof = build
		}
		parts[i] = explainNode(n, prof, lost)
	})
	for i, pkg := range parts {
		if pkg != nil {
			markUsed(pkg, used)
			r.Packages = append(r.Packages, pkg)
		}
		for _, k := range took[i] {
			used[k] = true
		}
	}
	for _, p := range []*profiles.Profile{host, build} {
		if p == nil {
			continue
		}
		for _, o := range p.Options {
			key := o.Name
			if o.Scoped {
				key = o.Package + ":" + o.Name
			}
			st := profileOptionStep(o, key)
			if !used[originKey(st.Where, key)] {
				st.Status = Ignored
				st.Reason = "no package of the graph took it"
				if o.Scoped && !strings.ContainsAny(o.Package, "*?[") {
					st.Reason = "package " + o.Package + " is not in the graph"
				}
				r.Unused = append(r.Unused, st)
			}
		}
	}
	return r.Select(queries)
}

// Select keeps the packages, and their options and settings, that the
// queries name (everything when there are none). The report is shared,
// not copied.
func (r *Report) Select(queries []Query) *Report {
	if len(queries) == 0 {
		return r
	}
	out := &Report{Unused: r.Unused, Error: r.Error}
	for _, pkg := range r.Packages {
		var fields map[string]bool
		selected := false
		for _, q := range queries {
			if q.matches(pkg.Name, pkg.FullRef) {
				selected = true
				if q.Field == "" {
					fields = nil
					break
				}
				if fields == nil {
					fields = map[string]bool{}
				}
				fields[q.Field] = true
			}
		}
		if !selected {
			continue
		}
		if fields != nil {
			c := *pkg
			c.Options = filterOptions(pkg.Options, fields)
			c.Settings = filterSettings(pkg.Settings, fields)
			pkg = &c
		}
		out.Packages = append(out.Packages, pkg)
	}
	return out
}

func filterOptions(in []*Option, fields map[string]bool) []*Option {
	var out []*Option
	for _, o := range in {
		if fields[o.Name] {
			out = append(out, o)
		}
	}
	return out
}

func filterSettings(in []*Setting, fields map[string]bool) []*Setting {
	var out []*Setting
	for _, s := range in {
		if fields[s.Name] {
			out = append(out, s)
		}
	}
	return out
}

func profileOptionStep(o profiles.Option, key string) Step {
	st := Step{Layer: "profile", Value: o.Value, Where: o.Origin.String(), Key: key}
	if o.Origin.Flag != "" {
		st.Layer = "command line"
		st.Where = "-o #" + fmt.Sprint(o.Origin.Arg)
		if strings.HasSuffix(o.Origin.Flag, ":b") {
			st.Where = "-o:b #" + fmt.Sprint(o.Origin.Arg)
		}
	}
	return st
}

// originKey identifies a profile or command-line assignment.
func originKey(where, key string) string { return where + "\x00" + key }

// markUsed records the profile and command-line assignments that reached
// a package's option chains, whatever became of them there.
func markUsed(p *Package, used map[string]bool) {
	for _, o := range p.Options {
		for _, st := range o.Steps {
			if st.Layer == "profile" || st.Layer == "command line" {
				used[originKey(st.Where, st.Key)] = true
			}
		}
	}
}

// where renders an options.Origin's location.
func where(o *options.Origin) string {
	switch {
	case o == nil:
		return ""
	case o.File != "" && o.Line > 0:
		return fmt.Sprintf("%s:%d", o.File, o.Line)
	case o.File != "":
		return o.File
	case o.Arg > 0:
		return fmt.Sprintf("-o #%d", o.Arg)
	}
	return ""
}

// lost is an assignment a consumer made or passed on for dependencies
// matching Pattern that a later one replaced before it reached them.
type lost struct {
	Pattern, Option string
	Step            *Step
}

// lostAssignments reads every node's record of the values it held for
// its dependencies and returns those replaced there (by the consumer's
// configure(), or by a value coming from further downstream).
func lostAssignments(g *graph.Graph) []lost {
	perNode := make([][]lost, len(g.Nodes))
	last := make([]map[string]string, par.Workers(len(g.Nodes), 64))
	par.ForEach(len(g.Nodes), 64, func(w, i int) {
		if last[w] == nil {
			last[w] = map[string]string{}
		}
		if n := g.Nodes[i]; anyLost(n, last[w]) {
			perNode[i] = nodeLostAssignments(n)
		}
	})
	var out []lost
	for _, l := range perNode {
		out = append(out, l...)
	}
	return out
}

// anyLost reports whether a node's record holds a value that a different
// one replaced: most hold none, and finding that out needs no steps built
// (last is scratch space).
func anyLost(n *graph.Node, last map[string]string) bool {
	if n.Conanfile == nil || n.Conanfile.Options == nil {
		return false
	}
	clear(last)
	for _, e := range n.Conanfile.Options.DepLog() {
		if v, ok := last[e.Option]; ok && v != e.Value {
			return true
		}
		last[e.Option] = e.Value
	}
	return false
}

// nodeLostAssignments is lostAssignments for one node's record.
func nodeLostAssignments(n *graph.Node) []lost {
	if n.Conanfile == nil || n.Conanfile.Options == nil {
		return nil
	}
	var out []lost
	groups := map[string][]*Step{}
	var keys []string
	for _, e := range n.Conanfile.Options.DepLog() {
		st := &Step{Value: e.Value, Via: e.Via, Status: Won}
		if e.Origin != nil {
			st.Layer = e.Origin.Layer.String()
			st.Where = where(e.Origin)
			st.Ref = e.Origin.Ref
			st.Key = e.Origin.Key
		}
		if _, ok := groups[e.Option]; !ok {
			keys = append(keys, e.Option)
		}
		groups[e.Option] = append(groups[e.Option], st)
	}
	holder := nodeName(n)
	for _, k := range keys {
		steps := groups[k]
		// Re-assigning the same value is not a loss.
		for i := 0; i+1 < len(steps); i++ {
			if steps[i].Value == steps[i+1].Value {
				continue
			}
			st := *steps[i]
			st.Status = Overridden
			st.By = steps[i+1].Source() + " in " + holder + ", before it reached the package"
			pattern, option, _ := strings.Cut(k, ":")
			out = append(out, lost{Pattern: pattern, Option: option, Step: &st})
		}
	}
	return out
}

// selects reports whether the queries (none: all) select a node, as
// Report.Select selects its package.
func selects(queries []Query, n *graph.Node) bool {
	if len(queries) == 0 {
		return true
	}
	name, full := queryNames(n)
	for _, q := range queries {
		if q.matches(name, full) {
			return true
		}
	}
	return false
}

// profileAssignmentsTaken returns the origin keys (see markUsed) of the
// profile and command-line option assignments that explainNode would show
// in a node's option chains, without explaining it.
func profileAssignmentsTaken(n *graph.Node, lostSteps []lost) []string {
	c := n.Conanfile
	if c == nil || c.Options == nil || c.Options.Pkg == nil {
		return nil
	}
	var keys []string
	for _, e := range c.Options.Pkg.Log() {
		if e.Origin != nil && (e.Origin.Layer == options.LayerProfile || e.Origin.Layer == options.LayerCommandLine) {
			keys = append(keys, originKey(where(e.Origin), e.Origin.Key))
		}
	}
	if n.Name() == "" {
		return keys
	}
	for _, l := range lostSteps {
		if l.Step.Layer != "profile" && l.Step.Layer != "command line" {
			continue
		}
		if l.Pattern != n.Name() && !options.Match(n.Name(), l.Pattern) {
			continue
		}
		if hasOption(c.Options.Pkg, l.Option) {
			keys = append(keys, originKey(l.Step.Where, l.Step.Key))
		}
	}
	return keys
}

// hasOption reports whether explainOptions lists an option: declared, or
// named by an event of the package's record.
func hasOption(o *options.PackageOptions, name string) bool {
	if _, ok := o.Lookup(name); ok {
		return true
	}
	for _, e := range o.Log() {
		if e.Option == name {
			return true
		}
	}
	return false
}

func explainNode(n *graph.Node, prof *profiles.Profile, lostSteps []lost) *Package {
	p := &Package{Node: n.ID, Ref: nodeName(n), Context: n.Context, PackageID: n.PackageID}
	p.Name, p.FullRef = queryNames(n)
	c := n.Conanfile
	if c == nil {
		return p
	}
	p.Options = explainOptions(c)
	for _, o := range p.Options {
		var pre []*Step
		for _, l := range lostSteps {
			if l.Option == o.Name && n.Name() != "" && (l.Pattern == n.Name() || options.Match(n.Name(), l.Pattern)) {
				pre = append(pre, l.Step)
			}
		}
		o.Steps = append(pre, o.Steps...)
	}
	p.Settings = explainSettings(n, prof)
	return p
}

func nodeName(n *graph.Node) string {
	if n.Path != "" {
		if s := n.RefString(); s != "" {
			return filepath.Base(n.Path) + " (" + s + ")"
		}
		return filepath.Base(n.Path)
	}
	return n.Ref.String()
}

func explainOptions(c *recipe.Conanfile) []*Option {
	if c.Options == nil || c.Options.Pkg == nil {
		return nil
	}
	pkgOpts := c.Options.Pkg
	byName := map[string]*Option{}
	var order []string
	get := func(name string) *Option {
		o, ok := byName[name]
		if !ok {
			o = &Option{Name: name}
			byName[name] = o
			order = append(order, name)
		}
		return o
	}
	// Declared options first, in their declaration order.
	for _, name := range pkgOpts.Fields() {
		get(name)
	}
	for _, e := range pkgOpts.Log() {
		o := get(e.Option)
		st := &Step{Value: e.Value, Via: e.Via, Reason: e.Reason}
		if e.Origin != nil {
			st.Layer = e.Origin.Layer.String()
			st.Where = where(e.Origin)
			st.Ref = e.Origin.Ref
			st.Key = e.Origin.Key
		}
		switch e.Kind {
		case options.Assigned:
			st.Status = Won // until a later step overrides it
		case options.Unchanged:
			// The value equals the current one, and Conan keeps it; it
			// is still the last word on the value.
			st.Status, st.Reason = Won, "same value as before"

		case options.Ignored:
			st.Status = Ignored
		case options.Removed:
			st.Status = Removed
		case options.Rejected:
			st.Status = Rejected
		}
		o.Steps = append(o.Steps, st)
	}
	var idLines map[string]bool
	if c.Info != nil && c.Info.Options != nil {
		idLines = map[string]bool{}
		for _, it := range c.Info.Options.Own.Items() {
			idLines[it.Name] = true
		}
	}
	out := make([]*Option, 0, len(order))
	for _, name := range order {
		o := byName[name]
		if opt, ok := pkgOpts.Lookup(name); ok {
			if v, has := opt.Value(); has {
				o.Value, o.HasValue = v.Str, true
			}
		} else {
			o.Undeclared = true
			for _, st := range o.Steps {
				if st.Status == Removed {
					o.Deleted, o.Undeclared = true, false
				}
			}
		}
		o.InID = idLines[name]
		settle(o.Steps)
		out = append(out, o)
	}
	return out
}

// settle marks every assignment but the last effective one as
// overridden by the next, and a removal as the end of the chain.
func settle(steps []*Step) {
	var last *Step
	for _, st := range steps {
		switch st.Status {
		case Won:
			if last != nil {
				last.Status, last.By = Overridden, st.Source()
			}
			last = st
		case Removed:
			if last != nil {
				last.Status, last.By = Overridden, "removal by "+st.Source()
			}
			last = nil
		}
	}
}

func explainSettings(n *graph.Node, prof *profiles.Profile) []*Setting {
	c := n.Conanfile
	names := map[string]bool{}
	var order []string
	add := func(name string) {
		if !names[name] {
			names[name] = true
			order = append(order, name)
		}
	}
	if prof != nil {
		for _, s := range prof.Settings {
			add(s.Name)
		}
		if c.SettingsPattern != "" {
			for _, ps := range prof.PackageSettings {
				if ps.Pattern == c.SettingsPattern {
					for _, s := range ps.Settings {
						add(s.Name)
					}
				}
			}
		}
	}
	if c.Settings != nil {
		for _, nv := range c.Settings.ValuesList() {
			add(nv.Name)
		}
	}
	var out []*Setting
	for _, name := range order {
		s := &Setting{Name: name}
		if c.Settings != nil {
			if v, ok := c.Settings.GetSafe(name); ok {
				s.Value, s.Declared = v, true
			}
		}
		if c.Info != nil && c.Info.Settings != nil {
			if v, ok := c.Info.Settings.Lookup(name); ok {
				s.IDValue, s.InID = v, true
			}
		}
		s.Steps = settingSteps(name, c, prof)
		if !s.Declared && !removedByCode(name, c) {
			s.Steps = append(s.Steps, &Step{Layer: "recipe", Status: Ignored, Reason: "the recipe's settings do not declare it"})
		}
		settle(s.Steps)
		if !s.Declared && !s.InID {
			for _, st := range s.Steps {
				if st.Status == Won {
					st.Status, st.Reason = Ignored, "not a setting of this package"
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// removedByCode reports whether recipe code removed a setting from
// self.settings.
func removedByCode(name string, c *recipe.Conanfile) bool {
	for _, ch := range c.Changes {
		if ch.Target == "settings" && (ch.Op == "clear" || ch.Op == "del" && covers(ch.Path, name)) {
			return true
		}
	}
	return false
}

// covers reports whether removing path removes name (itself or a
// sub-setting of it).
func covers(path, name string) bool {
	return path == "" || name == path || strings.HasPrefix(name, path+".")
}

func settingSteps(name string, c *recipe.Conanfile, prof *profiles.Profile) []*Step {
	var steps []*Step
	if prof != nil {
		for _, e := range prof.History {
			switch e.Kind {
			case profiles.SettingSet:
				if e.Name == name {
					steps = append(steps, &Step{Layer: profileLayer(e.Origin), Value: e.Value, Where: e.Origin.String(), Status: Won})
				}
			case profiles.SettingDropped:
				if e.Name == name {
					steps = append(steps, &Step{Layer: profileLayer(e.Origin), Value: e.Value, Where: e.Origin.String(), Status: Removed,
						Reason: "its parent setting changed"})
				}
			case profiles.SettingPreprocessed:
				if e.Name == name {
					st := &Step{Layer: "settings preprocessing", Value: e.Value, Status: Won}
					if e.Removed {
						st.Status, st.Reason = Removed, "removed by Conan's settings preprocessing"
					}
					steps = append(steps, st)
				}
			case profiles.PackageSettingSet:
				if e.Name == name && c.SettingsPattern != "" && e.Package == c.SettingsPattern {
					steps = append(steps, &Step{Layer: profileLayer(e.Origin) + " per-package", Value: e.Value, Where: e.Origin.String(),
						Key: e.Package + ":" + e.Name, Status: Won})
				}
			}
		}
	}
	for _, ch := range c.Changes {
		if ch.Target == "info" {
			if ch.Op == "header_only" || ch.Op == "clear" {
				steps = append(steps, &Step{Layer: ch.Method + "()", Where: ch.File + ":" + fmt.Sprint(ch.Line), Status: Info,
					Reason: "self.info." + ch.Op + "() removes it from the package ID"})
			}
			continue
		}
		if !covers(ch.Path, name) && !(ch.Op == "set" && strings.HasPrefix(ch.Path, name+".")) {
			continue
		}
		if ch.Op == "set" && ch.Path != name {
			continue
		}
		if ch.Method == recipe.CompatibleMethod {
			steps = append(steps, &Step{Layer: "compatible package", Where: ch.File, Value: ch.Value, Status: Won,
				Reason: "Conan took the compatible package " + ch.File})
			continue
		}
		st := &Step{Layer: ch.Method + "()", Where: ch.File + ":" + fmt.Sprint(ch.Line), Value: ch.Value}
		id := ch.Target == "info.settings"
		switch ch.Op {
		case "set":
			if id {
				st.Status, st.Reason = Info, "package ID uses "+ch.Value
			} else {
				st.Status = Won
			}
		case "del", "clear":
			if id {
				st.Status, st.Reason = Info, "removed from the package ID"
			} else {
				st.Status, st.Reason = Removed, "removed from self.settings"
			}
		case "restrict":
			st.Status, st.Reason = Info, "values removed from its range: "+ch.Value
		default:
			continue
		}
		steps = append(steps, st)
	}
	return steps
}

func profileLayer(o profiles.Origin) string {
	switch {
	case o.Flag != "":
		return "command line"
	case o.EnvVar != "":
		return "environment"
	case o.Computed:
		return "settings preprocessing"
	}
	return "profile"
}

// SortedNames returns the package names of a report, for tests.
func (r *Report) SortedNames() []string {
	var out []string
	for _, p := range r.Packages {
		out = append(out, p.Ref)
	}
	sort.Strings(out)
	return out
}
