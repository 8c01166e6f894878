//go:build !linux

package mirror

import "image"

// V4L2 is the Linux camera; elsewhere it always reports ErrNoCamera and the station shows
// the illustrated faces.
type V4L2 struct{ Device string }

// Open reports ErrNoCamera.
func (c *V4L2) Open() (<-chan *image.RGBA, error) { return nil, ErrNoCamera }

// Close does nothing.
func (c *V4L2) Close() error { return nil }
