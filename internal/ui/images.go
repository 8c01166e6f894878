package ui

import (
	"container/list"
	"image"
	"io/fs"
	"path"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/media"
)

// imageBudget bounds the decoded pixels kept for reuse (the pictures of about two zones).
const imageBudget = 64 << 20

// Sizes pictures are decoded at: no picture is kept larger than it is ever shown.
const (
	thumbW, thumbH   = 480, 360  // catalogue and case-list cards
	detailW, detailH = 1280, 960 // illustrations beside a text, attract slides
)

type imageKey struct {
	path string
	w, h int
}

// imageCache holds the decoded pictures of one pack within imageBudget, least recently
// used first out. Decoding runs off the UI thread; a picture asked for before it is ready
// shows empty and is filled in when its decode finishes. All methods but decode run on the
// UI thread.
type imageCache struct {
	// mu is uncontended in the app (everything runs on the Fyne thread) but Fyne's test
	// driver runs fyne.Do callbacks on the calling goroutine.
	mu      sync.Mutex
	serial  uint64
	lim     content.Limits
	entries map[imageKey]*list.Element
	lru     *list.List // of *imageEntry, most recent first
	bytes   int64
	waiting map[imageKey][]*canvas.Image
	svg     map[string]fyne.Resource
	names   map[*canvas.Image]string // what each picture on screen shows (tests, logs)
	// objs keeps one canvas object per decoded picture across redraws, so that Fyne keeps
	// its texture (and its scaled copy) instead of scaling and uploading it again each time;
	// a picture shown twice on one screen gets a second object.
	objs    map[imageKey]*canvas.Image
	pending sync.WaitGroup
}

type imageEntry struct {
	key imageKey
	img image.Image
	n   int64
}

// resetLocked empties the cache for pack serial (c.mu held); decodes still running for the
// old pack finish and are dropped (pending keeps counting them).
func (c *imageCache) resetLocked(serial uint64) {
	c.serial, c.lim = serial, content.DefaultLimits()
	c.entries, c.lru, c.bytes = map[imageKey]*list.Element{}, list.New(), 0
	c.waiting, c.svg = map[imageKey][]*canvas.Image{}, map[string]fyne.Resource{}
	c.names = map[*canvas.Image]string{}
	c.objs = map[imageKey]*canvas.Image{}
}

// image shows a content picture of the pack on show, decoded at most at detail size.
func (s *Shell) image(p string) *canvas.Image { return s.imageFit(p, detailW, detailH) }

// thumb shows a content picture at card size.
func (s *Shell) thumb(p string) *canvas.Image { return s.imageFit(p, thumbW, thumbH) }

// imageFit shows a content picture decoded to fit w×h. A broken file (content was
// validated, so this is rare) stays an empty frame and is logged.
func (s *Shell) imageFit(p string, w, h int) *canvas.Image {
	pk := s.pack()
	c := &s.images
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || c.serial != pk.Serial() {
		c.resetLocked(pk.Serial())
	}
	out := &canvas.Image{FillMode: canvas.ImageFillContain}
	c.names[out] = p
	if strings.EqualFold(path.Ext(p), ".svg") {
		res, ok := c.svg[p]
		if !ok {
			data, err := media.ReadSVG(pk.Root, p, c.lim)
			if err != nil {
				s.d.Log.Warn("content image unreadable", "path", p, "err", err)
				return out
			}
			res = fyne.NewStaticResource(p, data)
			c.svg[p] = res
		}
		out.Resource = res
		return out
	}
	k := imageKey{p, w, h}
	if el, ok := c.entries[k]; ok {
		c.lru.MoveToFront(el)
		if o, ok := c.objs[k]; ok {
			if _, onScreen := c.names[o]; !onScreen {
				delete(c.names, out)
				c.names[o] = p
				return o
			}
		}
		out.Image = el.Value.(*imageEntry).img
		c.objs[k] = out
		return out
	}
	first := len(c.waiting[k]) == 0
	c.waiting[k] = append(c.waiting[k], out)
	if first {
		s.decode(k, pk.Root, pk.Serial())
	}
	return out
}

// decode runs one decode on its own goroutine and hands the result to the UI thread.
func (s *Shell) decode(k imageKey, root fs.FS, serial uint64) {
	c := &s.images
	c.pending.Add(1)
	lim := c.lim
	go func() {
		defer c.pending.Done()
		img, err := media.Decode(root, k.path, k.w, k.h, lim)
		s.do(func() { s.decoded(k, serial, img, err) })
	}()
}

// decoded files a finished decode and fills in the pictures that wait for it.
func (s *Shell) decoded(k imageKey, serial uint64, img image.Image, err error) {
	c := &s.images
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.serial != serial { // a new pack came meanwhile
		return
	}
	waiting := c.waiting[k]
	delete(c.waiting, k)
	if err != nil {
		s.d.Log.Warn("content image unreadable", "path", k.path, "err", err)
		return
	}
	b := img.Bounds()
	e := &imageEntry{key: k, img: img, n: int64(b.Dx()) * int64(b.Dy()) * 4}
	c.entries[k] = c.lru.PushFront(e)
	c.bytes += e.n
	for c.bytes > imageBudget && c.lru.Len() > 1 {
		old := c.lru.Remove(c.lru.Back()).(*imageEntry)
		delete(c.entries, old.key)
		delete(c.objs, old.key)
		c.bytes -= old.n
	}
	for _, ci := range waiting {
		ci.Image = img
		ci.Refresh()
		c.objs[k] = ci
	}
}

// reset empties the cache for pack serial.
func (c *imageCache) reset(serial uint64) {
	c.mu.Lock()
	c.resetLocked(serial)
	c.mu.Unlock()
}

// forget drops the names of pictures no longer on screen (a new page is being drawn).
func (c *imageCache) forget() {
	c.mu.Lock()
	clear(c.names)
	c.mu.Unlock()
}

// nameOf is the content path a picture on screen shows (tests).
func (c *imageCache) nameOf(ci *canvas.Image) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.names[ci]
}

// stale reports whether the cache belongs to another pack than serial.
func (c *imageCache) stale(serial uint64) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.serial != serial
}
