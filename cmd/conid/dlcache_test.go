package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conid/conid/remote/dlcache"
)

// TestMain lets tests run the conid binary they are built into: with
// CONID_TEST_MAIN=1 the test binary is conid.
func TestMain(m *testing.M) {
	if os.Getenv("CONID_TEST_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// bigRemote writes a conan_server storage folder holding big/1.0: its
// recipe (2 files) and 6 binaries of 3 files each, 20 files in all.
func bigRemote(t *testing.T) (dir string, contents map[string][]byte) {
	t.Helper()
	dir = t.TempDir()
	contents = map[string][]byte{}
	rng := rand.New(rand.NewSource(1))
	write := func(rel string, b []byte) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	revs := `{"revisions": [{"revision": "0", "time": "2026-01-01T00:00:00Z"}]}`
	base := "big/1.0/_/_"
	write(base+"/revisions.txt", []byte(revs))
	conanfile := []byte("from conans import ConanFile\nclass Big(ConanFile):\n    name = \"big\"\n    version = \"1.0\"\n")
	write(base+"/0/export/conanfile.py", conanfile)
	write(base+"/0/export/conanmanifest.txt", []byte(fmt.Sprintf("1700000000\nconanfile.py: %x\n", md5.Sum(conanfile))))
	for i := 0; i < 6; i++ {
		id := fmt.Sprintf("%040x", i+1)
		pkg := base + "/0/package/" + id
		write(pkg+"/revisions.txt", []byte(revs))
		payload := make([]byte, 200<<10)
		rng.Read(payload)
		name := fmt.Sprintf("lib/libbig%d.a", i)
		contents[id+"/"+name] = payload
		var buf bytes.Buffer
		gz := gzip.NewWriter(&buf)
		tw := tar.NewWriter(gz)
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(payload)), Typeflag: tar.TypeReg})
		tw.Write(payload)
		tw.Close()
		gz.Close()
		info := []byte(fmt.Sprintf("[settings]\n    os=Linux%d\n", i))
		write(pkg+"/0/conan_package.tgz", buf.Bytes())
		write(pkg+"/0/conaninfo.txt", info)
		write(pkg+"/0/conanmanifest.txt", []byte(fmt.Sprintf("1700000000\nlib/libbig%d.a: %x\n", i, md5.Sum(payload))))
	}
	return dir, contents
}

// conidCmd runs this test binary as conid.
func conidCmd(userHome string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CONID_TEST_MAIN=1", "CONAN_USER_HOME="+userHome)
	return cmd
}

func treeBytes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	return out
}

// Eight conid processes download the same 20 files at once through one
// download cache: each file is fetched from the remote once, stored
// once, and every process unpacks the same bytes.
func TestDownloadCacheConcurrentProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	storage, contents := bigRemote(t)
	srv, url := startServe(t, storage, false)
	srv.FileDelay.Store(int64(20 * time.Millisecond))
	userHome := remoteHome(t, url)
	cache := t.TempDir()
	dests := make([]string, 8)
	errs := make([]error, 8)
	outs := make([][]byte, 8)
	var wg sync.WaitGroup
	for i := range dests {
		dests[i] = filepath.Join(t.TempDir(), "dest")
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], errs[i] = conidCmd(userHome, "download", "big/1.0@", "-r", "local", "--dest", dests[i], "--download-cache", cache).CombinedOutput()
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("process %d: %v\n%s", i, err, outs[i])
		}
	}
	files := 0
	for path, n := range srv.Hits() {
		if strings.HasPrefix(path, "/v1/files/") {
			files++
			if n != 1 {
				t.Errorf("%s downloaded %d times", path, n)
			}
		}
	}
	if files != 20 {
		t.Errorf("%d files downloaded from the remote, want 20", files)
	}
	c, err := dlcache.Open(cache)
	if err != nil {
		t.Fatal(err)
	}
	entries, st, err := c.Entries()
	if err != nil || len(entries) != 20 || st.Temporary != 0 {
		t.Fatalf("cache holds %d entries (%+v), %v; want 20", len(entries), st, err)
	}
	first := treeBytes(t, dests[0])
	for id, payload := range contents {
		if first["package/"+id] != string(payload) {
			t.Errorf("package/%s: wrong bytes", id)
		}
	}
	for i := 1; i < len(dests); i++ {
		if got := treeBytes(t, dests[i]); fmt.Sprint(got) != fmt.Sprint(first) {
			t.Errorf("process %d unpacked other bytes than process 0", i)
		}
	}
	if checked, problems, err := c.Verify(); err != nil || checked != 20 || len(problems) != 0 {
		t.Errorf("verify: %d checked, %v, %v", checked, problems, err)
	}
}

// A download killed midway, or cut by the server, leaves nothing that a
// later run trusts.
func TestDownloadCacheInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("runs processes")
	}
	storage, contents := bigRemote(t)
	srv, url := startServe(t, storage, false)
	userHome := remoteHome(t, url)
	cache := t.TempDir()
	dest := filepath.Join(t.TempDir(), "dest")
	args := []string{"download", "big/1.0@", "-r", "local", "--dest", dest, "--download-cache", cache}

	// The server drops every file halfway: no entry may appear.
	srv.CutFiles.Store(true)
	if out, err := conidCmd(userHome, args...).CombinedOutput(); err == nil {
		t.Fatalf("download of cut files succeeded:\n%s", out)
	}
	c, _ := dlcache.Open(cache)
	if entries, _, _ := c.Entries(); len(entries) != 0 {
		t.Fatalf("cut downloads left %d entries", len(entries))
	}
	srv.CutFiles.Store(false)

	// Killed while files are on their way.
	srv.FileDelay.Store(int64(30 * time.Second))
	cmd := conidCmd(userHome, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		if _, st, _ := c.Entries(); st.Temporary > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no download started")
		}
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	entries, st, _ := c.Entries()
	if len(entries) != 0 || st.Temporary == 0 {
		t.Fatalf("after the kill: %d entries, %+v; want none, and the leftovers counted", len(entries), st)
	}
	if _, err := os.Stat(filepath.Join(dest, "export")); err == nil {
		t.Fatalf("a killed download left %s", filepath.Join(dest, "export"))
	}

	// The next run downloads everything again, correctly.
	srv.FileDelay.Store(0)
	if out, err := conidCmd(userHome, args...).CombinedOutput(); err != nil {
		t.Fatalf("download after the kill: %v\n%s", err, out)
	}
	got := treeBytes(t, dest)
	for id, payload := range contents {
		if got["package/"+id] != string(payload) {
			t.Errorf("package/%s: wrong bytes after an interrupted download", id)
		}
	}
	if out, err := conidCmd(userHome, "cache", "clean", "--download-cache", cache).CombinedOutput(); err != nil {
		t.Fatalf("cache clean: %v\n%s", err, out)
	}
	if entries, st, _ := c.Entries(); len(entries) != 0 || st.Temporary != 0 {
		t.Errorf("after clean: %d entries, %+v", len(entries), st)
	}
}
