package python

import (
	"fmt"
	"sync"
	"testing"
)

// TestFnmatchConcurrent calls Fnmatch from several goroutines with
// patterns it has not compiled yet, as explain does when it matches its
// queries against a graph's packages in parallel. Under -race (and often
// without it, as the runtime detects concurrent map writes) an unguarded
// pattern cache fails it.
func TestFnmatchConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for i := 0; i < 300; i++ {
				pat := fmt.Sprintf("p%03d*", i)
				name := fmt.Sprintf("p%03d-x", i)
				if !Fnmatch(name, pat) || Fnmatch("q"+name, pat) {
					t.Errorf("Fnmatch(%q, %q) is wrong", name, pat)
				}
			}
		})
	}
	wg.Wait()
}
