package content

import (
	"fmt"
	"slices"

	"github.com/jindu-edu/kiosk/internal/lint"
)

// FileMirror is the 看看"吸毒后的你" station's content; needed only when a zone of kind
// mirror is on the home screen.
const FileMirror = "content/mirror.yaml"

// KindMirror is the camera mirror zone.
const KindMirror = "mirror"

// Mirror drugs the effect can draw.
const (
	MirrorMeth   = "meth"
	MirrorHeroin = "heroin"
)

// Mirror is the camera mirror station: what it says around the live picture, the stages
// (years) with a caption for each change the effect draws, the illustrated faces shown
// without a camera, and the message it ends with.
type Mirror struct {
	Intro  Text          `yaml:"intro"`  // what the station shows, beside the picture
	Guide  Text          `yaml:"guide"`  // 请把脸放进框里
	Notice Text          `yaml:"notice"` // a simulation; nothing is saved
	Drugs  []MirrorDrug  `yaml:"drugs"`
	Stages []MirrorStage `yaml:"stages"`
	Faces  []MirrorFace  `yaml:"faces"`
	Ending Text          `yaml:"ending"` // the refusal message and 珍爱生命
}

// MirrorDrug is a variant of the effect: meth or heroin.
type MirrorDrug struct {
	ID   string `yaml:"id"`
	Name Text   `yaml:"name"`
}

// MirrorStage is one step ahead: 1, 3 or 5 years.
type MirrorStage struct {
	Years   int            `yaml:"years"`
	Label   Text           `yaml:"label"`
	Changes []MirrorChange `yaml:"changes"`
}

// MirrorChange is the caption of one change the effect draws at a stage. Drug limits it to
// one variant (empty: both); Soft marks it as shown to primary-school groups.
type MirrorChange struct {
	Drug      string `yaml:"drug"`
	Caption   Text   `yaml:"caption"`
	Soft      bool   `yaml:"soft"`
	Narration Media  `yaml:"narration"`
	Source    string `yaml:"source"`
}

// MirrorFace is an illustrated face (boy, girl, woman, man) drawn with the face in the
// station's guide oval, shown when there is no camera.
type MirrorFace struct {
	ID    string `yaml:"id"`
	Label Text   `yaml:"label"`
	Image string `yaml:"image"`
}

// ChangesFor lists the captions of stage st for drug, only the soft ones when soft.
func (st MirrorStage) ChangesFor(drug string, soft bool) []MirrorChange {
	var out []MirrorChange
	for _, c := range st.Changes {
		if (c.Drug == "" || c.Drug == drug) && (!soft || c.Soft) {
			out = append(out, c)
		}
	}
	return out
}

func (v *validator) mirror(d *lint.Doc, m *Mirror) {
	v.text(d, "intro", m.Intro)
	v.text(d, "guide", m.Guide)
	v.text(d, "notice", m.Notice)
	v.text(d, "ending", m.Ending)
	drugs := map[string]bool{}
	for i, dr := range m.Drugs {
		p := fmt.Sprintf("drugs[%d]", i)
		if dr.ID != MirrorMeth && dr.ID != MirrorHeroin {
			d.Errf(p+".id", "drug %q: the effect draws %s or %s", dr.ID, MirrorMeth, MirrorHeroin)
		}
		if drugs[dr.ID] {
			d.Errf(p+".id", "drug %q is listed twice", dr.ID)
		}
		drugs[dr.ID] = true
		v.text(d, p+".name", dr.Name)
	}
	if len(m.Drugs) == 0 {
		d.Errf("drugs", "at least one drug (meth or heroin) is needed")
	}
	if len(m.Stages) == 0 {
		d.Errf("stages", "at least one stage (1, 3 or 5 years) is needed")
	}
	last := 0
	for i, st := range m.Stages {
		p := fmt.Sprintf("stages[%d]", i)
		if !slices.Contains([]int{1, 3, 5}, st.Years) {
			d.Errf(p+".years", "years must be 1, 3 or 5 (the effect's stages), not %d", st.Years)
		} else if st.Years <= last {
			d.Errf(p+".years", "stages must go forward in time (%d after %d)", st.Years, last)
		}
		last = max(last, st.Years)
		v.text(d, p+".label", st.Label)
		soft := false
		for j, c := range st.Changes {
			cp := fmt.Sprintf("%s.changes[%d]", p, j)
			if c.Drug != "" && !drugs[c.Drug] {
				d.Errf(cp+".drug", "drug %q is not in drugs", c.Drug)
			}
			v.text(d, cp+".caption", c.Caption)
			v.optNarration(d, cp+".narration", c.Narration)
			if c.Source == "" {
				d.Errf(cp+".source", "every caption needs its source")
			}
			soft = soft || c.Soft
		}
		if len(st.Changes) == 0 {
			d.Errf(p+".changes", "a stage needs at least one caption")
		} else if !soft {
			d.Errf(p+".changes", "no caption marked soft: primary-school groups would see none")
		}
	}
	if len(m.Faces) == 0 {
		d.Errf("faces", "at least one illustrated face is needed (shown when there is no camera)")
	}
	seen := map[string]bool{}
	for i, f := range m.Faces {
		p := fmt.Sprintf("faces[%d]", i)
		v.ids(d, p, seen, f.ID)
		v.text(d, p+".label", f.Label)
		v.image(d, p+".image", f.Image, true)
	}
}
