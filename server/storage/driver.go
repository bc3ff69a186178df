// Package storage keeps the recipes and packages of a conid server in
// conan_server's data folder layout, behind a Driver so that the bytes
// can live on disk today and in an object store later.
//
// # Layout
//
// Keys are "/"-separated paths relative to the storage root, exactly
// the files conan_server 1.65 writes under its disk_storage_path, so an
// existing data folder is served as it is:
//
//	<root>/
//	  <name>/<version>/<user|_>/<channel|_>/
//	    revisions.txt                     recipe revision index (JSON)
//	    <rrev>/                           "0" for everything uploaded by API v1
//	      export/
//	        conanfile.py
//	        conanmanifest.txt
//	        conan_export.tgz
//	        conan_sources.tgz             (optional)
//	      package/
//	        <package_id>/
//	          revisions.txt               package revision index (JSON)
//	          <prev>/
//	            conaninfo.txt
//	            conanmanifest.txt
//	            conan_package.tgz
//	  .conid-tmp/                         uploads in flight (never listed)
//
// A revisions.txt is {"revisions": [{"revision": R, "time": T}, ...]},
// oldest first; T is ISO 8601 (conan_server 1.x) or a float timestamp
// (conan_server 2.x); both are read.
//
// # Safety
//
// A file is written to .conid-tmp, checked (size, SHA-1) and renamed
// into place, so no reader ever sees part of a file. A revision enters
// its revisions.txt only when its conanmanifest.txt arrives, which both
// Conan clients send last: until then the revision is invisible to
// search, listing and "latest", and an upload killed half-way leaves
// nothing visible. Index files are rewritten with the same
// write-and-rename, under a per-reference lock.
package storage

import (
	"errors"
	"io"
	"time"
)

// Errors a Driver returns; match them with errors.Is.
var (
	ErrNotExist = errors.New("not found")
	ErrChecksum = errors.New("checksum mismatch")
	ErrSize     = errors.New("size mismatch")
	ErrBadKey   = errors.New("invalid storage key")
)

// Info describes a stored object.
type Info struct {
	Size    int64
	ModTime time.Time
}

// Object is an open stored object.
type Object interface {
	io.ReadSeekCloser
	Info() Info
}

// Driver stores objects by key. Keys are "/"-separated relative paths
// without "." or ".." elements. Implementations must be safe for
// concurrent use, and Put must be atomic: a concurrent Open sees the
// old object or the new one, never part of one.
type Driver interface {
	// Open opens an object for reading.
	Open(key string) (Object, error)
	// Stat describes an object.
	Stat(key string) (Info, error)
	// Put stores r under key atomically. When size >= 0 the body must
	// have that many bytes (ErrSize); when sha1hex is not empty the body
	// must have that SHA-1 (ErrChecksum). On error nothing is stored.
	Put(key string, r io.Reader, size int64, sha1hex string) (Info, error)
	// List returns the keys of all objects under prefix, relative to it,
	// sorted; ErrNotExist when there are none and prefix does not exist.
	List(prefix string) ([]string, error)
	// Children returns the names of the immediate sub-prefixes of prefix
	// (folders, on disk), sorted, without hidden ones ("." first).
	Children(prefix string) ([]string, error)
	// Delete removes an object or a whole prefix; a missing one is no error.
	Delete(key string) error
}
