package server

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/server/loadgen"
)

// testConf is a server.conf with relative transfer URLs; %s is the
// body of [write_permissions], %s of [read_permissions].
const testConf = `[server]
jwt_secret: testjwtsecret
jwt_expire_minutes: 2
port: 9300
authorize_timeout: 60
disk_storage_path: ./data
updown_secret: testupdownsecret
max_upload_size: %d

[write_permissions]
%s

[read_permissions]
%s

[users]
demo: demo
alice: alicepw
bob: bobpw
`

// clock is a settable time for token tests.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type testServer struct {
	*httptest.Server
	srv   *Server
	dir   string
	clock *clock
	t     testing.TB
}

type serverOpts struct {
	write, read string
	maxUpload   int64
}

func startServer(t testing.TB, o serverOpts) *testServer {
	t.Helper()
	if o.write == "" {
		o.write = "*/*@*/*: demo"
	}
	if o.read == "" {
		o.read = "*/*@*/*: *"
	}
	if o.maxUpload == 0 {
		o.maxUpload = 1 << 30
	}
	dir := t.TempDir()
	conf := fmt.Sprintf(testConf, o.maxUpload, o.write, o.read)
	if err := os.WriteFile(filepath.Join(dir, ConfFile), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{t: time.Now()}
	s, err := New(Options{Config: cfg, Now: clk.Now, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return &testServer{Server: ts, srv: s, dir: dir, clock: clk, t: t}
}

// do sends a request; token "" is anonymous.
func (ts *testServer) do(method, path, token string, body []byte, hdr ...string) (int, []byte) {
	ts.t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		ts.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	return resp.StatusCode, b
}

func (ts *testServer) login(user, pass string) string {
	ts.t.Helper()
	req, _ := http.NewRequest("GET", ts.URL+"/v2/users/authenticate", nil)
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(user+":"+pass)))
	resp, err := ts.Client().Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		ts.t.Fatalf("login %s: %d %s", user, resp.StatusCode, b)
	}
	return string(b)
}

func (ts *testServer) getJSON(path, token string, v any) {
	ts.t.Helper()
	code, b := ts.do("GET", path, token, nil)
	if code != 200 {
		ts.t.Fatalf("GET %s: %d %s", path, code, b)
	}
	rv := reflect.ValueOf(v).Elem()
	rv.Set(reflect.Zero(rv.Type())) // no merging into a previous answer
	if err := json.Unmarshal(b, v); err != nil {
		ts.t.Fatalf("GET %s: %v: %s", path, err, b)
	}
}

// tgz makes a .tgz of files.
func tgz(t testing.TB, files map[string]string) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if err := tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(files[n])), ModTime: time.Unix(1700000000, 0)}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(files[n]))
	}
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

func md5hex(b []byte) string  { h := md5.Sum(b); return hex.EncodeToString(h[:]) }
func sha1hex(b []byte) string { h := sha1.Sum(b); return hex.EncodeToString(h[:]) }

var manifest = loadgen.Manifest

// recipeFiles are the files of a recipe in the Conan layout, distinct
// per tag.
func recipeFiles(t testing.TB, r ref.Ref, tag string) map[string][]byte {
	conanfile := fmt.Sprintf("from conans import ConanFile\nclass Pkg(ConanFile):\n    name = %q\n    version = %q\n    settings = \"os\"\n    # %s\n", r.Name, r.Version, tag)
	export := tgz(t, map[string]string{"hello.h": "#define TAG \"" + tag + "\"\n"})
	files := map[string][]byte{protocol.Conanfile: []byte(conanfile), protocol.ExportTgz: export}
	files[protocol.Manifest] = manifest(map[string][]byte{protocol.Conanfile: files[protocol.Conanfile], "hello.h": []byte("x")})
	return files
}

// packageFiles are the files of a binary package.
func packageFiles(t testing.TB, os, tag string) map[string][]byte {
	info := fmt.Sprintf("[settings]\n    os=%s\n\n[requires]\n\n\n[options]\n    shared=False\n\n[full_settings]\n    os=%s\n\n[full_requires]\n    zlib/1.2.13:abc\n\n[full_options]\n    shared=False\n\n[recipe_hash]\n    %s\n\n[env]\n\n", os, os, tag)
	pkg := tgz(t, map[string]string{"include/hello.h": tag, "lib/libhello.a": strings.Repeat(tag, 1000)})
	files := map[string][]byte{protocol.Info: []byte(info), protocol.PackageTgz: pkg}
	files[protocol.Manifest] = manifest(files)
	return files
}

// sortedNames lists file names, conanmanifest.txt last as the clients do.
func sortedNames(files map[string][]byte) []string {
	var names []string
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// uploadRecipe puts the files of a recipe revision (v2), manifest
// last, and fails the test on any error.
func (ts *testServer) uploadRecipe(token string, r ref.Ref, files map[string][]byte) {
	ts.t.Helper()
	ts.uploadFiles(token, protocol.RecipeRevisionPath(r), files)
}

// uploadPackage is uploadRecipe for a package revision.
func (ts *testServer) uploadPackage(token string, p ref.PackageRef, files map[string][]byte) {
	ts.t.Helper()
	ts.uploadFiles(token, protocol.PackageRevisionPath(p), files)
}

func (ts *testServer) uploadFiles(token, base string, files map[string][]byte) {
	ts.t.Helper()
	for _, n := range sortedNames(files) {
		p := protocol.V2 + protocol.FilePath(base, n)
		if code, b := ts.do("PUT", p, token, files[n], protocol.HeaderChecksumSha1, sha1hex(files[n])); code != 200 {
			ts.t.Fatalf("PUT %s: %d %s", p, code, b)
		}
	}
}

// revOf is a revision derived from the files, as a client's would be.
func revOf(files map[string][]byte) string {
	return md5hex(files[protocol.Manifest])
}

// storedFiles lists the files under the storage folder, but for the
// temporary folder's.
func storedFiles(t testing.TB, dir string) []string {
	var out []string
	root := filepath.Join(dir, "data")
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func httpServer(t testing.TB, h http.Handler) *httptest.Server {
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}
