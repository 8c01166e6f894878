package sdnotify

import "time"

// Heartbeat pings the watchdog from a loop that runs far more often than the watchdog
// needs (the UI's 250 ms tick): at most once per Every. It is called on one goroutine.
type Heartbeat struct {
	N     *Notifier
	Every time.Duration // a quarter to a half of the watchdog timeout
	last  time.Time
	// OnError hears a failed ping (once per failure streak); nil: ignored.
	OnError func(error)
	failing bool
}

// NewHeartbeat pings n every quarter of timeout; a zero timeout gives a Heartbeat that
// never pings.
func NewHeartbeat(n *Notifier, timeout time.Duration) *Heartbeat {
	if timeout <= 0 {
		return &Heartbeat{}
	}
	return &Heartbeat{N: n, Every: timeout / 4}
}

// Beat pings if Every has passed since the last ping (by now, from the caller's clock).
func (h *Heartbeat) Beat(now time.Time) {
	if h == nil || h.Every <= 0 || !h.N.Enabled() {
		return
	}
	if !h.last.IsZero() && now.Sub(h.last) < h.Every && !now.Before(h.last) {
		return
	}
	h.last = now
	err := h.N.Watchdog()
	if err != nil && !h.failing && h.OnError != nil {
		h.OnError(err)
	}
	h.failing = err != nil
}
