package quiz

import (
	"io/fs"

	"github.com/jindu-edu/kiosk/internal/content"
)

// Primary-school questions are read aloud: each has a clip per language at a fixed path in
// the content root (no field in the bank: a bank without clips simply stays silent).
// `kioskctl quizbank narration` lists them and scripts/gen-narration.sh makes them.

// ReadAloud reports whether questions for audience are read aloud.
func ReadAloud(audience string) bool { return audience == Primary }

// Clip is where the reading of a question's prompt lives in a content root.
func (q Question) Clip() content.Media {
	return content.Media{Zh: "media/audio/zh/quiz-" + q.ID + ".ogg", En: "media/audio/en/quiz-" + q.ID + ".ogg"}
}

// ClipIn is the question's clip for lang if media holds it, else "".
func (q Question) ClipIn(media fs.FS, lang content.Lang) string {
	p := q.Clip().In(lang)
	if media == nil {
		return ""
	}
	if st, err := fs.Stat(media, p); err != nil || st.Size() == 0 {
		return ""
	}
	return p
}

// Narrations lists the clips to make for the bank's read-aloud questions: path, language
// and the prompt to speak.
func (b *Bank) Narrations() []content.Narration {
	var out []content.Narration
	for _, q := range b.Questions {
		if !ReadAloud(q.Audience) {
			continue
		}
		c := q.Clip()
		out = append(out, content.Narration{Path: c.Zh, Lang: content.Zh, Text: q.Prompt.Zh},
			content.Narration{Path: c.En, Lang: content.En, Text: q.Prompt.En})
	}
	return out
}
