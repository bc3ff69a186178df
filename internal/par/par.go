// Package par runs the iterations of a loop on every processor.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines ForEach(n, chunk, f) runs f on: at most
// GOMAXPROCS, and no more than there are chunks.
func Workers(n, chunk int) int {
	return max(1, min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk))
}

// ForEach calls f(w, i) once for each i in [0, n), on Workers(n, chunk)
// goroutines, each taking the next chunk indexes in turn; w numbers the
// goroutine (0 <= w < Workers), so that f can keep per-goroutine state.
// With one worker it runs on the calling goroutine. It returns when every
// call has.
func ForEach(n, chunk int, f func(w, i int)) {
	workers := Workers(n, chunk)
	if workers == 1 {
		for i := range n {
			f(0, i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				lo := int(next.Add(int64(chunk))) - chunk
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+chunk, n); i++ {
					f(w, i)
				}
			}
		})
	}
	wg.Wait()
}
