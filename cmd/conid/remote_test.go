package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/remote"
	"github.com/conid/conid/remote/remotetest"
)

// The remote scenarios were run with Conan 1.65.0 against the Python
// conan_server (testdata/remote/README.md says how); the test server
// serves the same storage folder, so conid must print what Conan did.

const oracleURL = "http://localhost:9300"

// testServer serves testdata/remote/server with conid serve's handler.
func testServer(t *testing.T) (*remotetest.Faults, string) {
	t.Helper()
	return startServe(t, filepath.Join("..", "..", "testdata", "remote", "server"), false)
}

// remoteHome makes a Conan home whose remotes.json has "local" at url,
// with cache fixtures copied into its data folder.
func remoteHome(t *testing.T, url string, caches ...string) string {
	t.Helper()
	userHome := t.TempDir()
	h := filepath.Join(userHome, ".conan")
	rs := &remote.Remotes{List: []remote.Remote{{Name: "local", URL: url, VerifySSL: true}}}
	if err := rs.Save(h); err != nil {
		t.Fatal(err)
	}
	for _, c := range caches {
		copyTree(t, filepath.Join("..", "..", "testdata", "remote", c), filepath.Join(h, "data"))
	}
	return userHome
}

func golden(t *testing.T, name, url string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "remote", name))
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), oracleURL, url)
}

func profileArg(t *testing.T) string {
	p, err := filepath.Abs(filepath.Join("..", "..", "testdata", "remote", "profile"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustRun(t *testing.T, userHome string, args ...string) caseRun {
	t.Helper()
	res := runConid(t, t.TempDir(), userHome, args)
	if res.code != 0 {
		t.Fatalf("conid %s: exit %d\n%s%s", strings.Join(args, " "), res.code, res.stdout, res.stderr)
	}
	return res
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sameJSON compares info JSON, with required_by sorted: Conan builds it
// from a set, so its order varies between runs.
func sameJSON(t *testing.T, what, got, want string) {
	t.Helper()
	norm := func(s string) any {
		var v []map[string]any
		if err := json.Unmarshal([]byte(s), &v); err != nil {
			t.Fatalf("%s: %v\n%s", what, err, s)
		}
		for _, it := range v {
			if l, ok := it["required_by"].([]any); ok {
				sort.Slice(l, func(i, j int) bool { return l[i].(string) < l[j].(string) })
			}
		}
		return v
	}
	if !reflect.DeepEqual(norm(got), norm(want)) {
		t.Errorf("%s differs from Conan's\n got: %s\nwant: %s", what, got, want)
	}
}

// Recipes only on the remote: downloaded, ranges resolved against the
// remote's versions, binaries Download or Missing, as Conan 1.65.
func TestRemoteRecipesOnlyOnRemote(t *testing.T) {
	srv, url := testServer(t)
	userHome := remoteHome(t, url)
	out := filepath.Join(t.TempDir(), "info.json")
	res := mustRun(t, userHome, "info", "app/1.0@", "-pr", profileArg(t), "-r", "local", "--json", out)
	if got, want := readFile(t, out), golden(t, "infoA.json", url); got != want {
		t.Errorf("info --json differs from Conan's\n got: %s\nwant: %s", got, want)
	}
	for _, line := range []string{
		"app/1.0: Retrieving from server 'local' ",
		"zlib/* versions found in 'local' remote",
		"Version range '~1.2' required by 'boost/1.80.0' resolved to 'zlib/1.2.13' in remote 'local'",
		"Version range '>=1.2 <1.3' required by 'openssl/3.0.0' resolved to 'zlib/1.2.13' in local cache",
	} {
		if !strings.Contains(res.stderr, line+"\n") {
			t.Errorf("output lacks %q:\n%s", line, res.stderr)
		}
	}
	// One package search per recipe, and nothing asked twice.
	for path, n := range srv.Hits() {
		if n > 1 && path != "/v1/conans/search" {
			t.Errorf("%s asked %d times", path, n)
		}
	}
	lock := filepath.Join(t.TempDir(), "lock.json")
	mustRun(t, userHome, "lock", "create", "--reference", "app/1.0@", "-pr", profileArg(t), "-r", "local", "--lockfile-out", lock)
	if got, want := readFile(t, lock), golden(t, "lockA.json", url); got != want {
		t.Errorf("lockfile differs from Conan's\n got: %s\nwant: %s", got, want)
	}
	// Now in the cache: the text output of a second run.
	res = mustRun(t, userHome, "info", "app/1.0@", "-pr", profileArg(t), "-r", "local")
	if got, want := res.stdout, golden(t, "infoA.txt", url); !strings.HasSuffix(want, got) || got == "" {
		t.Errorf("info text differs from Conan's\n got: %s\nwant: %s", got, want)
	}

	// The same graph with every recipe local gives the same lockfile.
	local := remoteHome(t, url, "cache")
	lockB := filepath.Join(t.TempDir(), "lock.json")
	mustRun(t, local, "lock", "create", "--reference", "app/1.0@", "-pr", profileArg(t), "-r", "local", "--lockfile-out", lockB)
	if got, want := readFile(t, lockB), readFile(t, lock); got != want {
		t.Errorf("lockfile with local recipes differs from the one with remote recipes\n got: %s\nwant: %s", got, want)
	}
}

// Recipes in the cache, binaries on the remote, with -r NAME and with
// -r all (Conan without -r: every remote in order).
func TestRemoteBinaryStatus(t *testing.T) {
	_, url := testServer(t)
	for _, c := range []struct {
		caches []string
		remote string
		want   string
	}{
		{[]string{"cache"}, "local", "infoB_r.json"},
		{[]string{"cache"}, "all", "infoB_all.json"},
		{[]string{"cache", "overlayC"}, "local", "infoC_r.json"},
		{[]string{"cache", "overlayC"}, "all", "infoC_all.json"},
	} {
		userHome := remoteHome(t, url, c.caches...)
		out := filepath.Join(t.TempDir(), "info.json")
		mustRun(t, userHome, "info", "app/1.0@", "-pr", profileArg(t), "-r", c.remote, "--json", out)
		sameJSON(t, c.want, readFile(t, out), golden(t, c.want, url))
	}
	// Offline (no -r), a binary in the cache is still Cache.
	userHome := remoteHome(t, url, "cache", "overlayC")
	res := mustRun(t, userHome, "info", "zlib/1.2.13@", "-pr", profileArg(t), "-n", "binary")
	if !strings.Contains(res.stdout, "Binary: Cache") {
		t.Errorf("offline info of a cached binary:\n%s", res.stdout)
	}
}

func TestRemoteAuthAndRetries(t *testing.T) {
	srv, url := startServe(t, filepath.Join("..", "..", "testdata", "remote", "server"), true)
	userHome := remoteHome(t, url, "cache")
	args := []string{"info", "app/1.0@", "-pr", profileArg(t), "-r", "local", "-n", "binary"}
	res := runConid(t, t.TempDir(), userHome, args)
	if res.code == 0 || !strings.Contains(res.stderr, "401") || !strings.Contains(res.stderr, "conid user") {
		t.Fatalf("anonymous request to a private remote: exit %d, want a clear 401 error\n%s", res.code, res.stderr)
	}
	if r := runConid(t, t.TempDir(), userHome, []string{"user", "demo", "-p", "wrong", "-r", "local"}); r.code == 0 || !strings.Contains(r.stderr, "Wrong user or password") {
		t.Fatalf("bad password: exit %d\n%s", r.code, r.stderr)
	}
	res = mustRun(t, userHome, "user", "demo", "-p", "demo", "-r", "local")
	if want := "Changed user of remote 'local' from 'None' (anonymous) to 'demo'\n"; res.stdout != want {
		t.Errorf("user -p: got %q, want %q", res.stdout, want)
	}
	login, err := remote.OpenLocalDB(filepath.Join(userHome, ".conan")).Get(url)
	if err != nil || login.User != "demo" || strings.Count(login.Token, ".") != 2 {
		t.Fatalf(".conan.db holds %+v, %v", login, err)
	}
	srv.Fail5xx.Store(3)
	res = mustRun(t, userHome, args...)
	if strings.Count(res.stdout, "Binary: Download") != 3 || strings.Count(res.stdout, "Binary: Missing") != 2 {
		t.Errorf("after login and 503s:\n%s", res.stdout)
	}
}

func TestRemoteCommands(t *testing.T) {
	userHome := t.TempDir()
	run := func(args ...string) caseRun { return runConid(t, t.TempDir(), userHome, args) }
	for _, args := range [][]string{
		{"remote", "add", "a", "http://a.example"},
		{"remote", "add", "b", "http://b.example", "False"},
		{"remote", "add", "c", "http://c.example", "-i", "0"},
		{"remote", "update", "a", "http://a2.example"},
		{"remote", "remove", "conancenter"},
	} {
		if r := run(args...); r.code != 0 {
			t.Fatalf("%v: %s", args, r.stderr)
		}
	}
	r := run("remote", "list")
	want := "c: http://c.example [Verify SSL: True]\na: http://a2.example [Verify SSL: True]\nb: http://b.example [Verify SSL: False]\n"
	if r.stdout != want {
		t.Errorf("remote list:\n%s\nwant:\n%s", r.stdout, want)
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"remote", "add", "a", "http://x.example"}, "Remote 'a' already exists in remotes (use update to modify)"},
		{[]string{"remote", "add", "x", "http://a2.example"}, "Remote 'a' already exists with same URL"},
		{[]string{"remote", "remove", "zz"}, "No remote 'zz' defined in remotes"},
		{[]string{"remote", "add", "y", "not a url"}, "invalid remote URL"},
		{[]string{"info", "zlib/1.0@", "-pr", profileArg(t), "-r", "nope"}, "No remote 'nope' defined in remotes"},
	} {
		if r := run(c.args...); r.code == 0 || !strings.Contains(r.stderr, c.msg) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, r.code, r.stderr, c.msg)
		}
	}
	// A broken remotes.json is named in the error.
	os.WriteFile(filepath.Join(userHome, ".conan", "remotes.json"), []byte(`{"remotes": [{"name": 3}]}`), 0o644)
	if r := run("remote", "list"); r.code == 0 || !strings.Contains(r.stderr, "remotes.json") || !strings.Contains(r.stderr, "remotes[0]") {
		t.Errorf("broken remotes.json: %q", r.stderr)
	}
}

// With revisions_enabled the client speaks API v2.
func TestRemoteRevisions(t *testing.T) {
	srv, url := testServer(t)
	userHome := remoteHome(t, url)
	if err := os.WriteFile(filepath.Join(userHome, ".conan", "conan.conf"), []byte("[general]\nrevisions_enabled = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "info.json")
	mustRun(t, userHome, "info", "app/1.0@", "-pr", profileArg(t), "-r", "local", "--json", out)
	if got, want := readFile(t, out), golden(t, "infoR.json", url); got != want {
		t.Errorf("info --json differs from Conan's\n got: %s\nwant: %s", got, want)
	}
	lock := filepath.Join(t.TempDir(), "lock.json")
	mustRun(t, userHome, "lock", "create", "--reference", "app/1.0@", "-pr", profileArg(t), "-r", "local", "--lockfile-out", lock)
	if got, want := readFile(t, lock), golden(t, "lockR.json", url); got != want {
		t.Errorf("lockfile differs from Conan's\n got: %s\nwant: %s", got, want)
	}
	c := &remote.Client{Remote: remote.Remote{Name: "local", URL: url}, Revisions: true}
	revs, err := c.RecipeRevisions(context.Background(), ref.Ref{Name: "zlib", Version: "1.2.13"})
	if err != nil || len(revs) != 1 || revs[0].Revision != "0" {
		t.Errorf("revisions of zlib/1.2.13: %v %v", revs, err)
	}
	v2 := 0
	for path := range srv.Hits() {
		if strings.HasPrefix(path, "/v2/") {
			v2++
		}
	}
	if v2 == 0 {
		t.Error("no API v2 request with revisions enabled")
	}
}

// Two remotes, no -r in Conan (-r all in conid): recipes, ranges and
// binaries looked for in the registry's order.
func TestRemoteAllOrder(t *testing.T) {
	_, url2 := startServe(t, filepath.Join("..", "..", "testdata", "remote", "server2"), false)
	_, url := testServer(t)
	userHome := t.TempDir()
	rs := &remote.Remotes{List: []remote.Remote{{Name: "r1", URL: url2, VerifySSL: true}, {Name: "local", URL: url, VerifySSL: true}}}
	if err := rs.Save(filepath.Join(userHome, ".conan")); err != nil {
		t.Fatal(err)
	}
	fix := func(s string) string { return strings.ReplaceAll(s, "http://localhost:9301", url2) }
	out := filepath.Join(t.TempDir(), "info.json")
	res := mustRun(t, userHome, "info", "app/1.0@", "-pr", profileArg(t), "-r", "all", "--json", out)
	sameJSON(t, "info2r.json", readFile(t, out), fix(golden(t, "info2r.json", url)))
	for _, line := range []string{
		"app/1.0: Not found in local cache, looking in remotes...\napp/1.0: Trying with 'r1'...\napp/1.0: Trying with 'local'...\n",
		"Version range '~1.2' required by 'boost/1.80.0' resolved to 'zlib/1.2.11' in remote 'r1'\n",
	} {
		if !strings.Contains(res.stderr, line) {
			t.Errorf("output lacks %q:\n%s", line, res.stderr)
		}
	}
	lock := filepath.Join(t.TempDir(), "lock.json")
	mustRun(t, userHome, "lock", "create", "--reference", "app/1.0@", "-pr", profileArg(t), "-r", "all", "--lockfile-out", lock)
	if got, want := readFile(t, lock), golden(t, "lock2r.json", url); got != want {
		t.Errorf("lockfile differs from Conan's\n got: %s\nwant: %s", got, want)
	}
}

// A recipe whose conandata.yml travels in conan_export.tgz (as Conan
// uploads it) is unpacked next to its conanfile.py and read.
func TestRemoteExportArchive(t *testing.T) {
	data := t.TempDir()
	base := filepath.Join(data, "withdata", "1.0", "_", "_")
	export := filepath.Join(base, "0", "export")
	os.MkdirAll(export, 0o755)
	conanfile := "from conans import ConanFile\nclass P(ConanFile):\n    name = \"withdata\"\n    version = \"1.0\"\n    def requirements(self):\n        self.requires(self.conan_data[\"dep\"])\n"
	os.WriteFile(filepath.Join(export, "conanfile.py"), []byte(conanfile), 0o644)
	os.WriteFile(filepath.Join(export, "conan_export.tgz"), tgzOf(t, map[string]string{"conandata.yml": "dep: zlib/1.2.13\n"}), 0o644)
	os.WriteFile(filepath.Join(export, "conanmanifest.txt"), []byte("1700000000\nconanfile.py: x\nconandata.yml: y\n"), 0o644)
	os.WriteFile(filepath.Join(base, "revisions.txt"), []byte(`{"revisions": [{"revision": "0", "time": "2026-01-01T00:00:00Z"}]}`), 0o644)
	copyTree(t, filepath.Join("..", "..", "testdata", "remote", "server"), data)
	_, url := startServe(t, data, false)
	userHome := remoteHome(t, url)
	res := mustRun(t, userHome, "info", "withdata/1.0@", "-pr", profileArg(t), "-r", "local", "-n", "requires")
	if !strings.Contains(res.stdout, "zlib/1.2.13") {
		t.Errorf("conandata.yml not read:\n%s%s", res.stdout, res.stderr)
	}
	if _, err := os.Stat(filepath.Join(userHome, ".conan", "data", "withdata", "1.0", "_", "_", "export", "conandata.yml")); err != nil {
		t.Error(err)
	}
}

func tgzOf(t *testing.T, files map[string]string) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for name, body := range files {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg})
		tw.Write([]byte(body))
	}
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

// Conan's own conan.conf (with [hooks] lines without values) gives the
// download cache folder.
func TestDownloadCacheFromConanConf(t *testing.T) {
	userHome := t.TempDir()
	dc := t.TempDir()
	os.MkdirAll(filepath.Join(userHome, ".conan"), 0o755)
	conf := "[general]\nrevisions_enabled = False\n\n[storage]\npath = ./data\ndownload_cache = " + dc + "\n\n[hooks]    # environment CONAN_HOOKS\nattribute_checker\n"
	os.WriteFile(filepath.Join(userHome, ".conan", "conan.conf"), []byte(conf), 0o644)
	res := mustRun(t, userHome, "cache", "stats")
	if !strings.Contains(res.stdout, dc) || !strings.Contains(res.stdout, "entries: 0") {
		t.Errorf("cache stats:\n%s", res.stdout)
	}
}

func TestRemoteMissingRecipe(t *testing.T) {
	_, url := testServer(t)
	userHome := remoteHome(t, url)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "conanfile.py"), []byte("from conans import ConanFile\nclass C(ConanFile):\n    name = \"cons\"\n    version = \"1.0\"\n    requires = \"nothere/1.0\"\n"), 0o644)
	res := runConid(t, dir, userHome, []string{"info", ".", "-pr", profileArg(t), "-r", "local"})
	// As Conan 1.65 prints it.
	want := "nothere/1.0: Retrieving from server 'local' \nnothere/1.0: Trying with 'local'...\nERROR: Failed requirement 'nothere/1.0' from 'conanfile.py (cons/1.0)'\nERROR: nothere/1.0 was not found in remote 'local'\n"
	if res.code != 1 || res.stderr != want {
		t.Errorf("exit %d\n got: %q\nwant: %q", res.code, res.stderr, want)
	}
	res = runConid(t, dir, userHome, []string{"info", "nothere/1.0@", "-pr", profileArg(t), "-r", "all"})
	if res.code != 1 || !strings.HasSuffix(res.stderr, "ERROR: Unable to find 'nothere/1.0' in remotes\n") {
		t.Errorf("-r all: exit %d: %q", res.code, res.stderr)
	}
}

// The result cache replays a graph only while the cache's metadata and
// package folders read the same: a binary that arrives is seen.
func TestResultCacheSeesNewBinaries(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	userHome := remoteHome(t, "http://127.0.0.1:1", "cache")
	conidHome := t.TempDir()
	info := func() string {
		cmd := conidCmd(userHome, "info", "zlib/1.2.13@", "-pr", profileArg(t), "-n", "binary")
		cmd.Env = append(cmd.Env, "CONID_HOME="+conidHome)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return string(out)
	}
	if out := info(); !strings.Contains(out, "Binary: Missing") {
		t.Fatalf("before: %s", out)
	}
	if out := info(); !strings.Contains(out, "Binary: Missing") {
		t.Fatalf("replayed: %s", out)
	}
	copyTree(t, filepath.Join("..", "..", "testdata", "remote", "overlayC"), filepath.Join(userHome, ".conan", "data"))
	if out := info(); !strings.Contains(out, "Binary: Cache") {
		t.Errorf("after the binary arrived: %s", out)
	}
}
