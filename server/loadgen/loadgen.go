// Package loadgen measures a Conan remote under load: package lookups
// per second and latency percentiles at a number of connections, for
// any server that speaks the protocol (conid serve, conan_server).
package loadgen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
)

// Lookup kinds.
const (
	// KindLatest is what a Conan 2 (or Conan 1 with revisions) install
	// asks to find a binary: GET .../revisions/{rrev}/packages/{id}/latest.
	KindLatest = "latest"
	// KindSearch is a package search of a recipe revision, the list of
	// binaries with their conaninfo.txt (conan search REF -r, conan list).
	KindSearch = "search"
)

// Options of a run.
type Options struct {
	BaseURL  string // the remote's URL, e.g. http://127.0.0.1:9300
	Ref      ref.Ref
	Kind     string
	Conns    int
	Duration time.Duration
}

// Result of a run.
type Result struct {
	Kind           string
	Conns          int
	Requests       int
	Errors         int
	Elapsed        time.Duration
	PerSecond      float64
	P50, P99, Max  time.Duration
	Targets        int // distinct URLs cycled through
	FirstErrorText string
}

func getJSON(ctx context.Context, c *http.Client, url string, v any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return fmt.Errorf("GET %s: %s: %s", url, resp.Status, strings.TrimSpace(string(b)))
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// Targets finds the URLs a run cycles through: the latest recipe
// revision of o.Ref and, for KindLatest, each of its packages.
func Targets(ctx context.Context, c *http.Client, o Options) ([]string, error) {
	base := strings.TrimSuffix(o.BaseURL, "/") + protocol.V2
	var latest protocol.Revision
	if err := getJSON(ctx, c, base+protocol.RecipeLatestPath(o.Ref), &latest); err != nil {
		return nil, err
	}
	r := o.Ref
	r.Revision = latest.Revision
	search := base + protocol.PackageSearchPath(r)
	if o.Kind == KindSearch {
		return []string{search}, nil
	}
	var pkgs protocol.PackageSearch
	if err := getJSON(ctx, c, search, &pkgs); err != nil {
		return nil, err
	}
	var out []string
	for id := range pkgs {
		out = append(out, base+protocol.PackageLatestPath(ref.PackageRef{Ref: r, PackageID: id}))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s has no packages to look up", r.Full())
	}
	sort.Strings(out)
	return out, nil
}

// Run loads the remote with o.Conns connections for o.Duration.
func Run(ctx context.Context, o Options) (Result, error) {
	if o.Conns <= 0 || o.Duration <= 0 {
		return Result{}, errors.New("loadgen: connections and duration must be positive")
	}
	tr := &http.Transport{MaxIdleConns: o.Conns, MaxIdleConnsPerHost: o.Conns, MaxConnsPerHost: o.Conns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	targets, err := Targets(ctx, c, o)
	if err != nil {
		return Result{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, o.Duration)
	defer cancel()
	var (
		mu       sync.Mutex
		lat      []time.Duration
		errs     int
		firstErr string
		wg       sync.WaitGroup
	)
	start := time.Now()
	reqs := make([][]byte, len(targets))
	var addr string
	for i, t := range targets {
		u, err := url.Parse(t)
		if err != nil {
			return Result{}, err
		}
		reqs[i], addr = requestBytes(u), u.Host
	}
	deadline, _ := ctx.Deadline()
	for w := 0; w < o.Conns; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rc := newRawConn(addr)
			defer rc.close()
			var mine []time.Duration
			var bad int
			var first string
			for i := w; ctx.Err() == nil; i++ {
				t0 := time.Now()
				code, err := rc.get(reqs[i%len(reqs)], deadline)
				if err == nil && code != http.StatusOK {
					err = fmt.Errorf("status %d", code)
				}
				if ctx.Err() != nil || time.Now().After(deadline) {
					break // the deadline cut this request
				}
				if err != nil {
					bad++
					if first == "" {
						first = err.Error()
					}
					continue
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			if firstErr == "" {
				firstErr = first
			}
			mu.Unlock()
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	res := Result{Kind: o.Kind, Conns: o.Conns, Requests: len(lat), Errors: errs, Elapsed: elapsed,
		Targets: len(targets), FirstErrorText: firstErr}
	if len(lat) > 0 {
		res.PerSecond = float64(len(lat)) / elapsed.Seconds()
		res.P50 = lat[len(lat)*50/100]
		res.P99 = lat[min(len(lat)-1, len(lat)*99/100)]
		res.Max = lat[len(lat)-1]
	}
	return res, nil
}
