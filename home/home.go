// Package home reads a Conan 1 home folder: conan.conf, settings.yml,
// the profiles folder and the cache's data folder.
//
//	$CONAN_USER_HOME/.conan/
//	    conan.conf          [general] default_package_id_mode, default_profile...
//	    settings.yml        replaces the built-in default settings
//	    profiles/default    the default profile
//	    data/               the package cache (storage.path)
package home

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/conid/conid/internal/fsread"
	"github.com/conid/conid/internal/pyini"

	"github.com/conid/conid/settings"
)

// Home is a Conan home (the ".conan" folder).
type Home struct {
	Dir string
}

// FromEnv returns the home Conan 1 would use: $CONAN_USER_HOME/.conan,
// or ~/.conan. getenv is os.Getenv in production.
func FromEnv(getenv func(string) string) (*Home, error) {
	base := getenv("CONAN_USER_HOME")
	if base == "" {
		h, err := os.UserHomeDir()
		if err != nil {
			return nil, fmt.Errorf("cannot find the Conan home: %w", err)
		}
		base = h
	}
	return &Home{Dir: filepath.Join(base, ".conan")}, nil
}

// ProfilesDir is the folder of named profiles.
func (h *Home) ProfilesDir() string { return filepath.Join(h.Dir, "profiles") }

// Config is what conid reads from conan.conf.
type Config struct {
	DefaultPackageIDMode    string
	FullTransitivePackageID bool
	RevisionsEnabled        bool
	DefaultProfile          string
	StoragePath             string
	// DownloadCache is [storage] download_cache: the shared download
	// cache folder ("" when not set).
	DownloadCache string
	// DefaultPythonRequiresIDMode is general.default_python_requires_id_mode
	// ("": Conan's default, minor_mode).
	DefaultPythonRequiresIDMode string
	// File and Line of default_package_id_mode, for explain.
	PackageIDModeFrom string
}

// Config reads conan.conf; a missing file gives Conan's defaults.
func (h *Home) Config() (*Config, error) {
	c := &Config{DefaultPackageIDMode: "semver_direct_mode", StoragePath: filepath.Join(h.Dir, "data"),
		PackageIDModeFrom: "Conan's default"}
	path := filepath.Join(h.Dir, "conan.conf")
	b, err := fsread.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, err
	}
	return h.parseConfig(c, path, b)
}

// parseConfig reads conan.conf text b (from path) over the defaults c.
func (h *Home) parseConfig(c *Config, path string, b []byte) (*Config, error) {
	f, err := pyini.Parse(path, b, true)
	if err != nil {
		return nil, err
	}
	if s := f.Section("general"); s != nil {
		if v, ok := confValue(s, "default_package_id_mode"); ok {
			c.DefaultPackageIDMode = v
			c.PackageIDModeFrom = fmt.Sprintf("%s [general] default_package_id_mode", path)
		}
		if v, ok := confValue(s, "default_python_requires_id_mode"); ok {
			c.DefaultPythonRequiresIDMode = v
		}
		if v, ok := confValue(s, "full_transitive_package_id"); ok {
			c.FullTransitivePackageID = truthy(v)
		}
		if v, ok := confValue(s, "revisions_enabled"); ok {
			c.RevisionsEnabled = truthy(v)
		}
		if v, ok := confValue(s, "default_profile"); ok {
			c.DefaultProfile = v
		}
	}
	if s := f.Section("storage"); s != nil {
		if v, ok := confValue(s, "path"); ok {
			c.StoragePath = h.confPath(v)
		}
		if v, ok := confValue(s, "download_cache"); ok && v != "" {
			c.DownloadCache = h.confPath(v)
		}
	}
	return c, nil
}

// confValue is Conan's get_item: the value, interpolated as Python's
// ConfigParser does ("%%" is "%", "%(key)s" another key of the section),
// cut at a " #" comment.
func confValue(s *pyini.Section, key string) (string, bool) {
	o, ok := s.Get(key)
	if !ok {
		return "", false
	}
	v := interpolation().ReplaceAllStringFunc(o.Value, func(m string) string {
		if m == "%%" {
			return "%"
		}
		if o, ok := s.Get(m[2 : len(m)-2]); ok {
			return o.Value
		}
		return m
	})
	if i := strings.Index(v, " #"); i >= 0 {
		v = v[:i]
	}
	return strings.TrimSpace(v), true
}

// confPath resolves a folder of conan.conf: "~" is the user's home, a
// relative path is below the Conan home.
func (h *Home) confPath(p string) string {
	if strings.HasPrefix(p, "~") {
		if hd, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(hd, p[1:])
		}
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(h.Dir, p)
	}
	return p
}

var interpolation = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%%|%\([^)]+\)s`) })

func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "y", "on":
		return true
	}
	return false
}

// Settings returns the home's settings.yml definition, or the built-in
// default when the file does not exist.
func (h *Home) Settings() (*settings.Definition, error) {
	path := filepath.Join(h.Dir, "settings.yml")
	b, err := fsread.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return settings.Default(), nil
	}
	if err != nil {
		return nil, err
	}
	return settings.ParseYAML(path, b)
}

// SetConfig writes "section.key = value" entries into conan.conf, as
// "conan config set" does (one at a time, here in the order of the keys):
// the file is read and written back whole, as Python's ConfigParser
// writes it.
func (h *Home) SetConfig(entries map[string]string) error {
	path := filepath.Join(h.Dir, "conan.conf")
	f := &pyini.File{}
	if b, err := fsread.ReadFile(path); err == nil {
		if f, err = pyini.Parse(path, b, true); err != nil {
			return err
		}
	}
	for _, k := range slices.Sorted(maps.Keys(entries)) {
		sec, key, ok := strings.Cut(k, ".")
		if !ok {
			return fmt.Errorf("invalid config key %q: want section.key", k)
		}
		v := entries[k]
		// Python's ConfigParser refuses a value that is not valid
		// interpolation syntax; Conan then doubles every "%".
		if strings.Contains(interpolation().ReplaceAllString(v, ""), "%") {
			v = strings.ReplaceAll(v, "%", "%%")
		}
		f.Add(sec).Set(key, v)
	}
	if err := os.MkdirAll(h.Dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, f.Format(), 0o644)
}
