//go:build !linux

package main

import "os"

// physicalMemory reads MemTotal from /proc/meminfo, where a Linux
// compatibility layer provides it (0 where there is none).
func physicalMemory() int64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	return memTotal(b)
}
