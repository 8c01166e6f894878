#!/usr/bin/env bash
# Content-pack install speed and memory: builds a signed pack of the bundled content plus
# N MiB of incompressible media, installs it with `kioskctl pack install` (verify, stream,
# hash, fsync, content check, atomic switch) and compares with `sha256sum` + `cp` of the same
# pack file, without and with fsync of the copy. Prints numbers; asserts nothing.
# Goals: ratio (baseline time / install time) >= 0.7; peak RSS growth <= 32 MiB.
# Usage: bench/pack.sh [MB]   (or PACK_MB=256 bench/pack.sh; default 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-${PACK_MB:-1024}}
work=$(mktemp -d "${TMPDIR:-/var/tmp}/jkpack-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
ctl=$work/kioskctl
go build -o "$ctl" ./cmd/kioskctl

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }

cp -r assets/content "$work/root"
mkdir -p "$work/root/media/bulk"
left=$mb i=0
while [ "$left" -gt 0 ]; do # media files of up to 64 MiB, as video or audio would be
  n=$(( left < 64 ? left : 64 ))
  head -c $((n << 20)) /dev/urandom >"$work/root/media/bulk/part$i.mp4"
  left=$((left - n)) i=$((i + 1))
done
"$ctl" pack keygen "$work/key" >/dev/null
"$ctl" pack build "$work/root" -o "$work/p.jkpack" --id bench --title-zh 基准 --title-en Bench \
  --version 1 --key "$work/key" | tail -1
bytes=$(stat -c %s "$work/p.jkpack")
rm -rf "$work/root"
sync

# Baseline: hash and copy the same bytes.
t0=$(now)
sha256sum "$work/p.jkpack" >/dev/null
cp "$work/p.jkpack" "$work/copy.jkpack"
t1=$(now)
sync "$work/copy.jkpack"
t2=$(now)
rm -f "$work/copy.jkpack"
base=$(secs "$t0" "$t1")
base_sync=$(secs "$t0" "$t2")

# The install, as the kiosk does it.
t0=$(now)
out=$("$ctl" pack install "$work/p.jkpack" --data "$work/data" --trust "$work/key.pub" --stats 2>/dev/null)
t1=$(now)
inst=$(secs "$t0" "$t1")
start_kb=$(awk '/^rss_start_kb/ {print $2}' <<<"$out")
peak_kb=$(awk '/^peak_rss_kb/ {print $2}' <<<"$out")

printf 'pack:                 %d MiB (%d bytes)\n' "$((bytes >> 20))" "$bytes"
printf 'sha256sum+cp:         %.2f s  (%.0f MB/s)\n' "$base" "$(echo "$bytes / $base / 1000000" | bc -l)"
printf 'sha256sum+cp+fsync:   %.2f s  (%.0f MB/s)\n' "$base_sync" "$(echo "$bytes / $base_sync / 1000000" | bc -l)"
printf 'pack install:         %.2f s  (%.0f MB/s)\n' "$inst" "$(echo "$bytes / $inst / 1000000" | bc -l)"
printf 'ratio vs cp:          %.2f\n' "$(echo "$base / $inst" | bc -l)"
printf 'ratio vs cp+fsync:    %.2f  (goal >= 0.7)\n' "$(echo "$base_sync / $inst" | bc -l)"
printf 'peak RSS:             %d KiB, growth %d KiB (goal <= 32768)\n' "$peak_kb" "$((peak_kb - start_kb))"
