package content

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/jindu-edu/kiosk/internal/lint"
)

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	colorPattern = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	datePattern  = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`)
	knownKinds   = map[string]bool{KindHistory: true, KindDrugs: true, KindCases: true, KindQuiz: true, KindWall: true,
		KindMirror: true, KindBoard: true, KindScenes: true}
	imageExts = map[string]bool{".svg": true, ".png": true}
	audioExts = map[string]bool{".ogg": true, ".mp3": true, ".wav": true}
)

// validator holds what checks share: the root (for media), the limits and the problem list.
type validator struct {
	fsys  fs.FS
	lim   Limits
	probs *[]Problem
	media map[string]error // checked media, so a shared file is read once
}

func (v *validator) text(d *lint.Doc, p string, t Text) {
	if strings.TrimSpace(t.Zh) == "" {
		d.Errf(p, "Chinese text (zh) is missing")
	}
	if strings.TrimSpace(t.En) == "" {
		d.Warnf(p, "English text (en) is missing; Chinese is shown instead")
	}
}

func (v *validator) ids(d *lint.Doc, p string, seen map[string]bool, id string) {
	switch {
	case id == "":
		d.Errf(p+".id", "id is missing")
	case len(id) > v.lim.IDBytes:
		d.Errf(p+".id", "id is %d bytes long; the limit is %d", len(id), v.lim.IDBytes)
	case !idPattern.MatchString(id):
		d.Errf(p+".id", "id %q must be lower-case letters, digits and '-'", id)
	case seen[id]:
		d.Errf(p+".id", "id %q is used twice", id)
	}
	seen[id] = true
}

func (v *validator) image(d *lint.Doc, p, file string, required bool) {
	v.file(d, p, file, required, imageExts)
}

func (v *validator) narration(d *lint.Doc, p string, m Media) {
	v.file(d, p+".zh", m.Zh, true, audioExts)
	v.file(d, p+".en", m.En, false, audioExts)
	if m.En == "" {
		d.Warnf(p+".en", "no English narration; Chinese narration is played instead")
	}
}

func (v *validator) file(d *lint.Doc, p, file string, required bool, exts map[string]bool) {
	if file == "" {
		if required {
			d.Errf(p, "media file is missing")
		}
		return
	}
	if !fs.ValidPath(file) {
		d.Errf(p, "%q is not a relative path inside the content root", file)
		return
	}
	if !exts[strings.ToLower(path.Ext(file))] {
		d.Errf(p, "%q: unsupported file type %q", file, path.Ext(file))
		return
	}
	if v.media == nil {
		v.media = map[string]error{}
	}
	err, done := v.media[file]
	if !done {
		err = checkMedia(v.fsys, file, v.lim)
		v.media[file] = err
	}
	if err != nil {
		d.Errf(p, "%s", err)
	}
}

func (v *validator) meta(d *lint.Doc, m *Meta) {
	switch {
	case len(m.PackID) > v.lim.IDBytes:
		d.Errf("pack_id", "pack_id is %d bytes long; the limit is %d", len(m.PackID), v.lim.IDBytes)
	case !idPattern.MatchString(m.PackID):
		d.Errf("pack_id", "pack_id %q must be lower-case letters, digits and '-'", m.PackID)
	}
	if m.Version < 1 {
		d.Errf("version", "version must be a whole number of at least 1")
	}
	v.text(d, "title", m.Title)
	v.text(d, "slogan", m.Slogan)
	v.text(d, "help.title", m.Help.Title)
	v.text(d, "help.body", m.Help.Body)
	if len(m.Help.Contacts) == 0 {
		d.Errf("help.contacts", "the help card needs at least one contact")
	}
	for i, c := range m.Help.Contacts {
		p := fmt.Sprintf("help.contacts[%d]", i)
		v.text(d, p+".label", c.Label)
		if strings.TrimSpace(c.Value) == "" {
			d.Errf(p+".value", "contact value is missing")
		}
	}
}

func (v *validator) zones(d *lint.Doc, zs []Zone) {
	if len(zs) == 0 {
		d.Errf("zones", "at least one zone is needed")
	}
	seen := map[string]bool{}
	for i, z := range zs {
		p := fmt.Sprintf("zones[%d]", i)
		v.ids(d, p, seen, z.ID)
		if !knownKinds[z.Kind] {
			d.Errf(p+".kind", "unknown kind %q (history, drugs, cases, quiz, wall, mirror, board or scenes)", z.Kind)
		}
		v.text(d, p+".title", z.Title)
		v.text(d, p+".tagline", z.Tagline)
		if !colorPattern.MatchString(z.Color) {
			d.Errf(p+".color", "colour %q must look like #RRGGBB", z.Color)
		}
		v.image(d, p+".icon", z.Icon, true)
	}
}

func (v *validator) attract(d *lint.Doc, a *Attract) {
	if a.SecondsPerSlide <= 0 {
		a.SecondsPerSlide = 8
	}
	if len(a.Slides) == 0 {
		d.Errf("slides", "the attract loop needs at least one slide")
	}
	seen := map[string]bool{}
	for i, s := range a.Slides {
		p := fmt.Sprintf("slides[%d]", i)
		v.ids(d, p, seen, s.ID)
		v.text(d, p+".title", s.Title)
		v.text(d, p+".body", s.Body)
		v.image(d, p+".image", s.Image, true)
	}
}

func (v *validator) history(d *lint.Doc, h *History) {
	eras := map[string]Era{}
	seen := map[string]bool{}
	for i, e := range h.Eras {
		p := fmt.Sprintf("eras[%d]", i)
		v.ids(d, p, seen, e.ID)
		v.text(d, p+".title", e.Title)
		if e.From > e.To {
			d.Errf(p, "from (%d) is after to (%d)", e.From, e.To)
		}
		eras[e.ID] = e
	}
	if len(h.Events) == 0 {
		d.Errf("events", "the timeline needs events")
	}
	seen = map[string]bool{}
	prev := ""
	for i, e := range h.Events {
		p := fmt.Sprintf("events[%d]", i)
		v.ids(d, p, seen, e.ID)
		year, ok := parseDate(e.Date)
		switch {
		case !ok:
			d.Errf(p+".date", "date %q must be YYYY, YYYY-MM or YYYY-MM-DD", e.Date)
		case e.Date < prev:
			d.Errf(p+".date", "event %q (%s) is out of date order: it comes after %s", e.ID, e.Date, prev)
		}
		if ok {
			prev = e.Date
		}
		era, found := eras[e.Era]
		switch {
		case !found:
			d.Errf(p+".era", "era %q is not defined under eras", e.Era)
		case ok && (year < era.From || year > era.To):
			d.Errf(p+".era", "event year %d is outside era %q (%d–%d)", year, era.ID, era.From, era.To)
		}
		v.text(d, p+".date_label", e.DateLabel)
		v.text(d, p+".title", e.Title)
		v.text(d, p+".body", e.Body)
		v.image(d, p+".image", e.Image, true)
		v.narration(d, p+".narration", e.Narration)
		if strings.TrimSpace(e.Source) == "" {
			d.Errf(p+".source", "every dated fact needs its source")
		}
	}
}

// parseDate checks a YYYY[-MM[-DD]] date and returns its year.
func parseDate(s string) (int, bool) {
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	year, _ := strconv.Atoi(m[1])
	if m[2] != "" {
		if mo, _ := strconv.Atoi(m[2]); mo < 1 || mo > 12 {
			return 0, false
		}
	}
	if m[3] != "" {
		if day, _ := strconv.Atoi(m[3]); day < 1 || day > 31 {
			return 0, false
		}
	}
	return year, true
}

func (v *validator) drugs(d *lint.Doc, ds *Drugs) {
	cats := map[string]bool{}
	for i, c := range ds.Categories {
		p := fmt.Sprintf("categories[%d]", i)
		v.ids(d, p, cats, c.ID)
		v.text(d, p+".title", c.Title)
		v.text(d, p+".summary", c.Summary)
	}
	if len(ds.Drugs) == 0 {
		d.Errf("drugs", "the catalogue needs entries")
	}
	seen := map[string]bool{}
	for i, dr := range ds.Drugs {
		p := fmt.Sprintf("drugs[%d]", i)
		v.ids(d, p, seen, dr.ID)
		if !cats[dr.Category] {
			d.Errf(p+".category", "category %q is not defined under categories", dr.Category)
		}
		v.text(d, p+".name", dr.Name)
		v.text(d, p+".appearance", dr.Appearance)
		v.text(d, p+".harms", dr.Harms)
		v.text(d, p+".legal", dr.Legal)
		v.text(d, p+".disguise", dr.Disguise)
		v.image(d, p+".image", dr.Image, true)
		v.narration(d, p+".narration", dr.Narration)
		if strings.TrimSpace(dr.Source) == "" {
			d.Errf(p+".source", "every entry needs its source")
		}
		v.drugTier(d, p+".primary", dr.Primary)
	}
}

func (v *validator) disguises(d *lint.Doc, g *Disguises) {
	v.text(d, "intro", g.Intro)
	seen := map[string]bool{}
	var sus, plain int
	for i, it := range g.Items {
		p := fmt.Sprintf("items[%d]", i)
		v.ids(d, p, seen, it.ID)
		v.text(d, p+".name", it.Name)
		v.text(d, p+".clues", it.Clues)
		v.text(d, p+".why", it.Why)
		v.image(d, p+".image", it.Image, true)
		if it.Suspicious {
			sus++
		} else {
			plain++
		}
	}
	if sus == 0 || plain == 0 {
		d.Errf("items", "the game needs both suspicious and ordinary items (has %d and %d)", sus, plain)
	}
}

func (v *validator) cases(d *lint.Doc, cs *Cases) {
	v.text(d, "notice", cs.Notice)
	if len(cs.Cases) == 0 {
		d.Errf("cases", "at least one case is needed")
	}
	seen := map[string]bool{}
	for i, c := range cs.Cases {
		p := fmt.Sprintf("cases[%d]", i)
		v.ids(d, p, seen, c.ID)
		v.text(d, p+".title", c.Title)
		v.text(d, p+".summary", c.Summary)
		v.image(d, p+".image", c.Image, true)
		v.image(d, p+".image_soft", c.ImageSoft, false)
		if c.Graphic && c.ImageSoft == "" {
			d.Errf(p+".image_soft", "a graphic case needs a softened image for primary-school groups")
		}
		if len(c.Pages) == 0 {
			d.Errf(p+".pages", "a case needs at least one page")
		}
		for j, pg := range c.Pages {
			q := fmt.Sprintf("%s.pages[%d]", p, j)
			v.text(d, q, pg.Text())
			// a graphic case's full pages are shown softened only when it has no primary
			// tier, which is refused below; the rule stands for that case too
			v.pageImages(d, q, pg, c.Graphic && c.Primary == nil)
		}
		v.text(d, p+".lesson", c.Lesson)
		v.narration(d, p+".narration", c.Narration)
		if strings.TrimSpace(c.Source) == "" {
			d.Errf(p+".source", "every case needs its source")
		}
		v.caseTier(d, p+".primary", c)
	}
}

// caseTier checks a case's primary tier: required for a graphic case, complete in both
// languages where given.
func (v *validator) caseTier(d *lint.Doc, p string, c Case) {
	t := c.Primary
	if t == nil {
		if c.Graphic {
			d.Errf(p, "a graphic case needs a primary tier (primary: pages, lesson) for primary-school groups")
		}
		return
	}
	v.optText(d, p+".title", t.Title)
	if len(t.Pages) == 0 {
		d.Errf(p+".pages", "a primary tier needs its pages")
	}
	for j, pg := range t.Pages {
		q := fmt.Sprintf("%s.pages[%d]", p, j)
		v.text(d, q, pg.Text())
		v.pageImages(d, q, pg, false) // the tier is for children: its pictures are already soft
	}
	v.text(d, p+".lesson", t.Lesson)
	v.optNarration(d, p+".narration", t.Narration)
}

// pageImages checks a story page's own pictures, which are optional (the case's picture is
// shown instead); a softened one stands beside the page's own, never alone, and needSoft
// (a graphic page shown to primary-school groups) requires it.
func (v *validator) pageImages(d *lint.Doc, p string, pg CasePage, needSoft bool) {
	v.image(d, p+".image", pg.Image, false)
	v.image(d, p+".image_soft", pg.ImageSoft, false)
	switch {
	case pg.ImageSoft != "" && pg.Image == "":
		d.Errf(p+".image_soft", "a page's softened picture needs the page's own picture (image) beside it")
	case needSoft && pg.Image != "" && pg.ImageSoft == "":
		d.Errf(p+".image_soft", "a graphic case's page picture needs a softened one for primary-school groups")
	}
}

// optNarration checks a reading that may be left out.
func (v *validator) optNarration(d *lint.Doc, p string, m Media) {
	if m.Zh != "" || m.En != "" {
		v.narration(d, p, m)
	}
}

// drugTier checks an entry's primary tier, if any.
func (v *validator) drugTier(d *lint.Doc, p string, t *DrugTier) {
	if t == nil {
		return
	}
	if t.Appearance.Empty() && t.Harms.Empty() && t.Legal.Empty() && t.Disguise.Empty() {
		d.Errf(p, "a primary tier needs at least one text")
	}
	v.optText(d, p+".appearance", t.Appearance)
	v.optText(d, p+".harms", t.Harms)
	v.optText(d, p+".legal", t.Legal)
	v.optText(d, p+".disguise", t.Disguise)
	v.optNarration(d, p+".narration", t.Narration)
}

// optText checks a text that may be left out, but not half given.
func (v *validator) optText(d *lint.Doc, p string, t Text) {
	if !t.Empty() {
		v.text(d, p, t)
	}
}
