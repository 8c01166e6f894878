// Package config reads the kiosk's TOML configuration file. Every key has a documented
// default (see Example), so an empty or missing file gives a working demo kiosk.
package config

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/jindu-edu/kiosk/internal/kiosk"
)

// Environment variables that override the defaults (flags override these).
const (
	EnvConfig = "JINDU_KIOSK_CONFIG"
	EnvData   = "JINDU_KIOSK_DATA"
)

// Config is the whole file.
type Config struct {
	KioskID    string         `toml:"kiosk_id"`
	DataDir    string         `toml:"data_dir"`
	ContentDir string         `toml:"content_dir"`
	Windowed   bool           `toml:"windowed"`
	HideCursor bool           `toml:"hide_cursor"`
	Audio      bool           `toml:"audio"`
	Visitor    kiosk.Settings `toml:"visitor"`
	Quiz       Quiz           `toml:"quiz"`
	Events     Events         `toml:"events"`
	Sync       Sync           `toml:"sync"`
	Packs      Packs          `toml:"packs"`
	Hours      Hours          `toml:"hours"`
}

// Events configures the visitor log.
type Events struct {
	DiskBudgetMB  int    `toml:"disk_budget_mb"` // alarm in the staff panel at 80 %; 0: none
	RetentionDays int    `toml:"retention_days"` // synced or exported events older than this are deleted
	ExportDir     string `toml:"export_dir"`     // where the USB stick is mounted writable
}

// Sync configures upload to the district office's hub; an empty HubURL turns it off.
type Sync struct {
	HubURL string `toml:"hub_url"`
	Token  string `toml:"token"`
	// PollInterval is how often the uploader looks for new events once all are sent.
	PollInterval kiosk.Duration `toml:"poll_interval"`
	// BatchSize is the number of events per upload request.
	BatchSize int `toml:"batch_size"`
}

// Quiz configures the knowledge quiz.
type Quiz struct {
	QuestionTime kiosk.Duration `toml:"question_time"` // per question; "0s" turns the countdown off
	RoundSize    int            `toml:"round_size"`
}

// Default returns the defaults every key falls back to.
func Default() Config {
	return Config{
		KioskID:    "kiosk-01",
		DataDir:    DefaultDataDir(),
		HideCursor: true,
		Audio:      true,
		Visitor:    kiosk.DefaultSettings(),
		Quiz:       Quiz{QuestionTime: kiosk.Duration(30 * time.Second), RoundSize: 10},
		Events:     Events{DiskBudgetMB: 1024, RetentionDays: 90, ExportDir: defaultExportDir},
		Sync:       Sync{PollInterval: kiosk.Duration(30 * time.Second), BatchSize: 500},
		Packs:      DefaultPacks(),
	}
}

// DefaultDataDir is $JINDU_KIOSK_DATA, else on Linux $XDG_DATA_HOME/jindu-kiosk, else
// ~/.local/share/jindu-kiosk; on Windows %ProgramData%\jindu-kiosk.
func DefaultDataDir() string {
	if d := os.Getenv(EnvData); d != "" {
		return d
	}
	return platformDataDir(os.Getenv)
}

// Path picks the config file: the flag, else $JINDU_KIOSK_CONFIG, else on Windows
// kiosk.toml in the data directory if it is there, else "" (defaults only).
func Path(flag string) string {
	if flag != "" {
		return flag
	}
	if p := os.Getenv(EnvConfig); p != "" {
		return p
	}
	return platformConfigPath()
}

// Load reads path over the defaults; path "" means defaults only. Unknown keys are errors,
// because a misspelt key would otherwise be silently ignored.
func Load(path string) (Config, error) {
	c := Default()
	if path == "" {
		return c, nil
	}
	md, err := toml.DecodeFile(path, &c)
	if errors.Is(err, os.ErrNotExist) {
		return c, fmt.Errorf("config file %s does not exist", path)
	}
	if err != nil {
		return c, fmt.Errorf("config file %s: %w", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return c, fmt.Errorf("config file %s: unknown keys: %s", path, strings.Join(keys, ", "))
	}
	if err := c.Validate(); err != nil {
		return c, fmt.Errorf("config file %s: %w", path, err)
	}
	return c, nil
}

// Validate checks the values.
func (c Config) Validate() error {
	var errs []error
	if strings.TrimSpace(c.KioskID) == "" {
		errs = append(errs, errors.New("kiosk_id must not be empty"))
	}
	if strings.TrimSpace(c.DataDir) == "" {
		errs = append(errs, errors.New("data_dir must not be empty"))
	}
	if d := time.Duration(c.Quiz.QuestionTime); d < 0 || d > 10*time.Minute {
		errs = append(errs, fmt.Errorf("[quiz] question_time %s must be between 0s (off) and 10m", d))
	}
	if c.Quiz.RoundSize < 3 || c.Quiz.RoundSize > 30 {
		errs = append(errs, fmt.Errorf("[quiz] round_size %d must be 3–30", c.Quiz.RoundSize))
	}
	if c.Events.DiskBudgetMB < 0 || c.Events.RetentionDays < 1 {
		errs = append(errs, errors.New("[events] disk_budget_mb must be 0 or more and retention_days at least 1"))
	}
	if c.Sync.HubURL != "" && c.Sync.Token == "" {
		errs = append(errs, errors.New("[sync] hub_url is set but token is empty"))
	}
	if d := time.Duration(c.Sync.PollInterval); d < 0 || d > 24*time.Hour || c.Sync.BatchSize < 0 || c.Sync.BatchSize > 5000 {
		errs = append(errs, errors.New("[sync] poll_interval must be 0–24h and batch_size 0–5000 (0: the default)"))
	}
	if err := c.Hours.validate(); err != nil {
		errs = append(errs, err)
	}
	if err := c.Visitor.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("[visitor]: %w", err))
	}
	return errors.Join(errs...)
}

// Example is a commented config file with every default (this platform's USB paths);
// `kioskctl config example` prints it.
var Example = strings.NewReplacer(`"/media/usb"`, tomlPath(defaultUSBDir),
	`"/media/usb-export"`, tomlPath(defaultExportDir)).Replace(example)

// tomlPath quotes a path as a TOML literal string (Windows backslashes stay as they are).
func tomlPath(p string) string { return "'" + p + "'" }

const example = `# Kiosk configuration (TOML). Every key is optional; the value shown is the default.
# The file is found from --config, else $JINDU_KIOSK_CONFIG.

# Names this screen in the event log and exports. Unique per screen in a base.
kiosk_id = "kiosk-01"

# Where the kiosk keeps its state: staff PIN hash, staff settings, installed content,
# event log. Default: $JINDU_KIOSK_DATA, else $XDG_DATA_HOME/jindu-kiosk,
# else ~/.local/share/jindu-kiosk.
# data_dir = "/var/lib/jindu-kiosk"

# A content root directory to show instead of the bundled demo content. If it is missing
# or invalid, the kiosk shows the bundled content and the staff panel says why.
content_dir = ""

# Development only: a normal window instead of full screen (same as --windowed).
windowed = false

# Hide the mouse cursor (touchscreens do not need it).
hide_cursor = true

# Play narration. When there is no sound device the kiosk detects it and stays silent.
audio = true

[visitor]
# No tap for this long asks "还在吗？"; narration playing pauses the timer. 15s–1h.
idle_timeout = "90s"
# How long "还在吗？" waits before resetting to the attract loop. 5s–5m.
prompt_timeout = "20s"
# Language, text size and volume that every visit starts with.
default_language = "zh"
default_large_text = false
volume = 80
# Show softened pictures in the harm cases (for primary-school groups).
soften_graphic = false

[quiz]
# Time per question in the solo quiz and the team contest; "0s" turns the countdown off.
question_time = "30s"
# Questions per solo round (3–30).
round_size = 10

[events]
# The visitor log (data_dir/events.db). The staff panel warns at 80 % of the budget.
disk_budget_mb = 1024
# Events older than this are deleted once they are synced to the hub or exported to USB.
retention_days = 90
# Where the USB stick is mounted writable: the staff panel's "导出到U盘" writes the event
# log there, and content-pack install reports go there too. On Linux deploy/usb mounts the
# stick read-write here and read-only at [packs] usb_dir; keep the two paths different.
export_dir = "/media/usb-export"

[sync]
# The district office's hub, e.g. "https://hub.example.org"; empty: no network upload.
hub_url = ""
# The upload token the office issued to this kiosk (kiosk-hub kiosk add).
token = ""
# How often to look for new events once everything is sent, and events per request.
poll_interval = "30s"
batch_size = 500
` + examplePacks + exampleHours
