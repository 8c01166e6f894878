package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

func TestSoundsForTapsAnswersAndWins(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	if r.fx.last() != audio.SoundTap {
		t.Fatalf("a tile tap sounds %q, want a tap", r.fx.last())
	}
	r.tap("个人挑战")
	r.tap("中学生")
	v := r.shell.top().(*soloView)
	for i := 0; i < v.round.Len(); i++ {
		q := v.round.Current()
		before := len(r.fx.played)
		if i%2 == 0 {
			r.answerRight(v)
			if r.fx.last() != audio.SoundRight {
				t.Fatalf("question %d answered right sounds %q", i+1, r.fx.last())
			}
		} else {
			wrong := (q.RightPositions()[0] + 1) % len(q.Order)
			r.tap(r.shell.tx(q.Choices[q.Order[wrong]]))
			if q.Type == quiz.Multi {
				r.tap("提交")
			}
			if r.fx.last() != audio.SoundWrong {
				t.Fatalf("question %d answered wrong sounds %q", i+1, r.fx.last())
			}
		}
		if q.Type != quiz.Multi && slices.Contains(r.fx.played[before:], audio.SoundTap) {
			t.Fatalf("an answer clicks as well as sounding right or wrong: %v", r.fx.played[before:])
		}
		if i < v.round.Len()-1 {
			r.tap("下一题")
		}
	}
	r.tap("看成绩")
	if r.fx.last() != audio.SoundWin {
		t.Fatalf("the results sound %q, want the win", r.fx.last())
	}
	r.tap("音量")
	if r.fx.volume != r.shell.v.Volume() || r.fx.volume == 0 {
		t.Fatalf("effects at volume %d, the visitor chose %d", r.fx.volume, r.shell.v.Volume())
	}
}

func TestBuzzInRingsForTheFirstTeam(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	r.openTeamSetup()
	r.tap("抢答")
	r.tap("开始比赛")
	v := r.shell.top().(*contestView)
	q := v.c.Current()
	right := q.RightPositions()[0]
	v.answer(1, (right+1)%len(q.Order))
	if r.fx.last() != audio.SoundBuzz {
		t.Fatalf("the first buzz sounds %q", r.fx.last())
	}
	r.mustHave(r.shell.t("team.buzzed", r.shell.teamName(v.c, 1)))
	v.answer(0, right)
	if r.fx.last() != audio.SoundRight {
		t.Fatalf("the second team's right answer sounds %q", r.fx.last())
	}
	r.mustHave(r.shell.t("team.buzzed", r.shell.teamName(v.c, 1)))
	r.tap("下一题")
	if r.has(r.shell.t("team.buzzed", r.shell.teamName(v.c, 1))) {
		t.Fatal("a new question starts with nobody buzzed")
	}
}

func TestCaptionsRunWithoutSound(t *testing.T) {
	r := newRig(t, func(c *rigConfig) { c.deps.Player = audio.Silent{Why: "no sound card is connected"} })
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒历史")
	ev := r.shell.cat().History.Events[0]
	lines := audio.Sentences(content.Caption(content.Zh, ev.DateLabel, ev.Title, ev.Body))
	if len(lines) < 3 {
		t.Fatalf("the first story has %d caption lines", len(lines))
	}
	r.mustHave("“" + lines[0] + "”")
	// Reading pace: the second line after the first's reading time.
	r.tick(audio.ReadingTime(lines[0]) + 300*time.Millisecond)
	r.mustHave("“" + lines[1] + "”")
	if r.has("“" + lines[0] + "”") {
		t.Fatal("the first caption line must give way to the second")
	}
	r.tap(lines[1]) // the bar holds the line
	r.tick(time.Minute)
	r.mustHave("“" + lines[1] + "”")
	r.tap(lines[1]) // on again, to the end: the bar says why nothing was heard
	total := time.Duration(0)
	for _, l := range lines {
		total += audio.ReadingTime(l)
	}
	r.tick(total)
	r.mustHave("本机无声音设备，请阅读字幕")
	if strings.Contains(strings.Join(r.player.plays, ","), "audio") {
		t.Fatal("nothing is played on a silent kiosk")
	}
}

func TestResultsCelebrateWithStarsAndAMedal(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	v := r.startSolo("中学生")
	for i := 0; i < v.round.Len(); i++ {
		if i < 7 {
			r.answerRight(v)
		} else {
			q := v.round.Current()
			r.tap(r.shell.tx(q.Choices[q.Order[(q.RightPositions()[0]+1)%len(q.Order)]]))
			if q.Type == quiz.Multi {
				r.tap("提交")
			}
		}
		r.tap(map[bool]string{true: "看成绩", false: "下一题"}[i == v.round.Len()-1])
	}
	r.mustHave("你答对了 7 / 10 题", "银牌")
	if r.has("金牌") || r.has("铜牌") {
		t.Fatal("one medal only")
	}
	lit := 0
	for _, st := range v.starTexts {
		if st.Color == colorHeading {
			lit++
		}
		if st.TextSize != r.shell.size(sizeDisplay)*1.4 {
			t.Fatalf("a star ends its pop-in at %.0f px", st.TextSize)
		}
	}
	if len(v.starTexts) != 3 || lit != 2 {
		t.Fatalf("%d stars, %d lit; 70%% earns two", len(v.starTexts), lit)
	}
	if v.confetti == nil || !v.confetti.fallen() {
		t.Fatal("the results must celebrate, and the confetti must be gone at the end")
	}
	r.noClipping("results with medal")
	r.tap("中 / EN") // a redraw does not celebrate again
	if len(r.shell.anims) != 0 {
		t.Fatalf("%d animations after a language change", len(r.shell.anims))
	}
}
