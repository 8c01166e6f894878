package ui

import (
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// readAloud reads question q (number index of its round) to an audience that has its
// questions read (quiz.ReadAloud: primary), when the pack holds the clip in the visitor's
// language; a bank without clips stays silent, and an English visitor never hears Chinese.
// It registers the narration bar (the caption, which runs by itself without sound) each
// time the view comes on, and starts the clip once per question: spoken is the index last
// read, plus one. The solo round and the team contest both call it from their enter hooks.
func (s *Shell) readAloud(zone, audience string, q quiz.Presented, index int, spoken *int) {
	if !quiz.ReadAloud(audience) {
		return
	}
	clip := q.ClipIn(s.pack().Root, s.v.Lang())
	if clip == "" {
		return
	}
	s.narrate(content.Media{Zh: clip, En: clip}, zone, q.ID)
	if *spoken == index+1 {
		return
	}
	*spoken = index + 1
	if err := s.d.Player.Play(s.pack().Root, clip); err != nil {
		s.d.Log.Warn("question reading failed", "clip", clip, "err", err)
		return
	}
	s.record(event.NewNarration(zone, q.ID, event.NarrationPlay, string(s.v.Lang())))
}
