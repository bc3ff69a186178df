package explain

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/conid/conid/graph"
	"github.com/conid/conid/packageid"
)

// ID is the text behind one node's package ID: every hashed line and the
// reason each requirement line looks as it does.
type ID struct {
	Node      string `json:"node"`
	Ref       string `json:"ref"`
	Context   string `json:"context"`
	PackageID string `json:"package_id"`
	// Why explains a special ID (unknown or invalid).
	Why string `json:"why,omitempty"`

	Settings    []string   `json:"settings"`
	SettingsSha string     `json:"settings_sha1,omitempty"`
	Options     []string   `json:"options"`
	DepOptions  []DepLines `json:"dependency_options,omitempty"`
	OptionsSha  string     `json:"options_sha1,omitempty"`
	Requires    []ReqLine  `json:"requires"`
	RequiresSha string     `json:"requires_sha1,omitempty"`
	Python      []string   `json:"python_requires,omitempty"`
	PythonSha   string     `json:"python_requires_sha1,omitempty"`
	// Conf is self.info.conf's text, hashed as one line as it is (nil
	// when package_id() did not set it).
	Conf []string `json:"conf,omitempty"`
	// Outer are the lines whose SHA-1 is the package ID.
	Outer []string `json:"outer"`
}

// DepLines are the option lines hashed for one dependency.
type DepLines struct {
	Name  string   `json:"name"`
	Lines []string `json:"lines"`
}

// ReqLine is one requirement as the package ID sees it.
type ReqLine struct {
	Ref      string `json:"ref"` // the full package reference
	Indirect bool   `json:"indirect"`
	// Line is the hashed text; "" when the mode erased the requirement.
	Line     string `json:"line"`
	Mode     string `json:"mode"`
	ModeFrom string `json:"mode_from"`
}

// ExplainID reads a node's package ID computation.
func ExplainID(n *graph.Node) *ID {
	x := &ID{Node: n.ID, Ref: nodeName(n), Context: n.Context, PackageID: n.PackageID}
	comp := n.Computation
	switch comp.ID {
	case packageid.Invalid:
		x.Why = "the configuration is invalid"
		if n.Conanfile != nil && n.Conanfile.Info != nil && n.Conanfile.Info.Invalid != "" {
			x.Why += ": " + n.Conanfile.Info.Invalid
		}
	case packageid.Unknown:
		x.Why = "a requirement's package ID or revision is not known until it is built (package_revision_mode)"
	case "":
		x.Why = "no package ID was computed for this node"
	}
	x.Settings = comp.SettingsLines
	x.Options = comp.OptionsOwn
	for _, d := range comp.OptionsDeps() {
		x.DepOptions = append(x.DepOptions, DepLines{Name: d.Name, Lines: d.Lines})
	}
	x.Python = comp.PythonLines
	x.Outer = comp.Lines
	if len(comp.Lines) >= 3 {
		x.SettingsSha, x.OptionsSha, x.RequiresSha = comp.Lines[0], comp.Lines[1], comp.Lines[2]
	}
	if len(comp.Lines) >= 4 && comp.PythonLines != nil {
		x.PythonSha = comp.Lines[3]
	}
	if comp.HasConf {
		x.Conf = confLines(comp)
	}
	if n.Conanfile != nil && n.Conanfile.Info != nil {
		for _, r := range n.Conanfile.Info.Requires.All() {
			full := r.Pref.Ref.String() + ":" + r.Pref.PackageID
			if r.RecipeRevision != "" || r.PackageRevision != "" {
				full = r.Pref.Full()
			}
			rl := ReqLine{Ref: full, Indirect: r.Indirect, Mode: r.Mode, ModeFrom: r.ModeFrom}
			if r.Name != "" {
				rl.Line, _ = r.HashLine()
			}
			x.Requires = append(x.Requires, rl)
		}
	}
	return x
}

// WriteIDText renders an ID explanation: each section's hashed lines,
// then the outer lines and the ID.
func WriteIDText(w io.Writer, x *ID) error {
	fmt.Fprintf(w, "# %s (%s) package ID %s\n", x.Ref, x.Context, x.PackageID)
	if x.Why != "" {
		fmt.Fprintf(w, "  %s\n", x.Why)
		if x.PackageID == packageid.Invalid || x.PackageID == "" {
			return nil
		}
	}
	section := func(title, sha string, lines []string) {
		if sha != "" {
			fmt.Fprintf(w, "[%s]  sha1 %s\n", title, sha)
		} else {
			fmt.Fprintf(w, "[%s]\n", title)
		}
		if len(lines) == 0 {
			fmt.Fprintln(w, "    (no lines)")
		}
		for _, l := range lines {
			fmt.Fprintf(w, "    %s\n", l)
		}
	}
	section("settings", x.SettingsSha, x.Settings)
	fmt.Fprintf(w, "[options]  sha1 %s, the sha1 of these sections' sha1s:\n", x.OptionsSha)
	fmt.Fprintf(w, "  own:  sha1 %s\n", sha1Lines(x.Options))
	if len(x.Options) == 0 {
		fmt.Fprintln(w, "    (no lines; false-like values are not hashed)")
	}
	for _, l := range x.Options {
		fmt.Fprintf(w, "    %s\n", l)
	}
	for _, d := range x.DepOptions {
		fmt.Fprintf(w, "  %s:  sha1 %s\n", d.Name, sha1Lines(d.Lines))
		if len(d.Lines) == 0 {
			fmt.Fprintln(w, "    (no lines)")
		}
		for _, l := range d.Lines {
			fmt.Fprintf(w, "    %s\n", l)
		}
	}
	if x.RequiresSha != "" {
		fmt.Fprintf(w, "[requires]  sha1 %s\n", x.RequiresSha)
	} else {
		fmt.Fprintln(w, "[requires]")
	}
	if len(x.Requires) == 0 {
		fmt.Fprintln(w, "    (no requirements)")
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, r := range x.Requires {
		line := r.Line
		if line == "" {
			line = "(erased)"
		}
		kind := "direct"
		if r.Indirect {
			kind = "indirect"
		}
		fmt.Fprintf(tw, "    %s\t%s %s\t%s, from %s\n", line, kind, r.Ref, r.Mode, r.ModeFrom)
	}
	tw.Flush()
	if x.Python != nil {
		section("python_requires", x.PythonSha, x.Python)
	}
	if x.Conf != nil {
		fmt.Fprintf(w, "[conf]  (self.info.conf: hashed as this text)\n")
		for _, l := range x.Conf {
			fmt.Fprintf(w, "    %s\n", l)
		}
	}
	if len(x.Outer) > 0 {
		fmt.Fprintf(w, "[package id]  sha1 of:\n")
		for _, l := range x.Outer {
			// The conf text is one line of several.
			fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(l, "\n", "\n    "))
		}
		fmt.Fprintf(w, "  = %s\n", x.PackageID)
	}
	return nil
}

// confLines splits the hashed conf text into its lines ([] when empty).
func confLines(c packageid.Computation) []string {
	if !c.HasConf {
		return nil
	}
	if c.Conf == "" {
		return []string{}
	}
	return strings.Split(c.Conf, "\n")
}

// sha1Lines is how Conan hashes a block of lines.
func sha1Lines(lines []string) string {
	h := sha1.Sum([]byte(strings.Join(lines, "\n")))
	return hex.EncodeToString(h[:])
}
