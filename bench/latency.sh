#!/usr/bin/env bash
# Tap latency of every visitor transition against the bare-Fyne floor, A/B in one run:
# RUNS times, the bare window (bench/barefyne) then the kiosk, each freshly started under the
# same Xvfb at 1920x1080. A robot finger (XTest) taps; the probe watches the whole screen
# (MIT-SHM) for the first changed frame and for the screen settled (no change for SETTLE).
# The kiosk walks bench/taps/{zones,more,quiz,staff,team}.txt ROUNDS times after one warm-up
# pass of zones.txt (reported apart, as the first visit). Prints the table; asserts nothing.
# Usage: bench/latency.sh [RUNS] [ROUNDS]        (env: SETTLE=600ms, BIN_DIR=bin, OUT=dir)
source "$(dirname "$0")/lib.sh"
runs=${1:-3}
rounds=${2:-4}
settle=${SETTLE:-600ms}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
start_xvfb
: >"$out/taps.tsv"; : >"$out/cold.tsv"
for r in $(seq "$runs"); do
  echo "run $r/$runs: bare Fyne" >&2
  read -r pid _ < <("$TAPLAT" start -log "$out/bare.log" -- "$BIN_DIR/barefyne")
  sleep 1
  "$TAPLAT" run -label bare -run "$r" -rounds $((rounds * 6)) -settle "$settle" bench/taps/bare.txt >>"$out/taps.tsv"
  stop "$pid"
  sleep 1

  echo "run $r/$runs: kiosk" >&2
  data=$out/data-$r
  new_data "$data"
  read -r pid _ < <("$TAPLAT" start -log "$out/kiosk-$r.log" -- "$BIN_DIR/kiosk" --data "$data")
  sleep 1
  printf -- '- 960 900\n' >"$out/leave-attract.txt"
  "$TAPLAT" run -rounds 1 "$out/leave-attract.txt"
  "$TAPLAT" run -label cold -run "$r" -rounds 1 -settle "$settle" bench/taps/zones.txt >>"$out/cold.tsv"
  for s in zones more quiz staff team; do
    "$TAPLAT" run -label kiosk -run "$r" -rounds "$rounds" -settle "$settle" "bench/taps/$s.txt" >>"$out/taps.tsv"
  done
  stop "$pid"
  if grep -q 'level=ERROR' "$out/kiosk-$r.log"; then echo "run $r: ERROR lines in the kiosk log:" >&2; grep 'level=ERROR' "$out/kiosk-$r.log" >&2; fi
  sleep 1
done
echo
"$TAPLAT" report "$out/taps.tsv"
echo
echo "first visit after start (warm-up pass, one tap each per run), against the same floor:"
grep -h '^bare' "$out/taps.tsv" >"$out/bare-only.tsv"
"$TAPLAT" report "$out/bare-only.tsv" "$out/cold.tsv" | sed -n '2,$p' | grep -v '^bare' || true
echo "raw taps: $out/taps.tsv"
