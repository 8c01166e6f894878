package hub

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// StatsWallPath serves the messages on the kiosks' walls.
const StatsWallPath = "/v1/stats/wall"

// WallPost is a message on a kiosk's message wall as the hub last heard of it: the latest
// wall_message event of each message decides whether it is up (events arrive by USB and
// upload, overlapping and repeated; the event store keeps each once, and the fold below
// makes the order of arrival irrelevant).
type WallPost struct {
	KioskID string    `json:"kiosk_id"`
	ID      string    `json:"id"`
	Kind    string    `json:"kind"` // text, ink, phrase
	Text    string    `json:"text,omitempty"`
	Phrase  string    `json:"phrase,omitempty"`
	Ink     string    `json:"ink,omitempty"` // compact stroke form (internal/wall Ink.Encode)
	Group   string    `json:"group,omitempty"`
	Lang    string    `json:"lang,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"` // the event that put it up
}

// wallQuery selects event id, kiosk_id, item, wall_time and payload of wall_message
// events, oldest first. Only the kiosk filter applies: a message hidden after the period
// asked for must not show.
func wallQuery(d dialect, f Filter) (string, []any) {
	w, args := d.where(Filter{KioskID: f.KioskID}, "type = '"+event.WallMessage+"'", "item <> ''")
	payload := "payload"
	if d.postgres {
		payload = "payload::text"
	}
	return `SELECT id, kiosk_id, item, wall_time, ` + payload + `
		FROM events WHERE ` + w + ` ORDER BY wall_time, id`, args
}

// wallPosts folds the wall_message events into the messages that are up, newest first.
func wallPosts(ctx context.Context, r rowQuerier, d dialect, f Filter) ([]WallPost, error) {
	q, args := wallQuery(d, f)
	type key struct{ kiosk, id string }
	latest := map[key]*WallPost{}
	up := map[key]bool{}
	err := r.query(ctx, "wall", q, args, func(scan func(...any) error) error {
		var evID, kiosk, item, wall string
		var payload *string
		if err := scan(&evID, &kiosk, &item, &wall, &payload); err != nil {
			return err
		}
		at, err := parseWall(wall)
		if err != nil {
			return fmt.Errorf("event %s: %w", evID, err)
		}
		var p struct {
			State, Kind, Text, Phrase, Ink, Group, Lang, Created string
		}
		if payload != nil {
			_ = json.Unmarshal([]byte(*payload), &p) // a malformed payload reads as "not approved"
		}
		k := key{kiosk, item}
		if p.State != "approved" {
			up[k] = false
			return nil
		}
		created, _ := time.Parse(time.RFC3339, p.Created)
		latest[k] = &WallPost{KioskID: kiosk, ID: item, Kind: p.Kind, Text: p.Text, Phrase: p.Phrase, Ink: p.Ink,
			Group: p.Group, Lang: p.Lang, Created: created, Updated: at}
		up[k] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := []WallPost{}
	for k, on := range up {
		if on {
			out = append(out, *latest[k])
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Created.Equal(out[j].Created) {
			return out[i].Created.After(out[j].Created)
		}
		return out[i].ID > out[j].ID
	})
	return out, nil
}
