package event

import "time"

// The 禁毒大富翁 board game. A game is counted like a team contest: it starts with
// quiz_start and ends with quiz_finish, both of mode BoardMode, and its questions are
// answered with quiz_answer (with the team), so the office's quiz statistics include
// it. What only the board has, squares landed and responses to situations, has types of
// its own.
const (
	BoardSquare   = "board_square"   // a token landed on a square
	BoardResponse = "board_response" // a team picked a response to a situation card

	// BoardMode is the quiz mode of a board game ("team-board").
	BoardMode = TeamModePrefix + "board"

	KeyLimitS = "limit_s" // the game's time limit in seconds
	KeyRounds = "rounds"  // turns per team
	KeyDie    = "die"     // the die's value
	KeyCard   = "card"    // the card a square dealt
	KeySafe   = "safe"    // a response to a situation was a safe one
	KeyRight  = "right"   // questions answered right in a game
)

// NewBoardStart marks a board game begun with teams for an age band.
func NewBoardStart(zone string, teams int, audience string, limit time.Duration, rounds int) Event {
	return Event{Type: QuizStart, Zone: zone, Data: map[string]any{KeyMode: BoardMode, KeyTeams: teams,
		KeyAudience: audience, KeyLimitS: int64(limit / time.Second), KeyRounds: rounds}}
}

// NewBoardSquare marks a team's token landing on square (of kind) after a roll of die;
// card is the card the square dealt, "" for none.
func NewBoardSquare(zone, square, kind string, team, die int, card string) Event {
	data := map[string]any{KeyKind: kind, KeyTeam: team, KeyDie: die}
	if card != "" {
		data[KeyCard] = card
	}
	return Event{Type: BoardSquare, Zone: zone, Item: square, Data: data}
}

// NewBoardAnswer marks a team's answer to a quiz-bank question on the board; choice
// names the picked choice by its letter in the bank.
func NewBoardAnswer(zone, question string, team int, choice []string, correct bool, elapsed time.Duration) Event {
	return Event{Type: QuizAnswer, Zone: zone, Item: question, Data: map[string]any{
		KeyMode: BoardMode, KeyTeam: team, KeyChoice: choice, KeyCorrect: correct, KeyMS: elapsed.Milliseconds()}}
}

// NewBoardResponse marks a team's response (its index in the card) to a situation card.
func NewBoardResponse(zone, card string, team, response int, safe bool) Event {
	return Event{Type: BoardResponse, Zone: zone, Item: card, Data: map[string]any{
		KeyTeam: team, KeyChoice: response, KeySafe: safe}}
}

// NewBoardFinish marks a game ended (reason: "rounds" or "time"); scores are by team
// name (preset or typed by the players: never a person's name, the keypad has no
// letters), right and asked count the quiz questions over all teams.
func NewBoardFinish(zone, audience, reason string, scores map[string]int, right, asked int, d time.Duration) Event {
	return Event{Type: QuizFinish, Zone: zone, Data: map[string]any{KeyMode: BoardMode, KeyAudience: audience,
		KeyReason: reason, KeyScores: scores, KeyRight: right, KeyQuestions: asked, KeyDurationMS: d.Milliseconds()}}
}
