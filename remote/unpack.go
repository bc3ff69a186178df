package remote

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// maxUnpacked bounds what one archive may write, against gzip bombs.
const maxUnpacked = 8 << 30

// Untgz unpacks a .tgz (conan_export.tgz, conan_package.tgz) into dir.
// Entries that would land outside dir, and special files, are refused.
func Untgz(archive, dir string) error {
	f, err := os.Open(archive)
	if err != nil {
		return err
	}
	defer f.Close()
	return untgz(f, archive, dir)
}

func untgz(r io.Reader, name, dir string) error {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	defer gz.Close()
	tr := tar.NewReader(gz)
	var total int64
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		rel, err := safeRel(h.Name)
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if rel == "" {
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(rel))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			mode := os.FileMode(0o644)
			if h.Mode&0o111 != 0 {
				mode = 0o755
			}
			out, err := os.OpenFile(dst, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, mode)
			if err != nil {
				return err
			}
			n, err := io.Copy(out, io.LimitReader(tr, maxUnpacked-total+1))
			total += n
			if cerr := out.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return fmt.Errorf("%s: %s: %v", name, h.Name, err)
			}
			if total > maxUnpacked {
				return fmt.Errorf("%s: unpacks to more than %d bytes", name, int64(maxUnpacked))
			}
		case tar.TypeSymlink:
			target := h.Linkname
			if path.IsAbs(target) {
				return fmt.Errorf("%s: %s: absolute symlink %q refused", name, h.Name, target)
			}
			if _, err := safeRel(path.Join(path.Dir(rel), target)); err != nil {
				return fmt.Errorf("%s: %s: symlink %q leaves the folder", name, h.Name, target)
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			os.Remove(dst)
			if err := os.Symlink(target, dst); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%s: %s: unsupported entry type %q", name, h.Name, string(h.Typeflag))
		}
	}
}

// safeRel cleans an archive path, refusing absolute paths and "..".
func safeRel(p string) (string, error) {
	p = strings.ReplaceAll(p, "\\", "/")
	if path.IsAbs(p) || (len(p) > 1 && p[1] == ':') {
		return "", fmt.Errorf("absolute path %q refused", p)
	}
	c := path.Clean(p)
	if c == "." {
		return "", nil
	}
	if c == ".." || strings.HasPrefix(c, "../") {
		return "", fmt.Errorf("path %q leaves the folder", p)
	}
	return c, nil
}
