package hub

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/jindu-edu/kiosk/internal/evsync"
)

// ImportResult describes one imported USB export.
type ImportResult struct {
	Path     string `json:"path"`     // the manifest
	KioskID  string `json:"kiosk_id"` // whose events
	From     int64  `json:"from"`     // seq range of the export, inclusive
	To       int64  `json:"to"`
	Count    int    `json:"count"`    // events in the export
	Inserted int    `json:"inserted"` // of them, new to the hub (0 for a repeated import)
}

// RejectedError is Import's error for an export that evsync.ReadExport refused (tampered,
// truncated, incomplete, unknown kiosk, …). Its message is ReadExport's, which tells staff
// what to do.
type RejectedError struct {
	Path string
	Err  error
}

func (e *RejectedError) Error() string { return e.Err.Error() }
func (e *RejectedError) Unwrap() error { return e.Err }

// Import reads the USB export whose manifest is manifestPath with evsync.ReadExport,
// trusting for each kiosk only the public key in store's registry, and stores its events.
// Importing the same export again stores nothing new (Inserted 0).
func Import(ctx context.Context, store Store, manifestPath string) (ImportResult, error) {
	res := ImportResult{Path: manifestPath}
	var lookupErr error
	trusted := func(kioskID string) (ed25519.PublicKey, bool) {
		k, err := store.Kiosk(ctx, kioskID)
		if err != nil {
			if !errors.Is(err, ErrNotFound) {
				lookupErr = err
			}
			return nil, false
		}
		return k.PublicKey, true
	}
	m, events, err := evsync.ReadExport(manifestPath, trusted)
	if lookupErr != nil {
		return res, fmt.Errorf("import %s: %w", manifestPath, lookupErr)
	}
	if err != nil {
		if errors.Is(err, evsync.ErrUnknownKiosk) || errors.Is(err, evsync.ErrWrongKey) {
			err = nameKeyHolder(ctx, store, manifestPath, err)
		}
		return res, &RejectedError{Path: manifestPath, Err: err}
	}
	res.KioskID, res.From, res.To, res.Count = m.KioskID, m.From, m.To, len(events)
	_, inserted, err := store.Insert(ctx, m.KioskID, events)
	if errors.Is(err, ErrInvalidEvent) {
		return res, &RejectedError{Path: manifestPath, Err: err}
	}
	if err != nil {
		return res, fmt.Errorf("import %s: %w", manifestPath, err)
	}
	res.Inserted = inserted
	return res, nil
}

// nameKeyHolder adds to a refused import of kiosk X the ids the export's signing key is
// registered under, when that is another kiosk: the export was made under another id
// (the kiosk was renamed, or ran on a default id while its config was broken).
func nameKeyHolder(ctx context.Context, store Store, manifestPath string, err error) error {
	raw, rerr := os.ReadFile(manifestPath)
	if rerr != nil {
		return err
	}
	var m evsync.Manifest
	if json.Unmarshal(raw, &m) != nil {
		return err
	}
	pub, perr := evsync.ParsePublicKey(m.PublicKey)
	if perr != nil {
		return err
	}
	holders, kerr := store.KiosksByKey(ctx, pub)
	if kerr != nil || len(holders) == 0 {
		return err
	}
	ids := make([]string, len(holders))
	for i, k := range holders {
		ids[i] = k.ID
	}
	return fmt.Errorf("%w; the key of this export is registered for kiosk %s: the kiosk recorded these events under the id %q "+
		"(renamed, or started with a broken config). To take them, register %q for the same key: "+
		"kiosk-hub kiosk add --id %s --key %s --token NEW-TOKEN --same-kiosk-as %s",
		err, strings.Join(ids, ", "), m.KioskID, m.KioskID, m.KioskID, m.PublicKey, ids[0])
}
