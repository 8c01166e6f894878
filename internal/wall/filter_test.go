package wall

import (
	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/internal/content"
	"strings"
	"testing"
)

func TestFilter(t *testing.T) {
	f := NewFilter(ParseWords([]byte("# comment\n傻逼\n\nfuck\n 毒品好 \n")))
	if f.Words() != 3 {
		t.Fatalf("%d words, want 3", f.Words())
	}
	for _, c := range []struct {
		text string
		want Reason
	}{
		{"珍爱生命，远离毒品！", ReasonNone},
		{"初二(3)班 2026年 一起拒绝毒品", ReasonNone},
		{"我们是3年级2班的，100分！", ReasonNone},
		{"Say no to drugs, class 7", ReasonNone},
		{"你是傻逼", ReasonWord},
		{"傻 * 逼", ReasonWord},
		{"ＦＵＣＫ", ReasonWord},
		{"毒品好", ReasonWord},
		{"打我电话13812345678", ReasonPhone},
		{"138 1234 5678", ReasonPhone},
		{"138-1234-5678", ReasonPhone},
		{"１３８１２３４５６７８", ReasonPhone},
		{"幺三八一二三四五六七八", ReasonPhone},
		{"0851-8888 6666", ReasonPhone},
		{"加我qq 12345", ReasonQQ},
		{"扣扣：88886", ReasonQQ},
		{"微信 abc_123", ReasonWeChat},
		{"vx:kid2026", ReasonWeChat},
		{"mail me: kid@example.com", ReasonEmail},
		{"ab@qq.com", ReasonEmail},
		{"看 www.example.cn", ReasonURL},
		{"http://x.y", ReasonURL},
		{"example.com", ReasonURL},
		{"52010220100101123X", ReasonIDCard},
		{"520102 20100101 1234", ReasonIDCard},
		{"密码 123456", ReasonDigits},
		{"一二三四五六", ReasonDigits},
	} {
		if got := f.Check(c.text); got != c.want {
			t.Errorf("Check(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	if !ReasonPhone.Personal() || ReasonWord.Personal() || ReasonNone.Personal() {
		t.Error("Personal")
	}
}

// TestDefaultWords checks the shipped default list (assets/wall) holds back what it is
// for and lets every ready phrase of the demo content through (see the ui tests).
func TestFilterEmptyList(t *testing.T) {
	f := NewFilter(nil)
	if got := f.Check(strings.Repeat("好", MaxTextRunes)); got != ReasonNone {
		t.Fatalf("empty list held %q", got)
	}
}

func BenchmarkFilterCheck(b *testing.B) {
	words := make([]string, 300)
	for i := range words {
		words[i] = strings.Repeat(string(rune('甲'+i)), 2)
	}
	f := NewFilter(words)
	text := "我们初二(3)班全体同学承诺：珍爱生命，远离毒品，做健康向上的好少年！"
	for b.Loop() {
		f.Check(text)
	}
}

// TestDefaultWords: the shipped list holds back what it is for and lets every ready
// phrase of the demo content, and pledges that name drugs, through.
func TestDefaultWords(t *testing.T) {
	f := NewFilter(ParseWords(assets.WallWords))
	if f.Words() < 30 {
		t.Fatalf("default list has %d words", f.Words())
	}
	cat, rep := content.Load(assets.Content())
	if err := rep.Err(); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, p := range append(cat.Wall.Phrases, cat.Wall.Stickers...) {
		texts = append(texts, p.Text.Zh, p.Text.En)
	}
	texts = append(texts, "远离冰毒和海洛因", "我的丈夫 husband", "参加我们班的活动", "Stay away from cannabis")
	for _, s := range texts {
		if r := f.Check(s); r != ReasonNone {
			t.Errorf("%q held: %s", s, r)
		}
	}
	for _, s := range []string{"你是个傻逼", "吸毒好爽", "有货私聊", "F u c k"} {
		if f.Check(s) != ReasonWord {
			t.Errorf("%q passed", s)
		}
	}
}
