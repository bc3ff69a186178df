package server

import (
	"bufio"
	"bytes"
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/crypto/bcrypt"
)

// Authenticator checks a user name and password.
type Authenticator interface {
	Valid(ctx context.Context, user, password string) (bool, error)
}

// UsersAuthenticator is the [users] section: plain passwords.
type UsersAuthenticator map[string]string

// Valid implements Authenticator.
func (u UsersAuthenticator) Valid(_ context.Context, user, password string) (bool, error) {
	want, ok := u[user]
	if !ok {
		return false, nil
	}
	return subtle.ConstantTimeCompare([]byte(want), []byte(password)) == 1, nil
}

// HtpasswdAuthenticator reads an htpasswd file of bcrypt hashes
// ("user:$2y$..."), again whenever the file changes
// ("custom_authenticator: htpasswd:<file>").
type HtpasswdAuthenticator struct {
	File string

	mu    sync.Mutex
	mtime time.Time
	users map[string][]byte
}

// NewHtpasswd reads an htpasswd file.
func NewHtpasswd(file string) (*HtpasswdAuthenticator, error) {
	h := &HtpasswdAuthenticator{File: file}
	if _, err := h.load(); err != nil {
		return nil, err
	}
	return h, nil
}

// ParseHtpasswd reads the lines of an htpasswd file: "user:hash", "#"
// comments and blank lines; hashes must be bcrypt.
func ParseHtpasswd(file string, data []byte) (map[string][]byte, error) {
	users := map[string][]byte{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		u, hash, ok := strings.Cut(line, ":")
		if !ok || u == "" {
			return nil, &ConfError{File: file, Line: n, Msg: "expected user:bcrypt-hash"}
		}
		if _, err := bcrypt.Cost([]byte(hash)); err != nil {
			return nil, &ConfError{File: file, Line: n, Msg: fmt.Sprintf("user %q: not a bcrypt hash (htpasswd -B): %v", u, err)}
		}
		users[u] = []byte(hash)
	}
	if err := sc.Err(); err != nil {
		return nil, &ConfError{File: file, Line: n + 1, Msg: err.Error()}
	}
	return users, nil
}

func (h *HtpasswdAuthenticator) load() (map[string][]byte, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	st, err := os.Stat(h.File)
	if err != nil {
		return nil, err
	}
	if h.users != nil && st.ModTime().Equal(h.mtime) {
		return h.users, nil
	}
	data, err := os.ReadFile(h.File)
	if err != nil {
		return nil, err
	}
	users, err := ParseHtpasswd(h.File, data)
	if err != nil {
		return nil, err
	}
	h.users, h.mtime = users, st.ModTime()
	return users, nil
}

// Valid implements Authenticator.
func (h *HtpasswdAuthenticator) Valid(_ context.Context, user, password string) (bool, error) {
	users, err := h.load()
	if err != nil {
		return false, err
	}
	hash, ok := users[user]
	if !ok {
		return false, nil
	}
	return bcrypt.CompareHashAndPassword(hash, []byte(password)) == nil, nil
}

// ExecAuthenticator runs a program with the user and the password on two
// lines of standard input; exit status 0 means valid, 1 invalid, anything
// else is an error ("custom_authenticator: exec:<program>").
type ExecAuthenticator struct {
	Program string
	Timeout time.Duration
}

// Valid implements Authenticator.
func (e *ExecAuthenticator) Valid(ctx context.Context, user, password string) (bool, error) {
	ok, err := runProgram(ctx, e.Program, e.Timeout, user+"\n"+password+"\n")
	if err != nil {
		return false, fmt.Errorf("custom_authenticator %w", err)
	}
	return ok, nil
}

// runProgram runs a plugin program with stdin; exit status 0 is true,
// 1 false, anything else an error.
func runProgram(ctx context.Context, program string, timeout time.Duration, stdin string) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, program)
	cmd.Stdin = strings.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return true, nil
	case errors.As(err, &ee) && ee.ExitCode() == 1:
		return false, nil
	default:
		return false, fmt.Errorf("%s: %v: %s", program, err, strings.TrimSpace(stderr.String()))
	}
}

// plugin splits "kind:arg" and resolves a relative arg against dir.
func plugin(spec, dir string) (kind, arg string, err error) {
	kind, arg, ok := strings.Cut(spec, ":")
	if !ok || arg == "" {
		return "", "", fmt.Errorf("%q: expected htpasswd:<file> or exec:<program> (conid loads no Python plugins)", spec)
	}
	if !filepath.IsAbs(arg) {
		arg = filepath.Join(dir, arg)
	}
	return kind, arg, nil
}

// NewAuthenticator builds the authenticator a configuration asks for.
func NewAuthenticator(c *Config) (Authenticator, error) {
	if c.CustomAuthenticator == "" {
		return UsersAuthenticator(c.Users), nil
	}
	kind, arg, err := plugin(c.CustomAuthenticator, c.Dir)
	if err != nil {
		return nil, fmt.Errorf("custom_authenticator %v", err)
	}
	switch kind {
	case "htpasswd":
		return NewHtpasswd(arg)
	case "exec":
		return &ExecAuthenticator{Program: arg, Timeout: 10 * time.Second}, nil
	}
	return nil, fmt.Errorf("custom_authenticator %q: unknown kind %q (htpasswd or exec)", c.CustomAuthenticator, kind)
}

// NewAuthorizer builds the authorizer a configuration asks for.
func NewAuthorizer(c *Config) (Authorizer, error) {
	if c.CustomAuthorizer == "" {
		return &RuleAuthorizer{Read: c.ReadPermissions, Write: c.WritePermissions}, nil
	}
	kind, arg, err := plugin(c.CustomAuthorizer, c.Dir)
	if err != nil {
		return nil, fmt.Errorf("custom_authorizer %v", err)
	}
	if kind != "exec" {
		return nil, fmt.Errorf("custom_authorizer %q: unknown kind %q (exec)", c.CustomAuthorizer, kind)
	}
	return &ExecAuthorizer{Program: arg, Timeout: 10 * time.Second}, nil
}

// Tokens issues and checks the JWTs of conan_server: HS256, user tokens
// {"user", "exp"} signed with jwt_secret, and file transfer tokens
// {"resource_path", "username", "filesize", "exp"} with updown_secret.
type Tokens struct {
	JWTSecret, UpdownSecret []byte
	JWTExpire, UpdownExpire time.Duration
	Now                     func() time.Time
}

func (t *Tokens) now() time.Time {
	if t.Now != nil {
		return t.Now()
	}
	return time.Now()
}

func (t *Tokens) sign(claims jwt.MapClaims, secret []byte, expire time.Duration) (string, error) {
	claims["exp"] = t.now().Add(expire).Unix()
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(secret)
}

func (t *Tokens) parse(token string, secret []byte) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return secret, nil },
		jwt.WithValidMethods([]string{"HS256"}), jwt.WithExpirationRequired(), jwt.WithTimeFunc(t.now))
	return claims, err
}

// UserToken issues a token for a user.
func (t *Tokens) UserToken(user string) (string, error) {
	return t.sign(jwt.MapClaims{"user": user}, t.JWTSecret, t.JWTExpire)
}

// User checks a user token and returns its user.
func (t *Tokens) User(token string) (string, error) {
	claims, err := t.parse(token, t.JWTSecret)
	if err != nil {
		return "", err
	}
	u, _ := claims["user"].(string)
	if u == "" {
		return "", errors.New("token has no user")
	}
	return u, nil
}

// FileToken issues a v1 transfer token for a storage key; size is the
// expected upload size, or -1 for a download.
func (t *Tokens) FileToken(key, user string, size int64) (string, error) {
	c := jwt.MapClaims{"resource_path": key, "username": user, "filesize": nil}
	if size >= 0 {
		c["filesize"] = size
	}
	return t.sign(c, t.UpdownSecret, t.UpdownExpire)
}

// File checks a transfer token and returns its storage key and size
// (-1 when it has none).
func (t *Tokens) File(token string) (key string, size int64, err error) {
	claims, err := t.parse(token, t.UpdownSecret)
	if err != nil {
		return "", 0, err
	}
	key, _ = claims["resource_path"].(string)
	size = -1
	if f, ok := claims["filesize"].(float64); ok {
		size = int64(f)
	}
	return key, size, nil
}
