// Package fsread is how conid reads the file system while it computes a
// result, so that the result can be cached: while a Journal is active,
// every read is recorded with a blake3 digest of what it returned, and
// Valid later tells whether replaying the reads gives the same answers.
// It is the method of cmd/go's test cache (which logs the files and
// environment a test looks at), applied to recipes, profiles, settings
// and Conan's configuration.
package fsread

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/zeebo/blake3"
)

// Op is a kind of read.
type Op string

const (
	OpFile Op = "file" // content
	OpDir  Op = "dir"  // names and kinds of entries
	// OpDirHead is the first entries a folder lists, in the file
	// system's order (ScanDir): its sum starts with their count.
	OpDirHead Op = "dirhead"
	OpStat    Op = "stat" // existence and kind
	OpGlob    Op = "glob" // matches
	OpWalk    Op = "walk" // every path below, with kinds
	// OpRun is a command a recipe ran (self.run): its answer cannot be
	// replayed without running it again, so a result that ran one is
	// never valid from the cache (see Replayable).
	OpRun Op = "run"
)

// Entry is one recorded read.
type Entry struct {
	Op   Op     `json:"op"`
	Path string `json:"path"`
	Sum  string `json:"sum"`
	// Stat is the file's size and modification time when it was read,
	// if it had not changed in the two seconds before: a file with the
	// same size and time is taken as unchanged without reading it again
	// (as git and cmd/go do).
	Stat string `json:"stat,omitempty"`
}

// Journal records reads. Safe for concurrent use.
type Journal struct {
	mu      sync.Mutex
	seen    map[Entry]bool
	entries []Entry
}

var active atomic.Pointer[Journal]

// Start makes a new journal active and returns it; Stop ends it.
func Start() *Journal {
	j := &Journal{seen: map[Entry]bool{}}
	active.Store(j)
	return j
}

// Stop ends recording.
func Stop() { active.Store(nil) }

// Record runs f with a journal active and returns what it read.
func Record(f func()) []Entry {
	j := Start()
	defer Stop()
	f()
	return j.Entries()
}

// Entries returns the distinct reads in the order they first happened.
func (j *Journal) Entries() []Entry {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]Entry(nil), j.entries...)
}

// record notes a read other than of a file's content (see ReadFile).
func record(op Op, path string, sum func() string) {
	if j := active.Load(); j != nil {
		j.add(Entry{Op: op, Path: path, Sum: sum()})
	}
}

// fileStat is what a read saw of a file's size and time (ok: seen, and a
// regular file).
type fileStat struct {
	size  int64
	mtime time.Time
	ok    bool
}

// stableSig is a file's size and time when it had not changed in the two
// seconds before: a file with the same signature later is taken as
// unchanged without reading it again.
func stableSig(st fileStat) string {
	if !st.ok || time.Since(st.mtime) <= 2*time.Second {
		return ""
	}
	return sig(st.size, st.mtime)
}

func sig(size int64, mtime time.Time) string {
	return fmt.Sprintf("%d:%d", size, mtime.UnixNano())
}

func (j *Journal) add(e Entry) {
	j.mu.Lock()
	if !j.seen[e] {
		j.seen[e] = true
		j.entries = append(j.entries, e)
	}
	j.mu.Unlock()
}

func digest(parts ...[]byte) string {
	h := blake3.New()
	for _, p := range parts {
		h.Write(p)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// errSum names the outcome of a failed read: missing or other.
func errSum(err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return "missing"
	}
	return "error"
}

// ReadFile is os.ReadFile, recorded. The size and time it records are
// those of the file it read, from the same open file: no second look.
func ReadFile(path string) ([]byte, error) {
	b, st, err := readFileStat(path)
	if j := active.Load(); j != nil {
		e := Entry{Op: OpFile, Path: path, Sum: fileSum(b, err)}
		if err == nil {
			if st == (fileStat{}) {
				// Not known from the read (another system): look.
				if fi, serr := os.Stat(path); serr == nil {
					st = fileStat{size: fi.Size(), mtime: fi.ModTime(), ok: fi.Mode().IsRegular()}
				}
			}
			e.Stat = stableSig(st)
		}
		j.add(e)
	}
	return b, err
}

func fileSum(b []byte, err error) string {
	if err != nil {
		return errSum(err)
	}
	return digest(b)
}

// ReadDir is os.ReadDir, recorded.
func ReadDir(path string) ([]os.DirEntry, error) {
	entries, err := readDir(path)
	record(OpDir, path, func() string { return dirSum(entries, err) })
	return entries, err
}

func dirSum(entries []os.DirEntry, err error) string {
	if err != nil {
		return errSum(err)
	}
	var parts [][]byte
	for _, e := range entries {
		k := "f"
		if e.IsDir() {
			k = "d"
		}
		parts = append(parts, []byte(k+e.Name()))
	}
	return digest(parts...)
}

// ScanDir hands f a folder's entries in the order the file system lists
// them, not sorted, until f returns true or none is left: a caller that
// needs only the first that suits it reads no more than it uses (a
// conan-center-index recipes folder lists some 1,600 packages). It
// records the entries handed to f, and whether that was all of them, so
// a result stays valid while the folder lists those same entries first
// (and no others, when f saw all).
func ScanDir(path string, f func(os.DirEntry) (stop bool)) error {
	// scanDir (sys_linux.go, sys_other.go) reads at most a limit of
	// entries (all when negative), handing each to f (when not nil)
	// until it returns true, and says whether it stopped before the end.
	seen, stopped, err := scanDir(path, -1, f)
	record(OpDirHead, path, func() string { return headSum(seen, stopped, err) })
	return err
}

// headSum is the sum of the entries ScanDir handed out, after their count
// ("all" when they were all the folder listed), which a replay reads
// again.
func headSum(seen []os.DirEntry, stopped bool, err error) string {
	if err != nil {
		return errSum(err)
	}
	count := "all"
	if stopped {
		count = strconv.Itoa(len(seen))
	}
	return count + ":" + dirSum(seen, nil)
}

// currentHead replays a ScanDir recorded with sum: as many entries, read
// the same way, or all of them again.
func currentHead(path, sum string) string {
	count, _, ok := strings.Cut(sum, ":")
	if !ok {
		// an error's sum: a listing that now succeeds differs
		seen, stopped, err := scanDir(path, 0, nil)
		return headSum(seen, stopped, err)
	}
	limit := -1
	if count != "all" {
		n, err := strconv.Atoi(count)
		if err != nil || n < 0 {
			return "not replayable"
		}
		limit = n
	}
	seen, _, err := scanDir(path, limit, nil)
	return headSum(seen, limit >= 0, err)
}

// Stat is os.Stat, recorded (existence and kind only).
func Stat(path string) (os.FileInfo, error) {
	st, err := os.Stat(path)
	record(OpStat, path, func() string { return statSum(st, err) })
	return st, err
}

func statSum(st os.FileInfo, err error) string {
	switch {
	case err != nil:
		return errSum(err)
	case st.IsDir():
		return "dir"
	}
	return "file"
}

// Glob is filepath.Glob, recorded.
func Glob(pattern string) ([]string, error) {
	m, err := filepath.Glob(pattern)
	record(OpGlob, pattern, func() string { return globSum(m, err) })
	return m, err
}

func globSum(m []string, err error) string {
	if err != nil {
		return "error"
	}
	parts := make([][]byte, len(m))
	for i, s := range m {
		parts[i] = []byte(s)
	}
	return digest(parts...)
}

// WalkDir is filepath.WalkDir. What it records is the whole tree below
// root (paths and kinds), whatever fn skips.
func WalkDir(root string, fn fs.WalkDirFunc) error {
	if active.Load() != nil {
		record(OpWalk, root, func() string { return walkSum(root) })
	}
	return filepath.WalkDir(root, fn)
}

func walkSum(root string) string {
	var parts [][]byte
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			parts = append(parts, []byte("!"+p))
			return nil
		}
		k := "f"
		if e.IsDir() {
			k = "d"
		}
		parts = append(parts, []byte(k+p))
		return nil
	})
	if err != nil {
		return errSum(err)
	}
	sort.Slice(parts, func(i, j int) bool { return string(parts[i]) < string(parts[j]) })
	return digest(parts...)
}

func statSig(st os.FileInfo) string { return sig(st.Size(), st.ModTime()) }

// Ran records that a command ran while the result was computed.
func Ran(command string) {
	record(OpRun, command, func() string { return "" })
}

// Replayable reports whether a result that made these reads can be
// cached: none of them ran a command.
func Replayable(entries []Entry) bool {
	for _, e := range entries {
		if e.Op == OpRun {
			return false
		}
	}
	return true
}

// current replays a read and returns its digest now.
func current(e Entry) string {
	op, path := e.Op, e.Path
	switch op {
	case OpDirHead:
		return currentHead(path, e.Sum)
	case OpFile:
		b, err := readFile(path)
		return fileSum(b, err)
	case OpDir:
		e, err := readDir(path)
		return dirSum(e, err)
	case OpStat:
		st, err := os.Stat(path)
		return statSum(st, err)
	case OpGlob:
		m, err := filepath.Glob(path)
		return globSum(m, err)
	case OpWalk:
		return walkSum(path)
	}
	return "not replayable" // OpRun, or an unknown op: never equal to a sum
}

// Valid reports whether every recorded read gives the same answer now.
// It replays them on eight goroutines: they wait on the disk more than
// on the CPU.
func Valid(entries []Entry) bool {
	var bad atomic.Bool
	var wg sync.WaitGroup
	work := make(chan Entry)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range work {
				if bad.Load() {
					continue
				}
				if e.Stat != "" {
					if st, err := os.Stat(e.Path); err == nil && statSig(st) == e.Stat {
						continue
					}
				}
				if current(e) != e.Sum {
					bad.Store(true)
				}
			}
		}()
	}
	for _, e := range entries {
		if bad.Load() {
			break
		}
		work <- e
	}
	close(work)
	wg.Wait()
	return !bad.Load()
}
