#!/usr/bin/env bash
# Soak: TAPS random taps (default 10,000; never in the hidden 110x110 staff corner) on the
# kiosk under Xvfb at 1920x1080, PSS (smaps_rollup) and goroutines (pprof, KIOSK_PPROF on
# loopback) every 1,000 taps, a CPU profile of 60 s from tap 1,000 and heap profiles at
# 1,000 and at the end, a final screenshot, the log checked for ERROR lines, and the event
# log checked intact and complete (bench/evcheck.sh) after a clean stop.
# Usage: bench/soak.sh [TAPS]      (env: BIN_DIR=bin, OUT=dir, SEED=1)
source "$(dirname "$0")/lib.sh"
taps=${1:-10000}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
start_xvfb
data=$out/data
new_data "$data"
port=$((16000 + RANDOM % 1000))
read -r pid _ < <(KIOSK_PPROF=127.0.0.1:$port "$TAPLAT" start -log "$out/kiosk.log" -- "$BIN_DIR/kiosk" --data "$data")
cleanup+=("stop $pid")
sleep 2
echo "soak: $taps random taps, kiosk pid $pid, output in $out"
status=0
"$TAPLAT" soak -n "$taps" -pid "$pid" -debug "http://127.0.0.1:$port" -profile "$out" -seed "${SEED:-1}" | tee "$out/soak.tsv" || status=1
"$TAPLAT" shot "$out/final.ppm" && convert "$out/final.ppm" "$out/final.png" && rm "$out/final.ppm"
echo "final screenshot: $out/final.png"
awk 'NR>1 && $1>=1000 && !base {base=$3} NR>1 {last=$3; g[NR]=$5} END {
  if (base) printf "PSS end / PSS at 1,000 taps: %.3f (%d / %d MiB)\n", last/base, last/1024, base/1024 }' "$out/soak.tsv"
if kill -0 "$pid" 2>/dev/null; then stop "$pid"; else echo "CRASH: the kiosk is gone"; status=1; fi
errs=$(grep -c 'level=ERROR' "$out/kiosk.log" || true)
echo "ERROR lines in the log: $errs"; [ "$errs" = 0 ] || { grep 'level=ERROR' "$out/kiosk.log" | head; status=1; }
bench/evcheck.sh "$data/events.db" || status=1
echo "profiles: go tool pprof -top $BIN_DIR/kiosk $out/cpu.pprof  (heap-1000.pprof, heap-end.pprof, goroutines-end.txt)"
exit $status
