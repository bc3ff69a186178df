package loadgen

import (
	"bytes"
	"context"
	"crypto/md5"
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
)

// Seed uploads a recipe with n binary packages through API v2, logging
// in with user and password, so that a benchmark has something to look
// up. The files are small but in the Conan layout.
func Seed(ctx context.Context, baseURL string, r ref.Ref, n int, user, password string) error {
	c := &http.Client{}
	base := strings.TrimSuffix(baseURL, "/") + protocol.V2
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+protocol.Authenticate, nil)
	if err != nil {
		return err
	}
	req.SetBasicAuth(user, password)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	tok, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("login as %s: %s: %s", user, resp.Status, tok)
	}
	put := func(path string, body []byte) error {
		sum := sha1.Sum(body)
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, base+path, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", "Bearer "+string(tok))
		req.Header.Set(protocol.HeaderChecksumSha1, hex.EncodeToString(sum[:]))
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusCreated {
			return fmt.Errorf("PUT %s: %s: %s", path, resp.Status, msg)
		}
		return nil
	}
	upload := func(basePath string, files map[string][]byte) error {
		names := make([]string, 0, len(files))
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names) // conanmanifest.txt last, as the clients
		for _, n := range names {
			if err := put(protocol.FilePath(basePath, n), files[n]); err != nil {
				return err
			}
		}
		return nil
	}
	conanfile := []byte(fmt.Sprintf("from conans import ConanFile\nclass Pkg(ConanFile):\n    name = %q\n    version = %q\n    settings = \"os\", \"arch\"\n    options = {\"variant\": \"ANY\"}\n", r.Name, r.Version))
	rf := map[string][]byte{protocol.Conanfile: conanfile}
	rf[protocol.Manifest] = Manifest(rf)
	r.Revision = md5hex(rf[protocol.Manifest])
	if err := upload(protocol.RecipeRevisionPath(r), rf); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		info := fmt.Sprintf("[settings]\n    arch=x86_64\n    os=Linux\n\n[requires]\n\n\n[options]\n    variant=%d\n\n[full_settings]\n    arch=x86_64\n    os=Linux\n\n[full_requires]\n\n\n[full_options]\n    variant=%d\n\n[recipe_hash]\n    %s\n\n[env]\n\n", i, i, r.Revision)
		pf := map[string][]byte{protocol.Info: []byte(info), protocol.PackageTgz: []byte(fmt.Sprintf("package %d", i))}
		pf[protocol.Manifest] = Manifest(pf)
		id := sha1.Sum([]byte(info))
		p := ref.PackageRef{Ref: r, PackageID: hex.EncodeToString(id[:]), Revision: md5hex(pf[protocol.Manifest])}
		if err := upload(protocol.PackageRevisionPath(p), pf); err != nil {
			return err
		}
	}
	return nil
}

func md5hex(b []byte) string { h := md5.Sum(b); return hex.EncodeToString(h[:]) }

// Manifest is a conanmanifest.txt of files: a timestamp line, then
// "name: md5" lines sorted by name.
func Manifest(files map[string][]byte) []byte {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("1700000000\n")
	for _, n := range names {
		fmt.Fprintf(&b, "%s: %s\n", n, md5hex(files[n]))
	}
	return []byte(b.String())
}
