package content

import (
	"reflect"
	"strings"
)

// Texts returns every visible string of the catalog in both languages, for checks such as
// font coverage.
func (c *Catalog) Texts() []string {
	var out []string
	walkTexts(reflect.ValueOf(c).Elem(), func(t Text) { out = append(out, t.Zh, t.En) })
	for _, ct := range c.Meta.Help.Contacts {
		out = append(out, ct.Value)
	}
	return out
}

func walkTexts(v reflect.Value, f func(Text)) {
	switch v.Kind() {
	case reflect.Struct:
		switch t := v.Interface().(type) {
		case Text:
			f(t)
			return
		case CasePage:
			f(t.Text())
			return
		}
		for i := 0; i < v.NumField(); i++ {
			walkTexts(v.Field(i), f)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkTexts(v.Index(i), f)
		}
	case reflect.Pointer:
		if !v.IsNil() {
			walkTexts(v.Elem(), f)
		}
	}
}

// Narration is one clip to speak: its file, language and the text it reads.
type Narration struct {
	Path string
	Lang Lang
	Text string
}

// Narrations lists the narration clips the catalog refers to, with the text each one
// speaks. scripts/gen-narration.sh turns this list into audio files.
func (c *Catalog) Narrations() []Narration {
	var out []Narration
	add := func(m Media, parts ...Text) {
		for _, l := range []Lang{Zh, En} {
			p := m.Zh
			if l == En {
				p = m.En
			}
			if p == "" {
				continue
			}
			out = append(out, Narration{Path: p, Lang: l, Text: Caption(l, parts...)})
		}
	}
	for _, e := range c.History.Events {
		add(e.Narration, e.DateLabel, e.Title, e.Body)
	}
	for _, d := range c.Drugs.Drugs {
		add(d.Narration, d.Name, d.Appearance, d.Harms, d.Legal, d.Disguise)
		if d.Primary != nil {
			p := d.For(true)
			add(p.Narration, p.Name, p.Appearance, p.Harms, p.Legal, p.Disguise)
		}
	}
	for _, st := range c.Mirror.Stages {
		for _, ch := range st.Changes {
			add(ch.Narration, ch.Caption)
		}
	}
	for _, cs := range c.Cases.Cases {
		add(cs.Narration, append(append([]Text{cs.Title}, PageTexts(cs.Pages)...), cs.Lesson)...)
		if cs.Primary != nil {
			p := cs.For(true)
			add(p.Narration, append(append([]Text{p.Title}, PageTexts(p.Pages)...), p.Lesson)...)
		}
	}
	for _, sc := range c.Scenes.Scenes {
		for _, st := range sc.Steps {
			for _, l := range st.Lines {
				add(l.Narration, l.Text)
			}
		}
		for _, e := range sc.Endings {
			add(e.Narration, e.EndingCaption()...)
			if e.Primary != nil {
				add(e.Primary.Narration, e.For(AgePrimary).EndingCaption()...)
			}
		}
	}
	return out
}

// Caption joins texts into the sentence sequence a narration clip reads and the caption
// line shows.
func Caption(l Lang, parts ...Text) string {
	var b strings.Builder
	for _, p := range parts {
		s := strings.TrimSpace(p.In(l))
		if s == "" {
			continue
		}
		if b.Len() > 0 && l == En {
			b.WriteString(" ")
		}
		b.WriteString(s)
		if !strings.ContainsAny(s[len(s)-1:], ".!?") && !strings.HasSuffix(s, "。") &&
			!strings.HasSuffix(s, "！") && !strings.HasSuffix(s, "？") {
			if l == En {
				b.WriteString(".")
			} else {
				b.WriteString("。")
			}
		}
	}
	return b.String()
}
