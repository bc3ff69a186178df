package remote

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRemotesMarshalAsConan(t *testing.T) {
	rs := &Remotes{List: []Remote{{Name: "local", URL: "http://localhost:9300", VerifySSL: true}}}
	// What Conan 1.65 wrote for "conan remote add local http://localhost:9300".
	want := "{\n \"remotes\": [\n  {\n   \"name\": \"local\",\n   \"url\": \"http://localhost:9300\",\n   \"verify_ssl\": true\n  }\n ]\n}"
	if got := string(rs.Marshal()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRemotesEdit(t *testing.T) {
	rs := &Remotes{}
	add := func(name, url string, insert *int, force bool) error {
		return rs.Add(Remote{Name: name, URL: url, VerifySSL: true}, insert, force)
	}
	zero, one := 0, 1
	for _, err := range []error{
		add("a", "http://a", nil, false),
		add("b", "http://b", nil, false),
		add("c", "http://c", &zero, false),
		rs.Update(Remote{Name: "a", URL: "http://a2", VerifySSL: true}, &one),
		add("d", "http://b", nil, true), // replaces b, same URL
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	for _, r := range rs.List {
		names = append(names, r.Name+"="+r.URL)
	}
	if got, want := strings.Join(names, " "), "c=http://c a=http://a2 d=http://b"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if err := rs.Remove("zz"); err == nil {
		t.Error("removing an unknown remote succeeded")
	}
	sel, pinned, err := rs.Select("all")
	if err != nil || pinned || len(sel) != 3 {
		t.Errorf("select all: %v %v %v", sel, pinned, err)
	}
	sel, pinned, err = rs.Select("a")
	if err != nil || !pinned || sel[0].URL != "http://a2" {
		t.Errorf("select a: %v %v %v", sel, pinned, err)
	}
}

func TestParseRemotesErrors(t *testing.T) {
	for text, want := range map[string]string{
		`{`:                            "invalid remotes file",
		`{"remotes": [{"name": "a"}]}`: `missing field "url"`,
		`{"remotes": [{"name": 1, "url": "x", "verify_ssl": true}]}`:                                                  "remotes[0].name",
		`{"remotes": [{"name": "a", "url": "x", "verify_ssl": true}, {"name": "a", "url": "y", "verify_ssl": true}]}`: "defined twice",
	} {
		_, err := ParseRemotes("/h/remotes.json", []byte(text))
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "/h/remotes.json") {
			t.Errorf("%s: got %v, want %q naming the file", text, err, want)
		}
	}
}

func FuzzParseRemotes(f *testing.F) {
	f.Add([]byte(`{"remotes": [{"name": "a", "url": "http://a", "verify_ssl": true, "disabled": true}]}`))
	f.Add([]byte(`{"remotes": []}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := ParseRemotes("remotes.json", b)
		if err != nil {
			return
		}
		back, err := ParseRemotes("remotes.json", rs.Marshal())
		if err != nil {
			t.Fatalf("re-reading what was written: %v", err)
		}
		if !reflect.DeepEqual(back.List, rs.List) {
			t.Fatalf("round trip: %v != %v", back.List, rs.List)
		}
	})
}

func FuzzParseServerJSON(f *testing.F) {
	f.Add([]byte(`{"results": ["zlib/1.2.11", "a/1@u/c"]}`), []byte(`{"24c3": {"settings": {"os": "Linux"}, "recipe_hash": null}}`))
	f.Add([]byte(`{"results": [1]}`), []byte(`{"": {}}`))
	f.Fuzz(func(t *testing.T, search, pkgs []byte) {
		var doc struct {
			Results []string `json:"results"`
		}
		if json.Unmarshal(search, &doc) == nil {
			refs, err := ParseSearchResults("r", doc.Results)
			if err == nil && len(refs) != len(doc.Results) {
				t.Fatalf("%d refs of %d results", len(refs), len(doc.Results))
			}
		}
		var raw map[string]json.RawMessage
		if json.Unmarshal(pkgs, &raw) == nil {
			got, err := ParsePackageSearch("r", raw)
			if err == nil && len(got) != len(raw) {
				t.Fatalf("%d packages of %d", len(got), len(raw))
			}
		}
		ParseCapabilities(string(search))
	})
}

func tgz(t testing.TB, entries ...tar.Header) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, h := range entries {
		body := []byte("x")
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(body))
		}
		if err := tw.WriteHeader(&h); err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeReg {
			tw.Write(body)
		}
	}
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

func TestUntgzRefusesEscapes(t *testing.T) {
	for _, h := range []tar.Header{
		{Name: "../evil", Typeflag: tar.TypeReg, Mode: 0o644},
		{Name: "/abs", Typeflag: tar.TypeReg, Mode: 0o644},
		{Name: "a/../../evil", Typeflag: tar.TypeReg, Mode: 0o644},
		{Name: "link", Typeflag: tar.TypeSymlink, Linkname: "../.."},
		{Name: "link", Typeflag: tar.TypeSymlink, Linkname: "/etc"},
		{Name: "dev", Typeflag: tar.TypeChar},
	} {
		dir := t.TempDir()
		if err := untgz(bytes.NewReader(tgz(t, h)), "x.tgz", filepath.Join(dir, "in")); err == nil {
			t.Errorf("%s (%c): unpacked", h.Name, h.Typeflag)
		}
	}
	dir := t.TempDir()
	if err := untgz(bytes.NewReader(tgz(t, tar.Header{Name: "lib/a.a", Typeflag: tar.TypeReg, Mode: 0o644}, tar.Header{Name: "lib/l", Typeflag: tar.TypeSymlink, Linkname: "a.a"})), "x.tgz", dir); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "lib", "l")); err != nil || string(b) != "x" {
		t.Errorf("lib/l: %q %v", b, err)
	}
}

func FuzzUntgz(f *testing.F) {
	f.Add(tgz(f, tar.Header{Name: "a/b", Typeflag: tar.TypeReg, Mode: 0o644}))
	f.Add(tgz(f, tar.Header{Name: "../x", Typeflag: tar.TypeReg, Mode: 0o644}))
	f.Fuzz(func(t *testing.T, b []byte) {
		root := t.TempDir()
		in := filepath.Join(root, "in")
		untgz(bytes.NewReader(b), "f.tgz", in)
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && p != root && !strings.HasPrefix(p, in) {
				t.Fatalf("wrote %s outside %s", p, in)
			}
			return nil
		})
	})
}
