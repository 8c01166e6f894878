//go:build !(linux && cgo)

package main

import "errors"

type screen struct {
	W, H, Stride int
	pix          []byte
}

func openScreen() (*screen, error) {
	return nil, errors.New("taplat needs Linux, cgo and the X11, Xext and Xtst libraries")
}
func (s *screen) snap() error  { return nil }
func (s *screen) tap(x, y int) {}
func (s *screen) close()       {}
