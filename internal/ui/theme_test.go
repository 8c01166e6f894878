package ui

import (
	"image/color"
	"testing"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
)

// TestContrast checks the touch UX rule (4.5:1) for every text colour on the grounds it is
// drawn on, and for white on every zone colour after readableOn.
func TestContrast(t *testing.T) {
	pairs := []struct {
		name   string
		fg, bg color.Color
	}{
		{"text on navy", colorText, colorBg},
		{"text on navy top", colorText, colorBgTop},
		{"muted on navy", colorMuted, colorBg},
		{"muted on surface", colorMuted, colorSurface},
		{"text on surface", colorText, colorSurface},
		{"text on raised surface", colorText, colorSurfaceHi},
		{"heading on navy", colorHeading, colorBg},
		{"heading on surface", colorHeading, colorSurface},
		{"text on bar", colorText, colorBar},
		{"text on accent", colorText, colorAccent},
		{"navy on amber (current era)", colorBg, colorHeading},
		{"card text on card", colorCardText, colorCard},
		{"text on good", colorText, colorGood},
		{"text on bad", colorText, colorBad},
	}
	for _, p := range pairs {
		if c := contrast(p.fg, p.bg); c < 4.5 {
			t.Errorf("%s: contrast %.2f < 4.5", p.name, c)
		}
	}
	cat, _ := content.Load(assets.Content())
	for _, z := range cat.Zones {
		if c := contrast(colorText, readableOn(hexOr(z.Color, colorAccent))); c < 4.5 {
			t.Errorf("zone %s: contrast %.2f", z.ID, c)
		}
	}
	for _, raw := range []string{"#FFFF00", "#F5B94A", "#FFFFFF", "#14A39A"} {
		if c := contrast(colorText, readableOn(hex(raw))); c < 4.5 {
			t.Errorf("readableOn(%s) gives %.2f", raw, c)
		}
	}
}

func TestSizesFollowTheTouchRules(t *testing.T) {
	th := newTheme(false)
	if th.Size(sizeBody) < 28 || th.Size(sizeHeading) < 48 || th.Size(sizeButton) < 28 {
		t.Fatal("body ≥ 28 px, headings ≥ 48 px")
	}
	normal := th.Size(sizeBody)
	th.setLarge(true)
	if th.Size(sizeBody) <= normal {
		t.Fatal("large text must be larger")
	}
}
