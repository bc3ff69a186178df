// Command populate fills a conan_server data folder from "conid info
// --json" output and a recipe tree, for the remote benchmark
// (scripts/bench-remote):
//
//	go run ./remote/remotetest/populate [-binaries] INFO.json RECIPES DATA
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/conid/conid/remote/remotetest"
)

func main() {
	binaries := flag.Bool("binaries", true, "also write a binary for each package ID")
	flag.Parse()
	if flag.NArg() != 3 {
		fmt.Fprintln(os.Stderr, "usage: populate [-binaries=false] INFO.json RECIPES DATA")
		os.Exit(2)
	}
	items, err := remotetest.ReadInfo(flag.Arg(0))
	if err == nil {
		var nr, nb int
		nr, nb, err = remotetest.Populate(flag.Arg(2), flag.Arg(1), items, *binaries)
		fmt.Printf("%s: %d recipes, %d binaries\n", flag.Arg(2), nr, nb)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "populate:", err)
		os.Exit(1)
	}
}
