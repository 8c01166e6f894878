package ui

import (
	"image"
	"io/fs"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/kiosk"
	"github.com/jindu-edu/kiosk/internal/media"
	"github.com/jindu-edu/kiosk/internal/mirror"
)

// faceCache holds the mirror's illustrated faces of one pack, decoded during a visit
// ahead of need (home's work ahead): the mirror then starts with its first frame pair
// instead of after four decodes. Between visits they are dropped (5 MB the idle kiosk
// does without).
type faceCache struct {
	serial  uint64
	faces   []image.Image // nil: not decoded
	loading bool
	// first is the first face as the station's first frame pair shows it (now, unchanged,
	// both sides): the page's first frame shows it, and the station's first pair then
	// changes no pixel.
	first *image.RGBA
	fx    *mirror.Effect // the station's effect, made ahead
}

// decodeFaces decodes the pack's mirror faces, at the camera's frame size, logging those
// that cannot be read (content was validated, so this is rare).
func (s *Shell) decodeFaces(root fs.FS, m content.Mirror) []image.Image {
	faces := make([]image.Image, 0, len(m.Faces))
	for _, f := range m.Faces {
		img, err := media.Decode(root, f.Image, mirror.FrameW, mirror.FrameH, s.images.lim)
		if err != nil {
			s.d.Log.Warn("mirror face unreadable", "path", f.Image, "err", err)
			continue
		}
		faces = append(faces, img)
	}
	return faces
}

// warmFaces decodes the faces off the UI thread, once per pack, while a visit is on and
// the mirror is a zone.
func (s *Shell) warmFaces() {
	pk := s.pack()
	f := &s.faces
	if f.loading || (f.faces != nil && f.serial == pk.Serial()) || s.v.Settings().MirrorOff || !s.hasZone(content.KindMirror) {
		return
	}
	f.loading = true
	root, m, serial := pk.Root, s.cat().Mirror, pk.Serial()
	s.bg.Add(1)
	go func() {
		defer s.bg.Done()
		faces := s.decodeFaces(root, m)
		var first *image.RGBA
		if len(faces) > 0 { // as the face source and the effect at 现在 make it
			first = mirror.Mirrored(mirror.Fit(faces[0], mirror.FrameW, mirror.FrameH))
		}
		fx := mirror.NewEffect(mirror.Guide)
		s.do(func() {
			f.loading = false
			if s.v.State() != kiosk.Attract && s.pack().Serial() == serial { // the visit is still on
				f.faces, f.first, f.fx, f.serial = faces, first, fx, serial
			}
		})
	}()
}

// drop gives back what the idle kiosk does without.
func (f *faceCache) drop() { f.faces, f.first, f.fx = nil, nil, nil }

// readyFaces is the faces decoded ahead for the pack on show; nil when there are none.
func (s *Shell) readyFaces() []image.Image {
	if s.faces.serial != s.pack().Serial() {
		return nil
	}
	return s.faces.faces
}
