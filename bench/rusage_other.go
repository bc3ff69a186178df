//go:build !unix

package bench

import (
	"os"
	"time"
)

func cpuTime() time.Duration { return 0 }

func peakRSS() uint64 { return 0 }

// ChildPeakRSS: not reported here.
func ChildPeakRSS(*os.ProcessState) (uint64, bool) { return 0, false }
