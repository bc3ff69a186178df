package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/conid/conid/internal/fsread"
	"github.com/conid/conid/memo"
)

// conidHome is where conid keeps its own state: $CONID_HOME, else the
// user's cache folder.
func conidHome(getenv func(string) string) string {
	if h := getenv("CONID_HOME"); h != "" {
		return h
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "conid")
	}
	return filepath.Join(os.TempDir(), "conid")
}

// openMemo returns the result cache, or nil when CONID_CACHE=off.
func openMemo(getenv func(string) string) *memo.Store {
	if v := strings.ToLower(getenv("CONID_CACHE")); v == "off" || v == "0" || v == "false" {
		return nil
	}
	return &memo.Store{Dir: filepath.Join(conidHome(getenv), "results")}
}

// exeIDOnce names this conid binary by its path, size and modification
// time: any rebuild or upgrade changes it, and it costs one stat rather
// than hashing the whole executable on every run.
var exeIDOnce = sync.OnceValue(func() string {
	p, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	st, err := os.Stat(p)
	if err != nil {
		return "unknown"
	}
	return fmt.Sprintf("%s:%d:%d", p, st.Size(), st.ModTime().UnixNano())
})

// memoKey names a command's computation: this conid binary, the
// arguments, the folder and the environment Conan and conid read.
func memoKey(args []string, e *env, environ []string) string {
	parts := []string{"conid", exeIDOnce(), e.cwd}
	parts = append(parts, args...)
	parts = append(parts, "--env--")
	var vars []string
	for _, kv := range environ {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "CONAN_") || strings.HasPrefix(k, "CONID_") || k == "HOME" || k == "USERPROFILE" {
			vars = append(vars, kv)
		}
	}
	sort.Strings(vars)
	return memo.Key(append(parts, vars...)...)
}

// cacheable says whether a command's result may be replayed: graph
// commands that only read local files.
func cacheable(args []string) bool {
	if len(args) == 0 {
		return false
	}
	switch args[0] {
	case "info", "lock", "id": // explain keeps its own report (explain.go)
	default:
		return false
	}
	for _, a := range args {
		if a == "-r" || a == "--remote" || strings.HasPrefix(a, "--remote=") || a == "--update" || a == "-u" {
			return false
		}
	}
	return true
}

// runMemo runs a command through the result cache: a valid entry is
// replayed (output and written files); otherwise the command runs with
// its reads recorded and, if it succeeds, its result is stored.
func runMemo(args []string, e *env, environ []string, runCmd func([]string, *env) int) int {
	store := e.memo
	key := memoKey(args, e, environ)
	if ent, ok := store.Get(key); ok && replayFiles(store, ent) {
		e.stdout.Write(ent.Stdout)
		e.stderr.Write(ent.Stderr)
		return exitOK
	}
	var out, errb bytes.Buffer
	inner := *e
	inner.memo = nil
	inner.stdout = io.MultiWriter(e.stdout, &out)
	inner.stderr = io.MultiWriter(e.stderr, &errb)
	rec := &recording{store: store}
	inner.rec = rec
	var code int
	inputs := fsread.Record(func() { code = runCmd(args, &inner) })
	// A result that cannot be stored is still a result.
	if code != exitOK || rec.broken || !fsread.Replayable(inputs) {
		rec.abort()
		return code
	}
	files, err := rec.commit()
	if err != nil {
		return code
	}
	ent := &memo.Entry{Key: key, Inputs: inputs, Stdout: out.Bytes(), Stderr: errb.Bytes(), Files: files}
	_ = store.Put(ent)
	return code
}

// replayFiles writes an entry's files again; false when a blob could not
// be read (a trim in another process may remove it), for the command to
// run instead.
func replayFiles(store *memo.Store, ent *memo.Entry) bool {
	for _, f := range ent.Files {
		if err := store.WriteFile(f); err != nil {
			return false
		}
	}
	return true
}

// recording collects the files a command writes while its result is
// cached, as blobs of the store, filed only if the result is stored.
type recording struct {
	store *memo.Store
	files []pendingFile
	// broken is set when a file could not be kept: the result is not
	// stored, since a replay would not write it.
	broken bool
}

type pendingFile struct {
	path string
	blob *memo.Blob
}

// commit files the blobs.
func (r *recording) commit() ([]memo.File, error) {
	var out []memo.File
	for i, p := range r.files {
		f, err := p.blob.Commit(p.path)
		if err != nil {
			r.files = r.files[i+1:]
			r.abort()
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

// abort drops the blobs.
func (r *recording) abort() {
	for _, p := range r.files {
		p.blob.Abort()
	}
}

// writeFile writes a command's output file, and records it when the
// command's result is being cached.
func (e *env) writeFile(path string, data []byte) error {
	return e.writeFileFrom(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// writeFileFrom is writeFile with the content written by write as it is
// made: a large file (the lockfile of a 100,000-package graph is
// hundreds of megabytes) is never whole in memory.
func (e *env) writeFileFrom(path string, write func(io.Writer) error) error {
	if !filepath.IsAbs(path) {
		path = filepath.Join(e.cwd, path)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	var w io.Writer = f
	var blob *memo.Blob
	if e.rec != nil {
		if blob, err = e.rec.store.NewBlob(); err != nil {
			e.rec.broken = true
		} else {
			w = io.MultiWriter(f, blob)
		}
	}
	err = write(w)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if blob != nil {
			blob.Abort()
		}
		return err
	}
	if blob != nil {
		e.rec.files = append(e.rec.files, pendingFile{path, blob})
	}
	return nil
}
