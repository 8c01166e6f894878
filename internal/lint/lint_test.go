package lint

import (
	"strings"
	"testing"
)

type item struct {
	Name string `yaml:"name"`
	Tags []struct {
		Label string `yaml:"label"`
	} `yaml:"tags"`
}

type file struct {
	Items []item `yaml:"items"`
}

func TestParseIndexesLinesAndFlagsUnknownFields(t *testing.T) {
	src := "items:\n  - name: a\n    tags:\n      - label: x\n      - lable: y\n  - name: b\n"
	var probs []Problem
	var f file
	d, ok := Parse("f.yaml", []byte(src), &f, &probs)
	if !ok || len(f.Items) != 2 {
		t.Fatalf("parse: %v %+v", ok, f)
	}
	if d.Line("items[1].name") != 6 || d.Line("items[0].tags[1]") != 5 || d.Line("items[0].tags[9].label") != 3 {
		t.Fatalf("lines: %d %d %d", d.Line("items[1].name"), d.Line("items[0].tags[1]"), d.Line("items[0].tags[9].label"))
	}
	if len(probs) != 1 || probs[0].String() != `f.yaml:5: error: items[0].tags[1].lable: unknown field "lable"` {
		t.Fatalf("problems: %v", probs)
	}
	d.Warnf("items[1].name", "looks odd")
	rep := Report{Problems: probs}
	if rep.Err() == nil || len(rep.Errors()) != 1 || !strings.Contains(rep.Err().Error(), "f.yaml:5") {
		t.Fatalf("report: %v", rep.Err())
	}
	if _, ok := Parse("g.yaml", []byte("items: [\n"), &f, &probs); ok {
		t.Fatal("broken YAML must not parse")
	}
	if last := probs[len(probs)-1]; last.File != "g.yaml" || last.Line == 0 || last.Severity != Error {
		t.Fatalf("broken YAML problem: %+v", last)
	}
}
