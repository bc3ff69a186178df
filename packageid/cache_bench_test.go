package packageid

import (
	"fmt"
	"testing"

	"github.com/conid/conid/recipe/ref"
)

// BenchmarkRequirementCacheGet: lookups of requirements already made, as
// the package IDs of a graph do for each package of each closure.
func BenchmarkRequirementCacheGet(b *testing.B) {
	prefs := make([]*ref.PackageRef, 2000)
	for i := range prefs {
		prefs[i] = &ref.PackageRef{Ref: ref.Ref{Name: fmt.Sprintf("p%d", i), Version: "1.0"}, PackageID: "abc"}
	}
	var c RequirementCache
	for _, p := range prefs {
		if _, err := c.get(p, "semver_direct_mode", true, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := c.get(prefs[i%len(prefs)], "semver_direct_mode", true, ""); err != nil {
			b.Fatal(err)
		}
	}
}
