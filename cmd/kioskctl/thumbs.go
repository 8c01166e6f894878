package main

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"gopkg.in/yaml.v3"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/media"
	"github.com/jindu-edu/kiosk/internal/pano"
)

// panoThumbs renders the card picture of every scene of ROOT/content/scenes.yaml that names
// a thumbnail: what the visitor sees on opening the scene (its panorama looked at from
// start_yaw), w×h, written as PNG at the thumbnail's path under root. Scenes without a
// thumbnail are listed; the kiosk shows them as text cards.
func panoThumbs(root string, w, h int, stdout io.Writer) (int, error) {
	file := filepath.Join(root, filepath.FromSlash(content.FileScenes))
	data, err := os.ReadFile(file)
	if err != nil {
		return 1, fmt.Errorf("media pano-thumbs: %w (want a content root that holds %s)", err, content.FileScenes)
	}
	var s content.Scenes
	if err := yaml.Unmarshal(data, &s); err != nil {
		return 1, fmt.Errorf("media pano-thumbs: %s: %w", file, err)
	}
	fsys := os.DirFS(root)
	lim := content.DefaultLimits()
	n := 0
	for _, sc := range s.Scenes {
		if sc.Thumbnail == "" {
			fmt.Fprintf(stdout, "%s: no thumbnail named, its card stays text\n", sc.ID)
			continue
		}
		if !fs.ValidPath(sc.Thumbnail) || !fs.ValidPath(sc.Panorama) {
			return 1, fmt.Errorf("media pano-thumbs: scene %s: %q and %q must be relative paths inside %s",
				sc.ID, sc.Panorama, sc.Thumbnail, root)
		}
		img, err := media.Decode(fsys, sc.Panorama, lim.ImageSide, lim.ImageSide, lim)
		if err != nil {
			return 1, fmt.Errorf("media pano-thumbs: scene %s: %w", sc.ID, err)
		}
		thumb := pano.Thumbnail(pano.NewStrip(img), sc.StartYaw, w, h)
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, thumb); err != nil {
			return 1, fmt.Errorf("media pano-thumbs: scene %s: encode: %w", sc.ID, err)
		}
		out := filepath.Join(root, filepath.FromSlash(sc.Thumbnail))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return 1, fmt.Errorf("media pano-thumbs: %w", err)
		}
		if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
			return 1, fmt.Errorf("media pano-thumbs: %w", err)
		}
		n++
	}
	fmt.Fprintf(stdout, "rendered %d scene thumbnails under %s\n", n, root)
	return 0, nil
}
