// Command kiosk is the full-screen exhibition program of a drug-prevention education base.
// It is the only package that imports fyne/v2/app: it reads the configuration, loads the
// content (falling back to the bundled demo), finds the sound device and starts the UI.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/jindu-edu/kiosk/internal/appupdate"
	"github.com/jindu-edu/kiosk/internal/audio"
	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/demo"
	"github.com/jindu-edu/kiosk/internal/exhibit"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/instance"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/mirror"
	"github.com/jindu-edu/kiosk/internal/pack"
	_ "github.com/jindu-edu/kiosk/internal/syslocale" // before Fyne reads the locale (its doc says why)
	"github.com/jindu-edu/kiosk/internal/ui"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() { os.Exit(run()) }

// run is the program; its result is the exit status (deferred clean-ups run first).
func run() int {
	configFlag := flag.String("config", "", "config file (default $"+config.EnvConfig+")")
	windowed := flag.Bool("windowed", false, "run in a window instead of full screen (development)")
	contentDir := flag.String("content", "", "content root directory (overrides content_dir)")
	dataDir := flag.String("data", "", "data directory (overrides data_dir)")
	showVersion := flag.Bool("version", false, "print the version and exit")
	tour := flag.String("tour", "", "show every screen once, save screenshots of the real window to DIR, and quit")
	demoDir := flag.String("demo", "", "demo content directory (default: $"+demo.Env+", else found beside the program)")
	safe := flag.Bool("safe", false, "show only the out-of-service card (the service manager's fallback)")
	flag.Parse()
	if *showVersion {
		fmt.Println(version)
		return 0
	}

	log := newLogger()
	slog.SetDefault(log) // packages that log through the default logger share the format
	if *safe {
		a := app.NewWithID("cn.nanming.jindu.kiosk")
		dropFyneStopHook(a)
		runSafe(a, a.NewWindow("禁毒预防教育基地"), log)
		return 0
	}
	// A broken config must not leave a dark screen, nor change the kiosk's identity: run on
	// the defaults with the last good kiosk id and hub settings, and say why.
	cfg, warnings, err := config.LoadForKiosk(config.Path(*configFlag), *dataDir)
	if err != nil {
		log.Error("configuration unusable, running with defaults and the saved identity", "err", err)
	}
	for _, w := range warnings {
		log.Warn("configuration", "warning", w)
	}
	if *windowed {
		cfg.Windowed = true
	}
	if *contentDir != "" {
		cfg.ContentDir = *contentDir
	}
	if *dataDir != "" {
		cfg.DataDir = *dataDir
	}
	lock, err := instance.Acquire(cfg.DataDir)
	if err != nil {
		log.Error("展项程序已在运行，或数据目录不可用：不再启动第二个", "err", err)
		return 1
	}
	defer lock.Release()

	var screenW, screenH int
	if !cfg.Windowed {
		screenW, screenH = setScreenScale(log)
	}
	setMemoryLimits(screenW, screenH, log)
	a := app.NewWithID("cn.nanming.jindu.kiosk")
	dropFyneStopHook(a)
	w := a.NewWindow("禁毒预防教育基地")
	dir, tried := demo.Locate(*demoDir)
	deps, stores, closeAll := wire(cfg, demoRoot(dir, tried, log), log, a)
	st := newStopper(closeAll, log)
	defer st.finish()
	deps.Quit = st.quitting(0, a.Quit)
	deps.AppVersion = version
	deps.FreeMemory = freeMemory
	deps.Warnings = append(warnings, deps.Warnings...)
	svc := newService(cfg, log, st.quitting(exitRestart, a.Quit))
	deps.Hours = schedule(cfg, log)
	deps.OnTick = svc.onTick

	if cfg.Windowed {
		w.Resize(fyne.NewSize(1920, 1080))
	} else {
		w.SetFullScreen(true)
	}
	w.SetPadded(false)
	// Visitors can never close the window; staff leave through the panel. Fyne has no exit
	// shortcut on Linux; keys are swallowed so that a plugged-in keyboard does nothing either.
	w.SetCloseIntercept(func() { log.Warn("window close ignored: use the staff panel to exit") })
	w.Canvas().SetOnTypedKey(func(*fyne.KeyEvent) {})
	w.Canvas().SetOnTypedRune(func(rune) {})

	shell := ui.NewShell(w, deps)
	stop := make(chan struct{})
	defer close(stop)
	shell.Start(stop)
	go trimLoop(stop, trimEvery, mallocTrim)
	quitOnSignal(st.quitting(0, func() { fyne.Do(a.Quit) }), log)
	source := deps.Shelf.Current().Source
	a.Lifecycle().SetOnStarted(func() {
		debug.SetGCPercent(idleGCPercent) // the attract loop comes first: the idle pace (memory.go)
		svc.ready("展项运行中 · content " + source)
		bootOKAfterFirstFrame(stores, log)
	})
	time.AfterFunc(5*time.Second, freeMemory) // what loading the content and the bank left
	defer keepScreenOn(log)()
	if *tour != "" {
		go runTour(a, w, shell, *tour, log)
	}
	log.Info("kiosk started", "version", version, "kiosk_id", cfg.KioskID, "content", source,
		"data_dir", cfg.DataDir, "audio", deps.Player.Available())
	w.ShowAndRun()
	if svc.restart {
		return exitRestart
	}
	return 0
}

// wire builds the exhibit core and the UI's dependencies from the configuration.
func wire(cfg config.Config, demoFS fs.FS, log *slog.Logger, a fyne.App) (ui.Deps, startStores, func()) {
	clock := kiosk.SystemClock{}
	store, notice := packStore(cfg, log)
	apps := appStore(cfg, log)
	shelf := exhibit.NewShelf(nil)
	b := bundled(demoFS, cfg.DataDir)
	desk := packDesk(cfg, store, apps, shelf, b, log)
	shelf.Swap(startContent(cfg, desk, b, log))
	strs := mustStrings(log)
	player, effects, closeAudio := openAudio(cfg.Audio, log)

	settings, err := kiosk.LoadSettings(cfg.DataDir, cfg.Visitor)
	if err != nil {
		log.Error("staff settings ignored", "err", err)
	}
	hash, err := kiosk.LoadPINHash(cfg.DataDir)
	if err != nil {
		log.Warn("staff panel locked", "err", err)
	}
	recorder, records, device, closeRecords := openRecords(cfg, shelf.Current().Version(), func() string { return shelf.Current().Version() }, log)
	visit := exhibit.NewVisit(exhibit.VisitConfig{
		Clock: clock, Recorder: newGCPacer(recorder), Volume: audio.Volumes{player, effects}, Shelf: shelf, Settings: settings,
		SaveSettings: func(s kiosk.Settings) error { return kiosk.SaveSettings(cfg.DataDir, s) },
	})
	guard, err := kiosk.NewGuardPersisted(clock, hash, cfg.DataDir)
	if err != nil {
		log.Error("staff PIN lockout state", "err", err)
	}
	if notice != "" {
		visit.Record(event.NewStaffPack(event.PackRollback, "", 0, true, notice))
	}
	quizzes := loadQuiz(cfg, clock, log)
	wallStore, wallWarning, closeWall := openWall(cfg, log)
	deps := ui.Deps{
		Shelf:      shelf,
		Visit:      visit,
		Quiz:       quizzes,
		Records:    records,
		Device:     device,
		Strings:    strs,
		Player:     player,
		Effects:    effects,
		Clock:      clock,
		Guard:      guard,
		HideCursor: cfg.HideCursor && !cfg.Windowed,
		Camera:     &mirror.V4L2{Device: os.Getenv("KIOSK_CAMERA")}, // opened only in the mirror zone
		Quit:       a.Quit,
		Log:        log,
		Wall:       wallStore,
	}
	if wallStore != nil {
		deps.WallDelivery = wallDelivery(recorder)
	}
	if wallWarning != "" {
		deps.Warnings = append(deps.Warnings, wallWarning)
	}
	if desk != nil {
		deps.Packs = desk
	}
	return deps, startStores{packs: store, apps: apps}, func() {
		quizzes.Flush()
		closeAudio()
		closeRecords()
		closeWall()
	}
}

// startStores are the stores whose installs are on trial until the first frame.
type startStores struct {
	packs *pack.Store // content packs
	apps  *pack.Store // program updates
}

// bootOKAfterFirstFrame tells the pack store, and the app store when the launcher started
// an update, that this start reached the screen, a few seconds after the app started (the
// attract loop is drawn by then).
func bootOKAfterFirstFrame(st startStores, log *slog.Logger) {
	time.AfterFunc(3*time.Second, func() {
		if st.packs != nil {
			if err := st.packs.BootOK(); err != nil {
				log.Error("content pack start not confirmed", "err", err)
			}
		}
		if err := appupdate.Confirm(st.apps, os.Getenv(appupdate.EnvInstall)); err != nil {
			log.Error("program update start not confirmed", "err", err)
		}
	})
}

// quitOnSignal lets the service manager stop the kiosk cleanly (SIGTERM, SIGINT).
func quitOnSignal(quit func(), log *slog.Logger) {
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		s := <-sig
		log.Info("stopping on signal", "signal", s.String())
		quit()
	}()
}
