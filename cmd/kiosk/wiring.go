package main

import (
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/audio/device"
	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/safefs"
	"github.com/jindu-edu/kiosk/internal/ui"
	"github.com/jindu-edu/kiosk/quizbank"
)

// bundled is the content built into the program; validated quiz banks are cached in
// dataDir/cache (empty: not cached).
func bundled(dataDir string) exhibit.Bundled {
	b := exhibit.Bundled{Root: assets.Content(), Bank: quizbank.Files()}
	if dataDir != "" {
		b.BankCache = filepath.Join(dataDir, "cache")
	}
	return b
}

// loadContent loads the configured content root, falling back to the bundled demo when it
// is missing or invalid: the kiosk never shows an empty screen. Why it fell back goes to
// the log and to the staff panel (Pack.Fallback, Pack.Problems).
func loadContent(dir, dataDir string, log *slog.Logger) *exhibit.Pack {
	var root fs.FS
	if dir != "" {
		if d, err := openRoot(dir); err != nil {
			log.Error("configured content directory unusable", "dir", dir, "err", err)
			root = emptyRoot{} // loads as invalid: the bundled content is shown and the panel says why
		} else {
			root = d // stays open for the life of the process
		}
	}
	p, err := exhibit.LoadOrBundled(root, dir, bundled(dataDir))
	if err != nil {
		log.Error("bundled content is invalid: this build is broken", "err", err)
		os.Exit(1)
	}
	if p.Fallback != "" {
		log.Error("configured content is invalid, showing the bundled content", "dir", dir, "why", p.Fallback)
		for _, pr := range p.Problems {
			if pr.Severity == lint.Error {
				log.Error("content problem", "problem", pr.String())
			}
		}
	}
	return p
}

// openRoot opens a content root that is never read through a link or a special file, nor
// past the content limits.
func openRoot(dir string) (fs.FS, error) {
	return safefs.New(dir, content.DefaultLimits().MaxFile())
}

// emptyRoot is a content root with nothing in it.
type emptyRoot struct{}

func (emptyRoot) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// loadQuiz makes the quiz dealer with this kiosk's saved quiz state.
func loadQuiz(cfg config.Config, clock kiosk.Clock, log *slog.Logger) *exhibit.Quizzes {
	recent, groups, save, err := exhibit.QuizState(cfg.DataDir)
	if err != nil {
		log.Error("quiz state ignored", "err", err) // damaged: start afresh, the file is rewritten
	}
	return exhibit.NewQuizzes(exhibit.QuizConfig{
		Clock: clock, Timer: time.Duration(cfg.Quiz.QuestionTime), RoundSize: cfg.Quiz.RoundSize,
		Recent: recent, Groups: groups, Save: save, Log: log,
	})
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
