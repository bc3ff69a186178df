// Package memo keeps the results of conid's graph commands on disk, keyed
// by a blake3 digest of the command line, the environment and the conid
// binary, and valid only while every file read that produced them (see
// internal/fsread) still reads the same. A second run over an unchanged
// tree re-evaluates nothing; a changed recipe, profile or setting is a
// miss.
//
// Entries are written to a temporary file and renamed into place, so
// concurrent processes never see a partial entry and need no lock: two
// processes that compute the same entry write the same bytes, and the
// last rename wins.
package memo

import (
	"bytes"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/conid/conid/internal/fsread"
	"github.com/zeebo/blake3"
)

// format changes when Entry does. Entries are gob-encoded: a large
// graph's entry holds a hundred thousand recorded reads, and gob reads
// them back several times faster than JSON.
const format = 3

// File is a file a command wrote. Its content is a blob of the store,
// named by its blake3 digest, as cmd/go's cache keeps outputs apart from
// action entries: the lockfile of a 100,000-package graph is hundreds of
// megabytes, which an entry would hold in memory twice to be written
// and twice more to be read back.
type File struct {
	Path string `json:"path"`
	Blob string `json:"blob"`
	Size int64  `json:"size"`
}

// Entry is a recorded result.
type Entry struct {
	Format  int            `json:"format"`
	Key     string         `json:"key"`
	Created time.Time      `json:"created"`
	Inputs  []fsread.Entry `json:"inputs"`
	Stdout  []byte         `json:"stdout,omitempty"`
	Stderr  []byte         `json:"stderr,omitempty"`
	Files   []File         `json:"files,omitempty"`
	// Note is free text for the command (bench run keeps its summary).
	Note string `json:"note,omitempty"`
	// Data is the command's own encoding of its result (explain keeps
	// its whole report).
	Data []byte `json:"data,omitempty"`
}

// Store is a folder of entries.
type Store struct{ Dir string }

// Key digests the parts that name a computation.
func Key(parts ...string) string {
	h := blake3.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil)[:20])
}

func (s *Store) path(key string) string {
	return filepath.Join(s.Dir, key[:2], key+".gob")
}

// Get returns the entry for key if there is one, its inputs still read
// the same and the blobs of its files are there. A damaged entry is a
// miss.
func (s *Store) Get(key string) (*Entry, bool) {
	b, err := os.ReadFile(s.path(key))
	if err != nil {
		return nil, false
	}
	var e Entry
	if gob.NewDecoder(bytes.NewReader(b)).Decode(&e) != nil || e.Format != format || e.Key != key {
		return nil, false
	}
	for _, f := range e.Files {
		if st, err := os.Stat(s.blobPath(f.Blob)); err != nil || st.Size() != f.Size {
			return nil, false
		}
	}
	if !fsread.Valid(e.Inputs) {
		return nil, false
	}
	return &e, true
}

func (s *Store) blobPath(digest string) string {
	if len(digest) < 2 {
		digest = "--"
	}
	return filepath.Join(s.Dir, "blobs", digest[:2], digest)
}

// Blob receives the content of a file a command writes, as it writes
// it, into a temporary file of the store; Commit files it under its
// digest.
type Blob struct {
	s   *Store
	f   *os.File
	h   *blake3.Hasher
	n   int64
	err error
}

// NewBlob starts a blob.
func (s *Store) NewBlob() (*Blob, error) {
	dir := filepath.Join(s.Dir, "blobs")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return nil, err
	}
	return &Blob{s: s, f: f, h: blake3.New()}, nil
}

// Write appends to the blob. An error is kept for Commit, and reported
// as none here: the file the command writes does not fail with it.
func (b *Blob) Write(p []byte) (int, error) {
	if b.err == nil {
		_, b.err = b.f.Write(p)
		b.h.Write(p)
		b.n += int64(len(p))
	}
	return len(p), nil
}

// Commit files the blob and returns the File that names it.
func (b *Blob) Commit(path string) (File, error) {
	err := errors.Join(b.err, b.f.Close())
	if err != nil {
		os.Remove(b.f.Name())
		return File{}, err
	}
	digest := hex.EncodeToString(b.h.Sum(nil))
	p := b.s.blobPath(digest)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		os.Remove(b.f.Name())
		return File{}, err
	}
	// Another process may file the same content at once: the same bytes.
	if err := os.Rename(b.f.Name(), p); err != nil {
		os.Remove(b.f.Name())
		return File{}, err
	}
	return File{Path: path, Blob: digest, Size: b.n}, nil
}

// Abort drops the blob.
func (b *Blob) Abort() {
	b.f.Close()
	os.Remove(b.f.Name())
}

// WriteFile writes a recorded file again from its blob.
func (s *Store) WriteFile(f File) error {
	src, err := os.Open(s.blobPath(f.Blob))
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(f.Path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src) // copy_file_range where the system has it
	return errors.Join(err, dst.Close())
}

// Put stores an entry under its key; an entry whose result ran a command
// (fsread.Replayable) is not stored.
func (s *Store) Put(e *Entry) error {
	if !fsread.Replayable(e.Inputs) {
		return nil // a recipe ran a command: the next run must run it too
	}
	e.Format = format
	if e.Created.IsZero() {
		e.Created = time.Now().UTC()
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(e); err != nil {
		return err
	}
	b := buf.Bytes()
	p := s.path(e.Key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), p); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}
