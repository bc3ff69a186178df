package syntax

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkParse parses a typical 200-line recipe.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("testdata/bench_recipe.py")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("conanfile.py", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDump dumps the parsed benchmark recipe.
func BenchmarkDump(b *testing.B) {
	src, err := os.ReadFile("testdata/bench_recipe.py")
	if err != nil {
		b.Fatal(err)
	}
	mod, err := Parse("conanfile.py", src)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Dump(mod)
	}
}

// TestCorpusSpeed parses every .py file under CONID_PY_CORPUS with one
// goroutine per CPU and reports the wall time. It runs only when
// CONID_PY_CORPUS is set; files are read before the clock starts.
func TestCorpusSpeed(t *testing.T) {
	corpus := os.Getenv("CONID_PY_CORPUS")
	if corpus == "" {
		t.Skip("set CONID_PY_CORPUS to run")
	}
	var srcs [][]byte
	var total int
	for _, dir := range filepath.SplitList(corpus) {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".py") {
				return err
			}
			src, err := os.ReadFile(path)
			srcs = append(srcs, src)
			total += len(src)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	best := time.Duration(1 << 62)
	for round := 0; round < 5; round++ {
		start := time.Now()
		var next, failed atomic.Int64
		var wg sync.WaitGroup
		for w := 0; w < runtime.GOMAXPROCS(0); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= len(srcs) {
						return
					}
					if _, err := Parse("f.py", srcs[i]); err != nil {
						failed.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		if d := time.Since(start); d < best {
			best = d
		}
		if failed.Load() > 0 {
			t.Logf("%d files failed to parse", failed.Load())
		}
	}
	t.Logf("%d files, %.1f MB parsed in %v (best of 5, GOMAXPROCS=%d)",
		len(srcs), float64(total)/1e6, best, runtime.GOMAXPROCS(0))
}
