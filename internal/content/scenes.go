package content

// Scenes is 情景体验: panoramic everyday scenes in which the visitor chooses what to say
// when someone offers a drug, and sees where each choice leads (content/scenes.yaml).
type Scenes struct {
	Intro Text `yaml:"intro"`
	// Refusal is the refusal script every ending repeats (我不要，谢谢！…).
	Refusal Text    `yaml:"refusal"`
	Scenes  []Scene `yaml:"scenes"`
}

// Age bands a scene is shown to; the same names as the quiz bank's audiences.
const (
	AgePrimary   = "primary"
	AgeSecondary = "secondary"
	AgeAdult     = "adult"
)

// AgeBands lists the bands in order, youngest first.
var AgeBands = []string{AgePrimary, AgeSecondary, AgeAdult}

// Ending kinds: what the visitor's path did. The office counts endings by kind; an
// accepting ending also shows the help card.
const (
	EndRefuse  = "refuse"  // said no and left
	EndTell    = "tell"    // told a trusted adult
	EndDeflect = "deflect" // changed the subject, suggested something else
	EndAccept  = "accept"  // accepted: what follows, and the help that exists
)

// EndingKinds lists the ending kinds.
var EndingKinds = []string{EndRefuse, EndTell, EndDeflect, EndAccept}

// Scene is one panorama with its people and objects (hotspots) and a branching story of
// steps that end in endings.
type Scene struct {
	ID      string   `yaml:"id"`
	Title   Text     `yaml:"title"`
	Summary Text     `yaml:"summary"`
	Ages    []string `yaml:"ages"`
	// Panorama is a wide picture covering 360° (its left and right edges meet).
	Panorama string `yaml:"panorama"`
	// Thumbnail is the scene's card picture (optional; without it the card is text): the
	// view on opening, rendered from the panorama by `kioskctl media pano-thumbs`.
	Thumbnail string `yaml:"thumbnail"`
	// StartYaw is the direction (degrees, 0–360 across the panorama) the view opens on.
	StartYaw float64   `yaml:"start_yaw"`
	Hotspots []Hotspot `yaml:"hotspots"`
	Steps    []Step    `yaml:"steps"`
	Endings  []Ending  `yaml:"endings"`
}

// Hotspot is a person or object in the panorama that starts the story at a step.
type Hotspot struct {
	ID    string `yaml:"id"`
	Label Text   `yaml:"label"`
	// Yaw is the direction in degrees across the panorama (0 its left edge, 360 its right);
	// Pitch is degrees above (+) or below (−) the horizon, within ±30.
	Yaw   float64 `yaml:"yaw"`
	Pitch float64 `yaml:"pitch"`
	Step  string  `yaml:"step"`
}

// Step is one moment: what is said (lines), then the visitor's 2–4 responses.
type Step struct {
	ID      string   `yaml:"id"`
	Lines   []Line   `yaml:"lines"`
	Choices []Choice `yaml:"choices"`
}

// Line is one thing said, with its reading; an empty speaker is the narrator.
type Line struct {
	Speaker   Text  `yaml:"speaker"`
	Text      Text  `yaml:"text"`
	Narration Media `yaml:"narration"`
}

// Choice is one response the visitor can pick; Next names a step or an ending of the scene.
type Choice struct {
	ID   string `yaml:"id"`
	Text Text   `yaml:"text"`
	Next string `yaml:"next"`
}

// Ending is where a path leads: what follows, and what it teaches.
type Ending struct {
	ID        string `yaml:"id"`
	Kind      string `yaml:"kind"`
	Title     Text   `yaml:"title"`
	Text      Text   `yaml:"text"`
	Lesson    Text   `yaml:"lesson"`
	Narration Media  `yaml:"narration"`
	// Primary is the ending told for primary-school visitors (softened); required on an
	// accepting ending of a scene shown to primary.
	Primary *EndingTier `yaml:"primary"`
}

// EndingTier is an ending's softened text for primary-school visitors.
type EndingTier struct {
	Text      Text  `yaml:"text"`
	Lesson    Text  `yaml:"lesson"`
	Narration Media `yaml:"narration"`
}

// For returns the ending as an age band sees it: primary gets the softened tier.
func (e Ending) For(age string) Ending {
	if age != AgePrimary || e.Primary == nil {
		return e
	}
	e.Text, e.Lesson, e.Narration = e.Primary.Text, e.Primary.Lesson, e.Primary.Narration
	return e
}

// EndingCaption is what an ending's narration reads: its title, what follows and the lesson.
func (e Ending) EndingCaption() []Text { return []Text{e.Title, e.Text, e.Lesson} }

// ShowsHelp reports whether the ending ends with the help card (the accepting path).
func (e Ending) ShowsHelp() bool { return e.Kind == EndAccept }

// For reports whether the scene is shown to an age band.
func (sc Scene) For(age string) bool {
	for _, a := range sc.Ages {
		if a == age {
			return true
		}
	}
	return false
}

// ForAge lists the scenes shown to an age band, in content order.
func (s Scenes) ForAge(age string) []Scene {
	var out []Scene
	for _, sc := range s.Scenes {
		if sc.For(age) {
			out = append(out, sc)
		}
	}
	return out
}

// StepByID returns the step with id.
func (sc Scene) StepByID(id string) (Step, bool) {
	for _, st := range sc.Steps {
		if st.ID == id {
			return st, true
		}
	}
	return Step{}, false
}

// EndingByID returns the ending with id.
func (sc Scene) EndingByID(id string) (Ending, bool) {
	for _, e := range sc.Endings {
		if e.ID == id {
			return e, true
		}
	}
	return Ending{}, false
}

// HotspotByID returns the hotspot with id.
func (sc Scene) HotspotByID(id string) (Hotspot, bool) {
	for _, h := range sc.Hotspots {
		if h.ID == id {
			return h, true
		}
	}
	return Hotspot{}, false
}

// SceneByID returns the scene with id.
func (s Scenes) SceneByID(id string) (Scene, bool) {
	for _, sc := range s.Scenes {
		if sc.ID == id {
			return sc, true
		}
	}
	return Scene{}, false
}
