package pinyin

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font/sfnt"

	"github.com/jindu-edu/kiosk/assets"
)

func table(t testing.TB) *Table {
	t.Helper()
	tb, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestTopFive is the table: the expected word or character within the first five.
func TestTopFive(t *testing.T) {
	tb := table(t)
	for _, c := range []struct{ in, want string }{
		{"jindu", "禁毒"}, {"jd", "禁毒"}, {"jind", "禁毒"}, {"zhenai", "珍爱"}, {"shengming", "生命"},
		{"zhenaishengming", "珍爱生命"}, {"zasm", "珍爱生命"}, {"yuanlidupin", "远离毒品"},
		{"yuanli", "远离"}, {"yuanli", "远离毒品"}, {"jujue", "拒绝"}, {"jujuedupin", "拒绝毒品"},
		{"jiaren", "家人"}, {"jiankang", "健康"}, {"jiayou", "加油"}, {"dupin", "毒品"},
		{"wo", "我"}, {"bu", "不"}, {"ni", "你"}, {"de", "的"}, {"shi", "是"}, {"hao", "好"},
		{"ai", "爱"}, {"jia", "家"}, {"ren", "人"}, {"men", "们"}, {"zhong", "中"}, {"guo", "国"},
		{"women", "我们"}, {"nihao", "你好"}, {"xiexie", "谢谢"}, {"xuexi", "学习"},
		{"nv", "女"}, {"lv", "绿"}, {"nvhai", "女孩"}, {"lue", "略"}, {"zh", "这"}, {"sh", "是"}, {"j", "就"},
		{"xian", "先"}, {"xianzai", "现在"}, {"changda", "长大"}, {"haishi", "还是"},
		{"yinhang", "银"}, {"liaojie", "了解"}, {"guiyang", "贵阳"},
	} {
		got := tb.Candidates(c.in, 5)
		if !slices.Contains(got, c.want) {
			t.Errorf("%s: %q not in the first five %q", c.in, c.want, got)
		}
	}
}

func TestOrder(t *testing.T) {
	tb := table(t)
	for _, c := range []struct{ in, first string }{
		{"wo", "我"}, {"bu", "不"}, {"de", "的"}, {"jindu", "禁毒"}, {"zhenai", "珍爱"}, {"women", "我们"},
	} {
		if got := tb.Candidates(c.in, 1); len(got) != 1 || got[0] != c.first {
			t.Errorf("%s: first %q, want %q", c.in, got, c.first)
		}
	}
	// A word spelled whole comes before its characters; a single syllable's most common
	// characters come before the words it begins.
	got := tb.Candidates("wo", 10)
	if slices.Index(got, "我") > slices.Index(got, "我们") {
		t.Errorf("wo: 我 after 我们: %q", got)
	}
	if got := tb.Candidates("zh", 10); slices.Contains(got, "最好") {
		t.Errorf("zh offers the abbreviation 最好 before the syllable: %q", got)
	}
	// A word is predicted only from whole syllables and a last unfinished one.
	if got := tb.Candidates("jiajia", 0); slices.Contains(got, "健健康康") {
		t.Errorf("jiajia predicts 健健康康: %q", got)
	}
	if got := tb.Candidates("xidu", 0); slices.Contains(got, "向毒品说不") {
		t.Errorf("xidu predicts 向毒品说不: %q", got)
	}
	// Readings outside the standard dictionary are not offered (瘟 is wēn, not wo).
	if got := tb.Candidates("wo", 0); slices.Contains(got, "瘟") {
		t.Errorf("wo offers 瘟: %q", got)
	}
}

func TestSpan(t *testing.T) {
	tb := table(t)
	for _, c := range []struct {
		in, text string
		span     int
	}{
		{"jindu", "禁毒", 5}, {"jindu", "进", 3}, {"jinduwo", "禁毒", 5}, {"jd", "禁毒", 2},
		{"wo", "我", 2}, {"zh", "这", 2}, {"yuanli", "远离毒品", 6}, {"xiexiewo", "谢谢", 6},
	} {
		if got := tb.Span(c.in, c.text); got != c.span {
			t.Errorf("Span(%s, %s) = %d, want %d", c.in, c.text, got, c.span)
		}
	}
}

func TestInputEdges(t *testing.T) {
	tb := table(t)
	for _, in := range []string{"", "123", "，", "iii", "u", "v"} {
		if got := tb.Candidates(in, 5); len(got) != 0 {
			t.Errorf("%q: %q, want none", in, got)
		}
	}
	if got := tb.Candidates("nu", 0); !slices.Contains(got, "女") || slices.Index(got, "女") < slices.Index(got, "努") {
		t.Errorf("nu: 女 after the nu characters: %q", got)
	}
	if got := tb.Candidates("WO", 1); len(got) != 1 || got[0] != "我" {
		t.Errorf("upper case: %q", got)
	}
	long := strings.Repeat("zhuang", 100)
	best := time.Hour
	for range 3 { // best of three: the machine is shared
		start := time.Now()
		if got := tb.Candidates(long, 5); len(got) == 0 {
			t.Fatal("long input: no candidates")
		}
		best = min(best, time.Since(start))
	}
	if best > 20*time.Millisecond {
		t.Errorf("600 letters took %v", best)
	}
	if got := tb.Candidates("a", 0); len(got) < 5 {
		t.Errorf("limit 0 gives all: %d", len(got))
	}
}

func TestSplit(t *testing.T) {
	tb := table(t)
	for in, want := range map[string]string{
		"xian": "xian", "jindu": "jin du", "jd": "j d", "zhenaishengming": "zhen ai sheng ming",
		"fangan": "fang an", "yuanlid": "yuan li d",
	} {
		if got := strings.Join(tb.split(in), " "); got != want {
			t.Errorf("split(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, text := range []string{"", "# only a comment\n", "wo\n", "wo\t我x\n", "禁毒\t\n", "禁毒\t1'2\n"} {
		if _, err := Parse(text); err == nil {
			t.Errorf("Parse(%q): no error", text)
		}
	}
	tb, err := Parse("wo\t我0握9\nwo'men\t\n我们\two'men\n")
	if err == nil {
		t.Fatalf("bad line accepted: %v", tb)
	}
	tb, err = Parse("wo\t我0握9\nmen\t们1\n我们\two'men\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := tb.Candidates("wom", 3); !slices.Equal(got, []string{"我们", "我", "握"}) {
		t.Errorf("small table: %q", got)
	}
}

// TestFontCoverage: every character the table can offer has a glyph in both bundled fonts,
// so a candidate is never drawn as tofu.
func TestFontCoverage(t *testing.T) {
	tb := table(t)
	var missing []string
	n := 0
	for _, data := range [][]byte{assets.FontRegular, assets.FontBold} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		tb.Runes(func(r rune) {
			n++
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				missing = append(missing, string(r))
			}
		})
	}
	if n < 8000 {
		t.Errorf("only %d characters checked", n)
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Errorf("%d characters without a glyph: %s", len(missing), strings.Join(missing[:min(50, len(missing))], ""))
	}
}

// taps are the letter sequences of a visitor typing these words, one prefix per key tap.
var tapWords = []string{"jindu", "zhenaishengming", "yuanlidupin", "jujuedupin", "woaiwodejia",
	"jiarenpingan", "zhuangzhuang", "shuangshuang", "xiexielaoshi", "jiayou", "z", "zh", "j", "s", "y",
	"chuangchuangchuang", "nihaoshijie", "xuexi", "a", "e"}

func tapInputs() []string {
	var in []string
	for _, w := range tapWords {
		for i := 1; i <= len(w); i++ {
			in = append(in, w[:i])
		}
	}
	return in
}

// TestTapLatency measures key tap → candidate lookup (the first 64, what the bar can page
// through) over every prefix of the tap words; the issue asks p99 ≤ 2 ms. The machine is
// shared, so each lookup is timed in ten rounds and checked on its best one (what it costs);
// the log gives the raw times too.
func TestTapLatency(t *testing.T) {
	tb := table(t)
	in := tapInputs()
	best := make([]time.Duration, len(in))
	var raw []time.Duration
	for round := range 10 {
		for i, s := range in {
			start := time.Now()
			tb.Lookup(s, 64)
			d := time.Since(start)
			raw = append(raw, d)
			if round == 0 || d < best[i] {
				best[i] = d
			}
		}
	}
	p := func(ds []time.Duration, q int) time.Duration {
		ds = slices.Clone(ds)
		slices.Sort(ds)
		return ds[(len(ds)-1)*q/100]
	}
	t.Logf("lookup, %d inputs: best of 10 p50 %v p99 %v max %v; raw p50 %v p99 %v max %v",
		len(in), p(best, 50), p(best, 99), p(best, 100), p(raw, 50), p(raw, 99), p(raw, 100))
	if p99 := p(best, 99); p99 > 2*time.Millisecond {
		t.Errorf("p99 %v > 2 ms", p99)
	}
}

// TestLoadTime: parsing the embedded table (Bundled does it once).
func TestLoadTime(t *testing.T) {
	best := time.Hour
	for range 5 {
		start := time.Now()
		if _, err := Parse(tableText); err != nil {
			t.Fatal(err)
		}
		best = min(best, time.Since(start))
	}
	t.Logf("table parse: %v (best of 5), %d bytes", best, len(tableText))
	if best > 100*time.Millisecond {
		t.Errorf("parse %v", best)
	}
}

func BenchmarkLookup(b *testing.B) {
	tb := table(b)
	in := tapInputs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tb.Lookup(in[i%len(in)], 64)
	}
}

func BenchmarkParse(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Parse(tableText); err != nil {
			b.Fatal(err)
		}
	}
}

// checkLookup holds for any input: candidates are distinct, non-empty and span between one
// letter and all of them.
func checkLookup(t *testing.T, tb *Table, in string, limit int) {
	t.Helper()
	n := len(normalize(in))
	seen := map[string]bool{}
	for _, c := range tb.Lookup(in, limit) {
		if c.Text == "" || seen[c.Text] || c.Span < 1 || c.Span > n {
			t.Fatalf("%q: bad candidate %+v (letters %d, seen %v)", in, c, n, seen[c.Text])
		}
		seen[c.Text] = true
	}
}

// TestEveryShortInput looks up every string of one to three letters.
func TestEveryShortInput(t *testing.T) {
	tb := table(t)
	var rec func(prefix string)
	rec = func(prefix string) {
		if prefix != "" {
			checkLookup(t, tb, prefix, 20)
		}
		if len(prefix) == 3 {
			return
		}
		for c := 'a'; c <= 'z'; c++ {
			rec(prefix + string(c))
		}
	}
	rec("")
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"jindu", "zasm", "xian", "jinduwo", "lue", "", "ZH", "a1b2"} {
		f.Add(s)
	}
	tb := table(f)
	f.Fuzz(func(t *testing.T, in string) { checkLookup(t, tb, in, 0) })
}

func TestWithWords(t *testing.T) {
	tb := table(t)
	more, skipped := tb.WithWords([]string{"花果园禁毒馆", "禁毒", "我", "abc", "南明区", " 南明区 "})
	if !slices.Equal(skipped, []string{"禁毒", "我", "abc", "南明区"}) {
		t.Errorf("skipped %q", skipped)
	}
	if got := more.Candidates("huaguoyuanjindu", 5); !slices.Contains(got, "花果园禁毒馆") {
		t.Errorf("added word not offered: %q", got)
	}
	if got := more.Candidates("nanmingqu", 5); !slices.Contains(got, "南明区") {
		t.Errorf("added word not offered: %q", got)
	}
	if got := tb.Candidates("nanmingqu", 0); slices.Contains(got, "南明区") {
		t.Error("WithWords changed the table it was called on")
	}
	if got := more.Candidates("jindu", 1); got[0] != "禁毒" {
		t.Errorf("own words first: %q", got)
	}
}

// TestConcurrent: one table serves several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	tb := table(t)
	done := make(chan bool)
	for g := range 4 {
		go func() {
			for _, in := range tapInputs()[g*10:] {
				tb.Lookup(in, 20)
				tb.Span(in, "禁毒")
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}
