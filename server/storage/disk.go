package storage

import (
	"crypto/rand"
	"crypto/sha1"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// TmpDir is the folder under the root where uploads are written before
// they are renamed into place.
const TmpDir = ".conid-tmp"

// Disk is a Driver over a folder.
type Disk struct {
	root string
}

// NewDisk opens (creating if needed) a disk driver rooted at dir, and
// removes uploads left over in its temporary folder by a killed server.
func NewDisk(dir string) (*Disk, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return nil, err
	}
	tmp := filepath.Join(abs, TmpDir)
	if err := os.RemoveAll(tmp); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Disk{root: abs}, nil
}

// Root is the absolute folder of the driver.
func (d *Disk) Root() string { return d.root }

// CheckKey reports whether key is a valid relative key: not empty, no
// leading "/", no empty, "." or ".." element, no backslash or NUL.
func CheckKey(key string) error {
	if key == "" || strings.HasPrefix(key, "/") || strings.ContainsAny(key, "\\\x00") {
		return fmt.Errorf("%w: %q", ErrBadKey, key)
	}
	for _, p := range strings.Split(key, "/") {
		if p == "" || p == "." || p == ".." {
			return fmt.Errorf("%w: %q", ErrBadKey, key)
		}
	}
	return nil
}

func (d *Disk) path(key string) (string, error) {
	if err := CheckKey(key); err != nil {
		return "", err
	}
	return filepath.Join(d.root, filepath.FromSlash(key)), nil
}

func notExist(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: %v", ErrNotExist, err)
	}
	return err
}

type diskObject struct {
	*os.File
	info Info
}

func (o diskObject) Info() Info { return o.info }

// Open implements Driver.
func (d *Disk) Open(key string) (Object, error) {
	p, err := d.path(key)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, notExist(err)
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		f.Close()
		return nil, fmt.Errorf("%w: %s is a folder", ErrNotExist, key)
	}
	return diskObject{f, Info{Size: st.Size(), ModTime: st.ModTime()}}, nil
}

// Stat implements Driver.
func (d *Disk) Stat(key string) (Info, error) {
	p, err := d.path(key)
	if err != nil {
		return Info{}, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return Info{}, notExist(err)
	}
	if st.IsDir() {
		return Info{}, fmt.Errorf("%w: %s is a folder", ErrNotExist, key)
	}
	return Info{Size: st.Size(), ModTime: st.ModTime()}, nil
}

// Put implements Driver: the body goes to a fresh file in TmpDir, is
// checked, synced and renamed over key.
func (d *Disk) Put(key string, r io.Reader, size int64, sha1hex string) (Info, error) {
	p, err := d.path(key)
	if err != nil {
		return Info{}, err
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	tmp := filepath.Join(d.root, TmpDir, hex.EncodeToString(rnd[:]))
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return Info{}, err
	}
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	var h hash.Hash
	w := io.Writer(f)
	if sha1hex != "" {
		h = sha1.New()
		w = io.MultiWriter(f, h)
	}
	n, err := io.Copy(w, r)
	if err != nil {
		return Info{}, err
	}
	if size >= 0 && n != size {
		return Info{}, fmt.Errorf("%w: %s: got %d bytes, expected %d", ErrSize, key, n, size)
	}
	if h != nil {
		if got := hex.EncodeToString(h.Sum(nil)); !strings.EqualFold(got, sha1hex) {
			return Info{}, fmt.Errorf("%w: %s: body SHA-1 is %s, header says %s", ErrChecksum, key, got, sha1hex)
		}
	}
	if err := f.Sync(); err != nil {
		return Info{}, err
	}
	st, err := f.Stat()
	if err != nil {
		return Info{}, err
	}
	if err := f.Close(); err != nil {
		return Info{}, err
	}
	// A concurrent Delete may remove the emptied parent folder between
	// MkdirAll and Rename: try again.
	for try := 0; ; try++ {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return Info{}, err
		}
		err := os.Rename(tmp, p)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrNotExist) || try == 10 {
			return Info{}, err
		}
	}
	ok = true
	return Info{Size: n, ModTime: st.ModTime()}, nil
}

// List implements Driver.
func (d *Disk) List(prefix string) ([]string, error) {
	p, err := d.path(prefix)
	if err != nil {
		return nil, err
	}
	var out []string
	err = filepath.WalkDir(p, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(p, path)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, notExist(err)
	}
	sort.Strings(out)
	return out, nil
}

// Children implements Driver.
func (d *Disk) Children(prefix string) ([]string, error) {
	p := d.root
	if prefix != "" {
		var err error
		if p, err = d.path(prefix); err != nil {
			return nil, err
		}
	}
	ents, err := os.ReadDir(p)
	if err != nil {
		return nil, notExist(err)
	}
	var out []string
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// Delete implements Driver: the object or folder is first renamed into
// TmpDir, so it disappears at once, then removed.
func (d *Disk) Delete(key string) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	var rnd [8]byte
	_, _ = rand.Read(rnd[:])
	gone := filepath.Join(d.root, TmpDir, "del-"+hex.EncodeToString(rnd[:]))
	if err := os.Rename(p, gone); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	// Like an object store, a folder exists only while it holds objects.
	for dir := filepath.Dir(p); dir != d.root && strings.HasPrefix(dir, d.root+string(filepath.Separator)); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break
		}
	}
	return os.RemoveAll(gone)
}
