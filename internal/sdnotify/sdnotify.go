// Package sdnotify tells systemd how the kiosk is doing over the NOTIFY_SOCKET datagram
// socket (the sd_notify protocol): READY=1 once the first frame is up, WATCHDOG=1 from the
// UI loop so a frozen UI is restarted, STATUS= lines for `systemctl status`. Pure Go, no
// libsystemd; without NOTIFY_SOCKET (a developer's shell, Windows) every call does nothing.
package sdnotify

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"sync"
	"time"
)

// Environment variables set by systemd for a Type=notify service.
const (
	EnvSocket      = "NOTIFY_SOCKET"
	EnvWatchdogUS  = "WATCHDOG_USEC"
	EnvWatchdogPID = "WATCHDOG_PID"
)

// Notifier sends state lines to systemd. The zero value and nil do nothing. Safe for
// concurrent use.
type Notifier struct {
	addr string

	mu   sync.Mutex
	conn *net.UnixConn
}

// New sends to the socket at addr ("" : a Notifier that does nothing). An address starting
// with "@" is in the abstract namespace, as systemd writes it.
func New(addr string) *Notifier {
	if addr == "" {
		return nil
	}
	if addr[0] == '@' {
		addr = "\x00" + addr[1:]
	}
	return &Notifier{addr: addr}
}

// FromEnv is New($NOTIFY_SOCKET).
func FromEnv() *Notifier { return New(os.Getenv(EnvSocket)) }

// Enabled reports whether there is a socket to send to.
func (n *Notifier) Enabled() bool { return n != nil && n.addr != "" }

// Notify sends one datagram of newline-separated assignments, e.g. "READY=1\nSTATUS=…".
func (n *Notifier) Notify(state string) error {
	if !n.Enabled() {
		return nil
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.conn == nil {
		c, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: n.addr, Net: "unixgram"})
		if err != nil {
			return fmt.Errorf("sd_notify: connect %q: %w", printable(n.addr), err)
		}
		n.conn = c
	}
	if _, err := n.conn.Write([]byte(state)); err != nil {
		n.conn.Close() // systemd may have been re-executed: dial again next time
		n.conn = nil
		return fmt.Errorf("sd_notify: send: %w", err)
	}
	return nil
}

// Ready says start-up is done, with a status line.
func (n *Notifier) Ready(status string) error {
	return n.Notify("READY=1\nSTATUS=" + oneLine(status))
}

// Status sets the line `systemctl status` shows.
func (n *Notifier) Status(status string) error { return n.Notify("STATUS=" + oneLine(status)) }

// Stopping says the service is shutting down on purpose.
func (n *Notifier) Stopping() error { return n.Notify("STOPPING=1") }

// Watchdog pings the service watchdog.
func (n *Notifier) Watchdog() error { return n.Notify("WATCHDOG=1") }

// Close releases the socket.
func (n *Notifier) Close() error {
	if !n.Enabled() {
		return nil
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.conn == nil {
		return nil
	}
	err := n.conn.Close()
	n.conn = nil
	return err
}

// WatchdogInterval is the service's watchdog timeout from the environment, or 0 when there
// is none or it is meant for another process. The kiosk may run as the service's main
// process or as the direct child of its compositor (cage, xinit), so WATCHDOG_PID may name
// this process or its parent (with NotifyAccess=all).
func WatchdogInterval(getenv func(string) string, pid, ppid int) time.Duration {
	us, err := strconv.ParseInt(getenv(EnvWatchdogUS), 10, 64)
	if err != nil || us <= 0 {
		return 0
	}
	if p := getenv(EnvWatchdogPID); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || (n != pid && n != ppid) {
			return 0
		}
	}
	return time.Duration(us) * time.Microsecond
}

func oneLine(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c == '\n' || c == '\r' {
			b[i] = ' '
		}
	}
	return string(b)
}

func printable(addr string) string {
	if addr != "" && addr[0] == 0 {
		return "@" + addr[1:]
	}
	return addr
}
