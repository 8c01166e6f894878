#!/bin/sh
# Installs the USB automount on a Debian kiosk PC without the .deb (run as root).
# KIOSK_USER is the account the kiosk runs as (default jindu-kiosk), KIOSK_CONFIG its
# config (default /etc/jindu-kiosk/kiosk.toml), whose [packs] usb_dir and [events]
# export_dir say where the stick is mounted.
set -eu
cd "$(dirname "$0")"
install -D -m 0755 mount-usb /usr/lib/jindu-usb/mount-usb
install -D -m 0644 jindu-usb@.service /etc/systemd/system/jindu-usb@.service
install -D -m 0644 99-jindu-usb.rules /etc/udev/rules.d/99-jindu-usb.rules
[ -f /etc/default/jindu-usb ] ||
	printf 'KIOSK_USER=%s\nKIOSK_CONFIG=%s\n' "${KIOSK_USER:-jindu-kiosk}" \
		"${KIOSK_CONFIG:-/etc/jindu-kiosk/kiosk.toml}" >/etc/default/jindu-usb
systemctl daemon-reload
udevadm control --reload
echo "USB sticks will be mounted read-only at [packs] usb_dir (default /media/usb) and" \
	"read-write at [events] export_dir (default /media/usb-export)"
