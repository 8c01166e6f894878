package sdnotify

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeSystemd listens where systemd would and returns what it received.
func fakeSystemd(t *testing.T, addr string) (*net.UnixConn, func() []string) {
	t.Helper()
	l, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: addr, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, func() []string {
		var got []string
		buf := make([]byte, 4096)
		for {
			l.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
			n, err := l.Read(buf)
			if err != nil {
				return got
			}
			got = append(got, string(buf[:n]))
		}
	}
}

func TestNotifySendsDatagrams(t *testing.T) {
	addr := filepath.Join(t.TempDir(), "notify")
	_, read := fakeSystemd(t, addr)
	n := New(addr)
	defer n.Close()
	if err := n.Ready("内容：演示内容\n第二行"); err != nil {
		t.Fatal(err)
	}
	if err := n.Watchdog(); err != nil {
		t.Fatal(err)
	}
	if err := n.Stopping(); err != nil {
		t.Fatal(err)
	}
	got := read()
	want := []string{"READY=1\nSTATUS=内容：演示内容 第二行", "WATCHDOG=1", "STOPPING=1"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestAbstractSocket(t *testing.T) {
	name := "jindu-sdnotify-test-" + filepath.Base(t.TempDir())
	_, read := fakeSystemd(t, "\x00"+name)
	n := New("@" + name)
	if err := n.Status("ok"); err != nil {
		t.Fatal(err)
	}
	if got := read(); len(got) != 1 || got[0] != "STATUS=ok" {
		t.Fatalf("got %q", got)
	}
}

func TestNoSocketDoesNothing(t *testing.T) {
	var n *Notifier
	if n.Enabled() || n.Ready("x") != nil || n.Watchdog() != nil || n.Close() != nil {
		t.Fatal("a nil notifier must do nothing")
	}
	t.Setenv(EnvSocket, "")
	if FromEnv().Enabled() {
		t.Fatal("empty NOTIFY_SOCKET must disable")
	}
}

func TestSocketGoneIsAnErrorThenRecovers(t *testing.T) {
	addr := filepath.Join(t.TempDir(), "notify")
	n := New(addr)
	if err := n.Watchdog(); err == nil || !strings.Contains(err.Error(), "sd_notify") {
		t.Fatalf("no listener: err = %v", err)
	}
	l, read := fakeSystemd(t, addr)
	if err := n.Watchdog(); err != nil {
		t.Fatal(err)
	}
	if got := read(); len(got) != 1 {
		t.Fatalf("got %q", got)
	}
	// systemd re-executed: the old socket is gone, a new one appears at the same path
	l.Close()
	os.Remove(addr)
	if err := n.Watchdog(); err == nil {
		t.Fatal("send to a removed socket must fail")
	}
	_, read2 := fakeSystemd(t, addr)
	if err := n.Watchdog(); err != nil {
		t.Fatalf("after re-dial: %v", err)
	}
	if got := read2(); len(got) != 1 {
		t.Fatalf("got %q", got)
	}
}

func TestWatchdogInterval(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		m    map[string]string
		want time.Duration
	}{
		{map[string]string{}, 0},
		{map[string]string{EnvWatchdogUS: "30000000"}, 30 * time.Second},
		{map[string]string{EnvWatchdogUS: "30000000", EnvWatchdogPID: "100"}, 30 * time.Second},
		{map[string]string{EnvWatchdogUS: "30000000", EnvWatchdogPID: "50"}, 30 * time.Second}, // parent: cage
		{map[string]string{EnvWatchdogUS: "30000000", EnvWatchdogPID: "7"}, 0},
		{map[string]string{EnvWatchdogUS: "junk"}, 0},
		{map[string]string{EnvWatchdogUS: "-5"}, 0},
	}
	for i, c := range cases {
		if got := WatchdogInterval(env(c.m), 100, 50); got != c.want {
			t.Errorf("case %d: %v, want %v", i, got, c.want)
		}
	}
}

func TestHeartbeatThrottles(t *testing.T) {
	addr := filepath.Join(t.TempDir(), "notify")
	_, read := fakeSystemd(t, addr)
	h := NewHeartbeat(New(addr), 20*time.Second) // every 5 s
	t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.Local)
	for ms := 0; ms <= 12000; ms += 250 { // 12 s of 250 ms ticks
		h.Beat(t0.Add(time.Duration(ms) * time.Millisecond))
	}
	if got := read(); len(got) != 3 { // at 0, 5 and 10 s
		t.Fatalf("%d pings in 12 s, want 3: %q", len(got), got)
	}
	h.Beat(t0.Add(-time.Hour)) // the wall clock stepped back: ping rather than go silent
	if got := read(); len(got) != 1 {
		t.Fatalf("after a clock step back: %q", got)
	}
	var off *Heartbeat = NewHeartbeat(New(addr), 0)
	off.Beat(t0)
	if got := read(); len(got) != 0 {
		t.Fatalf("no watchdog, yet pinged: %q", got)
	}
}

func TestHeartbeatReportsFailureOnce(t *testing.T) {
	h := NewHeartbeat(New(filepath.Join(t.TempDir(), "none")), 4*time.Second)
	var errs int
	h.OnError = func(error) { errs++ }
	t0 := time.Now()
	for i := range 5 {
		h.Beat(t0.Add(time.Duration(i) * time.Second))
	}
	if errs != 1 {
		t.Fatalf("%d error reports, want 1 per failure streak", errs)
	}
}
