package event

// The learning-gain check: one question asked at the start of a visit (Before, from the home
// screen's question card) and the same skill asked again later in the visit (After, in the quiz
// or at the end). The pair is joined only by the visit's session id; no visitor identity.
const (
	GainCheck = "gain_check"

	KeyPhase = "phase"
	KeyTopic = "topic"

	GainBefore = "before"
	GainAfter  = "after"
	GainSkip   = "skip" // the visitor skipped the start-of-visit card
)

// NewGainCheck records one answer of the learning-gain check: phase is GainBefore or GainAfter
// (or GainSkip, with no answer), question the bank id, topic the question's topic, audience
// the age band it was asked in.
func NewGainCheck(phase, question, topic, audience string, correct bool) Event {
	return Event{Type: GainCheck, Item: question, Data: map[string]any{
		KeyPhase: phase, KeyTopic: topic, KeyAudience: audience, KeyCorrect: correct}}
}
