package server

import (
	"fmt"
	"strings"

	"github.com/conid/conid/recipe/ref"
	"github.com/conid/conid/server/storage"
)

// Route kinds: what a request path names.
const (
	kPing             = "ping"
	kAuthenticate     = "authenticate"
	kCheckCredentials = "check_credentials"
	kSearch           = "search"
	kRecipe           = "recipe"            // v1 snapshot (GET), remove (DELETE)
	kPackageSearch    = "package_search"    // conans/{ref}[/revisions/{rrev}]/search
	kRecipeLatest     = "recipe_latest"     // v2
	kRecipeRevisions  = "recipe_revisions"  // v2
	kRecipeRevision   = "recipe_revision"   // v2 DELETE
	kRecipeFiles      = "recipe_files"      // v2
	kRecipeFile       = "recipe_file"       // v2 GET/PUT
	kPackages         = "packages"          // v2 DELETE all packages of a revision
	kPackage          = "package"           // v1 snapshot, v2 DELETE
	kPackageLatest    = "package_latest"    // v2
	kPackageRevisions = "package_revisions" // v2
	kPackageRevision  = "package_revision"  // v2 DELETE
	kPackageFiles     = "package_files"     // v2
	kPackageFile      = "package_file"      // v2 GET/PUT
	kRecipeDigest     = "recipe_digest"     // v1
	kRecipeDownload   = "recipe_download"   // v1
	kRecipeUpload     = "recipe_upload"     // v1
	kRemoveFiles      = "remove_files"      // v1
	kRemovePackages   = "remove_packages"   // v1
	kPackageDigest    = "package_digest"    // v1
	kPackageDownload  = "package_download"  // v1
	kPackageUpload    = "package_upload"    // v1
	kTransfer         = "transfer"          // v1 files/{key}
	kMetrics          = "metrics"
	kHealth           = "health"
)

// route is a parsed request path.
type route struct {
	API       int    // 1 or 2; 0 for /metrics and /healthz
	Kind      string // one of the k* constants
	Ref       ref.Ref
	PackageID string
	PRev      string
	File      string // a file name, or the storage key of a transfer
}

// badRequest is a client error with its HTTP status.
type badRequest struct {
	Code int
	Msg  string
}

func (e *badRequest) Error() string { return e.Msg }

// matcher is a validity check of a path segment.
type matcher func(string) bool

func (m matcher) MatchString(s string) bool { return m(s) }

func alnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }

var (
	// revisionRE: 1 to 51 letters and digits, as Conan's revisions.
	revisionRE = matcher(func(s string) bool {
		if len(s) < 1 || len(s) > 51 {
			return false
		}
		for i := 0; i < len(s); i++ {
			if !alnum(s[i]) {
				return false
			}
		}
		return true
	})
	// packageIDRE: 1 to 128 of [a-zA-Z0-9_.+-], not starting with one of ".+-".
	packageIDRE = matcher(func(s string) bool {
		if len(s) < 1 || len(s) > 128 {
			return false
		}
		for i := 0; i < len(s); i++ {
			c := s[i]
			if !alnum(c) && c != '_' && (i == 0 || c != '.' && c != '+' && c != '-') {
				return false
			}
		}
		return true
	})
)

const maxPathLen = 4096

// parseRoute reads a (decoded) URL path. A path no route has is a 404;
// a route with a bad reference, revision, package ID or file name a 400.
func parseRoute(p string) (route, error) {
	if len(p) > maxPathLen {
		return route{}, &badRequest{414, "request path too long"}
	}
	switch p {
	case "/metrics":
		return route{Kind: kMetrics}, nil
	case "/healthz", "/health":
		return route{Kind: kHealth}, nil
	}
	var rt route
	switch {
	case strings.HasPrefix(p, "/v1/"):
		rt.API = 1
	case strings.HasPrefix(p, "/v2/"):
		rt.API = 2
	default:
		return route{}, notFound(p)
	}
	rest := strings.TrimSuffix(p[4:], "/")
	switch rest {
	case "ping":
		rt.Kind = kPing
		return rt, nil
	case "users/authenticate":
		rt.Kind = kAuthenticate
		return rt, nil
	case "users/check_credentials":
		rt.Kind = kCheckCredentials
		return rt, nil
	case "conans/search":
		rt.Kind = kSearch
		return rt, nil
	}
	segs := strings.Split(rest, "/")
	if rt.API == 1 && segs[0] == "files" && len(segs) > 1 {
		key := strings.Join(segs[1:], "/")
		if err := storage.CheckKey(key); err != nil {
			return route{}, &badRequest{400, fmt.Sprintf("invalid file path %q", key)}
		}
		rt.Kind, rt.File = kTransfer, key
		return rt, nil
	}
	if segs[0] != "conans" || len(segs) < 5 {
		return route{}, notFound(p)
	}
	r := ref.Ref{Name: segs[1], Version: segs[2], User: underscore(segs[3]), Channel: underscore(segs[4])}
	if !quickValid(r) {
		// The slow path explains.
		err := r.Validate()
		msg := "names, versions, users and channels are 2 to 51 characters of [a-zA-Z0-9_+.-]"
		if err != nil {
			msg = err.Error()
		}
		return route{}, &badRequest{400, fmt.Sprintf("invalid reference %s/%s@%s/%s: %s", segs[1], segs[2], segs[3], segs[4], msg)}
	}
	rt.Ref = r
	segs = segs[5:]
	take := func(re matcher, what string) (string, error) {
		v := segs[0]
		segs = segs[1:]
		if !re.MatchString(v) {
			return "", &badRequest{400, fmt.Sprintf("invalid %s %q", what, v)}
		}
		return v, nil
	}
	file := func() (string, error) {
		name := strings.Join(segs, "/")
		if err := storage.CheckKey(name); err != nil {
			return "", &badRequest{400, fmt.Sprintf("invalid file name %q: must be a relative path without '..'", name)}
		}
		return name, nil
	}
	var err error
	if rt.API == 1 {
		switch {
		case len(segs) == 0:
			rt.Kind = kRecipe
		case len(segs) == 1:
			rt.Kind = map[string]string{"search": kPackageSearch, "digest": kRecipeDigest,
				"download_urls": kRecipeDownload, "upload_urls": kRecipeUpload, "remove_files": kRemoveFiles}[segs[0]]
		case len(segs) == 2 && segs[0] == "packages" && segs[1] == "delete":
			rt.Kind = kRemovePackages
		case segs[0] == "packages" && len(segs) <= 3:
			segs = segs[1:]
			if rt.PackageID, err = take(packageIDRE, "package ID"); err != nil {
				return route{}, err
			}
			if len(segs) == 0 {
				rt.Kind = kPackage
			} else {
				rt.Kind = map[string]string{"digest": kPackageDigest, "download_urls": kPackageDownload,
					"upload_urls": kPackageUpload}[segs[0]]
			}
		}
		if rt.Kind == "" {
			return route{}, notFound(p)
		}
		return rt, nil
	}
	// API v2
	switch {
	case len(segs) == 0:
		rt.Kind = kRecipe
		return rt, nil
	case len(segs) == 1 && segs[0] == "search":
		rt.Kind = kPackageSearch
		return rt, nil
	case len(segs) == 1 && segs[0] == "latest":
		rt.Kind = kRecipeLatest
		return rt, nil
	case len(segs) == 1 && segs[0] == "revisions":
		rt.Kind = kRecipeRevisions
		return rt, nil
	case segs[0] != "revisions":
		return route{}, notFound(p)
	}
	segs = segs[1:]
	if rt.Ref.Revision, err = take(revisionRE, "recipe revision"); err != nil {
		return route{}, err
	}
	switch {
	case len(segs) == 0:
		rt.Kind = kRecipeRevision
		return rt, nil
	case len(segs) == 1 && segs[0] == "search":
		rt.Kind = kPackageSearch
		return rt, nil
	case len(segs) == 1 && segs[0] == "files":
		rt.Kind = kRecipeFiles
		return rt, nil
	case segs[0] == "files":
		segs = segs[1:]
		rt.Kind = kRecipeFile
		rt.File, err = file()
		return rt, err
	case len(segs) == 1 && segs[0] == "packages":
		rt.Kind = kPackages
		return rt, nil
	case segs[0] != "packages":
		return route{}, notFound(p)
	}
	segs = segs[1:]
	if rt.PackageID, err = take(packageIDRE, "package ID"); err != nil {
		return route{}, err
	}
	switch {
	case len(segs) == 0:
		rt.Kind = kPackage
		return rt, nil
	case len(segs) == 1 && segs[0] == "latest":
		rt.Kind = kPackageLatest
		return rt, nil
	case len(segs) == 1 && segs[0] == "revisions":
		rt.Kind = kPackageRevisions
		return rt, nil
	case segs[0] != "revisions":
		return route{}, notFound(p)
	}
	segs = segs[1:]
	if rt.PRev, err = take(revisionRE, "package revision"); err != nil {
		return route{}, err
	}
	switch {
	case len(segs) == 0:
		rt.Kind = kPackageRevision
	case len(segs) == 1 && segs[0] == "files":
		rt.Kind = kPackageFiles
	case segs[0] == "files":
		segs = segs[1:]
		rt.Kind = kPackageFile
		rt.File, err = file()
		return rt, err
	default:
		return route{}, notFound(p)
	}
	return rt, nil
}

// quickValid is ref.Validate's rule for a concrete reference (no
// patterns, ranges or aliases) without regular expressions: every field
// is 2 to 51 characters of [a-zA-Z0-9_+.-], not starting with "+.-";
// user and channel both empty or both set.
func quickValid(r ref.Ref) bool {
	if (r.User == "") != (r.Channel == "") {
		return false
	}
	return validName(r.Name) && validName(r.Version) && (r.User == "" || validName(r.User) && validName(r.Channel))
}

func validName(s string) bool {
	if len(s) < 2 || len(s) > 51 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
		case (c == '+' || c == '.' || c == '-') && i > 0:
		default:
			return false
		}
	}
	return true
}

func notFound(p string) error {
	return &badRequest{404, fmt.Sprintf("no such route: %s", p)}
}

func underscore(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// parseTransferKey reads the storage key of a v1 transfer: a recipe
// file (".../rrev/export/FILE") or a package file
// (".../rrev/package/ID/PREV/FILE").
func parseTransferKey(key string) (p ref.PackageRef, file string, isPackage bool, err error) {
	segs := strings.Split(key, "/")
	bad := &badRequest{400, fmt.Sprintf("invalid file path %q", key)}
	if len(segs) < 7 {
		return p, "", false, bad
	}
	r := ref.Ref{Name: segs[0], Version: segs[1], User: underscore(segs[2]), Channel: underscore(segs[3]), Revision: segs[4]}
	if r.Validate() != nil || !revisionRE.MatchString(r.Revision) {
		return p, "", false, bad
	}
	p.Ref = r
	switch segs[5] {
	case storage.ExportFolder:
		return p, strings.Join(segs[6:], "/"), false, nil
	case storage.PackagesFolder:
		if len(segs) < 9 || !packageIDRE.MatchString(segs[6]) || !revisionRE.MatchString(segs[7]) {
			return p, "", false, bad
		}
		p.PackageID, p.Revision = segs[6], segs[7]
		return p, strings.Join(segs[8:], "/"), true, nil
	}
	return p, "", false, bad
}
