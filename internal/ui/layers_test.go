package ui

import "testing"

// TestOnlyWhatCanBeSeenIsDrawn: the backdrop gradient is drawn under the attract loop and
// home only, and the page is hidden, not painted over, while the PIN pad or the staff
// panel covers it; both come back when the cover goes.
func TestOnlyWhatCanBeSeenIsDrawn(t *testing.T) {
	r := newRig(t)
	gradient := r.shell.root.Objects[0]
	want := func(where string, grad, page bool) {
		t.Helper()
		r.settle()
		if gradient.Visible() != grad || r.shell.main.Visible() != page {
			t.Errorf("%s: gradient shown %v (want %v), page shown %v (want %v)", where,
				gradient.Visible(), grad, r.shell.main.Visible(), page)
		}
	}
	want("attract", true, true)
	r.tap("开始参观")
	want("home", true, true)
	r.tap("禁毒历史")
	want("a zone", false, true)
	r.tap("首页")
	want("home again", true, true)

	r.openPINPad()
	want("PIN pad", false, false)
	r.tap("取消")
	want("PIN pad cancelled", true, true)
	r.mustHave("禁毒历史") // home is back under the finger

	r.tap("禁毒历史")
	r.openStaff()
	want("staff panel", false, false)
	r.tap("关闭面板")
	want("panel closed (attract)", true, true)
	r.mustHave("轻触屏幕 开始参观")
}
