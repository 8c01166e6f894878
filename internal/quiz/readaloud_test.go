package quiz

import (
	"testing"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/internal/content"
)

func TestPrimaryQuestionsAreReadAloud(t *testing.T) {
	b := &Bank{Questions: []Question{
		{ID: "p1", Audience: Primary, Prompt: content.Text{Zh: "小问题？", En: "Small question?"}},
		{ID: "s1", Audience: Secondary, Prompt: content.Text{Zh: "中学题", En: "Secondary"}},
	}}
	n := b.Narrations()
	if len(n) != 2 || n[0].Path != "media/audio/zh/quiz-p1.ogg" || n[0].Text != "小问题？" || n[1].Lang != content.En {
		t.Fatalf("narrations %+v", n)
	}
	media := fstest.MapFS{"media/audio/zh/quiz-p1.ogg": {Data: []byte("OggS")}, "media/audio/en/quiz-p1.ogg": {}}
	q := b.Questions[0]
	if q.ClipIn(media, content.Zh) != "media/audio/zh/quiz-p1.ogg" {
		t.Fatal("a present clip is played")
	}
	if q.ClipIn(media, content.En) != "" || q.ClipIn(nil, content.Zh) != "" || b.Questions[1].ClipIn(media, content.Zh) != "" {
		t.Fatal("an empty or missing clip is not")
	}
}
