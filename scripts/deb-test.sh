#!/bin/bash
# deb-test.sh [BINDIR]: builds the .deb twice (two versions) and checks it the way an
# operator's PC would meet it, without touching this machine:
#   - dpkg-deb -I / -c: fields, every file in place, owned by root, conffiles listed;
#   - install into a throwaway root (dpkg --root, maintainer scripts run chrootless with
#     DPKG_ROOT): accounts created, data dir owned by the kiosk user, config in /etc;
#   - upgrade to the newer version: a staff-edited config is kept, the data dir is kept;
#   - remove, then purge: programs gone, the event-log directory kept;
#   - systemd-analyze verify on every unit as installed;
#   - the USB helper (deploy/usb/mount-usb_test.sh) and the paths in the packaged config;
#   - lintian, when installed (its findings are printed, not fatal).
# Needs dpkg, useradd/usermod (passwd) and systemd-analyze. `make package-test` runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

deb1=$(DEB_VERSION=0.1.0+test1 scripts/build-deb.sh "$work/out" "$bin")
deb2=$(DEB_VERSION=0.1.0+test2 scripts/build-deb.sh "$work/out" "$bin")

# --- the package as built
info=$(dpkg-deb -I "$deb1")
for f in "Package: jindu-kiosk" "Version: 0.1.0+test1" "Depends: cage, xwayland" "Architecture: $(dpkg --print-architecture)"; do
	grep -q "$f" <<<"$info" || fail "control lacks '$f'"
done
grep -q "/etc/jindu-kiosk/kiosk.toml" <(dpkg-deb -f "$deb1" >/dev/null; dpkg-deb --ctrl-tarfile "$deb1" | tar -xO ./conffiles) ||
	fail "kiosk.toml is not a conffile"
ok "control: $(grep -c . <<<"$info") lines, conffiles listed"
contents=$(dpkg-deb -c "$deb1")
for f in ./usr/bin/kiosk ./usr/bin/kioskctl ./usr/bin/kiosk-hub \
	./usr/lib/systemd/system/jindu-kiosk.service ./usr/lib/systemd/system/jindu-kiosk-safe.service \
	./usr/lib/systemd/system/jindu-kiosk-x11.service ./usr/lib/systemd/system/jindu-kiosk-hub.service \
	./usr/lib/systemd/system/jindu-usb@.service ./usr/lib/udev/rules.d/99-jindu-usb.rules \
	./usr/lib/jindu-usb/mount-usb ./etc/jindu-kiosk/kiosk.toml ./etc/default/jindu-usb \
	./usr/share/doc/jindu-kiosk/install.md ./usr/share/doc/jindu-kiosk/copyright \
	./usr/share/jindu-kiosk/demo/content/meta.yaml; do
	grep -q " $f\$" <<<"$contents" || fail "package lacks $f"
done
if grep -v " root/root " <<<"$contents" | grep -q .; then fail "files not owned by root: $(grep -v ' root/root ' <<<"$contents")"; fi
grep -q "^-rwxr-xr-x .* ./usr/bin/kiosk\$" <<<"$contents" || fail "kiosk is not executable"
ok "contents: $(grep -c . <<<"$contents") entries, all root-owned"

# --- a throwaway root with the host's accounts and a dpkg database
root=$work/root
mkdir -p "$root/etc" "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/usr/sbin"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
cp /etc/passwd /etc/group "$root/etc/"
cp /etc/shadow /etc/gshadow "$root/etc/" 2>/dev/null || true
[ -f /etc/login.defs ] && cp /etc/login.defs "$root/etc/"
dpkg_root() { dpkg --root="$root" --force-script-chrootless --force-depends --force-not-root \
	--log=/dev/null "$@" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg $*"; }; }

dpkg_root -i "$deb1"
grep -q "^jindu-kiosk:" "$root/etc/passwd" || fail "postinst did not create jindu-kiosk"
grep -q "^jindu-hub:" "$root/etc/passwd" || fail "postinst did not create jindu-hub"
uid=$(awk -F: '$1 == "jindu-kiosk" { print $3 }' "$root/etc/passwd")
[ "$(stat -c %u "$root/var/lib/jindu-kiosk")" = "$uid" ] || fail "data dir not owned by jindu-kiosk"
[ "$(stat -c %a "$root/var/lib/jindu-kiosk")" = 750 ] || fail "data dir mode $(stat -c %a "$root/var/lib/jindu-kiosk")"
if grep -q "^video:" /etc/group; then
	grep -q "^video:.*jindu-kiosk" "$root/etc/group" || fail "jindu-kiosk not in group video"
fi
grep -q '^data_dir = "/var/lib/jindu-kiosk"' "$root/etc/jindu-kiosk/kiosk.toml" || fail "config data_dir"
"$root/usr/bin/kioskctl" config example >/dev/null || fail "installed kioskctl does not run"
"$root/usr/bin/kiosk" --version | grep -q . || fail "installed kiosk --version"
# the demo the kiosk falls back to is installed whole and valid
"$root/usr/bin/kioskctl" content lint "$root/usr/share/jindu-kiosk/demo" >/dev/null || fail "installed demo content does not lint"
# the units start the kiosk through the launcher: with no program update it picks the kiosk beside it
JINDU_KIOSK_CONFIG= "$root/usr/bin/kioskctl" app status --data "$work/appdata" | grep -q "下次启动将运行：$root/usr/bin/kiosk（" ||
	fail "kioskctl app launch would not start the packaged kiosk"
grep -q "ExecStart=.*/usr/bin/kioskctl app launch" "$root/usr/lib/systemd/system/jindu-kiosk.service" || fail "unit does not start the launcher"
ok "install: accounts, /var/lib/jindu-kiosk owned by uid $uid mode 750, config in /etc"

# --- upgrade keeps a staff-edited config and the data
sed -i 's/^kiosk_id = .*/kiosk_id = "nanming-hall-2"/' "$root/etc/jindu-kiosk/kiosk.toml"
echo data >"$root/var/lib/jindu-kiosk/events.db"
dpkg_root -i "$deb2"
grep -q "^Version: 0.1.0+test2" <(dpkg --root="$root" -s jindu-kiosk) || fail "upgrade did not take"
grep -q 'kiosk_id = "nanming-hall-2"' "$root/etc/jindu-kiosk/kiosk.toml" || fail "upgrade lost the edited config"
[ -f "$root/var/lib/jindu-kiosk/events.db" ] || fail "upgrade lost the event log"
ok "upgrade 0.1.0+test1 → 0.1.0+test2: edited config and event log kept"

# --- units as installed (ExecStart programs that only a kiosk PC has are stubbed)
for p in cage xinit; do [ -e "$root/usr/bin/$p" ] || { printf '#!/bin/sh\n' >"$root/usr/bin/$p"; chmod +x "$root/usr/bin/$p"; }; done
if systemd-analyze --help 2>/dev/null | grep -q -- --root && [ -d /usr/lib/systemd/system ]; then
	# the units they refer to (targets, getty@, …) as this machine's systemd has them
	cp -rn /usr/lib/systemd/system/. "$root/usr/lib/systemd/system/"
	out=$(systemd-analyze verify --root="$root" "$root"/usr/lib/systemd/system/jindu-*.service 2>&1 || true)
	# a throwaway root has no getty@/plymouth/graphical.target; those notes are expected
	bad=$(grep -v -e "getty@tty1" -e "plymouth" -e "graphical.target" -e "network-online" -e "multi-user.target" \
		-e "systemd-user-sessions" -e "^$" <<<"$out" || true)
	[ -z "$bad" ] || fail "systemd-analyze verify: $bad"
	ok "systemd-analyze verify: $(ls "$root"/usr/lib/systemd/system/jindu-*.service | wc -l) units clean"
else
	echo "skip systemd-analyze verify (no --root support)"
fi

# --- the USB helper's mounts as the installed config asks for them (stub mount commands)
sh deploy/usb/mount-usb_test.sh
grep -q "^export_dir = '/media/usb-export'" "$root/etc/jindu-kiosk/kiosk.toml" &&
	grep -q "^usb_dir = '/media/usb'" "$root/etc/jindu-kiosk/kiosk.toml" ||
	fail "the packaged config does not have the paths deploy/usb mounts at"
grep -q "^KIOSK_CONFIG=/etc/jindu-kiosk/kiosk.toml" "$root/etc/default/jindu-usb" || fail "/etc/default/jindu-usb lacks KIOSK_CONFIG"
ok "USB: packs read-only at /media/usb, exports read-write at /media/usb-export"

# --- remove, purge
dpkg_root -r jindu-kiosk
[ ! -e "$root/usr/bin/kiosk" ] || fail "remove left /usr/bin/kiosk"
[ -f "$root/etc/jindu-kiosk/kiosk.toml" ] || fail "remove deleted the config (only purge may)"
dpkg_root -P jindu-kiosk
[ ! -e "$root/etc/jindu-kiosk/kiosk.toml" ] || fail "purge left the config"
[ -f "$root/var/lib/jindu-kiosk/events.db" ] || fail "purge deleted the event log"
ok "remove keeps the config; purge removes it and keeps /var/lib/jindu-kiosk"

if command -v lintian >/dev/null; then
	lintian --no-tag-display-limit "$deb2" || true
else
	echo "skip lintian (not installed)"
fi
echo "PASS $(basename "$deb1")"
