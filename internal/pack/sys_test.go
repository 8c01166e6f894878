package pack

import "testing"

// The install's space check asks the system (statfs, GetDiskFreeSpaceEx): a real, finite
// answer, not the "unlimited" of a platform without one.
func TestFreeBytesIsReal(t *testing.T) {
	free, err := freeBytes(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if free <= 0 || free >= 1<<60 {
		t.Fatalf("free space %d bytes", free)
	}
}
