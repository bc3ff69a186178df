package main

import (
	"os"
	"strconv"
	"strings"
	"testing"
)

// sysinfo(2) reports the memory /proc/meminfo's MemTotal does.
func TestPhysicalMemory(t *testing.T) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		t.Skip(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatal(line, err)
			}
			if got := physicalMemory(); got != kb<<10 {
				t.Fatalf("physicalMemory() = %d, MemTotal %d kB = %d", got, kb, kb<<10)
			}
			return
		}
	}
	t.Skip("no MemTotal")
}
