package remote

import (
	"context"
	"crypto/tls"
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

// ErrNotFound is wrapped by errors for 404 answers.
var ErrNotFound = errors.New("not found in remote")

// HTTPError is an answer other than 200.
type HTTPError struct {
	Remote string
	Method string
	URL    string
	Status int
	Body   string
}

func (e *HTTPError) Error() string {
	body := strings.TrimSpace(e.Body)
	if len(body) > 300 {
		body = body[:300] + "..."
	}
	switch e.Status {
	case http.StatusUnauthorized:
		return fmt.Sprintf("remote '%s' refused the request (401 Unauthorized): log in with 'conid user USER -p PASSWORD -r %s'", e.Remote, e.Remote)
	case http.StatusForbidden:
		return fmt.Sprintf("remote '%s': permission denied (403 Forbidden) for %s %s: %s", e.Remote, e.Method, redact(e.URL), body)
	}
	return fmt.Sprintf("remote '%s': %s %s: %d %s: %s", e.Remote, e.Method, redact(e.URL), e.Status, http.StatusText(e.Status), body)
}

// Is makes errors.Is(err, ErrNotFound) true for 404s.
func (e *HTTPError) Is(target error) bool {
	return target == ErrNotFound && e.Status == http.StatusNotFound
}

func redact(u string) string {
	if i := strings.IndexByte(u, '?'); i >= 0 {
		return u[:i]
	}
	return u
}

// Client talks to one remote. It is safe for concurrent use.
type Client struct {
	Remote Remote
	HTTP   *http.Client
	// Token is the bearer token of the stored login ("" is anonymous).
	Token string
	// Revisions is the client's revisions_enabled: with a server that
	// announces the "revisions" capability the client speaks API v2.
	Revisions bool
	// Attempts is how many times a request is tried on 5xx answers and
	// network errors (1: no retry); Backoff is the first wait, doubled
	// after each try.
	Attempts int
	Backoff  time.Duration
	// OnRequest, when set, is told of each request sent (for tests and
	// statistics).
	OnRequest func(method, url string)

	capsOnce sync.Once
	caps     []string
	capsErr  error
}

// NewHTTPClient is the HTTP client conid uses for a remote: connection
// reuse for a bounded pool of workers, a timeout on each request, and no
// certificate check when the remote says verify_ssl false.
func NewHTTPClient(r Remote, conns int, timeout time.Duration) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns = conns * 2
	tr.MaxIdleConnsPerHost = conns * 2
	if !r.VerifySSL {
		tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	}
	return &http.Client{Transport: tr, Timeout: timeout}
}

func (c *Client) base() string { return trimSlash(c.Remote.URL) }

func (c *Client) httpClient() *http.Client {
	if c.HTTP != nil {
		return c.HTTP
	}
	return http.DefaultClient
}

// do sends a GET with retries and returns the response of a 200, or an
// *HTTPError. The caller closes the body.
func (c *Client) do(ctx context.Context, u string, auth func(*http.Request)) (*http.Response, error) {
	return c.doN(ctx, u, auth, c.Attempts)
}

func (c *Client) doN(ctx context.Context, u string, auth func(*http.Request), attempts int) (*http.Response, error) {
	if attempts < 1 {
		attempts = 1
	}
	wait := c.Backoff
	var lastErr error
	for try := 0; try < attempts; try++ {
		if try > 0 {
			select {
			case <-time.After(wait):
			case <-ctx.Done():
				return nil, ctx.Err()
			}
			wait *= 2
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		if err != nil {
			return nil, fmt.Errorf("remote '%s': bad URL %q: %v", c.Remote.Name, redact(u), err)
		}
		req.Header.Set("User-Agent", "Conan/1.65.0 (conid)")
		if auth != nil {
			auth(req)
		} else if c.Token != "" {
			req.Header.Set("Authorization", "Bearer "+c.Token)
		}
		if c.OnRequest != nil {
			c.OnRequest(req.Method, u)
		}
		resp, err := c.httpClient().Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// Timeouts, resets and refusals while a server restarts are
			// worth another try.
			lastErr = fmt.Errorf("remote '%s': %s %s: %v", c.Remote.Name, req.Method, redact(u), err)
			continue
		}
		if resp.StatusCode == http.StatusOK {
			return resp, nil
		}
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		resp.Body.Close()
		lastErr = &HTTPError{Remote: c.Remote.Name, Method: req.Method, URL: u, Status: resp.StatusCode, Body: string(body)}
		if resp.StatusCode >= 500 {
			continue
		}
		return nil, lastErr
	}
	return nil, lastErr
}

// getJSON fetches a JSON object into v.
func (c *Client) getJSON(ctx context.Context, u string, v any) error {
	return c.getJSONN(ctx, u, v, c.Attempts)
}

func (c *Client) getJSONN(ctx context.Context, u string, v any, attempts int) error {
	resp, err := c.doN(ctx, u, nil, attempts)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return fmt.Errorf("remote '%s': reading %s: %v", c.Remote.Name, redact(u), err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("remote '%s': broken JSON from %s: %v", c.Remote.Name, redact(u), err)
	}
	return nil
}

// Capabilities pings the server once and returns what it announces.
func (c *Client) Capabilities(ctx context.Context) ([]string, error) {
	c.capsOnce.Do(func() {
		resp, err := c.do(ctx, c.base()+protocol.V1+protocol.Ping, nil)
		if err != nil {
			c.capsErr = err
			return
		}
		resp.Body.Close()
		c.caps = ParseCapabilities(resp.Header.Get(protocol.HeaderCapabilities))
	})
	return c.caps, c.capsErr
}

// ParseCapabilities splits the capabilities header.
func ParseCapabilities(h string) []string {
	var out []string
	for _, c := range strings.Split(h, ",") {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// V2 reports whether requests use API v2 (revisions).
func (c *Client) V2(ctx context.Context) (bool, error) {
	if !c.Revisions {
		return false, nil
	}
	caps, err := c.Capabilities(ctx)
	if err != nil {
		return false, err
	}
	for _, x := range caps {
		if x == protocol.CapRevisions {
			return true, nil
		}
	}
	return false, fmt.Errorf("remote '%s' doesn't support revisions, and the client has revisions enabled", c.Remote.Name)
}

// Authenticate exchanges a user and password for a token.
func (c *Client) Authenticate(ctx context.Context, user, password string) (string, error) {
	resp, err := c.do(ctx, c.base()+protocol.V1+protocol.Authenticate, func(r *http.Request) { r.SetBasicAuth(user, password) })
	if err != nil {
		var he *HTTPError
		if errors.As(err, &he) && he.Status == http.StatusUnauthorized {
			return "", fmt.Errorf("Wrong user or password [Remote: %s]", c.Remote.Name)
		}
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return "", err
	}
	tok := strings.TrimSpace(string(b))
	if tok == "" || strings.Contains(tok, "html>") {
		return "", fmt.Errorf("remote '%s': invalid answer to authentication, check the remote URL", c.Remote.Name)
	}
	return tok, nil
}

// CheckCredentials verifies the stored token.
func (c *Client) CheckCredentials(ctx context.Context) error {
	resp, err := c.do(ctx, c.base()+protocol.V1+protocol.CheckCredentials, nil)
	if err != nil {
		return err
	}
	resp.Body.Close()
	return nil
}

// recipeURL is the recipe's route (without revision) in API v1 or v2.
func (c *Client) recipeURL(r ref.Ref, v2 bool) string {
	if v2 {
		return c.base() + protocol.V2 + protocol.RecipePath(r)
	}
	return c.base() + protocol.V1 + protocol.RecipePath(r)
}

// Search lists the references matching a pattern ("zlib/*").
func (c *Client) Search(ctx context.Context, pattern string, ignoreCase bool) ([]ref.Ref, error) {
	var doc protocol.SearchResult
	u := c.base() + protocol.V1 + protocol.Search + protocol.SearchQuery(pattern, ignoreCase)
	if err := c.getJSON(ctx, u, &doc); err != nil {
		return nil, err
	}
	return ParseSearchResults(c.Remote.Name, doc.Results)
}

// ParseSearchResults reads the references of a search answer; as Conan,
// it skips references with a user and no channel.
func ParseSearchResults(remote string, results []string) ([]ref.Ref, error) {
	var out []ref.Ref
	for _, s := range results {
		r, err := ref.Parse(s)
		if err != nil {
			return nil, fmt.Errorf("remote '%s': bad reference %q in search results: %v", remote, s, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// SearchPackages returns the binaries of a recipe (revision rrev in v2),
// by package ID. A recipe not on the remote gives ErrNotFound.
func (c *Client) SearchPackages(ctx context.Context, r ref.Ref) (protocol.PackageSearch, error) {
	v2, err := c.V2(ctx)
	if err != nil {
		return nil, err
	}
	u := c.recipeURL(r, v2)
	if v2 && r.Revision != "" {
		u = c.base() + protocol.V2 + protocol.RecipeRevisionPath(r)
	}
	u += "/search"
	var raw map[string]json.RawMessage
	// One try: a failed search falls back on asking for each binary
	// (conan_server answers 500 for a recipe it does not have).
	if err := c.getJSONN(ctx, u, &raw, 1); err != nil {
		return nil, err
	}
	return ParsePackageSearch(c.Remote.Name, raw)
}

// ParsePackageSearch validates a package search answer.
func ParsePackageSearch(remote string, raw map[string]json.RawMessage) (protocol.PackageSearch, error) {
	out := make(protocol.PackageSearch, len(raw))
	for id, v := range raw {
		if id == "" || strings.ContainsAny(id, "/\\ ") {
			return nil, fmt.Errorf("remote '%s': bad package ID %q in package search", remote, id)
		}
		var info protocol.PackageInfo
		if err := json.Unmarshal(v, &info); err != nil {
			return nil, fmt.Errorf("remote '%s': package %s in package search: %v", remote, id, err)
		}
		out[id] = info
	}
	return out, nil
}

// LatestRecipe returns the latest revision of a recipe (API v2).
func (c *Client) LatestRecipe(ctx context.Context, r ref.Ref) (ref.Ref, error) {
	var doc protocol.Revision
	if err := c.getJSON(ctx, c.recipeURL(r, true)+"/latest", &doc); err != nil {
		return ref.Ref{}, err
	}
	if doc.Revision == "" {
		return ref.Ref{}, fmt.Errorf("remote '%s': no revision for %s", c.Remote.Name, r.String())
	}
	r.Revision = doc.Revision
	return r, nil
}

// RecipeRevisions lists a recipe's revisions, newest first (API v2).
func (c *Client) RecipeRevisions(ctx context.Context, r ref.Ref) ([]protocol.Revision, error) {
	var doc protocol.RevisionList
	if err := c.getJSON(ctx, c.recipeURL(r.NoRevision(), true)+"/revisions", &doc); err != nil {
		return nil, err
	}
	for _, x := range doc.Revisions {
		if x.Revision == "" {
			return nil, fmt.Errorf("remote '%s': empty revision in the revisions of %s", c.Remote.Name, r.String())
		}
	}
	return doc.Revisions, nil
}

// LatestPackage returns the latest revision of a binary (API v2).
func (c *Client) LatestPackage(ctx context.Context, p ref.PackageRef) (string, error) {
	var doc protocol.Revision
	u := c.base() + protocol.V2 + protocol.PackagePath(p) + "/latest"
	if err := c.getJSON(ctx, u, &doc); err != nil {
		return "", err
	}
	return doc.Revision, nil
}

// PackageExists asks for one binary, as Conan 1 does for each node: the
// answer is its revision ("0" in API v1), or "" with ErrNotFound.
func (c *Client) PackageExists(ctx context.Context, p ref.PackageRef) (string, error) {
	v2, err := c.V2(ctx)
	if err != nil {
		return "", err
	}
	if v2 {
		return c.LatestPackage(ctx, p)
	}
	var urls protocol.URLs
	if err := c.getJSON(ctx, c.v1PackageURL(p)+"/download_urls", &urls); err != nil {
		return "", err
	}
	return "0", nil
}

// File is a file to download: its URL and, in API v1, its md5.
type File struct {
	Name string
	URL  string
	MD5  string
}

// RecipeFiles lists the files of a recipe. In API v2 r must carry its
// revision.
func (c *Client) RecipeFiles(ctx context.Context, r ref.Ref) ([]File, error) {
	v2, err := c.V2(ctx)
	if err != nil {
		return nil, err
	}
	if v2 {
		return c.filesV2(ctx, c.base()+protocol.V2+protocol.RecipeRevisionPath(r))
	}
	return c.filesV1(ctx, c.recipeURL(r, false))
}

// PackageFiles lists the files of a binary. In API v2 p carries both
// revisions.
func (c *Client) PackageFiles(ctx context.Context, p ref.PackageRef) ([]File, error) {
	v2, err := c.V2(ctx)
	if err != nil {
		return nil, err
	}
	if v2 {
		return c.filesV2(ctx, c.base()+protocol.V2+protocol.PackageRevisionPath(p))
	}
	return c.filesV1(ctx, c.v1PackageURL(p))
}

// v1PackageURL is a binary's route in API v1 (no revisions).
func (c *Client) v1PackageURL(p ref.PackageRef) string {
	p.Ref.Revision, p.Revision = "", ""
	return c.base() + protocol.V1 + protocol.PackagePath(p)
}

func (c *Client) filesV1(ctx context.Context, base string) ([]File, error) {
	// The URLs and the checksums, asked at once.
	var urls protocol.URLs
	var sums protocol.Snapshot
	var sumErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		sumErr = c.getJSON(ctx, base, &sums)
	}()
	err := c.getJSON(ctx, base+"/download_urls", &urls)
	<-done
	if err != nil {
		return nil, err
	}
	if sumErr != nil {
		return nil, sumErr
	}
	var out []File
	for name, u := range urls {
		if err := checkFileName(name); err != nil {
			return nil, fmt.Errorf("remote '%s': %v", c.Remote.Name, err)
		}
		abs, err := c.completeURL(u)
		if err != nil {
			return nil, fmt.Errorf("remote '%s': bad URL for %s: %v", c.Remote.Name, name, err)
		}
		out = append(out, File{Name: name, URL: abs, MD5: sums[name]})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// completeURL makes a URL a server gave absolute, relative ones taken
// against the remote's URL (Conan's complete_url).
func (c *Client) completeURL(u string) (string, error) {
	ref, err := url.Parse(u)
	if err != nil {
		return "", err
	}
	if ref.Host != "" {
		return u, nil
	}
	base, err := url.Parse(c.Remote.URL)
	if err != nil {
		return "", err
	}
	return base.ResolveReference(ref).String(), nil
}

func (c *Client) filesV2(ctx context.Context, base string) ([]File, error) {
	var doc protocol.FileList
	if err := c.getJSON(ctx, base+"/files", &doc); err != nil {
		return nil, err
	}
	var out []File
	for name := range doc.Files {
		if err := checkFileName(name); err != nil {
			return nil, fmt.Errorf("remote '%s': %v", c.Remote.Name, err)
		}
		out = append(out, File{Name: name, URL: protocol.FilePath(base, name)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// checkFileName refuses file names that would escape their folder.
func checkFileName(name string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\\\x00") {
		return fmt.Errorf("bad file name %q", name)
	}
	return nil
}

// Open starts downloading a file; the caller closes the body. The
// response's ContentLength is -1 when unknown.
func (c *Client) Open(ctx context.Context, f File) (*http.Response, error) {
	return c.do(ctx, f.URL, nil)
}

func isNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
