package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/server/storage"
)

func TestPingCapabilities(t *testing.T) {
	ts := startServer(t, serverOpts{})
	for _, v := range []string{"/v1/ping", "/v2/ping"} {
		resp, err := ts.Client().Get(ts.URL + v)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		caps := resp.Header.Get(protocol.HeaderCapabilities)
		if resp.StatusCode != 200 || !strings.Contains(caps, protocol.CapRevisions) {
			t.Errorf("%s: %d, capabilities %q", v, resp.StatusCode, caps)
		}
	}
}

func TestAuthenticate(t *testing.T) {
	ts := startServer(t, serverOpts{})
	tok := ts.login("demo", "demo")
	code, b := ts.do("GET", "/v1/users/check_credentials", tok, nil)
	if code != 200 || string(b) != "demo" {
		t.Errorf("check_credentials: %d %q", code, b)
	}
	if code, _ := ts.do("GET", "/v2/users/check_credentials", "", nil); code != 401 {
		t.Errorf("anonymous check_credentials: %d, want 401", code)
	}
	req, _ := http.NewRequest("GET", ts.URL+"/v2/users/authenticate", nil)
	req.SetBasicAuth("demo", "wrong")
	resp, _ := ts.Client().Do(req)
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("wrong password: %d, want 401", resp.StatusCode)
	}
	if code, b := ts.do("GET", "/v2/conans/search", "not.a.token", nil); code != 401 || !strings.Contains(string(b), "Wrong JWT token") {
		t.Errorf("bad token: %d %s", code, b)
	}
	// A token signed with another secret is refused.
	other := &Tokens{JWTSecret: []byte("other"), JWTExpire: time.Hour}
	forged, _ := other.UserToken("demo")
	if code, _ := ts.do("GET", "/v2/users/check_credentials", forged, nil); code != 401 {
		t.Errorf("forged token: %d, want 401", code)
	}
}

// TestV2Lifecycle uploads a recipe with two binaries in the Conan
// layout, then searches, lists revisions, downloads and removes.
func TestV2Lifecycle(t *testing.T) {
	ts := startServer(t, serverOpts{})
	tok := ts.login("demo", "demo")
	r := ref.MustParse("hello/0.1@demo/testing")
	rf := recipeFiles(t, r, "one")
	r.Revision = revOf(rf)
	ts.uploadRecipe(tok, r, rf)
	linux := packageFiles(t, "Linux", "l")
	windows := packageFiles(t, "Windows", "w")
	pl := ref.PackageRef{Ref: r, PackageID: "aaaa1111", Revision: revOf(linux)}
	pw := ref.PackageRef{Ref: r, PackageID: "bbbb2222", Revision: revOf(windows)}
	ts.uploadPackage(tok, pl, linux)
	ts.uploadPackage(tok, pw, windows)

	var sr protocol.SearchResult
	ts.getJSON("/v2/conans/search?q=hel*", "", &sr)
	if len(sr.Results) != 1 || sr.Results[0] != "hello/0.1@demo/testing" {
		t.Errorf("search: %v", sr.Results)
	}
	ts.getJSON("/v2/conans/search?q=nothing*", "", &sr)
	if len(sr.Results) != 0 {
		t.Errorf("search nothing*: %v", sr.Results)
	}

	var ps protocol.PackageSearch
	ts.getJSON("/v2/"+protocol.RecipeRevisionPath(r)+"/search", "", &ps)
	if len(ps) != 2 || ps["aaaa1111"].Settings["os"] != "Linux" || ps["bbbb2222"].Settings["os"] != "Windows" ||
		ps["aaaa1111"].Options["shared"] != "False" || string(linux[protocol.Info]) != ps["aaaa1111"].Content ||
		len(ps["aaaa1111"].FullRequires) != 1 || ps["aaaa1111"].RecipeHash == nil || *ps["aaaa1111"].RecipeHash != "l" {
		t.Errorf("package search: %+v", ps)
	}
	var ps1 protocol.PackageSearch
	ts.getJSON("/v1/"+protocol.RecipePath(r)+"/search", "", &ps1)
	if len(ps1) != 2 {
		t.Errorf("v1 package search: %+v", ps1)
	}

	var revs protocol.RevisionList
	ts.getJSON("/v2/"+protocol.RecipePath(r)+"/revisions", "", &revs)
	if len(revs.Revisions) != 1 || revs.Revisions[0].Revision != r.Revision {
		t.Errorf("revisions: %+v", revs)
	}
	if _, err := time.Parse(time.RFC3339, revs.Revisions[0].Time); err != nil {
		t.Errorf("revision time %q: %v", revs.Revisions[0].Time, err)
	}
	var latest protocol.Revision
	ts.getJSON("/v2/"+protocol.PackagePath(pl)+"/latest", "", &latest)
	if latest.Revision != pl.Revision {
		t.Errorf("package latest: %+v", latest)
	}

	var fl protocol.FileList
	ts.getJSON("/v2/"+protocol.PackageRevisionPath(pl)+"/files", "", &fl)
	if len(fl.Files) != 3 {
		t.Errorf("package files: %v", fl.Files)
	}
	for name, want := range linux {
		code, got := ts.do("GET", "/v2/"+protocol.FilePath(protocol.PackageRevisionPath(pl), name), "", nil)
		if code != 200 || !bytes.Equal(got, want) {
			t.Errorf("download %s: %d, %d bytes, want %d", name, code, len(got), len(want))
		}
	}

	// A second recipe revision becomes the latest.
	rf2 := recipeFiles(t, r, "two")
	r2 := r
	r2.Revision = revOf(rf2)
	ts.uploadRecipe(tok, r2, rf2)
	ts.getJSON("/v2/"+protocol.RecipePath(r)+"/latest", "", &latest)
	if latest.Revision != r2.Revision {
		t.Errorf("latest after second upload: %+v, want %s", latest, r2.Revision)
	}
	ts.getJSON("/v2/"+protocol.RecipePath(r)+"/revisions", "", &revs)
	if len(revs.Revisions) != 2 || revs.Revisions[0].Revision != r2.Revision {
		t.Errorf("revisions newest first: %+v", revs)
	}

	// Removals: one package, then one recipe revision, then the rest.
	if code, b := ts.do("DELETE", "/v2/"+protocol.PackagePath(pw), tok, nil); code != 200 {
		t.Fatalf("remove package: %d %s", code, b)
	}
	ts.getJSON("/v2/"+protocol.RecipeRevisionPath(r)+"/search", "", &ps)
	if _, ok := ps["bbbb2222"]; ok || len(ps) != 1 {
		t.Errorf("after package removal: %v", ps)
	}
	if code, _ := ts.do("DELETE", "/v2/"+protocol.RecipeRevisionPath(r2), tok, nil); code != 200 {
		t.Fatalf("remove recipe revision: %d", code)
	}
	ts.getJSON("/v2/"+protocol.RecipePath(r)+"/latest", "", &latest)
	if latest.Revision != r.Revision {
		t.Errorf("latest after removing the newest: %+v", latest)
	}
	if code, _ := ts.do("DELETE", "/v2/"+protocol.RecipePath(r), tok, nil); code != 200 {
		t.Fatalf("remove recipe: %d", code)
	}
	if code, _ := ts.do("GET", "/v2/"+protocol.RecipePath(r)+"/latest", "", nil); code != 404 {
		t.Errorf("latest after removal: %d, want 404", code)
	}
	ts.getJSON("/v2/conans/search", "", &sr)
	if len(sr.Results) != 0 {
		t.Errorf("search after removal: %v", sr.Results)
	}
	if files := storedFiles(t, ts.dir); len(files) != 0 {
		t.Errorf("files left after removal: %v", files)
	}
}

// TestV1Lifecycle is the flow of a Conan 1 client without revisions:
// signed upload URLs, snapshots, signed downloads.
func TestV1Lifecycle(t *testing.T) {
	ts := startServer(t, serverOpts{})
	tok := ts.login("demo", "demo")
	r := ref.MustParse("zlib/1.3")
	files := recipeFiles(t, r, "v1")
	urls := ts.v1UploadURLs(tok, "/v1/"+protocol.RecipePath(r)+"/upload_urls", files)
	ts.putSigned(urls, files)

	var snap protocol.Snapshot
	ts.getJSON("/v1/"+protocol.RecipePath(r), tok, &snap)
	for n, b := range files {
		if snap[n] != md5hex(b) {
			t.Errorf("snapshot %s = %q, want %s", n, snap[n], md5hex(b))
		}
	}
	var digest protocol.URLs
	ts.getJSON("/v1/"+protocol.RecipePath(r)+"/digest", "", &digest)
	if len(digest) != 1 || digest[protocol.Manifest] == "" {
		t.Errorf("digest: %v", digest)
	}
	var down protocol.URLs
	ts.getJSON("/v1/"+protocol.RecipePath(r)+"/download_urls", "", &down)
	for n, want := range files {
		code, got := ts.do("GET", "/"+down[n], "", nil)
		if code != 200 || !bytes.Equal(got, want) {
			t.Errorf("download %s: %d", n, code)
		}
	}
	// A signed URL is for its file only.
	u, _ := url.Parse(down[protocol.Conanfile])
	tampered := "/v1/files/zlib/1.3/_/_/0/export/conanmanifest.txt?" + u.RawQuery
	if code, _ := ts.do("GET", tampered, "", nil); code != 404 {
		t.Errorf("signature reused for another file: %d, want 404", code)
	}

	pf := packageFiles(t, "Linux", "p")
	purls := ts.v1UploadURLs(tok, "/v1/"+protocol.PackagePath(ref.PackageRef{Ref: r, PackageID: "cafe01"})+"/upload_urls", pf)
	ts.putSigned(purls, pf)
	var ps protocol.PackageSearch
	ts.getJSON("/v1/"+protocol.RecipePath(r)+"/search", "", &ps)
	if ps["cafe01"].Settings["os"] != "Linux" {
		t.Errorf("v1 package search: %+v", ps)
	}
	ts.getJSON("/v1/"+protocol.PackagePath(ref.PackageRef{Ref: r, PackageID: "cafe01"}), "", &snap)
	if len(snap) != 3 {
		t.Errorf("package snapshot: %v", snap)
	}
	body, _ := json.Marshal(protocol.RemovePackages{PackageIDs: []string{"cafe01"}})
	if code, b := ts.do("POST", "/v1/"+protocol.RecipePath(r)+"/packages/delete", tok, body); code != 200 {
		t.Fatalf("remove packages: %d %s", code, b)
	}
	ts.getJSON("/v1/"+protocol.RecipePath(r)+"/search", "", &ps)
	if len(ps) != 0 {
		t.Errorf("after remove: %v", ps)
	}
	body, _ = json.Marshal(protocol.RemoveFiles{Files: []string{protocol.ExportTgz}})
	if code, _ := ts.do("POST", "/v1/"+protocol.RecipePath(r)+"/remove_files", tok, body); code != 200 {
		t.Fatalf("remove_files: %d", code)
	}
	ts.getJSON("/v1/"+protocol.RecipePath(r), tok, &snap)
	if _, ok := snap[protocol.ExportTgz]; ok || len(snap) != 2 {
		t.Errorf("after remove_files: %v", snap)
	}
	if code, _ := ts.do("DELETE", "/v1/"+protocol.RecipePath(r), tok, nil); code != 200 {
		t.Errorf("v1 remove recipe: %d", code)
	}
}

func (ts *testServer) v1UploadURLs(tok, path string, files map[string][]byte) protocol.URLs {
	ts.t.Helper()
	sizes := protocol.FileSizes{}
	for n, b := range files {
		sizes[n] = int64(len(b))
	}
	body, _ := json.Marshal(sizes)
	code, b := ts.do("POST", path, tok, body)
	if code != 200 {
		ts.t.Fatalf("POST %s: %d %s", path, code, b)
	}
	var urls protocol.URLs
	if err := json.Unmarshal(b, &urls); err != nil {
		ts.t.Fatal(err)
	}
	return urls
}

func (ts *testServer) putSigned(urls protocol.URLs, files map[string][]byte) {
	ts.t.Helper()
	for _, n := range sortedNames(files) {
		if !strings.HasPrefix(urls[n], "v1/files/") {
			ts.t.Fatalf("URL of %s: %q", n, urls[n])
		}
		if code, b := ts.do("PUT", "/"+urls[n], "", files[n], protocol.HeaderChecksumSha1, sha1hex(files[n])); code != 200 {
			ts.t.Fatalf("PUT %s: %d %s", n, code, b)
		}
	}
}

func TestPermissions(t *testing.T) {
	ts := startServer(t, serverOpts{
		write: "secret/*@corp/*: alice\nopen/*@*/*: ?\n*/*@corp/stable: bob, alice\n*/*@*/*: demo",
		read:  "secret/*@*/*: alice\npublic/*@*/*: *\ninternal/*@*/*: ?\n*/*@*/*: *",
	})
	demo, alice, bob := ts.login("demo", "demo"), ts.login("alice", "alicepw"), ts.login("bob", "bobpw")
	// Seed readable content as demo (the owner of @demo/x refs and the
	// catch-all writer).
	seed := func(s string) ref.Ref {
		r := ref.MustParse(s)
		f := recipeFiles(t, r, s)
		r.Revision = revOf(f)
		ts.uploadRecipe(alice, r, f)
		return r
	}
	secret := seed("secret/1.0@corp/stable")
	internal := seed("internal/1.0@corp/stable")
	cases := []struct {
		name, method, token string
		r                   ref.Ref
		want                int
	}{
		{"owner rule of the first match: alice reads secret", "GET", alice, secret, 200},
		{"bob may not read secret", "GET", bob, secret, 403},
		{"anonymous may not read secret", "GET", "", secret, 401},
		{"? reads internal for any user", "GET", bob, internal, 200},
		{"? refuses anonymous", "GET", "", internal, 401},
		{"alice writes secret", "PUT", alice, secret, 200},
		{"bob writes @corp/stable but secret matches first", "PUT", bob, secret, 403},
		{"bob writes other @corp/stable", "PUT", bob, ref.Ref{Name: "lib", Version: "1.0", User: "corp", Channel: "stable", Revision: "abc"}, 200},
		{"demo falls through to the catch-all", "PUT", demo, ref.Ref{Name: "lib", Version: "2.0", Revision: "abc"}, 200},
		{"bob cannot write without a rule", "PUT", bob, ref.Ref{Name: "lib", Version: "2.0", Revision: "abc"}, 403},
		{"anonymous cannot write", "PUT", "", ref.Ref{Name: "lib", Version: "2.0", Revision: "abc"}, 401},
		{"? lets any user write open", "PUT", bob, ref.Ref{Name: "open", Version: "1.0", User: "x1", Channel: "y1", Revision: "abc"}, 200},
		{"a user owns the refs of their name", "PUT", bob, ref.Ref{Name: "mine", Version: "1.0", User: "bob", Channel: "dev", Revision: "abc"}, 200},
		{"anonymous owns nothing", "PUT", "", ref.Ref{Name: "mine", Version: "1.0", Revision: "abc"}, 401},
		{"bob cannot delete secret", "DELETE", bob, secret, 403},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var path string
			var body []byte
			switch c.method {
			case "GET":
				path = "/v2/" + protocol.RecipeRevisionPath(c.r) + "/files"
			case "PUT":
				path = "/v2/" + protocol.FilePath(protocol.RecipeRevisionPath(c.r), protocol.Conanfile)
				body = []byte("x")
			case "DELETE":
				path = "/v2/" + protocol.RecipePath(c.r)
			}
			code, b := ts.do(c.method, path, c.token, body)
			if code != c.want {
				t.Errorf("%s %s: %d %s, want %d", c.method, path, code, b, c.want)
			}
		})
	}
	// Search hides what a user may not read.
	var sr protocol.SearchResult
	ts.getJSON("/v2/conans/search", bob, &sr)
	for _, x := range sr.Results {
		if strings.HasPrefix(x, "secret/") {
			t.Errorf("bob's search shows %s", x)
		}
	}
	ts.getJSON("/v2/conans/search", alice, &sr)
	if len(sr.Results) != 2 {
		t.Errorf("alice's search: %v", sr.Results)
	}
}

func TestTokenExpiry(t *testing.T) {
	ts := startServer(t, serverOpts{})
	tok := ts.login("demo", "demo")
	if code, _ := ts.do("GET", "/v2/users/check_credentials", tok, nil); code != 200 {
		t.Fatalf("fresh token: %d", code)
	}
	r := ref.MustParse("zlib/1.3")
	f := recipeFiles(t, r, "x")
	urls := ts.v1UploadURLs(tok, "/v1/"+protocol.RecipePath(r)+"/upload_urls", f)
	ts.clock.Add(61 * time.Second) // past authorize_timeout (60 s)
	n := protocol.Conanfile
	if code, _ := ts.do("PUT", "/"+urls[n], "", f[n]); code != 404 {
		t.Errorf("expired upload URL: %d, want 404", code)
	}
	if code, _ := ts.do("GET", "/v2/users/check_credentials", tok, nil); code != 200 {
		t.Errorf("token within jwt_expire_minutes: %d", code)
	}
	ts.clock.Add(61 * time.Second) // past jwt_expire_minutes (2)
	code, b := ts.do("GET", "/v2/users/check_credentials", tok, nil)
	if code != 401 || !strings.Contains(string(b), "expired") {
		t.Errorf("expired token: %d %s", code, b)
	}
	if code, _ := ts.do("PUT", "/v2/"+protocol.FilePath(protocol.RecipeRevisionPath(ref.Ref{Name: "a1", Version: "1.0", Revision: "r1"}), n), tok, []byte("x")); code != 401 {
		t.Errorf("upload with expired token: %d, want 401", code)
	}
}

// TestConcurrentUploads: 50 clients upload the same reference, and 50
// different ones, at once; every file must be whole and every revision
// listed.
func TestConcurrentUploads(t *testing.T) {
	ts := startServer(t, serverOpts{})
	tok := ts.login("demo", "demo")
	same := ref.MustParse("same/1.0@demo/testing")
	sameFiles := recipeFiles(t, same, "same")
	same.Revision = revOf(sameFiles)
	samePkg := packageFiles(t, "Linux", "same")

	const n = 50
	var wg sync.WaitGroup
	errs := make(chan error, 4*n)
	put := func(path string, body []byte) {
		req, _ := http.NewRequest("PUT", ts.URL+path, bytes.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		req.Header.Set(protocol.HeaderChecksumSha1, sha1hex(body))
		resp, err := ts.Client().Do(req)
		if err != nil {
			errs <- err
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			errs <- fmt.Errorf("PUT %s: %d %s", path, resp.StatusCode, b)
		}
	}
	upload := func(r ref.Ref, rf map[string][]byte, p ref.PackageRef, pf map[string][]byte) {
		defer wg.Done()
		for _, name := range sortedNames(rf) {
			put("/v2/"+protocol.FilePath(protocol.RecipeRevisionPath(r), name), rf[name])
		}
		for _, name := range sortedNames(pf) {
			put("/v2/"+protocol.FilePath(protocol.PackageRevisionPath(p), name), pf[name])
		}
	}
	others := make([]ref.Ref, n)
	otherFiles := make([]map[string][]byte, n)
	for i := 0; i < n; i++ {
		others[i] = ref.MustParse(fmt.Sprintf("lib%02d/1.%d@demo/testing", i, i))
		otherFiles[i] = recipeFiles(t, others[i], fmt.Sprint(i))
		others[i].Revision = revOf(otherFiles[i])
	}
	for i := 0; i < n; i++ {
		wg.Add(2)
		go upload(same, sameFiles, ref.PackageRef{Ref: same, PackageID: "pkg1", Revision: revOf(samePkg)}, samePkg)
		pf := packageFiles(t, "Linux", fmt.Sprint(i))
		go upload(others[i], otherFiles[i], ref.PackageRef{Ref: others[i], PackageID: "pkg1", Revision: revOf(pf)}, pf)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var sr protocol.SearchResult
	ts.getJSON("/v2/conans/search", "", &sr)
	if len(sr.Results) != n+1 {
		t.Errorf("search lists %d recipes, want %d", len(sr.Results), n+1)
	}
	check := func(r ref.Ref, rf map[string][]byte) {
		var revs protocol.RevisionList
		ts.getJSON("/v2/"+protocol.RecipePath(r)+"/revisions", "", &revs)
		if len(revs.Revisions) != 1 || revs.Revisions[0].Revision != r.Revision {
			t.Errorf("%s revisions: %+v", r.String(), revs)
		}
		for name, want := range rf {
			code, got := ts.do("GET", "/v2/"+protocol.FilePath(protocol.RecipeRevisionPath(r), name), "", nil)
			if code != 200 || !bytes.Equal(got, want) {
				t.Errorf("%s %s: %d, corrupted", r.String(), name, code)
			}
		}
		var ps protocol.PackageSearch
		ts.getJSON("/v2/"+protocol.RecipeRevisionPath(r)+"/search", "", &ps)
		if len(ps) != 1 {
			t.Errorf("%s packages: %v", r.String(), ps)
		}
	}
	check(same, sameFiles)
	for i := range others {
		check(others[i], otherFiles[i])
	}
	// The indexes on disk are whole JSON (a restarted server reads them).
	st, err := storage.Open(ts.srv.Store().Driver(), ts.srv.log)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(st.Recipes()); got != n+1 {
		t.Errorf("reopened store has %d recipes, want %d", got, n+1)
	}
	if tmp := storedFilesUnder(t, ts.dir, storage.TmpDir); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

func storedFilesUnder(t *testing.T, dir, prefix string) []string {
	var out []string
	for _, f := range storedFiles(t, dir) {
		if strings.HasPrefix(f, prefix+"/") {
			out = append(out, f)
		}
	}
	return out
}

// TestConcurrentRevisions: 50 clients upload 50 revisions of one
// reference at once; all must be listed.
func TestConcurrentRevisions(t *testing.T) {
	ts := startServer(t, serverOpts{})
	tok := ts.login("demo", "demo")
	const n = 50
	var wg sync.WaitGroup
	revs := make([]string, n)
	for i := 0; i < n; i++ {
		r := ref.MustParse("multi/1.0")
		f := recipeFiles(t, r, fmt.Sprint(i))
		r.Revision = revOf(f)
		revs[i] = r.Revision
		wg.Add(1)
		go func() {
			defer wg.Done()
			ts.uploadRecipe(tok, r, f)
		}()
	}
	wg.Wait()
	var list protocol.RevisionList
	ts.getJSON("/v2/conans/multi/1.0/_/_/revisions", "", &list)
	got := map[string]bool{}
	for _, r := range list.Revisions {
		got[r.Revision] = true
	}
	for _, r := range revs {
		if !got[r] {
			t.Errorf("revision %s lost", r)
		}
	}
	if len(list.Revisions) != n {
		t.Errorf("%d revisions listed, want %d", len(list.Revisions), n)
	}
}

// TestKilledUpload: a client that dies in the middle of a file, or
// before its manifest, leaves nothing visible.
func TestKilledUpload(t *testing.T) {
	ts := startServer(t, serverOpts{})
	tok := ts.login("demo", "demo")
	r := ref.MustParse("killed/1.0@demo/testing")
	f := recipeFiles(t, r, "k")
	r.Revision = revOf(f)

	// All files but the manifest: the revision stays invisible.
	for _, name := range []string{protocol.Conanfile} {
		p := "/v2/" + protocol.FilePath(protocol.RecipeRevisionPath(r), name)
		if code, _ := ts.do("PUT", p, tok, f[name]); code != 200 {
			t.Fatalf("PUT %s: %d", name, code)
		}
	}
	// The export tgz is cut after half its bytes by a dying connection.
	body := f[protocol.ExportTgz]
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	path := "/v2/" + protocol.FilePath(protocol.RecipeRevisionPath(r), protocol.ExportTgz)
	fmt.Fprintf(conn, "PUT %s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Length: %d\r\n\r\n", path, tok, len(body))
	conn.Write(body[:len(body)/2])
	conn.Close()
	// The failure is counted once the handler has dropped the request
	// and cleaned up: wait for that. (An empty temporary folder is no
	// sign: the server may not have created the file yet.)
	deadline := time.Now().Add(5 * time.Second)
	want := `conid_serve_upload_failures_total{reason="truncated"} 1`
	for {
		_, m := ts.do("GET", "/metrics", "", nil)
		if strings.Contains(string(m), want) {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("metrics lack %s", want)
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if tmp := storedFilesUnder(t, ts.dir, storage.TmpDir); len(tmp) != 0 {
		t.Errorf("partial upload left temporary files: %v", tmp)
	}
	for _, f := range storedFiles(t, ts.dir) {
		if strings.HasSuffix(f, protocol.ExportTgz) {
			t.Errorf("partial file stored: %s", f)
		}
	}
	if code, _ := ts.do("GET", "/v2/"+protocol.RecipePath(r)+"/latest", "", nil); code != 404 {
		t.Errorf("latest of an unfinished upload: %d, want 404", code)
	}
	if code, _ := ts.do("GET", "/v2/"+protocol.RecipeRevisionPath(r)+"/files", "", nil); code != 404 {
		t.Errorf("files of an unfinished upload: %d, want 404", code)
	}
	var sr protocol.SearchResult
	ts.getJSON("/v2/conans/search", "", &sr)
	if len(sr.Results) != 0 {
		t.Errorf("search shows an unfinished upload: %v", sr.Results)
	}
	// Retrying the whole upload completes it.
	ts.uploadRecipe(tok, r, f)
	var latest protocol.Revision
	ts.getJSON("/v2/"+protocol.RecipePath(r)+"/latest", "", &latest)
	if latest.Revision != r.Revision {
		t.Errorf("latest after retry: %+v", latest)
	}
}

// TestBadInput: each bad request gets a 4xx with a message, and writes
// nothing.
func TestBadInput(t *testing.T) {
	ts := startServer(t, serverOpts{maxUpload: 1000})
	tok := ts.login("demo", "demo")
	good := "/v2/conans/pkg/1.0/_/_/revisions/abc123/files/"
	cases := []struct {
		name, method, path string
		body               []byte
		hdr                []string
		want               int
		msg                string
	}{
		{"bad name", "GET", "/v2/conans/p!kg/1.0/_/_/latest", nil, nil, 400, "invalid reference"},
		{"user without channel", "GET", "/v2/conans/pkg/1.0/user/_/latest", nil, nil, 400, "user"},
		{"bad revision", "PUT", "/v2/conans/pkg/1.0/_/_/revisions/ab-c/files/conanfile.py", []byte("x"), nil, 400, "recipe revision"},
		{"dot-dot file", "PUT", good + "../../../../etc/passwd", []byte("x"), nil, 400, "invalid file name"},
		{"dot-dot inside", "PUT", good + "a/../b", []byte("x"), nil, 400, "invalid file name"},
		{"absolute file", "PUT", good + "/etc/passwd", []byte("x"), nil, 400, "invalid file name"},
		{"escaped dot-dot", "PUT", good + "%2e%2e/x", []byte("x"), nil, 400, "invalid file name"},
		{"oversized body", "PUT", good + "conanfile.py", make([]byte, 2000), nil, 413, "max_upload_size"},
		{"checksum mismatch", "PUT", good + "conanfile.py", []byte("abc"), []string{protocol.HeaderChecksumSha1, strings.Repeat("0", 40)}, 400, "SHA-1"},
		{"malformed checksum", "PUT", good + "conanfile.py", []byte("abc"), []string{protocol.HeaderChecksumSha1, "zz"}, 400, "X-Checksum-Sha1"},
		{"package of a missing recipe", "PUT", "/v2/conans/pkg/1.0/_/_/revisions/abc123/packages/id1/revisions/p1/files/conaninfo.txt", []byte("x"), nil, 404, "recipe"},
		{"unknown route", "GET", "/v2/nothing", nil, nil, 404, "no such route"},
		{"bad v1 json", "POST", "/v1/conans/pkg/1.0/_/_/upload_urls", []byte("{"), nil, 400, "invalid JSON"},
		{"v1 dot-dot upload name", "POST", "/v1/conans/pkg/1.0/_/_/upload_urls", []byte(`{"../x": 1}`), nil, 400, "invalid file name"},
		{"v1 oversized json", "POST", "/v1/conans/pkg/1.0/_/_/upload_urls", append([]byte(`{"a":"`), append(bytes.Repeat([]byte("a"), 2<<20), '"', '}')...), nil, 413, "larger than"},
		{"v1 transfer without signature", "PUT", "/v1/files/pkg/1.0/_/_/0/export/conanfile.py", []byte("x"), nil, 404, "signature"},
		{"basic auth on an API route", "GET", "/v2/conans/search", nil, []string{"Authorization", "Basic ZGVtbzpkZW1v"}, 401, "not implemented"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req, _ := http.NewRequest(c.method, ts.URL, bytes.NewReader(c.body))
			req.URL.Opaque = c.path // sent as is, not cleaned
			if c.body == nil {
				req.Body = nil
			}
			req.Header.Set("Authorization", "Bearer "+tok)
			for i := 0; i+1 < len(c.hdr); i += 2 {
				req.Header.Set(c.hdr[i], c.hdr[i+1])
			}
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != c.want || !strings.Contains(string(b), c.msg) {
				t.Errorf("%s %s: %d %q, want %d with %q", c.method, c.path, resp.StatusCode, b, c.want, c.msg)
			}
		})
	}
	if files := storedFiles(t, ts.dir); len(files) != 0 {
		t.Errorf("bad requests wrote %v", files)
	}
}

func TestMetricsAndHealth(t *testing.T) {
	ts := startServer(t, serverOpts{})
	ts.do("GET", "/v2/ping", "", nil)
	code, b := ts.do("GET", "/metrics", "", nil)
	if code != 200 || !strings.Contains(string(b), `conid_serve_requests_total{api="2",code="200",method="GET",route="ping"} 1`) {
		t.Errorf("metrics: %d\n%s", code, b)
	}
	if code, b := ts.do("GET", "/healthz", "", nil); code != 200 || string(b) != "ok\n" {
		t.Errorf("health: %d %q", code, b)
	}
}

// TestServesExistingFolder: a folder in conan_server's layout, with a
// 1.x revisions.txt (ISO times) and a 2.x one (float times), is served.
func TestServesExistingFolder(t *testing.T) {
	dir := t.TempDir()
	d, err := storage.NewDisk(dir)
	if err != nil {
		t.Fatal(err)
	}
	put := func(key, body string) {
		if _, err := d.Put(key, strings.NewReader(body), -1, ""); err != nil {
			t.Fatal(err)
		}
	}
	put("hello/0.1/demo/testing/revisions.txt", `{"revisions": [{"revision": "r1", "time": "2024-01-02T03:04:05Z"}]}`)
	put("hello/0.1/demo/testing/r1/export/conanfile.py", "x")
	put("hello/0.1/demo/testing/r1/export/conanmanifest.txt", "1\n")
	put("hello/0.1/demo/testing/r1/package/p1/revisions.txt", `{"revisions": [{"revision": "q1", "time": 1700000000.5}]}`)
	put("hello/0.1/demo/testing/r1/package/p1/q1/conaninfo.txt", "[settings]\n    os=Linux\n")
	put("old/1.0/_/_/0/export/conanfile.py", "x") // a v1 upload without revisions.txt
	st, err := storage.Open(d, nil)
	if err == nil {
		_ = st
	}
	cfg, err := ParseConfig("server.conf", []byte(fmt.Sprintf(testConf, 1000, "*/*@*/*: demo", "*/*@*/*: *")), nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg.StoragePath = dir
	s, err := New(Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: httpServer(t, s), srv: s, t: t}
	var sr protocol.SearchResult
	ts.getJSON("/v2/conans/search", "", &sr)
	if strings.Join(sr.Results, ",") != "hello/0.1@demo/testing,old/1.0" {
		t.Errorf("search: %v", sr.Results)
	}
	var ps protocol.PackageSearch
	ts.getJSON("/v1/conans/hello/0.1/demo/testing/search", "", &ps)
	if ps["p1"].Settings["os"] != "Linux" {
		t.Errorf("packages: %+v", ps)
	}
	var rev protocol.Revision
	ts.getJSON("/v2/conans/hello/0.1/demo/testing/revisions/r1/packages/p1/latest", "", &rev)
	if rev.Revision != "q1" || !strings.HasPrefix(rev.Time, "2023-11-14T22:13:20") {
		t.Errorf("package latest: %+v", rev)
	}
	ts.getJSON("/v2/conans/old/1.0/_/_/latest", "", &rev)
	if rev.Revision != "0" {
		t.Errorf("v1 recipe without index: %+v", rev)
	}
}
