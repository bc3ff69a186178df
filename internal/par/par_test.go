package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// Every index is visited once, by a worker numbered below Workers, with
// one processor and with several.
func TestForEach(t *testing.T) {
	for _, procs := range []int{1, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 7, 64, 1000} {
			for _, chunk := range []int{1, 8, 64} {
				seen := make([]atomic.Int32, n)
				workers := Workers(n, chunk)
				var bad atomic.Bool
				ForEach(n, chunk, func(w, i int) {
					if w < 0 || w >= workers {
						bad.Store(true)
					}
					seen[i].Add(1)
				})
				if bad.Load() {
					t.Errorf("procs %d n %d chunk %d: a worker number outside [0, %d)", procs, n, chunk, workers)
				}
				for i := range seen {
					if c := seen[i].Load(); c != 1 {
						t.Errorf("procs %d n %d chunk %d: index %d visited %d times", procs, n, chunk, i, c)
					}
				}
				if want := min(procs, (n+chunk-1)/chunk); workers != max(1, want) {
					t.Errorf("procs %d n %d chunk %d: %d workers, want %d", procs, n, chunk, workers, max(1, want))
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}
