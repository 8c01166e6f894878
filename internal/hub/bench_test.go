package hub

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"
)

// Ingest benchmarks: new events per second into a fresh store, through the upload handler
// (token lookup, signature check, JSON decode, one transaction per batch, Ack) with
// batches of 1, 100 and 500 (the kiosk's default) events, and straight into Store.Insert.
// Building and signing the batches (the kiosk's work) is not timed.
//
//	go test -run '^$' -bench Ingest -benchtime 20x ./internal/hub

func BenchmarkIngestSQLite(b *testing.B) { benchIngest(b, sqliteTestDSN) }

func BenchmarkIngestPostgres(b *testing.B) {
	pgBaseDSN(b)
	benchIngest(b, pgTestDSN)
}

func benchIngest(b *testing.B, newDSN func(testing.TB) string) {
	for _, size := range []int{1, 100, 500} {
		b.Run(fmt.Sprintf("http/batch=%d", size), func(b *testing.B) {
			th := newTestHub(b, newDSN(b))
			th.h.MaxBody = 0 // DefaultMaxBody
			seq := int64(1)
			var elapsed time.Duration
			for b.Loop() {
				b.StopTimer()
				body := batchBody(b, "k1", genEvents("k1", seq, size))
				sig := th.sign("k1", body)
				seq += int64(size)
				b.StartTimer()
				start := time.Now()
				rec := th.post("tok1", body, sig)
				elapsed += time.Since(start)
				if rec.Code != http.StatusOK {
					b.Fatalf("%d %s", rec.Code, rec.Body)
				}
			}
			b.ReportMetric(float64(seq-1)/elapsed.Seconds(), "events/s")
		})
	}
	b.Run("insert/batch=500", func(b *testing.B) {
		s := openTest(b, newDSN(b))
		seq := int64(1)
		var elapsed time.Duration
		for b.Loop() {
			b.StopTimer()
			events := genEvents("k1", seq, 500)
			seq += 500
			b.StartTimer()
			start := time.Now()
			if _, n, err := s.Insert(context.Background(), "k1", events); err != nil || n != 500 {
				b.Fatalf("Insert = %d, %v", n, err)
			}
			elapsed += time.Since(start)
		}
		b.ReportMetric(float64(seq-1)/elapsed.Seconds(), "events/s")
	})
}
