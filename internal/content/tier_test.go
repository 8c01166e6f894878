package content_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/jindu-edu/kiosk/internal/content"
)

// withCaseTier puts tier YAML (indented under the case) into the minimal fixture in place
// of its own tier.
func withCaseTier(tier string) fstest.MapFS {
	fsys := minimal()
	y := strings.Replace(string(fsys["content/cases.yaml"].Data), minimalTier, "", 1) + tier
	fsys["content/cases.yaml"] = &fstest.MapFile{Data: []byte(y)}
	return fsys
}

func TestPrimaryTiers(t *testing.T) {
	good := withCaseTier(`    primary:
      pages:
        - {zh: 小学版, en: For children}
      lesson: {zh: 道理, en: Lesson}
`)
	cat, rep := content.Load(good)
	if err := rep.Err(); err != nil {
		t.Fatalf("a complete tier was refused: %v", err)
	}
	c := cat.Cases.Cases[0]
	if p := c.For(true); p.Pages[0].Zh != "小学版" || p.Title.Zh != "故事" || p.Narration.Zh != "" {
		t.Fatalf("primary view %+v", p)
	}
	if c.For(false).Pages[0].Zh != "第一页" {
		t.Fatal("the full view changed")
	}
	found := false
	for _, tx := range cat.Texts() {
		found = found || tx == "小学版"
	}
	if !found {
		t.Fatal("tier texts are not walked (font and tofu checks would miss them)")
	}

	if _, rep := content.Load(withCaseTier("")); rep.Err() == nil || !strings.Contains(rep.Err().Error(), "cases[0].primary: a graphic case needs a primary tier") {
		t.Errorf("a graphic case without a primary tier passed: %v", rep.Err())
	}
	for name, tier := range map[string]string{
		"no pages":     "    primary:\n      lesson: {zh: 道理, en: Lesson}\n",
		"no Chinese":   "    primary:\n      pages:\n        - {en: For children}\n      lesson: {zh: 道理, en: Lesson}\n",
		"unknown key":  "    primary:\n      pagez: []\n",
		"no narration": "    primary:\n      pages:\n        - {zh: 小学版, en: x}\n      lesson: {zh: 道理, en: L}\n      narration: {zh: media/missing.ogg}\n",
	} {
		_, rep := content.Load(withCaseTier(tier))
		if rep.Err() == nil || !strings.Contains(rep.Err().Error(), "primary") {
			t.Errorf("%s: not refused at the tier: %v", name, rep.Err())
		}
	}
}
