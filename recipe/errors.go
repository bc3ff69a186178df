package recipe

import (
	"errors"
	"fmt"
	"strings"

	"github.com/conid/conid/options"
	"github.com/conid/conid/packageid"
	py "github.com/conid/conid/recipe/python"
	"github.com/conid/conid/settings"
)

// Conan's exception classes, as recipes import them from conans.errors
// and conan.errors.
var (
	ConanExceptionClass             = py.MustClass("ConanException", py.ExceptionClass)
	ConanInvalidConfigurationClass  = py.MustClass("ConanInvalidConfiguration", ConanExceptionClass)
	ConanInvalidSystemRequirements  = py.MustClass("ConanInvalidSystemRequirements", ConanExceptionClass)
	ConanV2ExceptionClass           = py.MustClass("ConanV2Exception", ConanExceptionClass)
	NotFoundExceptionClass          = py.MustClass("NotFoundException", ConanExceptionClass)
	ConanExceptionInUserMethodClass = py.MustClass("ConanExceptionInUserConanfileMethod", ConanExceptionClass)
)

func init() {
	for _, c := range []*py.Class{ConanExceptionClass, ConanInvalidConfigurationClass, ConanInvalidSystemRequirements, ConanV2ExceptionClass, NotFoundExceptionClass, ConanExceptionInUserMethodClass} {
		c.Module = "conans.errors"
	}
}

// conanErr turns an error of the Go model (settings, options, package
// info) into the ConanException Python code sees.
func conanErr(err error) error {
	if err == nil {
		return nil
	}
	var se *settings.Error
	var oe *options.Error
	var pe *packageid.Error
	switch {
	case errors.As(err, &se), errors.As(err, &oe), errors.As(err, &pe):
		return py.NewException(ConanExceptionClass, err.Error())
	}
	return err
}

// InvalidConfigError is ConanInvalidConfiguration raised by a recipe (or a
// settings constraint): Conan exits with code 6.
type InvalidConfigError struct{ Msg string }

func (e *InvalidConfigError) Error() string { return e.Msg }

// MethodError is an exception raised inside a recipe method, formatted as
// Conan formats it ("pkg/1.0: Error in configure() method, line 12 ...").
type MethodError struct {
	Msg   string
	Cause *py.Exception
}

func (e *MethodError) Error() string { return e.Msg }

// Unwrap returns the Python exception.
func (e *MethodError) Unwrap() error { return e.Cause }

// wrapMethodError formats an error leaving a recipe method, as Conan's
// conanfile_exception_formatter.
func (c *Conanfile) wrapMethodError(method string, err error) error {
	var exc *py.Exception
	if !errors.As(err, &exc) {
		var u *py.Unsupported
		if errors.As(err, &u) {
			return fmt.Errorf("%s: in %s(): %w", c.DisplayName, method, err)
		}
		return err
	}
	switch {
	case exc.IsInstance(ConanInvalidConfigurationClass):
		return &InvalidConfigError{Msg: fmt.Sprintf("%s: Invalid configuration: %s", c.DisplayName, exc.Message())}
	case exc.IsInstance(ConanInvalidSystemRequirements):
		return &MethodError{Msg: fmt.Sprintf("%s: Invalid system requirements: %s", c.DisplayName, exc.Message()), Cause: exc}
	}
	var lines []string
	reached := false
	for _, f := range exc.Traceback {
		if !strings.Contains(f.File, "conanfile.py") {
			if reached {
				break
			}
			continue
		}
		src := c.sourceLine(f.File, f.Line)
		if !reached {
			lines = append(lines, fmt.Sprintf("%s: Error in %s() method, line %d\n\t%s", c.DisplayName, method, f.Line, src))
		} else {
			lines = append(lines, fmt.Sprintf("while calling '%s', line %d\n\t%s", f.Function, f.Line, src))
		}
		reached = true
	}
	msg := strings.Join(lines, "\n")
	msg += fmt.Sprintf("\n\t%s: %s", exc.Class().Name, exc.Message())
	return &MethodError{Msg: msg, Cause: exc}
}

func (c *Conanfile) sourceLine(file string, line int) string {
	if c.Recipe == nil || file != c.Recipe.Path {
		return ""
	}
	lines := c.Recipe.lines()
	if line >= 1 && line <= len(lines) {
		return strings.TrimSpace(lines[line-1])
	}
	return ""
}
