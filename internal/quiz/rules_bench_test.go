package quiz

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/quizbank"
)

// explanations are the bundled bank's explanations in both languages, and the test strings.
func explanations(t testing.TB) []string {
	bank, _ := Load(quizbank.Files(), fsNone{}) // without the pictures: only the texts matter
	if len(bank.Questions) == 0 {
		t.Fatal("no questions in the bundled bank")
	}
	var out []string
	for _, q := range bank.Questions {
		out = append(out, q.Explanation.Zh, q.Explanation.En)
	}
	return out
}

type fsNone struct{}

func (fsNone) Open(name string) (fs.File, error) { return nil, fs.ErrNotExist }

// The literal filter never changes PositionRef's answer.
func TestPositionRefFilterAgrees(t *testing.T) {
	texts := append(explanations(t), "B项正确", "选项C是错的", "A、C项都对", "前两项见第39条", "第三项见第52条",
		"最后一项不对", "Option B is wrong", "OPTION B is wrong", "ANSWERS A and C", "A and C are correct",
		"A, B or C is", "The first two are in Article 39", "THE LAST OPTION", "the Latter Choice",
		"the firſt option", "the laſt two are", "《刑法》第347条第2款第三项", "the first two years of treatment",
		"Vitamin B and C", "Ａ项", "答案Ｂ。", "后三个都对", "")
	for _, s := range texts {
		for _, v := range []string{s, strings.ToUpper(s), strings.ToLower(s)} {
			if got, want := PositionRef(v), positionRefSlow(v); got != want {
				t.Errorf("%q: filtered %q, unfiltered %q", v, got, want)
			}
		}
	}
}

// BenchmarkPositionRef checks every explanation of the bundled bank (zh and en).
func BenchmarkPositionRef(b *testing.B) {
	texts := explanations(b)
	for _, slow := range []bool{false, true} {
		name := "filtered"
		if slow {
			name = "unfiltered"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for _, s := range texts {
					if slow {
						positionRefSlow(s)
					} else {
						PositionRef(s)
					}
				}
			}
		})
	}
}
