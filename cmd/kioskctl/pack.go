package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/content"
	klint "github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/pack"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/quizbank"
)

const packUsage = `usage:
  kioskctl pack keygen OUT           new signing key: OUT (private, 0600) and OUT.pub
  kioskctl pack build DIR -o FILE --id ID --title-zh T --title-en T --version N
                      [--target kiosk-01,kiosk-02] [--min-app 1.4] [--key KEY]
                                     lint DIR (content and quiz bank) and pack it
  kioskctl pack build-app -o FILE --kiosk PROGRAM [--kioskctl PROGRAM] [--version 1.5.0]
                      [--os linux --arch amd64] [--min-app V] [--max-app V] [--target …] [--key KEY]
                                     a program update (app pack); platform read from PROGRAM
  kioskctl pack sign FILE --key KEY  sign (or re-sign) FILE in place
  kioskctl pack verify FILE --trust PUBKEY [--trust PUBKEY2 …]
                                     check signature, manifest and every file
  kioskctl pack info FILE            show the manifest without checking the signature
`

// runPack dispatches `kioskctl pack …`. The hidden `pack install FILE --data DIR --trust
// KEY [--kiosk ID] [--app-version V] [--stats]` installs into DIR/packs as the kiosk would
// (for staff without the touch panel, and for bench/pack.sh).
func runPack(args []string, stdout io.Writer) (int, error) {
	if len(args) == 0 {
		fmt.Fprint(stdout, packUsage)
		return 2, nil
	}
	cmds := map[string]func([]string, io.Writer) (int, error){
		"keygen": packKeygen, "build": packBuild, "build-app": packBuildApp, "sign": packSign,
		"verify": packVerify, "info": packInfo, "install": packInstall,
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprint(stdout, packUsage)
		return 2, fmt.Errorf("unknown pack command %q", args[0])
	}
	return cmd(args[1:], stdout)
}

// parseMixed parses flags that may come before or after the positional arguments.
func parseMixed(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		if fl.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
}

// listFlag collects repeated or comma-separated values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

func newFlags(name string) *flag.FlagSet {
	fl := flag.NewFlagSet("kioskctl pack "+name, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	return fl
}

func packKeygen(args []string, stdout io.Writer) (int, error) {
	if len(args) != 1 {
		return 2, errors.New("usage: kioskctl pack keygen OUT")
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return 1, fmt.Errorf("generate key: %w", err)
	}
	if err := pack.WritePrivateKey(args[0], priv); err != nil {
		return 1, err
	}
	s := pack.PublicKeyString(pub)
	if err := os.WriteFile(args[0]+".pub", []byte(s+"\n"), 0o644); err != nil {
		return 1, fmt.Errorf("write public key: %w", err)
	}
	fmt.Fprintf(stdout, "private key: %s (keep it secret; never put it on a kiosk)\npublic key:  %s\nkey id:      %s\n"+
		"add the public key to [packs] trusted_keys of every kiosk config\n", args[0], s, pack.KeyID(pub))
	return 0, nil
}

func packBuild(args []string, stdout io.Writer) (int, error) {
	fl := newFlags("build")
	out := fl.String("o", "", "output .jkpack file")
	id := fl.String("id", "", "pack id")
	zh := fl.String("title-zh", "", "Chinese title")
	en := fl.String("title-en", "", "English title")
	version := fl.Int64("version", 0, "version, above every earlier pack's")
	minApp := fl.String("min-app", "", "lowest kiosk software version")
	keyPath := fl.String("key", "", "sign with this private key too")
	var targets listFlag
	fl.Var(&targets, "target", "kiosk ids (default: all kiosks)")
	pos, err := parseMixed(fl, args)
	if err != nil || len(pos) != 1 || *out == "" {
		return 2, errors.New("usage: kioskctl pack build DIR -o FILE --id ID --title-zh T --title-en T --version N")
	}
	dir := pos[0]
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return 1, fmt.Errorf("%s is not a directory", dir)
	}
	root, err := openRoot(dir) // same reader as content lint: no links, no oversized files
	if err != nil {
		return 1, err
	}
	if err := checkRoot(root, stdout); err != nil {
		return 1, fmt.Errorf("not packed: %w", err)
	}
	o := pack.BuildOptions{ID: *id, Title: pack.Text{Zh: *zh, En: *en}, Version: *version,
		MinAppVersion: *minApp, Target: pack.Target{All: len(targets) == 0, Kiosks: targets}}
	if *keyPath != "" {
		if o.Key, err = pack.ReadPrivateKey(*keyPath); err != nil {
			return 1, err
		}
	}
	m, err := pack.Build(dir, *out, o)
	if err != nil {
		return 1, err
	}
	state := "unsigned: run kioskctl pack sign"
	if o.Key != nil {
		state = "signed by " + m.KeyID
	}
	fmt.Fprintf(stdout, "%s: %s v%d, %d files, %s (%s)\n", *out, m.ID, m.Version, m.FileCount, size(m.TotalSize), state)
	return 0, nil
}

// checkRoot is the content check of `pack build` and `pack install`: content.Load and
// quiz.Load, exactly as `content lint` and `quizbank lint` run them. Warnings are printed
// when stdout is set; errors refuse the root.
func checkRoot(root fs.FS, stdout io.Writer) error {
	_, crep := content.Load(root)
	_, qrep := quiz.Load(quiz.BankFS(root, quizbank.Files()), root)
	probs := append(crep.Problems, qrep.Problems...)
	var errs []string
	for _, p := range probs {
		if stdout != nil {
			fmt.Fprintln(stdout, p.String())
		}
		if p.Severity == klint.Error {
			errs = append(errs, p.String())
		}
	}
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("内容有错误: %s", errs[0])
	}
	return fmt.Errorf("内容有 %d 处错误, 第一处: %s", len(errs), errs[0])
}

func packSign(args []string, stdout io.Writer) (int, error) {
	fl := newFlags("sign")
	keyPath := fl.String("key", "", "private key file")
	pos, err := parseMixed(fl, args)
	if err != nil || len(pos) != 1 || *keyPath == "" {
		return 2, errors.New("usage: kioskctl pack sign FILE --key KEY")
	}
	key, err := pack.ReadPrivateKey(*keyPath)
	if err != nil {
		return 1, err
	}
	m, err := pack.Sign(pos[0], key)
	if err != nil {
		return 1, errors.New(pack.Message(err))
	}
	fmt.Fprintf(stdout, "%s: %s v%d signed by %s\n", pos[0], m.ID, m.Version, m.KeyID)
	return 0, nil
}

// trustKeys reads --trust values: a base64 public key, or a file holding one (OUT.pub).
func trustKeys(list []string) ([]ed25519.PublicKey, error) {
	keys := make([]ed25519.PublicKey, 0, len(list))
	for _, s := range list {
		if data, err := os.ReadFile(s); err == nil {
			s = string(data)
		}
		k, err := pack.ParsePublicKey(s)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, nil
}

func packVerify(args []string, stdout io.Writer) (int, error) {
	fl := newFlags("verify")
	var trust listFlag
	fl.Var(&trust, "trust", "trusted public key (base64 or a .pub file); repeatable")
	pos, err := parseMixed(fl, args)
	if err != nil || len(pos) != 1 || len(trust) == 0 {
		return 2, errors.New("usage: kioskctl pack verify FILE --trust PUBKEY [--trust PUBKEY2 …]")
	}
	keys, err := trustKeys(trust)
	if err != nil {
		return 2, err
	}
	m, err := pack.Verify(pos[0], keys, pack.Limits{})
	if err != nil {
		return 1, errors.New(pack.Message(err))
	}
	fmt.Fprintf(stdout, "ok: %s v%d 《%s》, %d files, %s, signed by %s\n", m.ID, m.Version, m.Title.Zh, m.FileCount, size(m.TotalSize), m.KeyID)
	return 0, nil
}

func packInfo(args []string, stdout io.Writer) (int, error) {
	if len(args) != 1 {
		return 2, errors.New("usage: kioskctl pack info FILE")
	}
	m, signed, err := pack.Info(args[0])
	if err != nil {
		return 1, errors.New(pack.Message(err))
	}
	target := "all kiosks"
	if !m.Target.All {
		target = strings.Join(m.Target.Kiosks, ", ")
	}
	sig := "unsigned"
	if signed {
		sig = "signed by " + m.KeyID + " (not checked; use pack verify)"
	}
	fmt.Fprintf(stdout, "id:        %s\ntitle:     %s / %s\nversion:   %d\ncreated:   %s\nmin app:   %s\ntarget:    %s\nfiles:     %d, %s\nsignature: %s\n",
		m.ID, m.Title.Zh, m.Title.En, m.Version, m.Created.Format(time.RFC3339), or(m.MinAppVersion, "any"), target, m.FileCount, size(m.TotalSize), sig)
	if m.MaxAppVersion != "" {
		fmt.Fprintf(stdout, "max app:   %s\n", m.MaxAppVersion)
	}
	if m.IsApp() {
		fmt.Fprintf(stdout, "program:   %s for %s/%s (app pack)\n", m.App.Version, m.App.OS, m.App.Arch)
	}
	return 0, nil
}

func packInstall(args []string, stdout io.Writer) (int, error) {
	fl := newFlags("install")
	data := fl.String("data", config.DefaultDataDir(), "kiosk data directory")
	kiosk := fl.String("kiosk", "kiosk-01", "this kiosk's id")
	app := fl.String("app-version", "dev", "kiosk software version")
	stats := fl.Bool("stats", false, "print time and peak memory")
	var trust listFlag
	fl.Var(&trust, "trust", "trusted public key; repeatable")
	pos, err := parseMixed(fl, args)
	if err != nil || len(pos) != 1 || len(trust) == 0 {
		return 2, errors.New("usage: kioskctl pack install FILE --data DIR --trust PUBKEY")
	}
	keys, err := trustKeys(trust)
	if err != nil {
		return 2, err
	}
	rssBefore := procStatus("VmRSS")
	start := time.Now()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	store, err := pack.OpenStore(filepath.Join(*data, "packs"), log)
	if err != nil {
		return 1, err
	}
	in, err := store.Install(context.Background(), pos[0], pack.InstallOptions{Trust: keys, KioskID: *kiosk,
		AppVersion: *app, Check: func(root fs.FS) error { return checkRoot(root, nil) }})
	if err != nil {
		return 1, errors.New(pack.Message(err))
	}
	fmt.Fprintf(stdout, "installed %s v%d in %s\n", in.Manifest.ID, in.Manifest.Version, in.Dir)
	if *stats {
		fmt.Fprintf(stdout, "seconds %.3f\nrss_start_kb %d\npeak_rss_kb %d\n", time.Since(start).Seconds(), rssBefore, procStatus("VmHWM"))
	}
	return 0, nil
}

// procStatus reads a kB field of /proc/self/status (0 where there is none).
func procStatus(field string) int64 {
	data, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), &kb)
			return kb
		}
	}
	return 0
}

func size(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
