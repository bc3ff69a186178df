package graph

import (
	"runtime"
	"sync"

	"github.com/conid/conid/internal/growmap"
	"github.com/conid/conid/recipe"
	"github.com/conid/conid/recipe/python/syntax"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/recipe/version"
)

// A Prefetcher can locate, read and parse a recipe before it is asked
// for (see store.Store.Prefetch): a later Recipe call gets the work done,
// and the answer it would have given. Prefetch returns the parsed
// conanfile, or nil when it read nothing.
type Prefetcher interface {
	Prefetch(r ref.Ref) *syntax.Module
}

// readAhead reads recipes on a second goroutine while the resolver, on
// its own, expands the graph depth first: reading, hashing and parsing a
// conanfile is a quarter of the work, and needs nothing of the graph. The
// resolver pushes each node's requirements; every recipe read ahead adds
// the requirements it names in plain sight (recipe.LiteralRequires),
// ranges resolved as the resolver will resolve them barring overrides, so
// that the reading keeps ahead of the expansion. A guess that turns out
// wrong costs a read; it changes no answer, because a Prefetcher hands
// over only what its Recipe would return. Reads are taken from a stack,
// the requirements of the latest recipe first, which is about the order
// the expansion asks for them.
type readAhead struct {
	src Source
	pf  Prefetcher

	mu      sync.Mutex
	stack   []string            // references, as text
	queued  map[string]struct{} // each is read ahead once
	hint    func() int          // sizeHint of src (growmap)
	running bool
	closed  bool
	wg      sync.WaitGroup
}

// newReadAhead returns nil (which reads nothing ahead) when the source
// cannot, or when there is no second processor to read on.
func newReadAhead(src Source, hint func() int) *readAhead {
	pf, ok := src.(Prefetcher)
	if !ok || runtime.GOMAXPROCS(0) < 2 {
		return nil
	}
	return &readAhead{src: src, pf: pf, queued: map[string]struct{}{}, hint: hint}
}

// push queues references (as text) to read, the first to be read first.
func (a *readAhead) push(refs []string) {
	if a == nil || len(refs) == 0 {
		return
	}
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return
	}
	for i := len(refs) - 1; i >= 0; i-- {
		r := refs[i]
		if _, ok := a.queued[r]; !ok {
			a.queued = growmap.Grow(a.queued, a.hint)
			a.queued[r] = struct{}{}
			a.stack = append(a.stack, r)
		}
	}
	start := !a.running && len(a.stack) > 0
	if start {
		a.running = true
		a.wg.Add(1)
	}
	a.mu.Unlock()
	if start {
		go a.run()
	}
}

// pushRequires queues the references of requirements.
func (a *readAhead) pushRequires(reqs []*recipe.Requirement) {
	if a == nil {
		return
	}
	refs := make([]string, 0, len(reqs))
	for _, req := range reqs {
		if !req.Override {
			refs = append(refs, req.Ref.String())
		}
	}
	a.push(refs)
}

func (a *readAhead) run() {
	defer a.wg.Done()
	for {
		a.mu.Lock()
		if a.closed || len(a.stack) == 0 {
			a.running = false
			a.mu.Unlock()
			return
		}
		text := a.stack[len(a.stack)-1]
		a.stack = a.stack[:len(a.stack)-1]
		a.mu.Unlock()
		if r, err := ref.Parse(text); err == nil {
			a.read(r)
		}
	}
}

// read reads one reference ahead, resolving a range among the versions
// the source lists, and queues what its recipe requires.
func (a *readAhead) read(r ref.Ref) {
	req := recipe.Requirement{Ref: r, RangeRef: r}
	if expr, isRange := req.VersionRange(); isRange {
		cands, err := a.src.Search(r.Name, r.User, r.Channel)
		if err != nil || len(cands) == 0 {
			return
		}
		versions, byVersion := candidateVersions(cands)
		best, found, _, err := version.Satisfying(versions, expr)
		if err != nil || !found {
			return
		}
		r = byVersion[best]
	}
	if mod := a.pf.Prefetch(r); mod != nil {
		a.push(recipe.LiteralRequires(mod))
	}
}

// close stops reading ahead and waits for the read under way.
func (a *readAhead) close() {
	if a == nil {
		return
	}
	a.mu.Lock()
	a.closed = true
	a.stack = nil
	a.mu.Unlock()
	a.wg.Wait()
}
