// Package remotetest is a small in-process Conan remote for conid's
// tests: it serves a conan_server storage folder
// (<name>/<version>/<user>/<channel>/<rrev>/export/..., .../package/<id>/<prev>/...)
// through the subset of the REST API v1 and v2 that conid's client uses,
// and can fail on purpose. It stands in for "conid serve" until that
// lands, and is no server for anything else.
package remotetest

import (
	"crypto/md5"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Server is an http.Handler.
type Server struct {
	Dir string
	// Users and passwords; a valid token is "token-" + user.
	Users map[string]string
	// Private: every request but ping and authenticate needs a token.
	Private bool
	// Revisions announces the "revisions" capability (API v2).
	Revisions bool
	// Fail5xx answers this many requests with 503 before serving.
	Fail5xx atomic.Int32
	// CutFiles makes file downloads send half their bytes, then drop
	// the connection.
	CutFiles atomic.Bool
	// FileDelay slows each file download.
	FileDelay time.Duration

	mu   sync.Mutex
	hits map[string]int
}

// Hits returns how many requests each path got (query removed).
func (s *Server) Hits() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.hits {
		out[k] = v
	}
	return out
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	if s.hits == nil {
		s.hits = map[string]int{}
	}
	s.hits[r.URL.Path]++
	s.mu.Unlock()
	if s.Fail5xx.Load() > 0 && s.Fail5xx.Add(-1) >= 0 {
		http.Error(w, "try again", http.StatusServiceUnavailable)
		return
	}
	p := r.URL.Path
	switch {
	case p == "/v1/ping":
		caps := "complex_search,checksum_deploy"
		if s.Revisions {
			caps += ",revisions"
		}
		w.Header().Set("X-Conan-Server-Capabilities", caps)
		return
	case p == "/v1/users/authenticate":
		u, pw, ok := r.BasicAuth()
		if !ok || s.Users[u] != pw || pw == "" {
			http.Error(w, "Wrong user or password", http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, "token-"+u)
		return
	}
	user := s.user(r)
	if s.Private && user == "" {
		http.Error(w, "authentication required", http.StatusUnauthorized)
		return
	}
	switch {
	case p == "/v1/users/check_credentials":
		if user == "" {
			http.Error(w, "not logged in", http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, user)
	case p == "/v1/conans/search":
		s.search(w, r.URL.Query().Get("q"))
	case strings.HasPrefix(p, "/v1/conans/"):
		s.v1(w, strings.Split(strings.TrimPrefix(p, "/v1/conans/"), "/"), "http://"+r.Host)
	case strings.HasPrefix(p, "/v1/files/"):
		s.file(w, r, filepath.Join(s.Dir, filepath.FromSlash(strings.TrimPrefix(p, "/v1/files/"))))
	case strings.HasPrefix(p, "/v2/conans/") && s.Revisions:
		s.v2(w, r, strings.Split(strings.TrimPrefix(p, "/v2/conans/"), "/"))
	default:
		http.NotFound(w, r)
	}
}

func (s *Server) user(r *http.Request) string {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		return ""
	}
	u, ok := strings.CutPrefix(tok, "token-")
	if _, known := s.Users[u]; !ok || !known {
		return ""
	}
	return u
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func (s *Server) search(w http.ResponseWriter, q string) {
	results := []string{}
	names, _ := os.ReadDir(s.Dir)
	for _, n := range names {
		vs, _ := os.ReadDir(filepath.Join(s.Dir, n.Name()))
		for _, v := range vs {
			us, _ := os.ReadDir(filepath.Join(s.Dir, n.Name(), v.Name()))
			for _, u := range us {
				cs, _ := os.ReadDir(filepath.Join(s.Dir, n.Name(), v.Name(), u.Name()))
				for _, c := range cs {
					ref := n.Name() + "/" + v.Name()
					if u.Name() != "_" {
						ref += "@" + u.Name() + "/" + c.Name()
					}
					if ok, _ := path.Match(q, ref); ok || q == "" {
						results = append(results, ref)
					}
				}
			}
		}
	}
	sort.Strings(results)
	writeJSON(w, map[string]any{"results": results})
}

// latest is the last revision of a revisions.txt.
func latest(dir string) (string, bool) {
	b, err := os.ReadFile(filepath.Join(dir, "revisions.txt"))
	if err != nil {
		return "", false
	}
	var doc struct {
		Revisions []struct {
			Revision string `json:"revision"`
		} `json:"revisions"`
	}
	if json.Unmarshal(b, &doc) != nil || len(doc.Revisions) == 0 {
		return "", false
	}
	return doc.Revisions[len(doc.Revisions)-1].Revision, true
}

func files(dir string) map[string]string {
	out := map[string]string{}
	des, _ := os.ReadDir(dir)
	for _, d := range des {
		if d.Type().IsRegular() {
			out[d.Name()] = filepath.Join(dir, d.Name())
		}
	}
	return out
}

func (s *Server) packages(w http.ResponseWriter, pkgDir string) {
	out := map[string]any{}
	des, _ := os.ReadDir(pkgDir)
	for _, d := range des {
		if _, ok := latest(filepath.Join(pkgDir, d.Name())); ok {
			out[d.Name()] = map[string]any{"settings": map[string]string{}, "options": map[string]string{}, "full_requires": []string{}, "recipe_hash": ""}
		}
	}
	writeJSON(w, out)
}

// v1 serves /v1/conans/<name>/<version>/<user>/<channel>/...
func (s *Server) v1(w http.ResponseWriter, parts []string, host string) {
	if len(parts) < 4 {
		http.NotFound(w, nil)
		return
	}
	refDir := filepath.Join(s.Dir, parts[0], parts[1], parts[2], parts[3])
	rrev, ok := latest(refDir)
	if !ok {
		http.Error(w, "Recipe not found", http.StatusNotFound)
		return
	}
	rest := parts[4:]
	revDir := filepath.Join(refDir, rrev)
	var dir, rel string
	switch {
	case len(rest) == 1 && rest[0] == "search":
		s.packages(w, filepath.Join(revDir, "package"))
		return
	case len(rest) == 0 || (len(rest) == 1 && rest[0] == "download_urls"):
		dir, rel = filepath.Join(revDir, "export"), path.Join(strings.Join(parts[:4], "/"), rrev, "export")
	case len(rest) >= 2 && rest[0] == "packages" && (len(rest) == 2 || (len(rest) == 3 && rest[2] == "download_urls")):
		pdir := filepath.Join(revDir, "package", rest[1])
		prev, ok := latest(pdir)
		if !ok {
			http.Error(w, "Package not found", http.StatusNotFound)
			return
		}
		dir, rel = filepath.Join(pdir, prev), path.Join(strings.Join(parts[:4], "/"), rrev, "package", rest[1], prev)
	default:
		http.NotFound(w, nil)
		return
	}
	urls := len(rest) > 0 && rest[len(rest)-1] == "download_urls"
	out := map[string]string{}
	for name, p := range files(dir) {
		if urls {
			out[name] = host + "/v1/files/" + rel + "/" + name + "?signature=" + fmt.Sprint(time.Now().UnixNano())
		} else {
			out[name] = md5File(p)
		}
	}
	writeJSON(w, out)
}

// v2 serves /v2/conans/<name>/<version>/<user>/<channel>/...
func (s *Server) v2(w http.ResponseWriter, r *http.Request, parts []string) {
	if len(parts) < 5 {
		http.NotFound(w, nil)
		return
	}
	refDir := filepath.Join(s.Dir, parts[0], parts[1], parts[2], parts[3])
	rest := parts[4:]
	if len(rest) == 1 && rest[0] == "latest" {
		rev, ok := latest(refDir)
		if !ok {
			http.Error(w, "Recipe not found", http.StatusNotFound)
			return
		}
		writeJSON(w, map[string]string{"revision": rev, "time": "2026-01-01T00:00:00Z"})
		return
	}
	if rest[0] != "revisions" || len(rest) < 3 {
		http.NotFound(w, nil)
		return
	}
	revDir := filepath.Join(refDir, rest[1])
	rest = rest[2:]
	switch {
	case len(rest) == 1 && rest[0] == "search":
		s.packages(w, filepath.Join(revDir, "package"))
	case rest[0] == "files":
		s.listOrFile(w, r, filepath.Join(revDir, "export"), rest[1:])
	case rest[0] == "packages" && len(rest) == 3 && rest[2] == "latest":
		prev, ok := latest(filepath.Join(revDir, "package", rest[1]))
		if !ok {
			http.Error(w, "Package not found", http.StatusNotFound)
			return
		}
		writeJSON(w, map[string]string{"revision": prev, "time": "2026-01-01T00:00:00Z"})
	case rest[0] == "packages" && len(rest) >= 5 && rest[2] == "revisions" && rest[4] == "files":
		s.listOrFile(w, r, filepath.Join(revDir, "package", rest[1], rest[3]), rest[5:])
	default:
		http.NotFound(w, nil)
	}
}

func (s *Server) listOrFile(w http.ResponseWriter, r *http.Request, dir string, rest []string) {
	if len(rest) == 0 {
		fs := files(dir)
		if len(fs) == 0 {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		out := map[string]any{}
		for name := range fs {
			out[name] = map[string]any{}
		}
		writeJSON(w, map[string]any{"files": out})
		return
	}
	s.file(w, r, filepath.Join(dir, rest[0]))
}

func (s *Server) file(w http.ResponseWriter, r *http.Request, p string) {
	if !strings.HasPrefix(p, filepath.Clean(s.Dir)+string(filepath.Separator)) {
		http.NotFound(w, nil)
		return
	}
	b, err := os.ReadFile(p)
	if err != nil {
		http.Error(w, "file not found", http.StatusNotFound)
		return
	}
	if s.FileDelay > 0 {
		select {
		case <-time.After(s.FileDelay):
		case <-r.Context().Done():
			return
		}
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	if s.CutFiles.Load() {
		w.Write(b[:len(b)/2])
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
			}
		}
		return
	}
	w.Write(b)
}

func md5File(p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%x", md5.Sum(b))
}
