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
	"os"
	"path/filepath"
	"strings"

	"github.com/conid/conid/internal/fsread"

	"github.com/conid/conid/settings"
	"gopkg.in/ini.v1"
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
	f, err := ini.LoadSources(iniOptions, b)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if s, err := f.GetSection("general"); err == nil {
		if k, err := s.GetKey("default_package_id_mode"); err == nil {
			c.DefaultPackageIDMode = strings.TrimSpace(k.String())
			c.PackageIDModeFrom = fmt.Sprintf("%s [general] default_package_id_mode", path)
		}
		if k, err := s.GetKey("full_transitive_package_id"); err == nil {
			c.FullTransitivePackageID = truthy(k.String())
		}
		if k, err := s.GetKey("revisions_enabled"); err == nil {
			c.RevisionsEnabled = truthy(k.String())
		}
		if k, err := s.GetKey("default_profile"); err == nil {
			c.DefaultProfile = strings.TrimSpace(k.String())
		}
	}
	if s, err := f.GetSection("storage"); err == nil {
		if k, err := s.GetKey("path"); err == nil {
			p := strings.TrimSpace(k.String())
			if strings.HasPrefix(p, "~") {
				if hd, err := os.UserHomeDir(); err == nil {
					p = filepath.Join(hd, p[1:])
				}
			}
			if !filepath.IsAbs(p) {
				p = filepath.Join(h.Dir, p)
			}
			c.StoragePath = p
		}
		if k, err := s.GetKey("download_cache"); err == nil {
			if p := strings.TrimSpace(k.String()); p != "" {
				if strings.HasPrefix(p, "~") {
					if hd, err := os.UserHomeDir(); err == nil {
						p = filepath.Join(hd, p[1:])
					}
				}
				if !filepath.IsAbs(p) {
					p = filepath.Join(h.Dir, p)
				}
				c.DownloadCache = p
			}
		}
	}
	return c, nil
}

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

// iniOptions read conan.conf as Python's ConfigParser does for Conan:
// multi-line values, inline comments, and keys without a value (Conan
// 1.65 writes "[hooks]\nattribute_checker").
var iniOptions = ini.LoadOptions{AllowPythonMultilineValues: true, SpaceBeforeInlineComment: true, AllowBooleanKeys: true}

// SetConfig writes "section.key = value" entries into conan.conf, as
// "conan config set" does.
func (h *Home) SetConfig(entries map[string]string) error {
	path := filepath.Join(h.Dir, "conan.conf")
	f := ini.Empty()
	if b, err := fsread.ReadFile(path); err == nil {
		if f, err = ini.LoadSources(iniOptions, b); err != nil {
			return fmt.Errorf("%s: %v", path, err)
		}
	}
	for k, v := range entries {
		sec, key, ok := strings.Cut(k, ".")
		if !ok {
			return fmt.Errorf("invalid config key %q: want section.key", k)
		}
		f.Section(sec).Key(key).SetValue(v)
	}
	if err := os.MkdirAll(h.Dir, 0o755); err != nil {
		return err
	}
	return f.SaveTo(path)
}
