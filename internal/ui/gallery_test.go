package ui

import (
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/exhibittest"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/quizbank"
)

// TestGallery walks every screen, checks that no label is cut off, and with
// UPDATE_SCREENSHOTS=DIR (make screenshots) saves each one as a PNG, rendered by Fyne's
// software painter with the real theme, font and content.
func TestGallery(t *testing.T) {
	dir := os.Getenv("UPDATE_SCREENSHOTS")
	shot := func(r *rig, name string) {
		t.Helper()
		r.noClipping(name)
		if dir == "" {
			return
		}
		r.settle()
		img := r.win.Canvas().Capture()
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	if dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}

	r := newRig(t, func(c *rigConfig) {
		c.deps.Records = RecordsDeps{
			Health: func() eventlog.Health {
				return eventlog.Health{Events: 18342, Unsynced: 2210, SizeBytes: 7 << 20, Budget: 1024 << 20}
			},
			Sync: func() evsync.State {
				return evsync.State{Status: evsync.StatusRetrying, Pending: 2210,
					LastError: "dial tcp 10.0.0.5:443: connect: network is unreachable"}
			},
			Export: func(bool, func(int, int)) (int, string, error) { return 0, "", evsync.ErrNothingToExport },
		}
	})
	cat := r.shell.cat()
	shot(r, "01-attract")
	r.tap("轻触屏幕 开始参观")
	shot(r, "02-home")
	r.tap("禁毒历史")
	shot(r, "03-history")
	r.tap(cat.History.Events[len(cat.History.Events)-3].Date[:4])
	r.tap("播放讲解")
	r.player.at(8 * 1e9)
	r.tick(1e9)
	shot(r, "04-history-narration")
	r.tap("首页")
	r.tap("毒品种类")
	shot(r, "05-drugs")
	r.tap("冰毒")
	shot(r, "06-drug-detail")
	r.tap("识破伪装")
	shot(r, "07-spot-question")
	r.tap("可疑，不碰")
	shot(r, "08-spot-answer")
	r.tap("首页")
	r.tap("危害案例")
	shot(r, "09-cases")
	r.tap(cat.Cases.Cases[0].Title.Zh)
	shot(r, "10-case-page")
	r.tap("下一个")
	shot(r, "10-case-page-2") // each page its own picture
	for range cat.Cases.Cases[0].Pages[1:] {
		r.tap("下一个")
	}
	shot(r, "11-case-help")
	r.tick(90 * 1e9)
	shot(r, "12-idle-prompt")
	r.tick(20 * 1e9)
	if r.shell.Depth() != 0 {
		t.Fatalf("not reset: depth %d modal %q", r.shell.Depth(), r.shell.Modal())
	}
	r.openPINPad()
	shot(r, "13-pin-pad")
	r.enterPIN(testPIN)
	shot(r, "14-staff-panel")
	r.tap("关闭面板")

	r.tap("轻触屏幕 开始参观")
	r.tap("中 / EN")
	shot(r, "15-home-english")
	r.tap("History of Drug Control")
	r.tap("Text size")
	shot(r, "16-history-english-large")

	// The quiz, on the bundled bank.
	bank, rep := quiz.Load(quizbank.Files(), assets.Content())
	if rep.Err() != nil {
		t.Fatal(rep.Err())
	}
	rq := newRig(t, func(c *rigConfig) {
		c.pack.Bank = bank
		c.quiz = exhibit.QuizConfig{Timer: 30 * time.Second, RoundSize: 10, Rand: rand.New(rand.NewPCG(626, 1987))}
	})
	rq.tap("轻触屏幕 开始参观")
	shot(rq, "19-home-with-quiz")
	rq.tap("知识竞答")
	shot(rq, "20-quiz-home")
	rq.tap("今日团体榜")
	shot(rq, "20-groups-none")
	rq.tap("个人挑战")
	shot(rq, "21-quiz-age")
	rq.tap("小学生")
	sv := rq.shell.top().(*soloView)
	rq.tick(7 * time.Second)
	shot(rq, "22-quiz-question")
	cur := sv.round.Current()
	rq.tap(rq.shell.tx(cur.Choices[cur.Order[(cur.RightPositions()[0]+1)%len(cur.Order)]]))
	if cur.Type == quiz.Multi {
		rq.tap("提交")
	}
	shot(rq, "23-quiz-feedback")
	rq.tap("下一题")
	for i := 1; i < sv.round.Len(); i++ {
		rq.answerRight(sv)
		if i == 3 {
			shot(rq, "24-quiz-feedback-right")
		}
		if i < sv.round.Len()-1 {
			rq.tap("下一题")
		}
	}
	rq.tap("看成绩")
	shot(rq, "25-quiz-results")
	rq.tap("领取证书")
	shot(rq, "26-quiz-certificate")
	rq.tap("首页")
	rq.tap("知识竞答")
	rq.tap("班级团队赛")
	rq.enterPIN(testPIN)
	rq.tap("4 队")
	rq.tap("轻触输入（可不填）")
	for _, k := range []string{"五", "年级", "2", "班"} {
		rq.tapKey(k)
	}
	shot(rq, "27-team-setup-keypad")
	rq.tap("完成")
	shot(rq, "27-team-setup")
	rq.tap("开始比赛")
	cv := rq.shell.top().(*contestView)
	q := cv.c.Current()
	rq.tick(4 * time.Second)
	shot(rq, "28-team-contest-4")
	cv.answer(cv.c.Turn(), q.RightPositions()[0])
	shot(rq, "29-team-contest-answered")
	for cv.c.Next() {
		cv.answer(cv.c.Index()%4, cv.c.Current().RightPositions()[0])
	}
	cv.finish()
	rq.shell.replace(cv)
	shot(rq, "30-team-ranking")
	rq.tap("今日团体榜")
	shot(rq, "31-groups-today")

	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1080, Height: 1920}} {
		r := newRig(t)
		r.win.Resize(size)
		r.tap("轻触屏幕 开始参观")
		shot(r, "17-home-"+sizeName(size))
		r.tap("毒品种类")
		r.tap(r.shell.cat().Drugs.Drugs[0].Name.Zh)
		shot(r, "18-drug-detail-"+sizeName(size))
	}

	// The staff panel's content-pack page: a valid pack and one signed by a foreign key.
	rp, stick, key := packRig(t)
	_, foreign := exhibittest.Key(t)
	exhibittest.Build(t, exhibittest.DemoRoot(t, map[string]func([]byte) []byte{
		"content/meta.yaml": exhibittest.Replace("南明区禁毒预防教育基地", "花果园禁毒教育基地")}), stick, "guiyang-v2.jkpack", "guiyang", 2, key)
	exhibittest.Build(t, exhibittest.DemoRoot(t, nil), stick, "unknown.jkpack", "other", 9, foreign)
	rp.openStaff()
	rp.tap("内容包")
	shot(rp, "40-staff-packs")
	rp.tap("安装")
	rp.waitFor("已安装")
	shot(rp, "41-staff-pack-installed")
	rp.tap("关闭面板")
	rp.tap("轻触屏幕 开始参观")
	shot(rp, "42-home-new-pack")
}

func sizeName(s fyne.Size) string {
	return fmtInt(int(s.Width)) + "x" + fmtInt(int(s.Height))
}

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
