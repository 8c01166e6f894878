package ui

import (
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/boardgame"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/ui/touch"
	"github.com/jindu-edu/kiosk/quizbank"
)

// withBundledBank puts the bundled quiz bank in the rig's pack.
func withBundledBank(t testing.TB) func(*rigConfig) {
	bank, rep := quiz.Load(quizbank.Files(), assets.Content())
	if rep.Err() != nil {
		t.Fatal(rep.Err())
	}
	return func(c *rigConfig) {
		c.pack.Bank = bank
		c.quiz = exhibit.QuizConfig{Rand: rand.New(rand.NewPCG(626, 15))}
	}
}

// boardStart opens the game from home and starts it with teams teams, naming the first.
func (r *rig) boardStart(teams int) *boardGameView {
	r.t.Helper()
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒大富翁")
	r.mustHave("开始游戏", "队伍数", "年龄段", "时长", "★ 禁毒先锋队", "▲ 阳光少年队")
	r.noClipping("board setup")
	r.tap(fmtInt(teams) + " 队")
	r.tap("★ 禁毒先锋队")
	r.tap("清空")
	for _, k := range []string{"五", "年级", "2", "班"} {
		r.tapKey(k)
	}
	r.mustHave("★ 五年级2班")
	r.tap("完成")
	r.mustHave("★ 五年级2班")
	r.tap("10 分钟")
	r.tap("开始游戏")
	v, ok := r.shell.top().(*boardGameView)
	if !ok {
		r.t.Fatalf("开始游戏 did not start a game; the screen shows:\n%s", r.dump())
	}
	return v
}

// playTurn plays the turn on screen through its taps: roll, then answer (right when right
// is true, else wrong) or close the card, then continue. It reports the card kind met.
func (r *rig) playTurn(v *boardGameView, right bool) string {
	r.t.Helper()
	s := r.shell
	r.tap("点骰子，掷一掷！")
	if v.g.Phase() != boardgame.OnCard {
		return "" // the start square: no card
	}
	c := v.g.Card()
	switch {
	case c.Question != nil:
		q := c.Question
		k := q.RightPositions()[0]
		if !right {
			k = (k + 1) % len(q.Order)
		}
		r.tap(s.tx(q.Choices[q.Order[k]]))
		r.mustHave(s.tx(q.Explanation))
		r.tap("继续")
	case c.Scenario != nil:
		for _, resp := range c.Scenario.Responses {
			if resp.Safe == right {
				r.tap(s.tx(resp.Text))
				break
			}
		}
		r.mustHave("学到的本领")
		r.tap("继续")
	case c.Fact != nil:
		r.mustHave(s.tx(c.Fact.Title), "来源：")
		r.tap("知道了")
	case c.Trap != nil:
		r.mustHave(s.tx(c.Trap.Lesson), "识破伪装")
		r.tap("后退")
	case c.Sunshine != nil:
		r.mustHave(s.tx(c.Sunshine.Title))
		r.tap("收下帮助")
	}
	return c.Kind
}

func TestBoardGameIsPlayedToTheEnd(t *testing.T) {
	r := newRig(t, withBundledBank(t))
	v := r.boardStart(3)
	r.mustHave("轮到 ★ 五年级2班", "第 1 / 8 轮", "剩余 10:00", "点骰子，掷一掷！", "花果园", "青岩古镇")
	r.noClipping("board game")
	if typ := r.events.types(); !strings.Contains(strings.Join(typ, " "), event.QuizStart) {
		t.Fatalf("no game start event: %v", typ)
	}
	start, _ := r.events.last(event.QuizStart)
	if start.Data[event.KeyMode] != event.BoardMode || start.Data[event.KeyTeams] != 3 {
		t.Errorf("start event %+v", start)
	}

	kinds := map[string]bool{}
	turns := 0
	for v.g.Phase() != boardgame.Over {
		if turns++; turns > 100 {
			t.Fatal("the game never ended")
		}
		kinds[r.playTurn(v, turns%3 != 0)] = true
		r.tick(10 * time.Second)
	}
	for _, k := range []string{"question", "scenario"} {
		if !kinds[k] {
			t.Errorf("a whole game met no %s square (%v)", k, kinds)
		}
	}
	if _, ok := r.shell.top().(*boardEndView); !ok {
		t.Fatalf("the end screen is not shown:\n%s", r.dump())
	}
	r.mustHave("游戏结束", "全部 8 轮完成！", "第 1 名", "各队学到了什么", "★ 五年级2班")
	r.noClipping("board end")
	fin, ok := r.events.last(event.QuizFinish)
	if !ok || fin.Data[event.KeyMode] != event.BoardMode || fin.Data[event.KeyReason] != boardgame.EndRounds {
		t.Errorf("finish event %+v", fin)
	}
	if _, ok := r.events.last(event.BoardSquare); !ok {
		t.Error("no square events")
	}
	if a, ok := r.events.last(event.QuizAnswer); ok && a.Data[event.KeyMode] != event.BoardMode {
		t.Errorf("answer event %+v", a)
	}
	r.tap("领取证书")
	right, asked := v.g.QuizScore()
	r.mustHave("禁毒小卫士", "荣誉证书", fmtInt(right)+" / "+fmtInt(asked))
	r.noClipping("board certificate")
	r.tap("再玩一局")
	r.mustHave("开始游戏", "队伍数")
}

// A game in progress waits longer before the idle prompt, asks 还要继续吗？, and goes on
// after a tap; the time limit ends it on the end screen.
func TestBoardGameIdleAndTimeLimit(t *testing.T) {
	r := newRig(t, withBundledBank(t))
	v := r.boardStart(2)
	r.playTurn(v, true)
	r.tick(2 * time.Minute)
	if r.shell.Modal() != "" {
		t.Fatal("a game in progress was prompted after the ordinary idle timeout")
	}
	r.tick(boardgame.IdleTimeout - 2*time.Minute + time.Second)
	if r.shell.Modal() != "idle" {
		t.Fatal("a game in progress was never prompted")
	}
	r.mustHave("还要继续吗？", "继续游戏")
	r.tap("继续游戏")
	if r.shell.Modal() != "" || r.shell.top() != v {
		t.Fatal("继续游戏 did not go back to the game")
	}
	for i := 0; r.shell.top() == v; i++ { // players keep playing until the 10 minutes are up
		if i > 40 {
			t.Fatal("the time limit never ended the game")
		}
		if v.g.Phase() != boardgame.Over {
			r.playTurn(v, true)
		}
		r.tick(40 * time.Second)
	}
	if _, ok := r.shell.top().(*boardEndView); !ok {
		t.Fatalf("the time limit did not end the game:\n%s", r.dump())
	}
	r.mustHave("时间到！")
	if r.shell.v.Held() {
		t.Error("the end screen still holds the visit")
	}
	fin, _ := r.events.last(event.QuizFinish)
	if fin.Data[event.KeyReason] != boardgame.EndTime {
		t.Errorf("finish event %+v", fin)
	}

	// A new game, then nobody: the prompt, then the visit ends and the hold with it.
	r.tap("再玩一局")
	r.tap("开始游戏")
	r.tick(boardgame.IdleTimeout + boardgame.PromptTimeout + 2*time.Second)
	if r.shell.Session().State() != kiosk.Attract || r.shell.v.Held() {
		t.Fatal("an abandoned game kept the visit")
	}
}

// Taps during the die and walk animations finish them: in the real app animations run
// over frames; here the test driver completes them at once, so this checks that a
// finished animation leaves the token on its square and the card on the table.
func TestBoardTokensRestOnTheirSquares(t *testing.T) {
	r := newRig(t, withBundledBank(t))
	v := r.boardStart(4)
	r.tap("点骰子，掷一掷！")
	pos := v.g.Teams()[0].Pos
	if v.shown[0] != pos {
		t.Fatalf("token drawn on %d, the team is on %d", v.shown[0], pos)
	}
	r.settle()
	want := v.ring.tokenPos(0, pos)
	if got := v.tokens[0].Position(); got != want {
		t.Errorf("token at %v, its square's place is %v", got, want)
	}
	if v.anim != nil || v.finish != nil {
		t.Error("an animation is left running")
	}
}

// tapsUnderScroll lists the tappables that lie under a DragScroll: its touch surface
// covers them, so on a real screen they would never receive a tap (the test driver taps
// them directly).
func (r *rig) tapsUnderScroll() []string {
	var out []string
	for _, o := range r.objects() {
		d, ok := o.(*touch.DragScroll)
		if !ok {
			continue
		}
		for _, in := range test.LaidOutObjects(d) {
			if tp, ok := in.(*touch.Tappable); ok {
				var txt []string
				for _, x := range test.LaidOutObjects(tp) {
					if t := textOf(x); t != "" {
						txt = append(txt, t)
					}
				}
				out = append(out, strings.Join(txt, " "))
			}
		}
	}
	return out
}

func (r *rig) fits(where string) {
	r.t.Helper()
	r.noClipping(where)
	if taps := r.tapsUnderScroll(); len(taps) > 0 {
		r.t.Errorf("%s: buttons under a drag-scroll cannot be tapped: %q", where, taps)
	}
}

func TestBoardFitsEverySize(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}, {Width: 1080, Height: 1920}} {
		r := newRig(t, withBundledBank(t))
		r.win.Resize(size)
		r.tap("轻触屏幕 开始参观")
		r.tap("禁毒大富翁")
		r.fits("board setup " + sizeName(size))
		r.shell.home()
		v := r.boardStartFromHome(4)
		r.fits("board " + sizeName(size))
		for i := 0; i < 12 && v.g.Phase() != boardgame.Over; i++ {
			r.tap("点骰子，掷一掷！")
			if v.g.Phase() == boardgame.OnCard {
				r.fits("board card " + v.g.Card().Kind + " " + sizeName(size))
			}
			for v.g.Phase() == boardgame.OnCard {
				if v.g.Card().Answerable() {
					if _, done := v.g.Answered(); !done {
						v.answer(0)
						r.fits("board feedback " + sizeName(size))
						continue
					}
				}
				v.cont()
			}
		}
		for i := 0; i < 60 && r.shell.top() == v; i++ {
			r.tick(20 * time.Second)
			r.shell.activity()
		}
		r.fits("board end " + sizeName(size))
		r.tap("领取证书")
		r.fits("board certificate " + sizeName(size))
	}
}

// TestBoardGallery saves the game's screens with UPDATE_SCREENSHOTS=DIR (make screenshots):
// 2 and 4 teams at 1920×1080, 1280×800 and 1080×1920, a card, the end and the certificate.
func TestBoardGallery(t *testing.T) {
	dir := os.Getenv("UPDATE_SCREENSHOTS")
	if dir == "" {
		t.Skip("UPDATE_SCREENSHOTS=DIR saves the board game's screens (TestBoardFitsEverySize checks them)")
	}
	only := os.Getenv("BOARD_SIZE") // e.g. 1080x1920: one size only
	for _, tc := range []struct {
		teams int
		size  fyne.Size
	}{{2, fyne.NewSize(1920, 1080)}, {4, fyne.NewSize(1920, 1080)}, {4, fyne.NewSize(1280, 800)},
		{2, fyne.NewSize(1080, 1920)}, {4, fyne.NewSize(1080, 1920)}} {
		if only != "" && only != sizeName(tc.size) {
			continue
		}
		r := newRig(t, withBundledBank(t))
		r.win.Resize(tc.size)
		name := fmtInt(tc.teams) + "teams-" + sizeName(tc.size)
		shot := func(what string) {
			t.Helper()
			r.noClipping(what + " " + name)
			if !boardShotKept(what, name) {
				return
			}
			r.settle()
			f, err := os.Create(filepath.Join(dir, "50-board-"+what+"-"+name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := png.Encode(f, r.win.Canvas().Capture()); err != nil {
				t.Fatal(err)
			}
		}
		r.tap("轻触屏幕 开始参观")
		if tc.teams == 2 {
			shot("home")
		}
		r.tap("禁毒大富翁")
		shot("setup")
		r.shell.home()
		v := r.boardStartFromHome(tc.teams)
		for i := 0; i < 3*tc.teams; i++ {
			r.playTurn(v, i%2 == 0)
		}
		shot("game")
		cards := map[string]bool{}
		for i := 0; i < 40 && len(cards) < 5 && v.g.Phase() != boardgame.Over; i++ {
			r.tap("点骰子，掷一掷！")
			if v.g.Phase() != boardgame.OnCard {
				continue
			}
			k := v.g.Card().Kind
			if !cards[k] && (tc.teams == 4 || k == content.SquareScenario) {
				shot("card-" + k)
			}
			cards[k] = true
			if v.g.Card().Answerable() {
				v.answer(0)
				if k == content.SquareScenario || k == content.SquareQuestion {
					shot("answered-" + k)
				}
			}
			v.cont()
		}
		if tc.teams == 4 {
			for i := 0; i < 60 && r.shell.top() == v; i++ {
				r.tick(20 * time.Second)
				r.shell.activity()
			}
			if v.g.Phase() != boardgame.Over {
				r.tap("点骰子，掷一掷！")
			}
			shot("end")
			r.tap("领取证书")
			shot("certificate")
		}
	}
}

// boardShotKept picks the screens docs/screenshots keeps: every game board, the setup and
// the end at each size, every card at 1920×1080, a situation at the other sizes.
func boardShotKept(what, name string) bool {
	switch {
	case what == "game" || what == "setup" || what == "home":
		return true
	case strings.HasPrefix(name, "4teams-1920"):
		return true
	case strings.HasPrefix(name, "4teams"):
		return what == "card-scenario" || what == "answered-scenario" || what == "end" || what == "certificate"
	}
	return false
}

// boardStartFromHome starts a game of teams teams from the home screen (a visit is on).
func (r *rig) boardStartFromHome(teams int) *boardGameView {
	r.t.Helper()
	r.tap("禁毒大富翁")
	r.tap(fmtInt(teams) + " 队")
	r.tap("开始游戏")
	return r.shell.top().(*boardGameView)
}

func TestBoardInEnglishAndLargeText(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 1280, Height: 800}} {
		r := newRig(t, withBundledBank(t))
		r.win.Resize(size)
		r.tap("轻触屏幕 开始参观")
		r.tap("中 / EN")
		r.tap("Drug-Free Journey")
		r.mustHave("Start the game", "★ Pioneers")
		r.fits("English setup " + sizeName(size))
		r.tap("Start the game")
		v := r.shell.top().(*boardGameView)
		r.mustHave("★ Pioneers to play", "Huaguoyuan")
		r.fits("English board " + sizeName(size))
		r.shell.toggleTextSize()
		for i := 0; i < 8 && v.g.Phase() != boardgame.Over; i++ {
			r.tap("Tap the die to roll!")
			if v.g.Phase() == boardgame.OnCard {
				r.fits("English large card " + v.g.Card().Kind + " " + sizeName(size))
				if v.g.Card().Answerable() {
					v.answer(0)
					r.fits("English large feedback " + sizeName(size))
				}
				v.cont()
			}
		}
	}
}
