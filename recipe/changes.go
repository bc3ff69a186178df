package recipe

import (
	"strconv"

	py "github.com/conid/conid/recipe/python"
)

// Change is one thing recipe code did to self.settings or self.info,
// recorded while the method ran so that explain can say which line
// removed a setting or cleared the package ID's settings.
type Change struct {
	Method string `json:"method"` // "configure", "package_id", ...
	File   string `json:"file"`
	Line   int    `json:"line"`
	// Target is "settings" (self.settings), "info.settings" or "info"
	// (a method of self.info such as header_only()).
	Target string `json:"target"`
	// Path is the setting ("compiler.libcxx"); "" for the whole target.
	Path string `json:"path,omitempty"`
	// Op is "set", "del", "clear", "restrict" (values removed from a
	// setting's range), or the self.info method called.
	Op    string `json:"op"`
	Value string `json:"value,omitempty"`
}

// CompatibleMethod marks the changes Conan makes when it takes a
// compatible package: its settings become the node's (File holds that
// package's ID).
const CompatibleMethod = "compatible package"

// String is "configure() at conanfile.py:12: del settings.compiler.libcxx".
func (c Change) String() string {
	what := c.Target
	if c.Path != "" {
		what += "." + c.Path
	}
	var act string
	switch c.Op {
	case "set":
		act = what + " = " + c.Value
	case "del":
		act = "del " + what
	case "clear":
		act = what + ".clear()"
	case "restrict":
		act = what + ".remove(" + c.Value + ")"
	default:
		act = what + "." + c.Op + "()"
	}
	return c.Where() + ": " + act
}

// Where is "configure() at /path/conanfile.py:12".
func (c Change) Where() string {
	return c.Method + "() at " + c.File + ":" + strconv.Itoa(c.Line)
}

// noteChange records a change on the conanfile whose method runs now.
func noteChange(in *py.Interp, target, path, op, value string) {
	l, ok := in.Host.(*Loader)
	if !ok || l.active == nil {
		return
	}
	c := l.active
	file, line := in.CurrentLine()
	c.Changes = append(c.Changes, Change{Method: c.method, File: file, Line: line, Target: target, Path: path, Op: op, Value: value})
}
