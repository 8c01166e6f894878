package exhibit

import (
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// A board game holds the visit with longer timeouts; the visit's end releases the hold,
// so the next visitor gets the staff settings again.
func TestHoldLengthensIdleUntilReleased(t *testing.T) {
	v, clock, _, _, _ := newVisit(t)
	idle := time.Duration(kiosk.DefaultSettings().IdleTimeout)
	v.Touch()
	v.Hold(5*time.Minute, time.Minute)
	clock.Advance(idle + time.Second)
	if v.Tick(false) != kiosk.NoChange {
		t.Fatal("a held visit was prompted after the ordinary idle timeout")
	}
	clock.Advance(5 * time.Minute)
	if v.Tick(false) != kiosk.Prompted {
		t.Fatal("a held visit was not prompted after the held timeout")
	}
	clock.Advance(59 * time.Second)
	if v.Tick(false) != kiosk.NoChange {
		t.Fatal("the held prompt ran out early")
	}
	clock.Advance(time.Second)
	if v.Tick(false) != kiosk.Reset || v.Held() {
		t.Fatal("the held prompt did not reset the visit and release the hold")
	}
	v.Touch()
	clock.Advance(idle)
	if v.Tick(false) != kiosk.Prompted {
		t.Fatal("the next visit did not get the ordinary timeout")
	}

	// Release during a visit, and a staff change while held does not undo the hold.
	v.Touch()
	v.Hold(5*time.Minute, time.Minute)
	if err := v.ChangeSetting("idle", func(s *kiosk.Settings) { s.IdleTimeout = kiosk.Duration(2 * time.Minute) }); err != nil {
		t.Fatal(err)
	}
	clock.Advance(3 * time.Minute)
	if v.Tick(false) != kiosk.NoChange {
		t.Fatal("a setting change undid the hold")
	}
	v.Release()
	v.Touch()
	clock.Advance(2 * time.Minute)
	if v.Tick(false) != kiosk.Prompted {
		t.Fatal("release did not restore the (changed) setting")
	}
}

func TestOneTapDealsNoMultiChoice(t *testing.T) {
	p := mustBundled(t)
	q := NewQuizzes(QuizConfig{Clock: kiosk.NewManualClock(time.Now())})
	items := q.OneTap(p.Bank, quiz.Primary, 20)
	if len(items) == 0 {
		t.Fatal("no questions dealt")
	}
	seen := map[string]bool{}
	for _, it := range items {
		if it.Type == quiz.Multi || it.Audience != quiz.Primary || seen[it.ID] {
			t.Errorf("dealt %s (%s, %s)", it.ID, it.Type, it.Audience)
		}
		seen[it.ID] = true
	}
	if q.OneTap(nil, quiz.Primary, 5) != nil {
		t.Error("dealt from no bank")
	}
}
