#!/bin/bash
# windows-test.sh: cross-compiles the unit tests of every package with Windows-specific
# code (a *_windows.go file, a build constraint naming windows or unix, or a
# runtime.GOOS == "windows" branch) for
# windows/amd64 and runs each test binary under Wine, in its package directory, with a
# throwaway Wine prefix. Needs wine (Debian: wine wine64) and, for packages that use cgo,
# mingw-w64. `make windows-test` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wine >/dev/null || { echo "windows-test: wine is not installed (apt-get install wine wine64)" >&2; exit 1; }
out=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$out"' EXIT
export WINEPREFIX=$out/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
mapfile -t dirs < <( { find cmd internal -name '*_windows.go'; grep -rlE '^//go:build .*(windows|unix)' --include='*.go' cmd internal;
	grep -rl 'GOOS == "windows"' --include='*.go' cmd internal; } |
	xargs -n1 dirname | sort -u)
# WINDOWS_TEST_PKGS="internal/config internal/pack" runs only those.
[ -z "${WINDOWS_TEST_PKGS:-}" ] || read -ra dirs <<<"$WINDOWS_TEST_PKGS"
# cmd/kiosk's tests drive the real Linux binary under Xvfb (fifos, signals) and do not build
# for Windows; its Windows build is checked by starting kiosk.exe under Wine (install.md).
mapfile -t dirs < <(printf '%s\n' "${dirs[@]}" | grep -vx cmd/kiosk)
echo "packages with Windows-specific code: ${dirs[*]}"
wineboot --init >/dev/null 2>&1 || true
# Wine 8 has no bcryptprimitives.dll, without which no Go 1.22+ program starts: a stand-in.
if [ ! -e "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ]; then
	x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
		scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -lbcrypt
fi
fails=0
for d in "${dirs[@]}"; do
	name=$(echo "$d" | tr / _)
	# cmd/kiosk links Fyne's OpenGL driver through cgo: mingw-w64 builds it.
	if ! GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc \
		go test -c -o "$out/$name.test.exe" "./$d"; then
		echo "FAIL $d: does not compile for windows" >&2
		fails=$((fails + 1))
		continue
	fi
	[ -e "$out/$name.test.exe" ] || { echo "--   $d: no tests"; continue; }
	(cd "$d" && timeout 900 wine "$out/$name.test.exe" -test.v -test.count=1 >"$out/$name.log" 2>&1) || true
	# Wine 8 lacks the delete call Go 1.26's os.RemoveAll uses ("unlinkat …: Invalid
	# function."), so every t.TempDir cleanup fails there. A test whose only complaint is
	# that cleanup is counted as passed; any other failure fails.
	real=$(awk '
		/^=== (RUN|CONT)/ { t = $3 }
		/^[ \t]+[a-z_]+\.go:[0-9]+: / && !/TempDir RemoveAll cleanup: .*Invalid function/ { bad[t] = 1 }
		/^[ \t]*--- FAIL: / { n = $3; if (bad[n]) print n }
		/^(panic|fatal error):/ { print "(" $0 ")" }' "$out/$name.log" | sort -u)
	if [ -z "$real" ] && grep -qE -e '^(ok|PASS|FAIL)' "$out/$name.log"; then
		echo "ok   $d: $(grep -c -- '--- PASS' "$out/$name.log" || true) passed, $(grep -c -- '--- SKIP' "$out/$name.log" || true) skipped, $(grep -c -- '--- FAIL' "$out/$name.log" || true) failed only on Wine's temp-dir cleanup"
	else
		echo "FAIL $d under wine: ${real:-no result}" >&2
		grep -v "TempDir RemoveAll cleanup" "$out/$name.log" | grep -B2 -A8 -e '--- FAIL' -e '^panic' | head -60 >&2
		fails=$((fails + 1))
	fi
done
[ "$fails" = 0 ] || { echo "windows-test: $fails package(s) failed" >&2; exit 1; }
echo "PASS windows-test: ${#dirs[@]} packages under $(wine --version)"
