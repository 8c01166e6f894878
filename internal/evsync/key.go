package evsync

import (
	"github.com/jindu-edu/kiosk/internal/edkey"
	"runtime"

	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/jindu-edu/kiosk/internal/atomicfile"
)

// KeyFile is the name of the kiosk's private key in its data directory: a PKCS#8 PEM
// "PRIVATE KEY" block, mode 0600.
const KeyFile = "kiosk-key.ed25519"

// LoadOrCreateKey returns the kiosk's signing key from dataDir/KeyFile, creating it on
// first start. An existing file that cannot be read or parsed is an error, never silently
// replaced: the office has the old public key registered, and a new key would make every
// later export and upload from this kiosk untrusted.
func LoadOrCreateKey(dataDir string) (ed25519.PrivateKey, error) {
	path := filepath.Join(dataDir, KeyFile)
	key, err := loadKey(path)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return key, err
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create kiosk key: %w", err)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("create kiosk key: %w", err)
	}
	data, err := edkey.EncodePrivate(priv)
	if err != nil {
		return nil, fmt.Errorf("create kiosk key: %w", err)
	}

	// Write the whole file under a temporary name, then link it into place: unlike a
	// rename, the link fails if another process (the kiosk and kioskctl share the data
	// directory) created the key meanwhile, and then both use that one.
	var nonce [8]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return nil, fmt.Errorf("create kiosk key: %w", err)
	}
	tmp := filepath.Join(dataDir, "."+KeyFile+".new-"+hex.EncodeToString(nonce[:]))
	if err := atomicfile.WriteFile(tmp, data, 0o600); err != nil {
		return nil, fmt.Errorf("create kiosk key: %w", err)
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return loadKey(path)
		}
		// No hard links on this file system: an atomic rename is the next best thing.
		if err := os.Rename(tmp, path); err != nil {
			return nil, fmt.Errorf("create kiosk key: %w", err)
		}
	}
	if err := syncDir(dataDir); err != nil {
		return nil, fmt.Errorf("create kiosk key: %w", err)
	}
	slog.Info("created kiosk signing key; register its public key at the office",
		"path", path, "public_key", PublicKeyString(pub))
	return priv, nil
}

func loadKey(path string) (ed25519.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read kiosk key: %w", err)
	}
	priv, err := edkey.DecodePrivate(data)
	if err != nil {
		return nil, fmt.Errorf("kiosk key %s: %w", path, err)
	}
	// (Windows has no such mode bits: every file reads as 0666, and the data directory's
	// ACL under %ProgramData% is what protects the key there.)
	if st, err := os.Stat(path); err == nil && runtime.GOOS != "windows" && st.Mode().Perm()&0o077 != 0 {
		slog.Warn("kiosk key is readable by other users; chmod 600 it", "path", path, "mode", st.Mode().Perm())
	}
	return priv, nil
}

// PublicKeyString is the base64 (standard encoding) form of pub that the office registers
// for the kiosk and that manifests carry (package edkey).
func PublicKeyString(pub ed25519.PublicKey) string { return edkey.String(pub) }

// ParsePublicKey reads the form PublicKeyString writes.
func ParsePublicKey(s string) (ed25519.PublicKey, error) { return edkey.Parse(s) }
