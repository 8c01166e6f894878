package hub

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/jindu-edu/kiosk/internal/evsync"
)

// DefaultMaxBody is the default limit of an upload request body. A kiosk's default batch
// (evsync.DefaultBatchSize events of a few hundred bytes) is far below it; a kiosk told
// 413 halves its batch.
const DefaultMaxBody = 8 << 20

// Defaults of the limits on uploads in progress: at most DefaultMaxUploads bodies are read
// and processed at once (each may hold MaxBody bytes), and a body must arrive within
// DefaultBodyTimeout.
const (
	DefaultMaxUploads  = 16
	DefaultBodyTimeout = 60 * time.Second
	busyRetryAfter     = "10" // seconds, in a 503's Retry-After
)

// Stats endpoints.
const (
	StatsVisitsPath    = "/v1/stats/visits"
	StatsDwellPath     = "/v1/stats/dwell"
	StatsQuestionsPath = "/v1/stats/questions"
	StatsGroupsPath    = "/v1/stats/groups"
	StatsScenesPath    = "/v1/stats/scenes"
)

// Handler serves the hub's HTTP API. Set the fields, then serve it; it is not changed by
// serving.
type Handler struct {
	Store Store
	// AdminToken grants read access to the stats endpoints; empty disables them.
	AdminToken string
	// MaxBody limits an upload body; 0 means DefaultMaxBody.
	MaxBody int64
	// Verify checks a body's X-Kiosk-Signature; nil means evsync.VerifyBatch.
	Verify func(body []byte, sigHeader string, pub ed25519.PublicKey) error
	Logger *slog.Logger // default slog.Default()
	// MaxUploads caps the uploads being read and stored at once; more get 503 with
	// Retry-After. 0 means DefaultMaxUploads.
	MaxUploads int
	// Dashboard, if set, serves the web dashboard (package dash) on "/" and under "/dash/".
	Dashboard http.Handler
	// BodyTimeout is how long an upload body may take to arrive (a read deadline on the
	// connection); a slower one gets 408. 0 means DefaultBodyTimeout.
	BodyTimeout time.Duration

	once    sync.Once
	uploads chan struct{} // semaphore of MaxUploads
}

// ServeHTTP routes the API:
//
//	POST /v1/events                  signed upload batch → Ack
//	GET  /v1/stats/{visits,dwell,questions,groups,scenes,wall}?from=&to=&kiosk=  (admin token)
//	GET  /healthz
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case evsync.UploadPath:
		if r.Method != http.MethodPost {
			w.Header().Set("Allow", http.MethodPost)
			httpError(w, http.StatusMethodNotAllowed, "use POST")
			return
		}
		h.upload(w, r)
	case StatsVisitsPath:
		h.stats(w, r, func(ctx context.Context, f Filter) (any, error) { return h.Store.Visits(ctx, f) })
	case StatsDwellPath:
		h.stats(w, r, func(ctx context.Context, f Filter) (any, error) { return h.Store.Dwell(ctx, f) })
	case StatsQuestionsPath:
		h.stats(w, r, func(ctx context.Context, f Filter) (any, error) { return h.Store.Questions(ctx, f) })
	case StatsGroupsPath:
		h.stats(w, r, func(ctx context.Context, f Filter) (any, error) { return h.Store.Groups(ctx, f) })
	case StatsScenesPath:
		h.stats(w, r, func(ctx context.Context, f Filter) (any, error) { return h.Store.Scenes(ctx, f) })
	case StatsWallPath:
		h.stats(w, r, func(ctx context.Context, f Filter) (any, error) { return h.Store.Wall(ctx, f) })
	case "/healthz":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	default:
		if h.Dashboard != nil && (r.URL.Path == "/" || r.URL.Path == "/dash" || strings.HasPrefix(r.URL.Path, "/dash/")) {
			h.Dashboard.ServeHTTP(w, r)
			return
		}
		httpError(w, http.StatusNotFound, "no such endpoint")
	}
}

func (h *Handler) log() *slog.Logger {
	if h.Logger != nil {
		return h.Logger
	}
	return slog.Default()
}

// bearer is the token of an "Authorization: Bearer …" header, "" if there is none.
func bearer(r *http.Request) string {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return ""
	}
	return strings.TrimSpace(token)
}

// upload handles POST /v1/events: token → kiosk, body within the limit, signature with
// the kiosk's registered key, JSON, kiosk ids, then Insert and the Ack.
func (h *Handler) upload(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	ctx := r.Context()
	log := h.log().With("remote", r.RemoteAddr)

	token := bearer(r)
	if token == "" {
		w.Header().Set("WWW-Authenticate", `Bearer realm="kiosk-hub"`)
		httpError(w, http.StatusUnauthorized, "missing bearer token")
		return
	}
	kiosk, err := h.Store.KioskByToken(ctx, HashToken(token))
	if errors.Is(err, ErrNotFound) {
		log.Warn("upload with an unknown token")
		w.Header().Set("WWW-Authenticate", `Bearer realm="kiosk-hub", error="invalid_token"`)
		httpError(w, http.StatusUnauthorized, "unknown token")
		return
	} else if err != nil {
		log.Error("upload: look up token", "err", err)
		httpError(w, http.StatusInternalServerError, "store error")
		return
	}
	log = log.With("kiosk", kiosk.ID)

	h.once.Do(func() {
		n := h.MaxUploads
		if n <= 0 {
			n = DefaultMaxUploads
		}
		h.uploads = make(chan struct{}, n)
	})
	select {
	case h.uploads <- struct{}{}:
		defer func() { <-h.uploads }()
	default:
		log.Warn("upload refused: too many uploads in progress", "max", cap(h.uploads))
		w.Header().Set("Retry-After", busyRetryAfter)
		httpError(w, http.StatusServiceUnavailable, "hub busy: too many uploads at once; try again shortly")
		return
	}
	timeout := h.BodyTimeout
	if timeout <= 0 {
		timeout = DefaultBodyTimeout
	}
	// Not supported by every ResponseWriter (tests); the server's ReadTimeout still holds.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(timeout))

	limit := h.MaxBody
	if limit <= 0 {
		limit = DefaultMaxBody
	}
	if r.ContentLength > limit {
		log.Warn("upload too large", "bytes", r.ContentLength, "limit", limit)
		httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes; send smaller batches", limit))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			log.Warn("upload too large", "limit", limit)
			httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes; send smaller batches", limit))
			return
		}
		// Not the batch's fault (a slow or broken connection): 408, which the kiosk retries
		// rather than taking its events for invalid.
		log.Warn("upload: body not received", "err", err, "timeout", timeout)
		httpError(w, http.StatusRequestTimeout, "body not received in time; try again")
		return
	}

	verify := h.Verify
	if verify == nil {
		verify = evsync.VerifyBatch
	}
	if err := verify(body, r.Header.Get(evsync.SignatureHeader), kiosk.PublicKey); err != nil {
		log.Warn("upload with a bad signature", "err", err)
		httpError(w, http.StatusForbidden, err.Error())
		return
	}

	batch, err := decodeBatch(body)
	if err != nil {
		log.Warn("upload: bad JSON", "err", err)
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}
	if batch.KioskID != kiosk.ID {
		log.Warn("upload for another kiosk", "batch_kiosk", batch.KioskID)
		httpError(w, http.StatusForbidden, fmt.Sprintf("batch is for kiosk %q, the token is kiosk %q's", batch.KioskID, kiosk.ID))
		return
	}

	acked, inserted, err := h.Store.Insert(ctx, kiosk.ID, batch.Events)
	var mismatch *KioskMismatchError
	switch {
	case errors.As(err, &mismatch):
		log.Warn("upload with another kiosk's event", "err", err)
		httpError(w, http.StatusForbidden, err.Error())
		return
	case errors.Is(err, ErrInvalidEvent):
		log.Warn("upload with an invalid event", "err", err)
		httpError(w, http.StatusBadRequest, err.Error())
		return
	case err != nil:
		log.Error("upload: store", "err", err, "events", len(batch.Events))
		httpError(w, http.StatusInternalServerError, "store error; try again later")
		return
	}
	// The events are stored and will be acked whatever happens to the heartbeat.
	if err := h.Store.Heartbeat(ctx, kiosk.ID, batch.Status, time.Now()); err != nil {
		log.Error("upload: record the heartbeat", "err", err)
	}
	log.Info("upload stored", "events", len(batch.Events), "inserted", inserted, "status", batch.Status != nil,
		"ms", time.Since(start).Milliseconds())
	writeJSON(w, evsync.Ack{Acked: acked}, false)
}

// stats serves one GET stats endpoint with the admin token.
func (h *Handler) stats(w http.ResponseWriter, r *http.Request, run func(context.Context, Filter) (any, error)) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		httpError(w, http.StatusMethodNotAllowed, "use GET")
		return
	}
	if h.AdminToken == "" {
		httpError(w, http.StatusForbidden, "stats are disabled: the hub has no admin token")
		return
	}
	if !sameToken(bearer(r), h.AdminToken) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="kiosk-hub-admin"`)
		httpError(w, http.StatusUnauthorized, "admin token required")
		return
	}
	f, err := ParseFilter(r.URL.Query())
	if err != nil {
		httpError(w, http.StatusBadRequest, err.Error())
		return
	}
	rows, err := run(r.Context(), f)
	if err != nil {
		h.log().Error("stats query", "path", r.URL.Path, "err", err)
		httpError(w, http.StatusInternalServerError, "store error")
		return
	}
	writeJSON(w, Report{Filter: f, Rows: rows}, true)
}

// Report is the JSON answer of a stats endpoint (and of `kiosk-hub stats`): the filter
// echoed, and the rows (VisitDay, ZoneDwell, QuestionStat or GroupResult).
type Report struct {
	Filter
	Rows any `json:"rows"`
}

// sameToken compares tokens in constant time.
func sameToken(got, want string) bool {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

func writeJSON(w http.ResponseWriter, v any, indent bool) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	enc := json.NewEncoder(w)
	if indent {
		enc.SetIndent("", "  ")
	}
	enc.Encode(v) //nolint:errcheck // the client went away
}

// httpError answers with a one-line plain-text message, which the kiosk shows staff.
func httpError(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	io.WriteString(w, strings.ReplaceAll(msg, "\n", " ")+"\n")
}

// decodeBatch reads an upload body: exactly one JSON batch.
func decodeBatch(body []byte) (evsync.Batch, error) {
	var batch evsync.Batch
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&batch); err != nil {
		return evsync.Batch{}, fmt.Errorf("body is not a JSON batch: %w", err)
	}
	if dec.More() {
		return evsync.Batch{}, errors.New("body has data after the JSON batch")
	}
	return batch, nil
}
