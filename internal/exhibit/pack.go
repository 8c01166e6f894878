package exhibit

import (
	"fmt"
	"io/fs"
	"sync"
	"sync/atomic"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// Pack is one loaded content root: what every zone and the quiz show. A Pack never changes
// after loading; new content is a new Pack.
type Pack struct {
	Root     fs.FS            // the content root the catalog's media paths refer to
	Catalog  *content.Catalog // zones, history, drugs, cases, attract
	Bank     *quiz.Bank       // the quiz bank (the root's own, or the bundled one)
	Source   string           // "bundled demo", a directory, or an installed pack's id
	Problems []lint.Problem   // warnings of the load (or the errors that caused a fallback)
	Fallback string           // why the wanted content was not used ("" when it was)
	// PackID and PackVersion name an installed content pack (from its signed manifest);
	// empty for the bundled content or a content directory, which go by their meta.yaml.
	PackID      string
	PackVersion int64
	serial      uint64 // set by the Shelf: tells two loads of the same root apart
}

// Version is the content version events carry: "<pack id>-v<version>".
func (p *Pack) Version() string {
	switch {
	case p == nil || p.Catalog == nil:
		return ""
	case p.PackID != "":
		return fmt.Sprintf("%s-v%d", p.PackID, p.PackVersion)
	}
	return fmt.Sprintf("%s-v%d", p.Catalog.Meta.PackID, p.Catalog.Meta.Version)
}

// Number is the content's version number: the pack's, else meta.yaml's.
func (p *Pack) Number() int64 {
	switch {
	case p == nil || p.Catalog == nil:
		return 0
	case p.PackID != "":
		return p.PackVersion
	}
	return int64(p.Catalog.Meta.Version)
}

// Serial numbers the packs a Shelf has held, from 1; a view cache keyed by it never mixes
// two packs' media.
func (p *Pack) Serial() uint64 {
	if p == nil {
		return 0
	}
	return p.serial
}

// HasQuiz reports whether the quiz zone has questions to deal.
func (p *Pack) HasQuiz() bool { return p != nil && p.Bank != nil && len(p.Bank.Questions) > 0 }

// Shelf holds the pack on show behind one atomic pointer. Swap replaces it and tells the
// subscribers; readers never see a half-loaded pack.
type Shelf struct {
	cur  atomic.Pointer[Pack]
	mu   sync.Mutex
	next uint64
	subs map[int]func(*Pack)
	sub  int
}

// NewShelf holds first.
func NewShelf(first *Pack) *Shelf {
	s := &Shelf{subs: map[int]func(*Pack){}}
	s.Swap(first)
	return s
}

// Current is the pack on show.
func (s *Shelf) Current() *Pack { return s.cur.Load() }

// Swap puts p on show and calls every subscriber with it, on the caller's goroutine (the
// UI hops to its own thread). A nil p is ignored: there is always something to show.
func (s *Shelf) Swap(p *Pack) {
	if p == nil {
		return
	}
	s.mu.Lock()
	s.next++
	p.serial = s.next
	s.cur.Store(p)
	subs := make([]func(*Pack), 0, len(s.subs))
	for _, f := range s.subs {
		subs = append(subs, f)
	}
	s.mu.Unlock()
	for _, f := range subs {
		f(p)
	}
}

// Subscribe calls fn after every Swap until cancel is called.
func (s *Shelf) Subscribe(fn func(*Pack)) (cancel func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sub++
	id := s.sub
	s.subs[id] = fn
	return func() {
		s.mu.Lock()
		delete(s.subs, id)
		s.mu.Unlock()
	}
}
