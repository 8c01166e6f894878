package main

import (
	"errors"
	"log/slog"
	"os"
	"time"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/blanking"
	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/hours"
	"github.com/jindu-edu/kiosk/internal/journal"
	"github.com/jindu-edu/kiosk/internal/sdnotify"
	"github.com/jindu-edu/kiosk/internal/ui"
)

// exitRestart is the exit status of a nightly restart: the service manager starts the
// kiosk again (exit status 0, a staff exit, does not restart: RestartPreventExitStatus=0).
const exitRestart = 75

// newLogger logs to the systemd journal with structured fields when systemd connected
// stderr to it (JOURNAL_STREAM), else as text to stderr (or a file, see logOutput).
func newLogger() *slog.Logger {
	text := slog.NewTextHandler(logOutput(), &slog.HandlerOptions{Level: slog.LevelInfo})
	if os.Getenv("JOURNAL_STREAM") != "" {
		return slog.New(journal.Open("jindu-kiosk", slog.LevelInfo, text))
	}
	return slog.New(text)
}

// service is what the kiosk does for the service manager: READY=1 after the first frame,
// a watchdog ping from the UI loop, the nightly restart between visits.
type service struct {
	log     *slog.Logger
	notify  *sdnotify.Notifier
	beat    *sdnotify.Heartbeat
	nightly hours.Nightly
	started time.Time
	now     func() time.Time
	quit    func()
	restart bool // set when quitting for the nightly restart
}

func newService(cfg config.Config, log *slog.Logger, quit func()) *service {
	n := sdnotify.FromEnv()
	wd := sdnotify.WatchdogInterval(os.Getenv, os.Getpid(), os.Getppid())
	s := &service{log: log, notify: n, beat: sdnotify.NewHeartbeat(n, wd), started: time.Now(), now: time.Now, quit: quit}
	s.beat.OnError = func(err error) { log.Warn("watchdog ping failed", "err", err) }
	nightly, err := cfg.Hours.Nightly()
	if err != nil { // config.Load already refused this file; defaults are in use
		log.Error("nightly restart off", "err", err)
	}
	s.nightly = nightly
	if wd > 0 {
		log.Info("service watchdog on", "timeout", wd.String())
	}
	return s
}

// ready tells systemd the first frame is up.
func (s *service) ready(status string) {
	if err := s.notify.Ready(status); err != nil {
		s.log.Warn("could not tell the service manager the kiosk is ready", "err", err)
	}
}

// onTick is ui.Deps.OnTick: it runs on the UI thread, so a frozen UI stops the pings and
// the service manager restarts the kiosk.
func (s *service) onTick(between bool) {
	now := s.now()
	s.beat.Beat(now)
	if between && !s.restart && s.nightly.Due(s.started, now) {
		s.restart = true
		s.log.Info("nightly restart")
		s.notify.Stopping()
		s.quit()
	}
}

// keepScreenOn turns screen blanking off for the life of the program.
func keepScreenOn(log *slog.Logger) func() {
	restore, err := blanking.Prevent(blanking.System())
	switch {
	case errors.Is(err, blanking.ErrNothingToDo):
		log.Debug("screen blanking", "note", err.Error())
	case err != nil:
		log.Warn("screen may blank while the kiosk is open", "err", err)
	}
	return restore
}

// schedule reads the opening hours (nil: always open).
func schedule(cfg config.Config, log *slog.Logger) *hours.Schedule {
	s, err := cfg.Hours.Schedule()
	if err != nil { // config.Load already refused this file; defaults are in use
		log.Error("opening hours ignored", "err", err)
		return nil
	}
	return s
}

// runSafe shows the out-of-service card and nothing else (kiosk --safe): the service
// manager's fallback when the kiosk keeps failing to start, so the wall shows a calm card
// rather than a desktop or a restart storm.
func runSafe(a fyne.App, w fyne.Window, log *slog.Logger) {
	why := "展项程序多次启动失败，请查看系统日志：journalctl -u jindu-kiosk"
	ui.ShowOutOfService(w, mustStrings(log), why)
	w.SetFullScreen(true)
	w.SetPadded(false)
	w.SetCloseIntercept(func() {})
	st := newStopper(func() {}, log)
	quitOnSignal(st.quitting(0, func() { fyne.Do(a.Quit) }), log)
	log.Warn("showing the out-of-service screen (kiosk --safe)")
	w.ShowAndRun()
}
