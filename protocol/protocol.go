// Package protocol is the Conan REST protocol, v1 and v2 (revisions), as
// conan_server and Artifactory serve it and the Conan 1.65 and Conan 2
// clients speak it: route templates, header and capability names, and the
// JSON bodies. It is shared by the server (package server) and the client
// (package remote); it holds no behaviour beyond building paths.
//
// Every route is relative to a base, "/v1/" or "/v2/". A recipe is
// addressed as conans/{name}/{version}/{user}/{channel}, with "_" for a
// missing user or channel:
//
//	GET    ping                                            capabilities header, empty body
//	GET    users/authenticate                              basic auth -> JWT (text/plain)
//	GET    users/check_credentials                         bearer -> user name (text/plain)
//	GET    conans/search?q=PATTERN&ignorecase=False        SearchResult
//	GET    conans/{ref}/search                             PackageSearch (v1: all recipe revisions)
//	GET    conans/{ref}/revisions/{rrev}/search            PackageSearch (v2)
//	GET    conans/{ref}/revisions                          RevisionList, newest first (v2)
//	GET    conans/{ref}/latest                             Revision (v2)
//	GET    conans/{ref}/revisions/{rrev}/files             FileList (v2)
//	GET|PUT conans/{ref}/revisions/{rrev}/files/{path}     file body (v2)
//	GET    conans/{ref}/revisions/{rrev}/packages/{id}/revisions   RevisionList (v2)
//	GET    conans/{ref}/revisions/{rrev}/packages/{id}/latest      Revision (v2)
//	GET    conans/{ref}/revisions/{rrev}/packages/{id}/revisions/{prev}/files        FileList
//	GET|PUT conans/{ref}/revisions/{rrev}/packages/{id}/revisions/{prev}/files/{path}
//	DELETE conans/{ref}[/revisions/{rrev}]                 remove recipe (all or one revision)
//	DELETE conans/{ref}/revisions/{rrev}/packages          remove all packages of a revision
//	DELETE conans/{ref}/revisions/{rrev}/packages/{id}[/revisions/{prev}]
//
// API v1 (no revisions; everything is stored as revision "0"):
//
//	GET  conans/{ref}                        Snapshot of the recipe (file -> md5)
//	GET  conans/{ref}/packages/{id}          Snapshot of the package
//	GET  conans/{ref}/digest                 URLs with only conanmanifest.txt
//	GET  conans/{ref}/packages/{id}/digest
//	GET  conans/{ref}/download_urls          URLs (file -> signed URL)
//	GET  conans/{ref}/packages/{id}/download_urls
//	POST conans/{ref}/upload_urls            FileSizes -> URLs
//	POST conans/{ref}/packages/{id}/upload_urls
//	POST conans/{ref}/remove_files           RemoveFiles
//	POST conans/{ref}/packages/delete        RemovePackages
//	DELETE conans/{ref}
//	GET|PUT files/{path}?signature=TOKEN     signed file transfer
package protocol

import (
	"net/url"
	"strings"

	"github.com/conid/conid/recipe/ref"
)

// Capabilities a server announces in HeaderCapabilities of a ping.
const (
	CapComplexSearch  = "complex_search"
	CapRevisions      = "revisions"
	CapChecksumDeploy = "checksum_deploy"
	CapMatrixParams   = "matrix_params"
	CapOAuthToken     = "oauth_token"
)

// Header names.
const (
	// HeaderCapabilities is the comma-separated capability list of a ping.
	HeaderCapabilities = "X-Conan-Server-Capabilities"
	// HeaderChecksumDeploy asks a server to take a file by its checksum
	// without a body; conan_server answers 404, so the client sends it.
	HeaderChecksumDeploy = "X-Checksum-Deploy"
	// HeaderChecksumSha1 is the hex SHA-1 of an uploaded body, sent by
	// both clients on every PUT.
	HeaderChecksumSha1 = "X-Checksum-Sha1"
)

// Well-known names.
const (
	// DefaultRevision is the revision of everything uploaded through v1.
	DefaultRevision = "0"
	// TimeLayout is the layout of revision times: UTC ISO 8601 to the
	// second with a "Z", as conan_server writes them.
	TimeLayout = "2006-01-02T15:04:05Z"
	// Manifest, Conanfile, Info, ExportTgz, ExportSourcesTgz and
	// PackageTgz are the files of the Conan layout.
	Manifest         = "conanmanifest.txt"
	Conanfile        = "conanfile.py"
	Info             = "conaninfo.txt"
	ExportTgz        = "conan_export.tgz"
	ExportSourcesTgz = "conan_sources.tgz"
	PackageTgz       = "conan_package.tgz"
)

// SearchResult is the body of conans/search: full references
// ("name/version" or "name/version@user/channel"), sorted.
type SearchResult struct {
	Results []string `json:"results"`
}

// Revision is one entry of a revision list, and the body of */latest.
type Revision struct {
	Revision string `json:"revision"`
	Time     string `json:"time"`
}

// RevisionList is the body of */revisions, newest first.
type RevisionList struct {
	Revisions []Revision `json:"revisions"`
}

// FileList is the body of */files (v2): file names relative to the
// recipe or package folder, with "/" separators, to empty metadata.
type FileList struct {
	Files map[string]struct{} `json:"files"`
}

// PackageInfo is one package in a PackageSearch: the raw conaninfo.txt
// (Conan 1.48+ and Conan 2 read only Content) and, for older clients,
// its settings, options, full_requires and recipe_hash.
type PackageInfo struct {
	Content      string            `json:"content"`
	Settings     map[string]string `json:"settings"`
	Options      map[string]string `json:"options"`
	FullRequires []string          `json:"full_requires"`
	RecipeHash   *string           `json:"recipe_hash"`
}

// PackageSearch is the body of conans/{ref}/search: package ID -> info.
type PackageSearch map[string]PackageInfo

// Snapshot is the v1 body of conans/{ref} and .../packages/{id}:
// file name -> hex MD5.
type Snapshot map[string]string

// URLs is the v1 body of download_urls, upload_urls and digest:
// file name -> URL (absolute, or relative to the remote's URL).
type URLs map[string]string

// FileSizes is the v1 body posted to upload_urls: file name -> size.
type FileSizes map[string]int64

// RemoveFiles is the v1 body of remove_files.
type RemoveFiles struct {
	Files []string `json:"files"`
}

// RemovePackages is the v1 body of packages/delete; empty means all.
type RemovePackages struct {
	PackageIDs []string `json:"package_ids"`
}

// Base paths of the two API versions.
const (
	V1 = "/v1/"
	V2 = "/v2/"
)

// Common routes, relative to a base.
const (
	Ping             = "ping"
	Authenticate     = "users/authenticate"
	CheckCredentials = "users/check_credentials"
	Search           = "conans/search"
)

// RecipePath is "conans/name/version/user/channel" with "_" for a missing
// user or channel; each field is path-escaped.
func RecipePath(r ref.Ref) string {
	u, c := r.User, r.Channel
	if u == "" {
		u = "_"
	}
	if c == "" {
		c = "_"
	}
	return "conans/" + esc(r.Name) + "/" + esc(r.Version) + "/" + esc(u) + "/" + esc(c)
}

// RecipeRevisionPath is RecipePath plus "/revisions/{rrev}" (v2).
func RecipeRevisionPath(r ref.Ref) string {
	return RecipePath(r) + "/revisions/" + esc(r.Revision)
}

// PackagePath is ".../packages/{id}" under the recipe revision when
// p.Ref.Revision is set (v2), else under the recipe (v1).
func PackagePath(p ref.PackageRef) string {
	base := RecipePath(p.Ref)
	if p.Ref.Revision != "" {
		base = RecipeRevisionPath(p.Ref)
	}
	return base + "/packages/" + esc(p.PackageID)
}

// PackageRevisionPath is PackagePath plus "/revisions/{prev}" (v2).
func PackageRevisionPath(p ref.PackageRef) string {
	return PackagePath(p) + "/revisions/" + esc(p.Revision)
}

// RecipeLatestPath is RecipePath plus "/latest": the latest recipe
// revision (v2).
func RecipeLatestPath(r ref.Ref) string { return RecipePath(r) + "/latest" }

// RecipeRevisionsPath is RecipePath plus "/revisions": every recipe
// revision, newest first (v2).
func RecipeRevisionsPath(r ref.Ref) string { return RecipePath(r) + "/revisions" }

// PackageSearchPath is the package search of a recipe: of revision
// r.Revision when set (v2), else of every revision (v1) or the latest
// (v2).
func PackageSearchPath(r ref.Ref) string {
	if r.Revision != "" {
		return RecipeRevisionPath(r) + "/search"
	}
	return RecipePath(r) + "/search"
}

// PackageLatestPath is the latest revision of a package of recipe
// revision p.Ref (v2).
func PackageLatestPath(p ref.PackageRef) string { return PackagePath(p) + "/latest" }

// PackageRevisionsPath lists the revisions of a package of recipe
// revision p.Ref, newest first (v2).
func PackageRevisionsPath(p ref.PackageRef) string { return PackagePath(p) + "/revisions" }

// FilesPath is the file list of a recipe or package revision path (v2).
func FilesPath(base string) string { return base + "/files" }

// FilePath joins a file name ("/"-separated) under a recipe or package
// revision path: base + "/files/" + name.
func FilePath(base, name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = esc(p)
	}
	return base + "/files/" + strings.Join(parts, "/")
}

// SearchQuery is the query of conans/search for a pattern, as the
// clients send it ("" for no pattern).
func SearchQuery(pattern string, ignoreCase bool) string {
	if pattern == "" {
		return ""
	}
	v := url.Values{"q": {pattern}}
	if !ignoreCase {
		v.Set("ignorecase", "False")
	}
	return "?" + v.Encode()
}

func esc(s string) string { return url.PathEscape(s) }
