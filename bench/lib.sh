# Shared by the bench scripts: binaries, a private Xvfb at 1920x1080, process helpers.
# BIN_DIR (default bin) holds kiosk and kioskctl (make build); taplat and barefyne are built here.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export LANG=zh_CN.UTF-8
BIN_DIR=${BIN_DIR:-bin}
[ -x "$BIN_DIR/kiosk" ] && [ -x "$BIN_DIR/kioskctl" ] || { echo "build first: make build" >&2; exit 1; }
go build -o "$BIN_DIR/taplat" ./bench/taplat
go build -o "$BIN_DIR/barefyne" ./bench/barefyne
TAPLAT=$BIN_DIR/taplat
PIN=24681357 # the PIN the staff and team scripts type

# start_xvfb: a private display; killed on exit with everything listed in $cleanup.
cleanup=()
on_exit() { for c in "${cleanup[@]}"; do eval "$c" || true; done; }
trap on_exit EXIT
start_xvfb() {
  local n
  for n in $(seq 140 199); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
  Xvfb ":$n" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  cleanup+=("kill $!")
  export DISPLAY=:$n
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return; sleep 0.1; done
  echo "Xvfb did not start" >&2; exit 1
}

# new_data DIR: a fresh kiosk data dir with the bench PIN.
new_data() { rm -rf "$1"; mkdir -p "$1"; echo "$PIN" | "$BIN_DIR/kioskctl" pin set --data "$1" >/dev/null; }

# stop PID: SIGTERM, then wait up to 15 s, then SIGKILL.
stop() {
  kill "$1" 2>/dev/null || return 0
  for _ in $(seq 150); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done # the kiosk exits by itself 10 s after a stop that hangs
  kill -9 "$1" 2>/dev/null || true
}
