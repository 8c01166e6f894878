package ui

import (
	"image/color"
	"math"
)

// luminance is the WCAG relative luminance of c.
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio between two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// readableOn darkens c until white text on it reaches a 4.5:1 contrast, so that any zone
// colour a content pack chooses still meets the touch UX rules.
func readableOn(c color.NRGBA) color.NRGBA {
	for i := 0; i < 40 && contrast(c, colorText) < 4.6; i++ {
		c.R = uint8(float64(c.R) * 0.95)
		c.G = uint8(float64(c.G) * 0.95)
		c.B = uint8(float64(c.B) * 0.95)
	}
	return c
}

// darker scales c towards black by f (0–1).
func darker(c color.NRGBA, f float64) color.NRGBA {
	return color.NRGBA{R: uint8(float64(c.R) * (1 - f)), G: uint8(float64(c.G) * (1 - f)), B: uint8(float64(c.B) * (1 - f)), A: c.A}
}
