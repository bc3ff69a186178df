package recipe

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"

	"github.com/conid/conid/internal/fsread"
	py "github.com/conid/conid/recipe/python"
)

// conanfileRun is ConanFile.run as Conan 1.65 runs it on Linux when a
// recipe calls it while the graph is computed (nodejs's validate() reads
// `ldd --version`): a string runs through /bin/sh, a list runs directly;
// standard error is merged into standard output, which goes line by
// line to output.write when output has one and is dropped otherwise
// (Conan prints it; a library does not); a non-zero exit raises
// ConanException("Error N while executing CMD") unless ignore_errors.
// Conan's environment wrappers (conanbuild.sh in the generators folder)
// do not exist while a graph is computed. The command is recorded, so
// the result is never served from conid's result cache.
func conanfileRun(in *py.Interp, args []py.Value, kw []py.Kw) (py.Value, error) {
	a, err := in.Args("run", args, kw, "self", "command", "output?", "cwd?", "win_bash?", "subsystem?",
		"msys_mingw?", "ignore_errors?", "run_environment?", "with_login?", "env?", "scope?")
	if err != nil {
		return nil, err
	}
	command := a[1]
	shown, err := in.Str(command) // what Conan's messages show: str(command)
	if err != nil {
		return nil, err
	}
	var cmd *exec.Cmd
	switch c := command.(type) {
	case string:
		cmd = exec.Command("/bin/sh", "-c", c)
	case *py.List, py.Tuple:
		var items []py.Value
		if l, ok := c.(*py.List); ok {
			items = l.Items
		} else {
			items = c.(py.Tuple)
		}
		if len(items) == 0 {
			return nil, py.NewException(ConanExceptionClass, fmt.Sprintf("Error while executing '%s'\n\tlist index out of range", shown))
		}
		argv := make([]string, len(items))
		for i, it := range items {
			if argv[i], err = in.Str(it); err != nil {
				return nil, err
			}
		}
		cmd = exec.Command(argv[0], argv[1:]...)
	default:
		return nil, in.Unsupportedf("self.run() of a %s", py.TypeName(command))
	}
	if cwd := a[3]; cwd != nil && cwd != py.None {
		if cmd.Dir, err = in.Str(cwd); err != nil {
			return nil, err
		}
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out // conid's environment; no input (/dev/null)
	fsread.Ran(shown)
	runErr := execCommand(cmd)
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(runErr, &exit):
		code = exit.ExitCode()
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			code = -int(ws.Signal()) // Popen's returncode for a signal
		}
	case runErr != nil:
		return nil, py.NewException(ConanExceptionClass, fmt.Sprintf("Error while executing '%s'\n\t%s", shown, pyOSError(runErr)))
	}
	if output := a[2]; output != nil && output != py.None {
		if ok, err := in.HasAttr(output, "write"); err != nil {
			return nil, err
		} else if ok {
			for _, line := range bytes.SplitAfter(out.Bytes(), []byte("\n")) { // readline's lines
				if len(line) == 0 {
					continue
				}
				if _, err := in.CallMethod(output, "write", []py.Value{string(bytes.ToValidUTF8(line, []byte("\uFFFD")))}, nil); err != nil {
					return nil, err
				}
			}
		}
	}
	ignore := false
	if v := a[7]; v != nil {
		if ignore, err = in.Truth(v); err != nil {
			return nil, err
		}
	}
	if code != 0 && !ignore {
		return nil, py.NewException(ConanExceptionClass, fmt.Sprintf("Error %d while executing %s", code, shown))
	}
	return int64(code), nil
}

// execCommand runs a recipe's command. FuzzRecipe, which feeds recipes
// made up at random, swaps it for one that runs nothing.
var execCommand = (*exec.Cmd).Run

// pyOSError words a failed start as Python's OSError does.
func pyOSError(err error) string {
	var pe *exec.Error
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, exec.ErrNotFound) {
			return fmt.Sprintf("[Errno 2] No such file or directory: '%s'", pe.Name)
		}
	}
	var pathErr *os.PathError
	if errors.As(err, &pathErr) {
		var errno syscall.Errno
		if errors.As(pathErr.Err, &errno) {
			return fmt.Sprintf("[Errno %d] %s: '%s'", int(errno), pythonStrerror(errno), pathErr.Path)
		}
	}
	return err.Error()
}

func pythonStrerror(e syscall.Errno) string {
	s := e.Error()
	if s != "" {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
