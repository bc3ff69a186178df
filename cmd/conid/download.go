package main

import (
	"fmt"
	"path/filepath"
	"sort"

	"github.com/conid/conid/recipe/ref"
)

// cmdDownload fetches a recipe and its binaries from a remote into a
// folder, through the download cache.
func cmdDownload(args []string, e *env) error {
	fs := e.flagSet("download")
	var rf remoteFlags
	rf.add(fs)
	var ids []string
	var dest string
	fs.StringArrayVarP(&ids, "package", "p", nil, "binary package ID to download (repeatable; default: every binary)")
	fs.StringVar(&dest, "dest", "", "folder to unpack into: DEST/export, DEST/package/<id>")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(fs.Args()) != 1 || rf.remote == "" || dest == "" {
		return usageError("usage: conid download <ref> [-p ID]... -r REMOTE --dest DIR [--download-cache DIR]")
	}
	r, err := ref.Parse(fs.Args()[0])
	if err != nil {
		return err
	}
	if !filepath.IsAbs(dest) {
		dest = filepath.Join(e.cwd, dest)
	}
	h, cfg, err := homeConfig(e)
	if err != nil {
		return err
	}
	s, err := rf.session(e, h, cfg)
	if err != nil {
		return err
	}
	s.Output = nil
	got, err := s.Fetch(r, ids, dest)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: recipe revision %s in %s\n", got.Ref.String(), got.Ref.Revision, got.Export)
	for _, id := range sortedNames(got.Packages) {
		fmt.Fprintf(e.stdout, "%s:%s in %s\n", got.Ref.String(), id, got.Packages[id])
	}
	return nil
}

func sortedNames(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
