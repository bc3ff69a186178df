package main

import (
	"fmt"
	"path/filepath"

	"github.com/conid/conid/remote/dlcache"
)

// cmdCache manages the shared download cache: clean, verify, stats.
func cmdCache(args []string, e *env) error {
	if len(args) == 0 {
		return usageError("usage: conid cache clean|verify|stats [--download-cache DIR]")
	}
	fs := e.flagSet("cache " + args[0])
	var dir string
	fs.StringVar(&dir, "download-cache", "", "download cache folder (default: conan.conf storage.download_cache)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if dir == "" {
		_, cfg, err := homeConfig(e)
		if err != nil {
			return err
		}
		if dir = cfg.DownloadCache; dir == "" {
			return fmt.Errorf("no download cache: set storage.download_cache in conan.conf or pass --download-cache DIR")
		}
	} else if !filepath.IsAbs(dir) {
		dir = filepath.Join(e.cwd, dir)
	}
	c, err := dlcache.Open(dir)
	if err != nil {
		return err
	}
	switch args[0] {
	case "stats":
		_, st, err := c.Entries()
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "download cache %s\n  entries: %d\n  bytes: %d\n  written by Conan (no conid record): %d\n  unfinished downloads: %d\n  dirty Conan entries: %d\n",
			c.Dir, st.Entries, st.Bytes, st.Unrecorded, st.Temporary, st.Dirty)
	case "verify":
		checked, problems, err := c.Verify()
		for _, p := range problems {
			fmt.Fprintf(e.stdout, "removed %s: %s\n", p.Key, p.Reason)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%d entries verified, %d corrupt removed\n", checked, len(problems))
		if len(problems) > 0 {
			return fmt.Errorf("%d corrupt entries in the download cache %s (removed)", len(problems), c.Dir)
		}
	case "clean":
		n, err := c.Clean()
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "removed %d entries from %s\n", n, c.Dir)
	default:
		return usageError("unknown cache command %q: want clean, verify or stats", args[0])
	}
	return nil
}
