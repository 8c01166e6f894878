package content

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"

	"github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/safefs"
)

// Bounds of the wall's content: a ready pledge fits a wall card, a sticker a badge, and a
// word list stays a list.
const (
	WallPhraseRunes  = 40
	WallStickerRunes = 8
	WallWordsBytes   = 64 << 10
)

func (v *validator) wall(d *lint.Doc, w *Wall) {
	v.text(d, "intro", w.Intro)
	v.text(d, "notice", w.Notice)
	if len(w.Phrases) == 0 {
		d.Errf("phrases", "the wall needs at least one ready pledge")
	}
	seen := map[string]bool{}
	check := func(list string, ps []WallPhrase, runes int) {
		for i, p := range ps {
			at := fmt.Sprintf("%s[%d]", list, i)
			v.ids(d, at, seen, p.ID)
			v.text(d, at+".text", p.Text)
			if n := utf8.RuneCountInString(p.Text.Zh); n > runes {
				d.Errf(at+".text.zh", "%d characters; a %s holds at most %d", n, strings.TrimSuffix(list, "s"), runes)
			}
			if n := utf8.RuneCountInString(p.Text.En); n > runes*3 {
				d.Errf(at+".text.en", "%d characters; at most %d in English", n, runes*3)
			}
			if p.Color != "" && !colorPattern.MatchString(p.Color) {
				d.Errf(at+".color", "colour %q must look like #RRGGBB", p.Color)
			}
		}
	}
	check("phrases", w.Phrases, WallPhraseRunes)
	check("stickers", w.Stickers, WallStickerRunes)
}

// wallWords checks the root's optional word list for the wall's filter.
func (v *validator) wallWords() {
	data, err := safefs.ReadFile(v.fsys, FileWallWords, WallWordsBytes)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		*v.probs = append(*v.probs, Problem{Severity: Error, File: FileWallWords, Msg: "cannot read: " + reason(err)})
	case !utf8.Valid(data):
		*v.probs = append(*v.probs, Problem{Severity: Error, File: FileWallWords, Msg: "not UTF-8 text"})
	}
}

// WallWords returns the content root's own word list for the wall's filter
// (content/wall-words.txt), or nil when the root has none and the app's default applies.
func WallWords(fsys fs.FS) []byte {
	data, err := safefs.ReadFile(fsys, FileWallWords, WallWordsBytes)
	if err != nil {
		return nil
	}
	return data
}
