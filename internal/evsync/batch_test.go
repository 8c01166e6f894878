package evsync

import (
	"errors"
	"strings"
	"testing"
)

func TestVerifyBatch(t *testing.T) {
	key, pub := testKey(t)
	_, otherPub := testKey(t)
	body := []byte(`{"kiosk_id":"k1","events":[]}`)
	sig := SignBatch(body, key)
	if err := VerifyBatch(body, sig, pub); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		body []byte
		sig  string
		pub  []byte
		say  string
	}{
		"altered body":   {[]byte(`{"kiosk_id":"k2","events":[]}`), sig, pub, "does not match"},
		"other kiosk":    {body, sig, otherPub, "does not match"},
		"no header":      {body, "", pub, "missing X-Kiosk-Signature"},
		"not base64":     {body, "%%%", pub, "not a base64"},
		"short":          {body, "AAAA", pub, "not a base64"},
		"no key on file": {body, sig, nil, "registered public key is 0 bytes"},
	} {
		err := VerifyBatch(c.body, c.sig, c.pub)
		if !errors.Is(err, ErrBatchSignature) || !strings.Contains(err.Error(), c.say) {
			t.Errorf("%s: %v, want %q", name, err, c.say)
		}
	}
}
