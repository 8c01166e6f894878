// A stand-in for Windows 10's bcryptprimitives.dll, which Wine 8 (Debian 12) lacks and every
// program built by Go 1.22 or later loads at start (ProcessPrng, its random source): it
// forwards to BCryptGenRandom, which Wine has. For running tests under Wine only
// (scripts/windows-test.sh); never shipped.
#include <windows.h>
#include <bcrypt.h>
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	return BCryptGenRandom(NULL, data, (ULONG)len, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}
