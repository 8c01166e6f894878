package evsync

import (
	"fmt"
	"net/http"

	"github.com/jindu-edu/kiosk/internal/eventlog"
)

// sameKiosk is the length of the leading run of events of kiosk id.
func sameKiosk(events []eventlog.Event, id string) int {
	for i, e := range events {
		if e.KioskID != id {
			return i
		}
	}
	return len(events)
}

// setAside keeps events out of the upload (they stay in the log, for a USB export) and
// moves the cursor over them.
func (u *Uploader) setAside(events []eventlog.Event, reason string) (int, error) {
	ids := make([]string, len(events))
	for i, e := range events {
		ids[i] = e.ID
	}
	if err := u.Store.SetAside(ids, reason); err != nil {
		return 0, fmt.Errorf("set aside %d events: %w", len(ids), err)
	}
	last := events[len(events)-1].Seq
	if err := u.Store.SetCursor(UploadCursor, last); err != nil {
		return 0, fmt.Errorf("save the upload cursor: %w", err)
	}
	u.logger().Warn("events set aside: kept in the log for a USB export, not uploaded",
		"count", len(ids), "from_seq", events[0].Seq, "to_seq", last, "reason", reason)
	u.update(func(s *State) {})
	return len(ids), nil
}

// invalidAnswer reports whether a status says the batch itself is wrong: a 4xx other than
// the refused token (401, 403, handled apart), a wrong URL or method (404, 405: the
// configuration, not the events), too large (413) and the transient 408 and 429.
func invalidAnswer(code int) bool {
	switch code {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound, http.StatusMethodNotAllowed,
		http.StatusRequestTimeout, http.StatusRequestEntityTooLarge, http.StatusTooManyRequests:
		return false
	}
	return code >= 400 && code < 500
}

// staffMessage says in Chinese what the upload state means and what staff can do.
func staffMessage(s State) string {
	var msg string
	switch s.Status {
	case StatusTokenRejected:
		msg = "区数据中心拒绝了本机的上传凭证。请联系区办公室，核对本机编号、公钥和上传口令后重新登记；在此之前记录都保存在本机，不会丢失。"
	case StatusRetrying:
		msg = "暂时无法上传到区数据中心，会自动重试；记录都保存在本机，不会丢失。如果长时间不恢复，请检查网络或联系区办公室。"
	}
	if s.SetAside > 0 {
		if msg != "" {
			msg += "\n"
		}
		msg += fmt.Sprintf("有 %d 条记录无法通过网络上传（被区数据中心拒收，或是本机改编号之前的记录），已留在本机。"+
			"请用“导出到U盘”把记录带到区办公室导入。", s.SetAside)
	}
	return msg
}
