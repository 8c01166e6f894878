#!/usr/bin/env bash
# Runs every go test -fuzz target of the project for SECONDS each (default 5).
# make test runs it briefly; make fuzz runs it for minutes. Crashers the fuzzer finds are
# written under the package's testdata/fuzz and become seeds that plain go test replays.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-5}
grep -rl --include='*_test.go' '^func Fuzz' internal cmd | sort | while read -r file; do
  pkg=./$(dirname "$file")
  for target in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | cut -d' ' -f2); do
    echo "fuzz $pkg $target ${secs}s"
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "${secs}s" -fuzzminimizetime 5s "$pkg" >/tmp/fuzz.$$.log 2>&1 || {
      cat /tmp/fuzz.$$.log; rm -f /tmp/fuzz.$$.log; exit 1; }
  done
done
rm -f /tmp/fuzz.$$.log
