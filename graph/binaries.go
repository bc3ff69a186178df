package graph

import (
	"fmt"
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/conid/conid/internal/par"
	"github.com/conid/conid/options"
	"github.com/conid/conid/packageid"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/settings"
)

// buildMode is Conan's BuildMode: what --build asks for.
type buildMode struct {
	all, missing, never, outdated, cascade bool
	patterns, excluded                     []string
	unusedPatterns                         []string
}

func newBuildMode(params []string) (*buildMode, error) {
	b := &buildMode{}
	if params == nil {
		return b, nil
	}
	if len(params) == 0 {
		b.all = true
		return b, nil
	}
	for _, p := range params {
		switch p {
		case "outdated":
			b.outdated = true
		case "missing":
			b.missing = true
		case "never":
			b.never = true
		case "cascade":
			b.cascade = true
		default:
			clean := strings.TrimSuffix(p, "@")
			clean = strings.ReplaceAll(clean, "@#", "#")
			if strings.HasPrefix(clean, "!") {
				b.excluded = append(b.excluded, clean[1:])
			} else {
				b.patterns = append(b.patterns, clean)
			}
		}
	}
	if b.never && (b.outdated || b.missing || len(b.patterns) > 0 || b.cascade) {
		return nil, fmt.Errorf("--build=never not compatible with other options")
	}
	b.unusedPatterns = append(append([]string(nil), b.patterns...), b.excluded...)
	return b, nil
}

func (b *buildMode) use(p string) {
	for i, x := range b.unusedPatterns {
		if x == p {
			b.unusedPatterns = append(b.unusedPatterns[:i:i], b.unusedPatterns[i+1:]...)
			return
		}
	}
}

func (b *buildMode) unused() []string { return b.unusedPatterns }

func buildPolicy(c *recipe.Conanfile) string {
	s, _, _ := c.StrAttr("build_policy")
	return s
}

func (b *buildMode) forced(c *recipe.Conanfile, r ref.Ref, withDepsToBuild bool) bool {
	match := func(p string) bool {
		return python.Fnmatch(r.Name, p) || python.Fnmatch(r.NoRevision().Full(), p) || python.Fnmatch(r.Full(), p)
	}
	for _, p := range b.excluded {
		if match(p) {
			b.use(p)
			return false
		}
	}
	policy := buildPolicy(c)
	if policy == "never" || b.never {
		return false
	}
	if b.all {
		return true
	}
	if policy == "always" {
		return true
	}
	if b.cascade && withDepsToBuild {
		return true
	}
	for _, p := range b.patterns {
		if match(p) {
			b.use(p)
			return true
		}
	}
	return false
}

func (b *buildMode) allowed(c *recipe.Conanfile) bool {
	policy := buildPolicy(c)
	if policy == "never" {
		return false
	}
	return b.missing || b.outdated || policy == "missing"
}

// evaluateGraph computes package IDs and binary statuses of a subset of
// nodes (Conan's GraphBinariesAnalyzer.evaluate_graph).
//
// It returns the subset's levels, which the caller walks again:
// evaluating changes no node's edges or reference, so they stay as
// they were (a tenth of the ID phase's time at 100,000 packages was
// leveling the subset twice).
func (r *Resolver) evaluateGraph(g *Graph, subset []*Node, root *Node) ([][]*Node, error) {
	defer r.Timings.span(r.Timings.ids(), time.Now())
	// Maps keyed by package reference (nine strings) grow dearly: a
	// rehash moves every key. Most nodes have one each.
	if len(r.evaluated) == 0 {
		r.evaluated = make(map[ref.PackageRef][]*Node, len(subset))
	}
	if len(r.prefs) == 0 {
		r.prefs = make(map[ref.PackageRef]*ref.PackageRef, len(subset))
	}
	byLevel := levels(subset, true)
	for _, level := range byLevel {
		if err := r.evaluateLevel(level); err != nil {
			return nil, err
		}
	}
	markPrivateSkippable(g, subset, root)
	return byLevel, nil
}

// evaluateLevel computes the package IDs and binaries of one level of the
// graph, in order. The nodes of a level do not depend on one another, so
// the IDs of those whose recipes run no Python for them (no package_id(),
// validate() or validate_build()) are computed first, on every processor;
// the rest, and the binaries, follow in order, as Conan does them. The
// first error in order is the one returned; a partial graph (explain
// after an error) may then hold the IDs of plain nodes later in that
// level.
func (r *Resolver) evaluateLevel(level []*Node) error {
	done, errs := r.plainIDs(level)
	for i, n := range level {
		if done != nil && done[i] {
			if errs[i] != nil {
				return errs[i]
			}
		} else {
			direct, indirect := r.idTransitiveReqs(n, &r.scratch)
			fromReqs := r.propagateOptions(n, &r.scratch, r.mayHaveBuildRequires(n), direct, indirect)
			if err := r.computePackageID(n, &r.scratch, direct, indirect, fromReqs); err != nil {
				return err
			}
		}
		if n.Recipe == RecipeConsumer || n.Recipe == RecipeVirtual {
			continue
		}
		if n.PackageID == packageid.Unknown {
			n.Binary = BinaryUnknown
			r.buildMode.forced(n.Conanfile, n.Ref, false)
			continue
		}
		if err := r.evaluateNode(n); err != nil {
			return err
		}
	}
	return nil
}

// minParallelIDs is the fewest plain nodes in a level worth computing on
// several processors. Below it the goroutines' start and wake-ups cost
// about the wall time they save: on the 300-package tree (levels of ~30)
// a threshold of 16 spent 3 ms more CPU for 1 ms less wall time.
const minParallelIDs = 64

// plainIDs computes, on every processor, the options and package IDs of
// the nodes of a level whose recipes run no Python for them: done[i]
// tells which, errs[i] their errors. Both are nil when there are too few
// such nodes, or one processor.
func (r *Resolver) plainIDs(level []*Node) (done []bool, errs []error) {
	if runtime.GOMAXPROCS(0) < 2 || len(level) < minParallelIDs {
		return nil, nil
	}
	var plain []int
	var mayBR []bool
	for i, n := range level {
		if !plainID(n) {
			continue
		}
		plain = append(plain, i)
		// It reads class attributes, which is Python: here, in order.
		mayBR = append(mayBR, r.mayHaveBuildRequires(n))
		// The resolver's one pointer per package reference is made here
		// and kept on the dependency, so that the goroutines only read
		// the map and the nodes.
		for _, e := range n.Dependencies {
			if !e.BuildRequire() {
				r.canonicalPrefOf(e.Dst)
			}
		}
	}
	if len(plain) < minParallelIDs {
		return nil, nil
	}
	done = make([]bool, len(level))
	errs = make([]error, len(level))
	const chunk = 8
	// The goroutines' sets and requirement views outlive the level: a
	// view made anew would look up again, in the shared table, every
	// requirement of the closures it meets (the levels of a layered
	// graph share most of them), and the sets would grow again. Worker w
	// of the next level runs after this level's have returned.
	for len(r.parScratch) < par.Workers(len(plain), chunk) {
		r.parScratch = append(r.parScratch, idScratch{})
	}
	scratch := r.parScratch
	par.ForEach(len(plain), chunk, func(w, k int) {
		n := level[plain[k]]
		direct, indirect := r.idTransitiveReqs(n, &scratch[w])
		fromReqs := r.propagateOptions(n, &scratch[w], mayBR[k], direct, indirect)
		errs[plain[k]] = r.computePackageID(n, &scratch[w], direct, indirect, fromReqs)
	})
	for _, i := range plain {
		done[i] = true
	}
	return done, errs
}

// plainID reports whether computing n's package ID runs no Python: a
// recipe without package_id(), validate() or validate_build() (the base
// class's package_id() does nothing).
func plainID(n *Node) bool {
	if n.Recipe == RecipeConsumer || n.Recipe == RecipeVirtual {
		return false
	}
	c := n.Conanfile
	if c == nil || c.Obj == nil {
		return false
	}
	return !c.HasMethod("package_id") && !c.HasMethod("validate") && !c.HasMethod("validate_build")
}

// idScratch are the sets propagateOptions and computePackageID clear and
// reuse from one node to the next: one per goroutine.
type idScratch struct {
	prefs   ptrSet[ref.PackageRef]
	all     []*ref.PackageRef // idTransitiveReqs' list
	options options.Scratch
	finals  []options.Final
	reqs    *packageid.RequirementView // of the resolver's reqCache
}

// propagateOptions records the final options of dependencies in a node
// and freezes its options (Conan's _propagate_options). direct and
// indirect are what its ID is computed from (idTransitiveReqs).
//
// fromReqs reports that the options kept are those of the packages
// direct and indirect name (not those the dependencies' IDs require).
func (r *Resolver) propagateOptions(n *Node, s *idScratch, mayHaveBuildRequires bool, direct, indirect []*ref.PackageRef) (fromReqs bool) {
	c := n.Conanfile
	finals := s.finals[:0]
	for _, e := range n.Dependencies {
		nb := e.Dst
		finals = append(finals, options.Final{Name: nb.Name(), Values: nb.Conanfile.Info.FullOptions})
		if req, ok := c.Requires.Get(nb.Name()); ok {
			req.Ref = nb.Ref
		}
	}
	// What stays: the dependencies and what their IDs require. Without
	// build requirements, and when every dependency's ID still requires
	// all it was computed from, that is what this node's ID is computed
	// from, without the repeats.
	transitive := func(yield func(string) bool) {
		for _, p := range direct {
			if !yield(p.Ref.Name) {
				return
			}
		}
		for _, p := range indirect {
			if !yield(p.Ref.Name) {
				return
			}
		}
	}
	fromReqs = true
	if slices.ContainsFunc(n.Dependencies, (*Edge).BuildRequire) || !depsKeepAll(n) {
		transitive, fromReqs = transitiveOfDeps(n), false
	}
	// Conan keeps the values before clear_unused for the build
	// requirements; a node that cannot have any needs no copy of them.
	c.BuildRequiresOpt = c.Options.Finish(finals, transitive, mayHaveBuildRequires, &s.options)
	clear(finals)
	s.finals = finals
	return fromReqs
}

// transitiveOfDeps yields the names of a node's dependencies and of what
// their IDs require, with repeats.
func transitiveOfDeps(n *Node) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, e := range n.Dependencies {
			nb := e.Dst
			if !yield(nb.Name()) {
				return
			}
			if nb.Conanfile.Info != nil {
				for _, r := range nb.Conanfile.Info.Requires.List() {
					if !yield(r.Pref.Ref.Name) {
						return
					}
				}
			}
		}
	}
}

// mayHaveBuildRequires reports whether a node could get build
// requirements: from its recipe (attributes or build_requirements()), or
// from a profile.
func (r *Resolver) mayHaveBuildRequires(n *Node) bool {
	if n.Recipe == RecipeConsumer || n.Recipe == RecipeVirtual || len(r.Host.BuildRequires) > 0 || (r.Build != nil && len(r.Build.BuildRequires) > 0) {
		return true
	}
	c := n.Conanfile
	if c.Obj == nil || c.HasMethod("build_requirements") {
		return true
	}
	for _, attr := range []string{"build_requires", "tool_requires"} {
		if v, ok, err := c.Attr(attr); err != nil || (ok && v != python.None) {
			return true
		}
	}
	return false
}

func settingsNV(s *settings.Settings) []packageid.NameValue {
	vl := s.ValuesList()
	out := make([]packageid.NameValue, len(vl))
	for i, nv := range vl {
		out[i] = packageid.NameValue{Name: nv.Name, Value: nv.Value}
	}
	return out
}

// idTransitiveReqs collects the direct and indirect package references a
// node's ID is computed from. References are the resolver's canonical
// pointers (one per distinct reference), so that sets of them hash
// pointers, and lists of them share the references.
func (r *Resolver) idTransitiveReqs(n *Node, s *idScratch) (direct, indirect []*ref.PackageRef) {
	// Closures overlap: the largest dependency's is a better guess of
	// the union than their sum.
	size := len(n.Dependencies)
	for _, e := range n.Dependencies {
		size = max(size, len(n.Dependencies)+len(e.Dst.idDirectPrefs)+len(e.Dst.idIndirectPrefs))
	}
	// Gathered in the scratch list, then one backing array of the size
	// found, direct then indirect: the node keeps both and its info
	// keeps the whole as full_requires.
	all := s.all[:0]
	s.prefs.reset(size)
	add := func(p *ref.PackageRef) {
		if s.prefs.add(p) {
			all = append(all, p)
		}
	}
	for _, e := range n.Dependencies {
		if !e.BuildRequire() {
			add(r.canonicalPrefOf(e.Dst))
		}
	}
	nd := len(all)
	for _, e := range n.Dependencies {
		if e.BuildRequire() {
			continue
		}
		for _, p := range e.Dst.idDirectPrefs {
			add(p)
		}
		for _, p := range e.Dst.idIndirectPrefs {
			add(p)
		}
	}
	s.all = all
	all = append(make([]*ref.PackageRef, 0, len(all)), all...)
	n.idDirectPrefs, n.idIndirectPrefs = all[:nd], all[nd:] // read only: direct extends over indirect
	return n.idDirectPrefs, n.idIndirectPrefs
}

// canonicalPrefOf is canonicalPref of n's package reference, kept on n
// while its reference stays the same: dependants ask for it once per
// edge, and hashing a reference's seven strings showed in profiles. The
// first ask for a node is made where only one goroutine works (plainIDs
// makes them before the work is shared out); later ones only read.
func (r *Resolver) canonicalPrefOf(n *Node) *ref.PackageRef {
	if c := n.canonPref; c != nil && c.PackageID == n.PackageID && c.Revision == n.Prev && c.Ref == n.Ref {
		return c
	}
	c := r.canonicalPref(n.Pref())
	n.canonPref = c
	return c
}

// canonicalPref returns the one pointer the resolver holds for a package
// reference.
func (r *Resolver) canonicalPref(p ref.PackageRef) *ref.PackageRef {
	if c, ok := r.prefs[p]; ok {
		return c
	}
	c := &p
	r.prefs[p] = c
	return c
}

// depsKeepAll reports whether every dependency's info still requires
// everything its ID was computed from: then the filter below (keep the
// indirect requirements the dependencies kept) keeps them all.
func depsKeepAll(n *Node) bool {
	for _, e := range n.Dependencies {
		if e.BuildRequire() {
			continue
		}
		info := e.Dst.Conanfile.Info
		if info == nil || info.Requires.Len() != len(e.Dst.idDirectPrefs)+len(e.Dst.idIndirectPrefs) {
			return false
		}
	}
	return true
}

// reqView returns the goroutine's view of the resolver's requirements.
func (s *idScratch) reqView(c *packageid.RequirementCache) *packageid.RequirementView {
	if s.reqs == nil {
		s.reqs = c.View()
	}
	return s.reqs
}

// computePackageID is Conan's _compute_package_id.
//
// optionsFromReqs says that propagateOptions kept the options of the
// packages direct and indirect name (its shortcut): unless indirect is
// filtered here or Python changes the info, the ID then filters
// nothing out of them (packageid.Info.OptionsWithinRequires).
func (r *Resolver) computePackageID(n *Node, s *idScratch, direct, indirect []*ref.PackageRef, optionsFromReqs bool) error {
	c := n.Conanfile
	if !r.FullTransitivePackageID && !depsKeepAll(n) {
		type key struct {
			r  ref.Ref
			id string
		}
		old := map[key]bool{}
		for _, nb := range n.Neighbors() {
			if nb.Conanfile.Info == nil {
				continue
			}
			for _, r := range nb.Conanfile.Info.Requires.List() {
				old[key{r.Pref.Ref, r.Pref.PackageID}] = true
			}
		}
		var kept []*ref.PackageRef
		directSet := map[*ref.PackageRef]bool{}
		for _, p := range direct {
			directSet[p] = true
		}
		for _, p := range indirect {
			if old[key{p.Ref, p.PackageID}] && !directSet[p] {
				kept = append(kept, p)
			}
		}
		indirect = kept
		optionsFromReqs = false
	}
	from := r.PackageIDModeFrom
	if from == "" {
		from = "default package_id_mode"
	}
	var full []*ref.PackageRef
	if len(indirect) == len(n.idIndirectPrefs) {
		full = n.idDirectPrefs[:len(direct)+len(indirect)] // nothing was filtered
	}
	info, err := packageid.NewInfoFull(settingsNV(c.Settings), c.Options.SharedValues(), direct, indirect, full, r.PackageIDMode, from, s.reqView(&r.reqCache))
	if err != nil {
		return err
	}
	if refs := c.Recipe.PythonRequires(); refs != nil {
		mode := r.PythonRequiresMode
		if mode == "" {
			mode = "minor_mode"
		}
		if info.PythonRequires, err = packageid.PythonRequiresLines(refs, mode); err != nil {
			return err
		}
		info.PythonRequireRefs = refs
	}
	// Conan's built-in compatible packages, from the info before
	// package_id() changes it; package_id() may append more.
	c.CompatiblePackages = nil
	c.OriginalInfo = nil
	if c.HasMethod("compatibility") { // only it starts from the original
		c.OriginalInfo = info.Clone()
	}
	if msvc, ok := info.MSVCCompatible(); !ok {
		v, _ := info.Settings.Lookup("compiler.version")
		return fmt.Errorf("%s: KeyError: '%s' (no Visual Studio version for msvc %s)", c.DisplayName, v, v)
	} else if msvc != nil {
		c.CompatiblePackages = append(c.CompatiblePackages, msvc)
	}
	if ac := info.AppleClangCompatible(); ac != nil {
		c.CompatiblePackages = append(c.CompatiblePackages, ac)
	}
	c.SetInfo(info)
	ranPython, err := c.CallPackageID()
	if err != nil {
		return err
	}
	if c.HasMethod("validate") {
		ranPython = true
		if msg, invalid, err := c.CallCatchingInvalid("validate"); err != nil {
			return err
		} else if invalid {
			info.Invalid = msg
		}
	}
	if c.HasMethod("validate_build") {
		ranPython = true
		if msg, invalid, err := c.CallCatchingInvalid("validate_build"); err != nil {
			return err
		} else if invalid {
			n.CantBuild = msg
		}
	}
	// Finish kept the options of the packages direct and indirect name;
	// unless Python ran, these are the info's requirements still.
	within := optionsFromReqs && !ranPython
	if within {
		info.OptionsWithinRequires()
	}
	n.Computation = info.PackageID()
	n.PackageID = n.Computation.ID
	if within && checkOptionsInRequires {
		checkOptionsNamed(n, info)
	}
	return nil
}

// evaluateNode decides a node's binary: Build, Missing, Invalid, Cache
// or Download (Conan's _evaluate_node for unlocked nodes).
func (r *Resolver) evaluateNode(n *Node) error {
	pref := ref.PackageRef{Ref: n.Ref, PackageID: n.PackageID}
	if err := r.processNode(n, pref); err != nil {
		return err
	}
	if (n.Binary == BinaryMissing || n.Binary == BinaryInvalid) && !n.ShouldBuild {
		if err := r.tryCompatibles(n); err != nil {
			return err
		}
	}
	if n.Binary == BinaryMissing && r.buildMode.allowed(n.Conanfile) {
		n.ShouldBuild = true
		if n.CantBuild != "" {
			n.Binary = BinaryInvalid
		} else {
			n.Binary = BinaryBuild
		}
	}
	return nil
}

// tryCompatibles is Conan's search of compatible packages when a node's
// own binary is missing: each declared compatible info's package ID, in
// order, is looked up with no build mode (so only a recipe's
// build_policy "always" forces a build); the first one that is not
// missing becomes the node's package ID.
func (r *Resolver) tryCompatibles(n *Node) error {
	c := n.Conanfile
	extra, err := c.Compatibility()
	if err != nil {
		return err
	}
	c.CompatiblePackages = append(c.CompatiblePackages, extra...)
	if len(c.CompatiblePackages) == 0 {
		return nil
	}
	none, _ := newBuildMode(nil)
	for _, info := range c.CompatiblePackages {
		comp := info.PackageID()
		if comp.ID == n.PackageID {
			r.info(fmt.Sprintf("%s: Compatible package ID %s equal to the default package ID", c.DisplayName, comp.ID))
			continue
		}
		n.Binary = ""
		if err := r.processNodeMode(n, ref.PackageRef{Ref: n.Ref, PackageID: comp.ID}, none); err != nil {
			return err
		}
		if n.Binary != BinaryMissing {
			r.info(fmt.Sprintf("%s: Main binary package '%s' missing. Using compatible package '%s'", c.DisplayName, n.PackageID, comp.ID))
			n.PackageID = comp.ID
			n.Computation = comp
			// Conan then gives the node the compatible package's settings
			// and own options, checked against what the recipe allows.
			var nvs []settings.NameValue
			for _, nv := range info.Settings.AsList(true) {
				nvs = append(nvs, settings.NameValue{Name: nv.Name, Value: nv.Value})
			}
			if err := c.Settings.UpdateValues(nvs); err != nil {
				return err
			}
			for _, nv := range nvs { // for explain's record
				c.Changes = append(c.Changes, recipe.Change{Method: recipe.CompatibleMethod, File: comp.ID,
					Target: "settings", Path: nv.Name, Op: "set", Value: nv.Value})
			}
			if err := c.Options.Pkg.SetValues(info.Options.Own); err != nil {
				return err
			}
			break
		}
	}
	if n.Binary == BinaryMissing && n.PackageID == packageid.Invalid {
		n.Binary = BinaryInvalid
	}
	return nil
}

func (r *Resolver) processNode(n *Node, pref ref.PackageRef) error {
	return r.processNodeMode(n, pref, r.buildMode)
}

// processNodeMode is Conan's _process_node under a build mode.
func (r *Resolver) processNodeMode(n *Node, pref ref.PackageRef, bm *buildMode) error {
	if prev := r.evaluated[pref]; len(prev) > 0 {
		first := prev[0]
		if first.Binary == BinarySkip {
			n.Binary = first.binaryNonSkip
		} else {
			n.Binary = first.Binary
		}
		n.BinaryRemote = first.BinaryRemote
		n.Prev = first.Prev
		n.PackageID = first.PackageID
		r.evaluated[pref] = append(prev, n)
		return nil
	}
	r.evaluated[pref] = []*Node{n}
	if pref.PackageID == packageid.Invalid {
		if bm.forced(n.Conanfile, n.Ref, false) {
			n.ShouldBuild = true
		}
		n.Binary = BinaryInvalid
		return nil
	}
	withDeps := false
	if bm.cascade {
		for _, e := range n.Dependencies {
			if e.Dst.Binary == BinaryBuild {
				withDeps = true
				break
			}
		}
	}
	if bm.forced(n.Conanfile, n.Ref, withDeps) {
		n.ShouldBuild = true
		if n.CantBuild != "" {
			n.Binary = BinaryInvalid
		} else {
			n.Binary = BinaryBuild
		}
		n.Prev = ""
		return nil
	}
	n.Binary = BinaryMissing
	if r.Binaries != nil {
		start := time.Now()
		found, err := r.Binaries.Lookup(pref)
		if r.Timings != nil {
			// evaluateGraph's span counts this too: move it to Lookup.
			d := time.Since(start)
			r.Timings.Lookup += d
			r.Timings.PackageIDs -= d
		}
		if err != nil {
			return err
		}
		if found.Binary != "" {
			n.Binary = found.Binary
		}
		n.BinaryRemote = found.Remote
		n.Prev = found.Prev
	}
	return nil
}

// markPrivateSkippable marks nodes unreachable from root through needed
// binaries as Skip (Conan's mark_private_skippable). Conan walks the graph
// level by level and sees a node again at each depth it is reached at;
// what it computes is which nodes are reached, and whether a node's
// dependencies are followed depends on that node alone, so each node is
// visited once here.
func markPrivateSkippable(g *Graph, subset []*Node, root *Node) {
	if root == nil {
		root = g.Root
	}
	public := map[*Node]bool{root: true}
	stack := []*Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		skippable := false
		switch n.Binary {
		case BinaryCache, BinaryDownload, BinaryUpdate, BinarySkip:
			skippable = true
		}
		for _, e := range n.Dependencies {
			if skippable && e.Private() || public[e.Dst] {
				continue
			}
			public[e.Dst] = true
			stack = append(stack, e.Dst)
		}
	}
	for _, n := range subset {
		if !public[n] {
			n.binaryNonSkip = n.Binary
			n.Binary = BinarySkip
		}
	}
}

// dependenciesOf is Conan 1.65's ConanFileDependencies.from_node: direct
// host, private, build and test requirements, each followed by its
// transitive regular requirements.
func dependenciesOf(n *Node) []recipe.Dependency {
	var host, private, build, test []*Node
	for _, e := range n.Dependencies {
		switch {
		case e.BuildRequire() && !e.Require.ForceHost:
			build = append(build, e.Dst)
		case e.BuildRequire():
			test = append(test, e.Dst)
		case e.Private():
			private = append(private, e.Dst)
		default:
			host = append(host, e.Dst)
		}
	}
	type key struct {
		name  string
		build bool
	}
	var out []recipe.Dependency
	index := map[key]int{}
	add := func(d recipe.Dependency) {
		k := key{d.Ref.Name, d.Build}
		if i, ok := index[k]; ok {
			out[i].Visible = out[i].Visible || d.Visible
			out[i].Conanfile, out[i].Ref = d.Conanfile, d.Ref
			return
		}
		index[k] = len(out)
		out = append(out, d)
	}
	expand := func(nodes []*Node, isBuild, isTest, visible bool) {
		all := map[*Node]bool{}
		for _, x := range nodes {
			all[x] = true
			add(recipe.Dependency{Ref: x.Ref, Conanfile: x.Conanfile, Build: isBuild, Test: isTest, Visible: visible, Direct: true})
		}
		next := nodes
		for len(next) > 0 {
			var fresh []*Node
			for _, x := range next {
				for _, e := range x.Dependencies {
					if !e.BuildRequire() && !e.Private() && !all[e.Dst] {
						fresh = append(fresh, e.Dst)
						all[e.Dst] = true
					}
				}
			}
			next = fresh
			for _, x := range next {
				add(recipe.Dependency{Ref: x.Ref, Conanfile: x.Conanfile, Build: isBuild, Test: isTest, Visible: visible})
			}
		}
	}
	expand(host, false, false, true)
	expand(private, false, false, false)
	expand(build, true, false, false)
	expand(test, false, true, false)
	return out
}

// checkOptionsInRequires, set by a test, has computePackageID filter a
// copy of every info it marked OptionsWithinRequires by its
// requirements' names, as the ID would have, and count what that drops
// (optionsInRequiresChecked, optionsInRequiresDropped).
var (
	checkOptionsInRequires   bool
	optionsInRequiresChecked atomic.Int64
	optionsInRequiresDropped atomic.Int64
)

func checkOptionsNamed(n *Node, info *packageid.Info) {
	names := map[string]bool{}
	for _, r := range info.Requires.List() {
		names[r.Pref.Ref.Name] = true
	}
	cp := info.Options.Copy()
	before := cp.Len()
	cp.FilterUsed(names)
	optionsInRequiresChecked.Add(1)
	if cp.Len() != before {
		optionsInRequiresDropped.Add(1)
	}
}
