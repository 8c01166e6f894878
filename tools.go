//go:build tools

// This file pins modules the product card names before the code that uses them lands:
// modernc.org/sqlite is the event log's store (the event-log issue). The "tools" build tag
// keeps it out of every binary until then.
package tools

import _ "modernc.org/sqlite"
