package chart

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// texts lists the chart's texts with where they are.
func texts(c *Chart) map[string]fyne.Position {
	out := map[string]fyne.Position{}
	for _, o := range test.WidgetRenderer(c).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			out[t.Text] = t.Position()
		}
	}
	return out
}

func within(t *testing.T, c *Chart) {
	t.Helper()
	for _, o := range test.WidgetRenderer(c).Objects() {
		p, s := o.Position(), o.Size()
		if _, ok := o.(*canvas.Line); ok {
			continue
		}
		if p.X < -0.5 || p.Y < -0.5 || p.X+s.Width > c.Size().Width+0.5 || p.Y+s.Height > c.Size().Height+0.5 {
			t.Errorf("%T at %v size %v outside %v", o, p, s, c.Size())
		}
	}
}

func TestBarsScaleAndFit(t *testing.T) {
	test.NewTempApp(t)
	c := New(Bars, []Point{{Label: "禁毒历史", Value: 10, Text: "10 分钟"}, {Label: "一个非常非常长的展区名字要被截短", Value: 5, Text: "5 分钟"}},
		color.NRGBA{G: 0xFF, A: 0xFF})
	c.Resize(fyne.NewSize(400, 120)) // too low for a label above each bar
	within(t, c)
	var bars []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(c).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == c.Color {
			bars = append(bars, r)
		}
	}
	if len(bars) != 2 || bars[1].Size().Width*2 != bars[0].Size().Width {
		t.Fatalf("bars not to scale: %d bars", len(bars))
	}
	tx := texts(c)
	if _, ok := tx["禁毒历史"]; !ok {
		t.Error("short label missing")
	}
	if _, ok := tx["一个非常非常长的展区名字要被截短"]; ok {
		t.Error("a too-long label is not cut")
	}
}

// TestBarsKeepAZoneNameWhole: a bars card as narrow as the staff overview's at 1280×800
// shows the longest bundled zone name whole (it was cut to 看看“吸… at a 38% column).
func TestBarsKeepAZoneNameWhole(t *testing.T) {
	test.NewTempApp(t)
	c := New(Bars, []Point{{Label: "看看“吸毒后的你”", Value: 10, Text: "10 分钟"}, {Label: "禁毒历史", Value: 5, Text: "5 分钟"}},
		color.NRGBA{G: 0xFF, A: 0xFF})
	c.Resize(fyne.NewSize(c.TextSize*17, 200)) // the card at 1280×800: a narrow track
	within(t, c)
	if _, ok := texts(c)["看看“吸毒后的你”"]; !ok {
		t.Errorf("the zone name was cut: %v", texts(c))
	}
}

// TestBarsStackLongLabels: where a label would be cut and the chart is tall enough, every
// label has a line of its own, whole, above its bar (the staff overview's dwell card in
// portrait is narrow and tall).
func TestBarsStackLongLabels(t *testing.T) {
	test.NewTempApp(t)
	pts := []Point{{Label: "看看“吸毒后的你”", Value: 10, Text: "10 分钟"}, {Label: "禁毒历史", Value: 5, Text: "5 分钟"},
		{Label: "毒品种类", Value: 2, Text: "2 分钟"}}
	c := New(Bars, pts, color.NRGBA{G: 0xFF, A: 0xFF})
	c.Resize(fyne.NewSize(c.TextSize*11, 400))
	within(t, c)
	tx := texts(c)
	var bars []*canvas.Rectangle
	for _, o := range test.WidgetRenderer(c).Objects() {
		if r, ok := o.(*canvas.Rectangle); ok && r.FillColor == c.Color {
			bars = append(bars, r)
		}
	}
	if len(bars) != len(pts) {
		t.Fatalf("%d bars for %d points", len(bars), len(pts))
	}
	for i, p := range pts {
		at, ok := tx[p.Label]
		if !ok {
			t.Errorf("%s was cut: %v", p.Label, tx)
			continue
		}
		if b := bars[i]; at.Y >= b.Position().Y || b.Position().X != 0 {
			t.Errorf("%s at %v is not above its bar at %v", p.Label, at, b.Position())
		}
	}
	if bars[1].Size().Width*2 != bars[0].Size().Width {
		t.Error("stacked bars not to scale")
	}
}

// TestBarsStackCompactly: a card too low for a label line and a bar line per row (the
// dwell card at 1280×800, six zones) puts each value after its label, over a thinner bar,
// and still shows every label whole.
func TestBarsStackCompactly(t *testing.T) {
	test.NewTempApp(t)
	names := []string{"知识竞答", "毒品种类", "禁毒大富翁", "危害案例", "看看“吸毒后的你”", "情景体验"}
	var pts []Point
	for i, n := range names {
		pts = append(pts, Point{Label: n, Value: float64(10 - i), Text: "0分1" + string(rune('0'+i)) + "秒"})
	}
	c := New(Bars, pts, color.NRGBA{G: 0xFF, A: 0xFF})
	c.Resize(fyne.NewSize(c.TextSize*14, 300))
	within(t, c)
	tx := texts(c)
	for _, p := range pts {
		at, ok := tx[p.Label]
		if !ok {
			t.Errorf("%s was cut: %v", p.Label, tx)
			continue
		}
		if v := tx[p.Text]; v.Y > at.Y+c.TextSize/2 || v.X <= at.X {
			t.Errorf("%s: value %s at %v is not after the label at %v", p.Label, p.Text, v, at)
		}
	}
}

func TestLineAndFunnelAndEmpty(t *testing.T) {
	test.NewTempApp(t)
	var pts []Point
	for h := range 13 {
		pts = append(pts, Point{Label: "10时", Value: float64(h % 5), Text: "n"})
	}
	l := New(Line, pts, color.White)
	l.Resize(fyne.NewSize(300, 200))
	within(t, l)
	labels := 0
	for _, o := range test.WidgetRenderer(l).Objects() {
		if t, ok := o.(*canvas.Text); ok && t.Text == "10时" {
			labels++
		}
	}
	if labels == 0 || labels == 13 {
		t.Errorf("%d hour labels on a 300 px line: want some, not all", labels)
	}
	f := New(Funnel, []Point{{Label: "开始参观", Value: 100, Text: "100"}, {Label: "完成答题", Value: 25, Text: "25 · 25%"}}, color.White)
	f.Resize(fyne.NewSize(400, 160))
	within(t, f)
	if _, ok := texts(f)["25 · 25%"]; !ok {
		t.Error("funnel step text missing")
	}
	narrow := New(Funnel, []Point{{Label: "开始参观", Value: 100, Text: "1"}, {Label: "再答检测题", Value: 0, Text: "0 · 0%"}}, color.White)
	narrow.Resize(fyne.NewSize(narrow.TextSize*9, 300)) // the portrait card: narrow and tall, 再答检测题 over 40% of it
	within(t, narrow)
	if _, ok := texts(narrow)["再答检测题"]; !ok {
		t.Errorf("a funnel label was cut in a narrow card: %v", texts(narrow))
	}
	e := New(Bars, nil, color.White)
	e.Empty = "暂无数据"
	e.Resize(fyne.NewSize(300, 100))
	if _, ok := texts(e)["暂无数据"]; !ok {
		t.Error("an empty chart does not say so")
	}
}
