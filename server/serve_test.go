package server

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"github.com/conid/conid/protocol"
	"github.com/conid/conid/recipe/ref"
)

// TestGracefulShutdown: once Serve's context is done, new connections
// are refused but an upload in flight completes and is stored.
func TestGracefulShutdown(t *testing.T) {
	ts := startServer(t, serverOpts{})
	tok := ts.login("demo", "demo")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ts.srv.Serve(ctx, ln) }()

	r := ref.MustParse("slow/1.0")
	files := recipeFiles(t, r, "slow")
	r.Revision = revOf(files)
	// Upload everything but the manifest, whose body is sent in two
	// halves around the shutdown.
	ts.uploadFiles(tok, protocol.RecipeRevisionPath(r), map[string][]byte{protocol.Conanfile: files[protocol.Conanfile], protocol.ExportTgz: files[protocol.ExportTgz]})
	body := files[protocol.Manifest]
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("PUT", "http://"+addr+protocol.V2+protocol.FilePath(protocol.RecipeRevisionPath(r), protocol.Manifest), pr)
	req.ContentLength = int64(len(body))
	req.Header.Set("Authorization", "Bearer "+tok)
	resc := make(chan *http.Response, 1)
	errc := make(chan error, 1)
	go func() {
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			errc <- err
			return
		}
		resc <- resp
	}()
	pw.Write(body[:len(body)/2])
	// The request is in the server once its first half is read: wait
	// until the store has a temporary file, then shut down.
	for len(storedFilesUnder(t, ts.dir, ".conid-tmp")) == 0 {
		select {
		case err := <-errc:
			t.Fatal(err)
		default:
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	// New connections are refused once the listener is closed.
	for {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		c.Close()
		time.Sleep(time.Millisecond)
	}
	pw.Write(body[len(body)/2:])
	pw.Close()
	select {
	case err := <-errc:
		t.Fatal(err)
	case resp := <-resc:
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("upload in flight: %d", resp.StatusCode)
		}
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	var latest protocol.Revision
	ts.getJSON(fmt.Sprintf("/v2/%s/latest", protocol.RecipePath(r)), "", &latest)
	if latest.Revision != r.Revision {
		t.Errorf("upload in flight not committed: %+v", latest)
	}
}
