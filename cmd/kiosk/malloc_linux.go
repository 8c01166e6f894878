//go:build linux && cgo

package main

/*
#include <malloc.h>
*/
import "C"

// mallocBigThreshold is the size from which C allocations get their own mapping.
const mallocBigThreshold = 128 << 10

// mallocBig makes C allocations of 128 KiB and more (Mesa's textures and frame buffers)
// come from their own mappings, which go back to the system when freed. glibc starts there
// too, but raises the threshold each time such a block is freed, so later textures come from
// the main heap, which seldom shrinks: in a 3,000-tap soak the C heap grew from 100 to
// 213 MB; fixed at 128 KiB it stayed at 53–85 MB. Setting it turns glibc's adjustment off.
func mallocBig() bool { return C.mallopt(C.M_MMAP_THRESHOLD, mallocBigThreshold) == 1 }

// mallocTrim gives the C heap's free pages back to the system: text textures and other
// small blocks come and go with every screen and leave the heap full of holes that glibc
// keeps (a soak's C heap grew by 40–50 MB between 1,000 and 10,000 taps without it).
func mallocTrim() { C.malloc_trim(0) }
