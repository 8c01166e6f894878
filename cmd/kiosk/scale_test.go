package main

import "testing"

func TestScreenScale(t *testing.T) {
	for _, c := range []struct {
		w, h int
		want float32
	}{
		{1920, 1080, 1},
		{1280, 800, 1},
		{1366, 768, 1},
		{1080, 1920, 1},
		{2560, 1440, 1.25},
		{3840, 2160, 2},
		{2160, 3840, 2},
		{3840, 1080, 1}, // a wide strip: the height decides
		{0, 0, 1},
	} {
		if got := screenScale(c.w, c.h); got != c.want {
			t.Errorf("screenScale(%d, %d) = %v, want %v", c.w, c.h, got, c.want)
		}
	}
}
