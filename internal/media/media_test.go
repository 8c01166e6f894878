package media_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/content/contenttest"
	"github.com/jindu-edu/kiosk/internal/media"
	"github.com/jindu-edu/kiosk/internal/safefs"
)

func encode(t *testing.T, w, h int, enc func(*bytes.Buffer, image.Image) error) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 128, 255})
		}
	}
	var b bytes.Buffer
	if err := enc(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pngOf(t *testing.T, w, h int) []byte {
	return encode(t, w, h, func(b *bytes.Buffer, m image.Image) error { return png.Encode(b, m) })
}

// Reproduction 1: the UI decoded a 30000×30000 PNG of 2.6 MB whole and grew past 10 GB.
func TestHugePNGIsRefusedBeforeDecoding(t *testing.T) {
	fsys := fstest.MapFS{"media/img/huge.png": {Data: contenttest.PNG(30000, 30000)}}
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	_, err := media.Decode(fsys, "media/img/huge.png", 800, 600, content.DefaultLimits())
	runtime.ReadMemStats(&m1)
	if err == nil || !strings.Contains(err.Error(), "media/img/huge.png") || !strings.Contains(err.Error(), "30000×30000") {
		t.Fatalf("err = %v", err)
	}
	if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 1<<20 {
		t.Fatalf("refusing allocated %d bytes", alloc)
	}
	// Within the pixel limit but over the decoded-memory limit.
	lim := content.DefaultLimits()
	lim.ImageDecoded = 1 << 20
	fsys["media/img/mid.png"] = &fstest.MapFile{Data: contenttest.PNG(1024, 1024)}
	if _, err := media.Decode(fsys, "media/img/mid.png", 0, 0, lim); err == nil || !strings.Contains(err.Error(), "decoded") {
		t.Fatalf("decoded limit: %v", err)
	}
}

func TestDecodeScalesDownKeepingProportions(t *testing.T) {
	fsys := fstest.MapFS{
		"big.png":   {Data: pngOf(t, 1600, 1000)},
		"small.png": {Data: pngOf(t, 200, 150)},
		"photo.jpg": {Data: encode(t, 1200, 900, func(b *bytes.Buffer, m image.Image) error { return jpeg.Encode(b, m, nil) })},
		"named.jpg": {Data: pngOf(t, 40, 30)}, // the format comes from the bytes
	}
	lim := content.DefaultLimits()
	for _, c := range []struct {
		name       string
		maxW, maxH int
		w, h       int
	}{
		{"big.png", 800, 600, 800, 500},
		{"big.png", 1600, 200, 320, 200},
		{"big.png", 0, 0, 1600, 1000},
		{"small.png", 800, 600, 200, 150},
		{"photo.jpg", 400, 400, 400, 300},
		{"named.jpg", 20, 0, 20, 15},
	} {
		img, err := media.Decode(fsys, c.name, c.maxW, c.maxH, lim)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if b := img.Bounds(); b.Dx() != c.w || b.Dy() != c.h {
			t.Errorf("%s in %dx%d: %v, want %dx%d", c.name, c.maxW, c.maxH, b, c.w, c.h)
		}
	}
}

func TestDecodeRefusesOtherFormatsAndBrokenFiles(t *testing.T) {
	var g bytes.Buffer
	if err := gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 4, 4), color.Palette{color.Black}), nil); err != nil {
		t.Fatal(err)
	}
	good := pngOf(t, 64, 48)
	fsys := fstest.MapFS{
		"a.gif":       {Data: g.Bytes()},
		"cut.png":     {Data: good[:len(good)/2]},
		"garbage.png": {Data: []byte("\x89PNG\r\n\x1a\nnot really")},
		"big.png":     {Data: append(good, make([]byte, 100)...)},
	}
	lim := content.DefaultLimits()
	if _, err := media.Decode(fsys, "a.gif", 10, 10, lim); !errors.Is(err, media.ErrFormat) {
		t.Errorf("gif: %v", err)
	}
	for _, name := range []string{"cut.png", "garbage.png", "missing.png"} {
		if _, err := media.Decode(fsys, name, 10, 10, lim); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: %v", name, err)
		}
	}
	lim.ImageBytes = int64(len(good))
	if _, err := media.Decode(fsys, "big.png", 10, 10, lim); !errors.Is(err, safefs.ErrTooLarge) {
		t.Errorf("file size limit: %v", err)
	}
}

// Reproduction 2: links to /dev/zero and out of the root are refused, and a FIFO does not
// block the decoder.
func TestDecodeRefusesLinks(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "out.png")
	if err := os.WriteFile(outside, pngOf(t, 8, 6), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"zero.png": "/dev/zero", "out.png": outside, "zero.svg": "/dev/zero"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	root, err := safefs.New(dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	lim := content.DefaultLimits()
	for _, name := range []string{"zero.png", "out.png"} {
		if _, err := media.Decode(root, name, 10, 10, lim); !errors.Is(err, safefs.ErrSymlink) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := media.ReadSVG(root, "zero.svg", lim); !errors.Is(err, safefs.ErrSymlink) {
		t.Errorf("zero.svg: %v", err)
	}
}

func TestReadSVG(t *testing.T) {
	lim := content.DefaultLimits()
	fsys := fstest.MapFS{
		"ok.svg":   {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>`)},
		"many.svg": {Data: []byte("<svg>" + strings.Repeat("<path/>", lim.SVGElements) + "</svg>")},
		"big.svg":  {Data: []byte("<svg>" + strings.Repeat(" ", int(lim.SVGBytes)) + "</svg>")},
	}
	if data, err := media.ReadSVG(fsys, "ok.svg", lim); err != nil || len(data) == 0 {
		t.Fatalf("ok.svg: %v", err)
	}
	if _, err := media.ReadSVG(fsys, "many.svg", lim); err == nil || !strings.Contains(err.Error(), "elements") {
		t.Errorf("many.svg: %v", err)
	}
	if _, err := media.ReadSVG(fsys, "big.svg", lim); !errors.Is(err, safefs.ErrTooLarge) {
		t.Errorf("big.svg: %v", err)
	}
}

// A full-size image at the pixel limit scales to screen size in reasonable time.
func TestScalingTheLargestAllowedImage(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes a 16-megapixel image")
	}
	lim := content.DefaultLimits()
	side := 4096
	img := image.NewNRGBA(image.Rect(0, 0, side, side))
	start := time.Now()
	out := media.Fit(img, 1280, 800)
	if b := out.Bounds(); b.Dx() != 800 || b.Dy() != 800 {
		t.Fatalf("bounds %v", b)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Fatalf("scaling took %v", took)
	}
	if err := lim.CheckImage(image.Config{ColorModel: color.NRGBAModel, Width: side, Height: side}); err != nil {
		t.Fatalf("the limit itself is refused: %v", err)
	}
	t.Logf("scaled %dx%d in %v", side, side, time.Since(start))
}

// Scaling down averages: a fine checkerboard becomes grey, not black or white (aliasing).
func TestFitAverages(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 64, 64))
	for y := range 64 {
		for x := range 64 {
			if (x+y)%2 == 0 {
				img.SetGray(x, y, color.Gray{255})
			}
		}
	}
	out := media.Fit(img, 8, 8)
	for y := range 8 {
		for x := range 8 {
			if g := color.GrayModel.Convert(out.At(x, y)).(color.Gray).Y; g < 100 || g > 155 {
				t.Fatalf("pixel %d,%d = %d, want grey", x, y, g)
			}
		}
	}
}

// TestRGBA: any picture comes out as premultiplied RGBA at the origin with the same
// colours (what Fyne would have drawn it to); an RGBA at the origin is kept as it is.
func TestRGBA(t *testing.T) {
	n := image.NewNRGBA(image.Rect(2, 3, 6, 8))
	n.SetNRGBA(2, 3, color.NRGBA{R: 200, G: 100, B: 50, A: 128})
	n.SetNRGBA(5, 7, color.NRGBA{R: 10, G: 20, B: 30, A: 255})
	r := media.RGBA(n)
	if r.Rect != image.Rect(0, 0, 4, 5) {
		t.Fatalf("bounds %v", r.Rect)
	}
	for _, c := range []struct{ x, y, sx, sy int }{{0, 0, 2, 3}, {3, 4, 5, 7}, {1, 1, 3, 4}} {
		want := color.RGBAModel.Convert(n.At(c.sx, c.sy))
		if got := r.At(c.x, c.y); got != want {
			t.Errorf("at %d,%d: %v, want %v", c.x, c.y, got, want)
		}
	}
	if again := media.RGBA(r); again != r {
		t.Error("an RGBA picture was copied")
	}
	p := image.NewPaletted(image.Rect(0, 0, 2, 2), color.Palette{color.Black, color.White})
	p.SetColorIndex(1, 1, 1)
	if got := media.RGBA(p).At(1, 1); got != color.RGBAModel.Convert(color.White) {
		t.Errorf("paletted white came out %v", got)
	}
}
