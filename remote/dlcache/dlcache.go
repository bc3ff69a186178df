// Package dlcache is Conan 1's shared download cache
// (storage.download_cache in conan.conf): every file downloaded from a
// remote is stored once, under the SHA-256 of its URL (without the query,
// which holds v1 signatures that change) and its checksum, and reused by
// any number of concurrent processes.
//
// Layout, compatible with Conan 1.65's:
//
//	DIR/<key>           a complete entry (only ever created by rename)
//	DIR/locks/<key>     the entry's interprocess lock (flock)
//	DIR/.conid/<key>    conid's record of the entry: URL, size, SHA-256
//	DIR/.tmp-<key>-*    a download in progress, never trusted
//
// Readers of a complete entry take no lock. A writer takes the entry's
// lock, checks again, downloads into a temporary file, verifies it and
// renames it into place, so no partial entry is ever visible. Conan's own
// writers mark unfinished entries with DIR/<key>.dirty; such entries are
// not trusted either.
package dlcache

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/conid/conid/internal/atomicfile"
)

// Cache is a download cache folder.
type Cache struct {
	Dir string
}

// Open returns the cache in dir, creating its folders.
func Open(dir string) (*Cache, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	for _, d := range []string{abs, filepath.Join(abs, "locks"), filepath.Join(abs, ".conid")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("download cache %s: %v", abs, err)
		}
	}
	return &Cache{Dir: abs}, nil
}

// Key is an entry's name: Conan's hash of the URL without its query,
// followed by the checksum when there is one.
func Key(rawURL, checksum string) string {
	u := rawURL
	if p, err := url.Parse(rawURL); err == nil {
		p.RawQuery, p.Fragment, p.ForceQuery = "", "", false
		u = p.String()
	}
	sum := sha256.Sum256([]byte(u + checksum))
	return hex.EncodeToString(sum[:])
}

// Meta is conid's record of an entry.
type Meta struct {
	URL     string    `json:"url"`
	Size    int64     `json:"size"`
	SHA256  string    `json:"sha256"`
	Created time.Time `json:"created"`
}

func (c *Cache) entry(key string) string { return filepath.Join(c.Dir, key) }
func (c *Cache) meta(key string) string  { return filepath.Join(c.Dir, ".conid", key) }
func (c *Cache) lock(key string) string  { return filepath.Join(c.Dir, "locks", key) }

// complete reports whether an entry is there and finished.
func (c *Cache) complete(key string) bool {
	p := c.entry(key)
	st, err := os.Stat(p)
	if err != nil || !st.Mode().IsRegular() {
		return false
	}
	_, err = os.Stat(p + ".dirty")
	return errors.Is(err, os.ErrNotExist)
}

// Fetch writes a file's bytes to w and returns the size the server
// announced (-1 when unknown).
type Fetch func(w io.Writer) (announced int64, err error)

// Result says where an entry is and whether it was already there.
type Result struct {
	Path string
	Hit  bool
}

// Get returns the complete entry for a URL and checksum (md5, sha1 or
// sha256 in hex; "" when none is known), downloading it with fetch when
// absent. Concurrent callers, in this process or others, download each
// entry once.
func (c *Cache) Get(rawURL, checksum string, fetch Fetch) (Result, error) {
	key := Key(rawURL, checksum)
	if c.complete(key) {
		return Result{Path: c.entry(key), Hit: true}, nil
	}
	unlock, err := lockFile(c.lock(key))
	if err != nil {
		return Result{}, fmt.Errorf("download cache: locking %s: %v", key, err)
	}
	defer unlock()
	// Another process may have filled it while this one waited.
	if c.complete(key) {
		return Result{Path: c.entry(key), Hit: true}, nil
	}
	// A Conan download that died leaves a dirty entry: drop it.
	os.Remove(c.entry(key))
	os.Remove(c.entry(key) + ".dirty")
	tmp, err := os.CreateTemp(c.Dir, ".tmp-"+key+"-*")
	if err != nil {
		return Result{}, fmt.Errorf("download cache: %v", err)
	}
	tmpName := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(tmpName)
		}
	}()
	sha := sha256.New()
	var check hash.Hash
	switch len(checksum) {
	case 32:
		check = md5.New()
	case 40:
		check = sha1.New()
	case 64:
		check = sha256.New()
	}
	writers := []io.Writer{tmp, sha}
	if check != nil {
		writers = append(writers, check)
	}
	cw := &Counter{W: io.MultiWriter(writers...)}
	announced, err := fetch(cw)
	if err != nil {
		return Result{}, err
	}
	if announced >= 0 && cw.N != announced {
		return Result{}, fmt.Errorf("download of %s incomplete: %d of %d bytes", redact(rawURL), cw.N, announced)
	}
	if check != nil {
		if got := hex.EncodeToString(check.Sum(nil)); !strings.EqualFold(got, checksum) {
			return Result{}, fmt.Errorf("checksum mismatch for %s: got %s, want %s", redact(rawURL), got, checksum)
		}
	}
	if err := tmp.Sync(); err != nil {
		return Result{}, err
	}
	if err := tmp.Close(); err != nil {
		return Result{}, err
	}
	m := Meta{URL: redact(rawURL), Size: cw.N, SHA256: hex.EncodeToString(sha.Sum(nil)), Created: time.Now().UTC()}
	mb, _ := json.Marshal(m)
	if err := atomicfile.WriteFile(c.meta(key), mb); err != nil {
		return Result{}, err
	}
	if err := os.Rename(tmpName, c.entry(key)); err != nil {
		return Result{}, err
	}
	ok = true
	return Result{Path: c.entry(key)}, nil
}

func redact(u string) string {
	if i := strings.IndexByte(u, '?'); i >= 0 {
		return u[:i]
	}
	return u
}

// Counter counts the bytes written through it.
type Counter struct {
	W io.Writer
	N int64
}

// Write implements io.Writer.
func (c *Counter) Write(p []byte) (int, error) {
	n, err := c.W.Write(p)
	c.N += int64(n)
	return n, err
}

// Stats describe a cache.
type Stats struct {
	Entries    int
	Bytes      int64
	Unrecorded int // entries without conid's record (written by Conan)
	Temporary  int // leftovers of interrupted downloads
	Dirty      int // Conan entries marked unfinished
}

// Entry is one complete entry.
type Entry struct {
	Key  string
	Size int64
	Meta *Meta
}

func isKey(name string) bool {
	if len(name) != 64 {
		return false
	}
	_, err := hex.DecodeString(name)
	return err == nil
}

// Entries lists the complete entries, sorted by key.
func (c *Cache) Entries() ([]Entry, Stats, error) {
	des, err := os.ReadDir(c.Dir)
	if err != nil {
		return nil, Stats{}, err
	}
	var st Stats
	var out []Entry
	for _, de := range des {
		name := de.Name()
		switch {
		case strings.HasPrefix(name, ".tmp-"):
			st.Temporary++
		case strings.HasSuffix(name, ".dirty"):
			st.Dirty++
		case isKey(name) && de.Type().IsRegular():
			if !c.complete(name) {
				continue
			}
			info, err := de.Info()
			if err != nil {
				continue
			}
			e := Entry{Key: name, Size: info.Size()}
			if b, err := os.ReadFile(c.meta(name)); err == nil {
				var m Meta
				if json.Unmarshal(b, &m) == nil {
					e.Meta = &m
				}
			}
			if e.Meta == nil {
				st.Unrecorded++
			}
			st.Entries++
			st.Bytes += e.Size
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, st, nil
}

// Problem is an entry that failed verification.
type Problem struct {
	Key    string
	Reason string
}

// Verify re-hashes every recorded entry and removes those whose bytes
// changed since they were stored.
func (c *Cache) Verify() (checked int, problems []Problem, err error) {
	entries, _, err := c.Entries()
	if err != nil {
		return 0, nil, err
	}
	for _, e := range entries {
		if e.Meta == nil {
			continue
		}
		checked++
		reason := ""
		if e.Size != e.Meta.Size {
			reason = fmt.Sprintf("size %d, recorded %d", e.Size, e.Meta.Size)
		} else if sum, err := fileSHA256(c.entry(e.Key)); err != nil {
			reason = err.Error()
		} else if sum != e.Meta.SHA256 {
			reason = fmt.Sprintf("sha256 %s, recorded %s", sum, e.Meta.SHA256)
		}
		if reason == "" {
			continue
		}
		problems = append(problems, Problem{Key: e.Key, Reason: reason})
		if err := c.remove(e.Key); err != nil {
			return checked, problems, err
		}
	}
	return checked, problems, nil
}

func fileSHA256(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func (c *Cache) remove(key string) error {
	unlock, err := lockFile(c.lock(key))
	if err != nil {
		return err
	}
	defer unlock()
	// The record goes first: an entry without record is still trusted
	// (Conan writes none), a record without entry is ignored.
	os.Remove(c.meta(key))
	if err := os.Remove(c.entry(key)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// Clean removes every entry and the leftovers of interrupted downloads
// that no process is writing any more.
func (c *Cache) Clean() (removed int, err error) {
	des, err := os.ReadDir(c.Dir)
	if err != nil {
		return 0, err
	}
	for _, de := range des {
		name := de.Name()
		switch {
		case isKey(name):
			if err := c.remove(name); err != nil {
				return removed, err
			}
			removed++
		case strings.HasPrefix(name, ".tmp-"):
			key, _, _ := strings.Cut(strings.TrimPrefix(name, ".tmp-"), "-")
			if !isKey(key) {
				continue
			}
			// A writer holds the lock while its temporary file exists.
			unlock, ok, err := tryLockFile(c.lock(key))
			if err != nil || !ok {
				continue
			}
			os.Remove(filepath.Join(c.Dir, name))
			unlock()
			removed++
		case strings.HasSuffix(name, ".dirty") && isKey(strings.TrimSuffix(name, ".dirty")):
			if err := c.remove(strings.TrimSuffix(name, ".dirty")); err != nil {
				return removed, err
			}
			os.Remove(filepath.Join(c.Dir, name))
			removed++
		}
	}
	return removed, nil
}

// LockFile takes an exclusive interprocess lock on path (created if
// needed), waiting for it; call the returned function to release it.
func LockFile(path string) (func(), error) { return lockFile(path) }
