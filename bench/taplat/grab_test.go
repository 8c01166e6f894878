//go:build linux && cgo

package main

import (
	"os"
	"testing"
)

func BenchmarkGrab(b *testing.B) {
	if os.Getenv("DISPLAY") == "" {
		b.Skip("no DISPLAY")
	}
	s, err := openScreen()
	if err != nil {
		b.Skip(err)
	}
	defer s.close()
	p := newProbe(s, 0)
	for b.Loop() {
		if _, err := p.grab(); err != nil {
			b.Fatal(err)
		}
	}
}
