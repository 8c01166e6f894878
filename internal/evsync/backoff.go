package evsync

import (
	"math/rand/v2"
	"time"
)

// Default backoff: the first retry within a second, then doubling up to ten minutes.
const (
	DefaultBackoffBase = time.Second
	DefaultBackoffCap  = 10 * time.Minute
)

// Backoff is capped exponential backoff with full jitter: after the n-th failure in a
// row the wait is uniform in [0, min(Cap, Base·2^(n-1))], which spreads kiosks that lost
// the network together over the whole window instead of having them retry in step.
type Backoff struct {
	Base time.Duration // ceiling after the first failure; default DefaultBackoffBase
	Cap  time.Duration // largest ceiling; default DefaultBackoffCap
}

func (b Backoff) withDefaults() Backoff {
	if b.Base <= 0 {
		b.Base = DefaultBackoffBase
	}
	if b.Cap <= 0 {
		b.Cap = DefaultBackoffCap
	}
	if b.Cap < b.Base {
		b.Cap = b.Base
	}
	return b
}

// Ceiling is the longest wait after the given number of failures in a row (at least 1).
func (b Backoff) Ceiling(failures int) time.Duration {
	b = b.withDefaults()
	c := b.Base
	for i := 1; i < failures && c < b.Cap; i++ {
		c *= 2 // stops at Cap, so it cannot overflow
	}
	return min(c, b.Cap)
}

// Delay draws the wait after the given number of failures in a row, uniform in
// [0, Ceiling(failures)], from r (nil: the math/rand/v2 top-level source).
func (b Backoff) Delay(failures int, r *rand.Rand) time.Duration {
	c := int64(b.Ceiling(failures))
	if r == nil {
		return time.Duration(rand.Int64N(c + 1))
	}
	return time.Duration(r.Int64N(c + 1))
}
