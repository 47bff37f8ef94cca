package main

import "syscall"

// peakRSS returns the process's peak resident memory in bytes.
func peakRSS() (int64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return ru.Maxrss * 1024, true // Linux reports kilobytes
}
