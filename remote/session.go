package remote

import (
	"context"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/conid/conid/graph"
	"github.com/conid/conid/packageid"
	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/python/syntax"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/recipe/store"
	"github.com/conid/conid/remote/dlcache"
)

// Session is what one graph command knows of remotes: the registry, the
// remotes -r selected, logins, and what was already asked. It gives the
// graph resolver a recipe Source that falls back on remotes and a
// BinaryLookup that finds binaries in the cache, then on remotes, with
// one package search per recipe and remote, run ahead of need by a
// bounded pool of workers.
type Session struct {
	// Storage is the Conan cache data folder, where downloaded recipes go.
	Storage   string
	Revisions bool
	Registry  *Remotes
	// Use are the remotes to ask, in order; Pinned is set when -r named
	// one (Conan's remotes.selected). Empty Use means offline.
	Use    []Remote
	Pinned bool
	// Clients by remote name; made on demand from Logins when absent.
	Clients map[string]*Client
	Logins  *LocalDB
	// Download is the shared download cache (nil: none).
	Download *dlcache.Cache
	// Jobs bounds concurrent requests (default 8).
	Jobs int
	// Output receives Conan's messages.
	Output func(string)
	// Progress, when set, is told how many package searches are done
	// of those started.
	Progress func(done, started int)

	ctx      context.Context
	initOnce sync.Once
	sem      chan struct{}
	mu       sync.Mutex
	clientMu sync.Mutex
	outMu    sync.Mutex
	searches map[searchKey]*search
	recipes  map[ref.Ref]recipe.Location // downloaded in this session
	remoteOf map[ref.Ref]string          // recipe remote by reference
	stored   *store.NameIndex            // package names in Storage
	started  int
	done     int
}

type searchKey struct {
	remote string
	ref    ref.Ref
}

type search struct {
	ready chan struct{}
	ids   protocol.PackageSearch
	err   error
	// fallback: the search failed, ask for each binary instead.
	fallback bool
}

func (s *Session) init() {
	s.initOnce.Do(func() {
		if s.ctx == nil {
			s.ctx = context.Background()
		}
		jobs := s.Jobs
		if jobs <= 0 {
			jobs = 8
		}
		s.sem = make(chan struct{}, jobs)
		s.searches = map[searchKey]*search{}
		s.recipes = map[ref.Ref]recipe.Location{}
		s.remoteOf = map[ref.Ref]string{}
		s.stored = store.NewNameIndex(s.Storage)
		if s.Clients == nil {
			s.Clients = map[string]*Client{}
		}
	})
}

// WithContext sets the context requests run under.
func (s *Session) WithContext(ctx context.Context) *Session { s.ctx = ctx; return s }

// out gives Output one message at a time: downloads run in parallel.
func (s *Session) out(msg string) {
	if s.Output != nil {
		s.outMu.Lock()
		defer s.outMu.Unlock()
		s.Output(msg)
	}
}

// Online reports whether remotes are asked at all.
func (s *Session) Online() bool { return len(s.Use) > 0 }

// Client returns the client of a remote, with its stored login.
func (s *Session) Client(r Remote) (*Client, error) {
	s.init()
	s.clientMu.Lock()
	defer s.clientMu.Unlock()
	if c, ok := s.Clients[r.Name]; ok {
		return c, nil
	}
	c := &Client{Remote: r, HTTP: NewHTTPClient(r, cap(s.sem), 60*time.Second), Revisions: s.Revisions, Attempts: 4, Backoff: 200 * time.Millisecond}
	if s.Logins != nil {
		l, err := s.Logins.Get(r.URL)
		if err != nil {
			return nil, err
		}
		c.Token = l.Token
	}
	s.Clients[r.Name] = c
	return c, nil
}

// Hooks returns the Source and BinaryLookup the resolver uses, wrapping
// the local ones.
func (s *Session) Hooks(local graph.Source) (graph.Source, graph.BinaryLookup) {
	s.init()
	// Share the local store's index of the Conan cache, if it has one.
	if st, ok := local.(interface{ Index() *store.NameIndex }); ok {
		if x := st.Index(); x != nil && x.Storage() == s.Storage {
			s.stored = x
		}
	}
	src := &Source{s: s, local: local}
	return src, src
}

// Source is a recipe source backed by remotes; it is also the binary
// lookup, as it knows where each recipe came from.
type Source struct {
	s     *Session
	local graph.Source
}

// SizeHint is the local source's (graph.SizeHinter): a remote's packages
// are not counted.
func (src *Source) SizeHint() int {
	if h, ok := src.local.(graph.SizeHinter); ok {
		return h.SizeHint()
	}
	return 0
}

// Listed asks the local source about a reference its Search listed (see
// graph.Lister); one downloaded in this session is there.
func (src *Source) Listed(r ref.Ref) bool {
	if l, ok := src.local.(graph.Lister); ok && !src.downloaded(r) {
		return l.Listed(r)
	}
	return true
}

// downloaded tells whether this session downloaded the recipe of r.
func (src *Source) downloaded(r ref.Ref) bool {
	src.s.mu.Lock()
	defer src.s.mu.Unlock()
	_, ok := src.s.recipes[r.NoRevision()]
	return ok
}

// Search lists local references and those downloaded in this session
// (remotes are only asked when no local version satisfies a range,
// through SearchRemotes).
func (src *Source) Search(name, user, channel string) ([]ref.Ref, error) {
	refs, err := src.local.Search(name, user, channel)
	if err != nil {
		return nil, err
	}
	s := src.s
	s.mu.Lock()
	var extra []ref.Ref
	for r := range s.recipes {
		if strings.EqualFold(r.Name, name) && r.User == user && r.Channel == channel && !slices.Contains(refs, r) {
			extra = append(extra, r)
		}
	}
	s.mu.Unlock()
	if len(extra) == 0 {
		return refs, nil
	}
	refs = append(refs, extra...)
	sort.SliceStable(refs, func(i, j int) bool { return packageid.RefCompare(refs[i], refs[j]) < 0 })
	return refs, nil
}

// SearchRemotes implements graph.RemoteSearcher.
func (src *Source) SearchRemotes(name, user, channel string) ([]ref.Ref, string, error) {
	s := src.s
	pattern := name + "/*"
	if user != "" {
		pattern += "@" + user + "/" + channel
	}
	for _, r := range s.Use {
		c, err := s.Client(r)
		if err != nil {
			return nil, "", err
		}
		refs, err := c.Search(s.ctx, pattern, false)
		if err != nil {
			return nil, "", err
		}
		var keep []ref.Ref
		for _, x := range refs {
			if x.User == user && x.Channel == channel {
				keep = append(keep, x.NoRevision())
			}
		}
		if len(keep) > 0 {
			return keep, r.Name, nil
		}
	}
	return nil, "", nil
}

// Recipe finds a recipe locally, else downloads it into the Conan cache
// from the remotes (Conan's ConanProxy.get_recipe without --update).
func (src *Source) Recipe(r ref.Ref) (recipe.Location, error) {
	s := src.s
	r = r.NoRevision()
	s.mu.Lock()
	loc, ok := s.recipes[r]
	s.mu.Unlock()
	if ok {
		return loc, nil
	}
	loc, err := src.local.Recipe(r)
	if err == nil {
		if strings.HasPrefix(loc.Path, s.Storage+string(filepath.Separator)) {
			m, merr := s.stored.ReadMetadata(r)
			if merr != nil {
				return recipe.Location{}, merr
			}
			if name := m.RemoteName(); name != "" {
				if rem, ok := s.Registry.Get(name); ok {
					loc.Remote, loc.RemoteURL = rem.Name, rem.URL
				}
			}
		}
		s.noteRecipe(r, loc)
		return loc, nil
	}
	if !errors.Is(err, recipe.ErrNotFound) || !s.Online() {
		return loc, err
	}
	loc, err = s.downloadRecipe(r)
	if err != nil {
		return loc, err
	}
	s.mu.Lock()
	s.recipes[r] = loc
	s.mu.Unlock()
	s.noteRecipe(r, loc)
	return loc, nil
}

// noteRecipe records a recipe's remote and starts its package search.
func (s *Session) noteRecipe(r ref.Ref, loc recipe.Location) {
	s.mu.Lock()
	s.remoteOf[r] = loc.Remote
	s.mu.Unlock()
	if !s.Online() {
		return
	}
	rr := r
	rr.Revision = loc.Revision
	if first, ok := s.firstRemote(loc.Remote); ok {
		s.startSearch(first, rr)
	}
}

// firstRemote is the remote a binary is first looked for on.
func (s *Session) firstRemote(recipeRemote string) (Remote, bool) {
	if s.Pinned {
		return s.Use[0], true
	}
	if recipeRemote != "" {
		if r, ok := s.Registry.Get(recipeRemote); ok {
			return r, true
		}
	}
	if len(s.Use) > 0 {
		return s.Use[0], true
	}
	return Remote{}, false
}

func (s *Session) downloadRecipe(r ref.Ref) (recipe.Location, error) {
	name := r.String()
	try := func(rem Remote) (recipe.Location, error) {
		s.out(fmt.Sprintf("%s: Trying with '%s'...", name, rem.Name))
		loc, err := s.fetchRecipe(rem, r)
		if err != nil {
			return loc, err
		}
		s.out(fmt.Sprintf("%s: Downloaded recipe revision %s", name, loc.Revision))
		return loc, nil
	}
	if s.Pinned {
		rem := s.Use[0]
		s.out(fmt.Sprintf("%s: Retrieving from server '%s' ", name, rem.Name))
		loc, err := try(rem)
		if errors.Is(err, ErrNotFound) {
			return loc, &graph.MissingError{Ref: r, Msg: fmt.Sprintf("%s was not found in remote '%s'", name, rem.Name)}
		}
		return loc, err
	}
	s.out(fmt.Sprintf("%s: Not found in local cache, looking in remotes...", name))
	for _, rem := range s.Use {
		loc, err := try(rem)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		return loc, err
	}
	return recipe.Location{}, &graph.MissingError{Ref: r, Msg: fmt.Sprintf("Unable to find '%s' in remotes", r.Full())}
}

// recipeFiles are the files of a recipe Conan downloads.
var recipeFiles = map[string]bool{"conanfile.py": true, "conanmanifest.txt": true, "conan_export.tgz": true, "conandata.yml": true}

// fetchRecipe downloads a recipe into the cache's export folder, under
// the reference's lock, and writes its metadata.json.
func (s *Session) fetchRecipe(rem Remote, r ref.Ref) (recipe.Location, error) {
	c, err := s.Client(rem)
	if err != nil {
		return recipe.Location{}, err
	}
	v2, err := c.V2(s.ctx)
	if err != nil {
		return recipe.Location{}, err
	}
	rr := r
	if v2 {
		if rr, err = c.LatestRecipe(s.ctx, r); err != nil {
			return recipe.Location{}, err
		}
	} else {
		rr.Revision = "0"
	}
	files, err := c.RecipeFiles(s.ctx, rr)
	if err != nil {
		return recipe.Location{}, err
	}
	var want []File
	for _, f := range files {
		if recipeFiles[f.Name] {
			want = append(want, f)
		}
	}
	refDir := store.RefDir(s.Storage, r)
	if err := os.MkdirAll(refDir, 0o755); err != nil {
		return recipe.Location{}, err
	}
	s.stored.Add(r.Name)
	unlock, err := dlcache.LockFile(filepath.Join(refDir, "conid.lock"))
	if err != nil {
		return recipe.Location{}, err
	}
	defer unlock()
	export := filepath.Join(refDir, "export")
	tmp, err := os.MkdirTemp(refDir, ".export.tmp*")
	if err != nil {
		return recipe.Location{}, err
	}
	defer os.RemoveAll(tmp)
	sums, err := s.fetchFiles(c, want, tmp)
	if err != nil {
		return recipe.Location{}, err
	}
	if _, ok := sums["conanfile.py"]; !ok {
		return recipe.Location{}, fmt.Errorf("remote '%s': %s has no conanfile.py", rem.Name, r.String())
	}
	if _, ok := sums["conan_export.tgz"]; ok {
		arch := filepath.Join(tmp, "conan_export.tgz")
		if err := Untgz(arch, tmp); err != nil {
			return recipe.Location{}, err
		}
		os.Remove(arch)
	}
	os.RemoveAll(export)
	if err := os.Rename(tmp, export); err != nil {
		return recipe.Location{}, err
	}
	name := rem.Name
	m := &store.Metadata{Recipe: store.RecipeMetadata{Revision: rr.Revision, Remote: &name, Checksums: sums}}
	err = store.WriteMetadata(s.Storage, r, m)
	s.stored.Forget(r)
	if err != nil {
		return recipe.Location{}, err
	}
	return recipe.Location{
		Path: filepath.Join(export, "conanfile.py"), Revision: rr.Revision,
		Remote: rem.Name, RemoteURL: rem.URL, Downloaded: true,
		Manifest: filepath.Join(export, "conanmanifest.txt"),
	}, nil
}

// fetchFiles downloads files into dir, through the download cache when
// there is one, and returns their md5 and sha1 as metadata.json keeps them.
func (s *Session) fetchFiles(c *Client, files []File, dir string) (map[string]map[string]string, error) {
	sums := map[string]map[string]string{}
	var mu sync.Mutex
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.sem <- struct{}{}
			defer func() { <-s.sem }()
			if s.Output != nil {
				s.out("Downloading " + f.Name)
			}
			md, sh, err := s.fetchFile(c, f, filepath.Join(dir, f.Name))
			if err != nil {
				errs[i] = err
				return
			}
			mu.Lock()
			sums[f.Name] = map[string]string{"md5": md, "sha1": sh}
			mu.Unlock()
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return sums, nil
}

// fetchFile downloads one file to dest, returning its md5 and sha1.
func (s *Session) fetchFile(c *Client, f File, dest string) (string, string, error) {
	fetch := func(w io.Writer) (int64, error) {
		resp, err := c.Open(s.ctx, f)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		if _, err := io.Copy(w, resp.Body); err != nil {
			return 0, fmt.Errorf("remote '%s': downloading %s: %v", c.Remote.Name, f.Name, err)
		}
		return resp.ContentLength, nil
	}
	out, err := os.OpenFile(dest, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
	if err != nil {
		return "", "", err
	}
	defer out.Close()
	hm, hs := md5.New(), sha1.New()
	w := io.MultiWriter(out, hm, hs)
	if s.Download != nil {
		res, err := s.Download.Get(f.URL, f.MD5, fetch)
		if err != nil {
			return "", "", err
		}
		in, err := os.Open(res.Path)
		if err != nil {
			return "", "", err
		}
		_, err = io.Copy(w, in)
		in.Close()
		if err != nil {
			return "", "", err
		}
	} else {
		cw := &dlcache.Counter{W: w}
		announced, err := fetch(cw)
		if err != nil {
			return "", "", err
		}
		if announced >= 0 && cw.N != announced {
			return "", "", fmt.Errorf("remote '%s': download of %s incomplete: %d of %d bytes", c.Remote.Name, f.Name, cw.N, announced)
		}
		if f.MD5 != "" && hex.EncodeToString(hm.Sum(nil)) != f.MD5 {
			return "", "", fmt.Errorf("remote '%s': checksum mismatch for %s", c.Remote.Name, f.Name)
		}
	}
	if err := out.Close(); err != nil {
		return "", "", err
	}
	return hex.EncodeToString(hm.Sum(nil)), hex.EncodeToString(hs.Sum(nil)), nil
}

// startSearch runs a recipe's package search on a remote in the pool,
// once.
func (s *Session) startSearch(rem Remote, r ref.Ref) *search {
	s.mu.Lock()
	key := searchKey{rem.Name, r}
	if x, ok := s.searches[key]; ok {
		s.mu.Unlock()
		return x
	}
	x := &search{ready: make(chan struct{})}
	s.searches[key] = x
	s.started++
	s.mu.Unlock()
	go func() {
		s.sem <- struct{}{}
		defer func() { <-s.sem }()
		defer close(x.ready)
		c, err := s.Client(rem)
		if err == nil {
			x.ids, err = c.SearchPackages(s.ctx, r)
		}
		var he *HTTPError
		switch {
		case errors.Is(err, ErrNotFound):
			err = nil
		case errors.As(err, &he) && (he.Status == 401 || he.Status == 403):
		case err != nil:
			x.fallback, err = true, nil
		}
		x.err = err
		s.mu.Lock()
		s.done++
		done, started := s.done, s.started
		s.mu.Unlock()
		if s.Progress != nil {
			s.Progress(done, started)
		}
	}()
	return x
}

// has reports whether a remote has a binary, with its revision.
func (s *Session) has(rem Remote, p ref.PackageRef) (bool, string, error) {
	x := s.startSearch(rem, p.Ref)
	<-x.ready
	if x.err != nil {
		return false, "", x.err
	}
	c, err := s.Client(rem)
	if err != nil {
		return false, "", err
	}
	if x.fallback {
		prev, err := c.PackageExists(s.ctx, p)
		if errors.Is(err, ErrNotFound) {
			return false, "", nil
		}
		return err == nil, prev, err
	}
	if _, ok := x.ids[p.PackageID]; !ok {
		return false, "", nil
	}
	v2, err := c.V2(s.ctx)
	if err != nil {
		return false, "", err
	}
	if !v2 {
		return true, "0", nil
	}
	prev, err := c.LatestPackage(s.ctx, p)
	if errors.Is(err, ErrNotFound) {
		return false, "", nil
	}
	return err == nil, prev, err
}

// Lookup implements graph.BinaryLookup as Conan's _process_node: a
// binary in the cache is Cache; else the selected remote, or the
// recipe's remote, or every remote in order, is asked.
func (src *Source) Lookup(p ref.PackageRef) (graph.BinaryFound, error) {
	s := src.s
	r := p.Ref.NoRevision()
	m, err := s.stored.ReadMetadata(r)
	if err != nil {
		return graph.BinaryFound{}, err
	}
	s.mu.Lock()
	recipeRemote, known := s.remoteOf[r]
	s.mu.Unlock()
	if !known {
		recipeRemote = m.RemoteName()
	}
	var remote string
	if s.Pinned {
		remote = s.Use[0].Name
	} else {
		name := recipeRemote
		if pm, ok := m.Packages[p.PackageID]; ok && pm.Remote != nil && *pm.Remote != "" {
			name = *pm.Remote
		}
		if _, ok := s.Registry.Get(name); ok {
			remote = name
		}
	}
	if pm, ok := store.CachedPackage(s.Storage, p, m, s.Revisions); ok {
		return graph.BinaryFound{Binary: graph.BinaryCache, Remote: remote, Prev: pm.Revision}, nil
	}
	if !s.Online() {
		return graph.BinaryFound{Binary: graph.BinaryMissing}, nil
	}
	if remote != "" {
		rem, _ := s.Registry.Get(remote)
		found, prev, err := s.has(rem, p)
		if err != nil {
			return graph.BinaryFound{}, fmt.Errorf("Error downloading binary package: '%s'\n%w", p.String(), err)
		}
		if found {
			return graph.BinaryFound{Binary: graph.BinaryDownload, Remote: remote, Prev: prev}, nil
		}
	}
	if !s.Pinned && (remote == "" || s.Revisions) {
		for _, rem := range s.Use {
			if rem.Name == remote {
				continue
			}
			found, prev, err := s.has(rem, p)
			if err != nil {
				return graph.BinaryFound{}, err
			}
			if found {
				return graph.BinaryFound{Binary: graph.BinaryDownload, Remote: rem.Name, Prev: prev}, nil
			}
		}
	}
	return graph.BinaryFound{Binary: graph.BinaryMissing, Remote: remote}, nil
}

// Counts says how many package searches ran.
func (s *Session) Counts() (done, started int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.done, s.started
}

// Prefetch reads a recipe ahead in the local source (graph.Prefetcher),
// unless this session downloaded it.
func (src *Source) Prefetch(r ref.Ref) *syntax.Module {
	if pf, ok := src.local.(graph.Prefetcher); ok && !src.downloaded(r) {
		return pf.Prefetch(r)
	}
	return nil
}
