// Package pack implements signed USB content packs: the *.jkpack format, its ed25519
// signatures, safe streaming extraction and atomic install with rollback. It imports no
// Fyne and no content code; the caller injects the content check. Format and staff
// workflow: docs/content-packs.md.
//
// A pack is a zip holding manifest.json (Manifest: format, id, zh/en title, version,
// created, min_app_version, target, key_id and every file's path, size and sha256),
// manifest.sig (standard base64 of ed25519.Sign over the exact manifest.json bytes, then a
// newline; 64 raw bytes are accepted too) and the content root under "root/".
//
// Reading a pack:
//
//	Verify(path, trust, limits) (Manifest, error)   // everything, hashes included
//	Info(path) (Manifest, signed bool, error)        // manifest only, for display
//	Scan(dir, trust, limits) []Found                 // packs on a stick: title, version, state, reason
//
// Installing, under data_dir/packs:
//
//	s, err := OpenStore(dir, log)                    // also removes leftovers of a killed install
//	s.Current() / s.Previous() (Installed, bool)     // Installed{Name, Dir (content root), Manifest}
//	s.Install(ctx, path, InstallOptions{...}) (Installed, error)
//	s.Rollback() (Installed, error)
//	s.BootStarting() (notice string, err error)     // before the first frame
//	s.BootOK() error                                 // after it
//	WriteReport(stickDir, Report) (path string, err error)
//
// Making packs (kioskctl pack): GenerateKey via crypto/ed25519, WritePrivateKey,
// ReadPrivateKey, PublicKeyString, ParsePublicKey(s), KeyID, Build, Sign.
//
// App packs (Manifest.Kind == KindApp, Manifest.App: program version, OS, arch) carry the
// kiosk program under root/bin/ instead of content; they are signed, verified and
// installed by the same code into their own store (data_dir/app), with
// InstallOptions.Kind = KindApp. BuildApp makes one; package appupdate starts them.
// Withdraw and FailCurrent are the staff's and the launcher's ways back.
//
// Every refusal is an *Error with a Code, the file concerned and English detail; its
// Error() and Message(err) are Chinese first, for staff.
package pack
