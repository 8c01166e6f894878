#!/usr/bin/env bash
# Mirror station: the real kiosk under Xvfb at 1920x1080 in the mirror zone with the effect
# on (5年后) for MINUTES (default 10). The bench machine has no camera: the frames are the
# illustrated faces, through the same pipeline as a camera's (station goroutine, effect, the
# two pictures on screen). Every 60 s it prints the kiosk's PSS and RSS (taplat mem), its CPU
# use over the minute, and the frame pairs drawn per second over the view's last minute,
# which the view logs ("mirror frames shown=N fps=F"): the screen's pixels cannot count them,
# an illustrated face looks the same in every frame. At the end: 首页, the whole visit's rate
# from the view's last line, a screenshot, a clean stop, the log checked for ERROR lines.
# The visitor touches 5年后 again every 30 s, so that the idle reset does not end the visit;
# load1 is the machine's load average (other work on the same cores slows the kiosk).
# Usage: bench/mirror.sh [MINUTES]      (env: BIN_DIR=bin, OUT=dir, MIRROR_MINUTES=10)
source "$(dirname "$0")/lib.sh"
minutes=${1:-${MIRROR_MINUTES:-10}}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
start_xvfb
data=$out/data
new_data "$data"
log=$out/kiosk.log
read -r pid _ < <("$TAPLAT" start -log "$log" -- "$BIN_DIR/kiosk" --data "$data")
cleanup+=("stop $pid")
echo "mirror: $minutes min in the mirror zone at 5年后, kiosk pid $pid, output in $out"

# Taps where a visitor taps at 1920x1080 (as cmd/kiosk/mirror_privacy_test.go): the
# attract loop, the mirror tile (eight zones in 4x2 tiles: second row, second column), 5年后.
tap() { xdotool mousemove "$1" "$2" click 1; sleep "$3"; }
tap 960 540 5
tap 728 796 10
grep -q 'mirror camera not used' "$log" || { echo "the mirror zone did not open" >&2; exit 1; }
tap 857 746 3
"$TAPLAT" shot "$out/mirror.ppm" && convert "$out/mirror.ppm" "$out/mirror.png" && rm "$out/mirror.ppm"
echo "screenshot in the zone: $out/mirror.png"

hz=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
fps() { grep 'msg="mirror frames"' "$log" | tail -1 | sed -n 's/.*fps=\([0-9.]*\).*/\1/p'; }
status=0
{
  printf 'minute\tpss_mib\trss_mib\tcpu_pct\tframes_per_s\tload1\n'
  read -r pss rss _ < <("$TAPLAT" mem "$pid")
  printf '0\t%d\t%d\t-\t-\t%s\n' $((pss / 1024)) $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
  for m in $(seq "$minutes"); do
    c0=$(cpu)
    for _ in 1 2; do sleep 30; xdotool mousemove 857 746 click 1; done # still here
    kill -0 "$pid" 2>/dev/null || break # reported below
    c1=$(cpu)
    read -r pss rss _ < <("$TAPLAT" mem "$pid")
    f=$(fps)
    printf '%d\t%d\t%d\t%d\t%s\t%s\n' "$m" $((pss / 1024)) $((rss / 1024)) $(((c1 - c0) * 100 / (60 * hz))) "${f:--}" "$(cut -d' ' -f1 /proc/loadavg)"
  done
} | tee "$out/mirror.tsv"
tap 110 1025 5 # 首页: the view logs the visit's frames and closes the source
for _ in $(seq 30); do grep -q 'msg="mirror frames".*left=true' "$log" && break; sleep 1; done
grep 'msg="mirror frames".*left=true' "$log" | tail -1 | sed 's/^/whole visit: /'
awk -F'\t' 'NR==3 {base=$2} NR>2 {last=$2} END {
  if (base) printf "PSS end / PSS after 1 min: %.3f (%d / %d MiB)\n", last/base, last, base }' "$out/mirror.tsv"
if kill -0 "$pid" 2>/dev/null; then stop "$pid"; else echo "CRASH: the kiosk is gone"; status=1; fi
errs=$(grep -c 'level=ERROR' "$log" || true)
echo "ERROR lines in the log: $errs"; [ "$errs" = 0 ] || { grep 'level=ERROR' "$log" | head; status=1; }
exit $status
