package main

import (
	"log/slog"
	"path/filepath"

	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/eventlog"
	"github.com/jindu-edu/kiosk/internal/exhibit/event"
	"github.com/jindu-edu/kiosk/internal/wall"
)

// WallFile is the message wall's store inside the data directory.
const WallFile = "wall.db"

// openWall opens the message store. Without one the kiosk runs without the wall tile, and
// warning (for the staff panel) says why; a damaged store is moved aside by wall.Open and
// the review page says where it went.
func openWall(cfg config.Config, log *slog.Logger) (st *wall.Store, warning string, closeFn func()) {
	st, err := wall.Open(filepath.Join(cfg.DataDir, WallFile), wall.Options{KioskID: cfg.KioskID, Log: log})
	if err != nil {
		log.Error("message wall off: its store cannot be opened", "err", err)
		return nil, "留言墙已停用：留言库打不开（" + err.Error() + "）。请检查数据目录的空间和权限后重启。", func() {}
	}
	return st, "", func() {
		if err := st.Close(); err != nil {
			log.Error("closing the message store", "err", err)
		}
	}
}

// wallDelivery tells the wall which messages the office has, from the event log's
// sync and export marks; nil when events go nowhere but the process log.
func wallDelivery(rec event.Recorder) func() (wall.Delivery, error) {
	l, ok := rec.(*eventlog.Log)
	if !ok {
		return nil
	}
	return func() (wall.Delivery, error) { return l.Delivered(event.WallMessage) }
}
