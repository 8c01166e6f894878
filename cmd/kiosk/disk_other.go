//go:build !unix && !windows

package main

// diskSpace is unknown on this platform; the heartbeat leaves it out.
func diskSpace(string) (free, total int64) { return 0, 0 }
