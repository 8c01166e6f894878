// Command kioskctl is the staff and office tool: it lints content roots, lists the
// narration clips to generate, sets the staff PIN and prints an example configuration.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/safefs"
	"github.com/jindu-edu/kiosk/quizbank"
)

const usage = `usage:
  kioskctl content lint DIR        check a content root; prints file:line problems, exits 1 on any
  kioskctl content narration DIR   list narration clips as path<TAB>lang<TAB>text
  kioskctl pin set [--data DIR]    read a 6–12 digit staff PIN from stdin and store its bcrypt hash
  kioskctl config example          print a commented configuration file
  kioskctl pack …                  content and program packs (kioskctl pack for its commands)
  kioskctl app launch|status|install|rollback
                                   program updates (kioskctl app for its commands)
  kioskctl export --to DIR [--data DIR] [--from N [--to-seq M]]
                                   write the events not yet exported (or a range) as signed files
  kioskctl media render SRC DST [WxH]
                                   rasterise SRC/**.svg to DST/**.png at 800x600 (or WxH)
  kioskctl media pano-thumbs ROOT [WxH]
                                   render each scene's card picture (its thumbnail: path in
                                   ROOT/content/scenes.yaml) from its panorama, 960x540 (or WxH)
  kioskctl media sounds DST        synthesise the sound effects (tap, right, wrong, win, buzz) as DST/*.wav
  kioskctl quizbank lint [ROOT]    check ROOT/quizbank/*.yaml (default: the bundled bank)
  kioskctl quizbank narration [ROOT]
                                   list the read-aloud clips of primary questions as path<TAB>lang<TAB>text
  kioskctl quizbank import FILE [--out OUT.yaml]
                                   convert .xlsx, .csv, GIFT or Aiken questions to bank YAML
`

// version is set at build time with -ldflags "-X main.version=…"; it is also the version of
// the kiosk program installed beside this kioskctl (one package), for `app launch`.
var version = "dev"

func main() {
	code, err := run(os.Args[1:], os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "kioskctl:", err)
	}
	os.Exit(code)
}

func run(args []string, stdin io.Reader, stdout io.Writer) (int, error) {
	if len(args) < 2 {
		fmt.Fprint(stdout, usage)
		return 2, nil
	}
	if args[0] == "pack" {
		return runPack(args[1:], stdout)
	}
	if args[0] == "app" {
		return runApp(args[1:], stdout)
	}
	switch args[0] + " " + args[1] {
	case "content lint":
		if len(args) != 3 {
			return 2, errors.New("content lint needs one directory")
		}
		return lint(args[2], stdout)
	case "content narration":
		if len(args) != 3 {
			return 2, errors.New("content narration needs one directory")
		}
		root, err := openRoot(args[2])
		if err != nil {
			return 1, err
		}
		defer root.Close()
		cat, rep := content.Load(root)
		if err := rep.Err(); err != nil && !onlyMissingAudio(rep) {
			return 1, err
		}
		for _, n := range cat.Narrations() {
			fmt.Fprintf(stdout, "%s\t%s\t%s\n", n.Path, n.Lang, strings.ReplaceAll(n.Text, "\n", " "))
		}
		return 0, nil
	case "pin set":
		dataDir := config.DefaultDataDir()
		if len(args) == 4 && args[2] == "--data" {
			dataDir = args[3]
		} else if len(args) != 2 {
			return 2, errors.New("usage: kioskctl pin set [--data DIR]")
		}
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return 1, fmt.Errorf("read PIN: %w", err)
		}
		if err := kiosk.SavePIN(dataDir, strings.TrimSpace(line)); err != nil {
			return 1, err
		}
		fmt.Fprintf(stdout, "staff PIN set in %s\n", dataDir)
		return 0, nil
	case "media render":
		if len(args) != 4 && len(args) != 5 {
			return 2, errors.New("media render needs SRC and DST directories (and optionally a size WxH)")
		}
		w, h := 800, 600
		if len(args) == 5 {
			if _, err := fmt.Sscanf(args[4], "%dx%d", &w, &h); err != nil || w < 1 || h < 1 || w > 8192 || h > 8192 {
				return 2, fmt.Errorf("media render: size %q must look like 6144x1536 (at most 8192 a side)", args[4])
			}
		}
		return renderArt(args[2], args[3], w, h, stdout)
	case "media pano-thumbs":
		if len(args) != 3 && len(args) != 4 {
			return 2, errors.New("media pano-thumbs needs a content root (and optionally a size WxH)")
		}
		w, h := 960, 540
		if len(args) == 4 {
			if _, err := fmt.Sscanf(args[3], "%dx%d", &w, &h); err != nil || w < 16 || h < 16 || w > 2048 || h > 2048 {
				return 2, fmt.Errorf("media pano-thumbs: size %q must look like 960x540 (16 to 2048 a side)", args[3])
			}
		}
		return panoThumbs(args[2], w, h, stdout)
	case "media sounds":
		if len(args) != 3 {
			return 2, errors.New("media sounds needs a directory")
		}
		return writeSounds(args[2], stdout)
	case "quizbank lint":
		return lintBank(args[2:], stdout)
	case "quizbank narration":
		return bankNarration(args[2:], stdout)
	case "quizbank import":
		return runImport(args[2:], stdout)
	case "export " + args[1]: // kioskctl export --to DIR …
		return runExport(args[1:], stdout)
	case "config example":
		fmt.Fprint(stdout, config.Example)
		return 0, nil
	}
	fmt.Fprint(stdout, usage)
	return 2, nil
}

func lint(dir string, stdout io.Writer) (int, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return 1, fmt.Errorf("%s is not a directory", dir)
	}
	root, err := openRoot(dir)
	if err != nil {
		return 1, err
	}
	defer root.Close()
	_, rep := content.Load(root)
	for _, p := range rep.Problems {
		fmt.Fprintln(stdout, p.String())
	}
	if len(rep.Problems) > 0 {
		return 1, fmt.Errorf("%d problems (%d errors)", len(rep.Problems), len(rep.Errors()))
	}
	fmt.Fprintln(stdout, "ok: no problems")
	return 0, nil
}

// openRoot opens a content root that is never read through a link or a special file,
// nor past the content limits (see internal/safefs).
func openRoot(dir string) (*safefs.Dir, error) {
	return safefs.New(dir, content.DefaultLimits().MaxFile())
}

// onlyMissingAudio lets `content narration` run before the audio it lists exists.
func onlyMissingAudio(rep content.Report) bool {
	for _, p := range rep.Errors() {
		if !strings.Contains(p.Field, "narration") {
			return false
		}
	}
	return true
}

// bankArgs opens the quiz bank a `quizbank` command names: the bank of content root
// args[0], or the bundled bank. done closes the root; code is the exit code on error.
func bankArgs(args []string, command string) (bank, media fs.FS, done func(), code int, err error) {
	bank, media, done = quizbank.Files(), assets.Content(), func() {}
	switch {
	case len(args) > 1:
		return nil, nil, done, 2, fmt.Errorf("usage: kioskctl quizbank %s [ROOT]", command)
	case len(args) == 1:
		root, err := openRoot(args[0])
		if err != nil {
			return nil, nil, done, 1, err
		}
		done = func() { root.Close() }
		bank, media = quiz.BankFS(root, nil), root
		if bank == nil {
			done()
			return nil, nil, func() {}, 1, fmt.Errorf("%s has no quizbank directory", args[0])
		}
	}
	return bank, media, done, 0, nil
}

// bankNarration lists the clips that read primary questions aloud (for gen-narration.sh).
func bankNarration(args []string, stdout io.Writer) (int, error) {
	bank, media, done, code, err := bankArgs(args, "narration")
	if err != nil {
		return code, err
	}
	defer done()
	b, rep := quiz.Load(bank, media)
	if len(rep.Errors()) > 0 {
		return 1, fmt.Errorf("the quiz bank has %d errors: run kioskctl quizbank lint", len(rep.Errors()))
	}
	for _, n := range b.Narrations() {
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", n.Path, n.Lang, strings.ReplaceAll(n.Text, "\n", " "))
	}
	return 0, nil
}

// lintBank checks the quiz bank of a content root, or the bundled bank.
func lintBank(args []string, stdout io.Writer) (int, error) {
	bank, media, done, code, err := bankArgs(args, "lint")
	if err != nil {
		return code, err
	}
	defer done()
	b, rep := quiz.Load(bank, media)
	for _, p := range rep.Problems {
		fmt.Fprintln(stdout, p.String())
	}
	if len(rep.Errors()) > 0 { // warnings (drafts to fill in) do not stop a pack
		return 1, fmt.Errorf("%d problems (%d errors)", len(rep.Problems), len(rep.Errors()))
	}
	counts := map[string]int{}
	for _, q := range b.Questions {
		counts[q.Audience]++
	}
	summary := "no problems"
	if n := len(rep.Problems); n > 0 {
		summary = fmt.Sprintf("%d warnings, %d drafts to fill in (待补充)", n, b.Drafts.Count)
	}
	printCoverage(stdout, b)
	fmt.Fprintf(stdout, "ok: %d questions (primary %d, secondary %d, adult %d), %s\n",
		len(b.Questions), counts[quiz.Primary], counts[quiz.Secondary], counts[quiz.Adult], summary)
	return 0, nil
}

// printCoverage prints how many questions each age band has per topic and difficulty
// (d1/d2/d3), so that staff see where rounds would repeat: a band needs at least
// 3 rounds' worth at each difficulty.
func printCoverage(w io.Writer, b *quiz.Bank) {
	type key struct {
		aud, topic string
		d          int
	}
	n := map[key]int{}
	for _, q := range b.Questions {
		n[key{q.Audience, q.Topic, q.Difficulty}]++
	}
	fmt.Fprintf(w, "%-10s", "d1/d2/d3")
	for _, t := range quiz.Topics {
		fmt.Fprintf(w, " %-10s", t)
	}
	fmt.Fprintf(w, " %s\n", "all")
	for _, a := range quiz.Audiences {
		fmt.Fprintf(w, "%-10s", a)
		var all [4]int
		for _, t := range quiz.Topics {
			fmt.Fprintf(w, " %-10s", fmt.Sprintf("%d/%d/%d", n[key{a, t, 1}], n[key{a, t, 2}], n[key{a, t, 3}]))
			for d := 1; d <= 3; d++ {
				all[d] += n[key{a, t, d}]
			}
		}
		fmt.Fprintf(w, " %d/%d/%d\n", all[1], all[2], all[3])
	}
}
