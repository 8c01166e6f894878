package main

import (
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/config"
)

func TestServiceWatchdogAndNightlyRestart(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "notify")
	l, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	t.Setenv("NOTIFY_SOCKET", sock)
	t.Setenv("WATCHDOG_USEC", "8000000") // 8 s: a ping every 2 s
	t.Setenv("WATCHDOG_PID", "")
	cfg := config.Default()
	cfg.Hours.NightlyRestart = "03:30"
	quits := 0
	s := newService(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), func() { quits++ })
	now := time.Date(2026, 12, 1, 3, 29, 0, 0, time.Local)
	s.started = now.Add(-20 * time.Hour)
	s.now = func() time.Time { return now }

	s.ready("ok")
	for range 12 { // 3 s of ticks in a visit, across 03:30
		s.onTick(false)
		now = now.Add(250 * time.Millisecond)
	}
	now = now.Add(time.Minute)
	s.onTick(false)
	if quits != 0 {
		t.Fatal("restarted during a visit")
	}
	s.onTick(true)
	s.onTick(true)
	if quits != 1 || !s.restart {
		t.Fatalf("between visits after 03:30: %d quits", quits)
	}

	var got []string
	buf := make([]byte, 512)
	for {
		l.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
		n, err := l.Read(buf)
		if err != nil {
			break
		}
		got = append(got, string(buf[:n]))
	}
	want := []string{"READY=1\nSTATUS=ok", "WATCHDOG=1", "WATCHDOG=1", "WATCHDOG=1", "STOPPING=1"}
	if len(got) != len(want) {
		t.Fatalf("systemd heard %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("systemd heard %q, want %q", got, want)
		}
	}
}
