package config

import (
	"github.com/jindu-edu/kiosk/internal/edkey"

	"crypto/ed25519"
	"errors"
	"fmt"
	"strings"
)

// Packs configures USB content packs (docs/content-packs.md).
type Packs struct {
	// TrustedKeys are the publishers' ed25519 public keys, standard base64 of 32 bytes as
	// printed by `kioskctl pack keygen`. A pack signed by any of them is accepted; list the
	// old and the new key while rotating. Empty: no pack can be installed.
	TrustedKeys KeyList `toml:"trusted_keys"`
	// USBDir is where the stick is mounted (read-only on Linux, see deploy/usb); the staff
	// panel lists the *.jkpack files there. Install reports go to [events] export_dir.
	USBDir string `toml:"usb_dir"`
	// MaxBytes, MaxFiles and MaxRatio bound what a pack may unpack to: total bytes, number
	// of files, and uncompressed bytes per compressed byte of a file (zip bombs).
	MaxBytes int64 `toml:"max_bytes"`
	MaxFiles int   `toml:"max_files"`
	MaxRatio int   `toml:"max_ratio"`
}

// KeyList is a TOML array of strings kept as one newline-joined string, so that Config
// stays comparable with == (its tests compare whole configs).
type KeyList string

// NewKeyList makes a KeyList of keys.
func NewKeyList(keys ...string) KeyList { return KeyList(strings.Join(keys, "\n")) }

// List returns the keys.
func (k KeyList) List() []string {
	if k == "" {
		return nil
	}
	return strings.Split(string(k), "\n")
}

// UnmarshalTOML reads an array of strings.
func (k *KeyList) UnmarshalTOML(v any) error {
	arr, ok := v.([]any)
	if !ok {
		return fmt.Errorf("trusted_keys must be an array of strings, not %T", v)
	}
	keys := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok || strings.ContainsRune(s, '\n') {
			return fmt.Errorf("trusted_keys: %v is not a one-line string", e)
		}
		keys = append(keys, strings.TrimSpace(s))
	}
	*k = NewKeyList(keys...)
	return nil
}

// DefaultPacks are the defaults of [packs].
func DefaultPacks() Packs {
	return Packs{USBDir: defaultUSBDir, MaxBytes: 4 << 30, MaxFiles: 20000, MaxRatio: 100}
}

// PublicKeys parses TrustedKeys.
func (p Packs) PublicKeys() ([]ed25519.PublicKey, error) {
	list := p.TrustedKeys.List()
	keys := make([]ed25519.PublicKey, 0, len(list))
	for i, s := range list {
		k, err := edkey.Parse(s)
		if err != nil {
			return nil, fmt.Errorf("[packs] trusted_keys[%d]: %w", i, err)
		}
		keys = append(keys, k)
	}
	return keys, nil
}

// Validate checks the values; call it with Config.Validate.
func (p Packs) Validate() error {
	var errs []error
	if _, err := p.PublicKeys(); err != nil {
		errs = append(errs, err)
	}
	if strings.TrimSpace(p.USBDir) == "" {
		errs = append(errs, errors.New("[packs] usb_dir must not be empty"))
	}
	if p.MaxBytes < 1<<20 || p.MaxFiles < 1 || p.MaxRatio < 2 {
		errs = append(errs, errors.New("[packs] max_bytes must be at least 1 MiB, max_files at least 1, max_ratio at least 2"))
	}
	return errors.Join(errs...)
}

// examplePacks is the [packs] part of Example.
const examplePacks = `
[packs]
# Public keys of whoever signs content packs (kioskctl pack keygen prints one). A pack
# signed by any listed key is accepted; keep the old key listed while rotating to a new one.
# Empty: the staff panel refuses every pack.
trusted_keys = []
# Where the USB stick is mounted (read-only is enough): the staff panel lists *.jkpack
# files there. The install report goes to [events] export_dir. "auto" (the Windows
# default): the first removable drive with a medium in it.
usb_dir = "/media/usb"
# Limits on what a pack may unpack to: total bytes (4 GiB), number of files, and bytes per
# compressed byte of any one file (refuses zip bombs).
max_bytes = 4294967296
max_files = 20000
max_ratio = 100
`
