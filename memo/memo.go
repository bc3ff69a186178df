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
	"strings"
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
	// The entry and its blobs, with their times, to mark them used.
	var used []fileTime
	if st, err := os.Stat(s.path(key)); err == nil {
		used = append(used, fileTime{s.path(key), st.ModTime()})
	}
	for _, f := range e.Files {
		p := s.blobPath(f.Blob)
		st, err := os.Stat(p)
		if err != nil || st.Size() != f.Size {
			return nil, false
		}
		used = append(used, fileTime{p, st.ModTime()})
	}
	if !fsread.Valid(e.Inputs) {
		return nil, false
	}
	markUsed(used, time.Now())
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

// Entries and blobs unused for trimAge are removed, by a trim that runs
// at most once every trimEvery; a hit marks what it uses as used when
// the mark is older than markAge (cmd/go's cache does the same, with the
// same periods). A trim can only cause misses: an entry whose blob is
// gone is not replayed.
const (
	trimAge   = 5 * 24 * time.Hour
	trimEvery = 24 * time.Hour
	markAge   = time.Hour
	tmpAge    = 24 * time.Hour // a temporary file left by a writer that died
)

type fileTime struct {
	path string
	mod  time.Time
}

// markUsed refreshes the modification times older than markAge.
func markUsed(files []fileTime, now time.Time) {
	for _, f := range files {
		if now.Sub(f.mod) > markAge {
			os.Chtimes(f.path, now, now)
		}
	}
}

// Trim removes the entries and blobs not used for five days, unless
// the store was trimmed in the last day. It returns how many files it
// removed. Errors are ignored: a file another process removed, or one
// that cannot be, is left to the next trim.
func (s *Store) Trim(now time.Time) int {
	mark := filepath.Join(s.Dir, "trim.txt")
	if b, err := os.ReadFile(mark); err == nil {
		if t, err := time.Parse(time.RFC3339Nano, string(bytes.TrimSpace(b))); err == nil && now.Sub(t) < trimEvery {
			return 0
		}
	}
	removed := 0
	dirs, _ := filepath.Glob(filepath.Join(s.Dir, "*"))
	blobDirs, _ := filepath.Glob(filepath.Join(s.Dir, "blobs", "*"))
	for _, d := range append(dirs, blobDirs...) {
		ents, err := os.ReadDir(d)
		if err != nil {
			continue
		}
		for _, de := range ents {
			info, err := de.Info()
			if err != nil || info.IsDir() {
				continue
			}
			age := now.Sub(info.ModTime())
			if age > trimAge || strings.HasPrefix(de.Name(), ".tmp-") && age > tmpAge {
				if os.Remove(filepath.Join(d, de.Name())) == nil {
					removed++
				}
			}
		}
	}
	if err := os.MkdirAll(s.Dir, 0o755); err == nil {
		os.WriteFile(mark, []byte(now.UTC().Format(time.RFC3339Nano)+"\n"), 0o644)
	}
	return removed
}
