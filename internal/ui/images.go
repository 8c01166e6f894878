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

// imageBudget bounds the decoded pixels kept for reuse (the pictures of about two zones);
// between visits only idleImageBudget is kept (the attract slides, at the size shown).
const (
	imageBudget     = 48 << 20
	idleImageBudget = 16 << 20
)

// objectMargin is the room left around an object cut from its card, as a fraction of its
// longer side.
const objectMargin = 0.06

// Sizes pictures are decoded at: no picture is kept larger than it is ever shown.
const (
	thumbW, thumbH   = 480, 360  // catalogue and case-list cards
	detailW, detailH = 1280, 960 // illustrations beside a text, attract slides
)

type imageKey struct {
	path  string
	w, h  int
	crop  bool // cut to the object drawn on the picture's plain card (media.CropToObject)
	cover bool // w×h is a box the picture covers (scaled to cover it), not one it fits in
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
	objs map[imageKey]*canvas.Image
	// keys is the key each picture on screen was asked for with, and fitted where a
	// picture asked for at a nominal size was last decoded at the size it is shown.
	keys   map[*canvas.Image]imageKey
	fitted map[imageKey]imageKey
	// boxes is the box (in pixels) each slot's pictures were last laid out in, and slotOf
	// the slot of each picture on screen asked for in one.
	boxes   map[string]imageKey
	boxesAt fyne.Size // the window size boxes were laid out at
	slotOf  map[*canvas.Image]string
	dry     map[*canvas.Image]imageKey // while sizeAhead builds a page: its pictures' slots (path) and cuts
	// keep is the attract slides' pictures: kept at their slot's box whatever the budget,
	// for the loop shows them every idle minute and after every visit and staff panel
	// (which evicted them, and then came on without their picture).
	keep    map[string]bool
	next    *warmReq // pictures to decode once their slot's box is known (warmIn)
	pending sync.WaitGroup
	// slots lets one decode run at a time (nil: any number). On two cores a page of
	// pictures decoded all at once took both from the UI thread and the software GL
	// drawing the page they are for.
	slots chan struct{}
	// blank is what a picture shows until it is decoded (and the mirror until its first
	// frame): one transparent pixel. With no image at all Fyne paints a transparent
	// picture as large as the box, and converts it on the UI thread, at each first show.
	blank *image.RGBA
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
	c.keys, c.fitted = map[*canvas.Image]imageKey{}, map[imageKey]imageKey{}
	c.boxes, c.slotOf = map[string]imageKey{}, map[*canvas.Image]string{}
	c.next = nil
}

// image shows a content picture of the pack on show, decoded at most at detail size.
func (s *Shell) image(p string) *canvas.Image { return s.imageFit(p, detailW, detailH) }

// thumb shows a content picture in slot at card size (until the slot's box is known).
func (s *Shell) thumb(slot, p string) *canvas.Image {
	return s.pictureAs(p, imageKey{w: thumbW, h: thumbH}, canvas.ImageFillContain, slot)
}

// objectThumb is thumb cut to the object drawn on the picture, so that an object drawn
// small on a 4:3 card fills a wide catalogue card.
func (s *Shell) objectThumb(slot, p string) *canvas.Image {
	return s.pictureAs(p, imageKey{w: thumbW, h: thumbH, crop: true}, canvas.ImageFillContain, slot)
}

// imageIn shows a content picture in slot, at detail size until the slot's box is known.
func (s *Shell) imageIn(slot, p string) *canvas.Image {
	return s.pictureAs(p, imageKey{w: detailW, h: detailH}, canvas.ImageFillContain, slot)
}

// thumbIn shows a content picture in slot covering its box, at card size until the slot's
// box is known.
func (s *Shell) thumbIn(slot, p string) *canvas.Image {
	return s.pictureAs(p, imageKey{w: thumbW, h: thumbH}, canvas.ImageFillCover, slot)
}

// imageFit shows a content picture decoded to fit w×h (in Fyne units; decoded at the
// canvas's pixel scale). Once the page is laid out, refit decodes it again at the size it
// is really shown, so that Fyne uploads it as it is (ImageScaleFastest: no rescale on the UI
// thread) and the GL step is within a few percent; the next page asking for the same picture
// gets that size at once. A broken file (content was validated, so this is rare) stays an
// empty frame and is logged.
func (s *Shell) imageFit(p string, w, h int) *canvas.Image {
	return s.pictureAs(p, imageKey{w: w, h: h}, canvas.ImageFillContain, "")
}

// pictureAs shows p as asked by like (its size in Fyne units and its cut), drawn with
// fill, in slot ("" for none): at the slot's box when one of its pictures was laid out
// before, else at like's size, refitted once laid out.
func (s *Shell) pictureAs(p string, like imageKey, fill canvas.ImageFill, slot string) *canvas.Image {
	pk := s.pack()
	c := &s.images
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil || c.serial != pk.Serial() {
		c.resetLocked(pk.Serial())
	}
	out := &canvas.Image{FillMode: canvas.ImageFillContain, ScaleMode: canvas.ImageScaleFastest}
	if c.dry != nil { // a page laid out ahead (sizeAhead): nothing decoded
		out.FillMode, out.Image = fill, c.blank
		c.dry[out] = imageKey{path: slot, crop: like.crop}
		return out
	}
	if strings.EqualFold(path.Ext(p), ".svg") {
		return s.svgLocked(p, out)
	}
	k := c.keyLocked(p, like, s.pixelScale(), slot, s.viewport())
	if o := c.showLocked(k, out); o != nil {
		o.FillMode = fill
		c.slotOf[o] = slot
		return o
	}
	out.FillMode = fill
	c.slotOf[out] = slot
	c.names[out] = p
	c.keys[out] = k
	_, busy := c.waiting[k] // a decode ahead waits with no picture yet
	first := !busy
	c.waiting[k] = append(c.waiting[k], out)
	out.Image = c.blank
	if first {
		s.decode(k, pk.Root, pk.Serial())
	}
	return out
}

// keyLocked is the picture p will be decoded as: at its slot's box when known for the
// window size vp, else at the size last fitted for like (when decoded or decoding), else
// at like's size (c.mu held).
func (c *imageCache) keyLocked(p string, like imageKey, sc float32, slot string, vp fyne.Size) imageKey {
	if b, ok := c.boxLocked(slot, vp); ok {
		b.path = p
		return b
	}
	k := imageKey{p, int(float32(like.w) * sc), int(float32(like.h) * sc), like.crop, false}
	if f, ok := c.fitted[k]; ok {
		_, done := c.entries[f]
		_, busy := c.waiting[f]
		if done || busy {
			k = f
		}
	}
	return k
}

// svgLocked shows a zone icon or other SVG: its object is kept between pages (Fyne
// rasterises an SVG per object and size, on the UI thread).
func (s *Shell) svgLocked(p string, out *canvas.Image) *canvas.Image {
	c := &s.images
	k := imageKey{path: p}
	if o, ok := c.objs[k]; ok {
		if _, onScreen := c.names[o]; !onScreen {
			c.names[o] = p
			return o
		}
	}
	res, ok := c.svg[p]
	if !ok {
		data, err := media.ReadSVG(s.pack().Root, p, c.lim)
		if err != nil {
			s.d.Log.Warn("content image unreadable", "path", p, "err", err)
			c.names[out] = p
			return out
		}
		res = fyne.NewStaticResource(p, data)
		c.svg[p] = res
	}
	out.ScaleMode = canvas.ImageScaleSmooth
	out.Resource = res
	c.names[out] = p
	c.objs[k] = out
	return out
}

// showLocked hands out the decoded picture k, reusing its object when it is not on screen
// already; nil when k is not decoded yet.
func (c *imageCache) showLocked(k imageKey, out *canvas.Image) *canvas.Image {
	el, ok := c.entries[k]
	if !ok {
		return nil
	}
	c.lru.MoveToFront(el)
	if o, ok := c.objs[k]; ok {
		if _, onScreen := c.names[o]; !onScreen {
			c.names[o], c.keys[o] = k.path, k
			return o
		}
	}
	out.Image = el.Value.(*imageEntry).img
	c.names[out], c.keys[out] = k.path, k
	c.objs[k] = out
	return out
}

// pixelScale is how many screen pixels one Fyne unit is.
func (s *Shell) pixelScale() float32 {
	if sc := s.win.Canvas().Scale(); sc > 0 {
		return sc
	}
	return 1
}

// refit decodes again, at the size they are shown, the pictures on screen that were
// decoded more than a tenth too large (or too small, when the file has more pixels). It
// runs on the UI thread after the page is laid out.
func (s *Shell) refit() {
	c := &s.images
	c.mu.Lock()
	defer c.mu.Unlock()
	sc, vp := s.pixelScale(), s.viewport()
	pk := s.pack()
	if c.serial != pk.Serial() {
		return
	}
	for ci, k := range c.keys {
		if _, onScreen := c.names[ci]; !onScreen || !ci.Visible() {
			continue
		}
		box := ci.Size()
		bw, bh := int(box.Width*sc+0.5), int(box.Height*sc+0.5)
		if bw < 8 || bh < 8 {
			continue
		}
		cover := ci.FillMode == canvas.ImageFillCover // the picture covers the box: decode it that large
		slot := c.slotOf[ci]
		if slot != "" { // laid out, decoded or not: the slot's next pictures come at this box
			c.learnLocked(slot, vp, imageKey{w: bw, h: bh, crop: k.crop, cover: cover})
		}
		if !c.drawn(ci) {
			continue
		}
		ib := ci.Image.Bounds()
		f := imageKey{k.path, bw, bh, k.crop, cover}
		if cover {
			bw, bh = coverBox(ib.Dx(), ib.Dy(), bw, bh)
		}
		if slot == "" {
			f = imageKey{k.path, bw, bh, k.crop, false}
		}
		fw, _ := fitInside(ib.Dx(), ib.Dy(), bw, bh)
		tooBig := ib.Dx() > fw*11/10
		tooSmall := ib.Dx() < fw*9/10 && (ib.Dx() >= k.w-1 || ib.Dy() >= k.h-1) // the file may have more
		if !tooBig && !tooSmall {
			continue
		}
		if f == k {
			continue
		}
		c.fitted[k] = f
		delete(c.keys, ci)
		if el, ok := c.entries[f]; ok {
			ci.Image = el.Value.(*imageEntry).img
			c.keys[ci] = f
			ci.Refresh()
			continue
		}
		_, busy := c.waiting[f]
		first := !busy
		c.waiting[f] = append(c.waiting[f], ci)
		c.keys[ci] = f
		if first {
			s.decode(f, pk.Root, pk.Serial())
		}
	}
	if c.next != nil {
		s.warmLocked(pk)
	}
}

// fitInside is the size of a w×h picture fitted, proportions kept, inside bw×bh.
func fitInside(w, h, bw, bh int) (int, int) {
	if w <= 0 || h <= 0 {
		return bw, bh
	}
	if w*bh > h*bw { // wider than the box
		return bw, max(1, h*bw/w)
	}
	return max(1, w*bh/h), bh
}

// coverBox is the size of a w×h picture scaled, proportions kept, to cover bw×bh.
func coverBox(w, h, bw, bh int) (int, int) {
	if w <= 0 || h <= 0 {
		return bw, bh
	}
	if w*bh > h*bw { // wider than the box: as tall as the box
		return max(1, w*bh/h), bh
	}
	return bw, max(1, h*bw/w)
}

// fitLoose scales img to fit w×h, unless it fits within a tenth more already (refit's
// tolerance): Fyne draws it that little smaller at no cost, and the scale would have
// allocated a buffer of a dozen megabytes for nothing (an 800×600 slide fitted to a
// 764×573 box: 15 MB, which the idle kiosk's heap then kept).
func fitLoose(img image.Image, w, h int) image.Image {
	b := img.Bounds()
	fw, fh := fitInside(b.Dx(), b.Dy(), w, h)
	if b.Dx() <= fw*11/10 && b.Dy() <= fh*11/10 {
		return img
	}
	return media.Fit(img, w, h)
}

// decode runs one decode on its own goroutine and hands the result to the UI thread.
func (s *Shell) decode(k imageKey, root fs.FS, serial uint64) {
	c := &s.images
	c.pending.Add(1)
	lim := c.lim
	go func() {
		defer c.pending.Done()
		if c.slots != nil {
			c.slots <- struct{}{}
			defer func() { <-c.slots }()
		}
		var img image.Image
		var err error
		switch {
		case k.crop: // the whole picture first (content limits bound it), then the object
			if img, err = media.Decode(root, k.path, 0, 0, lim); err == nil {
				img = media.Fit(media.CropToObject(img, objectMargin, colorCard), k.w, k.h)
			}
		case k.cover: // the whole picture first, then as large as covers the box
			if img, err = media.Decode(root, k.path, 0, 0, lim); err == nil {
				b := img.Bounds()
				w, h := coverBox(b.Dx(), b.Dy(), k.w, k.h)
				img = fitLoose(img, w, h)
			}
		default:
			if img, err = media.Decode(root, k.path, 0, 0, lim); err == nil {
				img = fitLoose(img, k.w, k.h)
			}
		}
		if err == nil {
			img = media.RGBA(img) // as the GL painter uploads it, converted here rather than while it draws
		}
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
	c.trimLocked(imageBudget)
	for _, ci := range waiting {
		ci.Image = img
		ci.Refresh()
		c.objs[k] = ci
	}
	if len(waiting) > 0 {
		s.do(s.refit) // once laid out with its picture, it may want another size
	}
}

// trim drops the least recently used pictures until at most budget bytes are kept.
func (c *imageCache) trim(budget int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.trimLocked(budget)
}

func (c *imageCache) trimLocked(budget int64) {
	if c.lru == nil {
		return
	}
	box, boxed := c.boxLocked(slotAttract, c.boxesAt)
	for el := c.lru.Back(); el != nil && c.bytes > budget && c.lru.Len() > 1; {
		prev := el.Prev()
		old := el.Value.(*imageEntry)
		if k := old.key; boxed && c.keep[k.path] && k.w == box.w && k.h == box.h {
			el = prev // an attract slide at its box: kept
			continue
		}
		c.lru.Remove(el)
		delete(c.entries, old.key)
		delete(c.objs, old.key)
		c.bytes -= old.n
		el = prev
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
	clear(c.keys)
	clear(c.slotOf)
	c.next = nil // the new page asks for its own
	c.mu.Unlock()
}

// drawn reports whether ci shows its picture: decoded, not blank while it waits or
// because its file was broken.
func (c *imageCache) drawn(ci *canvas.Image) bool {
	return ci.Image != nil && ci.Image != image.Image(c.blank)
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
