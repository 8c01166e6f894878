package pack

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"
)

// Report is what WriteReport leaves on the stick after an install attempt, so the office
// learns which kiosk took which pack.
type Report struct {
	KioskID  string    `json:"kiosk_id"`
	Time     time.Time `json:"time"`
	PackFile string    `json:"pack_file"`
	PackID   string    `json:"pack_id,omitempty"`
	Version  int64     `json:"version,omitempty"`
	Result   string    `json:"result"`             // "installed", "rejected", "rolled back"
	Message  string    `json:"message,omitempty"`  // Message(err), Chinese
	Problems []string  `json:"problems,omitempty"` // e.g. content lint lines
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9.-]`)

// WriteReport writes r as indented JSON to stickDir/jkpack-report_<kiosk>_<time>.json,
// adding -2, -3 … to the name rather than overwriting any file. It returns the path.
func WriteReport(stickDir string, r Report) (string, error) {
	if r.Time.IsZero() {
		r.Time = time.Now()
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	data = append(data, '\n')
	base := fmt.Sprintf("jkpack-report_%s_%s", unsafeChars.ReplaceAllString(r.KioskID, "_"),
		r.Time.Format("20060102-150405"))
	for i := 1; i < 1000; i++ {
		name := base + ".json"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.json", base, i)
		}
		path := filepath.Join(stickDir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("report %s: %w", path, err)
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", fmt.Errorf("report %s: %w", path, err)
		}
		return path, nil
	}
	return "", fmt.Errorf("report: too many reports named %s in %s", base, stickDir)
}
