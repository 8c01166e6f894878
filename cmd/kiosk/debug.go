package main

import (
	"log/slog"
	"net"
	"net/http"
	_ "net/http/pprof" // serves /debug/pprof/ on the default mux, only when KIOSK_PPROF is set
	"os"
)

// envPprof names a loopback address (e.g. 127.0.0.1:6061) on which the kiosk serves Go's
// pprof endpoints (CPU, heap, goroutines) for the bench's soak. Unset on a real kiosk: then
// nothing listens.
const envPprof = "KIOSK_PPROF"

func init() {
	addr := os.Getenv(envPprof)
	if addr == "" {
		return
	}
	host, _, err := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		slog.Warn("pprof not started: "+envPprof+" must be a loopback host:port", "value", addr)
		return
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		slog.Warn("pprof not started", "err", err)
		return
	}
	slog.Info("pprof serving", "addr", ln.Addr().String())
	go http.Serve(ln, nil) //nolint:errcheck // lives as long as the process
}
