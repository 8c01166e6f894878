package ui

import (
	"strings"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/pinyin"
	"github.com/jindu-edu/kiosk/internal/ui/keyboard"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// keysInput is the keyboard mode of 写留言: the on-screen pinyin keyboard (English letters
// in English mode), capped at the wall's text length.
type keysInput struct {
	kb *keyboard.Keyboard
}

// keyboardReady reports whether the pinyin table is usable (it is embedded; parsed once).
func (s *Shell) keyboardReady() bool {
	_, err := pinyin.Bundled()
	return err == nil
}

func (v *composeView) keysMain() fyne.CanvasObject {
	s := v.s
	if v.keys == nil {
		tb, err := pinyin.Bundled()
		if err != nil { // cannot happen when keyboardReady offered the mode
			return s.para(err.Error(), sizeBody, true, colorNameHeading)
		}
		opts := keyboard.Options{MaxRunes: wall.MaxTextRunes, Placeholder: s.t("wall.keys.placeholder")}
		if s.shortScreen() {
			opts.KeySize, opts.MinKeySize, opts.TextSize = 72, 56, 32
		}
		v.keys = &keysInput{kb: keyboard.New(tb, opts)}
		v.keys.kb.OnChanged = func(string) {
			s.activity()
			if v.note != "" { // the visitor is changing what the filter held
				v.note = ""
				s.replace(v)
			}
		}
	}
	if en := s.v.Lang() == content.En; v.keys.kb.English() != en {
		v.keys.kb.SetEnglish(en)
	}
	return v.keys.kb
}

func (v *composeView) keysText() string {
	if v.keys == nil {
		return ""
	}
	return strings.TrimSpace(v.keys.kb.Text())
}
