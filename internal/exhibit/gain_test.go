package exhibit

import (
	"testing"

	"github.com/jindu-edu/kiosk/internal/quiz"
)

func TestGainQuestions(t *testing.T) {
	tf := func(id, aud, topic string, diff int) quiz.Question {
		return quiz.Question{ID: id, Type: quiz.TrueFalse, Audience: aud, Topic: topic, Difficulty: diff}
	}
	b := &quiz.Bank{Questions: []quiz.Question{
		tf("p1", quiz.Primary, "law", 1),
		tf("p2", quiz.Primary, "law", 2), // too hard for the first question
		{ID: "p3", Type: quiz.Single, Audience: quiz.Primary, Topic: "law", Difficulty: 1},
		tf("a1", quiz.Adult, "law", 3),
		{ID: "a2", Type: quiz.Single, Audience: quiz.Adult, Topic: "law"},
		tf("a3", quiz.Adult, "drugs", 1),
	}}
	for seed := range uint64(20) {
		q, ok := GainBeforeQuestion(b, seed)
		if !ok || q.ID != "p1" {
			t.Fatalf("seed %d: before %q %v, want p1", seed, q.ID, ok)
		}
	}
	if q, _ := GainAfterQuestion(b, "law", quiz.Adult, "p1", 1); q.ID != "a1" {
		t.Errorf("after for an adult: %q, want the true/false law question a1", q.ID)
	}
	if q, _ := GainAfterQuestion(b, "law", quiz.Primary, "p1", 1); q.ID != "p2" {
		t.Errorf("after for a pupil: %q, want p2 (true/false, not the first)", q.ID)
	}
	if q, _ := GainAfterQuestion(b, "law", quiz.Secondary, "p1", 1); q.ID != "p1" {
		t.Errorf("after with no secondary question: %q, want the first again", q.ID)
	}
	if _, ok := GainBeforeQuestion(&quiz.Bank{}, 1); ok {
		t.Error("an empty bank gave a question")
	}
	if _, ok := GainBeforeQuestion(nil, 1); ok {
		t.Error("no bank gave a question")
	}
}
