package textwidth

import (
	"runtime"
	"testing"

	"github.com/jindu-edu/kiosk/assets"
)

func TestWidths(t *testing.T) {
	w, err := New(assets.FontRegular, assets.FontBold)
	if err != nil {
		t.Fatal(err)
	}
	han, ok := w.Width("禁毒", 28, false)
	if !ok || han != 56 { // CJK ideographs are one em wide
		t.Errorf("禁毒 at 28 px: %v %v, want 56 true", han, ok)
	}
	if again, _ := w.Width("禁毒", 28, false); again != han {
		t.Errorf("kept width %v, first %v", again, han)
	}
	if b, _ := w.Width("Wide", 28, true); b <= 0 {
		t.Errorf("bold Latin width %v", b)
	}
	for _, s := range []string{"a\tb", "😀", "x\r"} {
		if _, ok := w.Width(s, 28, false); ok {
			t.Errorf("%q measured; the face cannot say", s)
		}
	}
	if _, err := New([]byte("not a font"), assets.FontBold); err == nil {
		t.Error("a broken font file parsed")
	}
}

// BenchmarkNew is the cost of parsing the two faces once, at start.
func BenchmarkNew(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var keep *Widths
	for range b.N {
		w, err := New(assets.FontRegular, assets.FontBold)
		if err != nil {
			b.Fatal(err)
		}
		keep = w
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	// Only the last one is still reachable: the heap one Widths keeps (about 9 MiB).
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "MiB-kept")
	runtime.KeepAlive(keep)
}

// BenchmarkWidth measures a character not measured before (each iteration a new one).
func BenchmarkWidth(b *testing.B) {
	w, _ := New(assets.FontRegular, assets.FontBold)
	for i := range b.N {
		w.Width(string(rune(0x4e00+i%20000)), 28+float32(i/20000), false)
	}
}
