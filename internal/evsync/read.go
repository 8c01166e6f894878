package evsync

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jindu-edu/kiosk/internal/eventlog"
)

// ReadExport's errors wrap one of these, so that callers can tell them apart with
// errors.Is; the messages say what a staff member can do.
var (
	ErrIncomplete   = errors.New("export incomplete")                 // a file of the set is missing
	ErrUnknownKiosk = errors.New("kiosk not registered")              // trusted has no key for the kiosk
	ErrWrongKey     = errors.New("signed by an unregistered key")     // valid signature, but not by the registered key
	ErrBadSignature = errors.New("manifest signature invalid")        // the manifest or its signature was altered
	ErrBadManifest  = errors.New("manifest unreadable")               // not a manifest this version understands
	ErrDataMismatch = errors.New("data file does not match manifest") // size or SHA-256 differ: truncated or altered
	ErrBadData      = errors.New("data file damaged")                 // signed, but the content is wrong
)

// Limits on what ReadExport accepts.
const (
	maxManifestBytes = 1 << 20
	maxLineBytes     = 4 << 20
)

// ReadExport reads the export whose manifest is manifestPath (<base>.manifest.json). It
// verifies <base>.manifest.sig (ed25519 over the exact manifest bytes) with the key that
// trusted returns for the manifest's kiosk, then the data file's size and SHA-256, then
// gunzips and parses every NDJSON line and checks the count, the kiosk id of each event,
// and that seqs increase strictly within the manifest's range. Any mismatch is an error
// and nothing is returned partially.
func ReadExport(manifestPath string, trusted func(kioskID string) (ed25519.PublicKey, bool)) (Manifest, []eventlog.Event, error) {
	m, err := readManifest(manifestPath, trusted)
	if err != nil {
		return Manifest{}, nil, err
	}
	dataPath := filepath.Join(filepath.Dir(manifestPath), m.File)
	if err := checkDataFile(dataPath, m); err != nil {
		return Manifest{}, nil, err
	}
	events, err := readEvents(dataPath, m)
	if err != nil {
		return Manifest{}, nil, err
	}
	return m, events, nil
}

func readManifest(path string, trusted func(string) (ed25519.PublicKey, bool)) (Manifest, error) {
	name := filepath.Base(path)
	base, ok := strings.CutSuffix(name, ManifestSuffix)
	if !ok {
		return Manifest{}, fmt.Errorf("%w: %s is not a manifest (its name must end in %s)", ErrBadManifest, name, ManifestSuffix)
	}
	raw, err := readSmall(path, maxManifestBytes)
	if err != nil {
		return Manifest{}, fmt.Errorf("%w: read manifest %s: %v", ErrIncomplete, name, err)
	}
	sigName := base + SignatureSuffix
	sigText, err := readSmall(filepath.Join(filepath.Dir(path), sigName), 1024)
	if errors.Is(err, fs.ErrNotExist) {
		return Manifest{}, fmt.Errorf("%w: signature file %s is missing; copy all three files of the export, or export again at the kiosk", ErrIncomplete, sigName)
	} else if err != nil {
		return Manifest{}, fmt.Errorf("%w: read %s: %v", ErrIncomplete, sigName, err)
	}

	var m Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		return Manifest{}, fmt.Errorf("%w: %s: %v (damaged? copy it again or export again at the kiosk)", ErrBadManifest, name, err)
	}
	if m.Format != Format {
		return Manifest{}, fmt.Errorf("%w: %s has format %q; this program reads %q (update it)", ErrBadManifest, name, m.Format, Format)
	}

	pub, ok := trusted(m.KioskID)
	if !ok {
		return Manifest{}, fmt.Errorf("%w: kiosk %q is not registered at this office; register its public key %s, then read the export again",
			ErrUnknownKiosk, m.KioskID, m.PublicKey)
	}
	if len(pub) != ed25519.PublicKeySize {
		return Manifest{}, fmt.Errorf("%w: the key registered for kiosk %q is not an ed25519 public key; register it again", ErrUnknownKiosk, m.KioskID)
	}
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(sigText)))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return Manifest{}, fmt.Errorf("%w: %s is not a signature; the export was altered or damaged, export again at the kiosk", ErrBadSignature, sigName)
	}
	if !ed25519.Verify(pub, raw, sig) {
		// Tell a key change (kiosk reinstalled, files from another kiosk) from tampering:
		// the manifest names the key it claims to be signed with.
		if claimed, err := ParsePublicKey(m.PublicKey); err == nil && !claimed.Equal(pub) && ed25519.Verify(claimed, raw, sig) {
			return Manifest{}, fmt.Errorf("%w: the export says it is from kiosk %q, but was signed with key %s, not the key registered for that kiosk "+
				"(kiosk reinstalled, or the files come from another kiosk?); if the kiosk's key really changed, register the new key",
				ErrWrongKey, m.KioskID, m.PublicKey)
		}
		return Manifest{}, fmt.Errorf("%w: %s does not match its signature: the manifest or signature was altered or damaged; do not use it, export again at the kiosk",
			ErrBadSignature, name)
	}

	// Signed by the kiosk: the content is what the kiosk wrote, but still check it.
	if m.File == "" || m.File != filepath.Base(m.File) || m.File == "." || m.File == ".." || strings.ContainsAny(m.File, `/\`) {
		return Manifest{}, fmt.Errorf("%w: %s names data file %q, which is not a plain file name", ErrBadManifest, name, m.File)
	}
	if m.From < 1 || m.To < m.From || m.Count < 1 || int64(m.Count) > m.To-m.From+1 || m.Size < 0 {
		return Manifest{}, fmt.Errorf("%w: %s: inconsistent range %d-%d for %d events", ErrBadManifest, name, m.From, m.To, m.Count)
	}
	return m, nil
}

// checkDataFile compares the data file's size and SHA-256 with the manifest.
func checkDataFile(path string, m Manifest) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%w: data file %s is missing; copy all three files of the export, or export again at the kiosk", ErrIncomplete, m.File)
	} else if err != nil {
		return fmt.Errorf("%w: open data file %s: %v", ErrIncomplete, m.File, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf("read data file %s: %w", m.File, err)
	}
	if st.Size() != m.Size {
		return fmt.Errorf("%w: %s is %d bytes, the manifest says %d: the copy is truncated or altered; copy it again or export again at the kiosk",
			ErrDataMismatch, m.File, st.Size(), m.Size)
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("read data file %s: %w", m.File, err)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != strings.ToLower(m.SHA256) {
		return fmt.Errorf("%w: %s has SHA-256 %s, the manifest says %s: the file was altered or damaged; copy it again or export again at the kiosk",
			ErrDataMismatch, m.File, got, m.SHA256)
	}
	return nil
}

// readEvents gunzips and parses the data file and checks every event against m.
func readEvents(path string, m Manifest) ([]eventlog.Event, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read data file %s: %w", m.File, err)
	}
	defer f.Close()
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s: %s; export again at the kiosk", ErrBadData, m.File, fmt.Sprintf(format, args...))
	}
	gz, err := gzip.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, bad("not gzip data (%v)", err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 64<<10), maxLineBytes)
	events := make([]eventlog.Event, 0, m.Count)
	prev := m.From - 1
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			return nil, bad("line %d is empty", line)
		}
		if line > m.Count {
			return nil, bad("more than the %d events the manifest lists", m.Count)
		}
		var e eventlog.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return nil, bad("line %d is not an event: %v", line, err)
		}
		switch {
		case e.ID == "":
			return nil, bad("line %d: event without id", line)
		case e.KioskID != m.KioskID:
			return nil, bad("line %d: event of kiosk %q in an export of kiosk %q", line, e.KioskID, m.KioskID)
		case e.Seq < m.From || e.Seq > m.To:
			return nil, bad("line %d: seq %d is outside the range %d-%d", line, e.Seq, m.From, m.To)
		case e.Seq <= prev:
			return nil, bad("line %d: seq %d does not follow %d", line, e.Seq, prev)
		}
		prev = e.Seq
		events = append(events, e)
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, bad("the compressed data ends early (truncated before it was signed)")
		}
		return nil, bad("after line %d: %v", line, err)
	}
	if len(events) != m.Count {
		return nil, bad("%d events, the manifest says %d", len(events), m.Count)
	}
	return events, nil
}

// readSmall reads a file of at most limit bytes.
func readSmall(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("larger than %d bytes", limit)
	}
	return b, nil
}
