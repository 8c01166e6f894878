package edkey

import (
	"crypto/ed25519"
	"crypto/rand"
	"testing"
)

func TestRoundTrips(t *testing.T) {
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	if p, err := Parse(" " + String(pub) + "\n"); err != nil || !p.Equal(pub) {
		t.Fatalf("public key: %v", err)
	}
	pemData, err := EncodePrivate(priv)
	if err != nil {
		t.Fatal(err)
	}
	if k, err := DecodePrivate(pemData); err != nil || !k.Equal(priv) {
		t.Fatalf("private key: %v", err)
	}
	for _, bad := range []string{"", "not base64!", "AAAA"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	if _, err := DecodePrivate([]byte("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")); err == nil {
		t.Error("a public key file decoded as private")
	}
}
