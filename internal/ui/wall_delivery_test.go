package ui

import (
	"errors"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// TestWallKeepsWhatTheOfficeLacks: between visits, once a day, the shell brings the wall's
// delivery marks up to date from the event log: a message whose event was lost is sent
// again, one still waiting is kept past its year (and the review page says so), and one
// the office has goes.
func TestWallKeepsWhatTheOfficeLacks(t *testing.T) {
	var st *wall.Store
	delivered := wall.Delivery{}
	calls := 0
	r := newRig(t, withWall(t, &st), func(c *rigConfig) {
		c.deps.WallDelivery = func() (wall.Delivery, error) {
			calls++
			return delivered, nil
		}
	})
	m, err := st.Add(wall.Message{Kind: wall.KindText, Text: "远离毒品", State: wall.Approved})
	if err != nil {
		t.Fatal(err)
	}
	resent := func() int {
		n := 0
		for _, e := range r.events.all {
			if e.Type == event.WallMessage && e.Item == m.ID && e.Data[event.KeyState] == "approved" {
				n++
			}
		}
		return n
	}
	r.tick(time.Second)
	if calls != 1 || resent() != 0 {
		t.Fatalf("first settle: %d calls, %d resent (a message just written is not lost yet)", calls, resent())
	}
	r.tick(time.Minute)
	if calls != 1 {
		t.Fatalf("settled %d times within a day", calls)
	}
	r.clock.Advance(24 * time.Hour)
	r.tick(time.Second)
	if calls != 2 || resent() != 1 {
		t.Fatalf("a day on: %d calls, %d resent; its event never reached the log, so it goes again", calls, resent())
	}

	delivered[m.ID] = false // the resent event waits in the log
	r.clock.Advance(366 * 24 * time.Hour)
	r.tick(time.Second)
	if _, err := st.Get(m.ID); err != nil {
		t.Fatalf("a message the office lacks was pruned: %v", err)
	}
	r.openStaff()
	r.tap("留言审核")
	r.mustHave("有 1 条已上墙的留言满一年了")
	r.tap("关闭面板")
	r.tick(10 * time.Minute) // back to attract, where the next settle runs

	delivered[m.ID] = true // exported at last
	r.clock.Advance(25 * time.Hour)
	r.tick(time.Second)
	if _, err := st.Get(m.ID); !errors.Is(err, wall.ErrNotFound) {
		t.Fatalf("a delivered message past its year is kept: %v", err)
	}
	if resent() != 1 {
		t.Fatal("sent again while waiting")
	}
}
