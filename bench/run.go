package bench

import (
	"fmt"
	"runtime"
	"sort"
	"time"

	"github.com/conid/conid/engine"
	"github.com/conid/conid/graph"
	"github.com/conid/conid/packageid"
)

// Phase is one measured part of a run.
type Phase struct {
	Name    string  `json:"name"`
	Seconds float64 `json:"seconds"`
}

// Result is what one run measured.
type Result struct {
	Nodes    int     `json:"nodes"`    // graph nodes, the consumer included
	Recipes  int     `json:"recipes"`  // recipe instances evaluated
	Packages int     `json:"packages"` // nodes with a package ID
	Phases   []Phase `json:"phases"`
	Seconds  float64 `json:"seconds"` // wall time of the whole run
	// CPUSeconds is user+system time of the process during the run.
	CPUSeconds float64 `json:"cpu_seconds"`
	// PeakRSS is the process's peak resident set, in bytes (0 if unknown).
	PeakRSS uint64 `json:"peak_rss_bytes"`
	// HeapAlloc is the heap allocated and not yet freed after the run,
	// in bytes (runtime.MemStats.HeapAlloc). Batch commands collect
	// nothing until the heap nears half the memory, so below that it is
	// everything the run allocated, garbage included; what stays live is
	// what --memprofile's heap profile shows.
	HeapAlloc uint64 `json:"heap_alloc_bytes"`
	// Graph is the resolved graph, for callers that go on with it.
	Graph *graph.Graph `json:"-"`
}

// Run resolves p's target once, with timings, and reports the phases.
func Run(p engine.Params) (*Result, error) {
	t := &graph.Timings{}
	p.Timings = t
	cpu0 := cpuTime()
	start := time.Now()
	res, err := engine.Resolve(p)
	if err != nil {
		return nil, err
	}
	total := time.Since(start)
	r := &Result{Graph: res.Graph, Recipes: t.Recipes, Nodes: len(res.Graph.Nodes)}
	for _, n := range res.Graph.Nodes {
		if n.PackageID != "" && n.PackageID != packageid.Unknown && n.Recipe != graph.RecipeConsumer && n.Recipe != graph.RecipeVirtual {
			r.Packages++
		}
	}
	expand := total - t.Load - t.Configure - t.PackageIDs - t.Lookup
	r.Phases = []Phase{
		{"load and evaluate recipes", t.Load.Seconds()},
		{"expand graph", expand.Seconds()},
		{"options (config_options, configure)", t.Configure.Seconds()},
		{"package IDs and binaries", t.PackageIDs.Seconds()},
		{"binary lookup (cache, remotes)", t.Lookup.Seconds()},
	}
	r.Seconds = total.Seconds()
	r.CPUSeconds = (cpuTime() - cpu0).Seconds()
	r.PeakRSS = peakRSS()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r.HeapAlloc = ms.HeapAlloc
	return r, nil
}

// CPUTime is the process's user+system time so far.
func CPUTime() time.Duration { return cpuTime() }

// HumanBytes writes n bytes as MiB or GiB.
func HumanBytes(n uint64) string {
	if n >= 1<<30 {
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
}

// Median of xs (which it sorts); 0 for none.
func Median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sort.Float64s(xs)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return (xs[m-1] + xs[m]) / 2
}
