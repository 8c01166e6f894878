#!/bin/sh
# mount-usb_test.sh: runs mount-usb against stub blkid/mount/umount/mountpoint/findmnt/id/
# mkdir/rmdir that record what they are asked and keep a table of "mounts", and checks which
# mounts it makes with which options, for each file system and config. Touches nothing on
# this machine, unless USB_TEST_REAL=1 (root: real mounts of a loop device, see the end).
# `make usb-test` and scripts/deb-test.sh run it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
t=$(mktemp -d)
loop=
# (after a failed real-mount check: nothing left mounted or attached)
trap 'rc=$?; if [ -n "$loop" ]; then umount -l "$t/real/usb" "$t/real/usb-export" 2>/dev/null; losetup -d "$loop" 2>/dev/null; fi; rm -rf "$t"; exit $rc' EXIT
stubs=$t/stubs
mkdir -p "$stubs"
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

# Stubs. $t/fstype is what blkid says; $t/mounts holds "SOURCE TARGET" lines; $t/log every call.
cat >"$stubs/blkid" <<EOF
#!/bin/sh
cat "$t/fstype"
EOF
cat >"$stubs/id" <<'EOF'
#!/bin/sh
case $1 in -u) echo 990 ;; -g) echo 980 ;; esac
EOF
cat >"$stubs/mount" <<EOF
#!/bin/sh
echo "mount \$*" >>"$t/log"
for a; do src=\$tgt; tgt=\$a; done
case "\$*" in *bind*) [ -e "$t/bind-fails" ] && exit 32 ;; esac
echo "\$src \$tgt" >>"$t/mounts"
EOF
cat >"$stubs/umount" <<EOF
#!/bin/sh
echo "umount \$*" >>"$t/log"
grep -v " \$1\\\$" "$t/mounts" >"$t/mounts.new" || true
mv "$t/mounts.new" "$t/mounts"
EOF
cat >"$stubs/mountpoint" <<EOF
#!/bin/sh
grep -q " \$2\\\$" "$t/mounts"
EOF
cat >"$stubs/findmnt" <<EOF
#!/bin/sh
# findmnt -n -o SOURCE --mountpoint DIR (a bind of a mount shows the device, as findmnt does)
src=\$(awk -v d="\$5" '\$2 == d { print \$1 }' "$t/mounts")
case \$src in /dev/*) echo "\$src" ;; "") exit 1 ;; *) awk -v d="\$src" '\$2 == d { print \$1 }' "$t/mounts" ;; esac
EOF
for c in mkdir rmdir; do
	printf '#!/bin/sh\necho "%s $*" >>"%s"\n' "$c" "$t/log" >"$stubs/$c"
done
chmod +x "$stubs"/*

# run FSTYPE CONFIG-TEXT ARGS…: runs mount-usb; its stderr in $t/err, exit status in $rc.
run() {
	printf '%s\n' "$1" >"$t/fstype"
	shift
	printf '%s\n' "$1" >"$t/kiosk.toml"
	shift
	: >"$t/log"
	rc=0
	PATH=$stubs:$PATH KIOSK_CONFIG=$t/kiosk.toml KIOSK_USER=kiosk sh "$here/mount-usb" "$@" >"$t/out" 2>"$t/err" || rc=$?
}
reset() { : >"$t/mounts"; rm -f "$t/bind-fails"; }
expect_log() { grep -qxF -- "$1" "$t/log" || fail "$2: expected '$1' in: $(cat "$t/log")"; }
expect_no() { if grep -q -- "$1" "$t/log"; then fail "$2: unexpected '$1' in: $(cat "$t/log")"; fi; }

conf='kiosk_id = "k1"
[packs]
trusted_keys = []
usb_dir = "/media/usb"   # where packs are read
[events]   # exports
export_dir = "/media/usb-export"'
view='mount -o bind,ro,nosuid,nodev,noexec,noatime /media/usb-export /media/usb'

# FAT32: read-write at the export path, files owned by the kiosk user and not executable;
# then the read-only view at the packs path.
reset
run vfat "$conf" sdb1
[ $rc = 0 ] || fail "vfat: exit $rc: $(cat "$t/err")"
expect_log "mount -t vfat -o rw,nosuid,nodev,noexec,noatime,flush,uid=990,gid=980,fmask=0133,dmask=0022,utf8 /dev/sdb1 /media/usb-export" vfat
expect_log "$view" vfat
[ "$(grep -c '^mount' "$t/log")" = 2 ] || fail "vfat: not exactly two mounts: $(cat "$t/log")"
[ "$(grep -n '^mount' "$t/log" | head -1 | grep -c usb-export)" = 1 ] || fail "vfat: the read-only view came before the mount it shows"

reset
run exfat "$conf" sdc1
expect_log "mount -t exfat -o rw,nosuid,nodev,noexec,noatime,uid=990,gid=980,fmask=0133,dmask=0022 /dev/sdc1 /media/usb-export" exfat
expect_log "$view" exfat

reset
run ntfs "$conf" sdc1
expect_log "mount -t ntfs3 -o rw,nosuid,nodev,noexec,noatime,uid=990,gid=980,fmask=0133,dmask=0022 /dev/sdc1 /media/usb-export" ntfs

reset
run ext4 "$conf" sdd
expect_log "mount -t ext4 -o rw,nosuid,nodev,noexec,noatime /dev/sdd /media/usb-export" ext4
expect_log "$view" ext4

# A file system the kiosk does not take: nothing is mounted, the reason is given.
reset
run iso9660 "$conf" sr0
[ $rc = 1 ] || fail "iso9660: exit $rc"
grep -q "unsupported file system 'iso9660'" "$t/err" || fail "iso9660: message: $(cat "$t/err")"
expect_no '^mount' iso9660

# Paths come from the config: single quotes, comments, other sections' keys ignored.
reset
run vfat "usb_dir = \"/wrong\"
[packs]
usb_dir = '/srv/packs/'
[events]
export_dir = \"/srv/out\" # the stick, writable
[sync]
export_dir = \"/wrong2\"" sdb1
expect_log "mkdir -p /srv/out /srv/packs" config
expect_log "mount -o bind,ro,nosuid,nodev,noexec,noatime /srv/out /srv/packs" config

# No config file: the documented defaults.
reset
printf vfat >"$t/fstype"
: >"$t/log"
PATH=$stubs:$PATH KIOSK_CONFIG=$t/none.toml KIOSK_USER=kiosk sh "$here/mount-usb" sdb1 2>"$t/err" >"$t/out" || fail "no config: $(cat "$t/err")"
expect_log "$view" defaults

# The same path for both (an older config): one read-write mount there, and a warning.
for same in "/media/usb" "/media/usb/export"; do
	reset
	run vfat "[packs]
usb_dir = \"/media/usb\"
[events]
export_dir = \"$same\"" sdb1
	[ $rc = 0 ] || fail "same ($same): exit $rc"
	expect_log "mount -t vfat -o rw,nosuid,nodev,noexec,noatime,flush,uid=990,gid=980,fmask=0133,dmask=0022,utf8 /dev/sdb1 /media/usb" "same ($same)"
	expect_no "bind" "same ($same)"
	grep -q "are not separate" "$t/err" || fail "same ($same): no warning: $(cat "$t/err")"
done

# A relative path is refused before anything is mounted.
reset
run vfat "[packs]
usb_dir = \"usb\"" sdb1
[ $rc = 1 ] || fail "relative: exit $rc"
expect_no '^mount' relative

# A second stick while one is mounted: ignored, the first one untouched.
reset
run vfat "$conf" sdb1
run vfat "$conf" sdc1
[ $rc = 0 ] || fail "second stick: exit $rc"
expect_no '^mount' "second stick"
grep -q "already mounted" "$t/err" || fail "second stick: message: $(cat "$t/err")"
# Pulling the second stick leaves the first mounted; pulling the first unmounts the
# read-only view, then the read-write mount.
run vfat "$conf" --stop sdc1
expect_no '^umount' "stop other"
run vfat "$conf" --stop sdb1
[ "$(grep -e '^umount' -e '^rmdir' "$t/log" | tr '\n' ';')" = "umount /media/usb;rmdir /media/usb;umount /media/usb-export;rmdir /media/usb-export;" ] ||
	fail "stop: $(cat "$t/log")"
[ ! -s "$t/mounts" ] || fail "stop left mounts: $(cat "$t/mounts")"

# The read-only view fails: the read-write mount is undone, nothing is left half mounted.
reset
touch "$t/bind-fails"
run vfat "$conf" sdb1
[ $rc = 1 ] || fail "view fails: exit $rc"
expect_log "umount /media/usb-export" "view fails"
grep -q "stick unmounted" "$t/err" || fail "view fails: message: $(cat "$t/err")"

# With USB_TEST_REAL=1 and root: the real mounts, on an ext4 image on a loop device (ext4
# because every Linux kernel has it; FAT needs the vfat module): the packs view refuses
# writes, the export path takes them, the other side sees them, --stop unmounts both even
# while a file is held open.
if [ "${USB_TEST_REAL:-}" = 1 ]; then
	r=$t/real
	mkdir -p "$r"
	truncate -s 32M "$r/stick.img"
	mkfs.ext4 -q "$r/stick.img"
	loop=$(losetup --find --show "$r/stick.img")
	printf '[packs]\nusb_dir = "%s/usb"\n[events]\nexport_dir = "%s/usb-export"\n' "$r" "$r" >"$r/kiosk.toml"
	KIOSK_USER=root KIOSK_CONFIG=$r/kiosk.toml sh "$here/mount-usb" "${loop#/dev/}" >/dev/null || fail "real: mount-usb failed"
	findmnt -n -o OPTIONS --mountpoint "$r/usb" | grep -q '^ro,nosuid,nodev,noexec' || fail "real: packs view: $(findmnt -n -o OPTIONS --mountpoint "$r/usb")"
	findmnt -n -o OPTIONS --mountpoint "$r/usb-export" | grep -q '^rw,nosuid,nodev,noexec' || fail "real: export mount"
	if touch "$r/usb/x" 2>/dev/null; then fail "real: the packs view took a write"; fi
	echo report >"$r/usb-export/report.json" || fail "real: the export path refused a write"
	[ "$(cat "$r/usb/report.json")" = report ] || fail "real: the packs view does not show the stick"
	exec 3<"$r/usb/report.json"
	KIOSK_CONFIG=$r/kiosk.toml sh "$here/mount-usb" --stop "${loop#/dev/}" || fail "real: --stop"
	exec 3<&-
	if grep -q " $r/usb" /proc/self/mountinfo; then fail "real: still mounted after --stop"; fi
	[ ! -e "$r/usb" ] && [ ! -e "$r/usb-export" ] || fail "real: mount points left after --stop"
	losetup -d "$loop"
	echo "ok   mount-usb on a real ext4 stick image ($loop): packs read-only, exports read-write, unmounted"
	loop=
fi

if [ $fails -gt 0 ]; then
	echo "mount-usb_test: $fails failure(s)" >&2
	exit 1
fi
echo "ok   mount-usb: options by file system, read-only packs view, config paths, second stick, stop"
