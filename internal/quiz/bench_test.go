package quiz

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// genBank writes n valid questions as YAML files of 500 questions each.
func genBank(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	var b strings.Builder
	flush := func(i int) {
		fsys[fmt.Sprintf("gen-%03d.yaml", i/500)] = &fstest.MapFile{Data: []byte("questions:\n" + b.String())}
		b.Reset()
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `  - id: gen-%d
    type: single
    audience: %s
    difficulty: %d
    topic: %s
    prompt: {zh: "第%d题：国际禁毒日是哪一天？", en: "Question %d: when is the International Day against Drug Abuse?"}
    choices:
      - {zh: "6月26日", en: "26 June"}
      - {zh: "10月1日", en: "1 October"}
      - {zh: "3月15日", en: "15 March"}
      - {zh: "以上都是", en: "All of the above"}
    answer: A
    pin_last: true
    explanation: {zh: "联合国大会第42/112号决议。", en: "UN General Assembly resolution 42/112."}
    source: "[UN]"
`, i, Audiences[i%3], 1+i%3, Topics[i%5], i, i)
		if (i+1)%500 == 0 {
			flush(i)
		}
	}
	if b.Len() > 0 {
		flush(n)
	}
	return fsys
}

// BenchmarkLoad10k loads and validates a generated bank of 10,000 questions.
func BenchmarkLoad10k(b *testing.B) {
	fsys := genBank(10000)
	media := fstest.MapFS{}
	b.ReportAllocs()
	for b.Loop() {
		bank, rep := Load(fsys, media)
		if rep.Err() != nil || len(bank.Questions) != 10000 {
			b.Fatalf("%v, %d questions", rep.Err(), len(bank.Questions))
		}
	}
}

// BenchmarkSelect picks a 10-question round from the 10,000-question bank.
func BenchmarkSelect(b *testing.B) {
	bank, _ := Load(genBank(10000), fstest.MapFS{})
	r := rng(1)
	b.ReportAllocs()
	for b.Loop() {
		Select(bank.Questions, Primary, 10, nil, r)
	}
}
