// Command kiosk-hub is the district office's hub: it receives the kiosks' visitor events
// (signed uploads over HTTP, or USB exports), keeps them in SQLite (the default, ./hub.db)
// or PostgreSQL (a postgres:// DSN), answers statistics queries and serves the office's
// web dashboard.
//
//	kiosk-hub serve  [--db DSN] [--listen 127.0.0.1:8626] [--admin-token T]
//	kiosk-hub import [--db DSN] FILE.manifest.json...
//	kiosk-hub kiosk add  [--db DSN] --id ID --key BASE64PUB --token TOKEN
//	kiosk-hub kiosk set-base [--db DSN] --id ID --base NAME
//	kiosk-hub kiosk list [--db DSN]
//	kiosk-hub admin set-password [--db DSN] < password
//	kiosk-hub bench [--db DSN] [--kiosks N] [--days N] [--per-day N]
//	kiosk-hub stats visits|dwell|questions|groups [--db DSN] [--from D] [--to D] [--kiosk ID]
//
// The environment supplies defaults: KIOSK_HUB_DB, KIOSK_HUB_ADMIN_TOKEN. docs/hub.md has
// the details.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}.run(ctx, os.Args[1:])
	stop()
	os.Exit(code)
}
