package graph

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/conid/conid/options"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/settings"
)

// loadRoot creates the root node (Conan's _load_root_node).
func (r *Resolver) loadRoot(t Target) (*Node, error) {
	userOptions := r.Host.Options.Copy()
	r.Host.Options = userOptions
	if t.Ref != nil {
		userOptions.ScopeOptions(t.Ref.Name)
		c, err := r.Loader.NewVirtual([]ref.Ref{*t.Ref}, r.Host.Settings, userOptions, false)
		if err != nil {
			return nil, err
		}
		c.Context = Host
		if c.Conf, err = r.Host.conf("None"); err != nil {
			return nil, err
		}
		n := newNode(ref.Ref{}, c, Host, RecipeVirtual)
		return n, nil
	}
	if strings.HasSuffix(t.Path, ".py") {
		rec, err := r.Loader.Load(t.Path)
		if err != nil {
			return nil, err
		}
		c, err := r.newConsumer(rec, t)
		if err != nil {
			return nil, err
		}
		n := newNode(ref.Ref{Name: c.Name, Version: c.Version, User: t.User, Channel: t.Channel}, c, Host, RecipeConsumer)
		c.Ref = n.Ref
		n.HasRef = true
		n.Path = t.Path
		return n, nil
	}
	txt, err := recipe.ReadTxt(t.Path)
	if err != nil {
		return nil, err
	}
	s := r.Host.Settings.Copy()
	pkg := packageSettingsForTxt(r.Host)
	if pkg != nil {
		if err := s.UpdateValues(pkg); err != nil {
			return nil, err
		}
	}
	c, err := r.Loader.NewTxt(txt, filepath.Base(t.Path), s, userOptions)
	if err != nil {
		return nil, err
	}
	if pkg != nil {
		c.SettingsPattern = "&"
	}
	c.Context = Host
	if c.Conf, err = r.Host.conf("None"); err != nil {
		return nil, fmt.Errorf("%s: %s", t.Path, err)
	}
	n := newNode(ref.Ref{}, c, Host, RecipeConsumer)
	n.Path = t.Path
	return n, nil
}

func packageSettingsForTxt(p *Profile) []settings.NameValue {
	for _, ps := range p.PackageSettings {
		if ps.Pattern == "&" {
			return ps.Values
		}
	}
	return nil
}

// newConsumer is Conan's load_consumer for a conanfile.py.
func (r *Resolver) newConsumer(rec *recipe.Recipe, t Target) (*recipe.Conanfile, error) {
	base := filepath.Base(t.Path)
	c, err := r.Loader.Instantiate(rec, recipe.InstanceParams{User: t.User, Channel: t.Channel, DisplayName: base, Develop: true, Consumer: true})
	if err != nil {
		return nil, err
	}
	name, version := c.Name, c.Version
	if name != "" || version != "" {
		refStr := orNoneStr(name) + "/" + orNoneStr(version)
		if t.User != "" {
			refStr += "@" + t.User + "/" + t.Channel
		}
		c.SetDisplayName(fmt.Sprintf("%s (%s)", base, refStr))
	}
	s := r.Host.Settings.Copy()
	pkgRef := orNoneStr(name) + "/" + orNoneStr(version)
	pattern, pkg := packageSettingsFor(r.Host, name, pkgRef, true)
	if pkg != nil {
		if err := s.UpdateValues(pkg); err != nil {
			return nil, fmt.Errorf("%s: %s", t.Path, err)
		}
		c.SettingsPattern = pattern
	}
	if err := c.Initialize(s); err != nil {
		return nil, err
	}
	c.Context = Host
	confRef := pkgRef
	if t.User != "" {
		confRef += "@" + t.User + "/" + t.Channel
	}
	if c.Conf, err = r.Host.conf(confRef); err != nil {
		return nil, fmt.Errorf("%s: %s", t.Path, err)
	}
	user := r.Host.Options
	user.DescopeOptions(name)
	if err := c.Options.InitializeUpstream(user, name); err != nil {
		return nil, fmt.Errorf("%s: %s", t.Path, err)
	}
	user.ClearUnscoped()
	return c, nil
}

func orNoneStr(s string) string {
	if s == "" {
		return "None"
	}
	return s
}

// recurseBuildRequires evaluates binaries of a subset and expands the
// build requirements of the nodes that will be built (Conan's
// _recurse_build_requires).
func (r *Resolver) recurseBuildRequires(g *Graph, b *builder, profileBRs []PatternRefs, subset []*Node, root *Node) error {
	defaultContext := Host
	if r.Build != nil {
		defaultContext = Build
	}
	byLevel, err := r.evaluateGraph(g, subset, root)
	if err != nil {
		return err
	}
	if checkLevels {
		compareLevels(byLevel, levels(subset, true))
	}
	for _, n := range flatten(byLevel) {
		if n.Binary != BinaryBuild && n.Binary != BinaryEditable && n.Binary != BinaryUnknown &&
			n.Recipe != RecipeConsumer && n.Recipe != RecipeVirtual {
			n.Conanfile.BuildRequiresOpt = nil // kept for this alone
			continue
		}
		brs, err := n.Conanfile.SetupBuildRequirements(defaultContext)
		if err != nil {
			return err
		}
		strRef := n.RefString()
		if !n.HasRef {
			strRef = "None"
		}
		var fromProfile []brItem
		for _, pr := range profileBRs {
			if n.Recipe == RecipeVirtual {
				continue
			}
			if (n.Recipe == RecipeConsumer && pr.Pattern == "&") || (n.Recipe != RecipeConsumer && pr.Pattern == "&!") || python.Fnmatch(strRef, pr.Pattern) {
				for _, br := range pr.Refs {
					if _, ok := brs.Lookup(br.Name, defaultContext); ok {
						brs.Replace(br.Name, defaultContext, &recipe.BuildRequire{Ref: br, Context: defaultContext})
					} else if br.Name != n.Name() || defaultContext != n.Context {
						fromProfile = append(fromProfile, brItem{br, defaultContext, false})
					}
				}
			}
		}
		recurse := func(list []brItem, transitive []PatternRefs) error {
			sub, err := b.extendBuildRequires(n, list)
			if err != nil {
				return err
			}
			return r.recurseBuildRequires(g, b, transitive, sub, n)
		}
		if brs.Len() > 0 {
			if defaultContext == Build {
				var inBuild, inHost []brItem
				for _, br := range brs.All() {
					it := brItem{br.Ref, br.Context, br.ForceHost}
					if br.Context == Build {
						inBuild = append(inBuild, it)
					} else {
						inHost = append(inHost, it)
					}
				}
				if len(inBuild) > 0 {
					if err := recurse(inBuild, r.Build.BuildRequires); err != nil {
						return err
					}
				}
				if len(inHost) > 0 {
					if err := recurse(inHost, profileBRs); err != nil {
						return err
					}
				}
			} else {
				var all []brItem
				for _, br := range brs.All() {
					all = append(all, brItem{br.Ref, br.Context, br.ForceHost})
				}
				if err := recurse(all, profileBRs); err != nil {
					return err
				}
			}
		}
		if len(fromProfile) > 0 {
			if err := recurse(fromProfile, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

type brItem struct {
	ref       ref.Ref
	context   string
	forceHost bool
}

// extendBuildRequires adds a node's build requirements to the graph and
// returns the new nodes (Conan's extend_build_requires).
func (b *builder) extendBuildRequires(n *Node, list []brItem) ([]*Node, error) {
	c := n.Conanfile
	opts := options.NewValues()
	if c.BuildRequiresOpt != nil {
		opts = c.BuildRequiresOpt()
	}
	opts.ClearUnscoped()
	byName := map[string]*options.PackageValues{}
	for _, name := range opts.PkgNames() {
		v, _ := opts.Lookup(name)
		key := name
		if b.r.Build != nil {
			key += "*"
		}
		byName[key] = v
	}
	newOptions := options.NewDown(byName)
	newReqs := recipe.NoDownstream()
	var reqs []*recipe.Requirement
	for _, it := range list {
		reqs = append(reqs, &recipe.Requirement{Ref: it.ref, RangeRef: it.ref, BuildRequire: true, Context: it.context, ForceHost: it.forceHost})
	}
	if err := b.resolveAliases(n, reqs); err != nil {
		return nil, err
	}
	if err := b.resolveRanges(reqs, c.DisplayName); err != nil {
		return nil, err
	}
	before := len(b.g.Nodes)
	for _, req := range reqs {
		sw := req.Context == Build
		if err := b.expandRequire(req, n, newReqs, newOptions, sw, sw); err != nil {
			return nil, err
		}
	}
	b.g.unreleased += newReqs.Pending()
	newNodes := append([]*Node(nil), b.g.Nodes[before:]...)
	isNew := map[*Node]bool{}
	for _, x := range newNodes {
		isNew[x] = true
	}
	n.publicClosure.sortBy(func(x *Node) int {
		if isNew[x] {
			return 0
		}
		return 1
	})
	return newNodes, nil
}
