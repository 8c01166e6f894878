package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/ui/ink"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// withWall gives the rig a message store in a temporary directory, on the rig's clock.
func withWall(t testing.TB, st **wall.Store) func(*rigConfig) {
	return func(c *rigConfig) {
		now := func() time.Time { return c.deps.Clock.Now() }
		s, err := wall.Open(filepath.Join(t.TempDir(), "wall.db"), wall.Options{KioskID: "k", Now: now})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		c.deps.Wall = s
		*st = s
	}
}

// pad finds the ink canvas on screen.
func (r *rig) pad() *ink.Pad {
	for _, o := range r.objects() {
		if p, ok := o.(*ink.Pad); ok {
			return p
		}
	}
	r.t.Fatalf("no ink pad; the screen shows:\n%s", r.dump())
	return nil
}

// write draws a stroke across the pad, as a finger would.
func (r *rig) write(p *ink.Pad, from fyne.Position, steps int, step fyne.Delta) {
	pos := from
	for i := 0; i < steps; i++ {
		pos = pos.Add(step)
		p.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pos}, Dragged: step})
	}
	p.DragEnd()
}

func (r *rig) count(st *wall.Store, state wall.State) int {
	r.settle()
	c, err := st.Counts()
	if err != nil {
		r.t.Fatal(err)
	}
	return c[state]
}

// TestWallFlow: the tile, an empty wall, a handwritten message that waits for review,
// an empty canvas refused, a ready pledge with a group label that goes up at once, the
// wall showing it, and one message opened large.
func TestWallFlow(t *testing.T) {
	var st *wall.Store
	r := newRig(t, withWall(t, &st))
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒留言")
	r.mustHave("还没有留言，来写第一条吧！", "写下你的禁毒承诺")
	r.tap("写留言")
	r.mustHave("请不要写真实姓名和联系方式", "手写", "选一句")

	r.tap("发送 ➜")
	r.mustHave("纸上还没有字，先写一写吧")
	if r.count(st, wall.Pending) != 0 {
		t.Fatal("an empty canvas was stored")
	}
	p := r.pad()
	r.write(p, fyne.NewPos(100, 100), 40, fyne.Delta{DX: 12, DY: 3})
	r.tap("红")
	p = r.pad()
	r.write(p, fyne.NewPos(120, 300), 30, fyne.Delta{DX: 5, DY: -4})
	r.write(p, fyne.NewPos(400, 400), 5, fyne.Delta{DX: 5, DY: 0})
	r.tap("撤销")
	if d := r.pad().Drawing(); len(d.Strokes) != 2 || d.Strokes[1].Color != 1 {
		t.Fatalf("after undo: %d strokes", len(d.Strokes))
	}
	r.tap("发送 ➜")
	r.mustHave("谢谢你的承诺！", "工作人员看过后，它就会出现在留言墙上")
	if r.count(st, wall.Pending) != 1 {
		t.Fatal("the drawing is not waiting for review")
	}
	ev, ok := r.events.last(event.WallPost)
	if !ok || ev.Data[event.KeyKind] != "ink" || ev.Data[event.KeyState] != "pending" || ev.Session == "" || ev.Item == "" {
		t.Fatalf("wall_post event: %+v", ev)
	}

	r.tap("看留言墙")
	r.mustHave("还没有留言") // the drawing waits
	r.tap("写留言")
	r.tap("选一句")
	r.tap("填写")
	for _, k := range []string{"初", "二", "(", "3", ")", "班"} {
		r.tap(k)
	}
	r.tap("好了")
	r.mustHave("初二(3)班")
	r.tap("珍爱生命，远离毒品")
	r.mustHave("谢谢你的承诺！", "它已经贴到留言墙上了")
	msgs, _ := st.List(wall.Approved, 0, 10)
	if len(msgs) != 1 || msgs[0].Group != "初二(3)班" || msgs[0].Phrase != "cherish-life" {
		t.Fatalf("stored %+v", msgs)
	}
	r.tap("看留言墙")
	r.mustHave("珍爱生命，远离毒品", "初二(3)班", "共 1 条留言")
	r.tap("珍爱生命，远离毒品")
	if r.shell.Modal() != "wall" {
		t.Fatal("the message did not open large")
	}
	if _, ok := r.events.last(event.WallView); !ok {
		t.Fatal("no wall_view event")
	}
	r.tap("关闭")
	if r.shell.Modal() != "" {
		t.Fatal("the large message did not close")
	}
}

// TestWallFilterHolds: typed text with a phone number or a listed word is not stored, the
// visitor is told what to change, and the event names only the rule.
func TestWallFilterHolds(t *testing.T) {
	var st *wall.Store
	r := newRig(t, withWall(t, &st))
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒留言")
	r.tap("写留言")
	v := r.shell.top().(*composeView)
	v.send(wall.Message{Kind: wall.KindText, Text: "我的电话 138 1234 5678"})
	r.mustHave("请不要写电话、QQ、微信、邮箱、网址或证件号")
	v.send(wall.Message{Kind: wall.KindText, Text: "有货私聊"})
	r.mustHave("这句话里有不适合上墙的词")
	v.send(wall.Message{Kind: wall.KindText, Text: strings.Repeat("好", wall.MaxTextRunes+1)})
	r.mustHave("留言没能保存")
	if n := r.count(st, wall.Pending) + r.count(st, wall.Approved); n != 0 {
		t.Fatalf("%d held messages stored", n)
	}
	ev, _ := r.events.last(event.WallHeld)
	if ev.Data[event.KeyReason] != "word" || len(ev.Data) != 1 {
		t.Fatalf("wall_held %+v", ev)
	}
	v.send(wall.Message{Kind: wall.KindText, Text: "远离冰毒，珍爱生命"})
	r.mustHave("谢谢你的承诺！", "它已经贴到留言墙上了")
}

// TestWallReview: the staff queue counts, approves one, approves a page, hides one; each
// decision is a staff event; the wall and the attract slide follow.
func TestWallReview(t *testing.T) {
	var st *wall.Store
	r := newRig(t, withWall(t, &st))
	drawing := &wall.Ink{Aspect: inkAspect, Strokes: []wall.Stroke{{Points: []wall.Point{{X: 0.1, Y: 0.1}, {X: 0.6, Y: 0.5}}}}}
	var ids []string
	for i := 0; i < 4; i++ {
		m, err := st.Add(wall.Message{Kind: wall.KindInk, Ink: drawing})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	r.openStaff()
	r.tap("留言审核")
	r.mustHave("待审核 4 · 已上墙 0 · 未通过 0 · 已隐藏 0", "本页全部通过（4 条）")
	r.tap("不通过")
	r.mustHave("待审核 3 · 已上墙 0 · 未通过 1")
	r.tap("通过")
	r.mustHave("待审核 2 · 已上墙 1")
	r.tap("本页全部通过（2 条）")
	r.mustHave("待审核 0 · 已上墙 3 · 未通过 1", "这里没有留言")
	r.tap("已上墙")
	r.tap("隐藏")
	r.mustHave("已上墙 2 · 未通过 1 · 已隐藏 1")
	var actions []string
	for _, e := range r.events.all {
		if e.Type == event.StaffWall {
			if e.Session != "" || e.Item == "" {
				t.Fatalf("staff event %+v", e)
			}
			actions = append(actions, e.Data[event.KeyAction].(string))
		}
	}
	if got := strings.Join(actions, ","); got != "reject,approve,approve_page,approve_page,hide" {
		t.Fatalf("staff events %s", got)
	}
	var carried []string
	for _, e := range r.events.all {
		if e.Type == event.WallMessage {
			carried = append(carried, e.Data[event.KeyState].(string))
			if e.Data[event.KeyState] == "approved" {
				if ink, _ := e.Data[event.KeyInk].(string); ink == "" {
					t.Fatalf("approved drawing travels without its ink: %+v", e.Data)
				}
			}
		}
	}
	if got := strings.Join(carried, ","); got != "approved,approved,approved,hidden" {
		t.Fatalf("wall_message events %s", got)
	}

	// Handwriting without review, then 今日留言 in the attract loop.
	r.tap("关")
	if !r.shell.v.Settings().WallInkAtOnce {
		t.Fatal("setting not changed")
	}
	r.tap("关闭")
	r.settle()
	for i := 0; i < 10 && !r.has("今日留言"); i++ {
		r.tick(8 * time.Second)
	}
	r.mustHave("今日留言")
}

// TestWallEnglish: the wall and 写留言 in English; a ready pledge goes up in English.
func TestWallEnglish(t *testing.T) {
	var st *wall.Store
	r := newRig(t, withWall(t, &st))
	r.tap("轻触屏幕 开始参观")
	r.tap("中 / EN")
	r.tap("Message Wall")
	r.tap("Write a message")
	r.mustHave("Please do not write real names or contact details", "Handwrite", "Pick a pledge")
	r.tap("Pick a pledge")
	r.tap("Say no")
	r.mustHave("Thank you for your pledge!")
	msgs, _ := st.List(wall.Approved, 0, 1)
	if len(msgs) != 1 || msgs[0].Lang != "en" || msgs[0].Text != "Say no" {
		t.Fatalf("stored %+v", msgs)
	}
}

// TestWallPaging: 30 messages page by the bar's pager, newest first.
func TestWallPaging(t *testing.T) {
	var st *wall.Store
	r := newRig(t, withWall(t, &st))
	for i := 0; i < 30; i++ {
		if _, err := st.Add(wall.Message{Kind: wall.KindPhrase, Phrase: "x", Text: strings.Repeat("好", i%5+1) + string(rune('A'+i%26)), State: wall.Approved}); err != nil {
			t.Fatal(err)
		}
		r.clock.Advance(time.Second)
	}
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒留言")
	r.mustHave("共 30 条留言", "好好好好好D") // i = 29: the newest first
	cols, rows := r.shell.wallGrid()
	if r.shell.cur.pager == nil || r.shell.cur.pager.total != (30+cols*rows-1)/(cols*rows) {
		t.Fatal("no pager")
	}
	r.shell.cur.pager.move(1)
	r.settle()
	if r.has("好好好好好D") {
		t.Fatal("page 2 still shows the newest")
	}
}

// TestWallKeyboard: the keyboard mode types through pinyin (Chinese) or letters
// (English); what it holds is filtered and sent as text, shown at once.
func TestWallKeyboard(t *testing.T) {
	var st *wall.Store
	r := newRig(t, withWall(t, &st))
	r.tap("轻触屏幕 开始参观")
	r.tap("禁毒留言")
	r.tap("写留言")
	r.tap("拼音键盘")
	v := r.shell.top().(*composeView)
	if v.keys == nil || v.keys.kb.English() {
		t.Fatal("no Chinese keyboard")
	}
	r.tap("发送 ➜")
	r.mustHave("还没有输入文字")
	v.keys.kb.SetText("加我微信 kid2026")
	r.tap("发送 ➜")
	r.mustHave("请不要写电话、QQ、微信")
	if v.keys.kb.Text() != "加我微信 kid2026" {
		t.Fatal("held text was lost: the visitor should change it, not retype it")
	}
	v.keys.kb.SetText("我们一起远离毒品！")
	r.tap("发送 ➜")
	r.mustHave("谢谢你的承诺！", "我们一起远离毒品！", "它已经贴到留言墙上了")
	msgs, _ := st.List(wall.Approved, 0, 1)
	if len(msgs) != 1 || msgs[0].Kind != wall.KindText {
		t.Fatalf("stored %+v", msgs)
	}

	r.tap("再写一条")
	r.tap("中 / EN")
	r.tap("Keyboard")
	if v := r.shell.top().(*composeView); !v.keys.kb.English() {
		t.Fatal("English mode does not type English")
	}
}
