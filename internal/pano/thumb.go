package pano

import (
	"image"

	"golang.org/x/image/draw"
)

// thumbOversample is how many times larger than the thumbnail the view is projected before
// it is scaled down smoothly: the projection samples the nearest strip pixel, which at
// thumbnail size would skip most of them and shimmer.
const thumbOversample = 3

// Thumbnail is the w×h picture of the strip a visitor sees on opening a scene looking at
// yaw (the same projection as the look-around view), for the scene's card. It is made when
// the art is rendered (kioskctl media pano-thumbs), not on the kiosk.
func Thumbnail(s *Strip, yaw float64, w, h int) *image.RGBA {
	w, h = max(w, 1), max(h, 1)
	sw, sh := s.Size()
	big := image.NewRGBA(image.Rect(0, 0, w*thumbOversample, h*thumbOversample))
	NewProjector(big.Rect.Dx(), big.Rect.Dy(), sw, sh).Render(big, s, yaw)
	out := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(out, out.Rect, big, big.Rect, draw.Src, nil)
	return out
}
