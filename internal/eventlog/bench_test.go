package eventlog

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// benchEvent is a typical visitor event: a quiz answer with a small payload.
func benchEvent(i int) event.Event {
	return event.Event{Type: "quiz_answer", Session: "0190a000-0000-7000-8000-000000000001",
		Zone: "quiz", Item: "q-0042", Data: map[string]any{"choice": i % 4, "correct": i%3 == 0, "ms": 2300}}
}

// BenchmarkSustainedFULL measures events per second committed with synchronous=FULL (an
// fsync per transaction) when Record is called as fast as possible, by batch size.
func BenchmarkSustainedFULL(b *testing.B) {
	for _, batch := range []int{1, 16, DefaultBatchSize} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			l, _ := openTest(b, Options{BatchSize: batch})
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				l.Record(benchEvent(i))
			}
			flush(b, l)
			elapsed := time.Since(start)
			b.StopTimer()
			h := l.Health()
			b.ReportMetric(float64(h.Events)/elapsed.Seconds(), "events/s")
			b.ReportMetric(float64(h.Dropped), "dropped")
		})
	}
}

// BenchmarkRecordLatency measures how long Record takes as the UI thread sees it, while the
// writer commits in the background: "burst" calls it back to back (the queue fills, so the
// tail includes back-pressure), "paced" at one event per 100 µs, still far above a
// touchscreen's rate.
func BenchmarkRecordLatency(b *testing.B) {
	for _, pace := range []time.Duration{0, 100 * time.Microsecond} {
		name := "burst"
		if pace > 0 {
			name = "paced"
		}
		b.Run(name, func(b *testing.B) {
			l, _ := openTest(b, Options{})
			lat := make([]time.Duration, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t := time.Now()
				l.Record(benchEvent(i))
				lat[i] = time.Since(t)
				if pace > 0 {
					for time.Since(t) < pace {
					}
				}
			}
			b.StopTimer()
			flush(b, l)
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2]), "p50-ns")
			b.ReportMetric(float64(lat[len(lat)*99/100]), "p99-ns")
			b.ReportMetric(float64(lat[len(lat)-1]), "max-ns")
			b.ReportMetric(float64(l.Health().Dropped), "dropped")
		})
	}
}

// BenchmarkOpen measures Open (integrity check, migration check, counts, prune) of a log
// holding 100k events: the cost added to the kiosk's start.
func BenchmarkOpen(b *testing.B) {
	const n = 100_000
	path := filepath.Join(b.TempDir(), "events.db")
	l := openAt(b, path, Options{BatchSize: 1000, QueueSize: n})
	for i := range n {
		l.Record(benchEvent(i))
	}
	if err := l.Close(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		l, err := Open(path, Options{KioskID: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if h := l.Health(); h.Events != n {
			b.Fatalf("%d events", h.Events)
		}
		l.Close()
		b.StartTimer()
	}
	b.StopTimer()
	st, _ := os.Stat(path)
	b.ReportMetric(float64(st.Size())/(1<<20), "MiB")
}
