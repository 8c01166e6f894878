package media

import (
	"image"
	"image/color"
	"testing"
)

func TestCropToObject(t *testing.T) {
	bg := color.NRGBA{0xF3, 0xEE, 0xE6, 0xFF}
	img := image.NewNRGBA(image.Rect(0, 0, 800, 600))
	for y := 0; y < 600; y++ {
		for x := 0; x < 800; x++ {
			img.Set(x, y, bg)
		}
	}
	// A faint shadow (not the object) and the object itself.
	for x := 300; x < 500; x++ {
		img.Set(x, 420, color.NRGBA{0xE6, 0xE0, 0xD6, 0xFF})
	}
	for y := 300; y < 400; y++ {
		for x := 350; x < 450; x++ {
			img.Set(x, y, color.NRGBA{0x5A, 0x3A, 0x22, 0xFF})
		}
	}
	// The same object on a transparent ground, seen over the card.
	clear := image.NewNRGBA(image.Rect(0, 0, 800, 600))
	for y := 300; y < 400; y++ {
		for x := 350; x < 450; x++ {
			clear.Set(x, y, color.NRGBA{0x5A, 0x3A, 0x22, 0xFF})
		}
	}
	for x := 100; x < 700; x++ {
		clear.Set(x, 420, color.NRGBA{0xE6, 0xE0, 0xD6, 0xFF}) // the drawn shadow
	}
	if got := CropToObject(clear, 0.1, bg).Bounds(); got != image.Rect(340, 290, 460, 410) {
		t.Fatalf("transparent ground: crop %v", got)
	}
	got := CropToObject(img, 0.1, bg).Bounds()
	want := image.Rect(340, 290, 460, 410) // the object, 10% of its 100 px side around it
	if got != want {
		t.Fatalf("crop %v, want %v", got, want)
	}
	blank := image.NewNRGBA(image.Rect(0, 0, 10, 10))
	if CropToObject(blank, 0.1, bg).Bounds() != blank.Bounds() {
		t.Fatal("an image without an object must come back whole")
	}
}
