package kiosk

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jindu-edu/kiosk/internal/atomicfile"
)

// SettingsFile is where staff changes are kept, inside the data directory.
const SettingsFile = "settings.json"

// Settings are what staff may change at the kiosk. The config file gives the defaults;
// changes made in the staff panel are saved in the data directory and win over them.
type Settings struct {
	IdleTimeout   Duration `json:"idle_timeout" toml:"idle_timeout"`
	PromptTimeout Duration `json:"prompt_timeout" toml:"prompt_timeout"`
	Language      string   `json:"default_language" toml:"default_language"` // zh | en: what each visit starts in
	LargeText     bool     `json:"default_large_text" toml:"default_large_text"`
	Volume        int      `json:"volume" toml:"volume"` // 0–100: what each visit starts at
	SoftenGraphic bool     `json:"soften_graphic" toml:"soften_graphic"`
	// MirrorOff takes the camera mirror station off the home screen.
	MirrorOff bool `json:"mirror_off" toml:"mirror_off"`
}

// DefaultSettings are the built-in defaults from the design.
func DefaultSettings() Settings {
	return Settings{
		IdleTimeout:   Duration(90 * time.Second),
		PromptTimeout: Duration(20 * time.Second),
		Language:      "zh",
		Volume:        80,
	}
}

// Validate checks ranges.
func (s Settings) Validate() error {
	var errs []error
	if d := time.Duration(s.IdleTimeout); d < 15*time.Second || d > time.Hour {
		errs = append(errs, fmt.Errorf("idle_timeout %s must be between 15s and 1h", d))
	}
	if d := time.Duration(s.PromptTimeout); d < 5*time.Second || d > 5*time.Minute {
		errs = append(errs, fmt.Errorf("prompt_timeout %s must be between 5s and 5m", d))
	}
	if s.Language != "zh" && s.Language != "en" {
		errs = append(errs, fmt.Errorf("default_language %q must be zh or en", s.Language))
	}
	if s.Volume < 0 || s.Volume > 100 {
		errs = append(errs, fmt.Errorf("volume %d must be 0–100", s.Volume))
	}
	return errors.Join(errs...)
}

// LoadSettings applies the staff overrides saved in dataDir on top of base. A missing file
// is not an error; a broken one is reported and base is kept.
func LoadSettings(dataDir string, base Settings) (Settings, error) {
	data, err := os.ReadFile(filepath.Join(dataDir, SettingsFile))
	if errors.Is(err, os.ErrNotExist) {
		return base, nil
	}
	if err != nil {
		return base, fmt.Errorf("read staff settings: %w", err)
	}
	s := base
	if err := json.Unmarshal(data, &s); err != nil {
		return base, fmt.Errorf("staff settings %s are damaged, using defaults: %w", SettingsFile, err)
	}
	if err := s.Validate(); err != nil {
		return base, fmt.Errorf("staff settings %s out of range, using defaults: %w", SettingsFile, err)
	}
	return s, nil
}

// SaveSettings writes s to dataDir atomically.
func SaveSettings(dataDir string, s Settings) error {
	if err := s.Validate(); err != nil {
		return err
	}
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return fmt.Errorf("encode settings: %w", err)
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	return atomicfile.WriteFile(filepath.Join(dataDir, SettingsFile), data, 0o600)
}

// Duration is a time.Duration written as "90s" in JSON and TOML.
type Duration time.Duration

// MarshalText writes the duration as text.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText parses "90s", "2m" and the like.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("duration %q: %w", b, err)
	}
	*d = Duration(v)
	return nil
}
