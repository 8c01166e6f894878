package main

import (
	"io/fs"
	"log/slog"
	"os"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/audio/device"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/ui"
)

// loadContent loads the configured content root, falling back to the bundled demo when it
// is missing or invalid. The kiosk never shows an empty screen.
func loadContent(dir string, log *slog.Logger) (*content.Catalog, fs.FS, ui.ContentInfo) {
	if dir != "" {
		root := os.DirFS(dir)
		cat, rep := content.Load(root)
		if err := rep.Err(); err == nil {
			return cat, root, ui.ContentInfo{Source: dir, Problems: rep.Problems}
		} else {
			log.Error("configured content is invalid, showing the bundled content", "dir", dir, "err", err)
			for _, p := range rep.Errors() {
				log.Error("content problem", "problem", p.String())
			}
			builtin, brep := content.Load(assets.Content())
			mustValid(brep, log)
			return builtin, assets.Content(), ui.ContentInfo{
				Source: "bundled demo", Problems: rep.Problems, Fallback: dir + ": " + err.Error()}
		}
	}
	cat, rep := content.Load(assets.Content())
	mustValid(rep, log)
	return cat, assets.Content(), ui.ContentInfo{Source: "bundled demo", Problems: rep.Problems}
}

// mustValid stops on invalid bundled content: that is a build defect, caught by make test.
func mustValid(rep content.Report, log *slog.Logger) {
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
