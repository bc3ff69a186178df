package main

import (
	"bytes"
	"encoding/gob"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conid/conid/explain"
	"github.com/conid/conid/memo"
)

// TestResultCache runs "conid info" three times through the result
// cache: the second run replays the stored result (the test marks the
// stored output to see it), and a changed recipe makes the third run
// compute again.
func TestResultCache(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "examples"), dir)
	store := &memo.Store{Dir: filepath.Join(t.TempDir(), "results")}
	home := t.TempDir()
	run1 := func() string {
		return runCached(t, dir, store, home, "info", "app", "--recipes", "recipes", "-pr", "profiles/linux-gcc12", "-n", "id")
	}
	first := run1()
	// Mark the stored entry so that a replay shows.
	ent := onlyEntry(t, store)
	if len(ent.Inputs) == 0 {
		t.Fatal("no inputs recorded")
	}
	ent.Stdout = []byte("REPLAYED\n")
	if err := store.Put(&ent); err != nil {
		t.Fatal(err)
	}
	if got := run1(); got != "REPLAYED\n" {
		t.Fatalf("second run did not replay the cache:\n%s", got)
	}
	// Change a recipe the graph reads: the entry is no longer valid.
	var recipe string
	for _, in := range ent.Inputs {
		if in.Op == "file" && strings.HasSuffix(in.Path, "conanfile.py") && strings.Contains(in.Path, "recipes") {
			recipe = in.Path
			break
		}
	}
	if recipe == "" {
		t.Fatal("no recipe among the recorded inputs")
	}
	src, _ := os.ReadFile(recipe)
	if err := os.WriteFile(recipe, append(src, []byte("\n# changed\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	// A comment changes no package ID: the recomputed output is the first.
	if got := run1(); got != first {
		t.Fatalf("third run: got %q, want the recomputed %q", got, first)
	}
}

// onlyEntry reads the one entry the store holds.
func onlyEntry(t *testing.T, store *memo.Store) memo.Entry {
	t.Helper()
	entries, _ := filepath.Glob(filepath.Join(store.Dir, "*", "*.gob"))
	if len(entries) != 1 {
		t.Fatalf("%d cache entries after one run, want 1", len(entries))
	}
	b, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	var ent memo.Entry
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&ent); err != nil {
		t.Fatal(err)
	}
	return ent
}

// runCached runs conid in dir through the result cache store, with home
// as the Conan home, and returns what it printed.
func runCached(t *testing.T, dir string, store *memo.Store, home string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, cwd: dir, memo: store,
		environ: []string{"CONAN_USER_HOME=" + home},
		getenv: func(k string) string {
			if k == "CONAN_USER_HOME" {
				return home
			}
			return ""
		}}
	if code := run(args, e); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	return out.String()
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// explain keeps the whole report: a second explain of another package of
// the same configuration reads it back (the test marks the stored report
// to see that), and a changed recipe makes it resolve again.
func TestExplainReportCache(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "examples"), dir)
	store := &memo.Store{Dir: filepath.Join(t.TempDir(), "results")}
	home := t.TempDir()
	explain1 := func(query string) string {
		var out, errb bytes.Buffer
		e := &env{stdout: &out, stderr: &errb, cwd: dir, memo: store, environ: []string{},
			getenv: func(k string) string { return map[string]string{"CONAN_USER_HOME": home}[k] }}
		if code := run([]string{"explain", "app", "--recipes", "recipes", "-pr", "profiles/linux-gcc12", query}, e); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		return out.String()
	}
	first := explain1("zlib")
	if !strings.Contains(first, "# zlib/") {
		t.Fatalf("explain zlib:\n%s", first)
	}
	entries, _ := filepath.Glob(filepath.Join(store.Dir, "*", "*.gob"))
	if len(entries) != 1 {
		t.Fatalf("%d entries", len(entries))
	}
	b, _ := os.ReadFile(entries[0])
	var ent memo.Entry
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&ent); err != nil {
		t.Fatal(err)
	}
	var rep explain.Report
	if err := gob.NewDecoder(bytes.NewReader(ent.Data)).Decode(&rep); err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Packages {
		p.PackageID = "MARKED"
	}
	var buf bytes.Buffer
	gob.NewEncoder(&buf).Encode(&rep)
	ent.Data = buf.Bytes()
	if err := store.Put(&ent); err != nil {
		t.Fatal(err)
	}
	if got := explain1("openssl"); !strings.Contains(got, "# openssl/3.1.4 (host) package ID MARKED") {
		t.Fatalf("another query did not read the stored report:\n%s", got)
	}
	recipe := filepath.Join(dir, "recipes", "zlib", "1.3", "_", "_", "conanfile.py")
	src, _ := os.ReadFile(recipe)
	os.WriteFile(recipe, append(src, []byte("\n# changed\n")...), 0o644)
	if got := explain1("openssl"); strings.Contains(got, "MARKED") {
		t.Fatalf("a changed recipe still read the stored report:\n%s", got)
	}
}

// A cached lock create keeps the lockfile it streamed to disk, and a
// replay writes the same bytes again.
func TestResultCacheReplaysWrittenFiles(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join("..", "..", "examples"), dir)
	store := &memo.Store{Dir: filepath.Join(t.TempDir(), "results")}
	home := t.TempDir()
	lock := filepath.Join(dir, "out", "app.lock")
	run1 := func() []byte {
		runCached(t, dir, store, home, "lock", "create", "app/conanfile.py", "--recipes", "recipes", "-pr", "profiles/linux-gcc12", "--lockfile-out", lock)
		b, err := os.ReadFile(lock)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	first := run1()
	if !bytes.Contains(first, []byte(`"graph_lock"`)) {
		t.Fatalf("not a lockfile:\n%s", first)
	}
	ent := onlyEntry(t, store)
	if len(ent.Files) != 1 || ent.Files[0].Path != lock || ent.Files[0].Size != int64(len(first)) {
		t.Fatalf("the entry does not name the lockfile written: %+v", ent.Files)
	}
	if err := os.Remove(lock); err != nil {
		t.Fatal(err)
	}
	if got := run1(); !bytes.Equal(got, first) {
		t.Fatalf("replayed lockfile differs:\n%s\nwant\n%s", got, first)
	}
	// Without its blob the entry is a miss: the command runs again (the
	// test marks the stored output to see which).
	ent.Stdout = []byte("REPLAYED\n")
	if err := store.Put(&ent); err != nil {
		t.Fatal(err)
	}
	blobs, _ := filepath.Glob(filepath.Join(store.Dir, "blobs", "*", "*"))
	if len(blobs) != 1 {
		t.Fatalf("blobs %v", blobs)
	}
	os.Remove(blobs[0])
	if out := runCached(t, dir, store, home, "lock", "create", "app/conanfile.py", "--recipes", "recipes", "-pr", "profiles/linux-gcc12", "--lockfile-out", lock); out == "REPLAYED\n" {
		t.Fatal("an entry without its blob was replayed")
	}
	if got, _ := os.ReadFile(lock); !bytes.Equal(got, first) {
		t.Fatal("recomputed lockfile differs")
	}
}

// writeFileFrom reports the writer's error and records nothing then; a
// whole file is kept as a blob of the store, filed when the result is
// stored and dropped when it is not.
func TestWriteFileFromError(t *testing.T) {
	store := &memo.Store{Dir: t.TempDir()}
	rec := &recording{store: store}
	e := &env{cwd: t.TempDir(), rec: rec}
	err := e.writeFileFrom("out.txt", func(w io.Writer) error {
		io.WriteString(w, "partial")
		return errors.New("disk full")
	})
	left := func() []string {
		l, _ := filepath.Glob(filepath.Join(store.Dir, "blobs", "*"))
		return l
	}
	if err == nil || err.Error() != "disk full" || len(rec.files) != 0 || len(left()) != 0 {
		t.Fatalf("err %v, %d files recorded, left %v", err, len(rec.files), left())
	}
	whole := func(w io.Writer) error { _, err := io.WriteString(w, "whole"); return err }
	if err := e.writeFileFrom("out.txt", whole); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(e.cwd, "out.txt")); string(b) != "whole" || len(rec.files) != 1 || rec.broken {
		t.Fatalf("file %q, recorded %v", b, rec.files)
	}
	rec.abort()
	if len(left()) != 0 {
		t.Fatalf("an aborted recording left %v", left())
	}
	rec = &recording{store: store}
	e.rec = rec
	if err := e.writeFileFrom("out.txt", whole); err != nil {
		t.Fatal(err)
	}
	files, err := rec.commit()
	if err != nil || len(files) != 1 {
		t.Fatal(files, err)
	}
	// The blob writes the file again.
	f := files[0]
	f.Path = filepath.Join(e.cwd, "again.txt")
	if err := store.WriteFile(f); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(f.Path); string(b) != "whole" {
		t.Fatalf("replayed %q", b)
	}
}

// A file that cannot be written again from its blob makes the replay
// give way to running the command.
func TestReplayFilesFails(t *testing.T) {
	store := &memo.Store{Dir: t.TempDir()}
	b, err := store.NewBlob()
	if err != nil {
		t.Fatal(err)
	}
	b.Write([]byte("x"))
	f, err := b.Commit(filepath.Join(t.TempDir(), "out.lock"))
	if err != nil {
		t.Fatal(err)
	}
	if !replayFiles(store, &memo.Entry{Files: []memo.File{f}}) {
		t.Fatal("a replayable file was not replayed")
	}
	f.Path = filepath.Join(t.TempDir(), "missing-dir", "out.lock")
	if replayFiles(store, &memo.Entry{Files: []memo.File{f}}) {
		t.Fatal("a file that cannot be written counted as replayed")
	}
}
