package evsync

import (
	"bytes"
	"compress/gzip"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// resign rewrites an export as the kiosk would have signed it: optionally new data bytes,
// then the manifest with the data file's real size and hash, changed by mutate, signed by key.
func resign(t *testing.T, dir, base string, key ed25519.PrivateKey, data []byte, mutate func(*Manifest)) {
	t.Helper()
	manPath := filepath.Join(dir, base+ManifestSuffix)
	raw, err := os.ReadFile(manPath)
	if err != nil {
		t.Fatal(err)
	}
	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	dataPath := filepath.Join(dir, m.File)
	if data != nil {
		if err := os.WriteFile(dataPath, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(dataPath)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	m.Size, m.SHA256 = int64(len(b)), hex.EncodeToString(sum[:])
	if mutate != nil {
		mutate(&m)
	}
	raw, _ = json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(manPath, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	sig := base64.StdEncoding.EncodeToString(ed25519.Sign(key, raw))
	if err := os.WriteFile(filepath.Join(dir, base+SignatureSuffix), []byte(sig), 0o644); err != nil {
		t.Fatal(err)
	}
}

// gunzipLines returns the NDJSON lines of a data file.
func gunzipLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

func gzipLines(lines []string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(strings.Join(lines, "\n") + "\n"))
	zw.Close()
	return buf.Bytes()
}

func TestReadExportRejects(t *testing.T) {
	const kiosk = "kiosk-3"
	key, pub := testKey(t)
	otherKey, otherPub := testKey(t)
	tmpl := t.TempDir()
	exported, err := Export(newMemStore(kiosk, 50), key, tmpl, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	base := baseOf(exported)
	dataName, manName, sigName := base+DataSuffix, base+ManifestSuffix, base+SignatureSuffix

	cases := []struct {
		name    string
		change  func(t *testing.T, dir string)
		trusted func(string) (ed25519.PublicKey, bool)
		want    error
		say     string // part of the message
	}{{
		name: "tampered data file",
		change: func(t *testing.T, dir string) {
			p := filepath.Join(dir, dataName)
			b, _ := os.ReadFile(p)
			b[len(b)/2] ^= 0x40
			os.WriteFile(p, b, 0o644)
		},
		want: ErrDataMismatch, say: "SHA-256",
	}, {
		name: "truncated data file",
		change: func(t *testing.T, dir string) {
			p := filepath.Join(dir, dataName)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, b[:len(b)*2/3], 0o644)
		},
		want: ErrDataMismatch, say: "truncated",
	}, {
		name: "tampered manifest",
		change: func(t *testing.T, dir string) {
			p := filepath.Join(dir, manName)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.Replace(b, []byte(`"count": 50`), []byte(`"count": 49`), 1), 0o644)
		},
		want: ErrBadSignature, say: "altered",
	}, {
		name: "tampered signature",
		change: func(t *testing.T, dir string) {
			os.WriteFile(filepath.Join(dir, sigName), []byte(base64.StdEncoding.EncodeToString(make([]byte, 64))), 0o644)
		},
		want: ErrBadSignature, say: "does not match its signature",
	}, {
		name:    "kiosk key changed (registered key is another)",
		trusted: trustOnly(kiosk, otherPub),
		want:    ErrWrongKey, say: "not the key registered",
	}, {
		name: "forged by another key claiming the kiosk",
		change: func(t *testing.T, dir string) {
			resign(t, dir, base, otherKey, nil, func(m *Manifest) { m.PublicKey = PublicKeyString(otherPub) })
		},
		want: ErrWrongKey, say: PublicKeyString(otherPub),
	}, {
		name:    "unknown kiosk",
		trusted: trustOnly("kiosk-9", pub),
		want:    ErrUnknownKiosk, say: `kiosk "kiosk-3" is not registered`,
	}, {
		name:   "missing signature file",
		change: func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, sigName)) },
		want:   ErrIncomplete, say: "signature file " + sigName + " is missing",
	}, {
		name:   "missing data file",
		change: func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, dataName)) },
		want:   ErrIncomplete, say: "data file " + dataName + " is missing",
	}, {
		name: "truncated gzip, signed as is",
		change: func(t *testing.T, dir string) {
			b, _ := os.ReadFile(filepath.Join(dir, dataName))
			resign(t, dir, base, key, b[:len(b)-12], nil)
		},
		want: ErrBadData, say: "ends early",
	}, {
		name:   "count differs, signed",
		change: func(t *testing.T, dir string) { resign(t, dir, base, key, nil, func(m *Manifest) { m.Count = 49 }) },
		want:   ErrBadData, say: "more than the 49 events",
	}, {
		name: "event of another kiosk, signed",
		change: func(t *testing.T, dir string) {
			lines := gunzipLines(t, filepath.Join(dir, dataName))
			lines[7] = strings.Replace(lines[7], `"kiosk_id":"kiosk-3"`, `"kiosk_id":"kiosk-4"`, 1)
			resign(t, dir, base, key, gzipLines(lines), nil)
		},
		want: ErrBadData, say: `event of kiosk "kiosk-4"`,
	}, {
		name: "seq outside the range, signed",
		change: func(t *testing.T, dir string) {
			resign(t, dir, base, key, nil, func(m *Manifest) { m.From, m.Count = 2, 49 })
		},
		want: ErrBadData, say: "seq 1 is outside the range 2-50",
	}, {
		name: "line that is not an event, signed",
		change: func(t *testing.T, dir string) {
			lines := gunzipLines(t, filepath.Join(dir, dataName))
			lines[3] = lines[3][:20]
			resign(t, dir, base, key, gzipLines(lines), nil)
		},
		want: ErrBadData, say: "line 4 is not an event",
	}, {
		name: "other format version",
		change: func(t *testing.T, dir string) {
			resign(t, dir, base, key, nil, func(m *Manifest) { m.Format = "jindu-events/2" })
		},
		want: ErrBadManifest, say: `format "jindu-events/2"`,
	}}

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, n := range []string{dataName, manName, sigName} {
				b, err := os.ReadFile(filepath.Join(tmpl, n))
				if err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(dir, n), b, 0o644)
			}
			if c.change != nil {
				c.change(t, dir)
			}
			trusted := c.trusted
			if trusted == nil {
				trusted = trustOnly(kiosk, pub)
			}
			m, events, err := ReadExport(filepath.Join(dir, manName), trusted)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.say) {
				t.Fatalf("message %q does not say %q", err, c.say)
			}
			if events != nil || m != (Manifest{}) {
				t.Fatal("a rejected export returned data")
			}
			t.Log(err)
		})
	}

	// The untouched export reads fine; a path that is not a manifest does not.
	if _, evs, err := ReadExport(filepath.Join(tmpl, manName), trustOnly(kiosk, pub)); err != nil || len(evs) != 50 {
		t.Fatalf("untouched export: %d events, %v", len(evs), err)
	}
	if _, _, err := ReadExport(filepath.Join(tmpl, dataName), trustOnly(kiosk, pub)); !errors.Is(err, ErrBadManifest) {
		t.Fatalf("data file as manifest: %v", err)
	}
}
