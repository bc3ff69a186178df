// Package store finds recipes on disk, in the three layouts conid reads:
//
//	tree    <dir>/<name>/<version>/<user|_>/<channel|_>/conanfile.py
//	cache   <dir>/<name>/<version>/<user|_>/<channel|_>/export/conanfile.py
//	        (a Conan 1 cache data folder; metadata.json holds the revision)
//	cci     <dir>/<name>/config.yml, mapping versions to folders holding
//	        conanfile.py (conan-center-index's recipes/ folder)
//
// A Store answers the graph resolver's questions: which versions of a
// package exist (Search) and where a reference's recipe is (Recipe).
package store

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/conid/conid/internal/fsread"

	"github.com/conid/conid/internal/growmap"
	"github.com/conid/conid/internal/pyyaml"
	"github.com/conid/conid/packageid"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/python/syntax"
	"github.com/conid/conid/recipe/ref"
	"gopkg.in/yaml.v3"
)

// Layout is how a folder holds recipes.
type Layout int

const (
	Tree Layout = iota
	Cache
	CCI
)

func (l Layout) String() string { return [...]string{"tree", "cache", "cci"}[l] }

// Dir is one folder of recipes.
type Dir struct {
	Path   string
	Layout Layout
	// pathClean: Path joins as it is (joinsAsIs; Open checks), so a
	// recipe's path is Path and its parts joined, when they are plain.
	pathClean bool

	mu  sync.Mutex
	cci map[string]map[string]string

	listOnce sync.Once
	lower    map[string][]string // lower-case name -> folder names
	packages int                 // package folders listed

	// treeMu guards what lookups learnt: found, a tree's references
	// with a user and channel located; plain, the name/version/_/_
	// recipes looked at (in a tree their text, revision and export, in
	// a Conan cache whether they are there).
	treeMu sync.Mutex
	found  map[ref.Ref]pathRev
	plain  map[nameVersion]plainRecipe
}

// Store searches several folders in order.
type Store struct {
	Dirs  []*Dir
	revs  sync.Map // ref.Ref -> string
	index *NameIndex

	// What Prefetch read ahead (see ahead.go), and the searches made or
	// under way, which a second caller waits for; aheadMu guards both.
	aheadMu  sync.Mutex
	ahead    map[ref.Ref]*ahead
	searches map[searchKey]*search
}

type searchKey struct{ name, user, channel string }

// search is one Search's answer, set before done is closed.
type search struct {
	done chan struct{}
	refs []ref.Ref
}

// ShareIndex has the store read metadata.json in x's data folder, when
// it is one of its folders, through x, which also serves the binary
// lookups: each reference's file is then read once.
func (s *Store) ShareIndex(x *NameIndex) { s.index = x }

// Index is the NameIndex given to ShareIndex, or nil.
func (s *Store) Index() *NameIndex { return s.index }

// Open returns a store over folders, detecting each layout.
func Open(paths ...string) (*Store, error) {
	s := &Store{}
	for _, p := range paths {
		st, err := fsread.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("recipes folder %s: %w", p, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("recipes folder %s: not a directory", p)
		}
		s.Dirs = append(s.Dirs, &Dir{Path: p, Layout: Detect(p), pathClean: joinsAsIs(p)})
	}
	return s, nil
}

// Detect guesses a folder's layout from its first entries: the first
// package folder, in the order the file system lists them, that has the
// shape of one (Tree when none has). It reads no further than that
// folder, not the whole listing: listing the 1,600 packages of
// conan-center-index cost a small graph's lock create a seventh of its
// time.
func Detect(dir string) Layout {
	layout := Tree
	fsread.ScanDir(dir, func(e os.DirEntry) bool {
		if !e.IsDir() {
			return false
		}
		if _, err := fsread.Stat(filepath.Join(dir, e.Name(), "config.yml")); err == nil {
			layout = CCI
			return true
		}
		matches, _ := fsread.Glob(filepath.Join(dir, e.Name(), "*", "*", "*", "export", "conanfile.py"))
		if len(matches) > 0 {
			layout = Cache
			return true
		}
		matches, _ = fsread.Glob(filepath.Join(dir, e.Name(), "*", "*", "*", "conanfile.py"))
		return len(matches) > 0 // Tree
	})
	return layout
}

// joinsAsIs reports whether filepath.Join(p, x) is p, a separator and x
// for a plain x: p is clean, and neither the root nor ".".
func joinsAsIs(p string) bool {
	return p != "" && p != "." && filepath.Clean(p) == p && !strings.HasSuffix(p, string(filepath.Separator))
}

// plainPart reports whether a path element joins as it is: not empty,
// not . or .., no separator (references are checked, but not every
// caller's).
func plainPart(s string) bool {
	return s != "" && s != "." && s != ".." && !strings.ContainsRune(s, '/') && !strings.ContainsRune(s, filepath.Separator)
}

func dash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

func undash(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// refsOf lists the references of a package name (exact folder name) with
// the given user and channel.
func (d *Dir) refsOf(folder, user, channel string) []ref.Ref {
	var out []ref.Ref
	switch d.Layout {
	case CCI:
		if user != "" || channel != "" {
			return nil
		}
		for v := range d.cciVersions(folder) {
			out = append(out, ref.Ref{Name: folder, Version: v})
		}
	default:
		base := filepath.Join(d.Path, folder)
		versions, _ := fsread.ReadDir(base)
		for _, v := range versions {
			if user == "" && channel == "" {
				// Only "_/_" can hold it: no need to list the version,
				// nor even to look: Listed looks at the one range
				// resolution picks, which is then loaded.
				if v.IsDir() || v.Type()&fs.ModeSymlink != 0 {
					out = append(out, ref.Ref{Name: folder, Version: v.Name()})
				}
				continue
			}
			if d.Layout == Tree {
				// A recipe exported without user and channel that
				// declares these as its defaults.
				if u, c, ok := d.exportedAs(ref.Ref{Name: folder, Version: v.Name()}); ok && u == user && c == channel {
					out = append(out, ref.Ref{Name: folder, Version: v.Name(), User: user, Channel: channel})
				}
			}
			// Users and channels are compared exactly, as Conan does, so
			// they are listed rather than looked up (the file system may
			// ignore case).
			users, _ := fsread.ReadDir(filepath.Join(base, v.Name()))
			for _, u := range users {
				if undash(u.Name()) != user {
					continue
				}
				chans, _ := fsread.ReadDir(filepath.Join(base, v.Name(), u.Name()))
				for _, c := range chans {
					r := ref.Ref{Name: folder, Version: v.Name(), User: user, Channel: undash(c.Name())}
					if r.Channel != channel {
						continue
					}
					if _, err := fsread.Stat(d.conanfile(r)); err == nil && !slices.Contains(out, r) {
						out = append(out, r)
					}
				}
			}
		}
	}
	return out
}

func (d *Dir) conanfile(r ref.Ref) string {
	if d.pathClean && plainPart(r.Name) && plainPart(r.Version) && plainPart(dash(r.User)) && plainPart(dash(r.Channel)) {
		// What filepath.Join gives, without cleaning it twice.
		const sep = string(filepath.Separator)
		p := d.Path + sep + r.Name + sep + r.Version + sep + dash(r.User) + sep + dash(r.Channel) + sep
		if d.Layout == Cache {
			return p + "export" + sep + "conanfile.py"
		}
		return p + "conanfile.py"
	}
	p := filepath.Join(d.Path, r.Name, r.Version, dash(r.User), dash(r.Channel))
	if d.Layout == Cache {
		return filepath.Join(p, "export", "conanfile.py")
	}
	return filepath.Join(p, "conanfile.py")
}

// cciVersions reads <name>/config.yml: version -> folder.
func (d *Dir) cciVersions(name string) map[string]string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.cci == nil {
		d.cci = map[string]map[string]string{}
	}
	if m, ok := d.cci[name]; ok {
		return m
	}
	m := map[string]string{}
	d.cci[name] = m
	b, err := fsread.ReadFile(filepath.Join(d.Path, name, "config.yml"))
	if err != nil {
		return m
	}
	var doc yaml.Node
	if yaml.Unmarshal(b, &doc) != nil || len(doc.Content) == 0 {
		return m
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "versions" {
			continue
		}
		vs := root.Content[i+1]
		for j := 0; j+1 < len(vs.Content); j += 2 {
			k := scalarStr(vs.Content[j])
			folder := ""
			entry := vs.Content[j+1]
			for l := 0; l+1 < len(entry.Content); l += 2 {
				if entry.Content[l].Value == "folder" {
					folder = scalarStr(entry.Content[l+1])
				}
			}
			m[k] = folder
		}
	}
	return m
}

func scalarStr(n *yaml.Node) string {
	if n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0 {
		return n.Value
	}
	return pyyaml.Plain(n.Value)
}

// Versions returns the versions of a CCI recipe in config.yml.
func (d *Dir) Versions(name string) map[string]string { return d.cciVersions(name) }

// folders lists package folder names equal to name without case. The
// folder's listing is read once.
func (d *Dir) folders(name string) []string {
	d.list()
	return d.lower[strings.ToLower(name)]
}

// packageCount is how many package folders the folder holds.
func (d *Dir) packageCount() int {
	d.list()
	return d.packages
}

// list reads the folder's listing, once.
func (d *Dir) list() {
	d.listOnce.Do(func() {
		d.lower = map[string][]string{}
		entries, err := fsread.ReadDir(d.Path)
		if err != nil {
			return
		}
		for _, e := range entries {
			if e.IsDir() {
				l := strings.ToLower(e.Name())
				d.lower[l] = append(d.lower[l], e.Name())
				d.packages++
			}
		}
	})
}

// SizeHint is how many package folders the store's folders hold, a bound
// on the packages of most graphs it serves (graph.SizeHinter). It lists
// them, as the first search would. A table that grows past a few thousand
// entries is made for that many at once (growmap).
func (s *Store) SizeHint() int {
	n := 0
	for _, d := range s.Dirs {
		n += d.packageCount()
	}
	return n
}

// Search returns the references of a package name, matched without
// case, that have exactly the given user and channel ("" for none),
// sorted as Conan sorts them.
func (s *Store) Search(name, user, channel string) ([]ref.Ref, error) {
	// The read ahead and the resolver search the same names: the second
	// search waits for the first's answer rather than list it again.
	k := searchKey{name, user, channel}
	s.aheadMu.Lock()
	if sr, ok := s.searches[k]; ok {
		s.aheadMu.Unlock()
		<-sr.done
		return slices.Clone(sr.refs), nil
	}
	sr := &search{done: make(chan struct{})}
	if s.searches == nil {
		s.searches = map[searchKey]*search{}
	}
	if growmap.Due(len(s.searches)) {
		s.searches = growmap.Grow(s.searches, s.SizeHint)
	}
	s.searches[k] = sr
	s.aheadMu.Unlock()
	var out []ref.Ref
	var seen map[ref.Ref]bool // past the first folder listed
	listed := 0
	for _, d := range s.Dirs {
		// The exact name first (a missing folder lists nothing), then
		// the names equal without case.
		folders := []string{name}
		for _, f := range d.folders(name) {
			if f != name {
				folders = append(folders, f)
			}
		}
		for _, f := range folders {
			refs := d.refsOf(f, user, channel)
			if len(refs) == 0 {
				continue
			}
			if listed++; listed == 1 { // a folder's versions are distinct
				out = refs
				continue
			}
			if seen == nil {
				seen = make(map[ref.Ref]bool, len(out)+len(refs))
				for _, r := range out {
					seen[r] = true
				}
			}
			for _, r := range refs {
				if !seen[r] {
					seen[r] = true
					out = append(out, r)
				}
			}
		}
	}
	slices.SortStableFunc(out, packageid.RefCompare)
	sr.refs = out
	close(sr.done)
	return slices.Clone(out), nil
}

// Recipe locates a reference's conanfile.py and its revision.
func (s *Store) Recipe(r ref.Ref) (recipe.Location, error) {
	r = r.NoRevision()
	if loc, ok := s.takeAhead(r); ok {
		return loc, nil
	}
	return s.locate(r)
}

func (s *Store) locate(r ref.Ref) (recipe.Location, error) {
	for _, d := range s.Dirs {
		path := ""
		switch d.Layout {
		case CCI:
			if r.User != "" || r.Channel != "" {
				continue
			}
			folder, ok := d.cciVersions(r.Name)[r.Version]
			if !ok {
				continue
			}
			path = filepath.Join(d.Path, r.Name, folder, "conanfile.py")
		case Tree:
			loc, found, err := d.treeRecipe(r)
			if err != nil {
				return recipe.Location{}, err
			}
			if found {
				return loc, nil
			}
			continue
		default:
			path = d.conanfile(r)
		}
		loc := recipe.Location{Path: path}
		if known, ok := s.revs.Load(r); ok {
			if !d.has(r, path) {
				continue
			}
			loc.Revision = known.(string)
		} else if d.Layout == Cache {
			if !d.has(r, path) {
				continue
			}
			rev, err := s.cacheRevision(d, r)
			if err != nil {
				return recipe.Location{}, err
			}
			loc.Revision = rev
			s.revs.Store(r, rev)
		} else {
			src, err := fsread.ReadFile(path)
			if notExist(err) {
				continue
			}
			if err != nil {
				return recipe.Location{}, err
			}
			loc.Revision, loc.Files = computeRevision(path, src)
			s.revs.Store(r, loc.Revision)
		}
		if d.Layout == Cache {
			loc.Manifest = filepath.Join(filepath.Dir(path), "conanmanifest.txt")
		}
		return loc, nil
	}
	return recipe.Location{}, fmt.Errorf("%s: %w", r.String(), recipe.ErrNotFound)
}

func notExist(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// treeRecipe finds a reference in a tree: in its own folder, or for
// name/version@user/channel in name/version/_/_ when that recipe
// declares them as its defaults (see exportedAs); a recipe in _/_ that
// declares them is not name/version.
func (d *Dir) treeRecipe(r ref.Ref) (recipe.Location, bool, error) {
	plain := r.User == "" && r.Channel == ""
	path := d.conanfile(r)
	// Later lookups of a reference need not read it again.
	d.treeMu.Lock()
	if plain {
		if e := d.plain[nameVersion{r.Name, r.Version}]; e.rev != "" {
			d.treeMu.Unlock()
			return recipe.Location{Path: path, Revision: e.rev}, true, nil
		}
	} else if known, ok := d.found[r]; ok {
		d.treeMu.Unlock()
		return recipe.Location{Path: known.path, Revision: known.rev}, true, nil
	}
	d.treeMu.Unlock()
	var src []byte
	var err error
	if plain {
		src, err = d.readPlain(r)
	} else {
		src, err = fsread.ReadFile(path)
		if notExist(err) {
			path = d.conanfile(ref.Ref{Name: r.Name, Version: r.Version})
			if src, err = d.readPlain(r); err == nil {
				if u, c, ok := exportedAs(path, src, nil); !ok || u != r.User || c != r.Channel {
					return recipe.Location{}, false, nil
				}
			}
		}
	}
	if notExist(err) {
		return recipe.Location{}, false, nil
	}
	if err != nil {
		return recipe.Location{}, false, err
	}
	// The revision hashes the conanfile: read it once, for the hash and
	// for the loader.
	loc := recipe.Location{Path: path}
	loc.Revision, loc.Files = computeRevision(path, src)
	d.treeMu.Lock()
	defer d.treeMu.Unlock()
	if plain {
		k := nameVersion{r.Name, r.Version}
		e := d.plain[k]
		e.exp = newExportInfo(exportedAs(path, src, loc.Files.Module))
		if !e.exp.ok || e.exp.user != "" {
			d.setPlain(k, e)
			return recipe.Location{}, false, nil
		}
		e.rev = loc.Revision
		d.setPlain(k, e)
		return loc, true, nil
	}
	if d.found == nil {
		d.found = map[ref.Ref]pathRev{}
	}
	d.found[r] = pathRev{loc.Path, loc.Revision}
	return loc, true, nil
}

// Listed tells whether r, which Search listed, is there on a closer look:
// without a user and channel, Search lists the version folders of a tree
// or a Conan cache without looking into them, and a version folder may
// hold no recipe in _/_, or, in a tree, one that declares default_user
// and default_channel and so is not name/version (see exportedAs). Range
// resolution asks this of the version it picks, and takes the next one if
// not. What Search lists otherwise, it has read exactly.
func (s *Store) Listed(r ref.Ref) bool {
	if r.User != "" || r.Channel != "" {
		return true // Search read these exactly
	}
	r = r.NoRevision()
	s.waitAhead(r)
	for _, d := range s.Dirs {
		switch d.Layout {
		case Tree:
			if u, _, ok := d.exportedAs(r); ok && u == "" {
				return true
			}
		case CCI:
			if _, ok := d.cciVersions(r.Name)[r.Version]; ok {
				return true
			}
		default:
			if d.cacheHas(r) {
				return true
			}
		}
	}
	return false
}

// has tells whether the recipe of r is at path (in a CCI or Conan cache
// folder).
func (d *Dir) has(r ref.Ref, path string) bool {
	if d.Layout == Cache && r.User == "" && r.Channel == "" {
		return d.cacheHas(r)
	}
	_, err := fsread.Stat(path)
	return err == nil
}

// cacheHas tells whether a Conan cache folder holds the recipe of r
// (no user and channel), looking once.
func (d *Dir) cacheHas(r ref.Ref) bool {
	return d.lookOnce(r, func() (*exportInfo, []byte) {
		if _, err := fsread.Stat(d.conanfile(r)); err != nil {
			return notThere, nil
		}
		return filedAsIs, nil
	}).ok
}

// lookOnce returns what is known of the recipe in r's name/version/_/_,
// finding it out with look the first time; the text look read, if any, is
// kept for readPlain.
func (d *Dir) lookOnce(r ref.Ref, look func() (*exportInfo, []byte)) *exportInfo {
	k := nameVersion{r.Name, r.Version}
	d.treeMu.Lock()
	if e := d.plain[k]; e.exp != nil {
		d.treeMu.Unlock()
		return e.exp
	}
	d.treeMu.Unlock()
	exp, src := look()
	d.treeMu.Lock()
	defer d.treeMu.Unlock()
	e := d.plain[k]
	e.exp = exp
	if src != nil {
		e.src = src
	}
	d.setPlain(k, e)
	return exp
}

type pathRev struct{ path, rev string }

// nameVersion keys the recipes of a tree's name/version/_/_ folders.
type nameVersion struct{ name, version string }

// plainRecipe is what is known of a recipe in name/version/_/_.
type plainRecipe struct {
	src []byte      // read by exportedAs, kept for the next read (readPlain)
	rev string      // its revision, once located as name/version
	exp *exportInfo // nil until read
}

// filedAsIs is the exportInfo of the recipes that declare no default
// user or channel: nearly all.
var filedAsIs = &exportInfo{ok: true}

// notThere is the exportInfo of a missing recipe. Neither is changed.
var notThere = &exportInfo{}

func newExportInfo(user, channel string, ok bool) *exportInfo {
	if user == "" && channel == "" && ok {
		return filedAsIs
	}
	return &exportInfo{user, channel, ok}
}

type exportInfo struct {
	user, channel string
	ok            bool
}

// setPlain records what is known of a recipe in _/_; d.treeMu is held.
func (d *Dir) setPlain(k nameVersion, e plainRecipe) {
	if d.plain == nil {
		d.plain = map[nameVersion]plainRecipe{}
	}
	if growmap.Due(len(d.plain)) {
		d.plain = growmap.Grow(d.plain, d.packageCount)
	}
	d.plain[k] = e
}

// exportedAs reads the recipe of r's name and version in _/_ and tells
// under which user and channel an export files it; ok is false when there
// is none there or its export fails. What it reads, it keeps for the next
// read (range resolution locates the version it checked next).
func (d *Dir) exportedAs(r ref.Ref) (user, channel string, ok bool) {
	exp := d.lookOnce(r, func() (*exportInfo, []byte) {
		path := d.conanfile(ref.Ref{Name: r.Name, Version: r.Version})
		src, err := fsread.ReadFile(path)
		switch {
		case notExist(err):
			return notThere, nil
		case err != nil:
			return filedAsIs, nil // reading it again reports the error
		}
		return newExportInfo(exportedAs(path, src, nil)), src
	})
	return exp.user, exp.channel, exp.ok
}

// readPlain reads the recipe in r's name/version/_/_, or takes what
// exportedAs kept of it.
func (d *Dir) readPlain(r ref.Ref) ([]byte, error) {
	k := nameVersion{r.Name, r.Version}
	d.treeMu.Lock()
	if e := d.plain[k]; e.src != nil {
		src := e.src
		e.src = nil
		d.plain[k] = e
		d.treeMu.Unlock()
		return src, nil
	}
	d.treeMu.Unlock()
	return fsread.ReadFile(d.conanfile(ref.Ref{Name: r.Name, Version: r.Version}))
}

// cacheRevision is the revision of a recipe in a Conan cache folder: its
// metadata.json's (read through the shared index when it covers d), or
// its manifest's when there is no metadata.json.
func (s *Store) cacheRevision(d *Dir, r ref.Ref) (string, error) {
	var m *Metadata
	var err error
	if s.index != nil && s.index.storage == d.Path {
		m, err = s.index.ReadMetadata(r)
	} else {
		m, err = ReadMetadata(d.Path, r)
	}
	if err != nil {
		return "", err
	}
	if m.absent {
		refDir := RefDir(d.Path, r)
		return ComputeManifestRevision(filepath.Join(refDir, "export"), filepath.Join(refDir, "export_source"))
	}
	return m.Recipe.Revision, nil
}

// ComputeManifestRevision is the summary hash of an exported recipe's
// files (Conan's FileTreeManifest.summary_hash).
func ComputeManifestRevision(exportDir, exportSourceDir string) (string, error) {
	sums := map[string]string{}
	if err := gather(exportDir, "", sums); err != nil {
		return "", err
	}
	if exportSourceDir != "" {
		if err := gather(exportSourceDir, "export_source/", sums); err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	for _, skip := range []string{"conan_package.tgz", "conan_export.tgz", "conanmanifest.txt", "conan_sources.tgz"} {
		delete(sums, skip)
	}
	return summaryHash(sums), nil
}

func summaryHash(sums map[string]string) string {
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf [256]byte // most manifests: conanfile.py and conandata.yml
	b := buf[:0]
	for _, n := range names {
		b = append(append(append(append(b, n...), ": "...), sums[n]...), '\n')
	}
	h := md5.Sum(b)
	return hex.EncodeToString(h[:])
}

func gather(dir, prefix string, sums map[string]string) error {
	return fsread.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			if e.Name() == "__pycache__" {
				return filepath.SkipDir
			}
			return nil
		}
		n := e.Name()
		if n == ".DS_Store" || strings.HasSuffix(n, ".pyc") || strings.HasSuffix(n, ".pyo") || strings.HasPrefix(n, "__conan") {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		sum, err := md5File(p)
		if err != nil {
			return err
		}
		sums[prefix+filepath.ToSlash(rel)] = sum
		return nil
	})
}

func md5File(p string) (string, error) {
	b, err := fsread.ReadFile(p) // recipe files are small
	if err != nil {
		return "", err
	}
	return md5Hex(b), nil
}

func md5Hex(b []byte) string {
	h := md5.Sum(b)
	return hex.EncodeToString(h[:])
}

// computeRevision is the revision "conan export" would give a recipe
// folder: conanfile.py (src), conandata.yml and the files its exports and
// exports_sources attributes name (literal patterns only; export() and
// export_sources() methods are not run). It also returns what it read
// and parsed on the way, for the loader: conandata.yml's text (and
// whether it could tell: not on an error other than its absence), and
// the parsed conanfile when it had to look for exports.
func computeRevision(conanfilePath string, src []byte) (string, recipe.Files) {
	files := recipe.Files{Conanfile: src}
	dir := filepath.Dir(conanfilePath)
	sums := map[string]string{"conanfile.py": md5Hex(src)}
	files.ConanData, files.ConanDataRead = readConanData(conanfilePath)
	if files.ConanData != nil {
		sums["conandata.yml"] = md5Hex(files.ConanData)
	}
	var exports, sources []string
	exports, sources, files.Module = exportPatterns(conanfilePath, src)
	addPatterns(dir, exports, "", sums)
	addPatterns(dir, sources, "export_source/", sums)
	return summaryHash(sums), files
}

// readConanData reads the conandata.yml beside a conanfile: its text
// (empty, not nil, when the file is), and whether it could tell (not on an
// error other than its absence).
func readConanData(conanfilePath string) (data []byte, read bool) {
	data, err := fsread.ReadFile(filepath.Join(filepath.Dir(conanfilePath), "conandata.yml"))
	switch {
	case err == nil:
		if data == nil {
			data = []byte{}
		}
		return data, true
	case errors.Is(err, fs.ErrNotExist):
		return nil, true
	}
	return nil, false
}

func addPatterns(dir string, patterns []string, prefix string, sums map[string]string) {
	for _, pat := range patterns {
		pat = strings.TrimPrefix(pat, "./")
		if strings.HasPrefix(pat, "!") {
			continue
		}
		fsread.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return nil
			}
			rel, _ := filepath.Rel(dir, p)
			rel = filepath.ToSlash(rel)
			if ok, _ := filepath.Match(pat, rel); ok || (strings.Contains(pat, "*") && globAny(pat, rel)) {
				if s, err := md5File(p); err == nil {
					sums[prefix+rel] = s
				}
			}
			return nil
		})
	}
}

func globAny(pat, rel string) bool {
	// Conan's fnmatch lets "*" cross folders
	return matchFn(rel, pat)
}

// exportPatterns reads literal exports/exports_sources class attributes.
// The parsed module is returned too (nil when not parsed).
func exportPatterns(path string, src []byte) (exports, sources []string, mod *syntax.Module) {
	if !bytes.Contains(src, []byte("exports")) {
		return nil, nil, nil
	}
	mod, err := syntax.Parse(path, src)
	if err != nil {
		return nil, nil, nil
	}
	for _, st := range mod.Body {
		cd, ok := st.(*syntax.ClassDef)
		if !ok {
			continue
		}
		for _, b := range cd.Body {
			a, ok := b.(*syntax.Assign)
			if !ok || len(a.Targets) != 1 {
				continue
			}
			n, ok := a.Targets[0].(*syntax.Name)
			if !ok {
				continue
			}
			switch n.ID {
			case "exports":
				exports = recipe.LiteralStrings(a.Value)
			case "exports_sources":
				sources = recipe.LiteralStrings(a.Value)
			}
		}
	}
	return exports, sources, mod
}
