package python

import (
	_ "embed"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
)

// stdlibModules are the parts of Python's standard library that recipes
// use while a graph is computed. Functions that would touch the file
// system or the network are absent or raise, never guess.
// notPreloaded are the modules below that Conan 1.65's process has not
// imported yet when it loads a recipe (the rest are in its sys.modules,
// checked with the real client): a recipe folder's own glob.py, say, is
// imported instead of the standard one until some recipe imports that.
var notPreloaded = map[string]bool{
	"csv": true, "distutils": true, "fileinput": true, "glob": true,
	"pprint": true, "textwrap2": true, "unittest": true,
}

var stdlibModules = map[string]func(in *Interp) (*Module, error){
	"os":                    modOS,
	"os.path":               modOSPath,
	"sys":                   modSys,
	"re":                    modRe,
	"textwrap":              modTextwrap,
	"functools":             modFunctools,
	"typing":                modTyping,
	"collections":           modCollections,
	"fnmatch":               modFnmatch,
	"copy":                  modCopy,
	"warnings":              modWarnings,
	"platform":              modPlatform,
	"itertools":             modItertools,
	"string":                modString,
	"shutil":                opaqueModule("shutil"),
	"glob":                  opaqueModule("glob"),
	"subprocess":            opaqueModule("subprocess"),
	"pathlib":               opaqueModule("pathlib"),
	"json":                  opaqueModule("json"),
	"io":                    SourceModule("io", "<conid>/pyio.py", pyioSource, true),
	"tempfile":              opaqueModule("tempfile"),
	"textwrap2":             opaqueModule("textwrap2"),
	"contextlib":            modContextlib,
	"stat":                  opaqueModule("stat"),
	"datetime":              opaqueModule("datetime"),
	"time":                  opaqueModule("time"),
	"hashlib":               opaqueModule("hashlib"),
	"urllib":                opaqueModule("urllib"),
	"zipfile":               opaqueModule("zipfile"),
	"tarfile":               opaqueModule("tarfile"),
	"configparser":          modConfigparser,
	"xml":                   opaqueModule("xml"),
	"xml.etree":             opaqueModule("xml.etree"),
	"xml.etree.ElementTree": opaqueModule("xml.etree.ElementTree"),
	"__future__":            modFuture,
	"six":                   modSix,
	"shlex":                 opaqueModule("shlex"),
	"unittest":              opaqueModule("unittest"),
	"requests":              opaqueModule("requests"),
	"yaml":                  opaqueModule("yaml"),
	"argparse":              opaqueModule("argparse"),
	"uuid":                  opaqueModule("uuid"),
	"base64":                opaqueModule("base64"),
	"struct":                opaqueModule("struct"),
	"fileinput":             opaqueModule("fileinput"),
	"errno":                 opaqueModule("errno"),
	"enum":                  opaqueModule("enum"),
	"inspect":               opaqueModule("inspect"),
	"traceback":             opaqueModule("traceback"),
	"multiprocessing":       opaqueModule("multiprocessing"),
	"distutils":             opaqueModule("distutils"),
	"distutils.spawn":       opaqueModule("distutils.spawn"),
	"distutils.version":     opaqueModule("distutils.version"),
	"urllib.request":        opaqueModule("urllib.request"),
	"urllib.parse":          opaqueModule("urllib.parse"),
	"email":                 opaqueModule("email"),
	"codecs":                opaqueModule("codecs"),
	"locale":                opaqueModule("locale"),
	"pprint":                opaqueModule("pprint"),
	"csv":                   opaqueModule("csv"),
	"gzip":                  opaqueModule("gzip"),
	"bz2":                   opaqueModule("bz2"),
	"lzma":                  opaqueModule("lzma"),
	"socket":                opaqueModule("socket"),
	"ssl":                   opaqueModule("ssl"),
	"ctypes":                opaqueModule("ctypes"),
	"importlib":             opaqueModule("importlib"),
	"types":                 opaqueModule("types"),
}

// Opaque is a name imported from a module that only build steps use. It
// can be imported, passed around and used as a decorator target, but any
// call or attribute use raises Unsupported through the interpreter.
type Opaque struct{ Name string }

func (o *Opaque) TypeName() string { return "opaque" }
func (o *Opaque) Repr() string     { return "<" + o.Name + ">" }

// GetAttr yields another opaque name: "shutil.copy" is importable.
func (o *Opaque) GetAttr(in *Interp, name string) (Value, bool, error) {
	return &Opaque{Name: o.Name + "." + name}, true, nil
}

// Call fails: conid never runs build-time helpers.
func (o *Opaque) Call(in *Interp, args []Value, kw []Kw) (Value, error) {
	return nil, &Unsupported{File: in.currentFile(), Pos: in.currentPos(), Construct: "call to " + o.Name + "() (only build steps use it)"}
}

func (in *Interp) currentFile() string {
	if len(in.stack) == 0 {
		return ""
	}
	return in.stack[len(in.stack)-1].file
}

func (in *Interp) currentPos() (p posT) {
	if len(in.stack) == 0 {
		return p
	}
	p.Line = in.stack[len(in.stack)-1].line
	return p
}

func opaqueModule(name string) func(in *Interp) (*Module, error) {
	return func(in *Interp) (*Module, error) {
		m := NewModule(name)
		m.Dict.Set("__opaque__", true)
		return m, nil
	}
}

func fnb(name string, fn BuiltinFunc) *Builtin { return NewBuiltin(name, fn) }

func modFuture(in *Interp) (*Module, error) {
	m := NewModule("__future__")
	for _, n := range []string{"annotations", "print_function", "absolute_import", "division", "unicode_literals"} {
		m.Set(n, true)
	}
	return m, nil
}

func modOS(in *Interp) (*Module, error) {
	m := NewModule("os")
	p, _ := in.Import("os.path")
	m.Set("path", p)
	m.Set("sep", "/")
	m.Set("pathsep", ":")
	m.Set("linesep", "\n")
	m.Set("name", "posix")
	m.Set("environ", NewDict())
	m.Set("getenv", fnb("getenv", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("getenv", args, kw, "key", "default?")
		if err != nil {
			return nil, err
		}
		if a[1] != nil {
			return a[1], nil
		}
		return None, nil
	}))
	for _, n := range []string{"getcwd", "walk", "remove", "unlink", "rename", "makedirs", "mkdir", "chdir", "symlink", "chmod", "stat", "system", "scandir", "rmdir", "readlink", "replace", "popen"} {
		m.Set(n, &Opaque{Name: "os." + n})
	}
	addFSFunctions(m, p)
	return m, nil
}

func modOSPath(in *Interp) (*Module, error) {
	m := NewModule("os.path")
	strArgs := func(in *Interp, fname string, args []Value) ([]string, error) {
		out := make([]string, len(args))
		for i, a := range args {
			s, err := in.Str(a)
			if err != nil {
				return nil, err
			}
			if _, ok := a.(string); !ok {
				if _, isInst := a.(*Instance); !isInst {
					return nil, in.TypeError("%s() argument must be str, not %s", fname, TypeName(a))
				}
			}
			out[i] = s
		}
		return out, nil
	}
	m.Set("join", fnb("join", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		parts, err := strArgs(in, "join", args)
		if err != nil {
			return nil, err
		}
		if len(parts) == 0 {
			return nil, in.TypeError("join() missing 1 required positional argument")
		}
		out := parts[0]
		for _, p := range parts[1:] {
			switch {
			case strings.HasPrefix(p, "/"):
				out = p
			case out == "" || strings.HasSuffix(out, "/"):
				out += p
			default:
				out += "/" + p
			}
		}
		return out, nil
	}))
	one := func(name string, f func(string) Value) {
		m.Set(name, fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			parts, err := strArgs(in, name, args)
			if err != nil {
				return nil, err
			}
			if len(parts) != 1 {
				return nil, in.TypeError("%s() takes exactly one argument (%d given)", name, len(parts))
			}
			return f(parts[0]), nil
		}))
	}
	one("basename", func(p string) Value { return p[strings.LastIndex(p, "/")+1:] })
	one("dirname", func(p string) Value {
		i := strings.LastIndex(p, "/") + 1
		head := p[:i]
		if head != "" && strings.Trim(head, "/") != "" {
			head = strings.TrimRight(head, "/")
		}
		return head
	})
	one("normpath", func(p string) Value {
		if p == "" {
			return "."
		}
		return path.Clean(p)
	})
	one("isabs", func(p string) Value { return strings.HasPrefix(p, "/") })
	one("splitext", func(p string) Value {
		base := p[strings.LastIndex(p, "/")+1:]
		i := strings.LastIndex(base, ".")
		if i <= 0 || strings.Trim(base[:i], ".") == "" {
			return Tuple{p, ""}
		}
		cut := len(p) - len(base) + i
		return Tuple{p[:cut], p[cut:]}
	})
	one("split", func(p string) Value {
		i := strings.LastIndex(p, "/") + 1
		head, tail := p[:i], p[i:]
		if head != "" && strings.Trim(head, "/") != "" {
			head = strings.TrimRight(head, "/")
		}
		return Tuple{head, tail}
	})
	one("expanduser", func(p string) Value { return p })
	one("abspath", func(p string) Value { return filepath.Clean(p) })
	addFSFunctions(nil, m)
	for _, n := range []string{"islink", "getsize", "getmtime", "realpath", "relpath", "samefile"} {
		m.Set(n, &Opaque{Name: "os.path." + n})
	}
	m.Set("sep", "/")
	return m, nil
}

func modSys(in *Interp) (*Module, error) {
	m := NewModule("sys")
	m.Set("version_info", Tuple{int64(3), int64(11), int64(2), "final", int64(0)})
	m.Set("version", "3.11.2")
	m.Set("platform", "linux")
	m.Set("maxsize", int64(1<<63-1))
	m.Set("byteorder", "little")
	m.Set("argv", NewList())
	m.Set("path", NewList())
	m.Set("modules", NewDict())
	return m, nil
}

func modTextwrap(in *Interp) (*Module, error) {
	m := NewModule("textwrap")
	m.Set("dedent", fnb("dedent", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("dedent", args, kw, "text")
		if err != nil {
			return nil, err
		}
		s, err := argStr(in, "dedent", a[0])
		if err != nil {
			return nil, err
		}
		return dedent(s), nil
	}))
	m.Set("indent", fnb("indent", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("indent", args, kw, "text", "prefix", "predicate?")
		if err != nil {
			return nil, err
		}
		s, _ := a[0].(string)
		p, _ := a[1].(string)
		lines := strings.SplitAfter(s, "\n")
		for i, l := range lines {
			if strings.TrimSpace(l) != "" {
				lines[i] = p + l
			}
		}
		return strings.Join(lines, ""), nil
	}))
	return m, nil
}

func dedent(s string) string {
	lines := strings.Split(s, "\n")
	margin := ""
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if first {
			margin, first = ind, false
			continue
		}
		for !strings.HasPrefix(ind, margin) {
			margin = margin[:len(margin)-1]
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
			continue
		}
		lines[i] = strings.TrimPrefix(l, margin)
	}
	return strings.Join(lines, "\n")
}

func modFunctools(in *Interp) (*Module, error) {
	m := NewModule("functools")
	identity := func(name string) *Builtin {
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			if len(args) == 1 && len(kw) == 0 {
				if _, ok := args[0].(*Function); ok {
					return args[0], nil
				}
				if _, ok := args[0].(*Class); ok {
					return args[0], nil
				}
			}
			// used as a decorator factory: lru_cache(maxsize=None)
			return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
				if len(args) != 1 {
					return nil, in.TypeError("%s decorator takes one argument", name)
				}
				return args[0], nil
			}), nil
		})
	}
	m.Set("lru_cache", identity("lru_cache"))
	m.Set("cache", identity("cache"))
	m.Set("wraps", fnb("wraps", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		return fnb("wraps", func(in *Interp, args []Value, kw []Kw) (Value, error) { return args[0], nil }), nil
	}))
	m.Set("total_ordering", fnb("total_ordering", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) != 1 {
			return nil, in.TypeError("total_ordering takes one argument")
		}
		return args[0], nil
	}))
	m.Set("cached_property", fnb("cached_property", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) != 1 {
			return nil, in.TypeError("cached_property takes one argument")
		}
		return &Property{Get: args[0]}, nil
	}))
	m.Set("reduce", fnb("reduce", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) < 2 {
			return nil, in.TypeError("reduce expected at least 2 arguments")
		}
		items, err := in.ToList(args[1])
		if err != nil {
			return nil, err
		}
		var acc Value
		if len(args) == 3 {
			acc = args[2]
		} else {
			if len(items) == 0 {
				return nil, in.TypeError("reduce() of empty iterable with no initial value")
			}
			acc, items = items[0], items[1:]
		}
		for _, it := range items {
			if acc, err = in.Call(args[0], []Value{acc, it}, nil); err != nil {
				return nil, err
			}
		}
		return acc, nil
	}))
	m.Set("partial", fnb("partial", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) < 1 {
			return nil, in.TypeError("partial expected at least 1 argument")
		}
		fn, pre, prekw := args[0], append([]Value(nil), args[1:]...), append([]Kw(nil), kw...)
		return fnb("partial", func(in *Interp, args []Value, kw []Kw) (Value, error) {
			return in.Call(fn, append(append([]Value(nil), pre...), args...), append(append([]Kw(nil), prekw...), kw...))
		}), nil
	}))
	return m, nil
}

func modTyping(in *Interp) (*Module, error) {
	m := NewModule("typing")
	for _, n := range []string{"Any", "List", "Dict", "Tuple", "Set", "Optional", "Union", "Callable", "Iterable", "Iterator", "Sequence", "Mapping", "Type", "TYPE_CHECKING"} {
		if n == "TYPE_CHECKING" {
			m.Set(n, false)
			continue
		}
		m.Set(n, &Class{Name: n, Dict: NewNamespace(), MRO: nil, builtinType: true})
	}
	return m, nil
}

func modCollections(in *Interp) (*Module, error) {
	m := NewModule("collections")
	m.Set("OrderedDict", OrderedDictType)
	m.Set("defaultdict", fnb("defaultdict", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		return nil, &Unsupported{File: in.currentFile(), Pos: in.currentPos(), Construct: "collections.defaultdict"}
	}))
	m.Set("namedtuple", fnb("namedtuple", newNamedTupleClass))
	return m, nil
}

// Fnmatch is Python's fnmatch.fnmatchcase.
func Fnmatch(name, pattern string) bool {
	re, err := fnmatchRegexp(pattern)
	if err != nil {
		return false
	}
	return re.MatchString(name)
}

// fnmatchCache holds compiled patterns (at most fnmatchMax of them).
// Fnmatch is called from several goroutines at once (explain matches
// its queries against a graph's packages in parallel).
var (
	fnmatchCache sync.Map // pattern -> *regexp.Regexp
	fnmatchSize  atomic.Int32
)

const fnmatchMax = 4096

func fnmatchRegexp(pat string) (*regexp.Regexp, error) {
	if re, ok := fnmatchCache.Load(pat); ok {
		return re.(*regexp.Regexp), nil
	}
	re, err := regexp.Compile(TranslateGlob(pat))
	if err != nil {
		return nil, err
	}
	if fnmatchSize.Load() < fnmatchMax {
		if _, loaded := fnmatchCache.LoadOrStore(pat, re); !loaded {
			fnmatchSize.Add(1)
		}
	}
	return re, nil
}

// TranslateGlob turns an fnmatch pattern into an anchored regexp, as
// Python's fnmatch.translate does.
func TranslateGlob(pat string) string {
	var b strings.Builder
	b.WriteString(`(?s)^`)
	r := []rune(pat)
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch c {
		case '*':
			b.WriteString(`.*`)
		case '?':
			b.WriteString(`.`)
		case '[':
			j := i + 1
			if j < len(r) && r[j] == '!' {
				j++
			}
			if j < len(r) && r[j] == ']' {
				j++
			}
			for j < len(r) && r[j] != ']' {
				j++
			}
			if j >= len(r) {
				b.WriteString(`\[`)
				continue
			}
			stuff := string(r[i+1 : j])
			i = j
			stuff = strings.ReplaceAll(stuff, `\`, `\\`)
			if strings.HasPrefix(stuff, "!") {
				stuff = "^" + stuff[1:]
			} else if strings.HasPrefix(stuff, "^") {
				stuff = `\` + stuff
			}
			b.WriteString("[" + stuff + "]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(`$`)
	return b.String()
}

func modFnmatch(in *Interp) (*Module, error) {
	m := NewModule("fnmatch")
	f := func(name string) *Builtin {
		return fnb(name, func(in *Interp, args []Value, kw []Kw) (Value, error) {
			a, err := in.Args(name, args, kw, "name", "pat")
			if err != nil {
				return nil, err
			}
			n, _ := a[0].(string)
			p, _ := a[1].(string)
			return Fnmatch(n, p), nil
		})
	}
	m.Set("fnmatch", f("fnmatch"))
	m.Set("fnmatchcase", f("fnmatchcase"))
	m.Set("filter", fnb("filter", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		a, err := in.Args("filter", args, kw, "names", "pat")
		if err != nil {
			return nil, err
		}
		names, err := in.ToList(a[0])
		if err != nil {
			return nil, err
		}
		p, _ := a[1].(string)
		var out []Value
		for _, n := range names {
			if s, ok := n.(string); ok && Fnmatch(s, p) {
				out = append(out, s)
			}
		}
		return NewList(out...), nil
	}))
	return m, nil
}

func modCopy(in *Interp) (*Module, error) {
	m := NewModule("copy")
	var deep func(in *Interp, v Value) (Value, error)
	deep = func(in *Interp, v Value) (Value, error) {
		switch x := v.(type) {
		case *List:
			out := make([]Value, len(x.Items))
			for i, it := range x.Items {
				c, err := deep(in, it)
				if err != nil {
					return nil, err
				}
				out[i] = c
			}
			return NewList(out...), nil
		case Tuple:
			out := make(Tuple, len(x))
			for i, it := range x {
				c, err := deep(in, it)
				if err != nil {
					return nil, err
				}
				out[i] = c
			}
			return out, nil
		case *Dict:
			d := NewDict()
			keys, vals := x.Items()
			for i, k := range keys {
				c, err := deep(in, vals[i])
				if err != nil {
					return nil, err
				}
				d.Set(k, c)
			}
			return d, nil
		case *Set:
			return x.Copy(), nil
		case *Instance:
			return nil, &Unsupported{File: in.currentFile(), Pos: in.currentPos(), Construct: "copy of a " + x.Class.Name + " object"}
		}
		return v, nil
	}
	m.Set("deepcopy", fnb("deepcopy", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) < 1 {
			return nil, in.TypeError("deepcopy expected an argument")
		}
		return deep(in, args[0])
	}))
	m.Set("copy", fnb("copy", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) < 1 {
			return nil, in.TypeError("copy expected an argument")
		}
		switch x := args[0].(type) {
		case *List:
			return NewList(append([]Value(nil), x.Items...)...), nil
		case *Dict:
			return x.Copy(), nil
		case *Set:
			return x.Copy(), nil
		case *Instance:
			return nil, &Unsupported{File: in.currentFile(), Pos: in.currentPos(), Construct: "copy of a " + x.Class.Name + " object"}
		}
		return args[0], nil
	}))
	return m, nil
}

func modWarnings(in *Interp) (*Module, error) {
	m := NewModule("warnings")
	m.Set("warn", fnb("warn", func(in *Interp, args []Value, kw []Kw) (Value, error) { return None, nil }))
	m.Set("simplefilter", fnb("simplefilter", func(in *Interp, args []Value, kw []Kw) (Value, error) { return None, nil }))
	m.Set("filterwarnings", fnb("filterwarnings", func(in *Interp, args []Value, kw []Kw) (Value, error) { return None, nil }))
	return m, nil
}

func modPlatform(in *Interp) (*Module, error) {
	m := NewModule("platform")
	m.Set("system", fnb("system", func(in *Interp, args []Value, kw []Kw) (Value, error) { return "Linux", nil }))
	m.Set("machine", fnb("machine", func(in *Interp, args []Value, kw []Kw) (Value, error) { return "x86_64", nil }))
	m.Set("python_version", fnb("python_version", func(in *Interp, args []Value, kw []Kw) (Value, error) { return "3.11.2", nil }))
	return m, nil
}

func modItertools(in *Interp) (*Module, error) {
	m := NewModule("itertools")
	m.Set("chain", fnb("chain", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		var all []Value
		for _, a := range args {
			items, err := in.ToList(a)
			if err != nil {
				return nil, err
			}
			all = append(all, items...)
		}
		return &sliceIter{items: all}, nil
	}))
	m.Set("product", fnb("product", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		var pools [][]Value
		for _, a := range args {
			items, err := in.ToList(a)
			if err != nil {
				return nil, err
			}
			pools = append(pools, items)
		}
		result := []Tuple{{}}
		for _, pool := range pools {
			var next []Tuple
			for _, r := range result {
				for _, x := range pool {
					next = append(next, append(append(Tuple{}, r...), x))
				}
			}
			result = next
		}
		out := make([]Value, len(result))
		for i, r := range result {
			out[i] = r
		}
		return &sliceIter{items: out}, nil
	}))
	return m, nil
}

func modString(in *Interp) (*Module, error) {
	m := NewModule("string")
	m.Set("ascii_letters", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
	m.Set("ascii_lowercase", "abcdefghijklmnopqrstuvwxyz")
	m.Set("ascii_uppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	m.Set("digits", "0123456789")
	return m, nil
}

func modContextlib(in *Interp) (*Module, error) {
	m := NewModule("contextlib")
	m.Dict.Set("__opaque__", true)
	// @contextmanager decorates build-time helpers; the decorated function
	// is kept (calling it later is a generator, which conid reports).
	m.Set("contextmanager", fnb("contextmanager", func(in *Interp, args []Value, kw []Kw) (Value, error) {
		if len(args) != 1 {
			return nil, in.TypeError("contextmanager takes one argument")
		}
		return args[0], nil
	}))
	return m, nil
}

// pyioSource is io's StringIO; the rest of io stays opaque.
//
//go:embed pyio.py
var pyioSource []byte

func modSix(in *Interp) (*Module, error) {
	m := NewModule("six")
	m.Dict.Set("__opaque__", true)
	io, err := in.Import("io")
	if err != nil {
		return nil, err
	}
	if c, ok := io.Dict.Get("StringIO"); ok {
		m.Set("StringIO", c)
	}
	m.Set("PY2", false)
	m.Set("PY3", true)
	m.Set("string_types", Tuple{StrType})
	m.Set("text_type", StrType)
	m.Set("integer_types", Tuple{IntType})
	return m, nil
}
