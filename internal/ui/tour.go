package ui

import (
	"strings"

	"fyne.io/fyne/v2"

	"github.com/jindu-edu/kiosk/internal/content"
	"github.com/jindu-edu/kiosk/internal/quiz"
)

// TourStep is one screen of the tour: Show puts it up (on the Fyne thread).
type TourStep struct {
	Name string
	Show func()
}

// Tour lists every kind of screen a visitor or staff member can reach, in order, for
// screenshots of the real window at each screen size (`kiosk --tour DIR`). Steps after
// the first assume the ones before them ran.
func (s *Shell) Tour() []TourStep {
	cat := s.cat()
	zone := func(kind string) (content.Zone, bool) {
		for _, z := range cat.Zones {
			if z.Kind == kind {
				return z, true
			}
		}
		return content.Zone{}, false
	}
	steps := []TourStep{
		{"attract", func() { s.afterVisit() }},
		{"home", func() { s.activity(); s.home() }},
	}
	if n := len(cat.Attract.Slides); s.teaserQuestion() != nil {
		steps = append([]TourStep{{"attract-teaser", func() {
			s.afterVisit()
			s.attractN = n
			s.page.Objects = []fyne.CanvasObject{s.attractPage()}
			s.page.Refresh()
		}}}, steps...)
	}
	add := func(name string, fn func()) { steps = append(steps, TourStep{name, fn}) }
	if z, ok := zone(content.KindHistory); ok {
		add("history", func() { s.home(); s.push(&historyView{s: s, zone: z}) })
		add("history-later", func() { s.replace(&historyView{s: s, zone: z, idx: len(cat.History.Events) / 2}) })
	}
	if z, ok := zone(content.KindDrugs); ok && len(cat.Drugs.Drugs) > 0 {
		add("drugs", func() { s.home(); s.push(&drugListView{s: s, zone: z}) })
		add("drug-detail", func() { s.push(&drugView{s: s, zone: z, list: cat.Drugs.Drugs, idx: 0}) })
		if len(cat.Disguises.Items) > 0 {
			add("spot-the-disguise", func() { s.home(); s.push(&spotView{s: s, zone: z}) })
			add("spot-answered", func() {
				if v, ok := s.top().(*spotView); ok {
					v.answer(cat.Disguises.Items[0].ID, true)
				}
			})
		}
	}
	if z, ok := zone(content.KindCases); ok && len(cat.Cases.Cases) > 0 {
		add("cases", func() { s.home(); s.push(&caseListView{s: s, zone: z}) })
		add("case", func() { s.push(&caseView{s: s, zone: z, idx: 0}) })
		add("case-help", func() {
			s.replace(&caseView{s: s, zone: z, idx: 0, page: len(cat.Cases.Cases[0].Pages)})
		})
	}
	if z, ok := zone(content.KindWall); ok && s.wallOn() {
		add("wall", func() { s.home(); s.push(&wallView{s: s, zone: z}) })
		add("wall-compose", func() { s.push(&composeView{s: s, zone: z}) })
	}
	if z, ok := zone(content.KindBoard); ok {
		add("board-setup", func() { s.home(); s.push(&boardSetupView{s: s, zone: z}) })
		add("board-setup-keypad", func() {
			if v, ok := s.top().(*boardSetupView); ok {
				v.typing = true
				s.render()
			}
		})
		add("board-game", func() {
			if v, ok := s.top().(*boardSetupView); ok && v.teams > 0 {
				v.start()
			}
		})
	}
	if z, ok := zone(content.KindScenes); ok {
		add("scenes", func() { s.home(); s.push(&sceneListView{s: s, zone: z}) })
		add("scene-look", func() {
			if v, ok := s.top().(*sceneListView); ok {
				if scs := cat.Scenes.ForAge(v.age()); len(scs) > 0 {
					sc := scs[0]
					s.push(&sceneLookView{s: s, zone: z, sc: sc, age: v.age(), yaw: sc.StartYaw})
				}
			}
		})
	}
	if z, ok := zone(content.KindMirror); ok && !s.v.Settings().MirrorOff {
		var mv *mirrorView
		add("mirror", func() { s.home(); mv = newMirrorView(s, z); s.push(mv) })
		add("mirror-5-years", func() {
			if mv != nil && len(cat.Mirror.Stages) > 0 {
				mv.setStage(len(cat.Mirror.Stages) - 1)
			}
		})
	}
	if z, ok := zone(content.KindQuiz); ok && s.pack().HasQuiz() {
		var solo *soloView
		add("quiz", func() { s.home(); s.push(&quizHomeView{s: s, zone: z}) })
		add("quiz-groups", func() { s.push(&groupsView{s: s, zone: z}) }) // the tour's data dir is new: the empty board
		add("quiz-age", func() { s.replace(&agePickView{s: s, zone: z}) })
		add("quiz-question", func() {
			if r := s.d.Quiz.Solo(s.pack().Bank, quiz.Primary); r != nil {
				solo = &soloView{s: s, zone: z, round: r, audience: quiz.Primary}
				s.replace(solo)
			}
		})
		add("quiz-feedback", func() {
			if solo != nil {
				solo.answer([]int{0})
			}
		})
		add("quiz-results", func() {
			if solo != nil {
				for !solo.results {
					if solo.last == nil {
						solo.answer([]int{0})
					}
					solo.next()
				}
			}
		})
		add("team-setup", func() { s.home(); s.push(&teamSetupView{s: s, zone: z}) })
		add("team-setup-keypad", func() {
			if v, ok := s.top().(*teamSetupView); ok {
				v.typing, v.label = true, "初二(3)班"
				s.render()
			}
		})
		add("team-contest", func() {
			if c := s.d.Quiz.Contest(s.pack().Bank, quiz.Turns, 4, quiz.Secondary, 5); c != nil {
				s.replace(&contestView{s: s, zone: z, c: c, label: "初二(3)班", audience: quiz.Secondary})
			}
		})
		add("team-answered", func() {
			if v, ok := s.top().(*contestView); ok {
				v.answer(v.c.Turn(), v.c.Current().RightPositions()[0])
			}
		})
	}
	add("language-en", func() { s.home(); s.toggleLang() })
	add("large-text", func() { s.toggleTextSize() })
	add("idle-prompt", func() { s.v.ToggleLang(); s.toggleTextSize(); s.showIdlePrompt() })
	add("staff", func() { s.closeModal(); s.openStaff() })
	add("staff-week", func() { s.overview.week = true; s.refreshStaff("") })
	add("staff-quiz", func() { s.overview.section = secQuiz; s.refreshStaff("") })
	add("staff-gain", func() { s.overview.section = secGain; s.refreshStaff("") })
	if s.d.Packs != nil {
		add("staff-packs", func() { s.showStaffPage(pagePacks) })
	}
	add("staff-device", func() { s.showStaffPage(pageDevice) })
	if s.d.Records.Export != nil { // the export's result as the real window draws it
		add("staff-export", func() { s.startExport(false) })
	}
	add("staff-settings", func() { s.showStaffPage(pageSettings) })
	add("staff-audit", func() { s.showStaffPage(pageAudit) })
	add("end", func() { s.closeStaff() })
	// A slow screen takes longer over the tour than the idle timeout: each visitor step
	// counts as a touch, as a visitor walking through would.
	for i, st := range steps {
		if !strings.HasPrefix(st.Name, "attract") && st.Name != "end" {
			show := st.Show
			steps[i].Show = func() { s.v.Touch(); show() }
		}
	}
	return steps
}
