package bench

import (
	"os"
	"runtime"
	"runtime/pprof"
	"testing"
)

// TestHeapProfile writes the live heap after resolving a generated tree,
// holding the graph: CONID_HEAPPROF=FILE go test -run HeapProfile ./bench
func TestHeapProfile(t *testing.T) {
	out := os.Getenv("CONID_HEAPPROF")
	if out == "" {
		t.Skip("set CONID_HEAPPROF=FILE to write a heap profile")
	}
	tree := genTree(t, 1000)
	res, err := Run(params(t, tree))
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		t.Fatal(err)
	}
	runtime.KeepAlive(res)
}
