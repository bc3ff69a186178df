package main

import (
	"fmt"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/conid/conid/remote/remotetest"
	"github.com/conid/conid/server"
)

// startServe runs "conid serve"'s handler on loopback over a copy of a
// conan_server data folder, behind remotetest.Faults. User demo/demo;
// private: reading needs a login.
func startServe(t *testing.T, data string, private bool) (*remotetest.Faults, string) {
	t.Helper()
	dir := t.TempDir()
	if data != "" {
		copyTree(t, data, filepath.Join(dir, "data"))
	}
	hs := httptest.NewUnstartedServer(nil)
	_, p, err := net.SplitHostPort(hs.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	read := "*/*@*/*: *"
	if private {
		read = "*/*@*/*: demo"
	}
	conf := fmt.Sprintf("[server]\njwt_secret: testsecret\njwt_expire_minutes: 120\nssl_enabled: False\nport: %s\nhost_name: 127.0.0.1\nauthorize_timeout: 1800\ndisk_storage_path: %s\nupdown_secret: testupdown\n\n[write_permissions]\n*/*@*/*: demo\n\n[read_permissions]\n%s\n\n[users]\ndemo: demo\n",
		p, filepath.Join(dir, "data"), read)
	cfgFile := filepath.Join(dir, "server.conf")
	if err := os.WriteFile(cfgFile, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := server.ParseConfig(cfgFile, []byte(conf), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	f := &remotetest.Faults{Next: srv}
	hs.Config.Handler = f
	hs.Start()
	t.Cleanup(hs.Close)
	return f, hs.URL
}
