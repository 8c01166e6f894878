package quizimport

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// scratch is the name the candidate questions get in the in-memory bank; "~" sorts after
// the usual file names, so that a clash with the existing bank is reported on ours.
const scratch = "~import.yaml"

var (
	scratchRef = regexp.MustCompile(regexp.QuoteMeta(quiz.Dir+"/"+scratch) + `:(\d+)`)
	fieldIndex = regexp.MustCompile(`^questions\[(\d+)\]\.?`)
	choiceRef  = regexp.MustCompile(`choices\[(\d+)\]`)
)

// validate runs the items that parsed through quiz.Load, together with the existing
// bank, and turns every problem into an error (or warning) of the item it belongs to.
func validate(items []*item, opt Options) error {
	var cand []*item
	for _, it := range items {
		if len(it.errs) == 0 && !it.cut {
			cand = append(cand, it)
		}
	}
	if len(cand) == 0 {
		return nil
	}
	qs := make([]quiz.Question, len(cand))
	for i, it := range cand {
		qs[i] = it.q
	}
	data, starts, err := marshal(qs, "")
	if err != nil {
		return err
	}
	bank, err := bankWith(opt, data)
	if err != nil {
		return err
	}
	media := mediaFor(opt, qs)
	if opt.Media == nil {
		for _, it := range cand {
			if it.q.Image != "" {
				it.warnf("image %q not checked: no content root given", it.q.Image)
			}
		}
	}

	byLine := func(line int) *item {
		i := sort.SearchInts(starts, line+1) - 1
		if i < 0 {
			return nil
		}
		return cand[i]
	}
	// References to our scratch file become references to the source rows.
	relocate := func(msg string) string {
		return scratchRef.ReplaceAllStringFunc(msg, func(ref string) string {
			n, _ := strconv.Atoi(scratchRef.FindStringSubmatch(ref)[1])
			if it := byLine(n); it != nil {
				return it.at.String()
			}
			return ref
		})
	}

	_, rep := quiz.Load(bank, media)
	self := quiz.Dir + "/" + scratch
	for _, p := range rep.Problems {
		var (
			it    *item
			field = p.Field
			msg   = p.Msg
		)
		switch {
		case p.File == self:
			if m := fieldIndex.FindStringSubmatch(p.Field); m != nil {
				i, _ := strconv.Atoi(m[1])
				if i < len(cand) {
					it, field = cand[i], p.Field[len(m[0]):]
				}
			} else {
				it = byLine(p.Line)
			}
		case scratchRef.MatchString(p.Msg):
			// A question of the existing bank sorted after ours names one of ours.
			n, _ := strconv.Atoi(scratchRef.FindStringSubmatch(p.Msg)[1])
			it = byLine(n)
			field = fieldIndex.ReplaceAllString(p.Field, "")
			msg = scratchRef.ReplaceAllString(p.Msg, fmt.Sprintf("%s:%d", p.File, p.Line))
		default:
			continue // a problem of the existing bank itself is not the import's
		}
		if it == nil {
			return fmt.Errorf("generated YAML does not pass the bank's rules: %s", p)
		}
		msg = relocate(msg)
		if field != "" {
			msg = choiceRef.ReplaceAllStringFunc(field, func(s string) string {
				i, _ := strconv.Atoi(choiceRef.FindStringSubmatch(s)[1])
				return "choice " + quiz.Letter(i)
			}) + ": " + msg
		}
		switch {
		case p.Severity == lint.Error:
			it.errs = append(it.errs, msg)
		case it.q.IsDraft() && strings.HasPrefix(p.Msg, "draft: "):
			// The draft's report line already names what is missing.
		default:
			it.warns = append(it.warns, msg)
		}
	}
	return nil
}

// mediaFor is the content root images are checked in. Without one the images cannot be
// looked at: they are made to exist, so that only their form is checked.
func mediaFor(opt Options, qs []quiz.Question) fs.FS {
	if opt.Media != nil {
		return opt.Media
	}
	placeholders := fstest.MapFS{}
	for _, q := range qs {
		if q.Image != "" {
			placeholders[q.Image] = &fstest.MapFile{Data: placeholderImage(q.Image)}
		}
	}
	return placeholders
}

// placeholderImage stands in for a picture that cannot be checked without the content
// root: the smallest valid file of its kind, so that only the path is judged.
func placeholderImage(name string) []byte {
	if strings.HasSuffix(name, ".svg") {
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>`)
	}
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))) // cannot fail on a bytes.Buffer
	return b.Bytes()
}

// bankWith is the existing bank (minus the file being replaced) plus data as scratch.
func bankWith(opt Options, data []byte) (fstest.MapFS, error) {
	bank := fstest.MapFS{}
	if opt.Bank != nil {
		names, err := fs.Glob(opt.Bank, "*.yaml")
		if err != nil {
			return nil, fmt.Errorf("list the existing bank: %w", err)
		}
		for _, n := range names {
			if n == opt.Replaces || n == scratch {
				continue
			}
			b, err := fs.ReadFile(opt.Bank, n)
			if err != nil {
				return nil, fmt.Errorf("read the existing bank: %w", err)
			}
			bank[n] = &fstest.MapFile{Data: b}
		}
	}
	bank[scratch] = &fstest.MapFile{Data: data}
	return bank, nil
}
