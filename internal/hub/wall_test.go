package hub

import (
	"context"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/wall"
)

func TestWallRoundTripSQLite(t *testing.T) { testWallRoundTrip(t, sqliteTestDSN(t)) }

func TestWallRoundTripPostgres(t *testing.T) { testWallRoundTrip(t, pgTestDSN(t)) }

// wallEvent records a wall_message event as the kiosk's UI does.
func (k *testKiosk) wallEvent(t testing.TB, id, state string, c event.WallContent) {
	t.Helper()
	k.at = k.at.Add(time.Minute)
	e := event.NewWallMessage(id, state, c)
	e.At = k.at
	k.log.Record(e)
	if err := k.log.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// testWallRoundTrip: approved messages travel on the USB export into the hub, a later
// hiding takes one down, showing it again puts it back, and importing a stick twice (or an
// old stick after a new one) changes nothing.
func testWallRoundTrip(t *testing.T, dsn string) {
	ctx := context.Background()
	store := openTest(t, dsn)
	k := newTestKiosk(t, store, "kiosk-wall")
	ink := &wall.Ink{Aspect: 2, Strokes: []wall.Stroke{{Color: 1, Points: []wall.Point{{X: 0.1, Y: 0.1}, {X: 0.5, Y: 0.3}}}}}
	created := time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)
	k.wallEvent(t, "m-ink", "approved", event.WallContent{Kind: "ink", Ink: ink.Encode(), Group: "初二(3)班", Lang: "zh", Created: created})
	k.wallEvent(t, "m-text", "approved", event.WallContent{Kind: "text", Text: "我们一起远离毒品！", Lang: "zh", Created: created.Add(time.Minute)})
	k.wallEvent(t, "m-text", "hidden", event.WallContent{})
	k.wallEvent(t, "m-phrase", "approved", event.WallContent{Kind: "phrase", Phrase: "cherish-life", Text: "珍爱生命，远离毒品", Lang: "zh", Created: created.Add(2 * time.Minute)})
	first, _ := k.export(t)
	if _, err := Import(ctx, store, first); err != nil {
		t.Fatal(err)
	}
	posts, err := store.Wall(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 2 || posts[0].ID != "m-phrase" || posts[1].ID != "m-ink" {
		t.Fatalf("wall after the first stick: %+v", posts)
	}
	back, err := wall.DecodeInk(posts[1].Ink)
	if err != nil || back.Points() != 2 || posts[1].Group != "初二(3)班" || !posts[1].Created.Equal(created) || posts[1].KioskID != k.id {
		t.Fatalf("the drawing did not arrive whole: %+v %v", posts[1], err)
	}

	k.wallEvent(t, "m-text", "approved", event.WallContent{Kind: "text", Text: "我们一起远离毒品！", Lang: "zh", Created: created.Add(time.Minute)})
	k.wallEvent(t, "m-phrase", "hidden", event.WallContent{})
	second, _ := k.export(t)
	for _, p := range []string{second, first, second} {
		if _, err := Import(ctx, store, p); err != nil {
			t.Fatal(err)
		}
	}
	posts, err = store.Wall(ctx, Filter{KioskID: k.id})
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != 2 || posts[0].ID != "m-text" || posts[0].Text != "我们一起远离毒品！" || posts[1].ID != "m-ink" {
		t.Fatalf("wall after the second stick: %+v", posts)
	}
	if other, _ := store.Wall(ctx, Filter{KioskID: "another"}); len(other) != 0 {
		t.Fatalf("another kiosk's wall: %+v", other)
	}
}
