package graph

import "time"

// Timings accumulate where Resolve spends its time, for "conid bench".
// Phases interleave while the graph expands, so each is a sum of spans;
// whatever is not in one of them is expansion proper (requirements,
// ranges, closures, conflicts).
type Timings struct {
	// Load is reading, parsing and running recipe modules and creating
	// their instances.
	Load time.Duration
	// Configure is config_options(), option propagation and configure().
	Configure time.Duration
	// PackageIDs is package ID computation and binary status, less Lookup.
	PackageIDs time.Duration
	// Lookup is time spent asking remotes for binaries.
	Lookup time.Duration
	// Recipes counts recipe instances created.
	Recipes int
}

// span adds the time since start to *d; nil-safe for resolvers without
// timings.
func (t *Timings) span(d *time.Duration, start time.Time) {
	if t != nil {
		*d += time.Since(start)
	}
}

func (t *Timings) load() *time.Duration {
	if t == nil {
		return nil
	}
	return &t.Load
}

func (t *Timings) configure() *time.Duration {
	if t == nil {
		return nil
	}
	return &t.Configure
}

func (t *Timings) ids() *time.Duration {
	if t == nil {
		return nil
	}
	return &t.PackageIDs
}
