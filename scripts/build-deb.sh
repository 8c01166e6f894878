#!/bin/bash
# build-deb.sh OUTDIR [BINDIR]: builds jindu-kiosk_<version>_<arch>.deb from the programs
# in BINDIR (default bin/, made by `make build`), the demo content (assets/content), the
# units and rules in deploy/ and a default config, with dpkg-deb. Prints the path of the package. `make package` runs it.
# DEB_VERSION overrides the version (default: FyneApp.toml's Version + git date and hash).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: build-deb.sh OUTDIR [BINDIR]}
bin=${2:-bin}
for p in kiosk kioskctl kiosk-hub; do
	[ -x "$bin/$p" ] || { echo "build-deb: $bin/$p missing: run make build" >&2; exit 1; }
done

base=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' cmd/kiosk/FyneApp.toml)
if [ -z "${DEB_VERSION:-}" ]; then
	DEB_VERSION="$base"
	if git rev-parse --git-dir >/dev/null 2>&1; then
		DEB_VERSION="$base+git$(git log -1 --format=%cd --date=format:%Y%m%d).$(git rev-parse --short HEAD)"
	fi
fi
arch=$(dpkg --print-architecture)

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root=$stage/root
install -d "$root/DEBIAN"
install -D -m 0755 "$bin/kiosk" "$root/usr/bin/kiosk"
install -D -m 0755 "$bin/kioskctl" "$root/usr/bin/kioskctl"
install -D -m 0755 "$bin/kiosk-hub" "$root/usr/bin/kiosk-hub"
for u in deploy/systemd/*.service deploy/usb/jindu-usb@.service; do
	install -D -m 0644 "$u" "$root/usr/lib/systemd/system/$(basename "$u")"
done
install -D -m 0644 deploy/usb/99-jindu-usb.rules "$root/usr/lib/udev/rules.d/99-jindu-usb.rules"
install -D -m 0755 deploy/usb/mount-usb "$root/usr/lib/jindu-usb/mount-usb"
# The demo content the kiosk falls back to, as files (internal/demo finds it beside
# /usr/bin): not inside the program, whose pages every kiosk would otherwise keep mapped.
demo=$root/usr/share/jindu-kiosk/demo
install -d -m 0755 "$demo"
cp -r assets/content/. "$demo/"
find "$demo" -type d -exec chmod 0755 {} + && find "$demo" -type f -exec chmod 0644 {} +
install -d -m 0755 "$root/etc/jindu-kiosk" "$root/etc/default"
# The documented defaults, with the packaged data directory.
"$bin/kioskctl" config example |
	sed 's|^# data_dir = .*|data_dir = "/var/lib/jindu-kiosk"|' >"$root/etc/jindu-kiosk/kiosk.toml"
grep -q '^data_dir = "/var/lib/jindu-kiosk"' "$root/etc/jindu-kiosk/kiosk.toml" ||
	{ echo "build-deb: could not set data_dir in the default config" >&2; exit 1; }
printf '%s\n' "# deploy/usb/mount-usb: the kiosk's account, and the config whose [packs] usb_dir" \
	"# (read-only) and [events] export_dir (read-write) the stick is mounted at." \
	"KIOSK_USER=jindu-kiosk" "KIOSK_CONFIG=/etc/jindu-kiosk/kiosk.toml" >"$root/etc/default/jindu-usb"
chmod 0644 "$root/etc/jindu-kiosk/kiosk.toml" "$root/etc/default/jindu-usb"
doc=$root/usr/share/doc/jindu-kiosk
install -d "$doc"
for d in install.md operator-card.md hub.md content-packs.md; do
	[ -f "docs/$d" ] && install -m 0644 "docs/$d" "$doc/"
done
install -m 0644 deploy/debian/copyright "$doc/copyright"

install -m 0644 deploy/debian/conffiles "$root/DEBIAN/conffiles"
install -m 0755 deploy/debian/postinst deploy/debian/prerm deploy/debian/postrm "$root/DEBIAN/"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size/" \
	deploy/debian/control.in >"$root/DEBIAN/control"

mkdir -p "$out"
deb="$out/jindu-kiosk_${DEB_VERSION}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
echo "$deb"
