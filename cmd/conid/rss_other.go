//go:build !unix

package main

import "os"

// peakRSS: not reported here.
func peakRSS(*os.ProcessState) (float64, bool) { return 0, false }
