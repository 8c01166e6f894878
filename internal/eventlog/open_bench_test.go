package eventlog

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"testing"
)

// BenchmarkOpenExisting is how long a kiosk start waits for a log that already holds n
// events: Open returns after the integrity check, migrations, the writer's state and the
// prune; OpenInBackground returns at once and does them on the writer goroutine (the
// time until it has, Flush included, is not counted here).
func BenchmarkOpenExisting(b *testing.B) {
	for _, n := range []int{10_000, 200_000} {
		path := filepath.Join(b.TempDir(), "events.db")
		l := openAt(b, path, Options{BatchSize: DefaultBatchSize})
		for i := 0; i < n; i++ {
			l.Record(benchEvent(i))
			if i%10_000 == 9_999 {
				flush(b, l)
			}
		}
		flush(b, l)
		l.Close()
		for _, mode := range []string{"Open", "OpenInBackground"} {
			b.Run(fmt.Sprintf("events=%d/%s", n, mode), func(b *testing.B) {
				open := Open
				if mode == "OpenInBackground" {
					open = OpenInBackground
				}
				for b.Loop() {
					l, err := open(path, Options{KioskID: "k-test", Logger: slog.New(slog.DiscardHandler)})
					if err != nil {
						b.Fatal(err)
					}
					b.StopTimer()
					if err := l.Flush(context.Background()); err != nil {
						b.Fatal(err)
					}
					l.Close()
					b.StartTimer()
				}
			})
		}
	}
}
