package packageid

import (
	"fmt"
	"testing"

	"github.com/conid/conid/recipe/ref"
)

// BenchmarkRequirementCacheGet: lookups of requirements already made, as
// the package IDs of a graph do for each package of each closure: in the
// shared cache, and through a goroutine's view (what the graph uses).
func BenchmarkRequirementCacheGet(b *testing.B) {
	prefs := make([]*ref.PackageRef, 2000)
	for i := range prefs {
		prefs[i] = &ref.PackageRef{Ref: ref.Ref{Name: fmt.Sprintf("p%d", i), Version: "1.0"}, PackageID: "abc"}
	}
	var c RequirementCache
	t := c.table("semver_direct_mode", "")
	for _, p := range prefs {
		if _, err := t.get(p, true); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("shared", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := c.table("semver_direct_mode", "").get(prefs[i%len(prefs)], true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("view", func(b *testing.B) {
		v := c.View()
		var rs Requirements
		for b.Loop() {
			rs.list = rs.list[:0]
			if err := rs.addDistinct(prefs, "semver_direct_mode", true, "", v); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(prefs)), "ns/lookup")
	})
}
