package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"io"
	"path"
	"strings"

	"github.com/jindu-edu/kiosk/internal/lint"
)

// Limits bound every file a content root can hold and every id it can name, so that a
// hostile root is refused by `kioskctl content lint` and by the kiosk alike, before it can
// exhaust memory or time. The same values bound what the kiosk's media decoder accepts
// (internal/media). DefaultLimits documents the values; docs/content-format.md explains them.
type Limits struct {
	YAML lint.YAMLLimits // each content/*.yaml file: size, nodes (aliases expanded), scalar length

	ImageBytes   int64 // a PNG or JPEG file
	ImageSide    int   // width or height of an image, in pixels
	ImagePixels  int64 // width × height
	ImageDecoded int64 // memory of the decoded image (pixels × bytes per pixel)

	SVGBytes    int64 // an SVG file
	SVGElements int   // elements of an SVG
	SVGDepth    int   // nesting of SVG elements

	AudioBytes   int64 // a narration clip (ogg, mp3, wav)
	StringsBytes int64 // a UI strings table (strings/*.json)

	IDBytes int // an id (pack_id, zone, slide, era, event, category, drug, item, case)
}

// DefaultLimits are the limits of Load. The bundled demo's largest files are a 30 KB YAML
// file, a 100 KB 800×600 PNG, a 15 KB SVG, a 220 KB narration clip and a 7 KB strings
// table; the limits leave packs room for photographs and long clips while keeping the
// worst case of each file to tens of megabytes. Ids reach the office hub in events, which
// refuses any field over 256 bytes; the longest event field built from a content id is
// "disguise:" + id, and the content version is pack_id + "-v" + version, so 64 bytes is
// well within it.
func DefaultLimits() Limits {
	return Limits{
		YAML:         lint.DefaultYAMLLimits(),
		ImageBytes:   16 << 20,
		ImageSide:    8192,
		ImagePixels:  4096 * 4096,
		ImageDecoded: 64 << 20,
		SVGBytes:     1 << 20,
		SVGElements:  20_000,
		SVGDepth:     64,
		AudioBytes:   32 << 20,
		StringsBytes: 256 << 10,
		IDBytes:      64,
	}
}

// FileBytes is the size limit of a file by its kind (extension), or 0 for a kind a content
// root does not hold.
func (l Limits) FileBytes(name string) int64 {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		return l.YAML.Bytes
	case ".png", ".jpg", ".jpeg":
		return l.ImageBytes
	case ".svg":
		return l.SVGBytes
	case ".ogg", ".mp3", ".wav":
		return l.AudioBytes
	case ".json":
		return l.StringsBytes
	}
	return 0
}

// MaxFile is the largest FileBytes, the bound for a safefs.Dir over a content root.
func (l Limits) MaxFile() int64 {
	return max(l.YAML.Bytes, l.ImageBytes, l.SVGBytes, l.AudioBytes, l.StringsBytes)
}

// CheckImage refuses an image whose header (from image.DecodeConfig) is over the limits:
// decoders allocate from the header's size alone, so a small file can claim gigabytes.
func (l Limits) CheckImage(cfg image.Config) error {
	w, h := int64(cfg.Width), int64(cfg.Height)
	switch {
	case w <= 0 || h <= 0:
		return fmt.Errorf("image is %d×%d pixels", w, h)
	case w > int64(l.ImageSide) || h > int64(l.ImageSide):
		return fmt.Errorf("image is %d×%d pixels; the limit is %d on a side", w, h, l.ImageSide)
	case w*h > l.ImagePixels:
		return fmt.Errorf("image is %d×%d = %d pixels; the limit is %d", w, h, w*h, l.ImagePixels)
	case w*h*bytesPerPixel(cfg.ColorModel) > l.ImageDecoded:
		return fmt.Errorf("image is %d×%d pixels of %d bytes, %d MiB decoded; the limit is %d MiB",
			w, h, bytesPerPixel(cfg.ColorModel), w*h*bytesPerPixel(cfg.ColorModel)>>20, l.ImageDecoded>>20)
	}
	return nil
}

// bytesPerPixel is what the standard decoders allocate per pixel for a colour model.
func bytesPerPixel(m color.Model) int64 {
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel:
		return 3
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel:
		return 4
	}
	return 8
}

// CheckSVG refuses data that is not an SVG document within the element and depth limits.
// It reads tokens one at a time, so a document is never held as a tree.
func (l Limits) CheckSVG(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var elements, depth int
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("not an SVG image: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if elements == 0 && t.Name.Local != "svg" {
				return fmt.Errorf("not an SVG image: the root element is <%s>", t.Name.Local)
			}
			elements++
			depth++
			if elements > l.SVGElements {
				return fmt.Errorf("SVG has more than %d elements", l.SVGElements)
			}
			if depth > l.SVGDepth {
				return fmt.Errorf("SVG nests elements more than %d deep", l.SVGDepth)
			}
		case xml.EndElement:
			depth--
		case xml.Directive:
			// <!DOCTYPE …> may declare entities; Go's decoder never expands them, but
			// Fyne's renderer has no use for them either.
			return errors.New("SVG has a <!DOCTYPE> or other directive, which is not allowed")
		}
	}
	if elements == 0 {
		return errors.New("not an SVG image: no elements")
	}
	return nil
}
