package store

import (
	"sync"

	"github.com/conid/conid/internal/fsread"
	"github.com/conid/conid/internal/growmap"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/python/syntax"
	"github.com/conid/conid/recipe/ref"
)

// ahead is a recipe that Prefetch located and read before Recipe was
// asked for it. Prefetch holds mu until loc is final; ok says that there
// is something to hand over (a recipe found, with its text).
type ahead struct {
	mu  sync.Mutex
	loc recipe.Location
	ok  bool
}

// asked marks, in Store.ahead, a reference Recipe was asked about:
// Prefetch leaves it alone from then on.
var asked = &ahead{}

// Prefetch locates and reads the recipe of r in the calling goroutine, so
// that a later Recipe(r), typically the graph resolver's on another
// goroutine, finds the work done: its revision, conanfile.py parsed and
// conandata.yml read. A Recipe or Listed call that comes while it runs
// waits for it rather than read the same files twice. It does nothing for
// a reference Recipe was already asked about, and hands over nothing when
// the recipe is not there or cannot be read: Recipe then looks again and
// reports what it finds, so a read ahead never changes an answer.
//
// It returns the parsed conanfile, or nil when it read nothing.
func (s *Store) Prefetch(r ref.Ref) *syntax.Module {
	r = r.NoRevision()
	s.aheadMu.Lock()
	if _, seen := s.ahead[r]; seen {
		s.aheadMu.Unlock()
		return nil
	}
	if s.ahead == nil {
		s.ahead = map[ref.Ref]*ahead{}
	}
	a := &ahead{}
	a.mu.Lock()
	if growmap.Due(len(s.ahead)) {
		s.ahead = growmap.Grow(s.ahead, s.SizeHint)
	}
	s.ahead[r] = a
	s.aheadMu.Unlock()

	loc, err := s.locate(r)
	if err == nil {
		a.ok = completeFiles(&loc)
		a.loc = loc
	}
	ok := a.ok
	a.mu.Unlock()
	if !ok {
		s.aheadMu.Lock()
		if s.ahead[r] == a {
			delete(s.ahead, r)
		}
		s.aheadMu.Unlock()
		return nil
	}
	return loc.Files.Module
}

// completeFiles completes what a location carries of its recipe's files with
// what the loader would read and parse next: conanfile.py where the
// layout did not read it (a Conan cache), conandata.yml, and the parsed
// module. It reports false when the conanfile cannot be read or parsed;
// the loader then reports that.
func completeFiles(loc *recipe.Location) bool {
	f := &loc.Files
	if f.Conanfile == nil {
		src, err := fsread.ReadFile(loc.Path)
		if err != nil {
			return false
		}
		if src == nil {
			src = []byte{}
		}
		f.Conanfile = src
		f.ConanData, f.ConanDataRead = readConanData(loc.Path)
	}
	if f.Module == nil || f.Module.Filename != loc.Path {
		mod, err := syntax.Parse(loc.Path, f.Conanfile)
		if err != nil {
			return false
		}
		f.Module = mod
	}
	return true
}

// takeAhead returns what Prefetch read of r, waiting for it if it is under
// way, and marks r as asked for.
func (s *Store) takeAhead(r ref.Ref) (recipe.Location, bool) {
	s.aheadMu.Lock()
	a := s.ahead[r]
	if s.ahead == nil {
		s.ahead = map[ref.Ref]*ahead{}
	}
	if growmap.Due(len(s.ahead)) {
		s.ahead = growmap.Grow(s.ahead, s.SizeHint)
	}
	s.ahead[r] = asked
	s.aheadMu.Unlock()
	if a == nil || a == asked {
		return recipe.Location{}, false
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.loc, a.ok
}

// waitAhead waits for a Prefetch of r under way, if any.
func (s *Store) waitAhead(r ref.Ref) {
	s.aheadMu.Lock()
	a := s.ahead[r]
	s.aheadMu.Unlock()
	if a != nil && a != asked {
		a.mu.Lock()
		a.mu.Unlock() // only to wait for Prefetch to finish
	}
}
