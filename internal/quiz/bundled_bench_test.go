package quiz

import (
	"testing"

	"github.com/jindu-edu/kiosk/assets"
	"github.com/jindu-edu/kiosk/quizbank"
)

// BenchmarkLoadBundled loads and validates the bundled bank against the bundled content
// (its pictures), as every kiosk start does before the first frame.
func BenchmarkLoadBundled(b *testing.B) {
	for b.Loop() {
		if _, rep := Load(quizbank.Files(), assets.Content()); rep.Err() != nil {
			b.Fatal(rep.Err())
		}
	}
}
