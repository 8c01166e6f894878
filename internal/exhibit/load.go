package exhibit

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// BundledSource names the demo content installed with the program.
const BundledSource = "bundled demo"

// Bundled is the content installed with the program: the demo root (files beside the
// program, see package demo) and the default quiz bank built into it. It must load without
// errors (make test checks the source tree's); it is what the kiosk falls back to.
type Bundled struct {
	Root fs.FS
	Bank fs.FS
	// BankCache is where validated quiz banks are kept between starts (quiz.LoadCached:
	// a 10,000-question bank reads back in milliseconds); empty: none.
	BankCache string
}

// Load reads a content root and its quiz bank (the root's quizbank/, else the bundled
// bank) with the same validation as `kioskctl content lint` and `quizbank lint`. The
// report holds every problem; a report with errors means the pack must not be shown.
func Load(root fs.FS, source string, bundledBank fs.FS) (*Pack, lint.Report) {
	return loadCached(root, source, bundledBank, "")
}

// loadCached is Load with the quiz bank read through the cache in dir (none when empty).
func loadCached(root fs.FS, source string, bundledBank fs.FS, dir string) (*Pack, lint.Report) {
	cat, rep := content.Load(root)
	p := &Pack{Root: root, Catalog: cat, Source: source}
	bank, brep := quiz.LoadCached(quiz.BankFS(root, bundledBank), root, dir)
	rep.Problems = append(rep.Problems, brep.Problems...)
	p.Bank = bank
	p.Problems = rep.Problems
	return p, rep
}

// ErrBundledInvalid means the demo content installed with the program does not load: it is
// missing or damaged (the installation), or invalid (a build defect that make test catches).
var ErrBundledInvalid = errors.New("demo content missing or invalid")

// LoadOrBundled loads root (when not nil) and falls back, piece by piece, to the bundled
// content so that the kiosk never shows an empty screen: invalid content → the bundled
// root; a valid root with an invalid quiz bank → that root with the bundled bank. The
// returned pack says what was used and why (Fallback, Problems). The error is only for
// broken bundled content.
func LoadOrBundled(root fs.FS, source string, b Bundled) (*Pack, error) {
	bundled := func(why string, problems []lint.Problem) (*Pack, error) {
		p, rep := loadCached(b.Root, BundledSource, b.Bank, b.BankCache)
		if err := rep.Err(); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBundledInvalid, err)
		}
		p.Fallback = why
		p.Problems = append(problems, p.Problems...)
		return p, nil
	}
	if root == nil {
		return bundled("", nil)
	}
	cat, crep := content.Load(root)
	if err := crep.Err(); err != nil {
		return bundled(source+": "+err.Error(), crep.Problems)
	}
	p := &Pack{Root: root, Catalog: cat, Source: source, Problems: crep.Problems}
	bank, brep := quiz.LoadCached(quiz.BankFS(root, b.Bank), root, b.BankCache)
	p.Problems = append(p.Problems, brep.Problems...)
	if err := brep.Err(); err != nil {
		bank, brep = quiz.LoadCached(b.Bank, b.Root, b.BankCache)
		if err := brep.Err(); err != nil {
			return nil, fmt.Errorf("%w: quiz bank: %v", ErrBundledInvalid, err)
		}
		p.Fallback = source + ": quiz bank invalid, using the bundled bank"
	}
	p.Bank = bank
	return p, nil
}

// Check is the gate a content root must pass before it may be shown: its report must have
// no content or quiz-bank errors (rep.Err). Pack installation uses it.
func Check(root fs.FS, bundledBank fs.FS) lint.Report {
	_, rep := Load(root, "", bundledBank)
	return rep
}
