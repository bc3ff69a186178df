package graph

import (
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/python/syntax"
	"github.com/conid/conid/recipe/ref"
)

// aheadSource is a Source and Prefetcher over recipes that only require:
// name/version -> what it requires.
type aheadSource struct {
	recipes map[string][]string
	read    []string
}

func (s *aheadSource) Search(name, user, channel string) ([]ref.Ref, error) {
	var out []ref.Ref
	for text := range s.recipes {
		if r := ref.MustParse(text); r.Name == name && r.User == user && r.Channel == channel {
			out = append(out, r)
		}
	}
	return out, nil
}

func (s *aheadSource) Recipe(r ref.Ref) (recipe.Location, error) {
	return recipe.Location{}, fmt.Errorf("%s: %w", r, recipe.ErrNotFound)
}

func (s *aheadSource) Prefetch(r ref.Ref) *syntax.Module {
	reqs, ok := s.recipes[r.String()]
	if !ok {
		return nil
	}
	s.read = append(s.read, r.String())
	var src strings.Builder
	src.WriteString("class P(ConanFile):\n    def requirements(self):\n        pass\n")
	for _, q := range reqs {
		fmt.Fprintf(&src, "        self.requires(%q)\n", q)
	}
	mod, err := syntax.Parse("conanfile.py", []byte(src.String()))
	if err != nil {
		panic(err)
	}
	return mod
}

// TestReadAheadOrder: the read-ahead follows the requirements recipes name
// depth first, in the order the expansion asks for them, resolves ranges
// to the best version listed, reads each reference once, and skips what
// is not there.
func TestReadAheadOrder(t *testing.T) {
	src := &aheadSource{recipes: map[string][]string{
		"aa/1.0":       {"cc/1.0", "dd/[~2.0]", "missing/1.0"},
		"bb/1.0":       nil,
		"bb/2.0":       {"aa/1.0"},
		"cc/1.0":       nil,
		"dd/2.0.1":     {"cc/1.0"},
		"dd/2.1":       nil,
		"ee/1.0@us/ch": nil,
	}}
	a := &readAhead{src: src, pf: src, queued: map[string]struct{}{}}
	a.running = true // run below, not on another goroutine
	a.push([]string{"aa/1.0", "bb/[>=1.0]", "ee/1.0@us/ch", "not a reference"})
	a.wg.Add(1)
	a.run()
	want := []string{"aa/1.0", "cc/1.0", "dd/2.0.1", "bb/2.0", "ee/1.0@us/ch"}
	if !reflect.DeepEqual(src.read, want) {
		t.Errorf("read %q, want %q", src.read, want)
	}
	if a.running || len(a.stack) != 0 {
		t.Errorf("still running: %v %q", a.running, a.stack)
	}
	a.close()
	a.push([]string{"bb/1.0"}) // closed: nothing more is read
	if len(src.read) != len(want) {
		t.Errorf("read after close: %q", src.read)
	}
}

func TestReadAheadNeedsPrefetcherAndProcessors(t *testing.T) {
	type plain struct{ Source }
	if newReadAhead(plain{&aheadSource{}}, nil) != nil {
		t.Error("read-ahead over a source that cannot")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	if newReadAhead(&aheadSource{}, nil) != nil {
		t.Error("read-ahead with one processor")
	}
	runtime.GOMAXPROCS(2)
	if newReadAhead(&aheadSource{}, nil) == nil {
		t.Error("no read-ahead with two processors")
	}
}
