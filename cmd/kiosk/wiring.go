package main

import (
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"time"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/audio/device"
	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/ui"
	"github.com/jindu-edu/kiosk/quizbank"
)

// loadContent loads the configured content root, falling back to the bundled demo when it
// is missing or invalid. The kiosk never shows an empty screen.
func loadContent(dir string, log *slog.Logger) (*content.Catalog, fs.FS, ui.ContentInfo) {
	if dir != "" {
		root := os.DirFS(dir)
		cat, rep := content.Load(root)
		err := rep.Err()
		if err == nil {
			return cat, root, ui.ContentInfo{Source: dir, Problems: rep.Problems}
		}
		log.Error("configured content is invalid, showing the bundled content", "dir", dir, "err", err)
		for _, p := range rep.Errors() {
			log.Error("content problem", "problem", p.String())
		}
		builtin, brep := content.Load(assets.Content())
		mustValid(brep, log)
		return builtin, assets.Content(), ui.ContentInfo{
			Source: "bundled demo", Problems: rep.Problems, Fallback: dir + ": " + err.Error()}
	}
	cat, rep := content.Load(assets.Content())
	mustValid(rep, log)
	return cat, assets.Content(), ui.ContentInfo{Source: "bundled demo", Problems: rep.Problems}
}

// loadQuiz loads the quiz bank of the content root (or the bundled one) and this kiosk's
// quiz state. An invalid bank from a content directory falls back to the bundled bank; the
// problems go to the log and the staff panel.
func loadQuiz(cfg config.Config, root fs.FS, info *ui.ContentInfo, log *slog.Logger) ui.QuizDeps {
	bank, rep := quiz.Load(quiz.BankFS(root, quizbank.Files()), root)
	if err := rep.Err(); err != nil {
		log.Error("quiz bank is invalid, using the bundled bank", "err", err)
		info.Problems = append(info.Problems, rep.Problems...)
		var brep lint.Report
		bank, brep = quiz.Load(quizbank.Files(), assets.Content())
		mustValid(brep, log)
	} else {
		info.Problems = append(info.Problems, rep.Problems...)
	}
	q := ui.QuizDeps{
		Bank:      bank,
		Timer:     time.Duration(cfg.Quiz.QuestionTime),
		RoundSize: cfg.Quiz.RoundSize,
		Recent:    &quiz.Recent{},
		Groups:    &quiz.Groups{},
		Save: func(r *quiz.Recent, g *quiz.Groups) error {
			return errors.Join(quiz.SaveJSON(cfg.DataDir, quiz.RecentFile, r), quiz.SaveJSON(cfg.DataDir, quiz.GroupsFile, g))
		},
	}
	for name, v := range map[string]any{quiz.RecentFile: q.Recent, quiz.GroupsFile: q.Groups} {
		if err := quiz.LoadJSON(cfg.DataDir, name, v); err != nil {
			log.Error("quiz state ignored", "err", err) // damaged: start afresh, the file is rewritten
		}
	}
	return q
}

// mustValid stops on invalid bundled content: that is a build defect, caught by make test.
func mustValid(rep lint.Report, log *slog.Logger) {
	if err := rep.Err(); err != nil {
		log.Error("bundled content is invalid: this build is broken", "err", err)
		os.Exit(1)
	}
}

func mustStrings(log *slog.Logger) *ui.Strings {
	s, err := ui.LoadStrings(assets.Strings())
	if err != nil {
		log.Error("bundled UI strings are invalid: this build is broken", "err", err)
		os.Exit(1)
	}
	return s
}

// openAudio finds the sound device without ever blocking on it; with none, narration is
// silent and the staff panel says why.
func openAudio(enabled bool, log *slog.Logger) (audio.Player, func()) {
	if !enabled {
		return audio.Silent{Why: "narration is turned off in the configuration (audio = false)"}, func() {}
	}
	if ok, why := audio.DetectDevice(audio.CardsFile); !ok {
		log.Warn("no sound device, narration is silent", "reason", why)
		return audio.Silent{Why: why}, func() {}
	}
	out, err := device.Open()
	if err != nil {
		log.Warn("sound device unusable, narration is silent", "err", err)
		return audio.Silent{Why: err.Error()}, func() {}
	}
	return audio.NewBeepPlayer(out, nil), func() {}
}
