// Package server is conid's Conan remote: an http.Handler that speaks
// conan_server's REST API v1 and v2 (see package protocol) over the data
// folder layout of package storage, configured by conan_server's
// server.conf. The same handler serves in-process (httptest) and as the
// "conid serve" process.
package server

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/server/storage"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Capabilities announced by every ping.
var Capabilities = []string{protocol.CapComplexSearch, protocol.CapRevisions}

// maxJSONBody bounds the JSON bodies of v1 requests.
const maxJSONBody = 1 << 20

// Options builds a Server.
type Options struct {
	Config *Config
	// Store overrides the disk store of Config.StoragePath.
	Store *storage.Store
	// Authenticator and Authorizer override the configured ones.
	Authenticator Authenticator
	Authorizer    Authorizer
	Log           *slog.Logger
	// Now is the clock of tokens; time.Now when nil.
	Now func() time.Time
}

// Server is the handler of a Conan remote.
type Server struct {
	cfg     *Config
	store   *storage.Store
	authn   Authenticator
	authz   Authorizer
	tokens  *Tokens
	log     *slog.Logger
	metrics *metrics
	public  string // base of v1 transfer URLs
}

// New builds a Server from its options.
func New(o Options) (*Server, error) {
	if o.Config == nil {
		return nil, errors.New("server: no configuration")
	}
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{cfg: o.Config, store: o.Store, authn: o.Authenticator, authz: o.Authorizer, log: log}
	var err error
	if s.store == nil {
		d, err := storage.NewDisk(o.Config.StoragePath)
		if err != nil {
			return nil, fmt.Errorf("storage %s: %w", o.Config.StoragePath, err)
		}
		if s.store, err = storage.Open(d, log); err != nil {
			return nil, fmt.Errorf("storage %s: %w", o.Config.StoragePath, err)
		}
	}
	if s.authn == nil {
		if s.authn, err = NewAuthenticator(o.Config); err != nil {
			return nil, err
		}
	}
	if s.authz == nil {
		if s.authz, err = NewAuthorizer(o.Config); err != nil {
			return nil, err
		}
	}
	s.tokens = &Tokens{
		JWTSecret: []byte(o.Config.JWTSecret), UpdownSecret: []byte(o.Config.UpdownSecret),
		JWTExpire: o.Config.JWTExpire, UpdownExpire: o.Config.AuthorizeTimeout, Now: o.Now,
	}
	s.public = o.Config.PublicURL()
	s.metrics = newMetrics(func() float64 { return float64(len(s.store.Recipes())) })
	return s, nil
}

// Store returns the server's store.
func (s *Server) Store() *storage.Store { return s.store }

// Tokens returns the server's token issuer.
func (s *Server) Tokens() *Tokens { return s.tokens }

// statusWriter records the status of a response.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// request is what a route handler gets.
type request struct {
	*http.Request
	rt   route
	user string
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.metrics.inflight.Inc()
	sw := &statusWriter{ResponseWriter: w}
	rt, err := parseRoute(r.URL.Path)
	kind := rt.Kind
	if err != nil {
		kind = "invalid"
	}
	var user string
	defer func() {
		s.metrics.inflight.Dec()
		if p := recover(); p != nil {
			s.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p))
			if sw.code == 0 {
				http.Error(sw, "internal server error", http.StatusInternalServerError)
			}
		}
		code := sw.code
		if code == 0 {
			code = http.StatusOK
		}
		d := time.Since(start)
		s.metrics.requests.WithLabelValues(strconv.Itoa(rt.API), kind, r.Method, strconv.Itoa(code)).Inc()
		s.metrics.duration.WithLabelValues(kind).Observe(d.Seconds())
		level := slog.LevelDebug
		if code >= 500 {
			level = slog.LevelError
		} else if r.Method != http.MethodGet && r.Method != http.MethodHead {
			level = slog.LevelInfo
		}
		if s.log.Enabled(r.Context(), level) {
			s.log.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "route", kind,
				"status", code, "user", user, "duration_ms", float64(d.Microseconds())/1000)
		}
	}()
	if err != nil {
		s.fail(sw, err)
		return
	}
	switch rt.Kind {
	case kMetrics:
		promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}).ServeHTTP(sw, r)
		return
	case kHealth:
		if _, err := s.store.Driver().Children(""); err != nil {
			http.Error(sw, "storage unavailable: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		sw.Header().Set("Content-Type", "text/plain")
		io.WriteString(sw, "ok\n")
		return
	case kPing:
		sw.Header().Set(protocol.HeaderCapabilities, strings.Join(Capabilities, ","))
		return
	case kAuthenticate:
		s.authenticate(sw, r)
		return
	case kTransfer:
		s.fail(sw, s.transfer(sw, r, rt))
		return
	}
	user, err = s.user(r)
	if err != nil {
		s.fail(sw, err)
		return
	}
	req := &request{Request: r, rt: rt, user: user}
	s.fail(sw, s.dispatch(sw, req))
}

// user reads the bearer token of a request; "" when there is none.
func (s *Server) user(r *http.Request) (string, error) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", nil
	}
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok {
		return "", &badRequest{401, "'Http Authentication not implemented'"}
	}
	u, err := s.tokens.User(strings.TrimSpace(tok))
	if err != nil {
		return "", &badRequest{401, "Wrong JWT token! (" + err.Error() + ")"}
	}
	return u, nil
}

func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) {
	h := r.Header.Get("Authorization")
	enc, ok := strings.CutPrefix(h, "Basic ")
	if !ok {
		w.Header().Set("WWW-Authenticate", `Basic realm="Login Required"`)
		http.Error(w, "'Http Authentication not implemented'", http.StatusUnauthorized)
		return
	}
	raw, err := base64.StdEncoding.DecodeString(strings.TrimSpace(enc))
	user, pass, ok := strings.Cut(string(raw), ":")
	if err != nil || !ok {
		http.Error(w, "malformed basic authorization header", http.StatusBadRequest)
		return
	}
	valid, err := s.authn.Valid(r.Context(), user, pass)
	if err != nil {
		s.log.Error("authenticator failed", "user", user, "err", err)
		http.Error(w, "authentication failed: internal error", http.StatusInternalServerError)
		return
	}
	if !valid {
		s.log.Info("wrong user or password", "user", user, "remote", r.RemoteAddr)
		http.Error(w, "Wrong user or password", http.StatusUnauthorized)
		return
	}
	tok, err := s.tokens.UserToken(user)
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "text/plain")
	io.WriteString(w, tok)
}

// fail writes err as a plain-text error with its status.
func (s *Server) fail(w http.ResponseWriter, err error) {
	if err == nil {
		return
	}
	code, msg := http.StatusInternalServerError, err.Error()
	var br *badRequest
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &br):
		code = br.Code
	case errors.As(err, &mbe):
		code, msg = http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mbe.Limit)
	case errors.Is(err, ErrUnauthenticated):
		code = http.StatusUnauthorized
	case errors.Is(err, ErrForbidden):
		code = http.StatusForbidden
	case errors.Is(err, storage.ErrNotExist):
		code = http.StatusNotFound
	case errors.Is(err, storage.ErrBadKey), errors.Is(err, storage.ErrChecksum), errors.Is(err, storage.ErrSize):
		code = http.StatusBadRequest
	case errors.Is(err, ref.ErrInvalid):
		code = http.StatusBadRequest
	case errors.Is(err, io.ErrUnexpectedEOF):
		code, msg = http.StatusBadRequest, "request body ended before its Content-Length"
	}
	if code == http.StatusInternalServerError {
		s.log.Error("internal error", "err", err)
		msg = "internal server error"
	}
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	io.WriteString(w, msg)
}

func writeJSON(w http.ResponseWriter, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return writeBody(w, "application/json", b)
}

func writeBody(w http.ResponseWriter, contentType string, b []byte) error {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(b)))
	_, err := w.Write(b)
	return err
}

func readJSON(r *http.Request, w http.ResponseWriter, v any) error {
	body := http.MaxBytesReader(w, r.Body, maxJSONBody)
	if err := json.NewDecoder(body).Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return &badRequest{400, "invalid JSON body: " + err.Error()}
	}
	return nil
}

func methodNotAllowed(r *http.Request) error {
	return &badRequest{405, fmt.Sprintf("method %s not allowed on %s", r.Method, r.URL.Path)}
}

func (s *Server) canRead(r *request, x ref.Ref) error {
	return s.authz.CanRead(r.Context(), r.user, x.NoRevision())
}

func (s *Server) canWrite(r *request, x ref.Ref) error {
	return s.authz.CanWrite(r.Context(), r.user, x.NoRevision())
}

func (s *Server) dispatch(w http.ResponseWriter, r *request) error {
	rt := r.rt
	get := r.Method == http.MethodGet || r.Method == http.MethodHead
	switch {
	case rt.Kind == kCheckCredentials && get:
		if r.user == "" {
			return &badRequest{401, "Logged user needed!"}
		}
		w.Header().Set("Content-Type", "text/plain")
		_, err := io.WriteString(w, r.user)
		return err
	case rt.Kind == kSearch && get:
		return s.search(w, r)
	case rt.Kind == kPackageSearch && get:
		return s.packageSearch(w, r)
	case rt.Kind == kRecipe && r.Method == http.MethodDelete,
		rt.Kind == kRecipeRevision && r.Method == http.MethodDelete:
		if err := s.canWrite(r, rt.Ref); err != nil {
			return err
		}
		return s.store.DeleteRecipe(rt.Ref)
	case rt.Kind == kPackages && r.Method == http.MethodDelete:
		if err := s.canWrite(r, rt.Ref); err != nil {
			return err
		}
		return s.store.DeleteAllPackages(rt.Ref)
	case (rt.Kind == kPackage && rt.API == 2 || rt.Kind == kPackageRevision) && r.Method == http.MethodDelete:
		if err := s.canWrite(r, rt.Ref); err != nil {
			return err
		}
		return s.store.DeletePackage(ref.PackageRef{Ref: rt.Ref, PackageID: rt.PackageID, Revision: rt.PRev})
	}
	if rt.API == 1 {
		return s.dispatchV1(w, r)
	}
	return s.dispatchV2(w, r)
}

func (s *Server) search(w http.ResponseWriter, r *request) error {
	q := r.URL.Query()
	pattern := q.Get("q")
	ignoreCase := !strings.EqualFold(q.Get("ignorecase"), "false")
	var re *regexp.Regexp
	if pattern != "" {
		var err error
		if re, err = globRegexp(pattern, ignoreCase); err != nil {
			return &badRequest{400, fmt.Sprintf("invalid search pattern %q: %v", pattern, err)}
		}
	}
	res := protocol.SearchResult{Results: []string{}}
	for _, x := range s.store.Recipes() {
		if re != nil && !partialMatch(re, x) {
			continue
		}
		if s.canRead(r, x) != nil {
			continue
		}
		res.Results = append(res.Results, x.String())
	}
	return writeJSON(w, res)
}

func (s *Server) packageSearch(w http.ResponseWriter, r *request) error {
	x := r.rt.Ref
	if err := s.canRead(r, x); err != nil {
		return err
	}
	revs, err := s.store.RecipeRevisions(x)
	if err != nil {
		return err
	}
	if x.Revision != "" || r.rt.API == 2 || len(revs) == 1 {
		if x.Revision == "" {
			x.Revision = revs[0].Revision // the latest
		}
		b, err := s.store.PackagesJSON(x)
		if err != nil {
			return err
		}
		return writeBody(w, "application/json", b)
	}
	res := protocol.PackageSearch{}
	for _, rev := range revs {
		x.Revision = rev.Revision
		pkgs, err := s.store.Packages(x)
		if err != nil {
			return err
		}
		for id, info := range pkgs {
			if _, seen := res[id]; !seen {
				res[id] = info
			}
		}
	}
	return writeJSON(w, res)
}

func fileList(files []string) protocol.FileList {
	out := protocol.FileList{Files: make(map[string]struct{}, len(files))}
	for _, f := range files {
		out.Files[f] = struct{}{}
	}
	return out
}

func (s *Server) dispatchV2(w http.ResponseWriter, r *request) error {
	rt := r.rt
	p := ref.PackageRef{Ref: rt.Ref, PackageID: rt.PackageID, Revision: rt.PRev}
	get := r.Method == http.MethodGet || r.Method == http.MethodHead
	put := r.Method == http.MethodPut
	if !get && !(put && (rt.Kind == kRecipeFile || rt.Kind == kPackageFile)) {
		return methodNotAllowed(r.Request)
	}
	if put {
		if err := s.canWrite(r, rt.Ref); err != nil {
			return err
		}
		if r.Header.Get(protocol.HeaderChecksumDeploy) != "" {
			return &badRequest{404, "Non checksum storage"}
		}
		if rt.Kind == kRecipeFile {
			return s.upload(r, func(body io.Reader, size int64, sum string) error {
				return s.store.PutRecipeFile(rt.Ref, rt.File, body, size, sum)
			})
		}
		return s.upload(r, func(body io.Reader, size int64, sum string) error {
			return s.store.PutPackageFile(p, rt.File, body, size, sum)
		})
	}
	if err := s.canRead(r, rt.Ref); err != nil {
		return err
	}
	switch rt.Kind {
	case kRecipeLatest:
		rev, err := s.store.LatestRecipe(rt.Ref)
		if err != nil {
			return err
		}
		return writeJSON(w, rev)
	case kRecipeRevisions:
		revs, err := s.store.RecipeRevisions(rt.Ref)
		if err != nil {
			return err
		}
		return writeJSON(w, protocol.RevisionList{Revisions: revs})
	case kPackageLatest:
		rev, err := s.store.LatestPackage(p)
		if err != nil {
			return err
		}
		return writeJSON(w, rev)
	case kPackageRevisions:
		revs, err := s.store.PackageRevisions(p)
		if err != nil {
			return err
		}
		return writeJSON(w, protocol.RevisionList{Revisions: revs})
	case kRecipeFiles:
		files, err := s.store.RecipeFiles(rt.Ref)
		if err != nil {
			return err
		}
		return writeJSON(w, fileList(files))
	case kPackageFiles:
		files, err := s.store.PackageFiles(p)
		if err != nil {
			return err
		}
		return writeJSON(w, fileList(files))
	case kRecipeFile:
		obj, err := s.store.OpenRecipeFile(rt.Ref, rt.File)
		if err != nil {
			return err
		}
		serveObject(w, r.Request, rt.File, obj)
		return nil
	case kPackageFile:
		obj, err := s.store.OpenPackageFile(p, rt.File)
		if err != nil {
			return err
		}
		serveObject(w, r.Request, rt.File, obj)
		return nil
	}
	return methodNotAllowed(r.Request)
}

var sha1RE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9a-fA-F]{40}$`) })

// upload stores a request body with put, bounded by max_upload_size and
// checked against Content-Length and X-Checksum-Sha1.
func (s *Server) upload(r *request, put func(io.Reader, int64, string) error) error {
	if r.ContentLength > s.cfg.MaxUploadSize {
		s.metrics.uploadFail.WithLabelValues("too_large").Inc()
		return &badRequest{413, fmt.Sprintf("file of %d bytes is larger than max_upload_size %d", r.ContentLength, s.cfg.MaxUploadSize)}
	}
	sum := r.Header.Get(protocol.HeaderChecksumSha1)
	if sum != "" && !sha1RE().MatchString(sum) {
		s.metrics.uploadFail.WithLabelValues("bad_checksum").Inc()
		return &badRequest{400, fmt.Sprintf("invalid %s header %q", protocol.HeaderChecksumSha1, sum)}
	}
	body := &countingReader{r: http.MaxBytesReader(nil, r.Body, s.cfg.MaxUploadSize)}
	err := put(body, r.ContentLength, sum)
	if err != nil {
		reason := "error"
		switch {
		case errors.Is(err, storage.ErrChecksum):
			reason = "checksum"
		case errors.Is(err, storage.ErrSize):
			reason = "size"
		case errors.Is(err, storage.ErrNotExist):
			reason = "not_found"
		case errors.Is(err, io.ErrUnexpectedEOF):
			reason = "truncated"
		}
		s.metrics.uploadFail.WithLabelValues(reason).Inc()
		return err
	}
	s.metrics.uploadBytes.Add(float64(body.n))
	return nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func serveObject(w http.ResponseWriter, r *http.Request, name string, obj storage.Object) {
	defer obj.Close()
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	http.ServeContent(w, r, "", obj.Info().ModTime, obj)
}

// ---- API v1 ----

func (s *Server) dispatchV1(w http.ResponseWriter, r *request) error {
	rt := r.rt
	get := r.Method == http.MethodGet || r.Method == http.MethodHead
	post := r.Method == http.MethodPost
	switch {
	case get && (rt.Kind == kRecipe || rt.Kind == kRecipeDigest || rt.Kind == kRecipeDownload):
		if err := s.canRead(r, rt.Ref); err != nil {
			return err
		}
		latest, err := s.store.LatestRecipe(rt.Ref)
		if err != nil {
			return err
		}
		x := rt.Ref
		x.Revision = latest.Revision
		files, err := s.store.RecipeFiles(x)
		if err != nil {
			return err
		}
		return s.v1Files(w, r, storage.ExportKey(x), files)
	case get && (rt.Kind == kPackage || rt.Kind == kPackageDigest || rt.Kind == kPackageDownload):
		if err := s.canRead(r, rt.Ref); err != nil {
			return err
		}
		latest, err := s.store.LatestRecipe(rt.Ref)
		if err != nil {
			return err
		}
		p := ref.PackageRef{Ref: rt.Ref, PackageID: rt.PackageID}
		p.Ref.Revision = latest.Revision
		prev, err := s.store.LatestPackage(p)
		if err != nil {
			return err
		}
		p.Revision = prev.Revision
		files, err := s.store.PackageFiles(p)
		if err != nil {
			return err
		}
		return s.v1Files(w, r, storage.PackageKey(p), files)
	case post && (rt.Kind == kRecipeUpload || rt.Kind == kPackageUpload):
		if err := s.canWrite(r, rt.Ref); err != nil {
			return err
		}
		var sizes protocol.FileSizes
		if err := readJSON(r.Request, w, &sizes); err != nil {
			return err
		}
		var key string
		if rt.Kind == kRecipeUpload {
			x := rt.Ref
			x.Revision = protocol.DefaultRevision
			key = storage.ExportKey(x)
		} else {
			latest, err := s.store.LatestRecipe(rt.Ref)
			if err != nil {
				return err
			}
			p := ref.PackageRef{Ref: rt.Ref, PackageID: rt.PackageID, Revision: protocol.DefaultRevision}
			p.Ref.Revision = latest.Revision
			key = storage.PackageKey(p)
		}
		urls := protocol.URLs{}
		for name, size := range sizes {
			if err := storage.CheckKey(name); err != nil {
				return &badRequest{400, fmt.Sprintf("invalid file name %q: must be a relative path without '..'", name)}
			}
			if size < 0 || size > s.cfg.MaxUploadSize {
				return &badRequest{413, fmt.Sprintf("file %q: size %d is out of range (max_upload_size %d)", name, size, s.cfg.MaxUploadSize)}
			}
			u, err := s.fileURL(key+"/"+name, r.user, size)
			if err != nil {
				return err
			}
			urls[name] = u
		}
		return writeJSON(w, urls)
	case post && rt.Kind == kRemoveFiles:
		if err := s.canWrite(r, rt.Ref); err != nil {
			return err
		}
		var body protocol.RemoveFiles
		if err := readJSON(r.Request, w, &body); err != nil {
			return err
		}
		x := rt.Ref
		x.Revision = protocol.DefaultRevision
		return s.store.DeleteRecipeFiles(x, body.Files)
	case post && rt.Kind == kRemovePackages:
		if err := s.canWrite(r, rt.Ref); err != nil {
			return err
		}
		var body protocol.RemovePackages
		if err := readJSON(r.Request, w, &body); err != nil {
			return err
		}
		return s.removePackagesV1(rt.Ref, body.PackageIDs)
	}
	return methodNotAllowed(r.Request)
}

func (s *Server) removePackagesV1(x ref.Ref, ids []string) error {
	for _, id := range ids {
		if !packageIDRE.MatchString(id) {
			return &badRequest{400, fmt.Sprintf("invalid package ID %q", id)}
		}
	}
	revs, err := s.store.RecipeRevisions(x)
	if err != nil {
		return err
	}
	removed := 0
	for _, rev := range revs {
		x.Revision = rev.Revision
		if len(ids) == 0 {
			if err := s.store.DeleteAllPackages(x); err != nil {
				return err
			}
			removed++
			continue
		}
		for _, id := range ids {
			err := s.store.DeletePackage(ref.PackageRef{Ref: x, PackageID: id})
			if errors.Is(err, storage.ErrNotExist) {
				continue
			}
			if err != nil {
				return err
			}
			removed++
		}
	}
	if removed == 0 {
		return fmt.Errorf("%w: no package %s of %s", storage.ErrPackageNotFound, strings.Join(ids, ", "), x.String())
	}
	return nil
}

// v1Files answers a v1 snapshot (file -> md5), digest (manifest URL) or
// download_urls (file -> URL) request for the files under key.
func (s *Server) v1Files(w http.ResponseWriter, r *request, key string, files []string) error {
	switch r.rt.Kind {
	case kRecipe, kPackage:
		snap, err := s.store.Snapshot(key, files)
		if err != nil {
			return err
		}
		return writeJSON(w, snap)
	case kRecipeDigest, kPackageDigest:
		if i := sort.SearchStrings(files, protocol.Manifest); i < len(files) && files[i] == protocol.Manifest {
			files = []string{protocol.Manifest}
		} else {
			return fmt.Errorf("%w: no %s", storage.ErrNotExist, protocol.Manifest)
		}
	}
	urls := protocol.URLs{}
	for _, f := range files {
		u, err := s.fileURL(key+"/"+f, r.user, -1)
		if err != nil {
			return err
		}
		urls[f] = u
	}
	return writeJSON(w, urls)
}

func (s *Server) fileURL(key, user string, size int64) (string, error) {
	tok, err := s.tokens.FileToken(key, user, size)
	if err != nil {
		return "", err
	}
	return s.public + "/files/" + key + "?signature=" + tok, nil
}

// transfer serves GET and PUT of files/{key}?signature=TOKEN (API v1).
func (s *Server) transfer(w http.ResponseWriter, r *http.Request, rt route) error {
	key, size, err := s.tokens.File(r.URL.Query().Get("signature"))
	if err != nil || key != rt.File {
		return &badRequest{404, "File not found (missing, expired or wrong signature)"}
	}
	p, name, isPkg, err := parseTransferKey(key)
	if err != nil {
		return err
	}
	if err := storage.CheckKey(name); err != nil {
		return &badRequest{400, fmt.Sprintf("invalid file name %q", name)}
	}
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		var obj storage.Object
		if isPkg {
			obj, err = s.store.OpenPackageFile(p, name)
		} else {
			obj, err = s.store.OpenRecipeFile(p.Ref, name)
		}
		if err != nil {
			return err
		}
		serveObject(w, r, name, obj)
		return nil
	case http.MethodPut:
		if size < 0 || r.ContentLength != size {
			return &badRequest{400, fmt.Sprintf("Bad file size: Content-Length %d, signed size %d", r.ContentLength, size)}
		}
		req := &request{Request: r, rt: rt}
		if isPkg {
			return s.upload(req, func(body io.Reader, n int64, sum string) error {
				return s.store.PutPackageFile(p, name, body, n, sum)
			})
		}
		return s.upload(req, func(body io.Reader, n int64, sum string) error {
			return s.store.PutRecipeFile(p.Ref, name, body, n, sum)
		})
	}
	return methodNotAllowed(r)
}

// ListenAddr is host:port of the configuration.
func (c *Config) ListenAddr() string {
	host := c.ListenAddress
	if strings.Contains(host, ":") && !strings.HasPrefix(host, "[") {
		host = "[" + host + "]"
	}
	return host + ":" + strconv.Itoa(c.Port)
}
