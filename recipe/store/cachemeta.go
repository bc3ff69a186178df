package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/conid/conid/internal/atomicfile"
	"github.com/conid/conid/internal/fsread"
	"github.com/conid/conid/recipe/ref"
)

// Metadata is a Conan 1 cache's metadata.json of a reference.
type Metadata struct {
	Recipe   RecipeMetadata             `json:"recipe"`
	Packages map[string]PackageMetadata `json:"packages"`

	absent bool // no metadata.json: this one is empty
}

// RecipeMetadata is the "recipe" entry of metadata.json.
type RecipeMetadata struct {
	Revision   string                       `json:"revision"`
	Remote     *string                      `json:"remote"`
	Properties map[string]any               `json:"properties"`
	Checksums  map[string]map[string]string `json:"checksums"`
}

// PackageMetadata is one "packages" entry of metadata.json.
type PackageMetadata struct {
	Revision       string                       `json:"revision"`
	RecipeRevision string                       `json:"recipe_revision"`
	Remote         *string                      `json:"remote"`
	Properties     map[string]any               `json:"properties"`
	Checksums      map[string]map[string]string `json:"checksums"`
}

// RemoteName is the recipe's remote ("" for none).
func (m *Metadata) RemoteName() string {
	if m.Recipe.Remote == nil {
		return ""
	}
	return *m.Recipe.Remote
}

// RefDir is a reference's folder in a Conan 1 cache data folder.
func RefDir(storage string, r ref.Ref) string {
	return filepath.Join(storage, r.Name, r.Version, dash(r.User), dash(r.Channel))
}

// ReadMetadata reads a reference's metadata.json; a missing file gives an
// empty Metadata and no error.
func ReadMetadata(storage string, r ref.Ref) (*Metadata, error) {
	path := filepath.Join(RefDir(storage, r), "metadata.json")
	b, err := fsread.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Metadata{Packages: map[string]PackageMetadata{}, absent: true}, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseMetadata(path, b)
}

// ParseMetadata parses metadata.json text; path names it in errors.
func ParseMetadata(path string, b []byte) (*Metadata, error) {
	var m Metadata
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if m.Packages == nil {
		m.Packages = map[string]PackageMetadata{}
	}
	return &m, nil
}

// WriteMetadata writes a reference's metadata.json as Conan does.
func WriteMetadata(storage string, r ref.Ref, m *Metadata) error {
	if m.Packages == nil {
		m.Packages = map[string]PackageMetadata{}
	}
	for _, p := range []*map[string]any{&m.Recipe.Properties} {
		if *p == nil {
			*p = map[string]any{}
		}
	}
	if m.Recipe.Checksums == nil {
		m.Recipe.Checksums = map[string]map[string]string{}
	}
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	dir := RefDir(storage, r)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(dir, "metadata.json"), b)
}

// CachedPackage reports whether a binary is in the cache as Conan 1
// counts it (its package folder exists and metadata.json lists it) and
// returns its metadata. With revisions, a binary of another recipe
// revision does not count.
func CachedPackage(storage string, p ref.PackageRef, m *Metadata, revisions bool) (PackageMetadata, bool) {
	pm, ok := m.Packages[p.PackageID]
	if !ok {
		return PackageMetadata{}, false
	}
	if revisions && pm.RecipeRevision != "" && p.Ref.Revision != "" && pm.RecipeRevision != p.Ref.Revision {
		return PackageMetadata{}, false
	}
	st, err := fsread.Stat(filepath.Join(RefDir(storage, p.Ref), "package", p.PackageID))
	if err != nil || !st.IsDir() {
		return PackageMetadata{}, false
	}
	return pm, true
}

// NameIndex tells which package names a Conan cache data folder holds,
// from one listing of it taken when first asked, so that a graph of
// recipes the cache does not hold looks up no metadata.json at all.
// Safe for concurrent use.
type NameIndex struct {
	storage string
	once    sync.Once
	mu      sync.Mutex
	names   map[string]bool // lowercase; nil: unknown, look each up
	meta    map[ref.Ref]*Metadata
}

// NewNameIndex indexes storage.
func NewNameIndex(storage string) *NameIndex { return &NameIndex{storage: storage} }

// Storage is the data folder indexed.
func (x *NameIndex) Storage() string { return x.storage }

// Lacks reports that storage surely holds nothing of the package name.
// On a file system that ignores case the folder may be spelled otherwise,
// so names are compared without case and the lookup then decides.
func (x *NameIndex) Lacks(name string) bool {
	if x == nil {
		return false
	}
	x.once.Do(func() {
		entries, err := fsread.ReadDir(x.storage)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return
		}
		x.names = make(map[string]bool, len(entries))
		for _, e := range entries {
			x.names[strings.ToLower(e.Name())] = true
		}
	})
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.names != nil && !x.names[strings.ToLower(name)]
}

// Add notes a package name written to storage since the listing.
func (x *NameIndex) Add(name string) {
	if x == nil {
		return
	}
	x.Lacks(name) // list first, so that the listing does not drop it
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.names != nil {
		x.names[strings.ToLower(name)] = true
	}
}

// ReadMetadata is ReadMetadata, answering an empty Metadata for a name
// the storage lacks. A reference's metadata.json is read once (a graph
// asks for its recipe's remote, then for its binary): callers must not
// change what it returns, and call Forget after writing the file.
func (x *NameIndex) ReadMetadata(r ref.Ref) (*Metadata, error) {
	r = r.NoRevision() // one file for every revision
	if x.Lacks(r.Name) {
		return &Metadata{Packages: map[string]PackageMetadata{}, absent: true}, nil
	}
	x.mu.Lock()
	m, ok := x.meta[r]
	x.mu.Unlock()
	if ok {
		return m, nil
	}
	m, err := ReadMetadata(x.storage, r)
	if err != nil {
		return nil, err
	}
	x.mu.Lock()
	if x.meta == nil {
		x.meta = map[ref.Ref]*Metadata{}
	}
	x.meta[r] = m
	x.mu.Unlock()
	return m, nil
}

// Forget drops what ReadMetadata kept of a reference.
func (x *NameIndex) Forget(r ref.Ref) {
	x.mu.Lock()
	delete(x.meta, r.NoRevision())
	x.mu.Unlock()
}

// LocalBinaries finds binaries in a Conan cache data folder only.
type LocalBinaries struct {
	Storage   string
	Revisions bool
	// Index, when set, spares the lookups of names Storage lacks.
	Index *NameIndex
}

// Lookup answers BinaryCache with the binary's revision, or nothing.
func (l LocalBinaries) Lookup(p ref.PackageRef) (binary, prev string, err error) {
	if l.Index.Lacks(p.Ref.Name) {
		return "", "", nil
	}
	var m *Metadata
	if l.Index != nil {
		m, err = l.Index.ReadMetadata(p.Ref)
	} else {
		m, err = ReadMetadata(l.Storage, p.Ref)
	}
	if err != nil {
		return "", "", err
	}
	if pm, ok := CachedPackage(l.Storage, p, m, l.Revisions); ok {
		return "Cache", pm.Revision, nil
	}
	return "", "", nil
}
