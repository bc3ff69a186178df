package engine

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/conid/conid/profiles"
	"github.com/conid/conid/settings"
)

func packageSettingsProfile(t testing.TB, n int) *profiles.Profile {
	var b strings.Builder
	b.WriteString("[settings]\nos=Linux\narch=x86_64\ncompiler=gcc\ncompiler.version=11\ncompiler.libcxx=libstdc++11\nbuild_type=Release\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "p%06d:build_type=Debug\n", i)
	}
	p, err := profiles.ParseProfile(b.String(), "/p/default", "/p")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func processAlloc(t testing.TB, n int) uint64 {
	p := packageSettingsProfile(t, n)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	gp, err := Process(p, settings.Default())
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(gp.PackageSettings) != n {
		t.Fatalf("%d package settings, want %d", len(gp.PackageSettings), n)
	}
	return after.TotalAlloc - before.TotalAlloc
}

// Checking a profile's per-package settings costs what the lines do:
// it copied the whole profile for each of them (2,000 lines took 1.5 GB
// and a second).
func TestPackageSettingsScaleLinearly(t *testing.T) {
	a, b := processAlloc(t, 500), processAlloc(t, 2000)
	if b > 6*a { // linear: 4x; the copy made it 16x
		t.Errorf("processing 2,000 package settings allocates %d bytes, 500 allocate %d: not linear", b, a)
	}
}

func BenchmarkProcessPackageSettings(b *testing.B) {
	p := packageSettingsProfile(b, 2000)
	def := settings.Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Process(p, def); err != nil {
			b.Fatal(err)
		}
	}
}
