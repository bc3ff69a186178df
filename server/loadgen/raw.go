package loadgen

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http/httputil"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// rawConn is a minimal HTTP/1.1 GET client over one connection, as wrk
// does it: the request bytes are prepared once and a response is read
// by its Content-Length, so that on a small machine the load generator
// takes little of the CPU the server under test needs. It reconnects
// when the server closes the connection (HTTP/1.0 servers such as
// Python's wsgiref close after every response).
type rawConn struct {
	addr string
	conn net.Conn
	rd   *bufio.Reader
	buf  []byte
}

func newRawConn(addr string) *rawConn {
	return &rawConn{addr: addr, buf: make([]byte, 64<<10)}
}

// requestBytes is the GET request of a URL.
func requestBytes(u *url.URL) []byte {
	return []byte("GET " + u.RequestURI() + " HTTP/1.1\r\nHost: " + u.Host + "\r\nUser-Agent: conid-loadgen\r\nAccept: */*\r\n\r\n")
}

func (c *rawConn) close() {
	if c.conn != nil {
		c.conn.Close()
		c.conn = nil
	}
}

// get sends req and reads the response; it returns the status code.
func (c *rawConn) get(req []byte, deadline time.Time) (int, error) {
	for attempt := 0; ; attempt++ {
		if c.conn == nil {
			conn, err := net.DialTimeout("tcp", c.addr, 10*time.Second)
			if err != nil {
				return 0, err
			}
			c.conn, c.rd = conn, bufio.NewReaderSize(conn, 16<<10)
		}
		c.conn.SetDeadline(deadline)
		code, err := c.roundTrip(req)
		if err == nil {
			return code, nil
		}
		c.close()
		// A kept-alive connection the server closed meanwhile: retry once.
		if attempt == 0 && (errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || isReset(err)) {
			continue
		}
		return 0, err
	}
}

func isReset(err error) bool {
	return strings.Contains(err.Error(), "connection reset") || strings.Contains(err.Error(), "broken pipe")
}

func (c *rawConn) roundTrip(req []byte) (int, error) {
	if _, err := c.conn.Write(req); err != nil {
		return 0, err
	}
	line, err := c.rd.ReadSlice('\n')
	if err != nil {
		return 0, err
	}
	// "HTTP/1.1 200 OK"
	f := bytes.Fields(line)
	if len(f) < 2 || !bytes.HasPrefix(f[0], []byte("HTTP/")) {
		return 0, fmt.Errorf("bad status line %q", line)
	}
	code, err := strconv.Atoi(string(f[1]))
	if err != nil {
		return 0, fmt.Errorf("bad status line %q", line)
	}
	length := int64(-1)
	closeAfter := bytes.Equal(f[0], []byte("HTTP/1.0"))
	chunked := false
	for {
		h, err := c.rd.ReadSlice('\n')
		if err != nil {
			return 0, err
		}
		h = bytes.TrimRight(h, "\r\n")
		if len(h) == 0 {
			break
		}
		k, v, ok := bytes.Cut(h, []byte(":"))
		if !ok {
			continue
		}
		v = bytes.TrimSpace(v)
		switch {
		case bytes.EqualFold(k, []byte("Content-Length")):
			if length, err = strconv.ParseInt(string(v), 10, 64); err != nil {
				return 0, fmt.Errorf("bad Content-Length %q", v)
			}
		case bytes.EqualFold(k, []byte("Connection")):
			closeAfter = closeAfter && !bytes.EqualFold(v, []byte("keep-alive")) || bytes.EqualFold(v, []byte("close"))
		case bytes.EqualFold(k, []byte("Transfer-Encoding")):
			if !bytes.EqualFold(v, []byte("chunked")) {
				return 0, fmt.Errorf("Transfer-Encoding %q not supported", v)
			}
			chunked = true
		}
	}
	if chunked {
		if _, err := io.CopyBuffer(io.Discard, httputil.NewChunkedReader(c.rd), c.buf); err != nil {
			return 0, err
		}
		for { // trailers, up to the empty line
			t, err := c.rd.ReadSlice('\n')
			if err != nil {
				return 0, err
			}
			if len(bytes.TrimRight(t, "\r\n")) == 0 {
				break
			}
		}
		if closeAfter {
			c.close()
		}
		return code, nil
	}
	if length < 0 {
		_, err = io.CopyBuffer(io.Discard, c.rd, c.buf)
		c.close()
		return code, err
	}
	if _, err := io.CopyBuffer(io.Discard, io.LimitReader(c.rd, length), c.buf); err != nil {
		return 0, err
	}
	if closeAfter {
		c.close()
	}
	return code, nil
}
