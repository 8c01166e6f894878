//go:build !unix && !windows

package pack

// lockFile is a no-op where neither flock nor LockFileEx is available.
func lockFile(string) (func(), error) { return func() {}, nil }

// freeBytes reports unlimited space where statfs is unavailable.
func freeBytes(string) (int64, error) { return 1 << 62, nil }
