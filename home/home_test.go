package home

import (
	"os"
	"path/filepath"
	"testing"
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
