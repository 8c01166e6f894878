package ui

import (
	"slices"
	"testing"
)

// TestCasePagesShowTheirOwnPictures: each story page shows its own picture, a page without
// one the case's (packs made before pages had pictures), and the next page's picture is
// decoded while the visitor reads.
func TestCasePagesShowTheirOwnPictures(t *testing.T) {
	var first, second, own string
	r := newRig(t, func(c *rigConfig) {
		cat := *c.pack.Catalog
		cases := slices.Clone(cat.Cases.Cases)
		one := cases[0]
		one.Pages = slices.Clone(one.Pages)
		for i := range one.Pages {
			one.Pages[i].Image, one.Pages[i].ImageSoft = "", ""
		}
		// pictures the pack has anyway, which the case list does not show
		first, second, own = cat.History.Events[0].Image, cat.History.Events[1].Image, one.Image
		one.Pages[0].Image, one.Pages[1].Image = first, second
		cases[0] = one
		cat.Cases.Cases = cases
		c.pack.Catalog = &cat
	})
	r.tap("轻触屏幕 开始参观")
	r.tap("危害案例")
	c := r.shell.cat().Cases.Cases[0]
	r.tap(c.Title.Zh)
	if !r.showsImage(first) || r.showsImage(own) {
		t.Fatalf("page 1 does not show its own picture %s", first)
	}
	if r.decodedSizes(second) != 1 {
		t.Error("the next page's picture is not decoded while page 1 is read")
	}
	r.tap("下一个")
	if !r.showsImage(second) || r.showsImage(first) {
		t.Fatalf("page 2 does not show its own picture %s", second)
	}
	if n := r.decodedSizes(second); n != 1 {
		t.Errorf("page 2's picture was decoded at %d sizes: the prefetch missed the size it is shown at", n)
	}
	r.tap("下一个")
	if !r.showsImage(own) || r.showsImage(second) {
		t.Fatalf("page 3 has no picture of its own: the case's %s must show", own)
	}
}

// TestBundledStoriesHaveAPicturePerPage: in both age bands, page 2 of every bundled story
// shows another picture than page 1, and each page shows the one it names.
func TestBundledStoriesHaveAPicturePerPage(t *testing.T) {
	for _, primary := range []bool{false, true} {
		r := newRig(t, func(c *rigConfig) { c.settings.SoftenGraphic = primary })
		r.tap("轻触屏幕 开始参观")
		r.tap("危害案例")
		for i, listed := range r.shell.cat().Cases.Cases {
			c := r.shell.caseAt(i)
			r.tap(listed.Title.Zh)
			p1, p2 := c.PageImage(0, primary), c.PageImage(1, primary)
			if p1 == p2 {
				t.Errorf("%s (primary %v): pages 1 and 2 share the picture %s", c.ID, primary, p1)
			}
			if !r.showsImage(p1) {
				t.Errorf("%s (primary %v): page 1 does not show %s", c.ID, primary, p1)
			}
			r.tap("下一个")
			if !r.showsImage(p2) || r.showsImage(p1) {
				t.Errorf("%s (primary %v): page 2 does not show %s", c.ID, primary, p2)
			}
			r.tap("返回")
		}
	}
}

// decodedSizes is how many sizes of the picture at path the cache holds decoded.
func (r *rig) decodedSizes(path string) int {
	r.settle()
	c := &r.shell.images
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for k := range c.entries {
		if k.path == path {
			n++
		}
	}
	return n
}
