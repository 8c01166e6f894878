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
}

// errTokenRejected and errTooLarge mark hub answers that need their own handling.
var (
	errTokenRejected = errors.New("token rejected")
	errTooLarge      = errors.New("batch too large")
)

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
	batchSize := u.BatchSize
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	poll := u.PollInterval
	if poll <= 0 {
		poll = DefaultPollInterval
	}
	u.update(func(s *State) { s.Status = StatusStarting })
	defer u.update(func(s *State) { s.Status = StatusStopped; s.NextRetry = time.Time{} })

	failures := 0
	for ctx.Err() == nil {
		sent, err := u.sendBatch(ctx, endpoint, batchSize)
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
		if errors.Is(err, errTooLarge) && batchSize > 1 {
			batchSize /= 2
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

// sendBatch sends the next batch and returns how many events the upload cursor advanced
// over (0 and nil: nothing to send).
func (u *Uploader) sendBatch(ctx context.Context, endpoint string, batchSize int) (int, error) {
	cur, err := u.Store.Cursor(UploadCursor)
	if err != nil {
		return 0, fmt.Errorf("read the upload cursor: %w", err)
	}
	events, err := u.Store.After(cur, batchSize)
	if err != nil {
		return 0, fmt.Errorf("read events after seq %d: %w", cur, err)
	}
	if len(events) == 0 {
		return 0, nil
	}
	body, err := json.Marshal(Batch{KioskID: u.Store.KioskID(), Events: events})
	if err != nil {
		return 0, fmt.Errorf("encode batch: %w", err)
	}
	u.update(func(s *State) { s.Status = StatusSending })

	ack, err := u.post(ctx, endpoint, body)
	if err != nil {
		return 0, err
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
	u.mu.Lock()
	change(&u.state)
	if pending >= 0 {
		u.state.Pending = pending
	}
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
