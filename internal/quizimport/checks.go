package quizimport

import (
	"fmt"
	"strings"

	"github.com/jindu-edu/kiosk/internal/content"
)

// dedupe reports a row that repeats the id, or the prompt for the same audience, of an
// earlier row that was left out. quiz.Load sees only the accepted rows, so without this
// the second copy would slip in unreported when the first had an error; once the first
// was fixed the file would hold the question twice. Both copies are then reported, and
// the later one is left out too: the person deletes one of them.
func dedupe(items []*item) {
	ids := map[string]*item{}
	prompts := map[string]*item{}
	for _, it := range items {
		if id := it.q.ID; id != "" {
			if first, ok := ids[id]; ok && len(first.errs) > 0 {
				it.errf("id %q is used twice (also at %s, which was left out): delete one of the two", id, first.at)
			} else if !ok {
				ids[id] = it
			}
		}
		if p := strings.Join(strings.Fields(it.q.Prompt.Zh), " "); p != "" {
			key := it.q.Audience + "|" + p
			if first, ok := prompts[key]; ok && len(first.errs) > 0 {
				it.errf("the same prompt is asked to the same audience at %s, which was left out: delete one of the two", first.at)
			} else if !ok {
				prompts[key] = it
			}
		}
	}
}

// checkSizes bounds every text of a question from a text format (a sheet's cells are
// bounded as they are read).
func checkSizes(it *item, lim Limits) {
	q := &it.q
	type field struct {
		name string
		t    content.Text
	}
	fields := []field{{"prompt", q.Prompt}, {"explanation", q.Explanation}}
	for i, c := range q.Choices {
		fields = append(fields, field{fmt.Sprintf("choice %c", 'A'+i), c})
	}
	for _, f := range fields {
		if n := max(len(f.t.Zh), len(f.t.En)); n > lim.MaxCellBytes {
			it.errf("%s: the text is %d bytes long; at most %d", f.name, n, lim.MaxCellBytes)
		}
	}
}
