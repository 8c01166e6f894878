#!/usr/bin/env bash
# Cold start to the first frame of the attract loop, and memory (PSS) after 60 s idle, for
# the real binary under Xvfb at 1920x1080. Prints numbers; asserts nothing.
# Usage: bench/startup.sh [RUNS] [IDLE_SECONDS]   (make bench builds bin/kiosk first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
idle=${2:-60}
bin=./bin/kiosk
[ -x "$bin" ] || { echo "build first: make build" >&2; exit 1; }
export LANG=zh_CN.UTF-8
disp=:$((120 + RANDOM % 20))
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
data=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1
export DISPLAY=$disp

first_frame() { # seconds from exec to a painted attract screen (more than 50 colours)
  local start end pid
  start=$(date +%s%N)
  "$bin" --data "$data" >/dev/null 2>&1 &
  pid=$!
  while :; do
    if import -window root "$data/f.png" 2>/dev/null && \
       [ "$(identify -format %k "$data/f.png" 2>/dev/null || echo 0)" -gt 50 ]; then break; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  echo "$pid $(( (end - start) / 1000000 ))"
}

echo "cold start to first frame (ms), $runs runs:"
times=()
for i in $(seq "$runs"); do
  read -r pid ms < <(first_frame)
  times+=("$ms"); echo "  run $i: $ms ms"
  if [ "$i" -lt "$runs" ]; then kill "$pid"; wait "$pid" 2>/dev/null || true; sleep 0.5; fi
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "  median: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms  (includes screenshot polling, ~50 ms)"

echo "idle for $idle s on the attract loop..."
sleep "$idle"
pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
rss=$(awk '/^Rss:/ {print $2}' "/proc/$pid/smaps_rollup")
echo "memory after $idle s idle: PSS $((pss / 1024)) MiB, RSS $((rss / 1024)) MiB"
kill "$pid"; wait "$pid" 2>/dev/null || true
