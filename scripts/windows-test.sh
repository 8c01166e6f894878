#!/bin/bash
# windows-test.sh: cross-compiles the unit tests of every package with Windows-specific
# code (a *_windows.go file, or a build constraint naming windows or unix) for
# windows/amd64 and runs each test binary under Wine, in its package directory, with a
# throwaway Wine prefix. Needs wine (Debian: wine wine64) and, for packages that use cgo,
# mingw-w64. `make windows-test` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wine >/dev/null || { echo "windows-test: wine is not installed (apt-get install wine wine64)" >&2; exit 1; }
out=$(mktemp -d)
trap 'wineserver -k 2>/dev/null || true; rm -rf "$out"' EXIT
export WINEPREFIX=$out/prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
mapfile -t dirs < <( { find cmd internal -name '*_windows.go'; grep -rlE '^//go:build .*(windows|unix)' --include='*.go' cmd internal; } |
	xargs -n1 dirname | sort -u)
echo "packages with Windows-specific code: ${dirs[*]}"
wineboot --init >/dev/null 2>&1 || true
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
	if (cd "$d" && wine "$out/$name.test.exe" -test.v -test.count=1 >"$out/$name.log" 2>&1); then
		echo "ok   $d: $(grep -c -- '--- PASS' "$out/$name.log" || true) passed, $(grep -c -- '--- SKIP' "$out/$name.log" || true) skipped"
		grep -- '--- SKIP' -A1 "$out/$name.log" | grep -v -e '--- SKIP' -e '^--$' | sed 's/^/       skip: /' || true
	else
		echo "FAIL $d under wine:" >&2
		tail -40 "$out/$name.log" >&2
		fails=$((fails + 1))
	fi
done
[ "$fails" = 0 ] || { echo "windows-test: $fails package(s) failed" >&2; exit 1; }
echo "PASS windows-test: ${#dirs[@]} packages under $(wine --version)"
