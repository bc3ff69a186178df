package python

import (
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/conid/conid/internal/fsread"
)

// Recipes may read files of their own folder while a graph is computed
// (boost reads its dependencies YAML, qt its qtmodules.conf). The
// interpreter lets Python read below Interp.ReadableRoots and nothing
// else: any other file system access is an unsupported construct, so
// results never depend on the machine conid runs on.

// AllowRead adds a folder below which Python code may read files. Every
// recipe of a graph adds its own, and few ever read one: the folder is
// resolved and indexed when Python first reads a file.
func (in *Interp) AllowRead(dir string) {
	in.readMu.Lock()
	in.readPending = append(in.readPending, dir)
	in.readMu.Unlock()
}

// readable resolves a path and reports whether Python may read it: it or
// one of its parent folders is a readable root. (A graph of thousands of
// recipes has thousands of roots; the walk up costs the path's depth.)
func (in *Interp) readable(p string) (string, bool) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", false
	}
	in.readMu.Lock()
	if in.readableSet == nil {
		in.readableSet = make(map[string]bool, len(in.ReadableRoots)+len(in.readPending))
		for _, r := range in.ReadableRoots {
			if a, err := filepath.Abs(r); err == nil {
				in.readableSet[a] = true
			}
		}
	}
	for _, d := range in.readPending {
		if a, err := filepath.Abs(d); err == nil {
			in.readableSet[a] = true
		}
	}
	in.readPending = nil
	set := in.readableSet
	in.readMu.Unlock()
	for d := abs; ; {
		if set[d] {
			return abs, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return abs, false
		}
		d = parent
	}
}

func (in *Interp) pathArg(fname string, v Value) (string, error) {
	s, ok := strOf(v)
	if !ok {
		if _, isInst := v.(*Instance); !isInst {
			return "", in.TypeError("%s: expected str, bytes or os.PathLike object, not %s", fname, TypeName(v))
		}
		var err error
		if s, err = in.Str(v); err != nil {
			return "", err
		}
	}
	abs, ok := in.readable(s)
	if !ok {
		return "", in.Unsupportedf("%s(%q): file system access outside the recipe folder", fname, s)
	}
	return abs, nil
}

func fsPredicate(name string, test func(os.FileInfo) bool) *Builtin {
	return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args(name, args, kw, "path")
		if err != nil {
			return nil, err
		}
		p, err := in.pathArg("os.path."+name, a[0])
		if err != nil {
			return nil, err
		}
		st, err := fsread.Stat(p)
		if err != nil {
			return false, nil
		}
		return test(st), nil
	})
}

func addFSFunctions(osMod, pathMod *Module) {
	pathMod.Set("isfile", fsPredicate("isfile", func(fi os.FileInfo) bool { return fi.Mode().IsRegular() }))
	pathMod.Set("isdir", fsPredicate("isdir", func(fi os.FileInfo) bool { return fi.IsDir() }))
	pathMod.Set("exists", fsPredicate("exists", func(fi os.FileInfo) bool { return true }))
	pathMod.Set("lexists", fsPredicate("lexists", func(fi os.FileInfo) bool { return true }))
	if osMod != nil {
		osMod.Set("listdir", fnb("listdir", func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args("listdir", args, kw, "path?")
			if err != nil {
				return nil, err
			}
			if a[0] == nil {
				return nil, in.Unsupportedf("os.listdir() of the working directory")
			}
			p, err := in.pathArg("os.listdir", a[0])
			if err != nil {
				return nil, err
			}
			entries, err := fsread.ReadDir(p)
			if err != nil {
				return nil, Errorf(FileNotFoundErrorClass, "[Errno 2] No such file or directory: %s", pyStrRepr(p))
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			sort.Strings(names)
			out := make([]Value, len(names))
			for i, n := range names {
				out[i] = n
			}
			return NewList(out...), nil
		}))
	}
}

// File is a file opened for reading.
type File struct {
	Name string
	data string
	pos  int
}

func (f *File) TypeName() string { return "TextIOWrapper" }

func (f *File) readLine() (string, bool) {
	if f.pos >= len(f.data) {
		return "", false
	}
	i := strings.IndexByte(f.data[f.pos:], '\n')
	end := len(f.data)
	if i >= 0 {
		end = f.pos + i + 1
	}
	l := f.data[f.pos:end]
	f.pos = end
	return l, true
}

// Iter iterates lines.
func (f *File) Iter(in *Interp) (Iterator, error) {
	return &funcIter{next: func() (Value, bool, error) {
		l, ok := f.readLine()
		return l, ok, nil
	}}, nil
}

// Text returns the whole content.
func (f *File) Text() string { return f.data }

func (f *File) GetAttr(in *Interp, name string) (Value, bool, error) {
	switch name {
	case "read":
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			s := f.data[f.pos:]
			f.pos = len(f.data)
			return s, nil
		}), true, nil
	case "readline":
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			l, _ := f.readLine()
			return l, nil
		}), true, nil
	case "readlines":
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			var out []Value
			for {
				l, ok := f.readLine()
				if !ok {
					return NewList(out...), nil
				}
				out = append(out, l)
			}
		}), true, nil
	case "close":
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) { return None, nil }), true, nil
	case "__enter__":
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) { return f, nil }), true, nil
	case "__exit__":
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) { return false, nil }), true, nil
	case "name":
		return f.Name, true, nil
	}
	return nil, false, nil
}

func builtinOpen(in *Interp, args []Value, kw []Kw) (Value, error) {
	a, err := in.Args("open", args, kw, "file", "mode?", "buffering?", "encoding?", "errors?", "newline?")
	if err != nil {
		return nil, err
	}
	mode := "r"
	if a[1] != nil {
		mode, _ = strOf(a[1])
	}
	if strings.ContainsAny(mode, "wax+") {
		return nil, in.Unsupportedf("open() for writing while computing a graph")
	}
	p, err := in.pathArg("open", a[0])
	if err != nil {
		return nil, err
	}
	b, err := fsread.ReadFile(p)
	if err != nil {
		return nil, Errorf(FileNotFoundErrorClass, "[Errno 2] No such file or directory: %s", pyStrRepr(p))
	}
	if strings.Contains(mode, "b") {
		return nil, in.Unsupportedf("open() in binary mode (bytes)")
	}
	return &File{Name: p, data: strings.ReplaceAll(string(b), "\r\n", "\n")}, nil
}
