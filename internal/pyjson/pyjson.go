// Package pyjson writes JSON byte for byte as Python's json.dumps does
// with an indent (Conan writes lockfiles with indent=True, that is 1, and
// info files with indent=None), keeping the key order it is given.
package pyjson

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Object is an ordered JSON object.
type Object []Member

// Member is one key of an Object.
type Member struct {
	Key   string
	Value any
}

// Set appends a member.
func (o *Object) Set(k string, v any) { *o = append(*o, Member{k, v}) }

// Get returns the value of the last member named k, by a scan: objects
// here hold a few dozen members at most.
func (o Object) Get(k string) (any, bool) {
	for i := len(o) - 1; i >= 0; i-- {
		if o[i].Key == k {
			return o[i].Value, true
		}
	}
	return nil, false
}

// Text is a string value given in pieces: the function writes them to w
// in turn, none splitting a character, and each is escaped as it comes.
// A long value (a lockfile node's options) is so written without first
// being made whole.
type Text func(w io.StringWriter)

// Dumps renders v. indent < 0 is Python's indent=None (compact with ", "
// and ": " separators); indent >= 0 puts each item on its own line.
// Values may be Object, []any, []string, string, Text, bool, int, int64,
// float64 or nil.
func Dumps(v any, indent int) string {
	var b strings.Builder
	write(&b, v, indent, 0)
	return b.String()
}

// Write is Dumps streamed to w: the text is never whole in memory (the
// lockfile of a 100,000-package graph is hundreds of megabytes).
func Write(w io.Writer, v any, indent int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	write(bw, v, indent, 0)
	return bw.Flush()
}

// sink is where write puts the text: a strings.Builder, or a
// bufio.Writer, which keeps the first error for Flush to return.
type sink interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// escaper escapes what is written to it into a string value's body.
type escaper struct{ b sink }

func (e escaper) WriteString(s string) (int, error) {
	writeEscaped(e.b, s)
	return len(s), nil
}

func write(b sink, v any, indent, level int) {
	nl := func(l int) {
		if indent >= 0 {
			b.WriteByte('\n')
			for n := indent * l; n > 0; n -= len(spaces) {
				b.WriteString(spaces[:min(n, len(spaces))])
			}
		}
	}
	sep := ", "
	if indent >= 0 {
		sep = ","
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case int:
		b.WriteString(strconv.Itoa(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
	case string:
		writeString(b, x)
	case Text:
		b.WriteByte('"')
		x(escaper{b})
		b.WriteByte('"')
	case []string:
		items := make([]any, len(x))
		for i, s := range x {
			items[i] = s
		}
		write(b, items, indent, level)
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteByte('[')
		for i, it := range x {
			if i > 0 {
				b.WriteString(sep)
			}
			nl(level + 1)
			write(b, it, indent, level+1)
		}
		nl(level)
		b.WriteByte(']')
	case Object:
		if len(x) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteByte('{')
		for i, m := range x {
			if i > 0 {
				b.WriteString(sep)
			}
			nl(level + 1)
			writeString(b, m.Key)
			b.WriteString(": ")
			write(b, m.Value, indent, level+1)
		}
		nl(level)
		b.WriteByte('}')
	default:
		panic(fmt.Sprintf("pyjson: unsupported type %T", v))
	}
}

const spaces = "                                "

// writeString writes s as json.dumps does with ensure_ascii=True.
func writeString(b sink, s string) {
	b.WriteByte('"')
	writeEscaped(b, s)
	b.WriteByte('"')
}

// writeEscaped writes the body of writeString: s escaped, unquoted.
func writeEscaped(b sink, s string) {
	for len(s) > 0 {
		// Runs of printable ASCII other than " and \ go out as they are.
		i := 0
		for i < len(s) && plain[s[i]] {
			i++
		}
		if i > 0 {
			b.WriteString(s[:i])
			s = s[i:]
			if s == "" {
				break
			}
		}
		if c := s[0]; c < utf8.RuneSelf { // a lockfile's options: a newline a line
			writeRune(b, rune(c))
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		writeRune(b, r)
	}
}

// plain marks the bytes json.dumps writes as they are.
var plain = func() (t [256]bool) {
	for c := ' '; c <= '~'; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// writeRune writes one character as Python's json escapes it.
func writeRune(b sink, r rune) {
	switch r {
	case '"':
		b.WriteString(`\"`)
	case '\\':
		b.WriteString(`\\`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	default: // writeString passes on only what lies outside " " to "~"
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(b, `\u%04x\u%04x`, r1, r2)
		} else {
			fmt.Fprintf(b, `\u%04x`, r)
		}
	}
}
