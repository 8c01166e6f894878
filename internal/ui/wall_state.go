package ui

import (
	"image"
	"image/color"
	"time"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/media"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// wallState is what the shell keeps for the message wall between views: the filter of the
// pack on show, today's messages for the attract loop, rendered drawings and the staff
// review page.
type wallState struct {
	filter       *wall.Filter
	filterSerial uint64
	today        []wall.Message // approved today, newest first (the 今日留言 slide)
	inks         map[string]image.Image
	review       reviewState
	settled      time.Time // when the delivery marks were last brought up to date
	settling     bool
}

// Ink colours of the wall (indexed by wall.Stroke.Color), the paper they go on, and the
// papers of typed cards: pastel, all with dark ink at better than 7:1.
var (
	inkColors      = []color.NRGBA{hex("#1E2A38"), hex("#B0281C"), hex("#1F5FA8")}
	colorPaper     = hex("#FBF7EE")
	colorCardMuted = hex("#5F574E")
	cardPapers     = []color.NRGBA{hex("#FFF4C9"), hex("#FFE1D6"), hex("#DDF1E4"), hex("#DCEBFA"), hex("#EFE3F7"), hex("#F3EEE6")}
	inkAspect      = float32(2) // wide paper: the landscape screen and the wall cards are wide
	inkCacheMax    = 64
)

// wallOn reports whether the kiosk has a message store.
func (s *Shell) wallOn() bool { return s.d.Wall != nil }

// wallFilter is the word filter of the pack on show: its own list, or the app's default.
func (s *Shell) wallFilter() *wall.Filter {
	p := s.pack()
	if s.wall.filter == nil || s.wall.filterSerial != p.Serial() {
		words := content.WallWords(p.Root)
		if words == nil {
			words = assets.WallWords
		}
		s.wall.filter = wall.NewFilter(wall.ParseWords(words))
		s.wall.filterSerial = p.Serial()
	}
	return s.wall.filter
}

// wallWork runs work on a goroutine (it touches the disk) and done with its result on the
// UI thread.
func (s *Shell) wallWork(work func() error, done func(error)) {
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		err := work()
		s.do(func() { done(err) })
	}()
}

// inkImage is a message's drawing rendered once at card resolution.
func (s *Shell) inkImage(m wall.Message) image.Image {
	if img, ok := s.wall.inks[m.ID]; ok {
		return img
	}
	if s.wall.inks == nil || len(s.wall.inks) >= inkCacheMax {
		s.wall.inks = map[string]image.Image{}
	}
	const w = 640
	aspect := float32(inkAspect)
	if m.Ink != nil && m.Ink.Aspect > 0 {
		aspect = m.Ink.Aspect
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, int(w/aspect)))
	wall.Render(img, m.Ink, inkColors, 0.014*w)
	rgba := media.RGBA(img) // once here, not at each page's texture upload
	s.wall.inks[m.ID] = rgba
	return rgba
}

// phraseText is a ready phrase in the visitor's language (from the pack on show), or the
// text it was sent with.
func (s *Shell) phraseText(m wall.Message) (string, *content.WallPhrase) {
	if m.Kind != wall.KindPhrase {
		return m.Text, nil
	}
	if p, ok := s.cat().Wall.Phrase(m.Phrase); ok {
		return s.tx(p.Text), &p
	}
	return m.Text, nil
}

// refreshWallToday reads today's approved messages for the attract loop, off the UI thread.
func (s *Shell) refreshWallToday() {
	if !s.wallOn() {
		return
	}
	now := s.d.Clock.Now()
	y, m, d := now.Date()
	midnight := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	var today []wall.Message
	s.wallWork(func() error {
		var err error
		today, err = s.d.Wall.Since(midnight, 6)
		return err
	}, func(err error) {
		if err != nil {
			s.d.Log.Warn("wall: today's messages", "err", err)
			return
		}
		s.wall.today = today
	})
}

// wallMessageEvent is the event that carries m to the hub in its current state.
func wallMessageEvent(m wall.Message) event.Event {
	c := event.WallContent{Kind: string(m.Kind), Text: m.Text, Phrase: m.Phrase, Group: m.Group, Lang: m.Lang, Created: m.Created}
	if m.Kind == wall.KindInk {
		c.Ink = m.Ink.Encode()
	}
	return event.NewWallMessage(m.ID, string(m.State), c)
}

// settleWallEvery is how often, between visits, the wall's delivery marks are brought up
// to date with the event log.
const settleWallEvery = 24 * time.Hour

// settleWall, in attract and once a day, marks the messages the office has, prunes the
// store, and sends again the messages whose event was lost (wall.Store.Settle), off the
// UI thread. A failure (the event log still opening) is tried again an hour later.
func (s *Shell) settleWall() {
	if !s.wallOn() || s.d.WallDelivery == nil || s.wall.settling {
		return
	}
	now := s.d.Clock.Now()
	if !s.wall.settled.IsZero() && now.Sub(s.wall.settled) < settleWallEvery {
		return
	}
	s.wall.settling = true
	var resend []wall.Message
	s.wallWork(func() error {
		d, err := s.d.WallDelivery()
		if err != nil {
			return err
		}
		resend, err = s.d.Wall.Settle(d)
		return err
	}, func(err error) {
		s.wall.settling = false
		if err != nil {
			s.d.Log.Warn("wall: delivery marks not updated; trying again in an hour", "err", err)
			s.wall.settled = now.Add(time.Hour - settleWallEvery)
			return
		}
		s.wall.settled = now
		for _, m := range resend {
			s.record(wallMessageEvent(m))
		}
	})
}
