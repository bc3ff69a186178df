package main

import (
	"fmt"
	"strings"
)

// memTotal is /proc/meminfo's MemTotal in bytes (0 when missing): how
// physicalMemory reads the machine's memory where there is no sysinfo(2),
// and what TestPhysicalMemory holds sysinfo to.
func memTotal(meminfo []byte) int64 {
	for _, line := range strings.Split(string(meminfo), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}
