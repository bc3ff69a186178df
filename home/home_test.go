package home

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conid/conid/internal/pyini"
)

// The conan.conf that Conan 1.65 writes on first use: inline comments,
// commented-out keys, and a key without a value under [hooks].
func TestConfigConan165Default(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("testdata", "conan-1.65-default.conf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "conan.conf"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := (&Home{Dir: dir}).Config()
	if err != nil {
		t.Fatal(err)
	}
	if c.DefaultPackageIDMode != "semver_direct_mode" || c.DefaultProfile != "default" || c.RevisionsEnabled || c.FullTransitivePackageID {
		t.Errorf("config = %+v", c)
	}
	if want := filepath.Join(dir, "data"); c.StoragePath != want {
		t.Errorf("storage path = %q, want %q", c.StoragePath, want)
	}
	if err := (&Home{Dir: dir}).SetConfig(map[string]string{"general.revisions_enabled": "1"}); err != nil {
		t.Fatal(err)
	}
	if c, err = (&Home{Dir: dir}).Config(); err != nil || !c.RevisionsEnabled {
		t.Errorf("after SetConfig: %+v, %v", c, err)
	}
}

// FuzzConfig: any conan.conf either fails with its path named, or reads;
// and "conan config set" on one that reads leaves one that reads the same
// but for the key set.
func FuzzConfig(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "conan-1.65-default.conf"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("[general]\ndefault_package_id_mode = full_package_mode\nrevisions_enabled = 1\n[storage]\npath = ./data\n"))
	f.Add([]byte("[general\nx"))
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		path := filepath.Join(dir, "conan.conf")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		h := &Home{Dir: dir}
		c, err := h.Config()
		if err != nil {
			if !strings.Contains(err.Error(), path) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if err := h.SetConfig(map[string]string{"general.full_transitive_package_id": "1"}); err != nil {
			t.Fatalf("set on a readable conan.conf: %v", err)
		}
		back, err := h.Config()
		if err != nil {
			t.Fatalf("conan.conf unreadable after a set: %v\n%s", err, readFile(t, path))
		}
		if !back.FullTransitivePackageID {
			t.Fatalf("the key set was lost:\n%s", readFile(t, path))
		}
		back.FullTransitivePackageID = c.FullTransitivePackageID
		if back.PackageIDModeFrom != c.PackageIDModeFrom && c.PackageIDModeFrom == "Conan's default" {
			t.Fatalf("set added a package_id_mode: %+v", back)
		}
		back.PackageIDModeFrom = c.PackageIDModeFrom
		if *back != *c {
			t.Fatalf("set changed other values:\n%+v\n%+v\n%s", c, back, readFile(t, path))
		}
	})
}

func readFile(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Shapes Python's configparser refuses (Conan stops with a traceback) get
// an error naming the file and line.
func TestConfigRefusedShapes(t *testing.T) {
	for text, want := range map[string]string{
		"foo = 1\n[general]\n":                  `conan.conf:1: "foo = 1" is outside any [section]`,
		"# c\n\n[general]\nkey\n  more\n":       `conan.conf:5: "more" continues key "key", which has no value`,
		"[general]\nkey = a\n  b\n[hooks]\nx\n": "",
		"[hooks]\nx\n\n  y = 1\n":               `conan.conf:4: "y = 1" continues key "x", which has no value`,
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "conan.conf"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := (&Home{Dir: dir}).Config()
		switch {
		case want == "" && err != nil:
			t.Errorf("%q: %v", text, err)
		case want != "" && (err == nil || !strings.HasSuffix(err.Error(), want)):
			t.Errorf("%q: error %v, want ...%s", text, err, want)
		}
	}
}

// "conan config set general.revisions_enabled=1" then "zz.new_key=a%b"
// on Conan 1.65's default conan.conf: conid writes what Conan wrote
// (testdata/conan-1.65-set.conf, from the real client), and reads back
// the value set.
func TestSetConfigAsConan(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("testdata", "conan-1.65-default.conf"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "conan.conf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	h := &Home{Dir: dir}
	if err := h.SetConfig(map[string]string{"general.revisions_enabled": "1"}); err != nil {
		t.Fatal(err)
	}
	if err := h.SetConfig(map[string]string{"zz.new_key": "a%b"}); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("testdata", "conan-1.65-set.conf"))
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, path); got != string(want) {
		t.Errorf("conan.conf after two sets:\n%s\nConan wrote:\n%s", got, want)
	}
	f, err := pyini.Parse(path, want, true)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := confValue(f.Section("zz"), "new_key"); v != "a%b" {
		t.Errorf("zz.new_key reads back as %q", v)
	}
	if c, err := h.Config(); err != nil || !c.RevisionsEnabled {
		t.Errorf("%+v %v", c, err)
	}
}
