package ui

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// overlayFS serves top's files over base's.
type overlayFS struct{ base, top fs.FS }

func (o overlayFS) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return o.base.Open(name)
	}
	return f, err
}

func TestPrimaryQuestionsAreReadAloud(t *testing.T) {
	clips := fstest.MapFS{}
	for _, q := range testBank().Questions {
		if q.Audience == quiz.Primary {
			clips[q.Clip().Zh] = &fstest.MapFile{Data: []byte("OggS")}
		}
	}
	r := newRig(t, withQuiz(&saves{}), func(c *rigConfig) { c.pack.Root = overlayFS{c.pack.Root, clips} })
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap("小学生")
	v := r.shell.top().(*soloView)
	q := v.round.Current()
	if len(r.player.plays) != 1 || r.player.plays[0] != q.Clip().Zh {
		t.Fatalf("the first question plays %v, want its reading", r.player.plays)
	}
	r.tick(0)
	r.mustHave("“" + q.Prompt.Zh + "”") // its caption
	if q.Type == quiz.Multi {
		r.tap(r.shell.tx(q.Choices[q.Order[0]])) // a pick redraws: the reading goes on
		if r.player.st.State != audio.Playing || len(r.player.plays) != 1 {
			t.Fatal("picking a choice must not stop or restart the reading")
		}
	}
	r.answerRight(v)
	if r.player.st.State == audio.Playing {
		t.Fatal("the reading stops once the question is answered")
	}
	r.tap("下一题")
	if len(r.player.plays) != 2 || r.player.plays[1] != v.round.Current().Clip().Zh {
		t.Fatalf("the second question plays %v", r.player.plays)
	}

	r.tap("首页")
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap("中学生")
	if len(r.player.plays) != 2 {
		t.Fatalf("secondary questions are not read aloud: %v", r.player.plays)
	}
	// English: no English clip in this pack, so nothing is read (never Chinese to an English visitor).
	r.tap("中 / EN")
	r.tap("Home")
	r.tap("Knowledge Quiz")
	r.tap("Solo challenge")
	r.tap("Primary")
	if len(r.player.plays) != 2 {
		t.Fatalf("an English visitor hears %v", r.player.plays)
	}
}
