package pack

import (
	"github.com/jindu-edu/kiosk/internal/edkey"

	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
)

// PublicKeyString is the form of a public key in the config's trusted_keys and on the
// command line: standard base64 of its 32 bytes (package edkey, the same form as the kiosk
// keys in docs/sync-format.md).
func PublicKeyString(pub ed25519.PublicKey) string { return edkey.String(pub) }

// ParsePublicKey reads PublicKeyString's form; surrounding space is ignored.
func ParsePublicKey(s string) (ed25519.PublicKey, error) { return edkey.Parse(s) }

// ParsePublicKeys parses a list of keys (config trusted_keys).
func ParsePublicKeys(list []string) ([]ed25519.PublicKey, error) {
	out := make([]ed25519.PublicKey, 0, len(list))
	for i, s := range list {
		k, err := ParsePublicKey(s)
		if err != nil {
			return nil, fmt.Errorf("trusted key %d: %w", i+1, err)
		}
		out = append(out, k)
	}
	return out, nil
}

// KeyID is a key's fingerprint as written in manifests: "ed25519:" and the first 16 hex
// digits of the sha256 of the 32 public key bytes.
func KeyID(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return "ed25519:" + hex.EncodeToString(sum[:8])
}

// WritePrivateKey writes priv as a PKCS#8 PEM "PRIVATE KEY" file with mode 0600. It never
// overwrites an existing file.
func WritePrivateKey(path string, priv ed25519.PrivateKey) error {
	data, err := edkey.EncodePrivate(priv)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("write key: %w", err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("write key %s: %w", path, err)
	}
	return nil
}

// ReadPrivateKey reads a file written by WritePrivateKey.
func ReadPrivateKey(path string) (ed25519.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read key: %w", err)
	}
	priv, err := edkey.DecodePrivate(data)
	if err != nil {
		return nil, fmt.Errorf("key %s: %w", path, err)
	}
	return priv, nil
}

// SignManifest returns the manifest.sig bytes for manifest: standard base64 of
// ed25519.Sign(priv, manifest) and a newline.
func SignManifest(manifest []byte, priv ed25519.PrivateKey) []byte {
	return []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(priv, manifest)) + "\n")
}

// decodeSig reads manifest.sig: base64 (space around it ignored) or, for tools that write
// it raw, exactly 64 bytes.
func decodeSig(b []byte) ([]byte, error) {
	if len(b) == ed25519.SignatureSize { // base64 of a signature is 88 characters
		return b, nil
	}
	s, err := base64.StdEncoding.DecodeString(string(bytes.TrimSpace(b)))
	if err != nil || len(s) != ed25519.SignatureSize {
		return nil, errors.New("manifest.sig is neither base64 nor 64 raw bytes of an ed25519 signature")
	}
	return s, nil
}

// verifySig checks sig over manifest against the trusted keys. keyID is what the manifest
// claims; it only chooses between "tampered" and "unknown key" when nothing verifies.
func verifySig(manifest, sigFile []byte, keyID string, trust []ed25519.PublicKey) (ed25519.PublicKey, error) {
	sig, err := decodeSig(sigFile)
	if err != nil {
		return nil, fail(CodeBadSignature, SigName, "%v", err)
	}
	for _, k := range trust {
		if len(k) == ed25519.PublicKeySize && ed25519.Verify(k, manifest, sig) {
			return k, nil
		}
	}
	for _, k := range trust {
		if len(k) == ed25519.PublicKeySize && KeyID(k) == keyID {
			return nil, fail(CodeBadSignature, SigName, "signature by %s does not match manifest.json", keyID)
		}
	}
	if keyID == "" {
		keyID = "(none named)"
	}
	return nil, fail(CodeUnknownKey, SigName, "key %s is not among the %d trusted keys", keyID, len(trust))
}
