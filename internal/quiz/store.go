package quiz

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jindu-edu/kiosk/internal/atomicfile"
)

// Files in the data directory.
const (
	RecentFile = "quiz-recent.json"
	GroupsFile = "quiz-groups.json"
)

// RecentLimit is how many recently served question ids a kiosk remembers.
const RecentLimit = 120

// Recent remembers the questions this kiosk served lately, so the next visitors get others.
type Recent struct {
	IDs []string `json:"ids"`
}

// Set returns the ids as a set for Select.
func (r *Recent) Set() map[string]bool {
	m := make(map[string]bool, len(r.IDs))
	for _, id := range r.IDs {
		m[id] = true
	}
	return m
}

// Add records served questions, keeping the newest RecentLimit.
func (r *Recent) Add(qs []Question) {
	for _, q := range qs {
		r.IDs = append(r.IDs, q.ID)
	}
	if n := len(r.IDs) - RecentLimit; n > 0 {
		r.IDs = r.IDs[n:]
	}
}

// GroupResult is one school group's contest, kept for the "today's groups" board. It holds
// a group label typed by the teacher (school / class), never pupils' names.
type GroupResult struct {
	At    time.Time `json:"at"`
	Label string    `json:"label"`
	Mode  string    `json:"mode"`
	Teams []Team    `json:"teams"`
}

// Groups is the list of group results.
type Groups struct {
	Results []GroupResult `json:"results"`
}

// Today returns the results of the day of now, newest first.
func (g *Groups) Today(now time.Time) []GroupResult {
	y, m, d := now.Date()
	var out []GroupResult
	for i := len(g.Results) - 1; i >= 0; i-- {
		ry, rm, rd := g.Results[i].At.In(now.Location()).Date()
		if ry == y && rm == m && rd == d {
			out = append(out, g.Results[i])
		}
	}
	return out
}

// LoadJSON reads v from dataDir/name; a missing file leaves v as it is.
func LoadJSON(dataDir, name string, v any) error {
	data, err := os.ReadFile(filepath.Join(dataDir, name))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s is damaged: %w", name, err)
	}
	return nil
}

// SaveJSON writes v to dataDir/name atomically.
func SaveJSON(dataDir, name string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %s: %w", name, err)
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	return atomicfile.WriteFile(filepath.Join(dataDir, name), data, 0o600)
}
