package dash

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sync"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/jindu-edu/kiosk/internal/hub"
)

// PasswordSetting is the hub setting that holds the bcrypt hash of the admin password.
const PasswordSetting = "dashboard_admin_bcrypt"

// MinPasswordLen is the shortest admin password SetPassword accepts.
const MinPasswordLen = 10

// bcryptCost is bcrypt's work factor: about 50–100 ms a login on the office machine.
const bcryptCost = 11

// SetPassword stores the bcrypt hash of the dashboard's admin password.
func SetPassword(ctx context.Context, s hub.Store, password string) error {
	if len([]rune(password)) < MinPasswordLen {
		return fmt.Errorf("the password must have at least %d characters", MinPasswordLen)
	}
	if len(password) > 72 {
		return errors.New("the password must have at most 72 bytes (bcrypt's limit)")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcryptCost)
	if err != nil {
		return fmt.Errorf("hash the password: %w", err)
	}
	if err := s.SetSetting(ctx, PasswordSetting, string(h)); err != nil {
		return fmt.Errorf("store the password hash: %w", err)
	}
	return nil
}

// Cookie names. The session cookie holds a random token; the hub keeps only its SHA-256.
const (
	sessionCookie = "kiosk_hub_session"
	loginCookie   = "kiosk_hub_login" // the login form's CSRF token (double submit)
	csrfField     = "csrf"
)

// session is a logged-in browser.
type session struct {
	expires time.Time
	csrf    string // the token forms of this session carry
}

// sessions are the logged-in browsers, by SHA-256 of their cookie token; they end after
// their lifetime, at logout, or when the hub restarts.
type sessions struct {
	mu   sync.Mutex
	byID map[[32]byte]session
	// failures counts failed logins in the current window, to slow down guessing.
	failures    int
	windowStart time.Time
}

// Login throttling: after maxFailures failed logins within failWindow every login is
// refused until the window ends.
const (
	maxFailures = 10
	failWindow  = time.Minute
)

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on a supported platform
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func (s *sessions) create(now time.Time, life time.Duration) (token string, sess session) {
	token = randomToken()
	sess = session{expires: now.Add(life), csrf: randomToken()}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byID == nil {
		s.byID = map[[32]byte]session{}
	}
	for id, old := range s.byID { // drop expired ones; a handful of staff, a small map
		if now.After(old.expires) {
			delete(s.byID, id)
		}
	}
	s.byID[sha256.Sum256([]byte(token))] = sess
	return token, sess
}

func (s *sessions) get(token string, now time.Time) (session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := sha256.Sum256([]byte(token))
	sess, ok := s.byID[id]
	if ok && now.After(sess.expires) {
		delete(s.byID, id)
		return session{}, false
	}
	return sess, ok
}

func (s *sessions) end(token string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, sha256.Sum256([]byte(token)))
}

// allowLogin reports whether a login may be tried now.
func (s *sessions) allowLogin(now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if now.Sub(s.windowStart) > failWindow {
		s.windowStart, s.failures = now, 0
	}
	return s.failures < maxFailures
}

func (s *sessions) failed() {
	s.mu.Lock()
	s.failures++
	s.mu.Unlock()
}

// sameOrigin rejects a state-changing request whose Origin (or, without it, Referer) names
// another site. Browsers send Origin on every POST; a request with neither is allowed (a
// non-browser client has no ambient cookies to abuse) and still needs the CSRF token.
func sameOrigin(r *http.Request) bool {
	src := r.Header.Get("Origin")
	if src == "" {
		src = r.Header.Get("Referer")
	}
	if src == "" {
		return true
	}
	u, err := url.Parse(src)
	if err != nil {
		return false
	}
	return u.Host == r.Host
}

func equalTokens(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// checkPassword compares password with the stored hash; an unset password never matches.
func checkPassword(ctx context.Context, s hub.Store, password string) (bool, error) {
	h, err := s.Setting(ctx, PasswordSetting)
	if errors.Is(err, hub.ErrNotFound) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	err = bcrypt.CompareHashAndPassword([]byte(h), []byte(password))
	return err == nil, nil
}
