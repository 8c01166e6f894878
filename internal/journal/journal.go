// Package journal is a log/slog handler that writes to the systemd journal over its native
// protocol (datagrams of KEY=value fields on /run/systemd/journal/socket), so every slog
// attribute becomes a field that `journalctl -o verbose` shows and `journalctl FIELD=value`
// filters on. Pure Go. Without a journal (a developer's shell, Windows) or when a record
// cannot be sent, records go to a fallback handler (stderr).
package journal

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"log/slog"
	"net"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Socket is where journald listens for native messages.
const Socket = "/run/systemd/journal/socket"

// Handler writes records to the journal. Make it with New or Open.
type Handler struct {
	out      *sender
	ident    string
	level    slog.Leveler
	prefix   string // open groups, as FIELD name prefix: "PACK_"
	fields   []byte // encoded fields from WithAttrs
	fallback slog.Handler
}

type sender struct {
	mu   sync.Mutex
	conn *net.UnixConn
}

// New connects to the journal socket at addr. ident is SYSLOG_IDENTIFIER; fallback hears
// records the journal does not take (and must not be nil).
func New(addr, ident string, level slog.Leveler, fallback slog.Handler) (*Handler, error) {
	c, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: addr, Net: "unixgram"})
	if err != nil {
		return nil, fmt.Errorf("journal: connect %s: %w", addr, err)
	}
	if level == nil {
		level = slog.LevelInfo
	}
	return &Handler{out: &sender{conn: c}, ident: ident, level: level, fallback: fallback}, nil
}

// Open is New on the system journal socket, or fallback when there is no journal.
func Open(ident string, level slog.Leveler, fallback slog.Handler) slog.Handler {
	h, err := New(Socket, ident, level, fallback)
	if err != nil {
		return fallback
	}
	return h
}

// Enabled reports whether level is logged.
func (h *Handler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level.Level() }

// WithAttrs returns a handler that adds attrs to every record.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	h2 := *h
	var b bytes.Buffer
	b.Write(h.fields)
	for _, a := range attrs {
		appendAttr(&b, h.prefix, a)
	}
	h2.fields = b.Bytes()
	h2.fallback = h.fallback.WithAttrs(attrs)
	return &h2
}

// WithGroup returns a handler whose later attributes are named GROUP_KEY.
func (h *Handler) WithGroup(name string) slog.Handler {
	if name == "" {
		return h
	}
	h2 := *h
	h2.prefix = h.prefix + name + "_"
	h2.fallback = h.fallback.WithGroup(name)
	return &h2
}

// Handle sends r as one datagram; if the journal refuses it (too big, journald gone), the
// fallback handler writes it instead, so no record is lost.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	var b bytes.Buffer
	appendField(&b, "MESSAGE", r.Message)
	appendField(&b, "PRIORITY", strconv.Itoa(priority(r.Level)))
	appendField(&b, "SLOG_LEVEL", r.Level.String())
	if h.ident != "" {
		appendField(&b, "SYSLOG_IDENTIFIER", h.ident)
	}
	if !r.Time.IsZero() {
		appendField(&b, "SLOG_TIME", r.Time.Format(time.RFC3339Nano))
	}
	if r.PC != 0 {
		f, _ := runtime.CallersFrames([]uintptr{r.PC}).Next()
		appendField(&b, "CODE_FILE", f.File)
		appendField(&b, "CODE_LINE", strconv.Itoa(f.Line))
		appendField(&b, "CODE_FUNC", f.Function)
	}
	b.Write(h.fields)
	r.Attrs(func(a slog.Attr) bool {
		appendAttr(&b, h.prefix, a)
		return true
	})
	if err := h.out.send(b.Bytes()); err != nil {
		return h.fallback.Handle(ctx, r)
	}
	return nil
}

func (s *sender) send(msg []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := s.conn.Write(msg)
	return err
}

// priority maps slog levels to syslog priorities.
func priority(l slog.Level) int {
	switch {
	case l >= slog.LevelError:
		return 3
	case l >= slog.LevelWarn:
		return 4
	case l >= slog.LevelInfo:
		return 6
	default:
		return 7
	}
}

// appendAttr encodes one attribute (groups flattened to GROUP_KEY).
func appendAttr(b *bytes.Buffer, prefix string, a slog.Attr) {
	v := a.Value.Resolve()
	if v.Kind() == slog.KindGroup {
		p := prefix
		if a.Key != "" {
			p += a.Key + "_"
		}
		for _, g := range v.Group() {
			appendAttr(b, p, g)
		}
		return
	}
	if a.Key == "" {
		return
	}
	var s string
	switch v.Kind() {
	case slog.KindTime:
		s = v.Time().Format(time.RFC3339Nano)
	default:
		s = v.String()
	}
	appendField(b, FieldName(prefix+a.Key), s)
}

// appendField writes NAME=value, or the binary form for a value with a newline.
func appendField(b *bytes.Buffer, name, value string) {
	if !strings.ContainsRune(value, '\n') {
		b.WriteString(name)
		b.WriteByte('=')
		b.WriteString(value)
		b.WriteByte('\n')
		return
	}
	b.WriteString(name)
	b.WriteByte('\n')
	binary.Write(b, binary.LittleEndian, uint64(len(value)))
	b.WriteString(value)
	b.WriteByte('\n')
}

// FieldName makes a journal field name of a slog key: upper case letters, digits and
// underscores, not starting with an underscore or digit (those are journald's own),
// at most 64 bytes. "data_dir" → "DATA_DIR", "kiosk-id" → "KIOSK_ID".
func FieldName(key string) string {
	var b strings.Builder
	for _, c := range strings.ToUpper(key) {
		switch {
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '_':
			b.WriteRune(c)
		default:
			b.WriteByte('_')
		}
	}
	n := strings.TrimLeft(b.String(), "_")
	if n == "" || (n[0] >= '0' && n[0] <= '9') {
		n = "F_" + n
	}
	if len(n) > 64 {
		n = n[:64]
	}
	return n
}
