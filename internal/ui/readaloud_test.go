package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
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

// withClips gives every primary question of the test bank its Chinese reading.
func withClips(c *rigConfig) {
	clips := fstest.MapFS{}
	for _, q := range testBank().Questions {
		if q.Audience == quiz.Primary {
			clips[q.Clip().Zh] = &fstest.MapFile{Data: []byte("OggS")}
		}
	}
	c.pack.Root = overlayFS{c.pack.Root, clips}
}

// openTeamSetup starts a visit and opens the team contest's setup with the staff PIN.
func (r *rig) openTeamSetup() {
	r.t.Helper()
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("班级团队赛")
	r.enterPIN(testPIN)
}

// startContest sets up a contest in mode for audience and starts it; more sets it up
// further (the number of teams).
func (r *rig) startContest(mode, audience string, more ...string) *contestView {
	r.t.Helper()
	r.openTeamSetup()
	for _, chip := range append([]string{mode, audience}, more...) {
		r.tap(chip)
	}
	r.tap("开始比赛")
	return r.shell.top().(*contestView)
}

// TestTeamContestReadingFits: a four-team contest with its reading fits every screen: the
// reading control ends above the teams' zones (on an 800 px screen it is a button beside
// the progress), and no text is cut off.
func TestTeamContestReadingFits(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}, {Width: 1080, Height: 1920}} {
		r := newRig(t, withQuiz(&saves{}), withClips)
		r.win.Resize(size)
		v := r.startContest("抢答", "小学生", "4 队")
		for v.c.Current().Type == quiz.TrueFalse { // three or four answers: two rows
			v.c.Next()
			r.shell.replace(v)
		}
		if len(r.player.plays) != 2 || r.shell.narr == nil {
			t.Fatalf("%v: read %v", size, r.player.plays)
		}
		r.noClipping(fmt.Sprintf("contest with its reading at %v", size))
		drv := fyne.CurrentApp().Driver()
		ctl := r.shell.narr.obj
		bottom := drv.AbsolutePositionForObject(ctl).Y + ctl.Size().Height
		for _, o := range r.objects() {
			if textOf(o) == r.shell.teamName(v.c, 0) {
				if top := drv.AbsolutePositionForObject(o).Y; bottom > top {
					t.Errorf("%v: the reading control ends at %.0f, below the first team's name at %.0f", size, bottom, top)
				}
			}
		}
	}
}

func TestTeamContestReadsPrimaryQuestionsAloud(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}), withClips)
	v := r.startContest("抢答", "小学生")
	q := v.c.Current()
	if len(r.player.plays) != 1 || r.player.plays[0] != q.Clip().Zh {
		t.Fatalf("the first question plays %v, want its reading", r.player.plays)
	}
	r.tick(0)
	r.mustHave("“" + audio.Sentences(q.Prompt.Zh)[0] + "”") // its caption
	if ev, ok := r.events.last(event.Narration); !ok || ev.Item != q.ID {
		t.Fatalf("no narration event for the question: %+v", ev)
	}
	right := q.RightPositions()[0]
	v.answer(0, (right+1)%len(q.Order)) // a wrong buzz: the other team may still answer
	if r.player.st.State != audio.Playing || len(r.player.plays) != 1 {
		t.Fatal("a wrong buzz must not stop or restart the reading")
	}
	v.answer(1, right)
	if r.player.st.State == audio.Playing {
		t.Fatal("the reading stops once the question is answered")
	}
	r.tap("下一题")
	if len(r.player.plays) != 2 || r.player.plays[1] != v.c.Current().Clip().Zh {
		t.Fatalf("the second question plays %v", r.player.plays)
	}
	r.noClipping("contest with its reading")
	r.tick(v.c.Timer()) // time up: the reading stops with the question
	if r.player.st.State == audio.Playing {
		t.Fatal("the reading goes on after time is up")
	}

	older := newRig(t, withQuiz(&saves{}), withClips)
	older.startContest("轮流答", "中学生")
	if len(older.player.plays) != 0 {
		t.Fatalf("secondary groups' questions are not read aloud: %v", older.player.plays)
	}
}

// TestTeamContestCaptionsWithoutSound: with no sound device the question's caption runs by
// itself under the answers, and the bar says why nothing is heard.
func TestTeamContestCaptionsWithoutSound(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}), withClips,
		func(c *rigConfig) { c.deps.Player = audio.Silent{Why: "no sound card is connected"} })
	v := r.startContest("轮流答", "小学生")
	lines := audio.Sentences(v.c.Current().Prompt.Zh)
	r.mustHave("“" + lines[0] + "”")
	total := time.Duration(0)
	for _, l := range lines {
		total += audio.ReadingTime(l)
	}
	r.tick(total)
	r.mustHave("本机无声音设备，请阅读字幕")
}
