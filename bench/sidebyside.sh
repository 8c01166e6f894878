#!/usr/bin/env bash
# Side by side under one Xvfb at 1920x1080, A/B/C alternated RUNS times: cold start to the
# first painted frame (at least 50 colours on screen) and PSS after IDLE seconds (summed
# over the process tree) of the bare Fyne window (bench/barefyne), the kiosk on its attract
# loop, and Chromium --kiosk on the home mock-up (bench/mockup/home.html; skipped with a
# message when chromium is not installed). Prints min/median/max and the goals' margins.
# Usage: bench/sidebyside.sh [RUNS] [IDLE]       (env: BIN_DIR=bin, OUT=dir)
source "$(dirname "$0")/lib.sh"
runs=${1:-3}
idle=${2:-45}
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
start_xvfb
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || echo "chromium is not installed: the Chromium column is skipped (make bench installs it)"
data=$out/kiosk-data
new_data "$data"
profile=$out/chromium-profile
page="file://$PWD/bench/mockup/home.html"
cmd_bare=("$BIN_DIR/barefyne")
cmd_kiosk=("$BIN_DIR/kiosk" --data "$data")
cmd_chromium=("$chromium" --kiosk --no-sandbox --no-first-run --noerrdialogs --disable-gpu
  --disable-features=Translate --disable-background-networking --password-store=basic
  --user-data-dir="$profile" --window-position=0,0 --window-size=1920,1080 "$page")

# tree PID: PID's descendants (Chromium's renderer and helper processes).
tree() { local c; for c in $(pgrep -P "$1" || true); do echo "$c"; tree "$c"; done; }

# launch NAME: start it, print "pid start_ms".
launch() {
  local -n cmd=cmd_$1
  "$TAPLAT" start -log "$out/$1.log" -- "${cmd[@]}"
}

# finish PID: stop it and whatever it started.
finish() {
  local kids
  kids=$(tree "$1")
  stop "$1"
  for k in $kids; do stop "$k"; done
  sleep 2
}

# one NAME: start it, wait IDLE s, measure, stop; appends "NAME start_ms pss_kib procs".
one() {
  local name=$1 pid ms pss rss procs
  read -r pid ms < <(launch "$name")
  sleep "$idle"
  read -r pss rss procs < <("$TAPLAT" mem "$pid")
  finish "$pid"
  echo "$name $ms $pss $procs" | tee -a "$out/sbs.txt" >&2
}
: >"$out/sbs.txt"
names=(bare kiosk)
[ -n "$chromium" ] && names+=(chromium)
# Warm-up: first starts create the kiosk's key and Chromium's profile; not counted.
for n in "${names[@]}"; do
  read -r pid _ < <(launch "$n")
  sleep 3
  finish "$pid"
done
for r in $(seq "$runs"); do
  for n in "${names[@]}"; do one "$n"; done
done
echo
awk -v runs="$runs" '
  { ms[$1] = ms[$1] " " $2; pss[$1] = pss[$1] " " $3; procs[$1] = $4 }
  function stat(s,   a, n, i, j, t) { n = split(s, a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    lo = a[1]; hi = a[n]; med = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END {
    printf "%-9s %-26s %-26s %s\n", "program", "start ms min/med/max", "PSS MiB min/med/max", "processes"
    split("bare kiosk chromium", order, " ")
    for (k = 1; k <= 3; k++) { p = order[k]; if (!(p in ms)) continue
      stat(ms[p]); m[p] = med; s1 = sprintf("%.0f / %.0f / %.0f", lo, med, hi)
      stat(pss[p]); q[p] = med; s2 = sprintf("%.0f / %.0f / %.0f", lo / 1024, med / 1024, hi / 1024)
      printf "%-9s %-26s %-26s %s\n", p, s1, s2, procs[p] }
    printf "\nkiosk - bare: start %+.0f ms (goal <= +300), PSS %+.0f MiB (goal <= +30)\n", m["kiosk"] - m["bare"], (q["kiosk"] - q["bare"]) / 1024
    if ("chromium" in ms) printf "kiosk / chromium: start %.2f, PSS %.2f\n", m["kiosk"] / m["chromium"], q["kiosk"] / q["chromium"]
  }' "$out/sbs.txt"
