package remote

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/conid/conid/recipe/ref"
)

// Fetched says what Fetch wrote.
type Fetched struct {
	Ref      ref.Ref // with its revision
	Export   string  // folder of the recipe's files
	Packages map[string]string
	Files    int
}

// Fetch downloads a recipe and binaries from the session's remote (the
// first of Use) into dest/export and dest/package/<id>, unpacking their
// archives; with no ids, every binary of the recipe. Files go through
// the download cache when the session has one.
func (s *Session) Fetch(r ref.Ref, ids []string, dest string) (*Fetched, error) {
	s.init()
	if len(s.Use) == 0 {
		return nil, fmt.Errorf("conid download needs a remote (-r)")
	}
	rem := s.Use[0]
	c, err := s.Client(rem)
	if err != nil {
		return nil, err
	}
	v2, err := c.V2(s.ctx)
	if err != nil {
		return nil, err
	}
	rr := r.NoRevision()
	if v2 {
		if r.Revision != "" {
			rr.Revision = r.Revision
		} else if rr, err = c.LatestRecipe(s.ctx, rr); err != nil {
			return nil, notFound(err, r, rem)
		}
	} else {
		rr.Revision = "0"
	}
	files, err := c.RecipeFiles(s.ctx, rr)
	if err != nil {
		return nil, notFound(err, r, rem)
	}
	out := &Fetched{Ref: rr, Export: filepath.Join(dest, "export"), Packages: map[string]string{}}
	var want []File
	for _, f := range files {
		if recipeFiles[f.Name] {
			want = append(want, f)
		}
	}
	if err := s.fetchInto(c, want, out.Export); err != nil {
		return nil, err
	}
	out.Files += len(want)
	if len(ids) == 0 {
		found, err := c.SearchPackages(s.ctx, rr)
		if err != nil {
			return nil, err
		}
		for id := range found {
			ids = append(ids, id)
		}
		sort.Strings(ids)
	}
	for _, id := range ids {
		p := ref.PackageRef{Ref: rr, PackageID: id}
		if v2 {
			if p.Revision, err = c.LatestPackage(s.ctx, p); err != nil {
				return nil, fmt.Errorf("binary %s: %w", p.String(), err)
			}
		} else {
			p.Revision = "0"
		}
		files, err := c.PackageFiles(s.ctx, p)
		if err != nil {
			return nil, fmt.Errorf("binary %s: %w", p.String(), err)
		}
		dir := filepath.Join(dest, "package", id)
		if err := s.fetchInto(c, files, dir); err != nil {
			return nil, err
		}
		out.Packages[id] = dir
		out.Files += len(files)
	}
	return out, nil
}

func notFound(err error, r ref.Ref, rem Remote) error {
	if isNotFound(err) {
		return fmt.Errorf("Recipe not found: '%s' in remote '%s'", r.String(), rem.Name)
	}
	return err
}

// fetchInto downloads files into a fresh folder and unpacks the
// archives there; the folder replaces dir only when complete.
func (s *Session) fetchInto(c *Client, files []File, dir string) error {
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if _, err := s.fetchFiles(c, files, tmp); err != nil {
		return err
	}
	for _, a := range []string{"conan_export.tgz", "conan_package.tgz", "conan_sources.tgz"} {
		p := filepath.Join(tmp, a)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if err := Untgz(p, tmp); err != nil {
			return err
		}
		os.Remove(p)
	}
	os.RemoveAll(dir)
	return os.Rename(tmp, dir)
}
