package event

import "time"

// The constructors below are the only way the kiosk builds events; each sets the type and
// the payload keys its readers expect. Time and session are filled in by the visit.

// NewSessionStart opens a visit in a language.
func NewSessionStart(lang string) Event {
	return Event{Type: SessionStart, Data: map[string]any{KeyLang: lang}}
}

// NewSessionEnd closes a visit.
func NewSessionEnd(reason string, d time.Duration) Event {
	return Event{Type: SessionEnd, Data: map[string]any{KeyReason: reason, KeyDurationMS: d.Milliseconds()}}
}

// NewZoneEnter marks the visitor arriving in a zone.
func NewZoneEnter(zone string) Event { return Event{Type: ZoneEnter, Zone: zone} }

// NewZoneLeave marks the visitor leaving a zone after dwell.
func NewZoneLeave(zone string, dwell time.Duration) Event {
	return Event{Type: ZoneLeave, Zone: zone, Data: map[string]any{KeyDwellMS: dwell.Milliseconds()}}
}

// NewItemView marks one item (history event, drug, case) shown.
func NewItemView(zone, item string) Event { return Event{Type: ItemView, Zone: zone, Item: item} }

// NewNarration marks narration started (NarrationPlay) or heard to the end (NarrationDone).
func NewNarration(zone, item, action, lang string) Event {
	return Event{Type: Narration, Zone: zone, Item: item, Data: map[string]any{KeyAction: action, KeyLang: lang}}
}

// NewLanguage marks a language switch.
func NewLanguage(lang string) Event {
	return Event{Type: Language, Data: map[string]any{KeyLang: lang}}
}

// NewTextSize marks the text-size toggle.
func NewTextSize(large bool) Event {
	return Event{Type: TextSize, Data: map[string]any{KeyLarge: large}}
}

// NewSoloStart marks a solo round dealt.
func NewSoloStart(zone, audience string, questions int) Event {
	return Event{Type: QuizStart, Zone: zone, Data: map[string]any{
		KeyMode: ModeSolo, KeyAudience: audience, KeyQuestions: questions}}
}

// NewContestStart marks a team contest dealt; mode is the contest mode (buzz, turns).
func NewContestStart(zone, mode string, teams int, audience string, questions int) Event {
	return Event{Type: QuizStart, Zone: zone, Data: map[string]any{
		KeyMode: TeamModePrefix + mode, KeyTeams: teams, KeyAudience: audience, KeyQuestions: questions}}
}

// NewQuizQuestion marks a question shown; order is the bank index of each shown choice
// (nil for the contest, whose order the answers carry).
func NewQuizQuestion(zone, question string, index int, order []int) Event {
	data := map[string]any{KeyIndex: index}
	if order != nil {
		data[KeyOrder] = order
	}
	return Event{Type: QuizQuestion, Zone: zone, Item: question, Data: data}
}

// NewSoloAnswer marks a visitor's answer (or a timeout). choice names the picked choices by
// their letters in the bank, not as shown.
func NewSoloAnswer(zone, question string, choice []string, correct, timedOut bool, elapsed time.Duration) Event {
	return Event{Type: QuizAnswer, Zone: zone, Item: question, Data: map[string]any{
		KeyChoice: choice, KeyCorrect: correct, KeyTimedOut: timedOut, KeyMS: elapsed.Milliseconds()}}
}

// NewTeamAnswer marks one team's answer in a contest.
func NewTeamAnswer(zone, question string, team int, choice []string, correct bool, elapsed time.Duration) Event {
	return Event{Type: QuizAnswer, Zone: zone, Item: question, Data: map[string]any{
		KeyTeam: team, KeyChoice: choice, KeyCorrect: correct, KeyMS: elapsed.Milliseconds()}}
}

// NewSoloFinish marks a solo round finished.
func NewSoloFinish(zone, audience string, score, questions int) Event {
	return Event{Type: QuizFinish, Zone: zone, Data: map[string]any{
		KeyMode: ModeSolo, KeyAudience: audience, KeyScore: score, KeyQuestions: questions}}
}

// NewContestFinish marks a contest finished; scores are by team name, group is the label
// the teacher typed (school and class, never a pupil's name).
func NewContestFinish(zone, mode, audience, group string, scores map[string]int, questions int) Event {
	return Event{Type: QuizFinish, Zone: zone, Data: map[string]any{
		KeyMode: TeamModePrefix + mode, KeyAudience: audience, KeyGroup: group, KeyScores: scores, KeyQuestions: questions}}
}

// NewStaffLogin marks a PIN attempt.
func NewStaffLogin(ok bool) Event { return Event{Type: StaffLogin, Data: map[string]any{KeyOK: ok}} }

// NewStaffSetting marks a staff setting changed.
func NewStaffSetting(name string) Event {
	return Event{Type: StaffSetting, Data: map[string]any{KeySetting: name}}
}

// NewStaffExit marks staff leaving the program.
func NewStaffExit() Event { return Event{Type: StaffExit} }

// NewStaffExport marks a USB export of the visitor log.
func NewStaffExport(events int, ok, all bool) Event {
	return Event{Type: StaffExport, Data: map[string]any{KeyEvents: events, KeyOK: ok, KeyAll: all}}
}

// NewStaffPack marks a content-pack step (PackInstall, PackRollback, PackReport); problem
// is "" on success.
func NewStaffPack(action, pack string, version int64, ok bool, problem string) Event {
	data := map[string]any{KeyAction: action, KeyPack: pack, KeyVersion: version, KeyOK: ok}
	if problem != "" {
		data[KeyProblem] = problem
	}
	return Event{Type: StaffPack, Data: data}
}
