package quiz

import "strings"

// StatusDraft marks a question that is kept in the bank but never served: an import from
// a format that lacks fields the bank needs (Aiken and GIFT carry no explanation or
// audience). A teacher fills the fields in and removes `status: draft`.
const StatusDraft = "draft"

// The fields a draft may still lack. Everything else (prompt, choices, answer) a draft
// needs as much as any question.
const (
	FieldExplanation = "explanation"
	FieldAudience    = "audience"
	FieldDifficulty  = "difficulty"
	FieldTopic       = "topic"
	FieldSource      = "source"
)

// DraftFields lists the fields a draft may lack, in the order they are reported.
func DraftFields() []string {
	return []string{FieldExplanation, FieldAudience, FieldDifficulty, FieldTopic, FieldSource}
}

// IsDraft reports whether q is a draft.
func (q Question) IsDraft() bool { return q.Status == StatusDraft }

// Missing lists the draft fields q lacks (empty, or one language of the explanation).
func (q Question) Missing() []string {
	var out []string
	for _, f := range DraftFields() {
		var empty bool
		switch f {
		case FieldExplanation:
			empty = strings.TrimSpace(q.Explanation.Zh) == "" || strings.TrimSpace(q.Explanation.En) == ""
		case FieldAudience:
			empty = q.Audience == ""
		case FieldDifficulty:
			empty = q.Difficulty == 0
		case FieldTopic:
			empty = q.Topic == ""
		case FieldSource:
			empty = strings.TrimSpace(q.Source) == ""
		}
		if empty {
			out = append(out, f)
		}
	}
	return out
}

// Drafts is what the staff panel shows as "N 道题待补充": the bank's draft questions,
// which Load keeps out of Bank.Questions so that no selection can serve them.
type Drafts struct {
	Count   int            // draft questions
	Missing map[string]int // field (FieldExplanation…) → how many drafts lack it
	Items   []DraftItem    // in bank order
}

// DraftItem is one draft: its id, where it is (quizbank/FILE:LINE) and what it lacks.
type DraftItem struct {
	ID      string
	At      string
	Missing []string
}

func (d *Drafts) add(q Question, at string) {
	m := q.Missing()
	if d.Missing == nil {
		d.Missing = map[string]int{}
	}
	for _, f := range m {
		d.Missing[f]++
	}
	d.Count++
	d.Items = append(d.Items, DraftItem{ID: q.ID, At: at, Missing: m})
}
