package explain

import (
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"text/tabwriter"
)

// WriteText renders a report for people: per package, each option and
// setting with its final value, then one aligned line per step. Paths
// under cwd are shown relative to it.
func WriteText(w io.Writer, r *Report, cwd string) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	rel := relativizer(cwd)
	for i, p := range r.Packages {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		id := p.PackageID
		if id == "" {
			id = "-"
		}
		fmt.Fprintf(tw, "# %s (%s) package ID %s\n", p.Ref, p.Context, id)
		if len(p.Options) > 0 {
			fmt.Fprintln(tw, "options")
			for _, o := range p.Options {
				fmt.Fprintf(tw, "  %s\n", optionHeadline(o))
				writeSteps(tw, o.Steps, rel)
			}
		}
		if len(p.Settings) > 0 {
			fmt.Fprintln(tw, "settings")
			for _, s := range p.Settings {
				fmt.Fprintf(tw, "  %s\n", settingHeadline(s))
				writeSteps(tw, s.Steps, rel)
			}
		}
		tw.Flush()
	}
	if len(r.Unused) > 0 {
		if len(r.Packages) > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintln(tw, "# option assignments no package took")
		for i := range r.Unused {
			st := &r.Unused[i]
			fmt.Fprintf(tw, "    %s\t%s=%s\t%s\t%s\n", st.Layer, st.Key, st.Value, rel(st.Where), st.Reason)
		}
	}
	return tw.Flush()
}

func optionHeadline(o *Option) string {
	switch {
	case o.Undeclared:
		return o.Name + "   (not an option of this package)"
	case o.Deleted:
		return o.Name + "   (deleted)"
	case !o.HasValue:
		return o.Name + " = None"
	}
	s := o.Name + " = " + o.Value
	if !o.InID {
		s += "   (not in package ID)"
	}
	return s
}

func settingHeadline(s *Setting) string {
	switch {
	case !s.Declared && !s.InID:
		return s.Name + "   (not a setting of this package)"
	case !s.Declared:
		return s.Name + " = (removed)   in package ID: " + s.IDValue
	case !s.InID:
		return s.Name + " = " + s.Value + "   (not in package ID)"
	case s.IDValue != s.Value:
		return s.Name + " = " + s.Value + "   package ID uses " + s.IDValue
	}
	return s.Name + " = " + s.Value
}

func writeSteps(w io.Writer, steps []*Step, rel func(string) string) {
	for _, st := range steps {
		who := rel(st.Where)
		if st.Ref != "" {
			who = st.Ref + " " + who
		}
		if strings.ContainsAny(st.Key, ":*") {
			who += fmt.Sprintf(" %q", st.Key)
		}
		if st.Via != "" && st.Via != st.Ref {
			who += " via " + st.Via
		}
		status := st.Status
		switch {
		case st.Status == Overridden:
			status = "overridden by " + relAll(st.By, rel)
		case st.Reason != "" && st.Status == Removed:
			status = st.Reason
		case st.Reason != "" && st.Status != Info:
			status += ": " + st.Reason
		case st.Reason != "":
			status = st.Reason
		}
		status = strings.Join(strings.Fields(status), " ")
		val := st.Value
		if val == "" && (st.Status == Won || st.Status == Overridden) {
			val = `""`
		}
		fmt.Fprintf(w, "    %s\t%s\t%s\t%s\n", st.Layer, val, strings.TrimSpace(who), status)
	}
}

var pathInText = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`/[^\s():"]+`) })

// relAll shortens every absolute path in s.
func relAll(s string, rel func(string) string) string {
	return pathInText().ReplaceAllStringFunc(s, rel)
}

func relativizer(cwd string) func(string) string {
	return func(p string) string {
		if cwd == "" || !filepath.IsAbs(p) {
			return p
		}
		if r, err := filepath.Rel(cwd, p); err == nil && !strings.HasPrefix(r, "..") {
			return r
		}
		return p
	}
}
