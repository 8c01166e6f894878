#!/bin/sh
# Installs the USB automount on a Debian kiosk PC (run as root). KIOSK_USER is the account
# the kiosk runs as (default jindu-kiosk).
set -eu
cd "$(dirname "$0")"
install -D -m 0755 mount-usb /usr/lib/jindu-usb/mount-usb
install -D -m 0644 jindu-usb@.service /etc/systemd/system/jindu-usb@.service
install -D -m 0644 99-jindu-usb.rules /etc/udev/rules.d/99-jindu-usb.rules
[ -f /etc/default/jindu-usb ] || echo "KIOSK_USER=${KIOSK_USER:-jindu-kiosk}" >/etc/default/jindu-usb
systemctl daemon-reload
udevadm control --reload
echo "USB sticks will be mounted at /media/usb (config: [packs] usb_dir, [events] export_dir)"
