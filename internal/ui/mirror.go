package ui

import (
	"image"
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/mirror"
)

// mirrorView is the 看看"吸毒后的你" station: the visitor's live face (or an illustrated
// one) beside the same face after 1, 3 or 5 years of drug use, with what causes each change.
// Frames come from the station's goroutine straight into two picture objects; the view is
// rebuilt only when the visitor taps.
type mirrorView struct {
	s    *Shell
	zone content.Zone

	st          *mirror.Station
	live, aged  *canvas.Image
	stage       int // index into stages; -1: now
	drug        string
	camera      bool
	furthest    int
	since       time.Time
	pending     bool // a frame pair is on its way to the screen
	marker      *canvas.Text
	startedFace bool
	shown       frameCount // frame pairs put on screen, logged each minute and on leaving
}

// frameCount counts the frame pairs shown, for the log line staff and the bench read
// (mirror frames shown=N fps=F): how smoothly the station runs on this machine.
type frameCount struct {
	since, mark time.Time
	n, markN    int
}

// add counts one pair; every minute it returns the frames per second since the last report.
func (c *frameCount) add(now time.Time) (fps float64, report bool) {
	if c.since.IsZero() {
		c.since, c.mark = now, now
	}
	c.n++
	if el := now.Sub(c.mark); el >= time.Minute {
		fps = float64(c.n-c.markN) / el.Seconds()
		c.mark, c.markN = now, c.n
		return fps, true
	}
	return 0, false
}

func newMirrorView(s *Shell, z content.Zone) *mirrorView {
	v := &mirrorView{s: s, zone: z, stage: -1, drug: content.MirrorMeth}
	if ds := s.cat().Mirror.Drugs; len(ds) > 0 {
		v.drug = ds[0].ID
	}
	// One transparent pixel each until the first frame pair (see imageCache.blank).
	v.live = &canvas.Image{FillMode: canvas.ImageFillContain, ScaleMode: canvas.ImageScaleFastest, Image: s.images.blank}
	v.aged = &canvas.Image{FillMode: canvas.ImageFillContain, ScaleMode: canvas.ImageScaleFastest, Image: s.images.blank}
	return v
}

// enter opens the camera (or the illustrated faces, decoded off the UI thread first).
func (v *mirrorView) enter() {
	s := v.s
	v.since = s.d.Clock.Now()
	v.furthest = 0
	cam := s.d.Camera
	if faces := s.readyFaces(); faces != nil { // decoded ahead: the page is drawn with the station on
		v.begin(cam, faces)
		if !v.camera && v.stage < 0 && v.st.Face() == 0 && s.faces.first != nil {
			// No camera (none, or it would not open): the first face, now, is what the
			// station's first pair will show (the effect changes nothing at 现在). The page's
			// first frame shows it, and that pair then changes no pixel.
			v.live.Image, v.aged.Image = s.faces.first, s.faces.first
		}
		return
	}
	root, m := s.pack().Root, s.cat().Mirror
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		faces := s.decodeFaces(root, m)
		s.do(func() { v.start(cam, faces) })
	}()
}

// start runs the station once the faces are ready, if the visitor is still here, and
// draws the page again with it.
func (v *mirrorView) start(cam mirror.Camera, faces []image.Image) {
	if v.s.top() != view(v) || v.st != nil {
		return
	}
	v.begin(cam, faces)
	v.s.render()
}

// begin opens the camera (or the chosen face) and starts the frames.
func (v *mirrorView) begin(cam mirror.Camera, faces []image.Image) {
	s := v.s
	v.st = mirror.NewStation(mirror.Config{
		Camera: cam, Faces: faces,
		Deliver: func(live, aged *image.RGBA) { s.do(func() { v.show(live, aged) }) },
		Effect:  s.faces.fx, // made ahead with the faces (nil: the station makes it)
		CameraProblem: func(err error) {
			s.d.Log.Warn("mirror camera not used", "err", err)
			s.do(func() { s.cameraNote = s.t("mirror.staff_no_camera") })
		},
	})
	v.st.SetParams(v.params())
	v.camera = v.st.Enter()
	v.startedFace = !v.camera
}

// show puts a frame pair on screen (UI thread) and lets the station send the next.
func (v *mirrorView) show(live, aged *image.RGBA) {
	if v.st == nil || v.s.top() != view(v) {
		return
	}
	v.live.Image, v.aged.Image = live, aged
	v.live.Refresh()
	v.aged.Refresh()
	if fps, ok := v.shown.add(time.Now()); ok {
		v.s.d.Log.Info("mirror frames", "shown", v.shown.n, "fps", strconv.FormatFloat(fps, 'f', 1, 64))
	}
	if cam := v.st.UsingCamera(); cam != v.camera { // the camera went mid-visit
		v.camera = cam
		v.s.render()
	}
	v.st.Shown()
}

// leave closes the camera, forgets the frames and logs the use (never a frame).
func (v *mirrorView) leave() {
	if v.st != nil {
		v.st.Leave()
		v.st = nil
	}
	v.live.Image, v.aged.Image = v.s.images.blank, v.s.images.blank
	if c := v.shown; c.n > 0 {
		el := time.Since(c.since).Seconds()
		v.s.d.Log.Info("mirror frames", "shown", c.n, "fps", strconv.FormatFloat(float64(c.n)/max(el, 1e-3), 'f', 1, 64), "left", true)
	}
	v.shown = frameCount{}
	v.s.record(event.NewMirrorUse(v.zone.ID, v.furthest, v.camera, v.drug, v.s.d.Clock.Now().Sub(v.since)))
}

func (v *mirrorView) params() mirror.Params {
	p := mirror.Params{Soft: v.s.primaryMode()}
	if v.drug == content.MirrorHeroin {
		p.Variant = mirror.Heroin
	}
	if st := v.s.cat().Mirror.Stages; v.stage >= 0 && v.stage < len(st) {
		p.Years = st[v.stage].Years
	}
	return p
}

// setStage shows stage i (-1: now) and reads its first caption aloud.
func (v *mirrorView) setStage(i int) {
	v.stage = i
	p := v.params()
	v.furthest = max(v.furthest, p.Years)
	if v.st != nil {
		v.st.SetParams(p)
	}
	v.s.narrSrc = nil
	if ch := v.changes(); len(ch) > 0 {
		v.s.narrate(ch[0].Narration, v.zone.ID, "stage-"+strconv.Itoa(p.Years))
	}
	v.s.render()
}

func (v *mirrorView) setDrug(id string) {
	v.drug = id
	v.setStage(v.stage)
}

func (v *mirrorView) changes() []content.MirrorChange {
	st := v.s.cat().Mirror.Stages
	if v.stage < 0 || v.stage >= len(st) {
		return nil
	}
	return st[v.stage].ChangesFor(v.drug, v.s.primaryMode())
}

func (v *mirrorView) build() screen {
	s := v.s
	m := s.cat().Mirror
	var chips []fyne.CanvasObject
	if len(m.Drugs) > 1 {
		for _, d := range m.Drugs {
			id := d.ID
			chips = append(chips, s.chip(s.tx(d.Name), v.drug == id, func() { v.setDrug(id) }))
		}
	}
	vp := s.viewport()
	portrait := vp.Height > vp.Width
	var right fyne.CanvasObject
	if len(chips) > 0 && (portrait || !s.narrow()) {
		right = container.NewHBox(chips...)
	}
	head := s.header(v.zone, right)

	// The two pictures take what is left beside the captions (landscape) or above them
	// (portrait), 4:3, at most 640×480.
	picW := (vp.Width*0.64 - 72) / 2
	if portrait {
		picW = (vp.Width - 72) / 2
	}
	picH := min(480, picW*3/4)
	if !portrait {
		picH = min(picH, vp.Height-560) // header, titles, the stage and face rows, the bar
		if vp.Height < 900 {
			picH = min(480, picW*3/4, vp.Height-460) // the face row goes to the side column
		}
	}
	pics := container.NewGridWithColumns(2,
		v.frame(s.t("mirror.now"), v.live, picH, false),
		v.frame(v.stageLabel(), v.aged, picH, true))

	stages := container.NewHBox(layout.NewSpacer(), s.chip(s.t("mirror.now"), v.stage < 0, func() { v.setStage(-1) }))
	for i, st := range m.Stages {
		i := i
		stages.Add(s.chip(s.tx(st.Label), v.stage == i, func() { v.setStage(i) }))
	}
	stages.Add(layout.NewSpacer())

	status := s.label("● "+s.t("mirror.camera_on"), sizeSmall, true, hex("#FF6B5E"))
	if !v.camera {
		status = s.label(s.t("mirror.pick_face"), sizeSmall, true, colorHeading)
	}
	v.marker = status
	notice := s.label(s.tx(m.Notice), sizeSmall, false, colorMuted)
	statusRow := container.NewHBox(status, layout.NewSpacer(), notice)

	left := container.NewVBox(statusRow, pics, stages)
	side := v.captions()
	short := !portrait && vp.Height < 900 // 1280×800: the choices go to the side column
	if !v.camera && v.st != nil && len(m.Faces) > 1 {
		faces := container.NewHBox(layout.NewSpacer())
		for i, f := range m.Faces {
			i := i
			faces.Add(s.chip(s.tx(f.Label), v.st.Face() == i, func() { v.st.PickFace(i); s.render() }))
		}
		faces.Add(layout.NewSpacer())
		if short {
			side = container.NewVBox(faces, side)
		} else {
			left.Add(faces)
		}
	}
	if right == nil && len(chips) > 0 { // small landscape: the drug choice heads the captions
		side = container.NewVBox(container.NewHBox(chips...), side)
	}
	var body fyne.CanvasObject
	if portrait {
		body = container.NewBorder(left, nil, nil, nil, s.scrollText(side))
	} else {
		sideBox := container.NewGridWrap(fyne.NewSize(vp.Width*0.3, 0), layout.NewSpacer())
		body = container.NewBorder(nil, nil, nil, container.NewStack(sideBox, s.scrollText(side)), left)
	}
	return screen{body: container.NewBorder(head, nil, nil, nil, padded(24, body)), zone: v.zone.ID}
}

// frame is one picture with its title and the face guide drawn over it.
func (v *mirrorView) frame(title string, img *canvas.Image, h float32, aged bool) fyne.CanvasObject {
	s := v.s
	bg := canvas.NewRectangle(color.NRGBA{0x0B, 0x1A, 0x2E, 0xFF})
	bg.CornerRadius = 20
	sp := canvas.NewRectangle(color.Transparent)
	sp.SetMinSize(fyne.NewSize(h*4/3, h))
	guide := container.New(&ovalLayout{}, ovalOutline(aged))
	c := colorText
	if aged {
		c = colorHeading
	}
	t := s.label(title, sizeLead, true, c)
	t.Alignment = fyne.TextAlignCenter
	return container.NewBorder(t, nil, nil, nil, container.NewStack(sp, bg, img, guide))
}

func (v *mirrorView) stageLabel() string {
	st := v.s.cat().Mirror.Stages
	if v.stage < 0 || v.stage >= len(st) {
		return v.s.t("mirror.after")
	}
	return v.s.t("mirror.after") + " · " + v.s.tx(st[v.stage].Label)
}

// captions is the side column: the guide or intro, what causes each change, the ending.
func (v *mirrorView) captions() fyne.CanvasObject {
	s := v.s
	m := s.cat().Mirror
	col := container.NewVBox()
	if v.stage < 0 {
		col.Add(s.para(s.tx(m.Guide), sizeHeading, true, ""))
		col.Add(s.para(s.tx(m.Intro), sizeBody, false, ""))
		col.Add(s.para(s.t("mirror.tap_stage"), sizeBody, true, colorNameMuted))
		return col
	}
	ch := v.changes()
	texts := make([]content.Text, 0, len(ch))
	for _, c := range ch {
		texts = append(texts, c.Caption)
		row := container.NewVBox(
			s.para(s.tx(c.Caption), sizeBody, false, ""),
			s.label(s.t("mirror.source", c.Source), sizeSmall, false, colorMuted))
		col.Add(card(colorSurface, 20, 18, row))
	}
	if len(ch) > 0 {
		col.Add(s.narration(content.Caption(s.v.Lang(), texts...)))
	}
	if st := m.Stages; v.stage == len(st)-1 {
		col.Add(card(colorAccent, 24, 20, s.para(s.tx(m.Ending), sizeLead, true, "")))
	}
	return col
}

// ovalOutline is the face guide: an ellipse outline where the face goes (and the change is drawn).
func ovalOutline(aged bool) *canvas.Circle {
	c := canvas.NewCircle(color.Transparent)
	c.StrokeColor = color.NRGBA{0xFF, 0xFF, 0xFF, 0xB0}
	if aged {
		c.StrokeColor = color.NRGBA{0xF5, 0xB9, 0x4A, 0x90}
	}
	c.StrokeWidth = 4
	return c
}

// ovalLayout places the guide over a 4:3 frame shown contained in its box, at the place
// mirror.Guide has in the frame.
type ovalLayout struct{}

func (ovalLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fw, fh := size.Width, size.Width*float32(mirror.FrameH)/float32(mirror.FrameW)
	if fh > size.Height {
		fh = size.Height
		fw = fh * float32(mirror.FrameW) / float32(mirror.FrameH)
	}
	k := fw / float32(mirror.FrameW)
	x0, y0 := (size.Width-fw)/2, (size.Height-fh)/2
	g := mirror.Guide
	for _, o := range objs {
		o.Move(fyne.NewPos(x0+float32(g.CX-g.RX)*k, y0+float32(g.CY-g.RY)*k))
		o.Resize(fyne.NewSize(float32(2*g.RX)*k, float32(2*g.RY)*k))
	}
}

func (ovalLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 0) }
