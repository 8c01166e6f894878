#!/bin/bash
# fyne-package-test.sh TARBALL [VERSION]: checks the Fyne package made by `make fyne-package`:
#   - it holds the kiosk binary, its icon (assets/icon.png), a .desktop entry and the
#     Makefile that installs them, all under one top directory;
#   - the desktop entry names the program, the icon and the app;
#   - the binary is an executable that prints VERSION for --version;
#   - `make install` / `make uninstall` with DESTDIR put the three files in place and take
#     them away again;
#   - the packaged binary paints its first full-screen frame under Xvfb at 1920x1080 (more
#     than 50 colours, the bottom-right corner painted) with a throwaway data directory;
#     SCREENSHOT=FILE keeps that frame; XVFB_DISPLAY=N picks the display number.
# `make fyne-package-test` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=${1:?usage: fyne-package-test.sh TARBALL [VERSION]}
want_version=${2:-}
work=$(mktemp -d)
xvfb=
kiosk=
trap '[ -z "$kiosk" ] || kill "$kiosk" 2>/dev/null; [ -z "$xvfb" ] || kill "$xvfb" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

id=$(sed -n 's/^ID *= *"\(.*\)"/\1/p' cmd/kiosk/FyneApp.toml)
name=$(sed -n 's/^Name *= *"\(.*\)"/\1/p' cmd/kiosk/FyneApp.toml)
list=$(tar -tJf "$tarball")
top=$(head -1 <<<"$list" | cut -d/ -f1)
if grep -qv "^$top/" <<<"$list"; then fail "entries outside $top/: $(grep -v "^$top/" <<<"$list")"; fi
# usr/local/… when the packaging machine has /usr/local, else usr/…
bin=$(grep -E "^$top/usr/(local/)?bin/kiosk\$" <<<"$list") || fail "no bin/kiosk in: $list"
prefix=${bin%/bin/kiosk}
for f in "$top/Makefile" "$prefix/share/applications/$id.desktop" "$prefix/share/pixmaps/$id.png"; do
	grep -qx "$f" <<<"$list" || fail "package lacks $f"
done
ok "contents: $(grep -cv '/$' <<<"$list") files under $top/: kiosk, $id.desktop, $id.png, Makefile"

tar -xJf "$tarball" -C "$work"
desk=$work/$prefix/share/applications/$id.desktop
for l in "Type=Application" "Name=$name" "Exec=kiosk" "Icon=$id" "Categories=Education;"; do
	grep -qx "$l" "$desk" || fail "desktop entry lacks '$l': $(cat "$desk")"
done
cmp -s "$work/$prefix/share/pixmaps/$id.png" assets/icon.png || fail "the icon is not assets/icon.png"
file -b "$work/$bin" | grep -q "^ELF 64-bit .*executable" || fail "kiosk is not an executable: $(file -b "$work/$bin")"
[ -x "$work/$bin" ] || fail "kiosk is not executable"
got=$("$work/$bin" --version)
if [ -n "$want_version" ] && ! grep -qF "$want_version" <<<"$got"; then fail "--version says '$got', want $want_version"; fi
ok "desktop entry, icon, binary (--version: $got)"

dest=$work/dest
make -s -C "$work/$top" install DESTDIR="$dest" PREFIX=/usr >/dev/null
for f in usr/bin/kiosk "usr/share/applications/$id.desktop" "usr/share/pixmaps/$id.png"; do
	[ -f "$dest/$f" ] || fail "make install did not install /$f"
done
[ -x "$dest/usr/bin/kiosk" ] || fail "installed kiosk not executable"
make -s -C "$work/$top" uninstall DESTDIR="$dest" PREFIX=/usr >/dev/null
[ -z "$(find "$dest" -type f)" ] || fail "make uninstall left: $(find "$dest" -type f)"
ok "make install / uninstall (DESTDIR, PREFIX=/usr)"

if ! command -v Xvfb >/dev/null || ! command -v import >/dev/null; then
	echo "skip first frame under Xvfb (needs xvfb and imagemagick: make deps-headless)"
	exit 0
fi
disp=:${XVFB_DISPLAY:-$((140 + RANDOM % 20))}
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
mkdir -p "$work/data"
DISPLAY=$disp LANG=zh_CN.UTF-8 "$work/$bin" --data "$work/data" >"$work/kiosk.log" 2>&1 &
kiosk=$!
colours=0 corner=0
for _ in $(seq 150); do # up to about 30 s on a loaded machine
	kill -0 "$kiosk" 2>/dev/null || { cat "$work/kiosk.log" >&2; fail "the packaged kiosk exited"; }
	if DISPLAY=$disp import -window root "$work/frame.png" 2>/dev/null; then
		colours=$(identify -format %k "$work/frame.png" 2>/dev/null || echo 0)
		# painted, and full screen: the bottom-right corner is no longer the root's black
		corner=$(convert "$work/frame.png" -crop 100x100+1800+950 -format '%[fx:mean>0.02]' info: 2>/dev/null || echo 0)
		[ "$colours" -gt 50 ] && [ "$corner" = 1 ] && break
	fi
	sleep 0.2
done
[ "$colours" -gt 50 ] && [ "$corner" = 1 ] ||
	{ tail -20 "$work/kiosk.log" >&2; fail "no full-screen first frame ($colours colours, corner painted: $corner)"; }
# the kept screenshot a little later: the first full-screen frame may still be mid-layout
[ -z "${SCREENSHOT:-}" ] || { sleep 3; DISPLAY=$disp import -window root "$SCREENSHOT"; }
if grep -q "Error in Fyne call thread" "$work/kiosk.log"; then
	grep -m3 "Error in Fyne call thread" "$work/kiosk.log" >&2
	fail "the packaged build (fyneDo migration) reports UI calls off the main goroutine"
fi
ok "first frame under Xvfb: $colours colours${SCREENSHOT:+ (kept as $SCREENSHOT)}"
echo "PASS $(basename "$tarball")"
