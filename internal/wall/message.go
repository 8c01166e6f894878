package wall

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind is how a message was written.
type Kind string

// Message kinds.
const (
	KindText   Kind = "text"   // typed on the on-screen keyboard
	KindInk    Kind = "ink"    // written with a finger
	KindPhrase Kind = "phrase" // a ready pledge or sticker from content
)

// State is where a message stands in moderation.
type State string

// Moderation states. Pending waits for staff; Approved is on the wall; Rejected never
// shows; Hidden was on the wall and staff took it down.
const (
	Pending  State = "pending"
	Approved State = "approved"
	Rejected State = "rejected"
	Hidden   State = "hidden"
)

// States lists the states in the order the review queue counts them.
var States = []State{Pending, Approved, Rejected, Hidden}

// Bounds on what one message may hold. A child at the screen stays far inside them; a
// stroke flood (a palm on the glass, a stuck pointer) meets them and is cut, never stored
// whole.
const (
	MaxTextRunes    = 60   // typed text
	MaxGroupRunes   = 16   // the optional group label (初二(3)班)
	MaxStrokes      = 120  // strokes of one drawing
	MaxStrokePoints = 600  // points of one stroke
	MaxPoints       = 2500 // points of one drawing in all: a few lines of large handwriting; its sync form stays under the hub's 16 KB payload
	InkColors       = 3    // ink colours a stroke may use: 0, 1, 2
)

// Point is a position on the ink canvas, 0..1 across and 0..1/Aspect down.
type Point struct {
	X float32 `json:"x"`
	Y float32 `json:"y"`
}

// Stroke is one finger stroke in one of the InkColors.
type Stroke struct {
	Color  int     `json:"c"`
	Points []Point `json:"p"`
}

// Ink is a finger drawing: strokes on a canvas Aspect times as wide as it is high.
type Ink struct {
	Aspect  float32  `json:"aspect"`
	Strokes []Stroke `json:"strokes"`
}

// Points counts the points of all strokes.
func (k *Ink) Points() int {
	n := 0
	for _, s := range k.Strokes {
		n += len(s.Points)
	}
	return n
}

// Empty reports a drawing with nothing on it.
func (k *Ink) Empty() bool { return k == nil || k.Points() == 0 }

// Message is one visitor message. It never holds a name or contact: the filter refuses
// those in typed text, and staff review handwriting.
type Message struct {
	ID      string    // UUIDv7, given by the store
	Kind    Kind      //
	Text    string    // typed text, or the phrase in the visitor's language
	Phrase  string    // id of the ready phrase or sticker (KindPhrase)
	Ink     *Ink      // KindInk
	Group   string    // optional group label
	Lang    string    // zh | en: the visitor's language when writing
	State   State     //
	Created time.Time // when it was sent
	Decided time.Time // when staff last decided on it; zero before
	KioskID string    // the kiosk it was written on (filled in by the store)
}

// Problems with a message as sent.
var (
	ErrEmpty   = errors.New("wall: the message is empty")
	ErrTooLong = errors.New("wall: the message is too long")
	ErrInk     = errors.New("wall: the drawing is malformed")
	ErrKind    = errors.New("wall: unknown message kind")
)

// Check reports what makes m unfit to store: no content, text or label over its bound, a
// drawing beyond its bounds or with points off the canvas.
func (m *Message) Check() error {
	if utf8.RuneCountInString(m.Group) > MaxGroupRunes {
		return fmt.Errorf("%w: group label over %d characters", ErrTooLong, MaxGroupRunes)
	}
	switch m.Kind {
	case KindText, KindPhrase:
		if strings.TrimSpace(m.Text) == "" {
			return ErrEmpty
		}
		if n := utf8.RuneCountInString(m.Text); n > MaxTextRunes && m.Kind == KindText {
			return fmt.Errorf("%w: %d characters, at most %d", ErrTooLong, n, MaxTextRunes)
		}
		if m.Kind == KindPhrase && m.Phrase == "" {
			return fmt.Errorf("%w: a ready phrase without its id", ErrEmpty)
		}
	case KindInk:
		if m.Ink.Empty() {
			return ErrEmpty
		}
		return m.Ink.check()
	default:
		return fmt.Errorf("%w %q", ErrKind, m.Kind)
	}
	return nil
}

func (k *Ink) check() error {
	if !(k.Aspect >= 0.25 && k.Aspect <= 4) {
		return fmt.Errorf("%w: aspect %v", ErrInk, k.Aspect)
	}
	if len(k.Strokes) > MaxStrokes || k.Points() > MaxPoints {
		return fmt.Errorf("%w: %d strokes, %d points (at most %d and %d)", ErrInk, len(k.Strokes), k.Points(), MaxStrokes, MaxPoints)
	}
	for i, s := range k.Strokes {
		if s.Color < 0 || s.Color >= InkColors || len(s.Points) > MaxStrokePoints {
			return fmt.Errorf("%w: stroke %d", ErrInk, i)
		}
		for _, p := range s.Points {
			if !in01(p.X) || !in01(p.Y*k.Aspect) {
				return fmt.Errorf("%w: stroke %d leaves the canvas", ErrInk, i)
			}
		}
	}
	return nil
}

func in01(v float32) bool { return !math.IsNaN(float64(v)) && v >= 0 && v <= 1.0001 }
