#!/bin/bash
# app-update-test.sh: the program-update path on the real programs. Builds the kiosk as
# 1.0.0 (the "system's" program, beside kioskctl 1.0.0) and as 1.1.0 (the update), packs
# and signs 1.1.0 with `kioskctl pack build-app`, installs it with `kioskctl app install`
# (which runs the staged kiosk --version), then starts through `kioskctl app launch` as
# the systemd unit does:
#   1. under Xvfb (when installed): the update (execve, same process id) reaches its first
#      frame and confirms its start;
#      after that it is off trial: starts that never show a frame no longer count;
#   2. withdrawn and installed again (on trial), `-- --version` starts exit before any
#      frame: two of them run the update, the third is back on 1.0.0 with the rollback
#      notice in `app status`.
# `make app-update-test` runs it. DISPLAY_NUM picks the Xvfb display (default 42).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
xvfb=""
cleanup() { [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
ok() { echo "ok: $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$tmp/sys" "$tmp/new" "$tmp/stick" "$tmp/data"
go build -ldflags "-X main.version=1.0.0" -o "$tmp/sys/kiosk" ./cmd/kiosk
go build -ldflags "-X main.version=1.0.0" -o "$tmp/sys/kioskctl" ./cmd/kioskctl
go build -ldflags "-X main.version=1.1.0" -o "$tmp/new/kiosk" ./cmd/kiosk
go build -ldflags "-X main.version=1.1.0" -o "$tmp/new/kioskctl" ./cmd/kioskctl
ctl=$tmp/sys/kioskctl
printf 'data_dir = "%s"\nwindowed = true\n' "$tmp/data" >"$tmp/kiosk.toml"
export JINDU_KIOSK_CONFIG=$tmp/kiosk.toml LANG=zh_CN.UTF-8

"$ctl" pack keygen "$tmp/k" >/dev/null
"$ctl" pack build-app -o "$tmp/stick/kiosk-1.1.0.jkpack" --kiosk "$tmp/new/kiosk" --kioskctl "$tmp/new/kioskctl" --key "$tmp/k"
"$ctl" pack verify "$tmp/stick/kiosk-1.1.0.jkpack" --trust "$tmp/k.pub"
out=$("$ctl" app install "$tmp/stick/kiosk-1.1.0.jkpack" --trust "$tmp/k.pub") || fail "app install: $out"
ok "$out"
[ -x "$tmp"/data/app/v1001000-*/root/bin/kiosk ] || fail "installed program not executable"
"$ctl" app status | grep -q "下次启动将运行：.*/root/bin/kiosk（1.1.0）" || fail "status: $("$ctl" app status)"

boot=$tmp/data/app/boot.json
if command -v Xvfb >/dev/null; then
	display=:${DISPLAY_NUM:-42}
	Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
	xvfb=$!
	sleep 1
	DISPLAY=$display "$ctl" app launch 2>"$tmp/launch.log" &
	kiosk=$!
	for _ in $(seq 120); do
		grep -q '"starts":0' "$boot" 2>/dev/null && break
		kill -0 "$kiosk" 2>/dev/null || fail "the kiosk exited: $(tail -5 "$tmp/launch.log")"
		sleep 0.5
	done
	grep -q '"starts":0' "$boot" || fail "the update never confirmed its first frame: $(cat "$boot")"
	grep -q 'version=1.1.0' "$tmp/launch.log" || fail "the update did not start: $(head -5 "$tmp/launch.log")"
	[ "$(readlink "/proc/$kiosk/exe")" = "$(echo "$tmp"/data/app/v1001000-*/root/bin/kiosk)" ] ||
		fail "process $kiosk runs $(readlink "/proc/$kiosk/exe"), not the update"
	kill "$kiosk"
	wait "$kiosk" || true
	ok "under Xvfb: the launcher's process became kiosk 1.1.0, which confirmed its first frame"
	for i in 1 2 3; do
		v=$("$ctl" app launch -- --version 2>/dev/null)
		[ "$v" = 1.1.0 ] || fail "confirmed update: start $i ran $v"
	done
	ok "a confirmed update is off trial: three starts without a frame still run 1.1.0"
	# the same update again, on trial: withdraw it and install it once more
	"$ctl" app rollback >/dev/null
	"$ctl" app install "$tmp/stick/kiosk-1.1.0.jkpack" --trust "$tmp/k.pub" >/dev/null
else
	echo "skip the first-frame check (no Xvfb)"
fi

for i in 1 2; do
	v=$("$ctl" app launch -- --version 2>/dev/null)
	[ "$v" = 1.1.0 ] || fail "start $i ran $v, want the update 1.1.0"
done
v=$("$ctl" app launch -- --version 2>/dev/null)
[ "$v" = 1.0.0 ] || fail "third unconfirmed start ran $v, want 1.0.0"
status=$("$ctl" app status)
grep -q "连续 2 次启动未能显示画面，已自动恢复为随系统安装的版本" <<<"$status" || fail "status: $status"
ok "two starts without a first frame, the third on 1.0.0: $(grep 自动回退 <<<"$status")"
