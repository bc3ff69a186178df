package loadgen

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRawConn(t *testing.T) {
	var conns atomic.Int32
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/close":
			w.Header().Set("Connection", "close")
		case "/missing":
			http.NotFound(w, r)
			return
		}
		w.Write([]byte(strings.Repeat("x", 100000)))
	}))
	ts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	ts.Start()
	defer ts.Close()
	u, _ := url.Parse(ts.URL + "/ok")
	c := newRawConn(u.Host)
	defer c.close()
	deadline := time.Now().Add(10 * time.Second)
	for i := 0; i < 3; i++ {
		if code, err := c.get(requestBytes(u), deadline); code != 200 || err != nil {
			t.Fatalf("get %d: %d %v", i, code, err)
		}
	}
	if n := conns.Load(); n != 1 {
		t.Errorf("keep-alive: %d connections, want 1", n)
	}
	cu, _ := url.Parse(ts.URL + "/close")
	for i := 0; i < 2; i++ {
		if code, err := c.get(requestBytes(cu), deadline); code != 200 || err != nil {
			t.Fatalf("close %d: %d %v", i, code, err)
		}
	}
	if n := conns.Load(); n != 2 {
		t.Errorf("after Connection: close: %d connections, want 2", n)
	}
	mu, _ := url.Parse(ts.URL + "/missing")
	if code, err := c.get(requestBytes(mu), deadline); code != 404 || err != nil {
		t.Errorf("missing: %d %v", code, err)
	}
}
