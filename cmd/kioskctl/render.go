package main

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fyne-io/oksvg"
	"github.com/srwiley/rasterx"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/media"
	"github.com/jindu-edu/kiosk/internal/safefs"
)

// renderArt rasterises every SVG under src into a PNG at the same relative path under dst,
// with the renderer Fyne itself uses, so the kiosk decodes a small PNG instead of
// rasterising a detailed SVG on its UI thread (about 200 ms per illustration).
// Sources are read through safefs within the content SVG limits: no links, no special
// files, no oversized or over-complex documents.
func renderArt(src, dst string, w, h int, stdout io.Writer) (int, error) {
	lim := content.DefaultLimits()
	root, err := safefs.New(src, lim.SVGBytes)
	if err != nil {
		return 1, err
	}
	defer root.Close()
	n := 0
	err = fs.WalkDir(root, ".", func(rel string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(rel, ".svg") {
			return err
		}
		data, err := media.ReadSVG(root, rel, lim)
		if err != nil {
			return fmt.Errorf("read %s: %w", filepath.Join(src, rel), err)
		}
		out := filepath.Join(dst, filepath.FromSlash(strings.TrimSuffix(rel, ".svg")+".png"))
		if err := renderOne(filepath.Join(src, rel), data, out, w, h); err != nil {
			return err
		}
		n++
		return nil
	})
	if err != nil {
		return 1, err
	}
	fmt.Fprintf(stdout, "rendered %d illustrations into %s\n", n, dst)
	return 0, nil
}

func renderOne(in string, data []byte, out string, w, h int) error {
	icon, err := oksvg.ReadIconStream(bytes.NewReader(data))
	if err != nil {
		return fmt.Errorf("parse %s: %w", in, err)
	}
	icon.SetTarget(0, 0, float64(w), float64(h))
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	sc := rasterx.NewScannerGV(w, h, img, img.Bounds())
	icon.Draw(rasterx.NewDasher(w, h, sc), 1)
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("create %s: %w", filepath.Dir(out), err)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		return fmt.Errorf("encode %s: %w", out, err)
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}
