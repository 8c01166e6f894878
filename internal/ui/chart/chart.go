// Package chart draws small bar, line and funnel charts from Fyne canvas objects, so that
// their labels use the app's theme font (the bundled Chinese face) at the size the caller
// gives, and stay sharp at every screen resolution. The data comes ready-made from the
// caller (the staff panel reads it from the event log's aggregate queries).
package chart

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Kind is the shape of a chart.
type Kind int

// Chart kinds.
const (
	Bars   Kind = iota // horizontal bars, one row per point: label, bar, value
	Line               // values over a row of labels (hours, days), joined by a line
	Funnel             // centred bars narrowing step by step, each with its share of the first
)

// Point is one value and its label; Text is the value as shown ("62%", "3 分钟"), and
// Color, if set, overrides the chart's colour for this point (bars only).
type Point struct {
	Label string
	Value float64
	Text  string
	Color color.Color
}

// Chart is a chart widget. Set the fields, then Refresh after changing them.
type Chart struct {
	widget.BaseWidget
	Kind   Kind
	Points []Point
	// Max is the value of a full-length bar or the top of the line; 0 uses the largest value.
	Max float64
	// Color fills bars, the line and the funnel; Text and Muted colour values and labels.
	Color, Text, Muted color.Color
	// TextSize is the labels' size in pixels; MinHeight the chart's least height.
	TextSize  float32
	MinHeight float32
	// Empty is shown instead of the chart when there are no points or all are zero.
	Empty string

	drawn drawing
}

// New makes a chart of kind k.
func New(k Kind, points []Point, c color.Color) *Chart {
	ch := &Chart{Kind: k, Points: points, Color: c, Text: color.White, Muted: color.NRGBA{R: 0xC3, G: 0xD0, B: 0xE2, A: 0xFF},
		TextSize: 24, MinHeight: 200}
	ch.ExtendBaseWidget(ch)
	return ch
}

// CreateRenderer implements fyne.Widget.
func (c *Chart) CreateRenderer() fyne.WidgetRenderer { return &renderer{c: c, drawing: &c.drawn} }

// max is the scale's top value.
func (c *Chart) max() float64 {
	if c.Max > 0 {
		return c.Max
	}
	m := 0.0
	for _, p := range c.Points {
		m = max(m, p.Value)
	}
	return m
}
