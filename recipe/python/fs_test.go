package python

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conid/conid/recipe/python/syntax"
)

// TestReadableRoots reads files below the folders AllowRead adds, before
// and after the first read (which indexes them), and nothing outside.
func TestReadableRoots(t *testing.T) {
	base := t.TempDir()
	for _, d := range []string{"a", "b", "a2", "c/sub"} {
		if err := os.MkdirAll(filepath.Join(base, d), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(base, d, "f.txt"), []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := NewInterp()
	read := func(rel string) (string, error) {
		t.Helper()
		p := filepath.Join(base, rel)
		mod, err := syntax.Parse("snippet.py", []byte("with open("+quote(p)+") as f:\n    v = f.read()\n"))
		if err != nil {
			t.Fatal(err)
		}
		m, err := in.ExecModule("snippet", mod)
		if err != nil {
			return "", err
		}
		v, _ := m.Dict.Get("v")
		return v.(string), nil
	}
	in.AllowRead(filepath.Join(base, "a"))
	for _, c := range []struct {
		rel, want string
		allow     string // added before this read
	}{
		{rel: "a/f.txt", want: "a"},
		{rel: "a2/f.txt"}, // a sibling sharing a prefix
		{rel: "c/sub/f.txt"},
		{rel: "b/f.txt"},
		{rel: "b/f.txt", want: "b", allow: "b"}, // added after the first read
		{rel: "a2/f.txt"},
		{rel: "c/sub/f.txt", want: "c/sub", allow: "c/sub/.."}, // made absolute and clean
	} {
		if c.allow != "" {
			in.AllowRead(base + "/" + c.allow)
		}
		got, err := read(c.rel)
		if c.want == "" {
			if err == nil || !strings.Contains(err.Error(), "outside the recipe folder") {
				t.Errorf("%s: read %q, %v; want it refused", c.rel, got, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%s: got %q, %v; want %q", c.rel, got, err, c.want)
		}
	}
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "\\'") + "'" }
