//go:build !unix

package pack

// lockFile is a no-op where flock is unavailable (the kiosk runs on Linux).
func lockFile(string) (func(), error) { return func() {}, nil }

// freeBytes reports unlimited space where statfs is unavailable.
func freeBytes(string) (int64, error) { return 1 << 62, nil }
