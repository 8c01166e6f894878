// Package quiz is the knowledge quiz without a UI: the quiz-bank format and its validation,
// question selection balanced over topics and difficulty, choice shuffling, per-question
// timing, scoring, the team contest (buzz-in or turns) and the record of group results.
// Randomness comes from a seeded *rand.Rand and time from a kiosk.Clock, so every rule is
// testable and deterministic.
package quiz
