package storage

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
)

// Folder and file names of the layout.
const (
	RevisionsFile  = "revisions.txt"
	ExportFolder   = "export"
	PackagesFolder = "package"
)

// Errors of the Store; both also match ErrNotExist.
var (
	ErrRecipeNotFound  = fmt.Errorf("recipe %w", ErrNotExist)
	ErrPackageNotFound = fmt.Errorf("package %w", ErrNotExist)
)

// Store is the Conan layout over a Driver, with in-memory indexes: the
// set of recipes (so that a search walks no folder), the revision lists
// and the package search results of each recipe revision. The Store
// assumes it is the only writer of its storage while it runs.
type Store struct {
	d   Driver
	log *slog.Logger
	Now func() time.Time

	locks [256]sync.Mutex // per-recipe write locks, by hash of the recipe folder

	mu       sync.RWMutex
	recipes  map[string]ref.Ref             // recipe folder -> ref, with >= 1 revision
	revs     map[string][]protocol.Revision // folder of a revisions.txt -> oldest first
	packages map[string]packageSearch       // recipe folder/rrev -> packages
}

// packageSearch is a cached package search and its JSON.
type packageSearch struct {
	res  protocol.PackageSearch
	json []byte
}

// Open reads the recipe index of a storage (four folder levels; no file
// but revisions.txt is read).
func Open(d Driver, log *slog.Logger) (*Store, error) {
	s := &Store{
		d: d, log: log, Now: time.Now,
		recipes:  map[string]ref.Ref{},
		revs:     map[string][]protocol.Revision{},
		packages: map[string]packageSearch{},
	}
	names, err := d.Children("")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		versions, _ := d.Children(n)
		for _, v := range versions {
			users, _ := d.Children(n + "/" + v)
			for _, u := range users {
				channels, _ := d.Children(n + "/" + v + "/" + u)
				for _, c := range channels {
					r := ref.Ref{Name: n, Version: v, User: underscore(u), Channel: underscore(c)}
					if r.Validate() != nil || r.DirRepr() != n+"/"+v+"/"+u+"/"+c {
						log.Warn("storage: skipping folder that is not a reference", "folder", n+"/"+v+"/"+u+"/"+c)
						continue
					}
					revs, err := s.loadRevisions(r.DirRepr(), r.DirRepr()+"/"+RevisionsFile)
					if err != nil {
						log.Warn("storage: unreadable revision index", "recipe", r.String(), "err", err)
						continue
					}
					s.revs[r.DirRepr()] = revs
					if len(revs) > 0 {
						s.recipes[r.DirRepr()] = r
					}
				}
			}
		}
	}
	return s, nil
}

func underscore(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// Driver returns the driver of the store.
func (s *Store) Driver() Driver { return s.d }

func (s *Store) lock(r ref.Ref) func() {
	h := fnv.New32a()
	h.Write([]byte(r.DirRepr()))
	m := &s.locks[h.Sum32()%uint32(len(s.locks))]
	m.Lock()
	return m.Unlock
}

// Keys of the layout.
func recipeRoot(r ref.Ref) string   { return r.DirRepr() }
func revisionRoot(r ref.Ref) string { return r.DirRepr() + "/" + r.Revision }
func exportKey(r ref.Ref) string    { return revisionRoot(r) + "/" + ExportFolder }
func packagesKey(r ref.Ref) string  { return revisionRoot(r) + "/" + PackagesFolder }
func packageRoot(p ref.PackageRef) string {
	u, c := p.Ref.User, p.Ref.Channel
	if u == "" {
		u, c = "_", "_"
	}
	// One concatenation: this is on the path of every lookup.
	return p.Ref.Name + "/" + p.Ref.Version + "/" + u + "/" + c + "/" + p.Ref.Revision + "/" + PackagesFolder + "/" + p.PackageID
}
func packageKey(p ref.PackageRef) string { return packageRoot(p) + "/" + p.Revision }

// ExportKey and PackageKey are the storage keys of a recipe revision's
// files and of a package revision's files.
func ExportKey(r ref.Ref) string         { return exportKey(r) }
func PackageKey(p ref.PackageRef) string { return packageKey(p) }

type revisionFile struct {
	Revisions []struct {
		Revision string          `json:"revision"`
		Time     json.RawMessage `json:"time"`
	} `json:"revisions"`
}

// loadRevisions reads a revisions.txt; a missing one with a "0" folder
// beside it (an old v1 upload) is the list ["0"]; a missing one is empty.
func (s *Store) loadRevisions(dir, key string) ([]protocol.Revision, error) {
	obj, err := s.d.Open(key)
	if errors.Is(err, ErrNotExist) {
		if _, err := s.d.Children(dir + "/" + protocol.DefaultRevision); err == nil {
			return []protocol.Revision{{Revision: protocol.DefaultRevision, Time: s.Now().UTC().Format(protocol.TimeLayout)}}, nil
		}
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer obj.Close()
	data, err := io.ReadAll(io.LimitReader(obj, 64<<20))
	if err != nil {
		return nil, err
	}
	return ParseRevisions(data)
}

// ParseRevisions reads the JSON of a revisions.txt, oldest first. Times
// may be ISO 8601 strings or float seconds since the epoch.
func ParseRevisions(data []byte) ([]protocol.Revision, error) {
	var f revisionFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("revisions.txt: %w", err)
	}
	out := make([]protocol.Revision, 0, len(f.Revisions))
	for i, e := range f.Revisions {
		if e.Revision == "" {
			return nil, fmt.Errorf("revisions.txt: entry %d has no revision", i)
		}
		var t string
		if err := json.Unmarshal(e.Time, &t); err != nil {
			secs, err := strconv.ParseFloat(strings.TrimSpace(string(e.Time)), 64)
			if err != nil || secs < 0 || secs >= 1e11 {
				return nil, fmt.Errorf("revisions.txt: entry %d: time %s is neither a string nor a timestamp", i, e.Time)
			}
			whole := math.Floor(secs)
			t = formatTime(time.Unix(int64(whole), int64(math.Round((secs-whole)*1e6))*1000))
		}
		out = append(out, protocol.Revision{Revision: e.Revision, Time: t})
	}
	return out, nil
}

func formatTime(t time.Time) string {
	return t.UTC().Format("2006-01-02T15:04:05.000000+00:00")
}

func dumpRevisions(revs []protocol.Revision) []byte {
	var b bytes.Buffer
	b.WriteString(`{"revisions": [`)
	for i, r := range revs {
		if i > 0 {
			b.WriteString(", ")
		}
		rv, _ := json.Marshal(r.Revision)
		tm, _ := json.Marshal(r.Time)
		fmt.Fprintf(&b, `{"revision": %s, "time": %s}`, rv, tm)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// revisions returns the cached revision list of the index in folder
// dir, oldest first.
func (s *Store) revisions(dir string) ([]protocol.Revision, error) {
	s.mu.RLock()
	revs, ok := s.revs[dir]
	s.mu.RUnlock()
	if ok {
		return revs, nil
	}
	revs, err := s.loadRevisions(dir, dir+"/"+RevisionsFile)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.revs[dir] = revs
	s.mu.Unlock()
	return revs, nil
}

func newestFirst(revs []protocol.Revision) []protocol.Revision {
	out := make([]protocol.Revision, len(revs))
	for i, r := range revs {
		out[len(revs)-1-i] = r
	}
	return out
}

// setRevisions writes an index and updates the cache; the caller holds
// the recipe lock.
func (s *Store) setRevisions(dir string, revs []protocol.Revision) error {
	key := dir + "/" + RevisionsFile
	if len(revs) == 0 {
		if err := s.d.Delete(key); err != nil {
			return err
		}
	} else if _, err := s.d.Put(key, bytes.NewReader(dumpRevisions(revs)), -1, ""); err != nil {
		return err
	}
	s.mu.Lock()
	s.revs[dir] = revs
	s.mu.Unlock()
	return nil
}

// addRevision makes rev the latest of an index; the caller holds the
// recipe lock. It returns whether the index changed.
func (s *Store) addRevision(dir, rev string) (bool, error) {
	revs, err := s.revisions(dir)
	if err != nil {
		return false, err
	}
	if n := len(revs); n > 0 && revs[n-1].Revision == rev {
		return false, nil
	}
	next := make([]protocol.Revision, 0, len(revs)+1)
	for _, r := range revs {
		if r.Revision != rev {
			next = append(next, r)
		}
	}
	next = append(next, protocol.Revision{Revision: rev, Time: formatTime(s.Now())})
	return true, s.setRevisions(dir, next)
}

func (s *Store) removeRevision(dir, rev string) error {
	revs, err := s.revisions(dir)
	if err != nil {
		return err
	}
	next := make([]protocol.Revision, 0, len(revs))
	for _, r := range revs {
		if r.Revision != rev {
			next = append(next, r)
		}
	}
	return s.setRevisions(dir, next)
}

func hasRevision(revs []protocol.Revision, rev string) bool {
	for _, r := range revs {
		if r.Revision == rev {
			return true
		}
	}
	return false
}

// Recipes returns every recipe with at least one revision, sorted by
// full reference.
func (s *Store) Recipes() []ref.Ref {
	s.mu.RLock()
	out := make([]ref.Ref, 0, len(s.recipes))
	for _, r := range s.recipes {
		out = append(out, r)
	}
	s.mu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}

// RecipeRevisions returns the revisions of a recipe, newest first;
// ErrRecipeNotFound when it has none.
func (s *Store) RecipeRevisions(r ref.Ref) ([]protocol.Revision, error) {
	revs, err := s.revisions(recipeRoot(r.NoRevision()))
	if err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrRecipeNotFound, r.String())
	}
	return newestFirst(revs), nil
}

// LatestRecipe returns the latest revision of a recipe.
func (s *Store) LatestRecipe(r ref.Ref) (protocol.Revision, error) {
	revs, err := s.revisions(recipeRoot(r.NoRevision()))
	if err != nil {
		return protocol.Revision{}, err
	}
	if len(revs) == 0 {
		return protocol.Revision{}, fmt.Errorf("%w: %s", ErrRecipeNotFound, r.String())
	}
	return revs[len(revs)-1], nil
}

// RecipeExists reports whether the recipe revision r is in the index.
func (s *Store) RecipeExists(r ref.Ref) bool {
	revs, err := s.revisions(recipeRoot(r.NoRevision()))
	return err == nil && hasRevision(revs, r.Revision)
}

// PackageRevisions returns the revisions of a package of the recipe
// revision p.Ref, newest first.
func (s *Store) PackageRevisions(p ref.PackageRef) ([]protocol.Revision, error) {
	p.Revision = ""
	if !s.RecipeExists(p.Ref) {
		return nil, fmt.Errorf("%w: %s", ErrRecipeNotFound, p.Ref.Full())
	}
	revs, err := s.revisions(packageRoot(p))
	if err != nil {
		return nil, err
	}
	if len(revs) == 0 {
		return nil, fmt.Errorf("%w: %s", ErrPackageNotFound, p.Full())
	}
	return newestFirst(revs), nil
}

// LatestPackage returns the latest revision of a package.
func (s *Store) LatestPackage(p ref.PackageRef) (protocol.Revision, error) {
	p.Revision = ""
	if !s.RecipeExists(p.Ref) {
		return protocol.Revision{}, fmt.Errorf("%w: %s", ErrRecipeNotFound, p.Ref.Full())
	}
	revs, err := s.revisions(packageRoot(p))
	if err != nil {
		return protocol.Revision{}, err
	}
	if len(revs) == 0 {
		return protocol.Revision{}, fmt.Errorf("%w: %s", ErrPackageNotFound, p.Full())
	}
	return revs[len(revs)-1], nil
}

// PackageExists reports whether the package revision p is in the index.
func (s *Store) PackageExists(p ref.PackageRef) bool {
	revs, err := s.PackageRevisions(p)
	return err == nil && hasRevision(revs, p.Revision)
}

// Packages returns the packages of a recipe revision, each with the
// conaninfo.txt of its latest revision; cached until the next write.
func (s *Store) Packages(r ref.Ref) (protocol.PackageSearch, error) {
	ps, err := s.packageSearch(r)
	return ps.res, err
}

// PackagesJSON is Packages as the JSON body of a package search.
func (s *Store) PackagesJSON(r ref.Ref) ([]byte, error) {
	ps, err := s.packageSearch(r)
	return ps.json, err
}

func (s *Store) packageSearch(r ref.Ref) (packageSearch, error) {
	if !s.RecipeExists(r) {
		return packageSearch{}, fmt.Errorf("%w: %s", ErrRecipeNotFound, r.Full())
	}
	key := revisionRoot(r)
	s.mu.RLock()
	ps, ok := s.packages[key]
	s.mu.RUnlock()
	if ok {
		return ps, nil
	}
	res := protocol.PackageSearch{}
	ids, err := s.d.Children(packagesKey(r))
	if err != nil && !errors.Is(err, ErrNotExist) {
		return packageSearch{}, err
	}
	for _, id := range ids {
		p := ref.PackageRef{Ref: r, PackageID: id}
		latest, err := s.LatestPackage(p)
		if err != nil {
			continue // no visible revision
		}
		p.Revision = latest.Revision
		obj, err := s.d.Open(packageKey(p) + "/" + protocol.Info)
		if err != nil {
			s.log.Warn("storage: package without conaninfo.txt", "package", p.Full(), "err", err)
			continue
		}
		data, err := io.ReadAll(io.LimitReader(obj, 16<<20))
		obj.Close()
		if err != nil {
			return packageSearch{}, err
		}
		res[id] = protocol.ParseInfo(string(data))
	}
	js, err := json.Marshal(res)
	if err != nil {
		return packageSearch{}, err
	}
	ps = packageSearch{res: res, json: js}
	s.mu.Lock()
	s.packages[key] = ps
	s.mu.Unlock()
	return ps, nil
}

func (s *Store) forgetPackages(r ref.Ref) {
	s.mu.Lock()
	if r.Revision == "" {
		prefix := recipeRoot(r) + "/"
		for k := range s.packages {
			if strings.HasPrefix(k, prefix) {
				delete(s.packages, k)
			}
		}
		for k := range s.revs {
			if k == recipeRoot(r) || strings.HasPrefix(k, prefix) {
				delete(s.revs, k)
			}
		}
	} else {
		delete(s.packages, revisionRoot(r))
	}
	s.mu.Unlock()
}

// RecipeFiles lists the files of a recipe revision.
func (s *Store) RecipeFiles(r ref.Ref) ([]string, error) {
	if !s.RecipeExists(r) {
		return nil, fmt.Errorf("%w: %s", ErrRecipeNotFound, r.Full())
	}
	files, err := s.d.List(exportKey(r))
	if errors.Is(err, ErrNotExist) || (err == nil && len(files) == 0) {
		return nil, fmt.Errorf("%w: %s", ErrRecipeNotFound, r.Full())
	}
	return files, err
}

// PackageFiles lists the files of a package revision.
func (s *Store) PackageFiles(p ref.PackageRef) ([]string, error) {
	if !s.PackageExists(p) {
		return nil, fmt.Errorf("%w: %s", ErrPackageNotFound, p.Full())
	}
	files, err := s.d.List(packageKey(p))
	if errors.Is(err, ErrNotExist) || (err == nil && len(files) == 0) {
		return nil, fmt.Errorf("%w: %s", ErrPackageNotFound, p.Full())
	}
	return files, err
}

// Snapshot returns file -> hex MD5 of the files under key (API v1).
func (s *Store) Snapshot(key string, files []string) (protocol.Snapshot, error) {
	out := protocol.Snapshot{}
	for _, f := range files {
		obj, err := s.d.Open(key + "/" + f)
		if err != nil {
			return nil, err
		}
		h := md5.New()
		_, err = io.Copy(h, obj)
		obj.Close()
		if err != nil {
			return nil, err
		}
		out[f] = hex.EncodeToString(h.Sum(nil))
	}
	return out, nil
}

// OpenRecipeFile opens a file of a recipe revision.
func (s *Store) OpenRecipeFile(r ref.Ref, name string) (Object, error) {
	if !s.RecipeExists(r) {
		return nil, fmt.Errorf("%w: %s", ErrRecipeNotFound, r.Full())
	}
	return s.d.Open(exportKey(r) + "/" + name)
}

// OpenPackageFile opens a file of a package revision.
func (s *Store) OpenPackageFile(p ref.PackageRef, name string) (Object, error) {
	if !s.PackageExists(p) {
		return nil, fmt.Errorf("%w: %s", ErrPackageNotFound, p.Full())
	}
	return s.d.Open(packageKey(p) + "/" + name)
}

// PutRecipeFile stores a file of recipe revision r. The revision
// becomes visible (enters the index) when its manifest is stored.
func (s *Store) PutRecipeFile(r ref.Ref, name string, body io.Reader, size int64, sha1hex string) error {
	if err := CheckKey(name); err != nil {
		return err
	}
	if _, err := s.d.Put(exportKey(r)+"/"+name, body, size, sha1hex); err != nil {
		return err
	}
	if name != protocol.Manifest {
		return nil
	}
	unlock := s.lock(r)
	defer unlock()
	changed, err := s.addRevision(recipeRoot(r.NoRevision()), r.Revision)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.recipes[recipeRoot(r.NoRevision())] = r.NoRevision()
	s.mu.Unlock()
	if changed {
		s.log.Info("recipe revision committed", "ref", r.Full())
	}
	return nil
}

// PutPackageFile stores a file of package revision p, whose recipe
// revision must exist. The package revision becomes visible when its
// manifest is stored.
func (s *Store) PutPackageFile(p ref.PackageRef, name string, body io.Reader, size int64, sha1hex string) error {
	if err := CheckKey(name); err != nil {
		return err
	}
	if !s.RecipeExists(p.Ref) {
		return fmt.Errorf("%w: %s", ErrRecipeNotFound, p.Ref.Full())
	}
	if _, err := s.d.Put(packageKey(p)+"/"+name, body, size, sha1hex); err != nil {
		return err
	}
	if name != protocol.Manifest {
		return nil
	}
	unlock := s.lock(p.Ref)
	defer unlock()
	if !s.RecipeExists(p.Ref) { // removed meanwhile
		_ = s.d.Delete(packageKey(p))
		return fmt.Errorf("%w: %s", ErrRecipeNotFound, p.Ref.Full())
	}
	pr := p
	pr.Revision = ""
	changed, err := s.addRevision(packageRoot(pr), p.Revision)
	if err != nil {
		return err
	}
	s.forgetPackages(p.Ref)
	if changed {
		s.log.Info("package revision committed", "pref", p.Full())
	}
	return nil
}

// DeleteRecipe removes a recipe revision with its packages, or every
// revision when r has none.
func (s *Store) DeleteRecipe(r ref.Ref) error {
	unlock := s.lock(r)
	defer unlock()
	root := recipeRoot(r.NoRevision())
	revs, err := s.revisions(root)
	if err != nil {
		return err
	}
	if len(revs) == 0 || (r.Revision != "" && !hasRevision(revs, r.Revision)) {
		return fmt.Errorf("%w: %s", ErrRecipeNotFound, r.Full())
	}
	if r.Revision == "" {
		s.mu.Lock()
		delete(s.recipes, root)
		s.mu.Unlock()
		err := s.d.Delete(root) // atomic: renamed away first
		s.forgetPackages(r)     // drops the cached indexes under root too
		return err
	}
	if err := s.removeRevision(root, r.Revision); err != nil {
		return err
	}
	if len(revs) == 1 {
		s.mu.Lock()
		delete(s.recipes, root)
		s.mu.Unlock()
	}
	s.forgetPackages(r.NoRevision())
	return s.d.Delete(revisionRoot(r))
}

// DeletePackage removes a package revision, or every revision of the
// package when p has none.
func (s *Store) DeletePackage(p ref.PackageRef) error {
	unlock := s.lock(p.Ref)
	defer unlock()
	pr := p
	pr.Revision = ""
	revs, err := s.revisions(packageRoot(pr))
	if err != nil {
		return err
	}
	if len(revs) == 0 || (p.Revision != "" && !hasRevision(revs, p.Revision)) {
		return fmt.Errorf("%w: %s", ErrPackageNotFound, p.Full())
	}
	defer s.forgetPackages(p.Ref)
	if p.Revision == "" {
		if err := s.setRevisions(packageRoot(pr), nil); err != nil {
			return err
		}
		return s.d.Delete(packageRoot(pr))
	}
	if err := s.removeRevision(packageRoot(pr), p.Revision); err != nil {
		return err
	}
	return s.d.Delete(packageKey(p))
}

// DeleteAllPackages removes every package of a recipe revision.
func (s *Store) DeleteAllPackages(r ref.Ref) error {
	if !s.RecipeExists(r) {
		return fmt.Errorf("%w: %s", ErrRecipeNotFound, r.Full())
	}
	unlock := s.lock(r)
	defer unlock()
	ids, _ := s.d.Children(packagesKey(r))
	s.mu.Lock()
	for _, id := range ids {
		delete(s.revs, packagesKey(r)+"/"+id)
	}
	s.mu.Unlock()
	s.forgetPackages(r)
	err := s.d.Delete(packagesKey(r))
	s.mu.Lock()
	for _, id := range ids {
		delete(s.revs, packagesKey(r)+"/"+id)
	}
	s.mu.Unlock()
	return err
}

// DeleteRecipeFiles removes files of a recipe revision (API v1 upload
// of a recipe that lost files).
func (s *Store) DeleteRecipeFiles(r ref.Ref, names []string) error {
	for _, n := range names {
		if err := CheckKey(n); err != nil {
			return err
		}
	}
	for _, n := range names {
		if err := s.d.Delete(exportKey(r) + "/" + n); err != nil {
			return err
		}
	}
	return nil
}
