// Package remotetest helps test conid's client against a Conan remote
// ("conid serve"'s handler in-process): Faults wraps a handler to count
// requests and to fail on purpose.
package remotetest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Faults is an http.Handler around Next.
type Faults struct {
	Next http.Handler
	// Fail5xx answers this many requests with 503 before passing them on.
	Fail5xx atomic.Int32
	// CutFiles makes file downloads send half their bytes, then drop the
	// connection.
	CutFiles atomic.Bool
	// FileDelay holds each file download (until the client goes away).
	FileDelay atomic.Int64

	mu   sync.Mutex
	hits map[string]int
}

// Hits returns how many requests each path got (query removed).
func (f *Faults) Hits() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]int{}
	for k, v := range f.hits {
		out[k] = v
	}
	return out
}

func isFile(r *http.Request) bool {
	return r.Method == http.MethodGet && (strings.HasPrefix(r.URL.Path, "/v1/files/") || strings.Contains(r.URL.Path, "/files/"))
}

func (f *Faults) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	if f.hits == nil {
		f.hits = map[string]int{}
	}
	f.hits[r.URL.Path]++
	f.mu.Unlock()
	if f.Fail5xx.Load() > 0 && f.Fail5xx.Add(-1) >= 0 {
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	if !isFile(r) {
		f.Next.ServeHTTP(w, r)
		return
	}
	if d := time.Duration(f.FileDelay.Load()); d > 0 {
		select {
		case <-time.After(d):
		case <-r.Context().Done():
			return
		}
	}
	if !f.CutFiles.Load() {
		f.Next.ServeHTTP(w, r)
		return
	}
	rec := httptest.NewRecorder()
	f.Next.ServeHTTP(rec, r)
	body := rec.Body.Bytes()
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(body[:len(body)/2])
	if hj, ok := w.(http.Hijacker); ok {
		if conn, _, err := hj.Hijack(); err == nil {
			conn.Close()
		}
	}
}
