package content

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/jindu-edu/kiosk/internal/safefs"
)

// headerBytes is how much of a PNG, Ogg or WAV file is read to check it: the PNG header
// chunk (IHDR, with the image size) ends at byte 33.
const headerBytes = 64

// CheckMedia applies the checks lint makes of a media file referred to by content (SVG,
// PNG, Ogg, MP3 or WAV by its extension) to file in fsys, for validators outside this
// package such as the quiz bank's. The error names the file.
func (l Limits) CheckMedia(fsys fs.FS, file string) error {
	if l.FileBytes(file) == 0 {
		return fmt.Errorf("%q: unsupported file type %q", file, path.Ext(file))
	}
	return checkMedia(fsys, file, l)
}

// checkMedia makes sure a media file exists, is a regular file within its size limit (no
// link, device or FIFO), and is what its name says. Audio and PNG are checked by their
// headers only, so a large pack validates quickly; the PNG header's size is checked against
// the image limits, which is what bounds decoding (decoders allocate from the header).
func checkMedia(fsys fs.FS, file string, lim Limits) error {
	max := lim.FileBytes(file)
	f, err := safefs.Open(fsys, file, max)
	if err != nil {
		return fmt.Errorf("%q: cannot read media file: %s", file, reason(err))
	}
	defer f.Close()
	ext := strings.ToLower(path.Ext(file))
	var data []byte
	if ext == ".svg" {
		data, err = io.ReadAll(f) // bounded by safefs.Open
	} else {
		data = make([]byte, headerBytes)
		var n int
		n, err = io.ReadFull(f, data)
		data = data[:n]
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			err = nil
		}
	}
	if err != nil {
		return fmt.Errorf("%q: cannot read media file: %s", file, reason(err))
	}
	if len(data) == 0 {
		return fmt.Errorf("%q is empty", file)
	}
	switch ext {
	case ".svg":
		if err := lim.CheckSVG(data); err != nil {
			return fmt.Errorf("%q: %w", file, err)
		}
	case ".png":
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("%q is not a PNG image: %v", file, err)
		}
		if err := lim.CheckImage(cfg); err != nil {
			return fmt.Errorf("%q: %w", file, err)
		}
	case ".ogg":
		if !bytes.HasPrefix(data, []byte("OggS")) {
			return fmt.Errorf("%q is not an Ogg file", file)
		}
	case ".wav":
		if !bytes.HasPrefix(data, []byte("RIFF")) {
			return fmt.Errorf("%q is not a WAV file", file)
		}
	}
	return nil
}

// reason is a safefs error without the operation and path, which the message already has.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
