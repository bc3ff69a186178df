package version_test

import (
	"fmt"

	"github.com/conid/conid/recipe/version"
)

func ExampleSatisfying() {
	cache := []string{"1.2.8", "1.2.11", "1.2.13", "1.3", "1.2.13-rc1"}
	best, found, output, err := version.Satisfying(cache, ">1.2.8,<1.3")
	fmt.Println(best, found, err)
	for _, line := range output {
		fmt.Println(line)
	}
	// Output:
	// 1.2.13 true <nil>
	// WARN: Commas as separator in version '>1.2.8,<1.3' range are deprecated and will be removed in Conan 2.0
}

func ExampleParseRange() {
	r, err := version.ParseRange("~=3.0")
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Desugared())
	best, _, _ := r.Best([]string{"1.1.1", "3.0.8", "3.1.0"})
	fmt.Println(best)
	_, err = version.ParseRange("latest")
	fmt.Println(err)
	// Output:
	// >=3.0.0 <3.1.0
	// 3.0.8
	// version range expression 'latest' is not valid
}

func ExampleVersion_Stable() {
	for _, s := range []string{"1.2.3", "0.1.2", "cci.20210118"} {
		v := version.MustParseVersion(s)
		fmt.Println(v.Stable(), v.Minor(true), v.Patch())
	}
	// Output:
	// 1.Y.Z 1.2.Z 1.2.3
	// 0.1.2 0.1.Z 0.1.2
	// cci.20210118 cci.20210118 cci.20210118
}

func ExampleScmVersion() {
	v := version.ParseScmVersion("1.2.0")
	fmt.Println(v.GreaterEqual(version.ParseScmVersion("1.2")), v.CompareString("1.10"))
	next, _ := v.Bump(1)
	fmt.Println(next)
	// Output:
	// true -1
	// 1.3
}

func ExampleSort() {
	vs := []string{"1.10", "1.9", "1.9+b", "1.0.a", "1", "1.0"}
	if err := version.Sort(vs); err != nil {
		panic(err)
	}
	fmt.Println(vs)
	// Output:
	// [1 1.0 1.0.a 1.9+b 1.9 1.10]
}
