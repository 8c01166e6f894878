package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/jindu-edu/kiosk/internal/hub"
	"github.com/jindu-edu/kiosk/internal/hub/dash"
)

// defaultRollupEvery is how often serve folds newly uploaded events into the daily rollups,
// so that the dashboard has little left to do when it is opened.
const defaultRollupEvery = 30 * time.Second

func keepRollup(ctx context.Context, store hub.Store, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		start := time.Now()
		if n, err := store.RefreshRollup(ctx); err != nil && ctx.Err() == nil {
			log.Warn("daily rollup refresh failed; the dashboard retries when opened", "err", err)
		} else if n > 0 {
			log.Debug("daily rollup refreshed", "kiosk_days", n, "ms", time.Since(start).Milliseconds())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Server timeouts: generous for a kiosk on a slow district link, bounded against clients
// that hold connections open.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 90 * time.Second // above the handler's per-body deadline (--body-timeout)
	writeTimeout      = 2 * time.Minute
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 15 * time.Second
)

// serve is `kiosk-hub serve`: it runs until ctx ends (SIGINT, SIGTERM), then shuts down
// gracefully, letting requests in flight commit.
func (c cli) serve(ctx context.Context, args []string) error {
	fs, db := c.flags("serve")
	listen := fs.String("listen", defaultAddr, "address to listen on")
	admin := fs.String("admin-token", "", "token for the stats API (default $"+envAdmin+"; none: stats disabled)")
	maxBody := fs.Int64("max-body", hub.DefaultMaxBody, "largest upload body in bytes")
	maxUploads := fs.Int("max-uploads", hub.DefaultMaxUploads, "uploads read and stored at once; more get 503 with Retry-After")
	bodyTimeout := fs.Duration("body-timeout", hub.DefaultBodyTimeout, "longest time an upload body may take to arrive")
	rollupEvery := fs.Duration("rollup-every", defaultRollupEvery, "how often new uploads are folded into the dashboard's daily rollups")
	insecure := fs.Bool("insecure-cookies", false, "dashboard session cookies without the Secure attribute (plain HTTP on a trusted network)")
	contentDir := fs.String("content", "", "content root (holding content/scenes.yaml) whose Chinese names the dashboard's 情景体验 page shows; none: ids")
	if pos, err := parse(fs, args); err != nil {
		return err
	} else if len(pos) > 0 {
		return fmt.Errorf("%w: serve takes no arguments, got %q", errUsage, pos)
	}
	if *admin == "" {
		*admin = c.getenv(envAdmin)
	}
	if *rollupEvery < time.Second {
		return fmt.Errorf("%w: --rollup-every must be at least 1s", errUsage)
	}
	log := c.logger()
	var labels *dash.SceneLabels
	if *contentDir != "" {
		l, err := readSceneLabels(*contentDir)
		if err != nil {
			return err
		}
		labels = l
	}

	store, err := c.open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	version, err := store.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	kiosks, err := store.Kiosks(ctx)
	if err != nil {
		return err
	}

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *listen, err)
	}
	srv := &http.Server{
		Handler: &hub.Handler{Store: store, AdminToken: *admin, MaxBody: *maxBody, Logger: log,
			MaxUploads: *maxUploads, BodyTimeout: *bodyTimeout,
			Dashboard: &dash.Dashboard{Store: store, InsecureCookies: *insecure, Logger: log, Scenes: labels}},
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       max(readTimeout, *bodyTimeout+readHeaderTimeout),
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	backend := "sqlite"
	if hub.IsPostgres(*db) || (*db == "" && hub.IsPostgres(c.getenv(envDB))) {
		backend = "postgres"
	}
	log.Info("kiosk-hub listening", "addr", ln.Addr().String(), "backend", backend, "schema", version,
		"kiosks", len(kiosks), "stats_api", *admin != "")
	if c.ready != nil {
		c.ready(ln.Addr())
	}

	if _, err := store.Setting(ctx, dash.PasswordSetting); errors.Is(err, hub.ErrNotFound) {
		log.Warn("the dashboard has no admin password yet: run kiosk-hub admin set-password")
	}
	rctx, stopRollup := context.WithCancel(ctx)
	defer stopRollup()
	go keepRollup(rctx, store, *rollupEvery, log)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("kiosk-hub shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// readSceneLabels reads the scenes' names from a content root.
func readSceneLabels(root string) (*dash.SceneLabels, error) {
	path := filepath.Join(root, "content", "scenes.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--content: %w (want the content root that holds content/scenes.yaml)", err)
	}
	l, err := dash.ParseSceneLabels(data)
	if err != nil {
		return nil, fmt.Errorf("--content: %s: %w", path, err)
	}
	return l, nil
}
