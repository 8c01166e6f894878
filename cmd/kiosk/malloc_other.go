//go:build !linux || !cgo

package main

// mallocBig does nothing here: the C allocator's thresholds are glibc's (mallocBig in
// malloc_linux.go).
func mallocBig() bool { return false }

// mallocTrim does nothing here (mallocTrim in malloc_linux.go).
func mallocTrim() {}
