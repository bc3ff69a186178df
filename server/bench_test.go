package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
)

// seedBench starts a server with one recipe of n packages.
func seedBench(b *testing.B, n int) (*testServer, []ref.PackageRef) {
	ts := startServer(b, serverOpts{})
	tok := ts.login("demo", "demo")
	r := ref.MustParse("bench/1.0@demo/testing")
	rf := recipeFiles(b, r, "b")
	r.Revision = revOf(rf)
	ts.uploadRecipe(tok, r, rf)
	var pkgs []ref.PackageRef
	for i := 0; i < n; i++ {
		pf := packageFiles(b, "Linux", fmt.Sprint(i))
		p := ref.PackageRef{Ref: r, PackageID: fmt.Sprintf("id%02d", i), Revision: revOf(pf)}
		ts.uploadPackage(tok, p, pf)
		pkgs = append(pkgs, p)
	}
	return ts, pkgs
}

// BenchmarkPackageLookup measures GET .../packages/{id}/latest, the
// lookup of a binary by an install, over loopback with parallel
// clients (go test -bench PackageLookup ./server). conid serve bench
// measures the same against a running server.
func BenchmarkPackageLookup(b *testing.B) {
	ts, pkgs := seedBench(b, 20)
	var urls []string
	for _, p := range pkgs {
		urls = append(urls, ts.URL+protocol.V2+protocol.PackagePath(p)+"/latest")
	}
	tr := &http.Transport{MaxIdleConnsPerHost: 1024}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			resp, err := c.Get(urls[i%len(urls)])
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
			i++
		}
	})
}

// BenchmarkHandlerLookup is the same lookup without the network: the
// handler's own cost.
func BenchmarkHandlerLookup(b *testing.B) {
	ts, pkgs := seedBench(b, 1)
	req := httptest.NewRequest("GET", protocol.V2+protocol.PackagePath(pkgs[0])+"/latest", nil)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w := httptest.NewRecorder()
		ts.srv.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
