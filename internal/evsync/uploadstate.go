package evsync

import (
	"context"
	"log/slog"
	"time"
)

// idle waits for the poll interval, Notify or the end of ctx.
func (u *Uploader) idle(ctx context.Context, d time.Duration) {
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		select {
		case <-u.wake:
			cancel()
		case <-wctx.Done():
		}
	}()
	u.sleep(wctx, d)
	cancel()
	<-done // a Notify consumed here came before the next look at the store
}

func (u *Uploader) sleep(ctx context.Context, d time.Duration) {
	if u.Sleep != nil {
		u.Sleep(ctx, d)
		return
	}
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// update changes the state, refreshes Pending and reports it.
func (u *Uploader) update(change func(*State)) {
	pending := int64(-1)
	if last, err := u.Store.LastSeq(); err == nil {
		if cur, err := u.Store.Cursor(UploadCursor); err == nil {
			pending = max(last-cur, 0)
		}
	}
	aside, reason, asideErr := u.Store.SetAsideCount()
	u.mu.Lock()
	change(&u.state)
	if pending >= 0 {
		u.state.Pending = pending
	}
	if asideErr == nil {
		u.state.SetAside, u.state.SetAsideReason = aside, reason
	}
	u.state.StaffMessage = staffMessage(u.state)
	s := u.state
	u.mu.Unlock()
	if u.OnState != nil {
		u.OnState(s)
	}
}

func (u *Uploader) now() time.Time {
	if u.Clock != nil {
		return u.Clock()
	}
	return time.Now()
}

func (u *Uploader) logger() *slog.Logger {
	if u.Logger != nil {
		return u.Logger
	}
	return slog.Default()
}
