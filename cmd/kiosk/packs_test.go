package main

import (
	"context"
	"crypto/ed25519"
	"io"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/jindu-edu/kiosk/internal/appupdate"
	"github.com/jindu-edu/kiosk/internal/config"
	"github.com/jindu-edu/kiosk/internal/exhibit/exhibittest"
	"github.com/jindu-edu/kiosk/internal/pack"
)

// TestProgramRollbackSparesTheContentPack: starts that failed because of a program update
// also counted against the content pack; when the launcher says it has just rolled the
// program back, the kiosk clears that count instead of rolling a good pack back too.
func TestProgramRollbackSparesTheContentPack(t *testing.T) {
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	for _, rolled := range []bool{false, true} {
		cfg := config.Default()
		cfg.DataDir = t.TempDir()
		pub, priv := exhibittest.Key(t)
		file := exhibittest.Build(t, exhibittest.DemoRoot(t, nil), t.TempDir(), "p.jkpack", "base", 2, priv)
		store, err := pack.OpenStore(filepath.Join(cfg.DataDir, PacksDir), nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := store.Install(context.Background(), file, pack.InstallOptions{Trust: []ed25519.PublicKey{pub}}); err != nil {
			t.Fatal(err)
		}
		for range pack.CrashLimit { // two starts that never reached the first frame
			store.BootStarting()
		}
		t.Setenv(appupdate.EnvRolledBack, "")
		if rolled {
			t.Setenv(appupdate.EnvRolledBack, "1")
		}
		_, notice := packStore(cfg, log)
		_, installed := store.Current()
		if rolled && (notice != "" || !installed) {
			t.Fatalf("after a program rollback the content pack was rolled back too: %q", notice)
		}
		if !rolled && (notice == "" || installed) {
			t.Fatal("without a program rollback the failed starts must count against the pack")
		}
	}
}
