// Package boardgame is the 禁毒大富翁 board game without a screen: 2–4 teams walk a board
// of squares from the content pack (content.Board), rolling a seeded fair die in turn; the
// square they land on deals a card (a quiz-bank question, a situation to respond to, a
// knowledge card, a trap, a sunshine station), which scores points and moves tokens. The
// game ends after a number of rounds or at a time limit read from an injected clock, with
// a ranking and the cards each team met. The UI animates what the Move and Outcome values
// describe; everything here is decided at once, so an animation never holds up a rule.
package boardgame
