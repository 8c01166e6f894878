package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/content/contenttest"
)

// withCasePages replaces the minimal fixture's full pages and primary tier with pages and
// tier (YAML indented under the case), and adds the files of media.
func withCasePages(pages, tier string, media fstest.MapFS) fstest.MapFS {
	fsys := minimal()
	y := string(fsys["content/cases.yaml"].Data)
	y = strings.Replace(y, "    pages:\n      - {zh: 第一页, en: Page one}\n", pages, 1)
	y = strings.Replace(y, minimalTier, tier, 1)
	fsys["content/cases.yaml"] = &fstest.MapFile{Data: []byte(y)}
	for name, f := range media {
		fsys[name] = f
	}
	return fsys
}

func pagePNG(w, h uint32) *fstest.MapFile { return &fstest.MapFile{Data: contenttest.PNG(w, h)} }

const twoPages = `    pages:
      - {zh: 第一页, en: Page one, image: media/p1.png, image_soft: media/p1-soft.png}
      - {zh: 第二页, en: Page two}
`

const tierWithPicture = `    primary:
      pages:
        - {zh: 小学第一页, en: Page one for children, image: media/k1.png}
        - {zh: 小学第二页, en: Page two for children}
      lesson: {zh: 小学启示, en: Lesson for children}
`

func TestCasePagePictures(t *testing.T) {
	media := fstest.MapFS{"media/p1.png": pagePNG(8, 6), "media/p1-soft.png": pagePNG(8, 6),
		"media/k1.png": pagePNG(8, 6)}
	cat, rep := content.Load(withCasePages(twoPages, tierWithPicture, media))
	if err := rep.Err(); err != nil {
		t.Fatalf("pages with pictures were refused: %v", err)
	}
	c := cat.Cases.Cases[0]
	full, kids := c.For(false), c.For(true)
	for _, tc := range []struct {
		c      content.Case
		page   int
		soften bool
		want   string
	}{
		{full, 0, false, "media/p1.png"},
		{full, 0, true, "media/p1-soft.png"},
		{full, 1, false, "media/i.svg"}, // no picture of its own: the case's, as in older packs
		{full, 2, false, "media/i.svg"}, // the lesson page
		{kids, 0, true, "media/k1.png"},
		{kids, 1, true, c.ImageSoft},
	} {
		if got := tc.c.PageImage(tc.page, tc.soften); got != tc.want {
			t.Errorf("page %d (soften %v) of %q: picture %q, want %q", tc.page, tc.soften, tc.c.Pages[0].Zh, got, tc.want)
		}
	}
	if kids.Pages[0].Text() != (content.Text{Zh: "小学第一页", En: "Page one for children"}) {
		t.Errorf("page text %+v", kids.Pages[0].Text())
	}
	found := false
	for _, tx := range cat.Texts() {
		found = found || tx == "第二页"
	}
	if !found {
		t.Error("page texts are not walked (font and tofu checks would miss them)")
	}
}

func TestBrokenCasePagePictures(t *testing.T) {
	ok := fstest.MapFS{"media/p1.png": pagePNG(8, 6), "media/p1-soft.png": pagePNG(8, 6),
		"media/k1.png": pagePNG(8, 6)}
	for _, tc := range []struct {
		name, pages, tier string
		media             fstest.MapFS
		want              string
	}{
		{"missing file", twoPages, tierWithPicture, fstest.MapFS{"media/p1-soft.png": ok["media/p1-soft.png"], "media/k1.png": ok["media/k1.png"]},
			`content/cases.yaml:10: error: cases[0].pages[0].image: "media/p1.png": cannot read media file`},
		{"missing soft file", twoPages, tierWithPicture, fstest.MapFS{"media/p1.png": ok["media/p1.png"], "media/k1.png": ok["media/k1.png"]},
			`content/cases.yaml:10: error: cases[0].pages[0].image_soft: "media/p1-soft.png": cannot read media file`},
		{"missing primary picture", twoPages, tierWithPicture, fstest.MapFS{"media/p1.png": ok["media/p1.png"], "media/p1-soft.png": ok["media/p1-soft.png"]},
			`error: cases[0].primary.pages[0].image: "media/k1.png": cannot read media file`},
		{"too large", twoPages, tierWithPicture, fstest.MapFS{"media/p1.png": pagePNG(9000, 1), "media/p1-soft.png": ok["media/p1-soft.png"], "media/k1.png": ok["media/k1.png"]},
			`cases[0].pages[0].image: "media/p1.png": image is 9000×1 pixels; the limit is 8192 on a side`},
		{"not a picture", "    pages:\n      - {zh: 第一页, en: Page one, image: media/a.ogg}\n", minimalTier, nil,
			`cases[0].pages[0].image: "media/a.ogg": unsupported file type ".ogg"`},
		{"soft alone", "    pages:\n      - {zh: 第一页, en: Page one, image_soft: media/p1-soft.png}\n", minimalTier, ok,
			"cases[0].pages[0].image_soft: a page's softened picture needs the page's own picture (image) beside it"},
		{"graphic without soft", "    pages:\n      - {zh: 第一页, en: Page one, image: media/p1.png}\n", "", ok,
			"cases[0].pages[0].image_soft: a graphic case's page picture needs a softened one"},
		{"misspelt key", "    pages:\n      - {zh: 第一页, en: Page one, picture: media/p1.png}\n", minimalTier, ok,
			`cases[0].pages[0].picture: unknown field "picture"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, rep := content.Load(withCasePages(tc.pages, tc.tier, tc.media))
			if rep.Err() == nil || !strings.Contains(rep.Err().Error(), tc.want) {
				t.Errorf("want an error containing\n  %s\ngot\n  %v", tc.want, rep.Err())
			}
		})
	}
}
