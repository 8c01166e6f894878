package ui

import (
	"image/color"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/jindu-edu/kiosk/assets"
)

// Palette of the exhibition: a deep navy ground, light text, one colour per zone.
var (
	colorBg        = hex("#0B1F3A")
	colorBgTop     = hex("#0F2D55")
	colorBar       = hex("#07162B")
	colorSurface   = hex("#203A5E")
	colorSurfaceHi = hex("#2C4B75")
	colorText      = hex("#FFFFFF")
	colorMuted     = hex("#C3D0E2")
	colorAccent    = hex("#0A7770") // teal: home, primary actions
	colorHeading   = hex("#F5B94A") // amber section headings
	colorCard      = hex("#F3EEE6") // illustration card
	colorCardText  = hex("#3A3530")
	colorGood      = hex("#22784A")
	colorBad       = hex("#C0392B")
)

// Custom size names used by screens; the theme scales them with the text-size toggle.
const (
	sizeBody    fyne.ThemeSizeName = "kiosk.body"    // 28 px at 1080p
	sizeSmall   fyne.ThemeSizeName = "kiosk.small"   // 24 px: captions, labels
	sizeLead    fyne.ThemeSizeName = "kiosk.lead"    // 34 px: subtitles
	sizeHeading fyne.ThemeSizeName = "kiosk.heading" // 48 px
	sizeDisplay fyne.ThemeSizeName = "kiosk.display" // 72 px: attract, tile titles
	sizeButton  fyne.ThemeSizeName = "kiosk.button"  // 28 px, not scaled: buttons keep their layout
	// Tiles and list cards are buttons too: their text does not grow with the toggle, so a
	// grid of them still fits the screen (the pages they open do grow).
	sizeCaption  fyne.ThemeSizeName = "kiosk.caption"  // 24 px, not scaled
	sizeTile     fyne.ThemeSizeName = "kiosk.tile"     // 48 px, not scaled
	sizeTileHero fyne.ThemeSizeName = "kiosk.tilehero" // 72 px, not scaled
	sizeOption   fyne.ThemeSizeName = "kiosk.option"   // 60 px, not scaled: team-contest answers, read from 3 m
)

// Custom colour names for RichText segments.
const (
	colorNameMuted   fyne.ThemeColorName = "kiosk.muted"
	colorNameHeading fyne.ThemeColorName = "kiosk.heading"
	colorNameCard    fyne.ThemeColorName = "kiosk.cardtext"
	colorNameOnLight fyne.ThemeColorName = "kiosk.onlight" // navy text on amber or white
)

// kioskTheme is the exhibition theme. Large is the visitor's text-size choice: it is
// switched in place (setLarge) and the views are drawn again, rather than by setting a new
// theme, because Fyne answers SetTheme by dropping its font caches and parsing the CJK font
// again for the whole app (20 MB and a long frame for every A+ tap).
type kioskTheme struct {
	large   atomic.Bool
	regular fyne.Resource
	bold    fyne.Resource
}

func newTheme(large bool) *kioskTheme {
	t := &kioskTheme{
		regular: fyne.NewStaticResource("NotoSansSC-Regular.otf", assets.FontRegular),
		bold:    fyne.NewStaticResource("NotoSansSC-Bold.otf", assets.FontBold),
	}
	t.large.Store(large)
	return t
}

// isLarge reports the text-size choice in force.
func (t *kioskTheme) isLarge() bool { return t.large.Load() }

// setLarge switches the text size; what is drawn after uses it.
func (t *kioskTheme) setLarge(large bool) { t.large.Store(large) }

func (t *kioskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameBackground:
		return colorBg
	case theme.ColorNameForeground:
		return colorText
	case theme.ColorNameButton, theme.ColorNameInputBackground:
		return colorSurface
	case theme.ColorNameHover, theme.ColorNamePressed:
		return colorSurfaceHi
	case theme.ColorNamePrimary:
		return colorAccent
	case theme.ColorNameSeparator:
		return colorSurface
	case colorNameMuted:
		return colorMuted
	case colorNameHeading:
		return colorHeading
	case colorNameCard:
		return colorCardText
	case colorNameOnLight:
		return colorBg
	}
	return theme.DefaultTheme().Color(n, theme.VariantDark)
}

func (t *kioskTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return t.bold
	}
	return t.regular
}

func (t *kioskTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

// Size gives the sizes of the touch UX rules: body ≥ 28 px, headings ≥ 48 px; the large
// setting multiplies text by 1.25 (layout sizes stay put so nothing moves off screen).
func (t *kioskTheme) Size(n fyne.ThemeSizeName) float32 {
	scale := float32(1)
	if t.isLarge() {
		scale = 1.25
	}
	switch n {
	case theme.SizeNameText, sizeBody:
		return 28 * scale
	case sizeButton:
		return 28
	case sizeCaption:
		return 24
	case sizeTile:
		return 48
	case sizeTileHero:
		return 72
	case sizeOption:
		return 60
	case sizeSmall, theme.SizeNameCaptionText:
		return 24 * scale
	case sizeLead, theme.SizeNameSubHeadingText:
		return 34 * scale
	case sizeHeading, theme.SizeNameHeadingText:
		return 48 * scale
	case sizeDisplay:
		return 72 * scale
	case theme.SizeNamePadding:
		return 8
	case theme.SizeNameInnerPadding:
		return 12
	case theme.SizeNameLineSpacing:
		return 8
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 16
	case theme.SizeNameScrollBar:
		return 16
	case theme.SizeNameScrollBarSmall:
		return 8
	}
	return theme.DefaultTheme().Size(n)
}

func hex(s string) color.NRGBA {
	var c color.NRGBA
	c.A = 0xff
	for i, p := range []*uint8{&c.R, &c.G, &c.B} {
		*p = fromHex(s[1+2*i])<<4 | fromHex(s[2+2*i])
	}
	return c
}

func fromHex(b byte) uint8 {
	switch {
	case b >= '0' && b <= '9':
		return b - '0'
	case b >= 'a' && b <= 'f':
		return b - 'a' + 10
	case b >= 'A' && b <= 'F':
		return b - 'A' + 10
	}
	return 0
}
