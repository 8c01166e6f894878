package evsync

import (
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// ErrBatchSignature is wrapped by every VerifyBatch error.
var ErrBatchSignature = errors.New("batch signature")

// SignBatch is the X-Kiosk-Signature value for an upload request body: the standard
// base64 encoding of ed25519.Sign(key, body).
func SignBatch(body []byte, key ed25519.PrivateKey) string {
	return base64.StdEncoding.EncodeToString(ed25519.Sign(key, body))
}

// VerifyBatch checks the X-Kiosk-Signature header sigHeader of an upload request with
// the body exactly as received against the kiosk's registered public key.
func VerifyBatch(body []byte, sigHeader string, pub ed25519.PublicKey) error {
	if len(pub) != ed25519.PublicKeySize {
		return fmt.Errorf("%w: the registered public key is %d bytes, want %d", ErrBatchSignature, len(pub), ed25519.PublicKeySize)
	}
	s := strings.TrimSpace(sigHeader)
	if s == "" {
		return fmt.Errorf("%w: missing %s header", ErrBatchSignature, SignatureHeader)
	}
	sig, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return fmt.Errorf("%w: %s is not a base64 ed25519 signature", ErrBatchSignature, SignatureHeader)
	}
	if !ed25519.Verify(pub, body, sig) {
		return fmt.Errorf("%w: does not match the body and the kiosk's registered key", ErrBatchSignature)
	}
	return nil
}
