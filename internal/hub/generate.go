package hub

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// The generated content: zone and age-band ids as the kiosk records them.
var (
	genZones     = []string{"history", "drugs", "law", "disguise", "refusal", "quiz"}
	genAudiences = []string{"primary", "secondary", "adult"}
)

// GenerateDay makes n plausible events of one kiosk-day, for benchmarks and dashboard
// screenshots: visits of about 30 events each (zones with dwell, a five-question quiz round
// in one age band, a learning-gain pair), from 09:00 in day's location, with seqs after
// *seq. The same rng gives the same events.
func GenerateDay(rng *rand.Rand, kiosk string, day time.Time, seq *int64, n int) []eventlog.Event {
	out := make([]eventlog.Event, 0, n)
	at := day.Add(9 * time.Hour)
	visit := 0
	for len(out) < n {
		visit++
		session := fmt.Sprintf("%s-%s-%d", kiosk, day.Format("0102"), visit)
		aud := genAudiences[rng.IntN(len(genAudiences))]
		add := func(typ, zone, item string, payload any) {
			if len(out) >= n {
				return
			}
			*seq++
			at = at.Add(time.Duration(5+rng.IntN(40)) * time.Second)
			e := eventlog.Event{ID: fmt.Sprintf("%s-%d", kiosk, *seq), KioskID: kiosk, SessionID: session, Seq: *seq,
				WallTime: at, MonoMS: *seq * 1000, BootID: "bench", Type: typ, Zone: zone, Item: item,
				ContentVersion: "2026.06", AppVersion: "1.4.0"}
			if payload != nil {
				e.Payload, _ = json.Marshal(payload)
			}
			out = append(out, e)
		}
		add(event.SessionStart, "", "", nil)
		topic := genZones[rng.IntN(5)]
		add(event.GainCheck, "", "g-"+topic, map[string]any{event.KeyPhase: event.GainBefore, event.KeyTopic: topic,
			event.KeyAudience: aud, event.KeyCorrect: rng.IntN(100) < 55})
		for range 3 {
			z := genZones[rng.IntN(5)]
			add(event.ZoneEnter, z, "", nil)
			add("item_view", z, fmt.Sprintf("%s-%d", z, rng.IntN(8)), nil)
			add("item_view", z, fmt.Sprintf("%s-%d", z, rng.IntN(8)), nil)
			add(event.ZoneLeave, z, "", map[string]any{event.KeyDwellMS: 20000 + rng.IntN(200000)})
		}
		add(event.QuizStart, "quiz", "", map[string]any{event.KeyMode: event.ModeSolo, event.KeyAudience: aud, event.KeyQuestions: 5})
		for range 5 {
			q := fmt.Sprintf("q%02d", rng.IntN(40)+1)
			add(event.QuizQuestion, "quiz", q, nil)
			add(event.QuizAnswer, "quiz", q, map[string]any{event.KeyCorrect: rng.IntN(100) < 70, event.KeyMS: 3000 + rng.IntN(9000)})
		}
		add(event.GainCheck, "", "g-"+topic, map[string]any{event.KeyPhase: event.GainAfter, event.KeyTopic: topic,
			event.KeyAudience: aud, event.KeyCorrect: rng.IntN(100) < 75})
		add(event.SessionEnd, "", "", nil)
	}
	return out
}
