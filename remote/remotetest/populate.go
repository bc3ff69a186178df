package remotetest

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/md5"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/conid/conid/recipe/ref"
)

// Item is one node of "conid info --json": a reference and its package ID.
type Item struct {
	Reference string `json:"reference"`
	ID        string `json:"id"`
	IsRef     bool   `json:"is_ref"`
}

// ReadInfo reads the items of a "conid info --json" file.
func ReadInfo(path string) ([]Item, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var items []Item
	if err := json.Unmarshal(b, &items); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return items, nil
}

// Populate writes, into a conan_server data folder, the recipe of every
// reference item (its conanfile.py from a recipe tree
// <name>/<version>/<user|_>/<channel|_>/conanfile.py) and, with binaries,
// a small binary for its package ID, all as revision "0" (API v1
// uploads). It returns how many recipes and binaries it wrote.
func Populate(data, recipes string, items []Item, binaries bool) (nrec, nbin int, err error) {
	seen := map[string]bool{}
	for _, it := range items {
		if !it.IsRef {
			continue
		}
		r, err := ref.Parse(it.Reference)
		if err != nil {
			return nrec, nbin, err
		}
		u, c := dash(r.User), dash(r.Channel)
		base := filepath.Join(data, r.Name, r.Version, u, c)
		if !seen[it.Reference] {
			seen[it.Reference] = true
			src, err := os.ReadFile(filepath.Join(recipes, r.Name, r.Version, u, c, "conanfile.py"))
			if err != nil {
				return nrec, nbin, err
			}
			if err := put(base, "export", map[string][]byte{"conanfile.py": src}); err != nil {
				return nrec, nbin, err
			}
			nrec++
		}
		if !binaries || it.ID == "" {
			continue
		}
		pkg := filepath.Join(base, "0", "package", it.ID)
		if _, err := os.Stat(pkg); err == nil {
			continue
		}
		var tgz bytes.Buffer
		gz := gzip.NewWriter(&tgz)
		tw := tar.NewWriter(gz)
		body := []byte("binary of " + it.Reference + ":" + it.ID + "\n")
		tw.WriteHeader(&tar.Header{Name: "lib/lib" + r.Name + ".a", Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg})
		tw.Write(body)
		tw.Close()
		gz.Close()
		files := map[string][]byte{"conaninfo.txt": []byte("[settings]\n"), "conan_package.tgz": tgz.Bytes()}
		if err := put(filepath.Join(base, "0", "package", it.ID), "0", files); err != nil {
			return nrec, nbin, err
		}
		nbin++
	}
	return nrec, nbin, nil
}

func dash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// put writes files and their conanmanifest.txt into dir/sub, with
// dir/revisions.txt naming revision "0".
func put(dir, sub string, files map[string][]byte) error {
	target := filepath.Join(dir, "0")
	if sub == "0" {
		target = filepath.Join(dir, "0")
	} else {
		target = filepath.Join(dir, "0", sub)
	}
	if err := os.MkdirAll(target, 0o755); err != nil {
		return err
	}
	manifest := "1700000000\n"
	for _, name := range []string{"conan_package.tgz", "conanfile.py", "conaninfo.txt"} {
		b, ok := files[name]
		if !ok {
			continue
		}
		if err := os.WriteFile(filepath.Join(target, name), b, 0o644); err != nil {
			return err
		}
		if name != "conan_package.tgz" {
			manifest += fmt.Sprintf("%s: %x\n", name, md5.Sum(b))
		}
	}
	if err := os.WriteFile(filepath.Join(target, "conanmanifest.txt"), []byte(manifest), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "revisions.txt"), []byte(`{"revisions": [{"revision": "0", "time": "2026-01-01T00:00:00Z"}]}`), 0o644)
}
