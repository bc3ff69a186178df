package server

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conid/conid/recipe/ref"
	"golang.org/x/crypto/bcrypt"
)

func TestDefaultConfigWritten(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	ca, err := LoadConfig(a, nil)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := LoadConfig(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ca.JWTSecret) != 24 || ca.JWTSecret == cb.JWTSecret || ca.UpdownSecret == cb.UpdownSecret || ca.JWTSecret == ca.UpdownSecret {
		t.Errorf("secrets not fresh: %q %q %q", ca.JWTSecret, cb.JWTSecret, ca.UpdownSecret)
	}
	if ca.Port != 9300 || ca.JWTExpire != 120*time.Minute || ca.AuthorizeTimeout != 1800*time.Second ||
		ca.ListenAddress != "127.0.0.1" || ca.StoragePath != filepath.Join(a, "data") || ca.Users["demo"] != "demo" {
		t.Errorf("defaults: %+v", ca)
	}
	if ca.PublicURL() != "http://localhost:9300/v1" {
		t.Errorf("public URL %q", ca.PublicURL())
	}
	if len(ca.ReadPermissions) != 1 || len(ca.WritePermissions) != 0 {
		t.Errorf("permissions: %+v %+v", ca.ReadPermissions, ca.WritePermissions)
	}
	// Loading again reads the same file.
	again, err := LoadConfig(a, nil)
	if err != nil || again.JWTSecret != ca.JWTSecret {
		t.Errorf("reload: %v %q", err, again.JWTSecret)
	}
}

func conf(server, write, read, users string) string {
	return "[server]\n" + server + "\n[write_permissions]\n" + write + "\n[read_permissions]\n" + read + "\n[users]\n" + users + "\n"
}

const minimalServer = "jwt_secret: a\nupdown_secret: b\njwt_expire_minutes: 1.5\n"

func TestParseConfig(t *testing.T) {
	c, err := ParseConfig("/srv/server.conf", []byte(conf(minimalServer+"port = 9400\npublic_port: 443\nhost_name: conan.example\nssl_enabled: True\ndisk_storage_path: /var/conan\nlisten_address: 0.0.0.0",
		"a/*@*/*: x\n*/*@*/*: y, z",
		"*/*@*/*: *", "Alice: p:w=d")), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.JWTExpire != 90*time.Second || c.Port != 9400 || c.StoragePath != "/var/conan" || c.ListenAddr() != "0.0.0.0:9400" {
		t.Errorf("%+v", c)
	}
	if c.PublicURL() != "https://conan.example:443/v1" {
		t.Errorf("public URL %q", c.PublicURL())
	}
	if c.Users["Alice"] != "p:w=d" {
		t.Errorf("users keep case and the value after the first delimiter: %v", c.Users)
	}
	if len(c.WritePermissions) != 2 || c.WritePermissions[0].Name != "a" || strings.Join(c.WritePermissions[1].Users, "|") != "y|z" {
		t.Errorf("write rules in order: %+v", c.WritePermissions)
	}
	// Environment wins over the file, as conan_server's.
	env := map[string]string{"CONAN_SERVER_PORT": "9500", "CONAN_JWT_SECRET": "env", "CONAN_SERVER_USERS": "u1:p1,u2:p2"}
	c, err = ParseConfig("s.conf", []byte(conf(minimalServer, "", "", "demo: demo")), func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.Port != 9500 || c.JWTSecret != "env" || len(c.Users) != 2 || c.Users["u2"] != "p2" {
		t.Errorf("env overrides: %+v", c)
	}
	if c.PublicURL() != "v1" {
		t.Errorf("relative public URL: %q", c.PublicURL())
	}
}

func TestParseConfigErrors(t *testing.T) {
	cases := []struct{ text, want string }{
		{"jwt_secret: a\n", "s.conf:1: \"jwt_secret: a\" is outside any [section]"},
		{"[server]\njwt_secret: a\njwt_secret: b\n", "s.conf:3: key \"jwt_secret\" already defined in [server] at line 2"},
		{"[server]\n[server]\n", "s.conf:2: section [server] already defined at line 1"},
		{"[server]\nnovalue\n", "s.conf:2: expected 'key: value' in [server]"},
		{"[server\n", "s.conf:1: section header"},
		{"[users]\na: b\n", "no [server] section"},
		{conf(minimalServer+"colour: red", "", "", ""), "s.conf:5: unknown key \"colour\" in [server]"},
		{conf("updown_secret: b\njwt_expire_minutes: 1", "", "", ""), "'jwt_secret' setting is needed"},
		{conf(minimalServer+"port: http", "", "", ""), "s.conf:5: port: \"http\" is not a non-negative integer"},
		{conf(minimalServer+"host_name: x", "", "", ""), "'host_name' and 'ssl_enabled' have to be defined together"},
		{conf(minimalServer+"store_adapter: s3", "", "", ""), "store_adapter: \"s3\""},
		{conf(minimalServer, "a/b@c: x", "", ""), "s.conf:7: [write_permissions] rule \"a/b@c\""},
		{conf(minimalServer, "a/1.0: ", "", ""), "s.conf:7: [write_permissions] rule \"a/1.0\": no users"},
		{conf(minimalServer, "", "a[/1.0: x", ""), "s.conf:9: [read_permissions] rule"},
		{conf(minimalServer, "", "", "u: pässword"), "s.conf:11: Password contains invalid characters"},
		{conf(minimalServer+"jwt_expire_minutes: 0", "", "", ""), "key \"jwt_expire_minutes\" already defined"},
		{"[server]\n" + strings.Replace(minimalServer, "1.5", "-1", 1) + "[write_permissions]\n[read_permissions]\n[users]\n", "jwt_expire_minutes: \"-1\" is not a positive number"},
	}
	for _, c := range cases {
		_, err := ParseConfig("s.conf", []byte(c.text), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %s", c.text, err, c.want)
		}
	}
}

func TestRules(t *testing.T) {
	mk := func(p, u string) Rule {
		r, err := ParseRule(p, u)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	cases := []struct {
		rule Rule
		ref  string
		want bool
	}{
		{mk("*/*@*/*", "*"), "zlib/1.2", true},
		{mk("*/*@*/*", "*"), "zlib/1.2@aa/bb", true},
		{mk("zlib/*", "*"), "zlib/1.2", true},
		{mk("zlib/*", "*"), "zlib/1.2@aa/bb", false},
		{mk("zlib/1.*@*/*", "*"), "zlib/1.2@aa/bb", true},
		{mk("zlib/1.*@*/*", "*"), "zlib/2.0@aa/bb", false},
		{mk("boost*/*@*/stable", "*"), "boost_x/1.0@aa/stable", true},
		{mk("boost*/*@*/stable", "*"), "boost_x/1.0@aa/testing", false},
	}
	for _, c := range cases {
		if got := c.rule.Matches(ref.MustParse(c.ref)); got != c.want {
			t.Errorf("%s matches %s = %v, want %v", c.rule.Pattern, c.ref, got, c.want)
		}
	}
	a := &RuleAuthorizer{Read: []Rule{mk("priv/*@*/*", "alice"), mk("*/*@*/*", "*")}}
	ctx := context.Background()
	if err := a.CanRead(ctx, "bob", ref.MustParse("priv/1.0@xx/yy")); !errors.Is(err, ErrForbidden) {
		t.Errorf("first match wins: %v", err)
	}
	if err := a.CanRead(ctx, "", ref.MustParse("pub/1.0")); err != nil {
		t.Errorf("open read: %v", err)
	}
}

func TestGlobSearch(t *testing.T) {
	cases := []struct {
		pattern, ref string
		ignore, want bool
	}{
		{"zlib", "zlib/1.2", true, true}, // a prefix token matches
		{"zlib/*", "zlib/1.2@a/b", true, true},
		{"ZLIB*", "zlib/1.2", true, true},
		{"ZLIB*", "zlib/1.2", false, false},
		{"zl?b/1.[0-9]", "zlib/1.2", true, true},
		{"zl?b/1.[!0-9]", "zlib/1.2", true, false},
		{"zli", "zlib/1.2", true, false}, // not at a token boundary
		{"*@a/b", "zlib/1.2@a/b", true, true},
		{"*@a/b", "zlib/1.2@a/c", true, false},
		{"[oops", "[oops/1.0", true, true}, // "[" without "]" is literal
	}
	for _, c := range cases {
		re, err := globRegexp(c.pattern, c.ignore)
		if err != nil {
			t.Fatal(err)
		}
		r, _ := ref.Fields(c.ref)
		if got := partialMatch(re, r); got != c.want {
			t.Errorf("%q ~ %s (ignorecase %v) = %v, want %v", c.pattern, c.ref, c.ignore, got, c.want)
		}
	}
}

// A case-insensitive pattern whose ranges would have regexp fold a
// hundred thousand runes each is refused, quickly; wide ranges that hold
// every rune with a case, and case-sensitive ones, are not.
func TestGlobFoldBudget(t *testing.T) {
	wide := strings.Repeat("[a-\U0010FFFF]", 50)
	start := time.Now()
	if _, err := globRegexp(wide, true); err == nil {
		t.Fatal("a pattern of 50 ranges from 'a' to the last rune compiled without case")
	}
	if d := time.Since(start); d > 50*time.Millisecond {
		t.Errorf("refusing it took %v", d)
	}
	for _, p := range []string{"[a-\U0010FFFF]", strings.Repeat("[\x00-\U0010FFFF]", 50), "[A-Za-z0-9_]*/[0-9].*"} {
		if _, err := globRegexp(p, true); err != nil {
			t.Errorf("%q: %v", p, err)
		}
	}
	if _, err := globRegexp(wide, false); err != nil {
		t.Errorf("case-sensitive: %v", err)
	}
}

func TestCustomAuthenticators(t *testing.T) {
	dir := t.TempDir()
	hash, _ := bcrypt.GenerateFromPassword([]byte("s3cret"), bcrypt.MinCost)
	os.WriteFile(filepath.Join(dir, "users.htpasswd"), []byte("# users\nalice:"+string(hash)+"\n"), 0o600)
	script := filepath.Join(dir, "auth.sh")
	os.WriteFile(script, []byte("#!/bin/sh\nread u; read p\n[ \"$u\" = bob ] && [ \"$p\" = pw ] && exit 0\nexit 1\n"), 0o755)
	authz := filepath.Join(dir, "authz.sh")
	os.WriteFile(authz, []byte("#!/bin/sh\nread action; read user; read ref\ncase \"$action:$user:$ref\" in read:*:pub/*) exit 0;; write:bob:*) exit 0;; esac\nexit 1\n"), 0o755)
	ctx := context.Background()
	for _, c := range []struct {
		spec, user, pass string
		want             bool
	}{
		{"htpasswd:users.htpasswd", "alice", "s3cret", true},
		{"htpasswd:users.htpasswd", "alice", "wrong", false},
		{"htpasswd:users.htpasswd", "nobody", "s3cret", false},
		{"exec:auth.sh", "bob", "pw", true},
		{"exec:" + script, "bob", "nope", false},
	} {
		a, err := NewAuthenticator(&Config{Dir: dir, CustomAuthenticator: c.spec})
		if err != nil {
			t.Fatal(err)
		}
		if got, err := a.Valid(ctx, c.user, c.pass); err != nil || got != c.want {
			t.Errorf("%s %s/%s = %v, %v; want %v", c.spec, c.user, c.pass, got, err, c.want)
		}
	}
	if _, err := NewAuthenticator(&Config{Dir: dir, CustomAuthenticator: "my_python_plugin"}); err == nil {
		t.Error("a Python plugin name is accepted")
	}
	os.WriteFile(filepath.Join(dir, "bad.htpasswd"), []byte("carol:{SHA}abc\n"), 0o600)
	if _, err := NewAuthenticator(&Config{Dir: dir, CustomAuthenticator: "htpasswd:bad.htpasswd"}); err == nil || !strings.Contains(err.Error(), "bad.htpasswd:1") {
		t.Errorf("non-bcrypt hash: %v", err)
	}
	az, err := NewAuthorizer(&Config{Dir: dir, CustomAuthorizer: "exec:authz.sh"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		write bool
		user  string
		ref   string
		want  error
	}{
		{false, "", "pub/1.0", nil},
		{false, "", "priv/1.0", ErrUnauthenticated},
		{false, "carol", "priv/1.0", ErrForbidden},
		{true, "bob", "priv/1.0", nil},
	} {
		r := ref.MustParse(c.ref)
		var err error
		if c.write {
			err = az.CanWrite(ctx, c.user, r)
		} else {
			err = az.CanRead(ctx, c.user, r)
		}
		if !errors.Is(err, c.want) || (c.want == nil && err != nil) {
			t.Errorf("authorizer write=%v %q %s: %v, want %v", c.write, c.user, c.ref, err, c.want)
		}
	}
}

// FuzzParseConfig: any text gives a configuration or an error, never a
// panic; an error names the file.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(fmt.Sprintf(DefaultConf, "a", "b")))
	f.Add([]byte(conf(minimalServer, "a/*@*/*: x", "*/*@*/*: *", "u: p")))
	f.Add([]byte("[server]\n  cont\nk=v\n\tmore\n;c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseConfig("f.conf", data, nil)
		if err != nil {
			if !strings.Contains(err.Error(), "f.conf") && !strings.Contains(err.Error(), "$") {
				t.Errorf("error without the file: %v", err)
			}
			return
		}
		_ = c.PublicURL()
	})
}

// FuzzParseRule: a parsed rule matches without panicking.
func FuzzParseRule(f *testing.F) {
	for _, s := range []string{"*/*@*/*", "zlib/1.*", "a[/b", "a/b@c/d#r", "", "@", "*/*@*"} {
		f.Add(s, "a, b", "zlib/1.2@u/c")
	}
	f.Fuzz(func(t *testing.T, pattern, users, text string) {
		r, err := ParseRule(pattern, users)
		if err != nil {
			return
		}
		if len(r.Users) == 0 {
			t.Errorf("rule %q without users", pattern)
		}
		if x, err := ref.Parse(text); err == nil {
			r.Matches(x)
			_ = checkRules("u", []Rule{r}, x)
		}
	})
}

// FuzzGlob: any pattern compiles or errs; matching never panics.
func FuzzGlob(f *testing.F) {
	for _, s := range []string{"zlib*", "[!a-z]?", "[", "[]]", "*@*/*", `\`} {
		f.Add(s, "zlib/1.2@a/b")
	}
	f.Fuzz(func(t *testing.T, pattern, text string) {
		re, err := globRegexp(pattern, true)
		if err != nil {
			return
		}
		r, _ := ref.Fields(text)
		partialMatch(re, r)
	})
}

// FuzzRoute: any request path gives a route or a 4xx error; file names
// and storage keys of a route never escape their folder.
func FuzzRoute(f *testing.F) {
	for _, s := range []string{
		"/v2/conans/zlib/1.2/_/_/revisions/abc/files/conanfile.py",
		"/v2/conans/zlib/1.2/u/c/revisions/abc/packages/id/revisions/p1/files/a/b.txt",
		"/v1/files/zlib/1.2/_/_/0/export/conanfile.py",
		"/v1/conans/zlib/1.2/_/_/packages/id/upload_urls",
		"/v2/conans/zlib/1.2/_/_/revisions/abc/files/../../x",
		"/v1/conans/search", "/metrics",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		rt, err := parseRoute(p)
		if err != nil {
			var br *badRequest
			if !errors.As(err, &br) || br.Code < 400 || br.Code >= 500 {
				t.Errorf("%q: error %v is not a 4xx", p, err)
			}
			return
		}
		if rt.Ref.Name != "" && rt.Ref.Validate() != nil {
			t.Errorf("%q: route with invalid reference %+v", p, rt.Ref)
		}
		for _, part := range strings.Split(rt.File, "/") {
			if rt.File != "" && (part == ".." || part == "." || part == "") {
				t.Errorf("%q: file %q escapes", p, rt.File)
			}
		}
		if rt.Kind == kTransfer {
			parseTransferKey(rt.File)
		}
	})
}

// FuzzParseHtpasswd: any file gives users or an error naming file:line.
func FuzzParseHtpasswd(f *testing.F) {
	f.Add([]byte("# c\nalice:$2y$04$abcdefghijklmnopqrstuu5y3G0bQh0l3qV7H9wW4i7m5X3b7e6Y2\n"))
	f.Add([]byte("bob\n:x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		users, err := ParseHtpasswd("h.txt", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "h.txt:") {
				t.Errorf("error without file:line: %v", err)
			}
			return
		}
		for u := range users {
			if u == "" || strings.ContainsAny(u, ":\n") {
				t.Errorf("bad user %q", u)
			}
		}
	})
}
