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
	"os"
	"path/filepath"
	"time"

	"github.com/conid/conid/internal/fsread"
	"github.com/zeebo/blake3"
)

// format changes when Entry does. Entries are gob-encoded: a large
// graph's entry holds a hundred thousand recorded reads, and gob reads
// them back several times faster than JSON.
const format = 2

// File is a file a command wrote.
type File struct {
	Path string `json:"path"`
	Data []byte `json:"data"`
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

// Get returns the entry for key if there is one and its inputs still
// read the same. A damaged entry is a miss.
func (s *Store) Get(key string) (*Entry, bool) {
	b, err := os.ReadFile(s.path(key))
	if err != nil {
		return nil, false
	}
	var e Entry
	if gob.NewDecoder(bytes.NewReader(b)).Decode(&e) != nil || e.Format != format || e.Key != key {
		return nil, false
	}
	if !fsread.Valid(e.Inputs) {
		return nil, false
	}
	return &e, true
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
