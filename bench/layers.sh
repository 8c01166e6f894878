#!/usr/bin/env bash
# What a full-screen layer of each kind costs a frame with software GL, under a private
# Xvfb at 1920x1080 (see bench/layers/main.go). Prints a table; asserts nothing.
# Usage: bench/layers.sh [SECONDS per case, default 3]
source "$(dirname "$0")/lib.sh"
go build -o "$BIN_DIR/layers" ./bench/layers
start_xvfb
"$BIN_DIR/layers" -seconds "${1:-3}"
