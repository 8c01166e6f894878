package media

import (
	"image"
	"image/color"
)

// CropToObject returns the part of img that holds its subject: the bounding box of the
// pixels that differ from the background (the colour of the top-left corner) by more than a
// faint shadow does, both seen over the card colour the picture is shown on (the exhibit's
// object pictures are drawn on a transparent ground), grown by margin (a fraction of the
// box's longer side) and kept inside the image. The exhibit's object pictures (a drug drawn on a plain card) fill a wide
// catalogue card this way instead of sitting small in its middle. An image that is all
// background is returned whole.
func CropToObject(img image.Image, margin float64, card color.NRGBA) image.Image {
	b := img.Bounds()
	if b.Dx() < 4 || b.Dy() < 4 {
		return img
	}
	at := func(x, y int) color.NRGBA { return color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA) }
	switch p := img.(type) { // the decoders' own types: read the pixels directly
	case *image.NRGBA:
		at = func(x, y int) color.NRGBA {
			i := p.PixOffset(x, y)
			return color.NRGBA{p.Pix[i], p.Pix[i+1], p.Pix[i+2], p.Pix[i+3]}
		}
	case *image.RGBA: // premultiplied: the same values on opaque pictures
		at = func(x, y int) color.NRGBA {
			i := p.PixOffset(x, y)
			return color.NRGBA{p.Pix[i], p.Pix[i+1], p.Pix[i+2], p.Pix[i+3]}
		}
	}
	seen := at
	at = func(x, y int) color.NRGBA { return over(seen(x, y), card) }
	bg := at(b.Min.X, b.Min.Y)
	minX, minY, maxX, maxY := b.Max.X, b.Max.Y, b.Min.X-1, b.Min.Y-1
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if differs(at(x, y), bg) {
				minX, maxX = min(minX, x), max(maxX, x)
				minY, maxY = min(minY, y), max(maxY, y)
			}
		}
	}
	box := image.Rect(minX, minY, maxX+1, maxY+1)
	if maxX < minX {
		box = image.Rectangle{}
	}
	if box.Empty() {
		return img
	}
	m := int(margin * float64(max(box.Dx(), box.Dy())))
	box = image.Rect(box.Min.X-m, box.Min.Y-m, box.Max.X+m, box.Max.Y+m).Intersect(b)
	if s, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok {
		return s.SubImage(box)
	}
	out := image.NewNRGBA(image.Rect(0, 0, box.Dx(), box.Dy()))
	for y := box.Min.Y; y < box.Max.Y; y++ {
		for x := box.Min.X; x < box.Max.X; x++ {
			out.Set(x-box.Min.X, y-box.Min.Y, img.At(x, y))
		}
	}
	return out
}

// objectThreshold is how far (per channel, 0–255) a pixel must be from the background to
// count as the object: the drawn shadows under objects stay below it.
const objectThreshold = 28

// over is c drawn over an opaque card.
func over(c, card color.NRGBA) color.NRGBA {
	a := int(c.A)
	mix := func(f, g uint8) uint8 { return uint8((int(f)*a + int(g)*(255-a)) / 255) }
	return color.NRGBA{mix(c.R, card.R), mix(c.G, card.G), mix(c.B, card.B), 0xFF}
}

func differs(c, bg color.NRGBA) bool {
	d := func(a, b uint8) int {
		if a > b {
			return int(a - b)
		}
		return int(b - a)
	}
	return d(c.R, bg.R) > objectThreshold || d(c.G, bg.G) > objectThreshold || d(c.B, bg.B) > objectThreshold
}
