package hub

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/jindu-edu/kiosk/internal/eventlog"
)

// sceneDataset is two kiosks' 情景体验 events. Counted by hand, over both kiosks:
//
//	starts:  ktv adult 2, ktv secondary 1, milk-tea primary 1
//	choices: ktv offer refuse adult 2, ktv offer accept secondary 1, ktv after tell secondary 1,
//	         ktv offer refuse "" 1 (no audience), milk-tea offer no primary 1,
//	         milk-tea offer no "" 1 (audience not a string)
//	endings: ktv leave refuse adult 2, ktv told tell secondary 1, milk-tea walk refuse primary 1
//
// and not counted: a choice without a scene id, a quiz answer.
func sceneDataset() map[string][]eventlog.Event {
	const d1, d2 = "2026-06-01T09:%02d:00+08:00", "2026-06-02T10:%02d:00+08:00"
	at := func(f string, m int) string { return sprintf(f, m) }
	k1 := []eventlog.Event{
		ev("k1", 1, at(d1, 1), "scene_start", "v1", "scenes", "ktv", `{"hotspot":"friend","audience":"adult"}`),
		ev("k1", 2, at(d1, 2), "scene_choice", "v1", "scenes", "ktv", `{"step":"offer","choice":"refuse","audience":"adult","ms":4000}`),
		ev("k1", 3, at(d1, 3), "scene_end", "v1", "scenes", "ktv", `{"ending":"leave","kind":"refuse","audience":"adult","path":["refuse"]}`),
		ev("k1", 4, at(d1, 4), "scene_start", "v2", "scenes", "ktv", `{"hotspot":"friend","audience":"adult"}`),
		ev("k1", 5, at(d1, 5), "scene_choice", "v2", "scenes", "ktv", `{"step":"offer","choice":"refuse","audience":"adult"}`),
		ev("k1", 6, at(d1, 6), "scene_end", "v2", "scenes", "ktv", `{"ending":"leave","kind":"refuse","audience":"adult"}`),
		ev("k1", 7, at(d1, 7), "scene_start", "v3", "scenes", "ktv", `{"hotspot":"sofa","audience":"secondary"}`),
		ev("k1", 8, at(d1, 8), "scene_choice", "v3", "scenes", "ktv", `{"step":"offer","choice":"accept","audience":"secondary"}`),
		ev("k1", 9, at(d1, 9), "scene_choice", "v3", "scenes", "ktv", `{"step":"after","choice":"tell","audience":"secondary"}`),
		ev("k1", 10, at(d1, 10), "scene_end", "v3", "scenes", "ktv", `{"ending":"told","kind":"tell","audience":"secondary"}`),
		ev("k1", 11, at(d1, 11), "scene_choice", "v4", "scenes", "ktv", `{"step":"offer","choice":"refuse"}`),
		ev("k1", 12, at(d1, 12), "scene_choice", "v4", "scenes", "", `{"step":"offer","choice":"refuse","audience":"adult"}`),
		ev("k1", 13, at(d1, 13), "quiz_answer", "v4", "quiz", "q1", `{"correct":true}`),
	}
	k2 := []eventlog.Event{
		ev("k2", 1, at(d2, 1), "scene_start", "w1", "scenes", "milk-tea", `{"hotspot":"friend","audience":"primary"}`),
		ev("k2", 2, at(d2, 2), "scene_choice", "w1", "scenes", "milk-tea", `{"step":"offer","choice":"no","audience":"primary"}`),
		ev("k2", 3, at(d2, 3), "scene_end", "w1", "scenes", "milk-tea", `{"ending":"walk","kind":"refuse","audience":"primary"}`),
		ev("k2", 4, at(d2, 4), "scene_choice", "w2", "scenes", "milk-tea", `{"step":"offer","choice":"no","audience":42}`),
	}
	return map[string][]eventlog.Event{"k1": k1, "k2": k2}
}

func testSceneStats(t *testing.T, dsn string) {
	ctx := context.Background()
	s := openTest(t, dsn)
	empty, err := s.Scenes(ctx, Filter{})
	if err != nil || len(empty.Starts)+len(empty.Choices)+len(empty.Endings) != 0 || empty.Choices == nil {
		t.Fatalf("Scenes on an empty store = %+v, %v; want empty lists", empty, err)
	}
	for kiosk, events := range sceneDataset() {
		if _, _, err := s.Insert(ctx, kiosk, events); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Scenes(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	want := SceneStats{
		Starts: []SceneStart{
			{Scene: "ktv", Audience: "adult", Count: 2},
			{Scene: "ktv", Audience: "secondary", Count: 1},
			{Scene: "milk-tea", Audience: "primary", Count: 1},
		},
		Choices: []SceneChoice{
			{Scene: "ktv", Step: "after", Choice: "tell", Audience: "secondary", Count: 1},
			{Scene: "ktv", Step: "offer", Choice: "accept", Audience: "secondary", Count: 1},
			{Scene: "ktv", Step: "offer", Choice: "refuse", Audience: "", Count: 1},
			{Scene: "ktv", Step: "offer", Choice: "refuse", Audience: "adult", Count: 2},
			{Scene: "milk-tea", Step: "offer", Choice: "no", Audience: "", Count: 1},
			{Scene: "milk-tea", Step: "offer", Choice: "no", Audience: "primary", Count: 1},
		},
		Endings: []SceneEnding{
			{Scene: "ktv", Ending: "leave", Kind: "refuse", Audience: "adult", Count: 2},
			{Scene: "ktv", Ending: "told", Kind: "tell", Audience: "secondary", Count: 1},
			{Scene: "milk-tea", Ending: "walk", Kind: "refuse", Audience: "primary", Count: 1},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Scenes =\n%+v\nwant\n%+v", got, want)
	}
	// The filter: kiosk k2 only, and the second day only (also k2's events).
	for _, f := range []Filter{{KioskID: "k2"}, {From: "2026-06-02"}} {
		got, err = s.Scenes(ctx, f)
		wantK2 := SceneStats{
			Starts:  want.Starts[2:],
			Choices: want.Choices[4:],
			Endings: want.Endings[2:],
		}
		if err != nil || !reflect.DeepEqual(got, wantK2) {
			t.Errorf("Scenes(%+v) = %+v, %v; want %+v", f, got, err, wantK2)
		}
	}
	got, err = s.Scenes(ctx, Filter{From: "2026-06-01", To: "2026-06-01", KioskID: "k2"})
	if err != nil || len(got.Starts)+len(got.Choices)+len(got.Endings) != 0 {
		t.Errorf("Scenes(k2 on 06-01) = %+v, %v; want nothing", got, err)
	}
}

// TestScenesEndpoint serves the scene counts with the admin token only, filtered.
func TestScenesEndpoint(t *testing.T) {
	th := newTestHub(t, sqliteTestDSN(t))
	for kiosk, events := range sceneDataset() {
		if _, _, err := th.store.Insert(context.Background(), kiosk, events); err != nil {
			t.Fatal(err)
		}
	}
	get := func(path, token string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		th.h.ServeHTTP(rec, req)
		return rec
	}
	if rec := get(StatsScenesPath, ""); rec.Code != http.StatusUnauthorized {
		t.Errorf("no token: %d", rec.Code)
	}
	rec := get(StatsScenesPath+"?kiosk=k2", "admin-secret")
	var rep struct {
		KioskID string     `json:"kiosk_id"`
		Rows    SceneStats `json:"rows"`
	}
	if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &rep) != nil {
		t.Fatalf("scenes: %d %s", rec.Code, rec.Body)
	}
	want := SceneStats{
		Starts:  []SceneStart{{Scene: "milk-tea", Audience: "primary", Count: 1}},
		Choices: []SceneChoice{{Scene: "milk-tea", Step: "offer", Choice: "no", Audience: "", Count: 1}, {Scene: "milk-tea", Step: "offer", Choice: "no", Audience: "primary", Count: 1}},
		Endings: []SceneEnding{{Scene: "milk-tea", Ending: "walk", Kind: "refuse", Audience: "primary", Count: 1}},
	}
	if rep.KioskID != "k2" || !reflect.DeepEqual(rep.Rows, want) {
		t.Errorf("scenes?kiosk=k2 = %+v\nwant %+v", rep, want)
	}
}
