// Package content loads and validates an exhibit content root: the zones, history timeline,
// drug catalogue, disguise game, harm cases and attract loop that the kiosk shows. A content
// root is any fs.FS (the embedded demo or an installed pack); the format is in
// docs/content-format.md. Every file is bounded before it is read and every id is bounded
// (Limits), so a hostile root is refused rather than exhausting the kiosk. The package has
// no UI dependency.
package content
