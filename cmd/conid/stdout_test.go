package main

import (
	"bufio"
	"bytes"
	"io"
	"testing"
)

// Buffered stdout keeps its order with stderr when both reach one file:
// a write to stderr flushes what stdout holds first.
func TestBufferedStdoutKeepsOrder(t *testing.T) {
	var file bytes.Buffer
	buf := bufio.NewWriterSize(&file, 1<<10)
	stdout, stderr := io.Writer(buf), io.Writer(flushFirst{buf, &file})
	io.WriteString(stdout, "line 1\n")
	io.WriteString(stderr, "WARN: 2\n")
	io.WriteString(stdout, "line 3\n")
	buf.Flush()
	if got := file.String(); got != "line 1\nWARN: 2\nline 3\n" {
		t.Errorf("order: %q", got)
	}
	if !batchOutput([]string{"info"}) || batchOutput([]string{"serve"}) || batchOutput(nil) {
		t.Error("batchOutput: info is a report, serve is not")
	}
}
