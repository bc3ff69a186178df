package fsread

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

func readFile(path string) ([]byte, error) {
	b, _, err := readFileStat(path)
	return b, err
}

// readFileStat is os.ReadFile in fewer system calls: os.Open readies every
// file for the network poller (fcntl, a failing epoll_ctl), which a
// graph of ten thousand recipes pays tens of thousands of times. It also
// returns the size and modification time of the file it read (ok false
// if unknown), from the fstat it makes anyway.
func readFileStat(path string) ([]byte, fileStat, error) {
	fd, err := open(path, syscall.O_RDONLY)
	if err != nil {
		return nil, fileStat{}, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	size, known := 512, -1
	var st syscall.Stat_t
	var fst fileStat
	if syscall.Fstat(fd, &st) == nil {
		fst = fileStat{size: st.Size, mtime: time.Unix(st.Mtim.Sec, st.Mtim.Nsec), ok: st.Mode&syscall.S_IFMT == syscall.S_IFREG}
		if st.Size > 0 && st.Size < 1<<30 {
			size, known = int(st.Size)+1, int(st.Size) // one more to see the end
		}
	}
	b := make([]byte, 0, size)
	for {
		if len(b) == cap(b) {
			b = slices.Grow(b, cap(b))
		}
		want := cap(b) - len(b)
		n, err := syscall.Read(fd, b[len(b):cap(b)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, fileStat{}, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return b, fst, nil
		}
		b = b[:len(b)+n]
		if n < want && len(b) == known {
			// A short read that ends where fstat said the file ends is
			// the end of a regular file: no read to see EOF.
			return b, fst, nil
		}
	}
}

func open(path string, mode int) (int, error) {
	for {
		fd, err := syscall.Open(path, mode|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// readDir is os.ReadDir (sorted by name) from getdents64 directly, kinds
// from the entries' d_type.
func readDir(path string) ([]os.DirEntry, error) {
	var buf [8192]byte // on the stack: a 10,000-package graph lists 7,000 folders
	d, err := openDir(path, buf[:])
	if err != nil {
		return nil, err
	}
	defer d.close()
	var out []os.DirEntry
	for {
		e, err := d.next(path)
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		out = append(out, e)
	}
	slices.SortFunc(out, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
}

// scanDir is ScanDir's reading (see fsread.go): entries in the order
// getdents64 gives them, 1 KiB of them a call: the kernel's work grows
// with the entries it copies (14 us for 1 KiB of a 1,600-entry folder
// here, 53 for 8 KiB), and a caller that stops at the first folder needs
// one call.
func scanDir(path string, limit int, f func(os.DirEntry) bool) (seen []os.DirEntry, stopped bool, err error) {
	var buf [1024]byte
	d, err := openDir(path, buf[:])
	if err != nil {
		return nil, false, err
	}
	defer d.close()
	for limit < 0 || len(seen) < limit {
		e, err := d.next(path)
		if err != nil {
			return seen, false, err
		}
		if e == nil {
			return seen, false, nil
		}
		seen = append(seen, e)
		if f != nil && f(e) {
			return seen, true, nil
		}
	}
	return seen, true, nil
}

// dirReader reads a folder's entries with getdents64 into buf, which
// its caller provides on the stack. (The folder's path is not kept in it:
// it goes into every entry, and escape analysis would then send buf to
// the heap too, 8 KiB for each of the 7,000 folders a 10,000-package
// graph lists.)
type dirReader struct {
	fd   int
	buf  []byte
	rest []byte // what the last call returned, not yet handed out
	eof  bool
}

func openDir(path string, buf []byte) (dirReader, error) {
	fd, err := open(path, syscall.O_RDONLY|syscall.O_DIRECTORY)
	if err != nil {
		return dirReader{}, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return dirReader{fd: fd, buf: buf}, nil
}

func (d *dirReader) close() { syscall.Close(d.fd) }

// next returns the next entry of the folder at path, nil at the end.
// Entries gone meanwhile are skipped, as os.ReadDir does.
func (d *dirReader) next(path string) (os.DirEntry, error) {
	for {
		for len(d.rest) >= 19 {
			de := (*syscall.Dirent)(unsafe.Pointer(&d.rest[0]))
			rec := int(de.Reclen)
			if rec < 19 || rec > len(d.rest) {
				d.rest = nil
				break
			}
			name := d.rest[19:rec]
			if i := strings.IndexByte(string(name), 0); i >= 0 {
				name = name[:i]
			}
			d.rest = d.rest[rec:]
			if de.Ino == 0 || string(name) == "." || string(name) == ".." {
				continue
			}
			e := &dirEntry{dir: path, name: string(name)}
			switch de.Type {
			case syscall.DT_DIR:
				e.typ = fs.ModeDir
			case syscall.DT_REG:
			case syscall.DT_LNK:
				e.typ = fs.ModeSymlink
			default: // unknown or special: ask
				st, err := os.Lstat(path + "/" + e.name)
				if err != nil {
					continue // gone meanwhile, as os.ReadDir
				}
				e.typ = st.Mode().Type()
			}
			return e, nil
		}
		if d.eof {
			return nil, nil
		}
		n, err := syscall.ReadDirent(d.fd, d.buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "readdirent", Path: path, Err: err}
		}
		if n <= 0 {
			d.eof = true
			return nil, nil
		}
		d.rest = d.buf[:n]
	}
}

type dirEntry struct {
	dir, name string
	typ       fs.FileMode
}

func (e *dirEntry) Name() string               { return e.name }
func (e *dirEntry) IsDir() bool                { return e.typ.IsDir() }
func (e *dirEntry) Type() fs.FileMode          { return e.typ }
func (e *dirEntry) Info() (fs.FileInfo, error) { return os.Lstat(e.dir + "/" + e.name) }
func (e *dirEntry) String() string             { return fs.FormatDirEntry(e) }
