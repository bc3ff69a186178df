package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/conid/conid/internal/growmap"
	"github.com/conid/conid/options"
	"github.com/conid/conid/packageid"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/python"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/recipe/version"
	"github.com/conid/conid/settings"
)

// Source says which recipes exist and where their conanfile.py is.
type Source interface {
	// Search returns the references whose name matches name without
	// regard to case, as Conan's search does, with any version and
	// exactly the given user and channel ("" for none), sorted as Conan
	// sorts them.
	Search(name, user, channel string) ([]ref.Ref, error)
	// Recipe locates the conanfile.py of a reference, or returns an error
	// wrapping recipe.ErrNotFound.
	Recipe(r ref.Ref) (recipe.Location, error)
}

// A Lister's Search may list a reference that a closer look finds is not
// there (the store lists a tree's name/version/_/_ recipes without reading
// them; see store.Store.Listed): range resolution asks it about the
// version it picks, and takes the next best if that one is not there.
type Lister interface {
	Listed(r ref.Ref) bool
}

// A SizeHinter tells about how many packages a graph from it may hold
// (a store: the package folders it lists), 0 when it cannot. A table of
// the resolver that grows past a few thousand entries is then made for
// that many at once (growmap), rather than grown through every power of
// two (rehashing was 3% of a 10,000-package run).
type SizeHinter interface {
	SizeHint() int
}

func sizeHint(src Source) int {
	if h, ok := src.(SizeHinter); ok {
		return h.SizeHint()
	}
	return 0
}

// PackageSettings are per-package settings of a profile ("zlib:build_type=Debug").
type PackageSettings struct {
	Pattern string
	Values  []settings.NameValue
}

// PatternRefs are a profile's build requirements for a pattern.
type PatternRefs struct {
	Pattern string
	Refs    []ref.Ref
}

// Profile is a composed profile with its settings already processed.
type Profile struct {
	Settings        *settings.Settings
	PackageSettings []PackageSettings
	Options         *options.Values
	BuildRequires   []PatternRefs
	// Conf gives the [conf] a package sees by its reference text (Conan's
	// str(ref): "name/version[@user/channel]", "None" for conanfile.txt
	// and virtual consumers); nil when the profile has none.
	Conf func(refStr string) (recipe.Conf, error)
}

// BinaryLookup finds binaries in the local cache and on remotes.
type BinaryLookup interface {
	// Lookup returns where a binary is: Binary is BinaryCache,
	// BinaryDownload or BinaryMissing. Remote is Conan's binary remote
	// (set for a missing binary too when a remote was asked), Prev the
	// package revision when known.
	Lookup(p ref.PackageRef) (BinaryFound, error)
}

// BinaryFound is the answer of a BinaryLookup.
type BinaryFound struct {
	Binary string
	Remote string
	Prev   string
}

// RemoteSearcher is implemented by Sources that can also ask remotes for
// the versions of a package, when the local ones do not satisfy a range
// (Conan's RangeResolver._resolve_remote).
type RemoteSearcher interface {
	// SearchRemotes returns the references of name/*@user/channel on the
	// first remote that has any, and that remote's name.
	SearchRemotes(name, user, channel string) (refs []ref.Ref, remote string, err error)
}

// Resolver resolves graphs. Its zero value is not usable: Source, Loader
// and Host are required.
type Resolver struct {
	Source Source
	// ReadAhead has a second goroutine read and parse recipes ahead of
	// the expansion (see readAhead), when the Source can and there is a
	// second processor. Leave it off when resolutions already run in
	// parallel.
	ReadAhead bool
	ahead     *readAhead
	Loader    *recipe.Loader
	Host      *Profile
	Build     *Profile // nil in single-profile mode
	// PythonRequiresMode is general.default_python_requires_id_mode
	// ("" is Conan's default, minor_mode).
	PythonRequiresMode string
	// BuildModes are the --build arguments; nil means no --build.
	BuildModes []string
	// PackageIDMode is the default package_id_mode ("" is semver_direct_mode).
	PackageIDMode string
	// PackageIDModeFrom says where it came from, for explain.
	PackageIDModeFrom       string
	FullTransitivePackageID bool
	ErrorOnOverride         bool
	Binaries                BinaryLookup
	// Timings, when set, accumulate time per phase.
	Timings *Timings
	// Progress, when set, is called with the count of recipes evaluated.
	Progress func(recipes int)
	loaded   int
	// Output receives what Conan prints while resolving.
	Output func(line string)

	rangeOutput []string
	buildMode   *buildMode
	evaluated   map[ref.PackageRef][]*Node
	rangeCache  map[string][]ref.Ref               // rangeKey -> candidates
	rangeMemo   map[rangeMemoKey]rangeMemo         // a range resolved among candidates
	hint        func() int                         // sizeHint of Source
	prefs       map[ref.PackageRef]*ref.PackageRef // canonicalPref's
	scratch     idScratch                          // propagateOptions' and idTransitiveReqs' sets
	parScratch  []idScratch                        // plainIDs' goroutines' own, level after level
	reqCache    packageid.RequirementCache         // the infos' shared requirements
	remoteFound map[string]remoteFound
}

// BuildProfile is the profile of the build context (the host one in
// single-profile mode).
func (r *Resolver) BuildProfile() *Profile {
	if r.Build != nil {
		return r.Build
	}
	return r.Host
}

func (r *Resolver) warn(msg string) {
	if r.Output != nil {
		r.Output("WARN: " + msg)
	}
}

func (r *Resolver) info(msg string) {
	if r.Output != nil {
		r.Output(msg)
	}
}

// Target is what to resolve: a consumer file or a reference.
type Target struct {
	Path string   // conanfile.py or conanfile.txt
	Ref  *ref.Ref // "conan lock create --reference"
	// Name, Version, User, Channel override a consumer's (lock create
	// --name ... options).
	User, Channel string
}

// Resolve builds the graph of a target, evaluates package IDs and binary
// statuses, and expands build requirements as Conan 1.65 does.
// Resolve computes the graph of a target. When expansion fails (a
// conflict, a missing recipe, an error in a recipe), it returns the
// partial graph along with the error.
func (r *Resolver) Resolve(t Target) (*Graph, error) {
	mode := r.PackageIDMode
	if mode == "" {
		mode = "semver_direct_mode"
	}
	if !packageid.ValidMode(mode) {
		return nil, fmt.Errorf("'%s' is not a known package_id_mode", mode)
	}
	r.PackageIDMode = mode
	bm, err := newBuildMode(r.BuildModes)
	if err != nil {
		return nil, err
	}
	r.buildMode = bm
	r.evaluated = map[ref.PackageRef][]*Node{}
	r.rangeCache = map[string][]ref.Ref{}
	hint := func() int { return sizeHint(r.Source) } // asked only of a large graph
	r.hint = hint
	r.rangeMemo = map[rangeMemoKey]rangeMemo{}
	r.Loader.ResolvePyRequire = r.resolvePyRequire
	r.prefs = map[ref.PackageRef]*ref.PackageRef{}
	r.reqCache = packageid.RequirementCache{}
	g := newGraph(hint)
	root, err := r.loadRoot(t)
	if err != nil {
		return nil, err
	}
	r.ahead = nil
	if r.ReadAhead {
		r.ahead = newReadAhead(r.Source, hint)
		defer r.ahead.close()
	}
	b := &builder{r: r, g: g}
	g.addNode(root)
	root.publicClosure.add(root)
	shadowNew(root, nil, false)
	root.transitiveClosure.set(root)
	if r.Build != nil {
		root.Conanfile.SettingsBuild = r.Build.Settings.Copy()
		root.Conanfile.InstallSettingsBuild()
	}
	// On an error while expanding, the graph built so far is returned
	// with it, so that explain can show what led there.
	down := recipe.NoDownstream()
	if err := b.expandNode(root, down, "", nil); err != nil {
		return g, err
	}
	g.unreleased += down.Pending()
	if err := r.recurseBuildRequires(g, b, r.Host.BuildRequires, g.Nodes, nil); err != nil {
		return g, err
	}
	if len(r.rangeOutput) > 0 {
		r.info("Version ranges solved")
		for _, m := range r.rangeOutput {
			r.info("    " + m)
		}
		r.info("")
	}
	for _, p := range r.buildMode.unused() {
		if r.Output != nil {
			r.Output(fmt.Sprintf("ERROR: No package matching '%s' pattern found.", p))
		}
	}
	if err := checkProvides(g); err != nil {
		return g, err
	}
	return g, nil
}

// packageSettingsFor picks a node's per-package settings as Conan's
// _initialize_conanfile: exact name, "&" for the consumer, else the first
// fnmatch pattern on "name/version[@user/channel]".
func packageSettingsFor(p *Profile, name, refStr string, develop bool) (pattern string, vals []settings.NameValue) {
	if len(p.PackageSettings) == 0 {
		return "", nil
	}
	ok := false
	for _, ps := range p.PackageSettings {
		if ps.Pattern == name {
			pattern, vals, ok = ps.Pattern, ps.Values, true
		}
	}
	if develop {
		for _, ps := range p.PackageSettings {
			if ps.Pattern == "&" {
				pattern, vals, ok = ps.Pattern, ps.Values, true
			}
		}
	}
	if !ok {
		for _, ps := range p.PackageSettings {
			if python.Fnmatch(refStr, ps.Pattern) {
				return ps.Pattern, ps.Values
			}
		}
	}
	return pattern, vals
}

// loadConanfile loads a recipe from the cache for a reference; files are
// what the source read of it already.
func (r *Resolver) loadConanfile(path string, files recipe.Files, rf ref.Ref, prof *Profile, context string) (*recipe.Conanfile, error) {
	defer r.Timings.span(r.Timings.load(), time.Now())
	r.loaded++
	if r.Timings != nil {
		r.Timings.Recipes = r.loaded
	}
	if r.Progress != nil {
		r.Progress(r.loaded)
	}
	var rec *recipe.Recipe
	var err error
	if files.Conanfile != nil {
		rec, err = r.Loader.LoadRead(path, files)
	} else {
		rec, err = r.Loader.Load(path)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: Cannot load recipe.\n%s", rf.String(), errMessage(err))
	}
	refStr := rf.Name + "/" + rf.Version
	if rf.User != "" {
		refStr += "@" + rf.User + "/" + rf.Channel
	}
	// The instance copies what it keeps of the profile's settings, unless
	// the profile has some of this package's own.
	s, shared := prof.Settings, true
	pattern, pkg := packageSettingsFor(prof, rf.Name, refStr, false)
	if pkg != nil {
		s, shared = prof.Settings.Copy(), false
		if err := s.UpdateValues(pkg); err != nil {
			return nil, fmt.Errorf("%s: %s", path, err)
		}
	}
	c, err := r.Loader.New(rec, recipe.InstanceParams{Ref: rf, DisplayName: rf.String(), Settings: s, SharedSettings: shared})
	if c != nil && pkg != nil {
		c.SettingsPattern = pattern
	}
	if err != nil {
		var ic *recipe.InvalidConfigError
		var me *recipe.MethodError
		if errors.As(err, &ic) || errors.As(err, &me) || isUnsupported(err) {
			return nil, err
		}
		return nil, fmt.Errorf("%s: %s", path, errMessage(err))
	}
	c.Context = context
	c.Ref = rf
	if c.Conf, err = prof.conf(refStr); err != nil {
		return nil, fmt.Errorf("%s: %s", path, err)
	}
	return c, nil
}

// conf is the [conf] a package sees (none without a profile [conf]).
func (p *Profile) conf(refStr string) (recipe.Conf, error) {
	if p == nil || p.Conf == nil {
		return nil, nil
	}
	return p.Conf(refStr)
}

func isUnsupported(err error) bool {
	var u *python.Unsupported
	return errors.As(err, &u)
}

// errMessage is str(exception) of an error.
func errMessage(err error) string {
	var exc *python.Exception
	if errors.As(err, &exc) && err == error(exc) {
		return exc.Message()
	}
	return err.Error()
}

// runConfigure is Conan's run_configure_method.
func (r *Resolver) runConfigure(n *Node, downOptions *options.Down, downRef string) error {
	defer r.Timings.span(r.Timings.configure(), time.Now())
	c := n.Conanfile
	if c.HasMethod("config") {
		return fmt.Errorf("%s: config() is not supported (Conan 1.65 deprecates it)", c.DisplayName)
	}
	if err := c.Call("config_options"); err != nil {
		return err
	}
	if downOptions.Len() > 0 {
		if err := c.Options.PropagateUpstream(downOptions, downRef, n.Name(), n.RefString()); err != nil {
			return err
		}
	}
	if err := c.Call("configure"); err != nil {
		return err
	}
	if err := c.Settings.Validate(); err != nil {
		return err
	}
	if err := c.Options.Pkg.Validate(); err != nil {
		return err
	}
	c.FixProvides()
	if dep, ok, _ := c.StrAttr("deprecated"); ok && dep != "" {
		msg := fmt.Sprintf("Recipe '%s' is deprecated", c.DisplayName)
		if v, _, _ := c.Attr("deprecated"); v != nil {
			if s, isStr := v.(string); isStr {
				msg += fmt.Sprintf(" in favor of '%s'", s)
			}
		}
		r.warn(c.DisplayName + ": " + msg + ". Please, consider changing your requirements.")
	}
	if c.HasMethod("layout") {
		if err := c.Call("layout"); err != nil {
			return err
		}
	}
	return nil
}

// candidateVersions are the versions of the references a range search
// found, each once in the order first found, and the reference each names
// (the last found, as Conan's dict of them keeps).
func candidateVersions(cands []ref.Ref) ([]string, map[string]ref.Ref) {
	versions := make([]string, 0, len(cands))
	byVersion := make(map[string]ref.Ref, len(cands))
	for _, c := range cands {
		if _, dup := byVersion[c.Version]; !dup {
			versions = append(versions, c.Version)
		}
		byVersion[c.Version] = c
	}
	return versions, byVersion
}

// resolveRange resolves a requirement's version range (Conan's
// RangeResolver.resolve) against the recipes Source knows.
func (r *Resolver) resolveRange(req *recipe.Requirement, consumer string) error {
	expr, ok := req.VersionRange()
	if !ok {
		return nil
	}
	if req.IsResolved() {
		best, found, out, err := version.Satisfying([]string{req.Ref.Version}, expr)
		r.noteRange(out...)
		if err != nil {
			return err
		}
		if !found || best == "" {
			return fmt.Errorf("Version range '%s' required by '%s' not valid for downstream requirement '%s'", expr, consumer, req.Ref.String())
		}
		if r.Output != nil {
			r.noteRange(fmt.Sprintf("Version range '%s' required by '%s' valid for downstream requirement '%s'", expr, consumer, req.Ref.String()))
		}
		return nil
	}
	key := rangeKey(req.Ref)
	cands, ok := r.rangeCache[key]
	if !ok {
		var err error
		if cands, err = r.Source.Search(req.Ref.Name, req.Ref.User, req.Ref.Channel); err != nil {
			return err
		}
		r.rangeCache[key] = cands
	}
	var resolved *ref.Ref
	memoKey := rangeMemoKey{key, expr}
	if m, ok := r.rangeMemo[memoKey]; ok && !noRangeMemo && len(cands) > 0 && sameRefs(m.cands, cands) {
		// The same range among the same candidates: the same answer and
		// output.
		r.noteRange(m.out...)
		if m.found {
			resolved = &m.resolved
		}
	} else if len(cands) > 0 {
		versions, byVersion := candidateVersions(cands)
		lister, _ := r.Source.(Lister)
		for {
			best, found, out, err := version.Satisfying(versions, expr)
			if err != nil {
				return err
			}
			if lister != nil && len(out) > 0 && len(out) > len(version.RangeWarnings(expr)) {
				// A warning names a version that is not SemVer: Conan
				// warns only of those that are there.
				n := len(cands)
				cands = slices.DeleteFunc(cands, func(c ref.Ref) bool { return !lister.Listed(c) })
				if len(cands) < n {
					r.rangeCache[key] = cands
					versions = versions[:0]
					for _, c := range cands {
						if !slices.Contains(versions, c.Version) {
							versions = append(versions, c.Version)
						}
					}
					continue
				}
			}
			if found {
				if lister != nil && !lister.Listed(byVersion[best]) {
					// Not there after all: as if never listed, output
					// included.
					versions = slices.DeleteFunc(versions, func(v string) bool { return v == best })
					cands = slices.DeleteFunc(cands, func(c ref.Ref) bool { return c.Version == best })
					r.rangeCache[key] = cands
					continue
				}
				rr := byVersion[best]
				resolved = &rr
			}
			r.noteRange(out...)
			m := rangeMemo{cands: cands, found: resolved != nil, out: out}
			if resolved != nil {
				m.resolved = *resolved
			}
			r.rangeMemo = growmap.Grow(r.rangeMemo, r.hint)
			r.rangeMemo[memoKey] = m
			break
		}
	}
	origin := "local cache"
	if resolved == nil {
		// Conan then asks the remotes; with none it notes this (sic).
		rr, remote, err := r.resolveRemote(req.Ref, expr)
		if err != nil {
			return err
		}
		if remote != "" {
			origin = fmt.Sprintf("remote '%s'", remote)
		}
		if rr == nil {
			return &RangeError{Msg: fmt.Sprintf("Version range '%s' from requirement '%s' required by '%s' could not be resolved in %s", expr, req.Ref.String(), consumer, origin), Ref: req.Ref}
		}
		resolved = rr
		// The recipe is about to be downloaded into the cache: later
		// ranges find it there, as in Conan.
		delete(r.rangeCache, key)
	}
	if r.Output != nil {
		r.noteRange(fmt.Sprintf("Version range '%s' required by '%s' resolved to '%s' in %s", expr, consumer, resolved.String(), origin))
	}
	req.Ref = resolved.NoRevision()
	return nil
}

// noteRange keeps lines for the "Version ranges solved" output, when
// there is output.
func (r *Resolver) noteRange(lines ...string) {
	if r.Output != nil {
		r.rangeOutput = append(r.rangeOutput, lines...)
	}
}

// noRangeMemo, set by tests, resolves every range anew.
var noRangeMemo bool

// rangeMemoKey and rangeMemo remember how a range resolved among a
// name's candidates (the range cache's list, which pruning shortens
// and a new search replaces).
type rangeMemoKey struct{ key, expr string }

type rangeMemo struct {
	cands    []ref.Ref
	found    bool
	resolved ref.Ref
	out      []string
}

// sameRefs reports whether a and b are the same slice.
func sameRefs(a, b []ref.Ref) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// rangeKey keys the range cache: names are searched without case, users
// and channels compared exactly.
func rangeKey(r ref.Ref) string {
	return strings.ToLower(r.Name) + "@" + r.User + "/" + r.Channel
}

type remoteFound struct {
	refs   []ref.Ref
	remote string
}

// resolveRemote resolves a range against the versions of the first
// remote that has the package (Conan's _resolve_remote).
func (r *Resolver) resolveRemote(want ref.Ref, expr string) (*ref.Ref, string, error) {
	rs, ok := r.Source.(RemoteSearcher)
	if !ok {
		r.noteRange("%s versions not found in remotes")
		return nil, "", nil
	}
	pattern := want.Name + "/*"
	if want.User != "" {
		pattern += "@" + want.User + "/" + want.Channel
	}
	found, ok := r.remoteFound[pattern]
	if !ok {
		refs, remote, err := rs.SearchRemotes(want.Name, want.User, want.Channel)
		if err != nil {
			return nil, "", err
		}
		if len(refs) > 0 {
			r.noteRange(fmt.Sprintf("%s versions found in '%s' remote", pattern, remote))
		} else {
			r.noteRange("%s versions not found in remotes")
		}
		found = remoteFound{refs: refs, remote: remote}
		if r.remoteFound == nil {
			r.remoteFound = map[string]remoteFound{}
		}
		r.remoteFound[pattern] = found
	}
	if len(found.refs) == 0 {
		return nil, "", nil
	}
	versions := make([]string, 0, len(found.refs))
	byVersion := map[string]ref.Ref{}
	for _, c := range found.refs {
		if _, dup := byVersion[c.Version]; !dup {
			versions = append(versions, c.Version)
		}
		byVersion[c.Version] = c.NoRevision()
	}
	best, ok, out, err := version.Satisfying(versions, expr)
	r.noteRange(out...)
	if err != nil {
		return nil, "", err
	}
	if !ok {
		return nil, found.remote, nil
	}
	rr := byVersion[best]
	return &rr, found.remote, nil
}

type recipeResult struct {
	path   string
	ref    ref.Ref
	status string
	loc    recipe.Location
}

// resolveRecipe finds a requirement's recipe (Conan's _resolve_recipe
// through the proxy).
func (r *Resolver) resolveRecipe(current *Node, req *recipe.Requirement) (recipeResult, error) {
	rfile, err := r.Source.Recipe(req.Ref)
	if err != nil {
		if errors.Is(err, recipe.ErrNotFound) {
			return recipeResult{}, r.failedRequirement(current, req, "No remote defined")
		}
		var me *MissingError
		if errors.As(err, &me) && current.HasRef && current.Ref.Name != "" && r.Output != nil {
			// Not found on the remotes: Conan names the requirer first.
			r.Output(fmt.Sprintf("ERROR: Failed requirement '%s' from '%s'", req.Ref.String(), current.Conanfile.DisplayName))
		}
		return recipeResult{}, err
	}
	if req.Ref.Revision != "" && !rfile.Downloaded && rfile.Revision != req.Ref.Revision {
		// A pinned revision other than the one in the cache: Conan asks
		// for --update rather than use it.
		return recipeResult{}, r.failedRequirement(current, req, fmt.Sprintf("The '%s' revision recipe in the local cache doesn't match the requested '%s'. Use '--update' to check in the remote.", rfile.Revision, req.Ref.Full()))
	}
	rf := req.Ref.NoRevision()
	rf.Revision = rfile.Revision
	status := RecipeCache
	if rfile.Downloaded {
		status = RecipeDownload
	}
	return recipeResult{path: rfile.Path, ref: rf, status: status, loc: rfile}, nil
}

// resolvePyRequire is Conan's PyRequireLoader._resolve_ref and
// _load_pyreq_conanfile: an alias is followed, a range resolved as
// required by "py_require", and the recipe loaded.
func (r *Resolver) resolvePyRequire(text string) (recipe.PyRequire, error) {
	return r.resolvePyRequireAlias(text, 0)
}

func (r *Resolver) resolvePyRequireAlias(text string, hops int) (recipe.PyRequire, error) {
	if hops > 32 {
		return recipe.PyRequire{}, fmt.Errorf("python_requires '%s': the aliases loop", text)
	}
	rf, err := ref.Parse(text)
	if err != nil {
		return recipe.PyRequire{}, err
	}
	req := &recipe.Requirement{Ref: rf, RangeRef: rf}
	if alias, ok := req.Alias(); ok {
		pointed, err := r.followAlias(alias)
		if err != nil {
			return recipe.PyRequire{}, err
		}
		req.Ref = pointed
	}
	if err := r.resolveRange(req, "py_require"); err != nil {
		return recipe.PyRequire{}, err
	}
	rfile, err := r.Source.Recipe(req.Ref)
	if errors.Is(err, recipe.ErrNotFound) {
		return recipe.PyRequire{}, &MissingError{Ref: req.Ref, Msg: "No remote defined"}
	}
	if err != nil {
		return recipe.PyRequire{}, err
	}
	var rec *recipe.Recipe
	if rfile.Files.Conanfile != nil {
		rec, err = r.Loader.LoadRead(rfile.Path, rfile.Files)
	} else {
		rec, err = r.Loader.Load(rfile.Path)
	}
	if err != nil {
		return recipe.PyRequire{}, err
	}
	// An alias recipe ("pyreq/latest" with alias = "pyreq/1.2.3") is
	// followed, as Conan's _load_pyreq_conanfile does.
	if v, _, ok := rec.Class.Lookup("alias"); ok {
		if target, isStr := v.(string); isStr && target != "" {
			return r.resolvePyRequireAlias(target, hops+1)
		}
	}
	got := req.Ref.NoRevision()
	got.Revision = rfile.Revision
	return recipe.PyRequire{Ref: got, Recipe: rec}, nil
}

// failedRequirement is Conan's answer to a recipe it cannot get: for a
// requirer with a reference or a consumer, "ERROR: Failed requirement
// 'ref' from 'requirer'" first (on Output when there is one, else in
// the error), then msg.
func (r *Resolver) failedRequirement(current *Node, req *recipe.Requirement, msg string) error {
	if !current.HasRef && current.Recipe != RecipeConsumer {
		return &MissingError{Ref: req.Ref, Msg: msg}
	}
	if r.Output != nil {
		r.Output(fmt.Sprintf("ERROR: Failed requirement '%s' from '%s'", req.Ref.String(), current.Conanfile.DisplayName))
		return &MissingError{Ref: req.Ref, Msg: msg}
	}
	return &MissingError{Ref: req.Ref, From: current.Conanfile.DisplayName, Msg: msg}
}

// followAlias loads an alias recipe and returns what it points to.
func (r *Resolver) followAlias(alias ref.Ref) (ref.Ref, error) {
	rfile, err := r.Source.Recipe(alias)
	if err != nil {
		return ref.Ref{}, err
	}
	rec, err := r.Loader.Load(rfile.Path)
	if err != nil {
		return ref.Ref{}, err
	}
	v, ok := rec.Class.Dict.Get("alias")
	s, isStr := v.(string)
	if !ok || !isStr {
		return ref.Ref{}, fmt.Errorf("Alias definition error in %s: no alias attribute", alias.String())
	}
	p, err := ref.Parse(s)
	if err != nil {
		return ref.Ref{}, fmt.Errorf("Alias definition error in %s: %v", alias.String(), err)
	}
	return p, nil
}

// hostVersion resolves a "<host_version>" build requirement.
func (r *Resolver) hostVersion(current *Node, req *recipe.Requirement) error {
	v := req.Ref.Version
	if !strings.HasPrefix(v, "<host_version") || !strings.HasSuffix(v, ">") {
		return nil
	}
	if !req.BuildRequire {
		return fmt.Errorf("%s uses '<host_version>' in requires, it is only allowed in tool_requires", current.RefString())
	}
	search := req.Ref.Name
	if _, tracked, found := strings.Cut(v, ":"); found {
		search = strings.TrimSuffix(tracked, ">")
	}
	for _, e := range current.Dependencies {
		if !e.BuildRequire() && e.Require.Ref.Name == search && e.Require.Ref.User == req.Ref.User && e.Require.Ref.Channel == req.Ref.Channel {
			nr := req.Ref
			nr.Version, nr.User, nr.Channel = e.Require.Ref.Version, e.Require.Ref.User, e.Require.Ref.Channel
			req.Ref = nr
			return nil
		}
	}
	return fmt.Errorf("%s require '%s/%s': didn't find a matching host dependency", current.RefString(), search, v)
}
