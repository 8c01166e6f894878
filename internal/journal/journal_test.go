package journal

import (
	"bytes"
	"encoding/binary"
	"errors"
	"log/slog"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeJournald listens on a socket and decodes what arrives.
func fakeJournald(t *testing.T) (string, *net.UnixConn) {
	t.Helper()
	addr := filepath.Join(t.TempDir(), "socket")
	l, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: addr, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return addr, l
}

// receive reads one datagram and decodes the native protocol (both forms).
func receive(t *testing.T, l *net.UnixConn) map[string]string {
	t.Helper()
	buf := make([]byte, 1<<16)
	l.SetReadDeadline(time.Now().Add(time.Second))
	n, err := l.Read(buf)
	if err != nil {
		t.Fatalf("nothing received: %v", err)
	}
	msg := buf[:n]
	got := map[string]string{}
	for len(msg) > 0 {
		nl := bytes.IndexByte(msg, '\n')
		if nl < 0 {
			t.Fatalf("field without newline: %q", msg)
		}
		line := msg[:nl]
		if eq := bytes.IndexByte(line, '='); eq >= 0 {
			got[string(line[:eq])] = string(line[eq+1:])
			msg = msg[nl+1:]
			continue
		}
		name := string(line)
		msg = msg[nl+1:]
		size := binary.LittleEndian.Uint64(msg[:8])
		got[name] = string(msg[8 : 8+size])
		if msg[8+size] != '\n' {
			t.Fatalf("binary field %s not terminated", name)
		}
		msg = msg[8+size+1:]
	}
	return got
}

func TestRecordsBecomeFields(t *testing.T) {
	addr, l := fakeJournald(t)
	var fb bytes.Buffer
	h, err := New(addr, "jindu-kiosk", slog.LevelInfo, slog.NewTextHandler(&fb, nil))
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(h).With("kiosk_id", "kiosk-03")
	log.Warn("no sound device, narration is silent", "reason", "no card", "volume", 80,
		"err", errors.New("第一行\n第二行"), slog.Group("pack", "id", "spring", "version", 4))
	got := receive(t, l)
	want := map[string]string{
		"MESSAGE": "no sound device, narration is silent", "PRIORITY": "4", "SLOG_LEVEL": "WARN",
		"SYSLOG_IDENTIFIER": "jindu-kiosk", "KIOSK_ID": "kiosk-03", "REASON": "no card",
		"VOLUME": "80", "ERR": "第一行\n第二行", "PACK_ID": "spring", "PACK_VERSION": "4",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if !strings.HasSuffix(got["CODE_FILE"], "journal_test.go") || got["CODE_LINE"] == "" {
		t.Errorf("no source location: %q:%q", got["CODE_FILE"], got["CODE_LINE"])
	}
	if fb.Len() != 0 {
		t.Errorf("fallback used although the journal took the record: %s", fb.String())
	}
}

func TestLevelsAndGroups(t *testing.T) {
	addr, l := fakeJournald(t)
	h, err := New(addr, "", slog.LevelDebug, slog.NewTextHandler(&bytes.Buffer{}, nil))
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(h).WithGroup("sync").With("hub", "office")
	log.Error("upload failed", "tries", 3)
	got := receive(t, l)
	if got["PRIORITY"] != "3" || got["SYNC_HUB"] != "office" || got["SYNC_TRIES"] != "3" {
		t.Fatalf("got %v", got)
	}
	log.Debug("d")
	if got := receive(t, l); got["PRIORITY"] != "7" {
		t.Fatalf("debug priority %q", got["PRIORITY"])
	}
	h2, _ := New(addr, "", slog.LevelWarn, slog.NewTextHandler(&bytes.Buffer{}, nil))
	if h2.Enabled(t.Context(), slog.LevelInfo) {
		t.Fatal("info enabled at warn level")
	}
}

func TestFallbackWhenJournalIsGone(t *testing.T) {
	var fb bytes.Buffer
	fallback := slog.NewTextHandler(&fb, nil)
	if _, err := New(filepath.Join(t.TempDir(), "none"), "x", nil, fallback); err == nil {
		t.Fatal("connecting to a missing socket must fail")
	}
	addr, l := fakeJournald(t)
	h, err := New(addr, "x", nil, fallback)
	if err != nil {
		t.Fatal(err)
	}
	l.Close() // journald stops
	slog.New(h).Info("still logged", "k", "v")
	if !strings.Contains(fb.String(), "still logged") || !strings.Contains(fb.String(), "k=v") {
		t.Fatalf("record lost: fallback got %q", fb.String())
	}
}

func TestFieldName(t *testing.T) {
	for in, want := range map[string]string{
		"data_dir": "DATA_DIR", "kiosk-id": "KIOSK_ID", "_secret": "SECRET",
		"9lives": "F_9LIVES", "内容": "F_", strings.Repeat("a", 80): strings.Repeat("A", 64),
	} {
		if got := FieldName(in); got != want {
			t.Errorf("FieldName(%q) = %q, want %q", in, got, want)
		}
	}
}
