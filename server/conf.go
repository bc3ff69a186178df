package server

import (
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/conid/conid/internal/pyini"
)

// ConfFile is the name of the configuration file in a server folder.
const ConfFile = "server.conf"

// Section is one [section] of a server.conf: its options in file order.
type Section = pyini.Section

// Option is one "key: value" (or "key = value") of a section.
type Option = pyini.Option

// ConfError is a configuration error at a line of a file (line 0 for an
// error about the whole file or an environment variable).
type ConfError = pyini.Error

// ParseINI reads a configuration as conan_server's ConfigParser does
// (see pyini.Parse; no valueless keys). The order of sections and options
// is kept.
func ParseINI(file string, data []byte) ([]*Section, error) {
	f, err := pyini.Parse(file, data, false)
	if err != nil {
		return nil, err
	}
	return f.Sections, nil
}

// Config is a server.conf, with the environment's overrides applied.
type Config struct {
	// File is the server.conf read; Dir its folder.
	File, Dir string

	JWTSecret        string
	JWTExpire        time.Duration
	SSLEnabled       *bool // nil when not set
	Port             int
	PublicPort       int // 0: the same as Port
	HostName         string
	StoreAdapter     string
	AuthorizeTimeout time.Duration
	StoragePath      string
	UpdownSecret     string

	CustomAuthenticator string
	CustomAuthorizer    string

	// ListenAddress is the address to listen on (conid's own key
	// listen_address; default 127.0.0.1).
	ListenAddress string
	// MaxUploadSize bounds the body of one uploaded file (conid's own key
	// max_upload_size, bytes; default 8 GiB).
	MaxUploadSize int64

	ReadPermissions  []Rule
	WritePermissions []Rule
	Users            map[string]string
}

// Environment variables that override server.conf, as conan_server's.
var confEnv = map[string]string{
	"updown_secret":        "CONAN_UPDOWN_SECRET",
	"authorize_timeout":    "CONAN_AUTHORIZE_TIMEOUT",
	"disk_storage_path":    "CONAN_STORAGE_PATH",
	"jwt_secret":           "CONAN_JWT_SECRET",
	"jwt_expire_minutes":   "CONAN_JWT_EXPIRE_MINUTES",
	"ssl_enabled":          "CONAN_SSL_ENABLED",
	"port":                 "CONAN_SERVER_PORT",
	"public_port":          "CONAN_SERVER_PUBLIC_PORT",
	"host_name":            "CONAN_HOST_NAME",
	"custom_authenticator": "CONAN_CUSTOM_AUTHENTICATOR",
	"custom_authorizer":    "CONAN_CUSTOM_AUTHORIZER",
}

// knownServerKeys are the keys of [server]; others are an error.
var knownServerKeys = map[string]bool{
	"jwt_secret": true, "jwt_expire_minutes": true, "ssl_enabled": true, "port": true,
	"public_port": true, "host_name": true, "store_adapter": true, "authorize_timeout": true,
	"disk_storage_path": true, "disk_authorize_timeout": true, "updown_secret": true,
	"custom_authenticator": true, "custom_authorizer": true,
	"listen_address": true, "max_upload_size": true,
}

// DefaultConf is the server.conf written on first start, conan_server's
// own with conid's keys added; %s are the JWT and up/down secrets.
const DefaultConf = `[server]
# WARNING! Change default variable of jwt_secret. You should change it periodically
# It only affects to current authentication tokens, you can change safetely anytime
# When it changes user are just forced to log in again
jwt_secret: %s
jwt_expire_minutes: 120

ssl_enabled: False
port: 9300
# Public port where files will be served. If empty will be used "port"
public_port:
host_name: localhost

# Authorize timeout are seconds the client has to upload/download files until authorization expires
authorize_timeout: 1800

# Just for disk storage adapter
# updown_secret is the key used to generate the upload/download authorization token
disk_storage_path: ./data
disk_authorize_timeout: 1800
updown_secret: %s

# conid: the address to listen on (conan_server listens on 0.0.0.0)
# listen_address: 127.0.0.1
# conid: the largest file one request may upload, in bytes
# max_upload_size: 8589934592

# if custom_authenticator is not specified, [users] section will be used to authenticate
# the users. conid takes htpasswd:<file> (bcrypt) or exec:<program> (see docs/serve.md).
#
# custom_authenticator: htpasswd:users.htpasswd

# if custom_authorizer is not specified, the [read_permissions] and [write_permissions]
# sections will be used to grant/reject access. conid takes exec:<program>.
#
# custom_authorizer: exec:/usr/local/bin/conan-authorizer

# name/version@user/channel: user1, user2, user3
#
# The rules are applied in order.
# If a rule matches your package, then the server wont look further.
# Place your more restrictive rules first.
#
# Example: All versions of opencv package from lasote user in testing channel is only
# writeable by default_user and default_user2. Rest of packages are not writtable by anything
# except the author.
#
#   opencv/2.3.4@lasote/testing: default_user, default_user2
#
[write_permissions]

# name/version@user/channel: user1, user2, user3
# The rules are applied in order. If a rule applies to a conan, system wont look further.
#
# Example:
#  All versions of opencv package from lasote user in testing channel are only
#    readable by default_user and default_user2.
#  All versions of internal package from any user/channel are only readable by
#    authenticated users.
#  Rest of packages are world readable.
#
#   opencv/*@lasote/testing: default_user, default_user2
#   internal/*@*/*: ?
#   */*@*/*: *
#
# By default all users can read all blocks
#
[read_permissions]
*/*@*/*: *

[users]
#default_user: defaultpass
demo: demo
`

func randomSecret() string {
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	b := make([]byte, 24)
	for i := range b {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(letters))))
		if err != nil {
			panic(err) // crypto/rand never fails on supported platforms
		}
		b[i] = letters[n.Int64()]
	}
	return string(b)
}

// LoadConfig reads dir/server.conf, writing the default one with fresh
// random secrets first when there is none, and applies the environment
// (getenv) overrides.
func LoadConfig(dir string, getenv func(string) string) (*Config, error) {
	file := filepath.Join(dir, ConfFile)
	data, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, err
		}
		data = []byte(fmt.Sprintf(DefaultConf, randomSecret(), randomSecret()))
		if err := os.WriteFile(file, data, 0o600); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, err
	}
	return ParseConfig(file, data, getenv)
}

// ParseConfig reads the text of a server.conf found at file.
func ParseConfig(file string, data []byte, getenv func(string) string) (*Config, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	sections, err := ParseINI(file, data)
	if err != nil {
		return nil, err
	}
	find := func(name string) *Section {
		for _, s := range sections {
			if s.Name == name {
				return s
			}
		}
		return nil
	}
	srv := find("server")
	if srv == nil {
		return nil, &ConfError{File: file, Line: 0, Msg: "no [server] section"}
	}
	for _, o := range srv.Options {
		if !knownServerKeys[o.Key] {
			return nil, &ConfError{File: file, Line: o.Line, Msg: fmt.Sprintf("unknown key %q in [server]", o.Key)}
		}
	}
	c := &Config{File: file, Dir: filepath.Dir(file), StoreAdapter: "disk", ListenAddress: "127.0.0.1", MaxUploadSize: 8 << 30}
	// get returns a value (environment first) and where it came from.
	get := func(key string) (string, *ConfError) {
		if env, ok := confEnv[key]; ok {
			if v := getenv(env); v != "" {
				return v, &ConfError{File: "$" + env, Line: 0, Msg: ""}
			}
		}
		o, _ := srv.Get(key)
		return o.Value, &ConfError{File: file, Line: o.Line, Msg: ""}
	}
	bad := func(at *ConfError, key, v, want string) error {
		at.Msg = fmt.Sprintf("%s: %q is not %s", key, v, want)
		return at
	}
	var errs []error
	str := func(key string, required bool) string {
		v, at := get(key)
		if v == "" && required {
			at.Msg = fmt.Sprintf("'%s' setting is needed. Please, write a value in server.conf or set %s", key, confEnv[key])
			errs = append(errs, at)
		}
		return v
	}
	integer := func(key string, def int64) int64 {
		v, at := get(key)
		if v == "" {
			return def
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			errs = append(errs, bad(at, key, v, "a non-negative integer"))
		}
		return n
	}
	c.JWTSecret = str("jwt_secret", true)
	c.UpdownSecret = str("updown_secret", true)
	if v, at := get("jwt_expire_minutes"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 || f > 1e7 {
			errs = append(errs, bad(at, "jwt_expire_minutes", v, "a positive number of minutes"))
		}
		c.JWTExpire = time.Duration(f * float64(time.Minute))
	} else {
		at.Msg = "'jwt_expire_minutes' setting is needed"
		errs = append(errs, at)
	}
	if v, _ := get("ssl_enabled"); v != "" {
		b := strings.EqualFold(v, "true") || v == "1"
		c.SSLEnabled = &b
	}
	c.Port = int(integer("port", 9300))
	if c.Port > 65535 {
		_, at := get("port")
		errs = append(errs, bad(at, "port", strconv.Itoa(c.Port), "a port number"))
	}
	c.PublicPort = int(integer("public_port", 0))
	c.HostName = str("host_name", false)
	if (c.HostName == "") != (c.SSLEnabled == nil) {
		errs = append(errs, &ConfError{File: file, Line: srv.Line, Msg: "'host_name' and 'ssl_enabled' have to be defined together"})
	}
	if v, at := get("store_adapter"); v != "" && v != "disk" {
		errs = append(errs, bad(at, "store_adapter", v, "a known adapter (disk)"))
	}
	timeout := integer("authorize_timeout", -1)
	if timeout < 0 {
		timeout = integer("disk_authorize_timeout", 1800)
	}
	c.AuthorizeTimeout = time.Duration(timeout) * time.Second
	c.CustomAuthenticator = str("custom_authenticator", false)
	c.CustomAuthorizer = str("custom_authorizer", false)
	if v, _ := get("listen_address"); v != "" {
		c.ListenAddress = v
	}
	c.MaxUploadSize = integer("max_upload_size", c.MaxUploadSize)
	c.StoragePath = storagePath(str("disk_storage_path", false), c.Dir)

	for _, p := range []struct {
		name string
		dst  *[]Rule
	}{{"read_permissions", &c.ReadPermissions}, {"write_permissions", &c.WritePermissions}} {
		s := find(p.name)
		if s == nil {
			errs = append(errs, &ConfError{File: file, Line: 0, Msg: fmt.Sprintf("no [%s] section", p.name)})
			continue
		}
		for _, o := range s.Options {
			r, err := ParseRule(o.Key, o.Value)
			if err != nil {
				errs = append(errs, &ConfError{File: file, Line: o.Line, Msg: fmt.Sprintf("[%s] %v", p.name, err)})
				continue
			}
			*p.dst = append(*p.dst, r)
		}
	}
	c.Users = map[string]string{}
	if env := getenv("CONAN_SERVER_USERS"); env != "" {
		for _, pair := range strings.Split(env, ",") {
			u, pw, ok := strings.Cut(pair, ":")
			if !ok || u == "" {
				errs = append(errs, &ConfError{File: "$CONAN_SERVER_USERS", Line: 0, Msg: fmt.Sprintf("%q is not user:password", pair)})
				continue
			}
			c.Users[u] = pw
		}
	} else if s := find("users"); s != nil {
		for _, o := range s.Options {
			if !isASCII(o.Value) {
				errs = append(errs, &ConfError{File: file, Line: o.Line, Msg: "Password contains invalid characters. Only ASCII encoding is supported"})
			}
			c.Users[o.Key] = o.Value
		}
	} else if c.CustomAuthenticator == "" {
		errs = append(errs, &ConfError{File: file, Line: 0, Msg: "no [users] section"})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return c, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// storagePath resolves disk_storage_path as conan_server does: a path
// starting with "." is relative to the configuration folder, "~" is the
// home folder, an empty one is the configuration folder itself.
func storagePath(p, confDir string) string {
	switch {
	case p == "":
		p = confDir
	case strings.HasPrefix(p, "."):
		p = filepath.Join(confDir, p)
	case p == "~" || strings.HasPrefix(p, "~/"):
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[1:])
		}
	}
	return filepath.Clean(p)
}

// PublicURL is the base URL of API v1 file transfers: "v1" (relative to
// the remote's URL) when neither host_name nor ssl_enabled is set, else
// "http(s)://host_name[:public_port]/v1".
func (c *Config) PublicURL() string {
	if c.HostName == "" || c.SSLEnabled == nil {
		return "v1"
	}
	proto := "http"
	if *c.SSLEnabled {
		proto = "https"
	}
	pp := c.PublicPort
	if pp == 0 {
		pp = c.Port
	}
	port := ""
	if pp != 80 {
		port = ":" + strconv.Itoa(pp)
	}
	return proto + "://" + c.HostName + port + "/v1"
}
