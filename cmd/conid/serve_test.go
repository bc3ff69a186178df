package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestServeBadInput: a broken server.conf or bad flags stop "conid
// serve" with a message naming the file:line or the flag, before it
// listens.
func TestServeBadInput(t *testing.T) {
	dir := t.TempDir()
	conf := "[server]\njwt_secret: a\njwt_secret: b\n"
	if err := os.WriteFile(filepath.Join(dir, "server.conf"), []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "-d", dir}, filepath.Join(dir, "server.conf") + `:3: key "jwt_secret" already defined in [server] at line 2`},
		{[]string{"serve", "--server-dir", dir, "--log-level", "loud"}, `--log-level "loud"`},
		{[]string{"serve", "-d", dir, "extra"}, "serve takes no arguments"},
		{[]string{"serve", "bench", "--ref", "x"}, "--ref"},
		{[]string{"serve", "bench", "--ref", "zlib/1.3", "--conns", "16,zero"}, "--conns"},
		{[]string{"serve", "bench", "--ref", "zlib/1.3", "--kind", "other"}, "--kind"},
	}
	for _, c := range cases {
		var out, errb bytes.Buffer
		e := &env{stdout: &out, stderr: &errb, cwd: dir, getenv: func(string) string { return "" }}
		if code := run(c.args, e); code == 0 || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, errb.String(), c.want)
		}
	}
}
