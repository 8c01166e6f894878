package main

import (
	"context"
	"debug/elf"
	"debug/pe"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/jindu-edu/kiosk/internal/appupdate"
	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/demo"
	"github.com/jindu-edu/kiosk/internal/pack"
)

const appUsage = `usage:
  kioskctl app launch [--config FILE] [--packaged PROGRAM] [-- KIOSK ARGS…]
                       start the kiosk: the installed update when it is newer than the
                       system's program, counting its starts (what the systemd unit runs)
  kioskctl app status [--config FILE] [--data DIR]
                       the program versions: system, installed update, previous, last rollback
  kioskctl app install FILE --trust PUBKEY [--config FILE] [--data DIR] [--kiosk ID]
                       install an app pack as the staff panel does (starts at the next start)
  kioskctl app rollback [--config FILE] [--data DIR]
                       return to the previous program version (or the system's) at the next start
`

// runApp dispatches `kioskctl app …`.
func runApp(args []string, stdout io.Writer) (int, error) {
	if len(args) == 0 {
		fmt.Fprint(stdout, appUsage)
		return 2, nil
	}
	switch args[0] {
	case "launch":
		return appLaunch(args[1:])
	case "status", "install", "rollback":
		return appStoreCommand(args[0], args[1:], stdout)
	}
	fmt.Fprint(stdout, appUsage)
	return 2, fmt.Errorf("unknown app command %q", args[0])
}

// packagedProgram is the kiosk installed with the system: beside this kioskctl, with this
// kioskctl's version (they come from one package).
func packagedProgram() appupdate.Program {
	self, err := os.Executable()
	if err != nil {
		self = "/usr/bin/kioskctl"
	}
	return appupdate.Program{Path: filepath.Join(filepath.Dir(self), "kiosk"), Version: version}
}

// appLaunch replaces this process with the kiosk program. A configuration it cannot read
// starts the system's program (which reports the configuration problem itself): the
// launcher must never be why the screen stays dark.
func appLaunch(args []string) (int, error) {
	fl := newFlags("app launch")
	configFlag := fl.String("config", "", "config file (default $"+config.EnvConfig+")")
	packaged := fl.String("packaged", "", "the system's kiosk program (default: kiosk beside kioskctl)")
	if err := fl.Parse(args); err != nil {
		return 2, errors.New("usage: kioskctl app launch [--config FILE] [--packaged PROGRAM] [-- KIOSK ARGS…]")
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	l := &appupdate.Launcher{Packaged: packagedProgram(), Env: os.Environ(), Exec: execProgram, Log: log}
	if *packaged != "" {
		l.Packaged.Path = *packaged
	}
	// The demo content installed with the system, found beside its program.
	l.Demo = demo.Find(demo.Candidates("", os.Getenv(demo.Env), l.Packaged.Path, ""))
	cfg, err := config.Load(config.Path(*configFlag))
	if err != nil {
		log.Error("launcher: configuration unreadable, starting the system's program", "err", err)
	} else if l.Store, err = pack.OpenStore(filepath.Join(cfg.DataDir, appupdate.Dir), log); err != nil {
		log.Error("launcher: program update store unusable, starting the system's program", "err", err)
		l.Store = nil
	}
	return 1, l.Run(fl.Args())
}

// appStoreCommand runs status, install and rollback on the data directory's app store.
func appStoreCommand(name string, args []string, stdout io.Writer) (int, error) {
	fl := newFlags("app " + name)
	configFlag := fl.String("config", "", "config file (default $"+config.EnvConfig+")")
	data := fl.String("data", "", "kiosk data directory (default: the config's data_dir)")
	kiosk := fl.String("kiosk", "", "this kiosk's id (default: the config's kiosk_id)")
	var trust listFlag
	fl.Var(&trust, "trust", "trusted public key; repeatable (default: the config's trusted_keys)")
	pos, err := parseMixed(fl, args)
	if err != nil || (name == "install") != (len(pos) == 1) || len(pos) > 1 {
		fmt.Fprint(stdout, appUsage)
		return 2, fmt.Errorf("usage error in app %s", name)
	}
	cfg, err := config.Load(config.Path(*configFlag))
	if err != nil {
		return 1, err
	}
	if *data != "" {
		cfg.DataDir = *data
	}
	store, err := pack.OpenStore(filepath.Join(cfg.DataDir, appupdate.Dir), nil)
	if err != nil {
		return 1, err
	}
	switch name {
	case "status":
		cur, ok := store.Current()
		next := appupdate.Choose(packagedProgram(), cur, ok)
		fmt.Fprintf(stdout, "下次启动将运行：%s（%s）\n", next.Path, next.Version)
		for _, line := range appupdate.Status(store, packagedProgram()) {
			fmt.Fprintln(stdout, line)
		}
		return 0, nil
	case "rollback":
		_, msg, err := appupdate.Withdraw(store)
		if err != nil {
			return 1, errors.New(msg)
		}
		fmt.Fprintln(stdout, msg)
		return 0, nil
	}
	keys, err := cfg.Packs.PublicKeys()
	if len(trust) > 0 {
		keys, err = trustKeys(trust)
	}
	if err != nil {
		return 2, err
	}
	in, err := appupdate.Install(context.Background(), store, pos[0], pack.InstallOptions{
		Trust: keys, KioskID: or(*kiosk, cfg.KioskID), AppVersion: version,
		Limits: pack.Limits{MaxBytes: cfg.Packs.MaxBytes, MaxFiles: cfg.Packs.MaxFiles, MaxRatio: cfg.Packs.MaxRatio}})
	if err != nil {
		return 1, errors.New(pack.Message(err))
	}
	fmt.Fprintf(stdout, "installed program %s in %s; it starts at the next start of the kiosk\n", in.Manifest.App.Version, in.Dir)
	return 0, nil
}

// packBuildApp is `kioskctl pack build-app`: the kiosk program (and kioskctl) as an app
// pack. The platform is read from the program file; the version is asked from the
// program when it runs here.
func packBuildApp(args []string, stdout io.Writer) (int, error) {
	fl := newFlags("build-app")
	out := fl.String("o", "", "output .jkpack file")
	kioskBin := fl.String("kiosk", "", "the kiosk program")
	ctlBin := fl.String("kioskctl", "", "the kioskctl program (optional)")
	ver := fl.String("version", "", "program version, like 1.5.0 (default: what KIOSK --version prints)")
	goos := fl.String("os", "", "target OS (default: read from the program file)")
	arch := fl.String("arch", "", "target architecture (default: read from the program file)")
	id := fl.String("id", "jindu-kiosk", "pack id")
	zh := fl.String("title-zh", "禁毒展项程序", "Chinese title")
	en := fl.String("title-en", "Jindu kiosk program", "English title")
	minApp := fl.String("min-app", "", "lowest kiosk version that may install it")
	maxApp := fl.String("max-app", "", "highest kiosk version that may install it")
	keyPath := fl.String("key", "", "sign with this private key too")
	var targets listFlag
	fl.Var(&targets, "target", "kiosk ids (default: all kiosks)")
	pos, err := parseMixed(fl, args)
	if err != nil || len(pos) != 0 || *out == "" || *kioskBin == "" {
		return 2, errors.New("usage: kioskctl pack build-app -o FILE --kiosk PROGRAM [--kioskctl PROGRAM] [--version V]")
	}
	if *goos == "" || *arch == "" {
		o, a, err := programPlatform(*kioskBin)
		if err != nil {
			return 1, fmt.Errorf("%w: give --os and --arch", err)
		}
		*goos, *arch = or(*goos, o), or(*arch, a)
	}
	if *ver == "" {
		if *goos != runtime.GOOS || *arch != runtime.GOARCH {
			return 2, fmt.Errorf("%s is for %s/%s and cannot run here: give --version", *kioskBin, *goos, *arch)
		}
		outb, err := exec.Command(*kioskBin, "--version").Output()
		if err != nil {
			return 1, fmt.Errorf("%s --version: %w", *kioskBin, err)
		}
		*ver = strings.TrimSpace(strings.SplitN(string(outb), "\n", 2)[0])
		if i := strings.IndexByte(*ver, '-'); i >= 0 || !strings.Contains(*ver, ".") {
			return 1, fmt.Errorf("%s is a development build (%q): build it with a release version (git tag) or give --version", *kioskBin, *ver)
		}
	}
	o := pack.BuildOptions{ID: *id, Title: pack.Text{Zh: *zh, En: *en}, MinAppVersion: *minApp,
		MaxAppVersion: *maxApp, Target: pack.Target{All: len(targets) == 0, Kiosks: targets}}
	if *keyPath != "" {
		if o.Key, err = pack.ReadPrivateKey(*keyPath); err != nil {
			return 1, err
		}
	}
	m, err := pack.BuildApp(*kioskBin, *ctlBin, *out, pack.App{Version: strings.TrimPrefix(*ver, "v"), OS: *goos, Arch: *arch}, o)
	if err != nil {
		return 1, errors.New(pack.Message(err))
	}
	state := "unsigned: run kioskctl pack sign"
	if o.Key != nil {
		state = "signed by " + m.KeyID
	}
	fmt.Fprintf(stdout, "%s: program %s for %s/%s (pack version %d), %d files, %s (%s)\n",
		*out, m.App.Version, m.App.OS, m.App.Arch, m.Version, m.FileCount, size(m.TotalSize), state)
	return 0, nil
}

// programPlatform reads the OS and architecture from an ELF (Linux) or PE (Windows) file.
func programPlatform(path string) (goos, arch string, err error) {
	if f, err := elf.Open(path); err == nil {
		defer f.Close()
		arch := map[elf.Machine]string{elf.EM_X86_64: "amd64", elf.EM_AARCH64: "arm64", elf.EM_386: "386",
			elf.EM_ARM: "arm", elf.EM_RISCV: "riscv64", elf.EM_LOONGARCH: "loong64"}[f.Machine]
		if arch == "" {
			return "", "", fmt.Errorf("%s: unknown machine %v", path, f.Machine)
		}
		return "linux", arch, nil
	}
	if f, err := pe.Open(path); err == nil {
		defer f.Close()
		arch := map[uint16]string{pe.IMAGE_FILE_MACHINE_AMD64: "amd64", pe.IMAGE_FILE_MACHINE_ARM64: "arm64",
			pe.IMAGE_FILE_MACHINE_I386: "386"}[f.Machine]
		if arch == "" {
			return "", "", fmt.Errorf("%s: unknown machine %#x", path, f.Machine)
		}
		return "windows", arch, nil
	}
	return "", "", fmt.Errorf("%s is neither a Linux nor a Windows program", path)
}
