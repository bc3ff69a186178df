package server

import (
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
)

// BenchmarkPackageLookup measures GET .../packages/{id}/latest, the
// lookup of a binary by an install, over loopback with parallel
// clients (go test -bench PackageLookup -cpu 16,64 ./server).
func BenchmarkPackageLookup(b *testing.B) {
	ts := startServer(b, serverOpts{})
	tok := ts.login("demo", "demo")
	r := ref.MustParse("bench/1.0@demo/testing")
	rf := recipeFiles(b, r, "b")
	r.Revision = revOf(rf)
	ts.uploadRecipe(tok, r, rf)
	var urls []string
	for i := 0; i < 20; i++ {
		pf := packageFiles(b, "Linux", fmt.Sprint(i))
		p := ref.PackageRef{Ref: r, PackageID: fmt.Sprintf("id%02d", i), Revision: revOf(pf)}
		ts.uploadPackage(tok, p, pf)
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
