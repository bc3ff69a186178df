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
	fd, err := open(path, syscall.O_RDONLY|syscall.O_DIRECTORY)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var out []os.DirEntry
	buf := make([]byte, 8192)
	for {
		n, err := syscall.ReadDirent(fd, buf)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "readdirent", Path: path, Err: err}
		}
		if n <= 0 {
			break
		}
		for b := buf[:n]; len(b) >= 19; {
			d := (*syscall.Dirent)(unsafe.Pointer(&b[0]))
			rec := int(d.Reclen)
			if rec < 19 || rec > len(b) {
				break
			}
			name := b[19:rec]
			if i := strings.IndexByte(string(name), 0); i >= 0 {
				name = name[:i]
			}
			b = b[rec:]
			if d.Ino == 0 || string(name) == "." || string(name) == ".." {
				continue
			}
			e := &dirEntry{dir: path, name: string(name)}
			switch d.Type {
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
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return out, nil
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
