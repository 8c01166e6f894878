// Package fonts embeds the bundled CJK font alone, for programs that need the font without
// the kiosk's content (the hub's web dashboard). It is the same file package assets embeds.
package fonts

import _ "embed"

// Regular is Noto Sans SC Regular (subset; SIL Open Font License 1.1, see OFL.txt).
//
//go:embed NotoSansSC-Regular.otf
var Regular []byte
