package evsync

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestBackoffCeiling(t *testing.T) {
	var b Backoff // defaults: 1 s, capped at 10 min
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second}
	for i, w := range want {
		if got := b.Ceiling(i + 1); got != w {
			t.Fatalf("Ceiling(%d) = %v, want %v", i+1, got, w)
		}
	}
	if got := b.Ceiling(10); got != 512*time.Second {
		t.Fatalf("Ceiling(10) = %v", got)
	}
	for _, n := range []int{11, 12, 100, 1 << 30} {
		if got := b.Ceiling(n); got != 10*time.Minute {
			t.Fatalf("Ceiling(%d) = %v, want the 10m cap", n, got)
		}
	}
	if got := (Backoff{Base: 3 * time.Second, Cap: 20 * time.Second}).Ceiling(4); got != 20*time.Second {
		t.Fatalf("custom cap: %v", got)
	}
}

func TestBackoffFullJitter(t *testing.T) {
	b := Backoff{Base: time.Second, Cap: time.Minute}
	r := rand.New(rand.NewPCG(1, 1))
	const n = 2000
	var sum, lo, hi time.Duration = 0, time.Hour, 0
	for range n {
		d := b.Delay(5, r) // ceiling 16 s
		if d < 0 || d > 16*time.Second {
			t.Fatalf("Delay = %v outside [0, 16s]", d)
		}
		sum += d
		lo, hi = min(lo, d), max(hi, d)
	}
	if mean := sum / n; mean < 7*time.Second || mean > 9*time.Second || lo > time.Second || hi < 15*time.Second {
		t.Fatalf("not uniform over [0, 16s]: mean %v, min %v, max %v", mean, lo, hi)
	}
	if d := b.Delay(50, nil); d < 0 || d > time.Minute {
		t.Fatalf("Delay with the default source = %v", d)
	}
}
