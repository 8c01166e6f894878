package evsync

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// syncDir flushes a directory's entries (new names, renames) to disk. File systems that
// cannot sync a directory report EINVAL or "unsupported"; that is not an error here.
func syncDir(dir string) error {
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
