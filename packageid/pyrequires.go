package packageid

import (
	"fmt"
	"slices"
	"strings"

	"github.com/conid/conid/recipe/ref"
)

// PythonRequiresModes are the modes of Conan's PythonRequireInfo (no
// package ID or package revision: a python_require has no binary).
var PythonRequiresModes = []string{"semver_mode", "full_version_mode", "patch_mode", "minor_mode",
	"major_mode", "full_recipe_mode", "recipe_revision_mode", "unrelated_mode"}

// PythonRequiresLines renders a recipe's python_requires (refs with
// their recipe revisions) as Conan's PythonRequiresInfo hashes them: in
// reference order, each "name/version..." with the parts mode keeps,
// joined by "/" (unrelated_mode keeps none: an empty line).
func PythonRequiresLines(refs []ref.Ref, mode string) ([]string, error) {
	if !slices.Contains(PythonRequiresModes, mode) {
		return nil, &Error{Msg: fmt.Sprintf("'%s' is not a known package_id_mode", mode)}
	}
	sorted := slices.Clone(refs)
	slices.SortStableFunc(sorted, func(a, b ref.Ref) int {
		if c := RefCompare(a, b); c != 0 {
			return c
		}
		return strings.Compare(a.Revision, b.Revision)
	})
	lines := make([]string, len(sorted))
	for i, r := range sorted {
		var parts []string
		v := func() string { return r.Version }
		switch mode {
		case "semver_mode":
			parts = []string{r.Name, modelVersion(r.Version).Stable()}
		case "full_version_mode":
			parts = []string{r.Name, v()}
		case "patch_mode":
			parts = []string{r.Name, modelVersion(r.Version).Patch()}
		case "minor_mode":
			parts = []string{r.Name, modelVersion(r.Version).Minor(true)}
		case "major_mode":
			parts = []string{r.Name, modelVersion(r.Version).Major(true)}
		case "full_recipe_mode":
			parts = []string{r.Name, v(), r.User, r.Channel}
		case "recipe_revision_mode":
			parts = []string{r.Name, v(), r.User, r.Channel, r.Revision}
		}
		lines[i] = strings.Join(slices.DeleteFunc(parts, func(s string) bool { return s == "" }), "/")
	}
	return lines, nil
}
