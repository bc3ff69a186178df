package remote

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/conid/conid/recipe/ref"
)

func TestClientErrorsAndRetries(t *testing.T) {
	var calls atomic.Int32
	status := atomic.Int32{}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if s := int(status.Load()); s != 0 {
			http.Error(w, "no", s)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"results": ["zlib/1.2.11", "zlib/1.3@us/ch"]}`))
	}))
	defer hs.Close()
	c := &Client{Remote: Remote{Name: "r", URL: hs.URL}, Attempts: 3}
	ctx := context.Background()

	refs, err := c.Search(ctx, "zlib/*", false)
	if err != nil || len(refs) != 2 || refs[1] != (ref.Ref{Name: "zlib", Version: "1.3", User: "us", Channel: "ch"}) {
		t.Fatalf("search: %v %v", refs, err)
	}
	for _, c2 := range []struct {
		status int
		calls  int32
		want   string
	}{
		{503, 3, "503"},
		{401, 1, "conid user"},
		{403, 1, "permission denied"},
		{404, 1, "404"},
	} {
		calls.Store(0)
		status.Store(int32(c2.status))
		_, err := c.Search(ctx, "zlib/*", false)
		if err == nil || !strings.Contains(err.Error(), c2.want) || calls.Load() != c2.calls {
			t.Errorf("status %d: %v after %d calls; want %q after %d", c2.status, err, calls.Load(), c2.want, c2.calls)
		}
		if c2.status == 404 && !errors.Is(err, ErrNotFound) {
			t.Errorf("404 is not ErrNotFound")
		}
	}
}

func TestClientBadJSON(t *testing.T) {
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`<html>proxy login</html>`))
	}))
	defer hs.Close()
	c := &Client{Remote: Remote{Name: "r", URL: hs.URL}}
	_, err := c.Search(context.Background(), "zlib/*", false)
	if err == nil || !strings.Contains(err.Error(), "remote 'r': broken JSON") {
		t.Errorf("got %v", err)
	}
}

func TestCompleteURL(t *testing.T) {
	for _, c := range []struct{ base, u, want string }{
		{"http://h:9300", "v1/files/a?signature=x", "http://h:9300/v1/files/a?signature=x"},
		{"http://h:9300/", "http://o/v1/files/a", "http://o/v1/files/a"},
		{"http://h/api/conan/repo", "/v1/files/a", "http://h/v1/files/a"},
	} {
		cl := &Client{Remote: Remote{Name: "r", URL: c.base}}
		if got, err := cl.completeURL(c.u); err != nil || got != c.want {
			t.Errorf("%s + %s: %s %v, want %s", c.base, c.u, got, err, c.want)
		}
	}
}
