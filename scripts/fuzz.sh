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
    run() { go test -run '^$' -fuzz "^${target}\$" -fuzztime "$1" -fuzzminimizetime 5s "$pkg" >/tmp/fuzz.$$.log 2>&1; }
    if ! run "${secs}s"; then
      # Go's fuzzer can stop a slow target (content loading validates every media file of the
      # root per input) with "context deadline exceeded" and no failing input when the time
      # runs out mid-call: that is the engine's clock, not a crash, so it runs once more,
      # longer. A real crash writes its input to testdata/fuzz and fails at once.
      if grep -q 'context deadline exceeded' /tmp/fuzz.$$.log && ! grep -q 'Failing input' /tmp/fuzz.$$.log; then
        echo "  (the fuzzer's clock ran out mid-call; once more for $((secs * 3))s)"
        run "$((secs * 3))s" || { cat /tmp/fuzz.$$.log; rm -f /tmp/fuzz.$$.log; exit 1; }
      else
        cat /tmp/fuzz.$$.log; rm -f /tmp/fuzz.$$.log; exit 1
      fi
    fi
  done
done
rm -f /tmp/fuzz.$$.log
