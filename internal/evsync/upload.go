package evsync

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Uploader defaults.
const (
	DefaultBatchSize     = 500
	DefaultPollInterval  = 30 * time.Second
	DefaultClientTimeout = 60 * time.Second
	maxAckBytes          = 8 << 20
)

// Values of State.Status.
const (
	StatusStarting      = "starting"
	StatusIdle          = "idle"           // everything acknowledged; polling for new events
	StatusSending       = "sending"        // a request is in flight
	StatusRetrying      = "retrying"       // the last attempt failed; waiting for NextRetry
	StatusTokenRejected = "token rejected" // the hub refused the token (401) or the kiosk's signature or id (403); waiting Cap between tries
	StatusStopped       = "stopped"        // Run returned
)

// State is what the staff panel shows about the upload.
type State struct {
	Status      string        // one of the Status constants
	LastSuccess time.Time     // when the hub last acknowledged a batch; zero: not since start
	LastError   string        // why the last attempt failed; "" after a success
	Pending     int64         // events after the upload cursor (an upper bound if seqs have gaps)
	NextRetry   time.Time     // when the next attempt is due while backing off; zero otherwise
	Backoff     time.Duration // the current backoff ceiling; 0 when not backing off
	// SetAside counts the events kept out of the upload: refused by the hub as invalid, or
	// recorded under an earlier kiosk id. They stay in the log; staff bring them to the
	// office by USB export. SetAsideReason is the newest reason (English, for the log).
	SetAside       int64
	SetAsideReason string
	// StaffMessage is what the staff panel shows, in Chinese, with what to do; "" when
	// all is well.
	StaffMessage string
}

// errTokenRejected, errTooLarge and errInvalid mark hub answers that need their own
// handling.
var (
	errTokenRejected = errors.New("token rejected")
	errTooLarge      = errors.New("batch too large")
	errInvalid       = errors.New("batch refused as invalid")
)

// maxRefusedRun is how many single events in a row the uploader sets aside before it
// suspects the hub (or a proxy) rather than the events, and backs off instead.
const maxRefusedRun = 10

// batching is Run's state between batches.
type batching struct {
	size       int // events per request; halved for good on 413
	limit      int // events in the next request; halved while isolating an invalid event
	refusedRun int // single events set aside since the hub last accepted one
}

// Uploader sends the kiosk's events to the hub: it takes the events after the "upload"
// cursor, POSTs them as a signed Batch to URL+UploadPath, marks the acknowledged ones
// synced and advances the cursor over the acknowledged prefix. Failures are retried with
// Backoff; when everything is sent it polls every PollInterval or when Notify is called.
// Only one batch is in memory at a time, however long the kiosk was offline.
//
// Set the fields, then call Run once; do not copy an Uploader.
type Uploader struct {
	Store     Store
	URL       string // the hub's base URL, e.g. https://hub.example.org
	Token     string // bearer token the hub issued to this kiosk
	Key       ed25519.PrivateKey
	Client    *http.Client // default: http.Client with DefaultClientTimeout
	BatchSize int          // events per request; default DefaultBatchSize

	Backoff      Backoff
	PollInterval time.Duration // default DefaultPollInterval

	Clock   func() time.Time                                 // default time.Now
	Sleep   func(ctx context.Context, d time.Duration) error // waits d or until ctx is done; default a timer
	Rand    *rand.Rand                                       // jitter source; nil: math/rand/v2's
	OnState func(State)                                      // called on Run's goroutine at every change; must not block
	Logger  *slog.Logger                                     // default slog.Default()

	// Status, if set, is the kiosk's health, sent with every batch; when there is nothing
	// to send, an empty batch carries it every HeartbeatInterval (default
	// DefaultHeartbeatInterval). The Uploader fills Pending, LagS and SentAt itself.
	Status            func() Status
	HeartbeatInterval time.Duration

	lastBeat time.Time // when the hub last acknowledged a batch carrying Status

	once  sync.Once
	wake  chan struct{}
	mu    sync.Mutex
	state State
}

// Notify wakes an idle Run to look for new events now. It never blocks and may be
// called from any goroutine; it does not cut a backoff short.
func (u *Uploader) Notify() {
	u.init()
	select {
	case u.wake <- struct{}{}:
	default:
	}
}

// State returns the latest state; safe from any goroutine.
func (u *Uploader) State() State {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.state
}

func (u *Uploader) init() {
	u.once.Do(func() { u.wake = make(chan struct{}, 1) })
}

// Run uploads until ctx is done, then returns ctx.Err(). It returns another error only
// for a misconfigured Uploader.
func (u *Uploader) Run(ctx context.Context) error {
	if u.Store == nil || len(u.Key) != ed25519.PrivateKeySize {
		return errors.New("upload: Store and a valid Key are required")
	}
	endpoint, err := url.JoinPath(u.URL, UploadPath)
	if err != nil || !strings.HasPrefix(endpoint, "http") {
		return fmt.Errorf("upload: hub URL %q is not an http(s) URL", u.URL)
	}
	u.init()
	log := u.logger()
	backoff := u.Backoff.withDefaults()
	b := &batching{size: u.BatchSize}
	if b.size <= 0 {
		b.size = DefaultBatchSize
	}
	b.limit = b.size
	poll := u.PollInterval
	if poll <= 0 {
		poll = DefaultPollInterval
	}
	u.update(func(s *State) { s.Status = StatusStarting })
	defer u.update(func(s *State) { s.Status = StatusStopped; s.NextRetry = time.Time{} })

	failures := 0
	for ctx.Err() == nil {
		sent, err := u.sendBatch(ctx, endpoint, b)
		if ctx.Err() != nil {
			break
		}
		if err == nil {
			failures = 0
			if sent > 0 {
				continue // there may be more
			}
			u.update(func(s *State) { s.Status = StatusIdle; s.NextRetry = time.Time{}; s.Backoff = 0 })
			u.idle(ctx, poll)
			continue
		}

		failures++
		status, ceiling := StatusRetrying, backoff.Ceiling(failures)
		delay := backoff.Delay(failures, u.Rand)
		if errors.Is(err, errTokenRejected) {
			status, ceiling, delay = StatusTokenRejected, backoff.Cap, backoff.Cap
		}
		if errors.Is(err, errTooLarge) && b.size > 1 {
			b.size /= 2
			b.limit = min(b.limit, b.size)
		}
		if prev := u.State().LastError; prev != err.Error() {
			log.Warn("event upload failed; will retry", "err", err, "retry_in", delay)
		} else {
			log.Debug("event upload failed again", "err", err, "retry_in", delay, "failures", failures)
		}
		next := u.now().Add(delay)
		u.update(func(s *State) {
			s.Status, s.LastError, s.NextRetry, s.Backoff = status, err.Error(), next, ceiling
		})
		u.sleep(ctx, delay)
	}
	return ctx.Err()
}

// sendBatch sends the next batch of at most b.limit events and returns how many events the
// upload cursor advanced over, or the size of a batch being split (0 and nil: nothing to
// send). Only events recorded under the
// kiosk's current id are sent; a run of events of an earlier id is set aside (the token
// is this id's). A batch the hub refuses as invalid is split in two and each half sent on
// its own, until the refused event is alone; that event is set aside.
func (u *Uploader) sendBatch(ctx context.Context, endpoint string, b *batching) (int, error) {
	cur, err := u.Store.Cursor(UploadCursor)
	if err != nil {
		return 0, fmt.Errorf("read the upload cursor: %w", err)
	}
	events, err := u.Store.After(cur, b.limit)
	if err != nil {
		return 0, fmt.Errorf("read events after seq %d: %w", cur, err)
	}
	if len(events) == 0 {
		return 0, u.heartbeat(ctx, endpoint)
	}
	kiosk := u.Store.KioskID()
	n := sameKiosk(events, events[0].KioskID)
	if events[0].KioskID != kiosk {
		return u.setAside(events[:n], fmt.Sprintf("recorded under the earlier kiosk id %q (now %q); "+
			"the hub takes them only from a USB export", events[0].KioskID, kiosk))
	}
	events = events[:n]
	status := u.status()
	body, err := json.Marshal(Batch{KioskID: kiosk, Events: events, Status: status})
	if err != nil {
		return 0, fmt.Errorf("encode batch: %w", err)
	}
	u.update(func(s *State) { s.Status = StatusSending })

	ack, err := u.post(ctx, endpoint, body)
	if errors.Is(err, errInvalid) {
		if len(events) > 1 {
			b.limit = len(events) / 2 // bisect: no wait, the answer will not change
			u.logger().Info("the hub refused a batch as invalid; sending it in halves to find the event",
				"events", len(events), "from_seq", events[0].Seq, "err", err)
			return len(events), nil
		}
		if b.refusedRun >= maxRefusedRun {
			return 0, fmt.Errorf("the hub refused %d single events in a row; not setting aside more until it accepts one "+
				"(is the hub or a proxy refusing everything?): %w", b.refusedRun, err)
		}
		b.refusedRun++
		b.limit = b.size
		return u.setAside(events, err.Error())
	}
	if err != nil {
		return 0, err
	}
	b.refusedRun = 0
	if status != nil {
		u.lastBeat = u.now()
	}
	acked := make(map[string]bool, len(ack.Acked))
	for _, id := range ack.Acked {
		acked[id] = true
	}
	ids := make([]string, 0, len(events))
	high := cur // every event up to high is acknowledged
	prefix := true
	for _, e := range events {
		if !acked[e.ID] {
			prefix = false
			continue
		}
		ids = append(ids, e.ID)
		if prefix {
			high = e.Seq
		}
	}
	if len(ids) > 0 {
		if err := u.Store.MarkSynced(ids, u.now()); err != nil {
			return 0, fmt.Errorf("mark %d events synced: %w", len(ids), err)
		}
	}
	if high == cur {
		return 0, fmt.Errorf("the hub acknowledged %d of %d events but not the first (id %s, seq %d); will send again",
			len(ids), len(events), events[0].ID, events[0].Seq)
	}
	if err := u.Store.SetCursor(UploadCursor, high); err != nil {
		return 0, fmt.Errorf("save the upload cursor: %w", err)
	}
	advanced := 0
	for _, e := range events {
		if e.Seq <= high {
			advanced++
		}
	}
	now := u.now()
	u.update(func(s *State) {
		s.LastSuccess, s.LastError, s.NextRetry, s.Backoff = now, "", time.Time{}, 0
	})
	u.logger().Debug("events uploaded", "count", advanced, "through_seq", high)
	return advanced, nil
}

// post sends one signed batch and decodes the hub's Ack.
func (u *Uploader) post(ctx context.Context, endpoint string, body []byte) (Ack, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(body))
	if err != nil {
		return Ack{}, fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+u.Token)
	req.Header.Set(SignatureHeader, SignBatch(body, u.Key))
	client := u.Client
	if client == nil {
		client = &http.Client{Timeout: DefaultClientTimeout}
	}
	resp, err := client.Do(req)
	if err != nil {
		return Ack{}, fmt.Errorf("no answer from the hub: %w", err)
	}
	defer func() {
		io.Copy(io.Discard, io.LimitReader(resp.Body, maxAckBytes)) // lets the connection be reused
		resp.Body.Close()
	}()

	switch {
	case resp.StatusCode == http.StatusUnauthorized:
		return Ack{}, fmt.Errorf("%w: the hub answered %s%s; ask the office for this kiosk's upload token",
			errTokenRejected, resp.Status, hubMessage(resp.Body))
	case resp.StatusCode == http.StatusForbidden:
		return Ack{}, fmt.Errorf("%w: the hub answered %s%s; check that the office registered kiosk %q with public key %s",
			errTokenRejected, resp.Status, hubMessage(resp.Body), u.Store.KioskID(),
			PublicKeyString(u.Key.Public().(ed25519.PublicKey)))
	case resp.StatusCode == http.StatusRequestEntityTooLarge:
		return Ack{}, fmt.Errorf("%w: the hub answered %s; sending smaller batches", errTooLarge, resp.Status)
	case invalidAnswer(resp.StatusCode):
		return Ack{}, fmt.Errorf("%w: the hub answered %s%s", errInvalid, resp.Status, hubMessage(resp.Body))
	case resp.StatusCode != http.StatusOK:
		return Ack{}, fmt.Errorf("the hub answered %s%s", resp.Status, hubMessage(resp.Body))
	}
	var ack Ack
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxAckBytes)).Decode(&ack); err != nil {
		return Ack{}, fmt.Errorf("the hub's answer is not an ack: %w", err)
	}
	return ack, nil
}

// hubMessage is the first line of an error answer's body, for the staff panel.
func hubMessage(r io.Reader) string {
	b, _ := io.ReadAll(io.LimitReader(r, 400))
	msg, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
	if msg == "" {
		return ""
	}
	return ": " + msg
}
