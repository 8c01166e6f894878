package quizbank_test

import (
	"testing"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/quizbank"
)

func TestBundledBank(t *testing.T) {
	b, rep := quiz.Load(quizbank.Files(), assets.Content())
	for _, p := range rep.Problems {
		t.Errorf("%s", p)
	}
	if n := len(b.Questions); n < 150 {
		t.Errorf("%d questions, want at least 150", n)
	}
	images := 0
	for _, a := range quiz.Audiences {
		qs := b.For(a)
		if len(qs) < 50 {
			t.Errorf("%s: %d questions, want at least 50", a, len(qs))
		}
		topics := map[string]int{}
		types := map[string]int{}
		for _, q := range qs {
			topics[q.Topic]++
			types[q.Type]++
			if q.Image != "" {
				images++
			}
		}
		for _, tp := range quiz.Topics {
			if topics[tp] < 5 {
				t.Errorf("%s: only %d %s questions", a, topics[tp], tp)
			}
		}
		if types[quiz.Single] == 0 || types[quiz.Multi] == 0 || types[quiz.TrueFalse] == 0 {
			t.Errorf("%s: types %v", a, types)
		}
	}
	if images == 0 {
		t.Error("no question has a picture")
	}
}
