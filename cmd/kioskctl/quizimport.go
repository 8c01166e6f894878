package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/quiz"
	"github.com/jindu-edu/kiosk/internal/quizimport"
	"github.com/jindu-edu/kiosk/quizbank"
)

const importUsage = `usage: kioskctl quizbank import FILE [--out OUT.yaml] [--audience A] [--difficulty N]
                                [--topic T] [--source S] [--root ROOT]

Converts staff questions to quiz-bank YAML (docs/quizbank-import.md). FILE is an .xlsx or
.csv sheet in the template of docs/quizbank-template.xlsx, or a GIFT (.gift) or Aiken
(.aiken) text file; a .txt file is sniffed for GIFT or Aiken.

  --out OUT.yaml    where to write the bank file (default: FILE with .yaml next to it)
  --audience A      primary|secondary|adult (小学|中学|成人)
  --difficulty N    1, 2 or 3
  --topic T         history|drugs|law|disguise|refusal (历史|毒品知识|法律|伪装|自护)
  --source S        the source every question cites, e.g. "[禁毒法]"
                    GIFT and Aiken files carry none of these: give them for all their
                    questions (GIFT may take the topic from $CATEGORY); for sheets they
                    fill empty cells.
  --root ROOT       content root whose quizbank/ and images the questions are checked
                    against (default: the bundled bank and content)

A GIFT or Aiken question that lacks an explanation, or any question without the
flags above, is written as a draft (status: draft): kept in OUT, never shown to
visitors, and listed by quizbank lint as a warning naming the field to fill in.

Prints one line per row or question and a summary; exits 1 when any row was left out.
`

// runImport is `kioskctl quizbank import`: it converts FILE, prints the per-row report
// and writes the accepted questions. Exit codes: 0 all imported, 1 some rows (or the
// file) failed, 2 usage.
func runImport(args []string, stdout io.Writer) (int, error) {
	flags := flag.NewFlagSet("kioskctl quizbank import", flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	out := flags.String("out", "", "output bank file")
	audience := flags.String("audience", "", "default audience")
	difficulty := flags.String("difficulty", "", "default difficulty")
	topic := flags.String("topic", "", "default topic")
	source := flags.String("source", "", "default source")
	root := flags.String("root", "", "content root to check against")

	// Flags may come before or after FILE: parse, take one positional, parse the rest.
	var files []string
	for rest := args; ; {
		if err := flags.Parse(rest); err != nil {
			fmt.Fprint(stdout, importUsage)
			if errors.Is(err, flag.ErrHelp) {
				return 2, nil
			}
			return 2, err
		}
		if flags.NArg() == 0 {
			break
		}
		files = append(files, flags.Arg(0))
		rest = flags.Args()[1:]
	}
	if len(files) != 1 {
		fmt.Fprint(stdout, importUsage)
		return 2, fmt.Errorf("quizbank import needs exactly one FILE, got %d", len(files))
	}
	file := files[0]
	def := quizimport.Defaults{Audience: *audience, Topic: *topic, Source: *source}
	if *difficulty != "" {
		n, err := strconv.Atoi(strings.TrimSpace(*difficulty))
		if err != nil || n < 1 || n > 3 {
			return 2, fmt.Errorf("--difficulty %q must be 1, 2 or 3", *difficulty)
		}
		def.Difficulty = n
	}
	dest := *out
	if dest == "" {
		dest = strings.TrimSuffix(file, filepath.Ext(file)) + ".yaml"
	}
	if same(dest, file) {
		return 2, fmt.Errorf("the output %s would overwrite the input; give another --out", dest)
	}
	if err := checkOverwrite(dest); err != nil {
		return 2, err
	}

	data, err := readBounded(file, quizimport.DefaultLimits().MaxFileBytes)
	if err != nil {
		return 1, fmt.Errorf("quizbank import: %w", err)
	}
	opt := quizimport.Options{Defaults: def, Bank: quizbank.Files(), Media: assets.Content()}
	if *root != "" {
		if st, err := os.Stat(*root); err != nil || !st.IsDir() {
			return 2, fmt.Errorf("--root %s is not a directory", *root)
		}
		rootFS := os.DirFS(*root)
		opt.Bank, opt.Media = quiz.BankFS(rootFS, quizbank.Files()), rootFS
	}
	if filepath.Base(filepath.Dir(dest)) == quiz.Dir {
		opt.Replaces = filepath.Base(dest) // re-importing over an earlier import in a bank
	}

	res, err := quizimport.Import(file, data, opt)
	if err != nil {
		if errors.Is(err, quizimport.ErrDefaults) || errors.Is(err, quizimport.ErrFormat) {
			return 2, err
		}
		return 1, err
	}
	if err := res.Report.Print(stdout); err != nil {
		return 1, err
	}
	written := dest
	if len(res.Questions) == 0 {
		written = ""
	} else {
		yml, err := res.YAML(file)
		if err != nil {
			return 1, err
		}
		if err := os.WriteFile(dest, yml, 0o644); err != nil {
			return 1, fmt.Errorf("quizbank import: %w", err)
		}
	}
	summary := res.Report.Summary(written)
	if written == "" {
		summary += "; nothing written"
	}
	fmt.Fprintln(stdout, summary)
	if res.Report.HasErrors() {
		if res.Report.Imported() == 0 {
			return 1, fmt.Errorf("nothing was imported from %s: see the errors above", file)
		}
		return 1, fmt.Errorf("some rows or questions of %s were left out: see the errors above", file)
	}
	return 0, nil
}

// readBounded reads a file of at most limit bytes; a larger one is refused before it is
// read, so that a huge file cannot exhaust memory.
func readBounded(name string, limit int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > limit {
		return nil, fmt.Errorf("%s is %d MB, more than %d MB: split it", name, st.Size()>>20, limit>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is more than %d MB: split it", name, limit>>20)
	}
	return data, nil
}

// same reports whether two paths name one file.
func same(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	return filepath.Clean(a) == filepath.Clean(b)
}

// checkOverwrite refuses to replace a file that the importer did not write (a
// hand-edited bank file, say).
func checkOverwrite(dest string) error {
	f, err := os.Open(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("quizbank import: %w", err)
	}
	defer f.Close()
	first, _ := bufio.NewReader(f).ReadBytes('\n')
	if !bytes.HasPrefix(first, []byte("# "+quizimport.HeaderPrefix)) {
		return fmt.Errorf("%s exists and was not written by quizbank import; give another --out or move it away", dest)
	}
	return nil
}
