package main

import (
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
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

// bundled is the fallback content: the demo root (demoRoot) with the quiz bank built into
// the program; validated quiz banks are cached in dataDir/cache (empty: not cached).
func bundled(demo fs.FS, dataDir string) exhibit.Bundled {
	b := exhibit.Bundled{Root: demo, Bank: quizbank.Files()}
	if dataDir != "" {
		b.BankCache = filepath.Join(dataDir, "cache")
	}
	return b
}

// loadContent loads the configured content root, falling back to the bundled demo when it
// is missing or invalid: the kiosk never shows an empty screen. Why it fell back goes to
// the log and to the staff panel (Pack.Fallback, Pack.Problems).
func loadContent(dir string, b exhibit.Bundled, log *slog.Logger) *exhibit.Pack {
	var root fs.FS
	if dir != "" {
		if d, err := openRoot(dir); err != nil {
			log.Error("configured content directory unusable", "dir", dir, "err", err)
			root = emptyRoot{} // loads as invalid: the bundled content is shown and the panel says why
		} else {
			root = d // stays open for the life of the process
		}
	}
	p, err := exhibit.LoadOrBundled(root, dir, b)
	if err != nil {
		log.Error("没有可展示的内容：演示内容缺失或损坏，请重新安装展项程序（或用 --demo 指定演示内容目录）",
			"err", err)
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

// demoRoot opens the demo content found in dir (demo.Locate; "" when none was found, tried
// lists where it was looked for). A build with the embeddemo tag falls back to its embedded
// copy; otherwise a missing or unreadable demo is logged and an empty root returned: the
// kiosk then runs on an installed or configured pack, and stops with a clear message if
// there is none.
func demoRoot(dir string, tried []string, log *slog.Logger) fs.FS {
	if dir != "" {
		root, err := openRoot(dir)
		if err == nil {
			log.Info("demo content", "dir", dir)
			return root
		}
		log.Error("demo content unreadable", "dir", dir, "err", err)
	}
	if e := embeddedDemo(); e != nil {
		return e
	}
	if dir == "" {
		log.Error("demo content not found: without an installed content pack nothing can be shown",
			"tried", strings.Join(tried, ", "), "fix", "reinstall the kiosk package or start it with --demo DIR")
	}
	return emptyRoot{}
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
// silent (the staff panel says why) and there are no sound effects. Effects mix over the
// narration on the same device.
func openAudio(enabled bool, log *slog.Logger) (audio.Player, audio.Effects, func()) {
	if !enabled {
		return audio.Silent{Why: "配置文件中关闭了讲解声音（audio = false）"}, audio.NoEffects{}, func() {}
	}
	if ok, why := audio.Detect(); !ok {
		log.Warn("no sound device, narration is silent", "reason", why)
		return audio.Silent{Why: "没有找到声卡：请检查音箱和声卡的连接，然后重启本机"}, audio.NoEffects{}, func() {}
	}
	out, err := device.Open()
	if err != nil {
		log.Warn("sound device unusable, narration is silent", "err", err)
		return audio.Silent{Why: "声卡无法打开：请检查音箱连接后重启本机（详情已写入程序日志）"}, audio.NoEffects{}, func() {}
	}
	var fx audio.Effects = audio.NoEffects{}
	if e, err := audio.NewBeepEffects(out, assets.Sounds()); err != nil {
		log.Error("sound effects unusable: this build is broken", "err", err)
	} else {
		fx = e
	}
	return audio.NewBeepPlayer(out, nil), fx, func() {}
}
