package main

import (
	"os"
	"testing"
)

// sysinfo(2) reports the memory /proc/meminfo's MemTotal does.
func TestPhysicalMemory(t *testing.T) {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		t.Skip(err)
	}
	want := memTotal(b)
	if want == 0 {
		t.Skip("no MemTotal")
	}
	if got := physicalMemory(); got != want {
		t.Fatalf("physicalMemory() = %d, MemTotal %d", got, want)
	}
}
