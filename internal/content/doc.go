// Package content loads and validates an exhibit content root: the zones, history timeline,
// drug catalogue, disguise game, harm cases and attract loop that the kiosk shows. A content
// root is any fs.FS (the embedded demo or an installed pack); the format is in
// docs/content-format.md. The package has no UI dependency.
package content
