// Package media decodes a content root's images for display, within content.Limits: the
// file is read with a size limit and without following links (internal/safefs), the
// image's header is checked against the pixel and memory limits before anything is
// decoded, and the decoded image is scaled down to the size it is shown at. It has no UI
// dependency; internal/ui turns the result into a Fyne canvas image.
package media

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"

	"golang.org/x/image/draw"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/safefs"
)

// ErrFormat is returned for a file that is neither PNG nor JPEG.
var ErrFormat = errors.New("not a PNG or JPEG image")

// Decode reads the PNG or JPEG image name from fsys and returns it scaled down (keeping its
// proportions) to fit maxW×maxH; a smaller image is returned at its own size, and 0 leaves
// a side unbounded. Before decoding it refuses a file over lim.ImageBytes, a link or a
// special file, and an image whose header is over lim's side, pixel or decoded-memory
// limits, so decoding never allocates more than lim.ImageDecoded for the pixels (plus the
// scaled copy). The format is taken from the file's first bytes, not its name.
func Decode(fsys fs.FS, name string, maxW, maxH int, lim content.Limits) (image.Image, error) {
	data, err := safefs.ReadFile(fsys, name, lim.ImageBytes)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", name, err)
	}
	var decodeConfig func([]byte) (image.Config, error)
	var decode func([]byte) (image.Image, error)
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		decodeConfig = func(b []byte) (image.Config, error) { return png.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return png.Decode(bytes.NewReader(b)) }
	case bytes.HasPrefix(data, []byte("\xff\xd8")):
		decodeConfig = func(b []byte) (image.Config, error) { return jpeg.DecodeConfig(bytes.NewReader(b)) }
		decode = func(b []byte) (image.Image, error) { return jpeg.Decode(bytes.NewReader(b)) }
	default:
		return nil, fmt.Errorf("image %s: %w", name, ErrFormat)
	}
	cfg, err := decodeConfig(data)
	if err != nil {
		return nil, fmt.Errorf("image %s: header: %w", name, err)
	}
	if err := lim.CheckImage(cfg); err != nil {
		return nil, fmt.Errorf("image %s: %w", name, err)
	}
	img, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", name, err)
	}
	if b := img.Bounds(); b.Dx() != cfg.Width || b.Dy() != cfg.Height {
		return nil, fmt.Errorf("image %s: decoded %dx%d, header said %dx%d", name, b.Dx(), b.Dy(), cfg.Width, cfg.Height)
	}
	return Fit(img, maxW, maxH), nil
}

// Fit scales img down, keeping its proportions, to fit maxW×maxH (0: that side is
// unbounded). An image that already fits is returned as is.
func Fit(img image.Image, maxW, maxH int) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	scale := 1.0
	if maxW > 0 && w > maxW {
		scale = float64(maxW) / float64(w)
	}
	if maxH > 0 && h > maxH {
		scale = min(scale, float64(maxH)/float64(h))
	}
	if scale >= 1 {
		return img
	}
	dw, dh := max(1, int(float64(w)*scale+0.5)), max(1, int(float64(h)*scale+0.5))
	if maxW > 0 {
		dw = min(dw, maxW)
	}
	if maxH > 0 {
		dh = min(dh, maxH)
	}
	// Halve while the image is more than twice the target (at exactly one half, the
	// approximate bilinear filter averages 2×2 blocks: a box filter, fast and without
	// aliasing), then make the last step with the full bilinear filter.
	src := img
	for b.Dx() >= 2*dw && b.Dy() >= 2*dh {
		half := image.NewNRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
		draw.ApproxBiLinear.Scale(half, half.Bounds(), src, b, draw.Src, nil)
		src, b = half, half.Bounds()
	}
	dst := image.NewNRGBA(image.Rect(0, 0, dw, dh))
	draw.BiLinear.Scale(dst, dst.Bounds(), src, b, draw.Src, nil)
	return dst
}

// RGBA is img as premultiplied RGBA, the one form Fyne's GL painter uploads as it is: it
// converts any other (the NRGBA that PNGs with alpha and Fit give, the paletted PNGs) on
// the UI thread while it draws, a full pass over the pixels. Decoders call this off the
// UI thread instead. An *image.RGBA at the origin is returned as is.
func RGBA(img image.Image) *image.RGBA {
	if r, ok := img.(*image.RGBA); ok && r.Rect.Min == (image.Point{}) {
		return r
	}
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Rect, img, b.Min, draw.Src)
	return dst
}

// ReadSVG reads the SVG name from fsys within lim.SVGBytes, without following links, and
// checks that it is an SVG document within lim's element and nesting limits. The caller
// hands the bytes to its renderer (in the kiosk, a Fyne static resource).
func ReadSVG(fsys fs.FS, name string, lim content.Limits) ([]byte, error) {
	data, err := safefs.ReadFile(fsys, name, lim.SVGBytes)
	if err != nil {
		return nil, fmt.Errorf("svg %s: %w", name, err)
	}
	if err := lim.CheckSVG(data); err != nil {
		return nil, fmt.Errorf("svg %s: %w", name, err)
	}
	return data, nil
}
