package quizimport

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"gopkg.in/yaml.v3"

	"github.com/jindu-edu/kiosk/internal/content/contenttest"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// media is a content root with the one image the fixtures use.
func media() fstest.MapFS {
	return fstest.MapFS{"media/img/june26.png": {Data: contenttest.PNG(800, 600)}}
}

// loadBank runs generated YAML through the bank's loader, fails on any error (drafts and
// position references are warnings) and returns every question, drafts included, as
// Load sees them.
func loadBank(t *testing.T, data []byte) []quiz.Question {
	t.Helper()
	b, rep := quiz.Load(fstest.MapFS{"imported.yaml": {Data: data}}, media())
	if err := rep.Err(); err != nil {
		t.Fatalf("generated bank does not lint: %v\n%s", rep.Problems, data)
	}
	var f struct {
		Questions []quiz.Question `yaml:"questions"`
	}
	if err := yaml.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	if len(b.Questions)+b.Drafts.Count != len(f.Questions) {
		t.Fatalf("Load kept %d questions and %d drafts of %d", len(b.Questions), b.Drafts.Count, len(f.Questions))
	}
	for i := range f.Questions {
		f.Questions[i] = normalized(f.Questions[i])
	}
	return f.Questions
}

// normalized is what quiz.Load makes of q: true/false questions get their two choices.
func normalized(q quiz.Question) quiz.Question {
	if q.Type == quiz.TrueFalse && q.Answer.Bool != nil {
		q.Choices = quiz.TrueFalseChoices
		q.Answer.Indexes = []int{0}
		if !*q.Answer.Bool {
			q.Answer.Indexes = []int{1}
		}
	}
	return q
}

// roundTrip checks that the result's YAML loads as a valid bank holding exactly the
// imported questions.
func roundTrip(t *testing.T, res *Result) {
	t.Helper()
	data, err := res.YAML("fixture")
	if err != nil {
		t.Fatal(err)
	}
	got := loadBank(t, data)
	if len(got) != len(res.Questions) {
		t.Fatalf("%d questions written, %d read back", len(res.Questions), len(got))
	}
	for i := range got {
		if want := normalized(res.Questions[i]); !reflect.DeepEqual(got[i], want) {
			t.Errorf("question %d changed on the way through YAML:\n got %+v\nwant %+v", i, got[i], want)
		}
	}
}

// entries returns the report lines as strings.
func entries(r Report) []string {
	var out []string
	for _, e := range r.Entries {
		out = append(out, e.String())
	}
	return out
}

// wantEntry fails unless some report line contains every part.
func wantEntry(t *testing.T, r Report, parts ...string) {
	t.Helper()
	for _, l := range entries(r) {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(l, p)
		}
		if ok {
			return
		}
	}
	t.Errorf("no report line contains %q; report:\n%s", parts, strings.Join(entries(r), "\n"))
}

func boolPtr(b bool) *bool { return &b }

func ids(qs []quiz.Question) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.ID)
	}
	return out
}
