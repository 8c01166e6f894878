package quizimport

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/lint"
	"github.com/jindu-edu/kiosk/internal/quiz"
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

// fitFile keeps the accepted questions within what one bank file may hold (lint's YAML
// limits on bytes and nodes), since quiz.Load refuses a larger file as a whole. The
// questions after the last one that fits are cut; the entry names the first row cut.
func fitFile(file string, items []*item) []Entry {
	lim := lint.DefaultYAMLLimits()
	const margin = 8 << 10 // the header comment and the top of the file
	size, nodes := int64(margin), 8
	for i, it := range items {
		if len(it.errs) > 0 {
			continue
		}
		data, _, err := marshal([]quiz.Question{it.q}, "")
		n := countNodes(questionNode(it.q))
		size, nodes = size+int64(len(data)), nodes+n
		if err == nil && size <= lim.Bytes && nodes <= lim.Nodes {
			continue
		}
		for _, rest := range items[i:] {
			rest.cut = true
		}
		why := fmt.Sprintf("一个题库文件最多%d KB、%d个YAML节点 (a bank file may hold at most %d KB and %d YAML nodes)",
			lim.Bytes>>10, lim.Nodes, lim.Bytes>>10, lim.Nodes)
		if it.at.Row {
			return []Entry{cutRows(file, it.at.Line, why)}
		}
		return []Entry{{At: it.at, Level: Error, Msg: fmt.Sprintf("第%d行起未导入：%s (questions from line %d on were not imported; split the file)", it.at.Line, why, it.at.Line)}}
	}
	return nil
}

func countNodes(n *yaml.Node) int {
	total := 1
	for _, c := range n.Content {
		total += countNodes(c)
	}
	return total
}
