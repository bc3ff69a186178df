package main

import (
	"bufio"
	"bytes"
	"io"
	"testing"
)

// Buffered stdout and stderr keep their order when both reach one file:
// a write to either flushes what the other holds first.
func TestBufferedOutputKeepsOrder(t *testing.T) {
	for _, c := range []struct{ bufOut, bufErr bool }{{true, false}, {false, true}, {true, true}} {
		var file bytes.Buffer
		var outBuf, errBuf *bufio.Writer
		if c.bufOut {
			outBuf = bufio.NewWriterSize(&file, 1<<10)
		}
		if c.bufErr {
			errBuf = bufio.NewWriterSize(&file, 1<<10)
		}
		stdout, stderr := orderedTo(&file, outBuf, errBuf), orderedTo(&file, errBuf, outBuf)
		io.WriteString(stdout, "line 1\n")
		io.WriteString(stderr, "WARN: 2\n")
		io.WriteString(stderr, "WARN: 3\n")
		io.WriteString(stdout, "line 4\n")
		for _, b := range []*bufio.Writer{outBuf, errBuf} {
			if b != nil {
				b.Flush()
			}
		}
		if got := file.String(); got != "line 1\nWARN: 2\nWARN: 3\nline 4\n" {
			t.Errorf("%+v: order %q", c, got)
		}
	}
	if !batchOutput([]string{"info"}) || batchOutput([]string{"serve"}) || batchOutput(nil) {
		t.Error("batchOutput: info is a report, serve is not")
	}
}
