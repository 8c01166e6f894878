package evsync

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"syscall"
)

// syncDir flushes a directory's entries (new names, renames) to disk. File systems that
// cannot sync a directory report EINVAL or "unsupported"; that is not an error here. Not on
// Windows: a directory cannot be flushed through the read-only handle os.Open gives
// (FlushFileBuffers: access denied, which left a Windows kiosk without its signing key),
// and NTFS journals directory changes itself.
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync directory: %w", err)
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil && !errors.Is(err, syscall.EINVAL) && !errors.Is(err, errors.ErrUnsupported) {
		return fmt.Errorf("sync directory %s: %w", dir, err)
	}
	return nil
}
