package ui

import (
	"fyne.io/fyne/v2"
)

// squareIcons are the white line icons of the board's square kinds (own drawings, in the
// style of the zone icons), shown on squares without a landmark picture and on the cards.
var squareIcons = map[string]fyne.Resource{
	"start":    svgIcon("start", `<line x1="30" y1="16" x2="30" y2="82"/><path d="M30,18 L74,30 L30,44" fill="#FFFFFF"/><line x1="18" y1="82" x2="46" y2="82"/>`),
	"question": svgIcon("question", `<circle cx="48" cy="48" r="36"/><path d="M36,38 C36,30 42,25 48,25 C55,25 60,30 60,37 C60,44 54,46 51,49 C49,51 48,53 48,57"/><line x1="48" y1="68" x2="48" y2="70" stroke-width="9"/>`),
	"scenario": svgIcon("scenario", `<path d="M12,20 L60,20 L60,50 L32,50 L20,62 L22,50 L12,50 Z"/><path d="M68,34 L86,34 L86,64 L78,64 L80,76 L66,64 L40,64 L40,58"/>`),
	"fact":     svgIcon("fact", `<path d="M48,26 C38,18 24,18 14,22 L14,76 C24,72 38,72 48,80 C58,72 72,72 82,76 L82,22 C72,18 58,18 48,26 Z"/><line x1="48" y1="26" x2="48" y2="80"/>`),
	"trap":     svgIcon("trap", `<path d="M48,12 L88,82 L8,82 Z"/><line x1="48" y1="36" x2="48" y2="58"/><line x1="48" y1="70" x2="48" y2="71" stroke-width="9"/>`),
	"sunshine": svgIcon("sunshine", `<circle cx="48" cy="48" r="17"/><line x1="48" y1="10" x2="48" y2="20"/><line x1="48" y1="76" x2="48" y2="86"/><line x1="10" y1="48" x2="20" y2="48"/><line x1="76" y1="48" x2="86" y2="48"/><line x1="21" y1="21" x2="28" y2="28"/><line x1="68" y1="68" x2="75" y2="75"/><line x1="21" y1="75" x2="28" y2="68"/><line x1="68" y1="28" x2="75" y2="21"/>`),
}

func svgIcon(name, body string) fyne.Resource {
	return fyne.NewStaticResource("board-"+name+".svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">`+
		`<g fill="none" stroke="#FFFFFF" stroke-width="6" stroke-linecap="round" stroke-linejoin="round">`+body+`</g></svg>`))
}
