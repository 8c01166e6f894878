package main

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite" // reads the event log as another process would
)

// Where a visitor taps at 1920×1080: the mirror's home tile is found by its colour (its
// place depends on how many zones the content has); 5年后 is the last stage chip under the
// pictures, and 首页 the bar's left end.
var (
	mirrorColour  = color.NRGBA{0x5E, 0x6B, 0x7A, 0xFF} // zones.yaml: the mirror zone's colour
	fiveYearsChip = image.Pt(857, 746)
	homeButton    = image.Pt(110, 1025)
	livePicture   = image.Rect(60, 265, 630, 690)   // 现在
	agedPicture   = image.Rect(708, 265, 1278, 690) // 吸毒后
)

// TestMirrorLeavesNoImageData is the station's privacy promise on the real binary under
// Xvfb: a visitor opens the mirror, looks at 5年后 and goes home; after a clean stop, the
// data dir, the home dir and the kiosk's log hold no image (no PNG or JPEG, no file big
// enough for a raw frame), and the event log's mirror_use holds only years, camera, drug and
// duration_ms. The camera is a fake device (a FIFO named by KIOSK_CAMERA): the kiosk tries
// it only once the visitor is in the zone, does not keep it open, shows the illustrated
// faces instead and says why in the log.
func TestMirrorLeavesNoImageData(t *testing.T) {
	needX(t)
	if testing.Short() {
		t.Skip("the real binary under Xvfb: not in -short")
	}
	bin := kioskBinary(t)
	x := startXvfb(t, "1920x1080")
	dir := t.TempDir()
	data, home := filepath.Join(dir, "data"), filepath.Join(dir, "home")
	fake := filepath.Join(dir, "video0")
	if err := syscall.Mkfifo(fake, 0o600); err != nil {
		t.Fatal(err)
	}
	x.env = append(x.env, "KIOSK_CAMERA="+fake, "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"), "XDG_DATA_HOME="+filepath.Join(home, ".local/share"))
	k := x.startKiosk(bin, "--data", data)
	pid := k.cmd.Process.Pid

	shot := func(name string) image.Image {
		p := filepath.Join(dir, name+".png")
		if _, err := x.run("import", "-window", "root", p); err != nil {
			t.Fatal(err)
		}
		return readPNG(t, p)
	}
	settled := func(name string) image.Image { // two equal shots in a row: nothing moves
		var prev image.Image
		for i := 0; i < 30; i++ {
			time.Sleep(400 * time.Millisecond)
			img := shot(name)
			if prev != nil && !differs(prev, img) {
				return img
			}
			prev = img
		}
		return prev
	}
	camTried := func() bool { return strings.Contains(k.logs.String(), "mirror camera not used") }

	attract := settled("attract")
	x.tap(960, 540)
	homeShot := settled("home")
	if !differs(attract, homeShot) {
		t.Fatal("a tap on the attract loop did not open the home screen")
	}
	if camTried() {
		t.Fatalf("the camera was tried before the visitor opened the mirror:\n%s", k.logs)
	}
	mirrorTile, ok := colourCentre(homeShot, mirrorColour)
	if !ok {
		t.Fatalf("no home tile of the mirror's colour %v (shots in %s)", mirrorColour, dir)
	}
	x.tap(mirrorTile.X, mirrorTile.Y)
	waitFor(t, 60*time.Second, "the mirror to try the camera", camTried)
	zone := settled("mirror")
	if n := regionDiff(zone, zone, livePicture, agedPicture); n > 200 {
		t.Fatalf("now and 吸毒后 differ before a stage is chosen (%d samples): is this the mirror? (shots in %s)", n, dir)
	}
	if !strings.Contains(k.logs.String(), fake) {
		t.Errorf("the log does not say which camera failed (%s):\n%s", fake, k.logs)
	}
	if open := openFiles(t, pid, fake); len(open) > 0 {
		t.Errorf("the kiosk holds the fake camera open in the zone: %v", open)
	}

	x.tap(fiveYearsChip.X, fiveYearsChip.Y)
	var aged image.Image
	waitFor(t, 30*time.Second, "the face after five years", func() bool {
		aged = shot("five-years")
		return regionDiff(aged, aged, livePicture, agedPicture) > 400
	})
	time.Sleep(2 * time.Second) // the visitor looks a while
	x.tap(homeButton.X, homeButton.Y)
	back := settled("back-home")
	if differs(homeShot, back) {
		t.Fatalf("首页 did not bring the home screen back (shots in %s)", dir)
	}
	if open := openFiles(t, pid, fake); len(open) > 0 {
		t.Errorf("the kiosk holds the fake camera open after the zone: %v", open)
	}
	k.stop(t)
	logs := k.logs.Bytes()

	// No image in the log, the data dir or the home dir.
	if hasImageMagic(logs) || len(logs) > 256<<10 {
		t.Errorf("the kiosk's log holds image data (%d bytes)", len(logs))
	}
	for _, root := range []string{data, home} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				t.Error(err)
				return nil
			}
			t.Logf("%s: %d bytes", strings.TrimPrefix(p, dir), len(b))
			if hasImageMagic(b) {
				t.Errorf("%s holds a PNG or JPEG", p)
			}
			// A grey 640×480 frame; the RGBA one is four times that. The GL driver's shader
			// cache keeps a fixed-size index of compiled shaders (still checked for images).
			if len(b) >= 640*480 && !strings.Contains(p, "mesa_shader_cache") {
				t.Errorf("%s is big enough to hold a raw frame (%d bytes)", p, len(b))
			}
			return nil
		})
	}

	// The event log: one mirror_use, with only what it may say.
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, "events.db")+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT type, COALESCE(payload, '') FROM events`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	uses := 0
	for rows.Next() {
		var typ, payload string
		if err := rows.Scan(&typ, &payload); err != nil {
			t.Fatal(err)
		}
		if hasImageMagic([]byte(payload)) || len(payload) > 4096 {
			t.Errorf("a %s event holds image data (%d bytes)", typ, len(payload))
		}
		if typ != "mirror_use" {
			continue
		}
		uses++
		var m map[string]any
		if err := json.Unmarshal([]byte(payload), &m); err != nil {
			t.Fatalf("mirror_use payload %q: %v", payload, err)
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if want := []string{"camera", "drug", "duration_ms", "years"}; !slices.Equal(keys, want) {
			t.Errorf("mirror_use holds %v, want only %v", keys, want)
		}
		if m["years"] != 5.0 || m["camera"] != false || m["duration_ms"].(float64) < 2000 {
			t.Errorf("mirror_use = %s, want years 5, no camera, at least 2 s", payload)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if uses != 1 {
		t.Errorf("%d mirror_use events, want 1", uses)
	}
	if bytes.Contains(logs, []byte("level=ERROR")) || bytes.Contains(logs, []byte("panic")) {
		t.Errorf("the kiosk logged errors:\n%s", logs)
	}
}

// hasImageMagic reports a PNG or JPEG signature anywhere in b.
// hasImageMagic reports whether b holds a PNG (its 8-byte signature) or a JPEG: the start of
// image marker followed by an APPn, DQT, SOFn or COM segment, and a start of scan and an end
// of image after it. (The 3-byte start alone turns up by chance in the GL driver's compiled
// shaders.)
func hasImageMagic(b []byte) bool {
	if bytes.Contains(b, []byte("\x89PNG\r\n\x1a\n")) {
		return true
	}
	for i := 0; ; {
		j := bytes.Index(b[i:], []byte{0xFF, 0xD8, 0xFF})
		if j < 0 || i+j+3 >= len(b) {
			return false
		}
		i += j + 3
		if m := b[i]; (m >= 0xE0 && m <= 0xEF) || m == 0xDB || (m >= 0xC0 && m <= 0xCF) || m == 0xFE {
			rest := b[i:]
			if k := bytes.Index(rest, []byte{0xFF, 0xDA}); k >= 0 && bytes.Contains(rest[k:], []byte{0xFF, 0xD9}) {
				return true
			}
		}
	}
}

// openFiles lists pid's file descriptors that point at path.
func openFiles(t *testing.T, pid int, path string) []string {
	t.Helper()
	fds, err := filepath.Glob(filepath.Join("/proc", itoa(pid), "fd", "*"))
	if err != nil || len(fds) == 0 {
		t.Fatalf("cannot list the kiosk's open files: %v", err)
	}
	var open []string
	for _, fd := range fds {
		if target, err := os.Readlink(fd); err == nil && target == path {
			open = append(open, fd)
		}
	}
	return open
}

// regionDiff counts sample points (every 5 px) where region ra of a and region rb of b
// (same size) differ clearly: the face after some years against the face now.
func regionDiff(a, b image.Image, ra, rb image.Rectangle) int {
	n := 0
	for y := 0; y < ra.Dy(); y += 5 {
		for x := 0; x < ra.Dx(); x += 5 {
			r1, g1, b1, _ := a.At(ra.Min.X+x, ra.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(rb.Min.X+x, rb.Min.Y+y).RGBA()
			if absDiff(r1, r2)+absDiff(g1, g2)+absDiff(b1, b2) > 3*12<<8 {
				n++
			}
		}
	}
	return n
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// colourCentre is a point inside the largest patch of colour c in img (a home tile's
// background: a few other pixels of the colour elsewhere, on edges, do not move it), and
// whether the patch is big enough to be a tile.
func colourCentre(img image.Image, c color.NRGBA) (image.Point, bool) {
	const cell = 24
	b := img.Bounds()
	counts := map[image.Point]int{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if nearByte(r>>8, c.R) && nearByte(g>>8, c.G) && nearByte(bl>>8, c.B) {
				counts[image.Pt(x/cell, y/cell)]++
			}
		}
	}
	// The cell whose 3×3 neighbourhood holds most of the colour: inside a tile (its title
	// and icon cover much of a short tile, so a third of the neighbourhood is enough).
	best, bestN := image.Point{}, 0
	for p := range counts {
		n := 0
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				n += counts[p.Add(image.Pt(dx, dy))]
			}
		}
		if n > bestN {
			best, bestN = p, n
		}
	}
	return image.Pt(best.X*cell+cell/2, best.Y*cell+cell/2), bestN > 9*cell*cell*35/100
}

func nearByte(v uint32, want uint8) bool { return v+2 >= uint32(want) && v <= uint32(want)+2 }

// The privacy check finds real encoded frames, and not the three bytes that start a JPEG
// when they turn up by chance in a shader binary.
func TestHasImageMagic(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 16, 16))
	var j, p bytes.Buffer
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(&p, img); err != nil {
		t.Fatal(err)
	}
	blob := append([]byte("shader\x00"), 0xFF, 0xD8, 0xFF, 0x12, 0x34, 0xFF, 0x00)
	for name, c := range map[string]struct {
		b    []byte
		want bool
	}{
		"jpeg":           {append([]byte("log line "), j.Bytes()...), true},
		"png":            {p.Bytes(), true},
		"shader binary":  {blob, false},
		"truncated jpeg": {j.Bytes()[:20], false},
	} {
		if got := hasImageMagic(c.b); got != c.want {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
	}
}
