// Package assets embeds what the kiosk ships with: the CJK font, the UI strings and the
// demo content root (content YAML and media). An installed content pack replaces the
// content root; the font and UI strings always come from here.
package assets

import (
	"embed"
	"io/fs"
)

//go:embed fonts/NotoSansSC-Regular.otf
var FontRegular []byte

//go:embed fonts/NotoSansSC-Bold.otf
var FontBold []byte

//go:embed strings/*.json
var stringsFS embed.FS

//go:embed all:content
var contentFS embed.FS

// Strings returns the UI string tables, strings/{zh,en}.json.
func Strings() fs.FS { return stringsFS }

// Content returns the embedded demo content root.
func Content() fs.FS {
	sub, err := fs.Sub(contentFS, "content")
	if err != nil {
		panic(err) // cannot happen: the directory is embedded at build time
	}
	return sub
}

// WallWords is the message wall's default word list (wall/words.txt); a content pack's
// content/wall-words.txt replaces it.
//
//go:embed wall/words.txt
var WallWords []byte
