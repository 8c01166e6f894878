package content

// Lang is a display language code.
type Lang string

// The languages every visible string must have.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// Text is a string in both languages.
type Text struct {
	Zh string `yaml:"zh"`
	En string `yaml:"en"`
}

// In returns the text in l, falling back to Chinese when the translation is missing.
// Empty reports a text with neither language.
func (t Text) Empty() bool { return t.Zh == "" && t.En == "" }

// In returns the text in l, falling back to Chinese.
func (t Text) In(l Lang) string {
	if l == En && t.En != "" {
		return t.En
	}
	return t.Zh
}

// Media names a narration file per language.
type Media struct {
	Zh string `yaml:"zh"`
	En string `yaml:"en"`
}

// In returns the path for l, falling back to Chinese.
func (m Media) In(l Lang) string {
	if l == En && m.En != "" {
		return m.En
	}
	return m.Zh
}

// Catalog is a whole, validated content root.
type Catalog struct {
	Meta      Meta
	Zones     []Zone
	Attract   Attract
	History   History
	Drugs     Drugs
	Disguises Disguises
	Cases     Cases
	Wall      Wall
	Mirror    Mirror // only when a zone of kind mirror is shown
	Board     Board  // only when a zone of kind board is shown: the 禁毒大富翁 game
	Scenes    Scenes // optional file: empty when the root has no content/scenes.yaml
}

// Meta identifies the content and carries the help card.
type Meta struct {
	PackID  string `yaml:"pack_id"`
	Version int    `yaml:"version"`
	Demo    bool   `yaml:"demo"`
	Title   Text   `yaml:"title"`
	Slogan  Text   `yaml:"slogan"`
	Notice  Text   `yaml:"notice"`
	Help    Help   `yaml:"help"`
}

// Help is the "where to get help" card shown at the end of every harm case.
type Help struct {
	Title    Text      `yaml:"title"`
	Body     Text      `yaml:"body"`
	Contacts []Contact `yaml:"contacts"`
}

// Contact is one line of the help card.
type Contact struct {
	Label Text   `yaml:"label"`
	Value string `yaml:"value"`
}

// Zone kinds the format knows.
const (
	KindHistory = "history"
	KindDrugs   = "drugs"
	KindCases   = "cases"
	KindQuiz    = "quiz"
	KindWall    = "wall"
	KindScenes  = "scenes"
)

// Zone is one home tile.
type Zone struct {
	ID      string `yaml:"id"`
	Kind    string `yaml:"kind"`
	Title   Text   `yaml:"title"`
	Tagline Text   `yaml:"tagline"`
	Color   string `yaml:"color"`
	Icon    string `yaml:"icon"`
}

// Attract is the idle loop.
type Attract struct {
	SecondsPerSlide int     `yaml:"seconds_per_slide"`
	Slides          []Slide `yaml:"slides"`
}

// Slide is one attract-loop page.
type Slide struct {
	ID    string `yaml:"id"`
	Title Text   `yaml:"title"`
	Body  Text   `yaml:"body"`
	Image string `yaml:"image"`
}

// History is the timeline.
type History struct {
	Eras   []Era   `yaml:"eras"`
	Events []Event `yaml:"events"`
}

// Era groups events by years (inclusive).
type Era struct {
	ID    string `yaml:"id"`
	Title Text   `yaml:"title"`
	From  int    `yaml:"from"`
	To    int    `yaml:"to"`
}

// Event is one dated timeline entry.
type Event struct {
	ID        string `yaml:"id"`
	Date      string `yaml:"date"`
	DateLabel Text   `yaml:"date_label"`
	Era       string `yaml:"era"`
	Title     Text   `yaml:"title"`
	Body      Text   `yaml:"body"`
	Image     string `yaml:"image"`
	Narration Media  `yaml:"narration"`
	Source    string `yaml:"source"`
}

// Drugs is the catalogue.
type Drugs struct {
	Categories []Category `yaml:"categories"`
	Drugs      []Drug     `yaml:"drugs"`
}

// Category is one filter of the catalogue.
type Category struct {
	ID      string `yaml:"id"`
	Title   Text   `yaml:"title"`
	Summary Text   `yaml:"summary"`
}

// Drug is one catalogue entry.
type Drug struct {
	ID         string `yaml:"id"`
	Category   string `yaml:"category"`
	Name       Text   `yaml:"name"`
	AKA        Text   `yaml:"aka"`
	Appearance Text   `yaml:"appearance"`
	Harms      Text   `yaml:"harms"`
	Legal      Text   `yaml:"legal"`
	Disguise   Text   `yaml:"disguise"`
	Image      string `yaml:"image"`
	Narration  Media  `yaml:"narration"`
	Source     string `yaml:"source"`
	// Primary is the entry in plain words for primary-school groups (小学团体模式); its
	// empty fields fall back to the entry's own.
	Primary *DrugTier `yaml:"primary"`
}

// DrugTier is a catalogue entry's text for one age band.
type DrugTier struct {
	Appearance Text  `yaml:"appearance"`
	Harms      Text  `yaml:"harms"`
	Legal      Text  `yaml:"legal"`
	Disguise   Text  `yaml:"disguise"`
	Narration  Media `yaml:"narration"`
}

// For returns the entry as an age band sees it: primary groups get the primary tier.
func (d Drug) For(primary bool) Drug {
	t := d.Primary
	if !primary || t == nil {
		return d
	}
	for _, f := range []struct {
		dst *Text
		src Text
	}{
		{&d.Appearance, t.Appearance}, {&d.Harms, t.Harms}, {&d.Legal, t.Legal}, {&d.Disguise, t.Disguise}} {
		if !f.src.Empty() {
			*f.dst = f.src
		}
	}
	d.Narration = t.Narration
	return d
}

// Disguises is the spot-the-disguise game.
type Disguises struct {
	Intro Text           `yaml:"intro"`
	Items []DisguiseItem `yaml:"items"`
}

// DisguiseItem is an everyday-looking object that may or may not hide a drug.
type DisguiseItem struct {
	ID         string `yaml:"id"`
	Name       Text   `yaml:"name"`
	Image      string `yaml:"image"`
	Suspicious bool   `yaml:"suspicious"`
	Clues      Text   `yaml:"clues"`
	Why        Text   `yaml:"why"`
}

// Cases holds the illustrative harm stories.
type Cases struct {
	Notice Text   `yaml:"notice"`
	Cases  []Case `yaml:"cases"`
}

// Case is one composite, illustrative story.
type Case struct {
	ID        string     `yaml:"id"`
	Title     Text       `yaml:"title"`
	Summary   Text       `yaml:"summary"`
	Graphic   bool       `yaml:"graphic"`
	Image     string     `yaml:"image"`
	ImageSoft string     `yaml:"image_soft"`
	Pages     []CasePage `yaml:"pages"`
	Lesson    Text       `yaml:"lesson"`
	Narration Media      `yaml:"narration"`
	Source    string     `yaml:"source"`
	// Primary is the case told for primary-school groups (小学团体模式); required when
	// Graphic. Its empty fields fall back to the case's own.
	Primary *CaseTier `yaml:"primary"`
}

// CaseTier is a case's text for one age band.
type CaseTier struct {
	Title     Text       `yaml:"title"`
	Pages     []CasePage `yaml:"pages"` // pictured for children: shown only with softened pictures
	Lesson    Text       `yaml:"lesson"`
	Narration Media      `yaml:"narration"` // the tier's own reading; without it the tier has none
}

// CasePage is one page of a story: its text and, optionally, its own picture. A page
// without a picture shows the case's.
type CasePage struct {
	Zh        string `yaml:"zh"`
	En        string `yaml:"en"`
	Image     string `yaml:"image"`
	ImageSoft string `yaml:"image_soft"` // shown instead of Image when softening is on
}

// Text is the page's text.
func (p CasePage) Text() Text { return Text{Zh: p.Zh, En: p.En} }

// PageTexts are the texts of pages, in order.
func PageTexts(pages []CasePage) []Text {
	out := make([]Text, len(pages))
	for i, p := range pages {
		out[i] = p.Text()
	}
	return out
}

// For returns the case as an age band sees it: primary groups get the primary tier.
func (c Case) For(primary bool) Case {
	t := c.Primary
	if !primary || t == nil {
		return c
	}
	if !t.Title.Empty() {
		c.Title = t.Title
	}
	if len(t.Pages) > 0 {
		c.Pages = t.Pages
	}
	if !t.Lesson.Empty() {
		c.Lesson = t.Lesson
	}
	c.Narration = t.Narration // the full case's reading would not match the text shown
	return c
}

// CaseImage picks the image to show, honouring the soften-graphic setting.
func (c Case) CaseImage(soften bool) string {
	if soften && c.ImageSoft != "" {
		return c.ImageSoft
	}
	return c.Image
}

// PageImage picks the picture of page i (of the case as an age band sees it, see For): the
// page's own, softened when soften is on and the page has a softened one, or else the
// case's (CaseImage), as in packs made before pages had pictures.
func (c Case) PageImage(i int, soften bool) string {
	if i >= 0 && i < len(c.Pages) {
		pg := c.Pages[i]
		if soften && pg.ImageSoft != "" {
			return pg.ImageSoft
		}
		if pg.Image != "" {
			return pg.Image
		}
	}
	return c.CaseImage(soften)
}

// Zone returns the zone with id, if present.
func (c *Catalog) Zone(id string) (Zone, bool) {
	for _, z := range c.Zones {
		if z.ID == id {
			return z, true
		}
	}
	return Zone{}, false
}

// EraOf returns the era an event belongs to.
func (h History) EraOf(e Event) (Era, bool) {
	for _, era := range h.Eras {
		if era.ID == e.Era {
			return era, true
		}
	}
	return Era{}, false
}

// InCategory returns the drugs of a category, or all of them for "".
func (d Drugs) InCategory(id string) []Drug {
	if id == "" {
		return d.Drugs
	}
	var out []Drug
	for _, dr := range d.Drugs {
		if dr.Category == id {
			out = append(out, dr)
		}
	}
	return out
}

// Wall is the message wall's content: its notice, and the ready pledges and stickers a
// visitor can send with one tap.
type Wall struct {
	Intro    Text         `yaml:"intro"`  // the line over the wall (写下你的禁毒承诺)
	Notice   Text         `yaml:"notice"` // 请不要写真实姓名和联系方式
	Phrases  []WallPhrase `yaml:"phrases"`
	Stickers []WallPhrase `yaml:"stickers"`
}

// WallPhrase is one ready pledge or sticker.
type WallPhrase struct {
	ID    string `yaml:"id"`
	Text  Text   `yaml:"text"`
	Color string `yaml:"color"` // stickers: the badge colour, #RRGGBB
}

// Phrase finds a ready pledge or sticker by id.
func (w Wall) Phrase(id string) (WallPhrase, bool) {
	for _, l := range [][]WallPhrase{w.Phrases, w.Stickers} {
		for _, p := range l {
			if p.ID == id {
				return p, true
			}
		}
	}
	return WallPhrase{}, false
}
