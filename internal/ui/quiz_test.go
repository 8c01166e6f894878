package ui

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
)

// testBank has, for every audience and topic, a single, a multi and a true/false question.
func testBank() *quiz.Bank {
	b := &quiz.Bank{}
	for _, a := range quiz.Audiences {
		for i, t := range quiz.Topics {
			id := fmt.Sprintf("%s-%s", t, a)
			b.Questions = append(b.Questions,
				quiz.Question{ID: id + "-s", Type: quiz.Single, Audience: a, Difficulty: 1 + i%3, Topic: t,
					Prompt:  content.Text{Zh: "单选题" + id, En: "Single " + id},
					Choices: []content.Text{{Zh: "正确答案", En: "Right"}, {Zh: "错误一", En: "Wrong one"}, {Zh: "错误二", En: "Wrong two"}},
					Answer:  quiz.Answer{Indexes: []int{0}}, Explanation: content.Text{Zh: "解释" + id, En: "Because"}, Source: "[NNCC]"},
				quiz.Question{ID: id + "-m", Type: quiz.Multi, Audience: a, Difficulty: 1 + (i+1)%3, Topic: t,
					Prompt:  content.Text{Zh: "多选题" + id, En: "Multi " + id},
					Choices: []content.Text{{Zh: "对甲", En: "Right A"}, {Zh: "错乙", En: "Wrong B"}, {Zh: "对丙", En: "Right C"}},
					Answer:  quiz.Answer{Indexes: []int{0, 2}}, Explanation: content.Text{Zh: "解释", En: "Because"}, Source: "[NNCC]"},
				quiz.Question{ID: id + "-t", Type: quiz.TrueFalse, Audience: a, Difficulty: 1 + (i+2)%3, Topic: t,
					Prompt:  content.Text{Zh: "判断题" + id, En: "True or false " + id},
					Choices: quiz.TrueFalseChoices, Answer: quiz.Answer{Indexes: []int{0}},
					Explanation: content.Text{Zh: "解释", En: "Because"}, Source: "[NNCC]"},
			)
		}
	}
	return b
}

// saves keeps what the shell persisted; saving runs off the UI thread.
type saves struct {
	mu     sync.Mutex
	recent []string
	groups []quiz.GroupResult
	n      int
}

// wait polls until ok holds for the latest save, or fails.
func (sv *saves) wait(t *testing.T, what string, ok func(recent []string, groups []quiz.GroupResult) bool) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		sv.mu.Lock()
		done := sv.n > 0 && ok(sv.recent, sv.groups)
		sv.mu.Unlock()
		if done {
			return
		}
	}
	t.Fatalf("never saved: %s", what)
}

func withQuiz(sv *saves) func(*rigConfig) {
	return func(c *rigConfig) {
		c.pack.Bank = testBank()
		c.quiz = exhibit.QuizConfig{Timer: 30 * time.Second, RoundSize: 10,
			Rand: rand.New(rand.NewPCG(1, 2)),
			Save: func(r *quiz.Recent, g *quiz.Groups) error {
				sv.mu.Lock()
				defer sv.mu.Unlock()
				sv.recent, sv.groups, sv.n = r.IDs, g.Results, sv.n+1
				return nil
			}}
	}
}

// startSolo starts a visit and a solo round for audience (小学生, 中学生 or 成人).
func (r *rig) startSolo(audience string) *soloView {
	r.t.Helper()
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap(audience)
	return r.shell.top().(*soloView)
}

// answerRight taps the right answer(s) of the question on screen.
func (r *rig) answerRight(v *soloView) {
	q := v.round.Current()
	for _, k := range q.RightPositions() {
		r.tap(r.shell.tx(q.Choices[q.Order[k]]))
	}
	if q.Type == quiz.Multi {
		r.tap("提交")
	}
}

func TestSoloQuizRoundToCertificate(t *testing.T) {
	saved := &saves{}
	r := newRig(t, withQuiz(saved))
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.mustHave("个人挑战", "班级团队赛", "今日团体榜")
	r.noClipping("quiz home")
	r.tap("个人挑战")
	r.mustHave("请选择你的年龄段", "小学生", "中学生", "成人")
	r.tap("中学生")
	v := r.shell.top().(*soloView)
	r.mustHave("第 1 / 10 题", "30 秒")
	r.noClipping("question")

	r.tick(5 * time.Second)
	r.mustHave("25 秒")
	// First question: wrong on purpose.
	q := v.round.Current()
	wrongPos := (q.RightPositions()[0] + 1) % len(q.Order)
	if q.Type == quiz.Multi {
		r.tap(r.shell.tx(q.Choices[q.Order[wrongPos]]))
		r.tap("提交")
	} else {
		r.tap(r.shell.tx(q.Choices[q.Order[wrongPos]]))
	}
	r.mustHave("答错了", "正确答案：", q.Explanation.Zh, "来源：[NNCC]")
	r.noClipping("feedback")
	r.tap("下一题")
	// The rest right; one question runs out of time first and counts as wrong? No: keep
	// the certificate reachable (9/10 = 90%).
	for i := 1; i < 10; i++ {
		r.mustHave(fmt.Sprintf("第 %d / 10 题", i+1))
		r.answerRight(v)
		r.mustHave("答对了！")
		if i < 9 {
			r.tap("下一题")
		}
	}
	r.tap("看成绩")
	r.mustHave("你答对了 9 / 10 题", "正确率 90%", "错题回顾", q.Prompt.Zh, "领取证书")
	r.noClipping("results")
	r.tap("领取证书")
	r.mustHave("禁毒小卫士", "荣誉证书", "答对 9 / 10 题")
	r.noClipping("certificate")

	var answered, finished int
	for _, e := range r.events.all {
		switch e.Type {
		case event.QuizAnswer:
			answered++
			if e.Data["ms"] == nil || e.Data["choice"] == nil || e.Data["correct"] == nil {
				t.Fatalf("answer event lacks fields: %v", e.Data)
			}
		case event.QuizFinish:
			finished++
			if e.Data["score"] != 9 {
				t.Fatalf("finish score %v", e.Data["score"])
			}
		}
	}
	types := r.events.types()
	if !slices.Contains(types, event.QuizStart) || !slices.Contains(types, event.QuizQuestion) || answered != 10 || finished != 1 {
		t.Fatalf("quiz events: %v (answered %d)", types, answered)
	}
	saved.wait(t, "the ten served questions", func(recent []string, _ []quiz.GroupResult) bool {
		return len(recent) == 10 && slices.Equal(recent, r.shell.d.Quiz.RecentIDs())
	})
}

func TestSoloQuizTimeoutAndIdleReset(t *testing.T) {
	saved := &saves{}
	r := newRig(t, withQuiz(saved))
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap("小学生")
	r.mustHave("60 秒") // children get twice the time
	r.tick(30 * time.Second)
	r.mustHave("30 秒")
	r.tick(30 * time.Second)
	r.mustHave("时间到", "下一题")
	if e, _ := r.events.last(event.QuizAnswer); e.Data["timed_out"] != true {
		t.Fatalf("timeout not recorded: %v", e.Data)
	}
	// Walking away mid-quiz: 90 s after the last tap (60 s ago), the prompt, then a reset.
	r.tick(30 * time.Second)
	r.mustHave("还在吗？")
	r.tick(20 * time.Second)
	if r.shell.Depth() != 0 || r.shell.Session().State() != kiosk.Attract {
		t.Fatal("idle mid-quiz must reset to attract")
	}
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.mustHave("个人挑战")
}

func TestTeamBuzzInContestToRanking(t *testing.T) {
	saved := &saves{}
	r := newRig(t, withQuiz(saved))
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("班级团队赛")
	if r.shell.Modal() != "pin" {
		t.Fatal("the contest must ask for the PIN")
	}
	r.enterPIN(testPIN)
	r.mustHave("团队赛设置", "队伍数", "抢答", "轮流答")
	r.noClipping("team setup")
	r.tap("5 题")
	r.tap("2 队")
	r.tap("抢答")        // turns is the default
	r.tap("中学生")       // primary groups lose no points for a wrong buzz-in
	r.tap("轻触输入（可不填）") // the class keypad
	for _, k := range []string{"五", "年级", "2", "班"} {
		r.tapKey(k)
	}
	r.mustHave("五年级2班")
	r.tap("完成")
	r.mustHave("五年级2班")
	r.tap("开始比赛")
	v := r.shell.top().(*contestView)
	if len(v.c.Teams) != 2 || v.c.Mode != quiz.Buzz || v.c.Len() != 5 {
		t.Fatalf("contest %d teams, mode %s, %d questions", len(v.c.Teams), v.c.Mode, v.c.Len())
	}
	r.mustHave("禁毒先锋队", "阳光少年队", "0 分")
	r.noClipping("contest")
	for i := 0; i < v.c.Len(); i++ {
		q := v.c.Current()
		right := q.RightPositions()[0]
		if i == 0 { // team 1 buzzes wrong first, team 2 then gets it
			v.answer(0, (right+1)%len(q.Order))
			r.mustHave("本题已答错")
			v.answer(1, right)
			r.mustHave("阳光少年队 答对了！+10")
		} else {
			v.answer(0, right)
		}
		r.tap(map[bool]string{true: "比赛结果", false: "下一题"}[i == v.c.Len()-1])
	}
	r.mustHave("比赛结果", "第 1 名", "禁毒先锋队", "35 分", "第 2 名", "10 分", "成绩已记入今日团体榜")
	r.noClipping("ranking")
	r.tap("今日团体榜")
	r.mustHave("五年级2班", "禁毒先锋队 35 分")
	if len(r.shell.d.Quiz.Groups()) != 1 {
		t.Fatal("the group result must be kept")
	}
	saved.wait(t, "the group result", func(_ []string, groups []quiz.GroupResult) bool {
		return len(groups) == 1 && groups[0].Label == "五年级2班"
	})
}

// While the class reads the verdict, the next question is painted outside the window (its
// texts' textures made ahead of 下一题), recording nothing and reading nothing aloud.
func TestContestPaintsTheNextQuestionAhead(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("班级团队赛")
	r.enterPIN(testPIN)
	r.tap("小学生") // read aloud: the copy must not play
	r.tap("开始比赛")
	v := r.shell.top().(*contestView)
	nq, _ := v.c.Peek()
	next := nq.Current().Prompt.Zh
	v.answer(0, v.c.Current().RightPositions()[0])
	events, plays := len(r.events.all), len(r.player.plays)
	r.paintsAheadOnSecondTick(next, "the next question (under the verdict)")
	if r.has(next) || len(r.events.all) != events || len(r.player.plays) != plays {
		t.Fatal("painting the next question ahead showed it, recorded or played something")
	}
	r.tick(250 * time.Millisecond)
	if r.paintedAhead(next) {
		t.Fatal("the copy must go at the next tick, and be painted once per question")
	}
	r.tap("下一题")
	r.mustHave(next)
	if v.c.Index() != 1 || len(r.events.all) == events {
		t.Fatal("下一题 did not show and record the next question")
	}
}

// tapKey taps a key of the label keypad (the last tappable showing k).
func (r *rig) tapKey(k string) {
	r.t.Helper()
	var last *touchTappable
	for _, o := range r.objects() {
		if t, ok := o.(*touchTappable); ok {
			if textOf(t.Content) == k || r.contains(t, k) {
				last = t
			}
		}
	}
	if last == nil {
		r.t.Fatalf("no key %q", k)
	}
	last.Tapped(nil)
}

// TestLongFeedbackFitsShortScreens: at 1280×800 a two-line question with a picture and a
// long explanation left the feedback taller than the room under the answers; in the real
// window 下一题 was cut in half by the bar. The explanation now scrolls and 下一题 stays whole.
func TestLongFeedbackFitsShortScreens(t *testing.T) {
	long := func(c *rigConfig) {
		withQuiz(&saves{})(c)
		for i := range c.pack.Bank.Questions {
			q := &c.pack.Bank.Questions[i]
			q.Prompt.Zh = "贴在信封上、盖了邮戳的邮票，是用来寄信的，不是毒品。请判断这句话说得对不对" + q.ID
			q.Image = "media/img/drugs/meth.png"
			q.Explanation.Zh = strings.Repeat("真正的邮票不是毒品；要警惕的是被人私下递来、叫作“邮票”的彩色小纸片。", 4)
		}
	}
	r := newRig(t, long)
	r.win.Resize(fyne.NewSize(1280, 800))
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap("中学生")
	v := r.shell.top().(*soloView)
	r.answerRight(v)
	r.mustHave("答对了！")
	win := r.win.Canvas().Size()
	if h := r.win.Content().MinSize().Height; h > win.Height+1 {
		t.Fatalf("the feedback screen needs %v px of a %v px window", h, win.Height)
	}
	next := r.tappableNow("下一题")
	drv := fyne.CurrentApp().Driver()
	barTop := drv.AbsolutePositionForObject(r.shell.bar).Y
	if bottom := drv.AbsolutePositionForObject(next).Y + next.Size().Height; bottom > barTop+1 {
		t.Fatalf("下一题 ends at %v, under the bar (which starts at %v)", bottom, barTop)
	}
	r.noClipping("long feedback at 1280×800")
}

// TestFeedbackWholeInPortrait: the tall screen shows the whole explanation and its source,
// not a scrolling strip of it (the landscape scroll squeezed it to one line in portrait).
func TestFeedbackWholeInPortrait(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	r.win.Resize(fyne.NewSize(1080, 1920))
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("个人挑战")
	r.tap("中学生")
	v := r.shell.top().(*soloView)
	r.answerRight(v)
	r.mustHave("答对了！", "来源：[NNCC]")
	drv := fyne.CurrentApp().Driver()
	barTop := drv.AbsolutePositionForObject(r.shell.bar).Y
	for _, o := range r.objects() {
		if _, ok := o.(*touch.DragScroll); ok && o.Visible() {
			t.Fatal("the feedback scrolls in portrait")
		}
		if tx, ok := o.(*canvas.Text); ok && strings.HasPrefix(tx.Text, "来源：") {
			if p := drv.AbsolutePositionForObject(tx); p.Y+tx.Size().Height > barTop+1 {
				t.Fatalf("the source line ends at %v, under the bar at %v", p.Y+tx.Size().Height, barTop)
			}
		}
	}
	r.noClipping("feedback in portrait")
}

// TestCountdownStepsBySeconds: the time bar moves with the seconds shown, not at every
// 250 ms tick (each move redraws the screen, which a tap then waits behind).
func TestCountdownStepsBySeconds(t *testing.T) {
	r := newRig(t, withQuiz(&saves{}))
	v := r.startSolo("中学生")
	full := v.timeBar.Value
	if full != 1 {
		t.Fatalf("the bar starts at %v", full)
	}
	r.tick(250 * time.Millisecond) // 29.75 s left: still 30 秒
	r.mustHave("30 秒")
	if v.timeBar.Value != full {
		t.Errorf("the bar moved to %v within the first second", v.timeBar.Value)
	}
	r.tick(750 * time.Millisecond) // 29 s left
	r.mustHave("29 秒")
	if want := 29.0 / 30; v.timeBar.Value != want {
		t.Errorf("after a second the bar is %v, want %v", v.timeBar.Value, want)
	}
}

// Before the day's first contest, the board says what will be on it and how a class gets
// there, with both ways to play, and fits every screen.
func TestEmptyGroupBoardLeadsToAContest(t *testing.T) {
	for _, sz := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}, {Width: 1080, Height: 1920}} {
		r := newRig(t, withQuiz(&saves{}))
		r.visitAt(sz, false)
		r.tap("知识竞答")
		r.tap("今日团体榜")
		r.mustHave("今天还没有团体赛成绩", r.shell.t("quiz.groups.none.how"), "个人挑战", "班级团队赛")
		r.noClipping(fmt.Sprintf("empty group board at %v", sz))
		r.noOverlap()
		r.tap("中 / EN")
		r.mustHave("No group results yet today", "Class team contest")
		r.noClipping(fmt.Sprintf("empty group board in English at %v", sz))
		r.tap("中 / EN")
		r.tap("班级团队赛")
		if r.shell.Modal() != "pin" {
			t.Fatalf("at %v the team contest must ask for the PIN first, modal %q", sz, r.shell.Modal())
		}
		r.enterPIN(testPIN)
		if _, ok := r.shell.top().(*teamSetupView); !ok {
			t.Fatalf("at %v the PIN led to %T, want the team setup", sz, r.shell.top())
		}
	}
	r := newRig(t, withQuiz(&saves{}))
	r.tap("轻触屏幕 开始参观")
	r.tap("知识竞答")
	r.tap("今日团体榜")
	r.tap("个人挑战")
	r.mustHave("请选择你的年龄段")
}
