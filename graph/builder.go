package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/conid/conid/options"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/ref"
)

// builder expands the graph: Conan's DepsGraphBuilder.
type builder struct {
	r *Resolver
	g *Graph
}

// expandNode computes a node's requirements (configure(), requirements(),
// overrides, ranges) and expands each of them, depth first.
func (b *builder) expandNode(node *Node, downReqs recipe.Downstream, downRef string, downOptions *options.Down) error {
	newOptions, newReqs, err := b.nodeRequirements(node, downRef, downOptions, downReqs)
	if err != nil {
		return err
	}
	// Its dependencies, expanded below, are done with newReqs when this
	// returns: downReqs is again the newest version.
	defer newReqs.Release()
	for _, req := range node.Conanfile.Requires.Values() {
		if req.Override {
			continue
		}
		if err := b.expandRequire(req, node, newReqs, newOptions, false, true); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) nodeRequirements(node *Node, downRef string, downOptions *options.Down, downReqs recipe.Downstream) (*options.Down, recipe.Downstream, error) {
	var none recipe.Downstream
	newOptions, err := b.configNode(node, downRef, downOptions)
	if err != nil {
		return nil, none, err
	}
	c := node.Conanfile
	if err := b.resolveAliases(node, c.Requires.Values()); err != nil {
		return nil, none, err
	}
	b.resolveCachedAlias(c.Requires.Values())
	newReqs, warns, err := c.Requires.Update(downReqs, node.RefString(), node.Name(), downRef, b.r.ErrorOnOverride)
	if err != nil {
		return nil, none, err
	}
	for _, w := range warns {
		b.r.warn(string(w))
	}
	b.r.ahead.pushRequires(c.Requires.Values())
	if err := b.resolveRanges(c.Requires.Values(), c.DisplayName); err != nil {
		return nil, none, err
	}
	if c.EvaluatedRequires == nil {
		c.EvaluatedRequires = c.Requires.Copy()
	} else if !c.Requires.Equal(c.EvaluatedRequires) {
		return nil, none, fmt.Errorf("%s: Incompatible requirements obtained in different evaluations of 'requirements'\n    Previous requirements: %s\n    New requirements: %s",
			c.DisplayName, reqsRepr(c.EvaluatedRequires), reqsRepr(c.Requires))
	}
	return newOptions, newReqs, nil
}

func reqsRepr(rs *recipe.Requirements) string {
	s := "["
	for i, r := range rs.Values() {
		if i > 0 {
			s += ", "
		}
		s += r.String()
	}
	return s + "]"
}

// configNode runs config_options(), applies downstream options, runs
// configure() and requirements() (Conan's _config_node).
func (b *builder) configNode(node *Node, downRef string, downOptions *options.Down) (*options.Down, error) {
	c := node.Conanfile
	err := b.r.runConfigure(node, downOptions, downRef)
	if err == nil {
		err = checkUserChannel(c)
	}
	if err == nil && c.HasMethod("requirements") {
		if c.OriginalRequires == nil {
			c.OriginalRequires = c.Requires.Copy()
		} else {
			c.Requires = c.OriginalRequires.Copy()
			c.ResetRequires()
		}
		err = c.Call("requirements")
	}
	if err != nil {
		var me *recipe.MethodError
		var ic *recipe.InvalidConfigError
		if errors.As(err, &me) || errors.As(err, &ic) {
			return nil, err
		}
		if isUnsupported(err) {
			return nil, err
		}
		// Conan's "ref or 'Conanfile'": a conanfile.py consumer has a
		// reference even without name and version (it prints as "").
		prefix := node.RefString()
		if prefix == "" && !node.HasRef {
			prefix = "Conanfile"
		}
		return nil, &PrefixedError{Prefix: prefix, Err: err}
	}
	return c.Options.DepsValues(), nil
}

// checkUserChannel is what computing the recipe's environment after
// configure() checks (Conan's _config_node enters it for every node,
// unless apply_env is false): reading self.user or self.channel falls
// back to default_user or default_channel and keeps it, and a reference
// with a user but no channel, or the reverse, is refused.
func checkUserChannel(c *recipe.Conanfile) error {
	if (c.User == "") == (c.Channel == "") {
		return nil
	}
	if v, ok, err := c.Attr("apply_env"); err != nil {
		return err
	} else if ok {
		if t, _ := c.Loader.In.Truth(v); !t {
			return nil
		}
	}
	return errors.New("Specify the 'user' and the 'channel' or neither of them")
}

// PrefixedError is Conan's "ref: message" wrapping.
type PrefixedError struct {
	Prefix string
	Err    error
}

func (e *PrefixedError) Error() string { return e.Prefix + ": " + errMessage(e.Err) }
func (e *PrefixedError) Unwrap() error { return e.Err }

func (b *builder) resolveRanges(reqs []*recipe.Requirement, consumer string) error {
	for _, r := range reqs {
		if err := b.r.resolveRange(r, consumer); err != nil {
			return err
		}
	}
	b.resolveCachedAlias(reqs)
	return nil
}

func (b *builder) resolveCachedAlias(reqs []*recipe.Requirement) {
	if len(b.g.aliased) == 0 {
		return
	}
	for _, r := range reqs {
		if a, ok := b.g.aliased[r.Ref]; ok {
			r.Ref = a
		}
	}
}

// resolveAliases resolves "(version)" requirements by loading the alias
// recipe and following its alias attribute.
func (b *builder) resolveAliases(node *Node, reqs []*recipe.Requirement) error {
	for _, r := range reqs {
		alias, ok := r.Alias()
		if !ok {
			continue
		}
		for {
			pointed, err := b.r.followAlias(alias)
			if err != nil {
				return err
			}
			r.Ref, r.RangeRef = pointed, pointed
			b.g.aliased[alias] = pointed
			next, isAlias := (&recipe.Requirement{Ref: pointed}).Alias()
			if !isAlias {
				break
			}
			alias = next
		}
	}
	return nil
}

// expandRequire handles one requirement of node: a new node, or a
// diamond closing on an existing one (Conan's _expand_require).
func (b *builder) expandRequire(req *recipe.Requirement, node *Node, newReqs recipe.Downstream, newOptions *options.Down, contextSwitch, populateSettingsTarget bool) error {
	context := node.Context
	if contextSwitch {
		context = Build
	}
	name := req.Ref.Name
	key, known := b.g.lookupKey(name, context) // unknown: no node has it yet
	if known && node.ancestors.now().get(key) != nil || (name == node.Name() && context == node.Context) {
		return &LoopError{Context: context, Ref: node.RefString(), Requires: req.Ref.String(), Path: b.pathTo(node)}
	}
	var previous, previousClosure *Node
	if known {
		previous, previousClosure = node.publicDep(key), node.publicClosure.get(key)
		if shadowPublicDeps {
			shadowCheck(node, key, previous)
		}
	}
	if previous == nil || ((req.BuildRequire || req.Private) && previousClosure == nil) {
		newNode, err := b.createNewNode(node, req, contextSwitch, populateSettingsTarget)
		if err != nil {
			return err
		}
		newNode.publicClosure.add(newNode)
		newNode.transitiveClosure.set(newNode)
		node.connectClosure(newNode)
		// newNode's public_deps: node's (its public closure only, below
		// a private or build requirement), then newNode, which its own
		// public closure holds.
		newNode.depsBase = newDepsLink(node, req.Private || req.BuildRequire)
		shadowNew(newNode, node, req.Private || req.BuildRequire)
		if !req.Private && !req.BuildRequire {
			node.transitiveClosure.set(newNode)
			for _, dep := range node.inverseList {
				dep.connectClosure(newNode)
			}
		}
		if err := b.expandNode(newNode, newReqs, node.RefString(), newOptions); err != nil {
			return err
		}
		if !req.Private && !req.BuildRequire {
			node.transitiveClosure.update(newNode.transitiveClosure)
		}
		return nil
	}
	// a diamond: the node exists already
	b.resolveCachedAlias([]*recipe.Requirement{req})
	if conflict := conflictingRefs(previous, req.Ref, node); conflict != "" {
		// Conan resolves the recipe then (an alias, or "<host_version>")
		// and checks again.
		if err := b.r.hostVersion(node, req); err != nil {
			return err
		}
		if err := b.resolveAliases(node, []*recipe.Requirement{req}); err != nil {
			return err
		}
		if conflict := conflictingRefs(previous, req.Ref, node); conflict != "" {
			return &ConflictError{Msg: conflict, Path: b.pathTo(node), Ref: req.Ref}
		}
	}
	// Conan adds node and its ancestors to the ancestors of each node of
	// previous's closure. Ancestor sets are only asked whether they hold
	// a key, so a union of one set holding both does the same, and it
	// waits until the set is read (see lazySet).
	if closure := previous.publicClosure.nodes(); len(closure) > 0 {
		with := node.ancestorsAndSelf()
		for _, n := range closure {
			n.ancestors.union(with)
			if eagerAncestors {
				n.ancestors.now()
			}
		}
	}
	node.connectClosure(previous)
	b.g.addEdge(node, previous, req)
	if !req.Private && !req.BuildRequire {
		node.transitiveClosure.update(previous.transitiveClosure)
		dependants := node.inverseList
		adds := previous.transitiveClosure.nodes()
		node.publicClosure.growFor(len(adds))
		// Conan connects each node of adds to node and then to each
		// dependant. Each connection changes only the closure it adds
		// to and the added node's inverse list, in which a node's
		// dependants come in the same order either way: so connect all
		// of adds to one closure at a time, whose table then stays in
		// cache (a grid's dependants hold thousands each).
		for _, n := range adds {
			node.connectClosure(n)
			if connectAsConan {
				for _, dep := range dependants {
					dep.connectClosure(n)
				}
			}
		}
		if !connectAsConan {
			for _, dep := range dependants {
				for _, n := range adds {
					dep.connectClosure(n)
				}
			}
		}
	}
	recurse, err := b.needRecurse(previous.publicClosure, newReqs, newOptions, previous.Context)
	if err != nil {
		return err
	}
	if recurse {
		return b.expandNode(previous, newReqs, node.RefString(), newOptions)
	}
	return nil
}

// conflictingRefs is Conan's _conflicting_references with a consumer.
func conflictingRefs(previous *Node, newRef ref.Ref, consumer *Node) string {
	if !refEqual(previous.Ref.NoRevision(), newRef.NoRevision()) {
		consumerRef := consumer.RefString()
		if !consumer.HasRef {
			return fmt.Sprintf("Unresolvable conflict between %s and %s", previous.Ref.String(), newRef.String())
		}
		other := ""
		for _, e := range previous.Dependants {
			other = e.Src.Conanfile.DisplayName
			break
		}
		return fmt.Sprintf("Conflict in %s:\n    '%s' requires '%s' while '%s' requires '%s'.\n    To fix this conflict you need to override the package '%s' in your root package.",
			consumerRef, consumerRef, newRef.String(), other, previous.Ref.String(), newRef.Name)
	}
	if previous.Ref.Revision != "" && newRef.Revision != "" && previous.Ref.Revision != newRef.Revision {
		return fmt.Sprintf("Conflict in %s\n    Different revisions of %s has been requested", consumer.RefString(), newRef.String())
	}
	return ""
}

// needRecurse is Conan's _recurse: whether downstream requirements or
// options disagree with what the existing closure has.
func (b *builder) needRecurse(closure *nodeDict, newReqs recipe.Downstream, newOptions *options.Down, context string) (bool, error) {
	// Conan walks every downstream requirement and option and looks it
	// up in the closure. Either side can be the smaller: the closure of
	// a package near the leaves holds a few nodes, the downstream
	// requirements of a wide consumer reach every node, and those of a
	// deep path many. So walk the smaller and look up the other: first
	// any requirement that would change a node's reference, then the
	// options in name order. The answer and any error are the same.
	all, ok := newReqs.All()
	if ok && checkNeedRecurse {
		r1, err1 := b.needRecurseClosure(closure, newReqs, newOptions, context)
		r2, err2 := b.needRecurseDown(closure, all, newOptions, context)
		if r1 != r2 || fmt.Sprint(err1) != fmt.Sprint(err2) {
			needRecurseMismatch = append(needRecurseMismatch, fmt.Sprintf("closure walk %v %v, downstream walk %v %v", r1, err1, r2, err2))
		}
		needRecurseChecked++
		if r1 {
			needRecurseTrue++
		}
		if err1 != nil {
			needRecurseErr++
		}
		return r1, err1
	}
	if ok && newReqs.Len()+newOptions.Len() < len(closure.keys) {
		return b.needRecurseDown(closure, all, newOptions, context)
	}
	return b.needRecurseClosure(closure, newReqs, newOptions, context)
}

// connectAsConan, set by a test, connects a diamond's additions in
// Conan's order, each to every closure in turn (TestConnectOrder).
var connectAsConan bool

// checkNeedRecurse, set by a test, has needRecurse take both walks and
// note where they disagree.
var (
	checkNeedRecurse    bool
	needRecurseMismatch []string
	needRecurseChecked  int
	needRecurseTrue     int
	needRecurseErr      int
)

// needRecurseClosure is needRecurse walking the closure.
func (b *builder) needRecurseClosure(closure *nodeDict, newReqs recipe.Downstream, newOptions *options.Down, context string) (bool, error) {
	var pkgs []*Node
	for _, n := range closure.nodes() {
		if n.Context != context {
			continue
		}
		if r, ok := newReqs.Get(n.Name()); ok && !refEqual(n.Ref.NoRevision(), r.Ref.NoRevision()) {
			return true, nil
		}
		if _, ok := newOptions.Get(n.Name()); ok {
			pkgs = append(pkgs, n)
		}
	}
	slices.SortFunc(pkgs, func(a, b *Node) int { return strings.Compare(a.Name(), b.Name()) })
	for _, n := range pkgs {
		vals, _ := newOptions.Get(n.Name())
		if changed, err := optionsChange(n, vals); changed || err != nil {
			return changed, err
		}
	}
	return false, nil
}

// needRecurseDown is needRecurse walking the downstream requirements
// and options, looking each up in the closure.
func (b *builder) needRecurseDown(closure *nodeDict, reqs func(func(string, *recipe.Requirement) bool), newOptions *options.Down, context string) (bool, error) {
	inClosure := func(name string) *Node {
		if k, ok := b.g.lookupKey(name, context); ok {
			return closure.get(k)
		}
		return nil
	}
	for name, r := range reqs {
		if n := inClosure(name); n != nil && !refEqual(n.Ref.NoRevision(), r.Ref.NoRevision()) {
			return true, nil
		}
	}
	for name, vals := range newOptions.All() { // sorted, as Conan's walk
		if n := inClosure(name); n != nil {
			if changed, err := optionsChange(n, vals); changed || err != nil {
				return changed, err
			}
		}
	}
	return false, nil
}

// optionsChange reports whether downstream option values differ from a
// node's.
func optionsChange(n *Node, vals *options.PackageValues) (bool, error) {
	for _, it := range vals.Sorted() {
		o, err := n.Conanfile.Options.Pkg.Get(it.Name)
		if err != nil {
			return false, err
		}
		v := it.Value.Str
		eq, err := o.Eq(&v)
		if err != nil {
			return false, err
		}
		if !eq {
			return true, nil
		}
	}
	return false, nil
}

// createNewNode loads the recipe of a requirement and adds its node.
func (b *builder) createNewNode(current *Node, req *recipe.Requirement, contextSwitch, populateSettingsTarget bool) (*Node, error) {
	prof := b.r.Host
	context := current.Context
	if contextSwitch {
		prof, context = b.r.BuildProfile(), Build
	} else if current.Context == Build {
		prof = b.r.BuildProfile()
	}
	if err := b.r.hostVersion(current, req); err != nil {
		return nil, err
	}
	res, err := b.r.resolveRecipe(current, req)
	if err != nil {
		return nil, err
	}
	c, err := b.r.loadConanfile(res.path, res.loc.Files, res.ref, prof, context)
	if err != nil {
		return nil, err
	}
	if b.r.Build != nil {
		c.SettingsBuild = b.r.Build.Settings.Copy()
		if !contextSwitch {
			if populateSettingsTarget {
				c.SettingsTarget = current.Conanfile.SettingsTarget
			}
		} else if current.Context == Host {
			c.SettingsTarget = b.r.Host.Settings.Copy()
		} else {
			c.SettingsTarget = b.r.Build.Settings.Copy()
		}
		c.InstallSettingsBuild()
	}
	n := newNode(res.ref, c, context, res.status)
	n.HasRef = true
	n.Remote, n.RemoteURL, n.Manifest = res.loc.Remote, res.loc.RemoteURL, res.loc.Manifest
	anc := n.ancestors.now()
	anc.assign(current.ancestors.now())
	anc.add(current)
	c.Context = context
	b.g.addNode(n)
	b.g.addEdge(current, n, req)
	return n, nil
}

// pathTo returns the requirement path from the root to n, for errors.
func (b *builder) pathTo(n *Node) []string {
	var path []string
	seen := map[*Node]bool{}
	for cur := n; cur != nil && !seen[cur]; {
		seen[cur] = true
		path = append([]string{nodeLabel(cur)}, path...)
		if len(cur.Dependants) == 0 {
			break
		}
		cur = cur.Dependants[0].Src
	}
	return path
}

func nodeLabel(n *Node) string {
	if s := n.RefString(); s != "" {
		return s
	}
	return n.Conanfile.DisplayName
}
