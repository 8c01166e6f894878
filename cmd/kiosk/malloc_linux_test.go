//go:build linux && cgo

package main

import "testing"

// glibc takes the fixed threshold (mallopt answers 1), and trimming is safe to call at
// any time, from any goroutine.
func TestMallocSettingsTakeEffect(t *testing.T) {
	if !mallocBig() {
		t.Fatal("mallopt(M_MMAP_THRESHOLD) refused: large C blocks would not go back to the system")
	}
	done := make(chan struct{})
	go func() { mallocTrim(); close(done) }()
	<-done
}
