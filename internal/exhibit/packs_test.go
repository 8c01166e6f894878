package exhibit

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/exhibit/exhibittest"
	"github.com/jindu-edu/kiosk/internal/pack"
)

func newDesk(t *testing.T, trust ed25519.PublicKey) (*PackDesk, *Shelf, string) {
	t.Helper()
	store, err := pack.OpenStore(filepath.Join(t.TempDir(), "packs"), nil)
	if err != nil {
		t.Fatal(err)
	}
	stick := t.TempDir()
	shelf := NewShelf(mustBundled(t))
	d := NewPackDesk(PackDeskConfig{Store: store, Shelf: shelf, Bundled: bundled,
		Trust: []ed25519.PublicKey{trust}, KioskID: "kiosk-07", AppVersion: "1.0.0", StickDir: stick})
	return d, shelf, stick
}

func TestDeskInstallsSwapsReportsAndRollsBack(t *testing.T) {
	pub, priv := exhibittest.Key(t)
	d, shelf, stick := newDesk(t, pub)
	root2 := exhibittest.DemoRoot(t, map[string]func([]byte) []byte{
		"content/meta.yaml": exhibittest.Replace("南明区禁毒预防教育基地", "花果园禁毒教育基地")})
	exhibittest.Build(t, root2, stick, "base-v2.jkpack", "base", 2, priv)

	found := d.Scan()
	if len(found) != 1 || found[0].State != pack.StateValid || found[0].Manifest.Version != 2 {
		t.Fatalf("scan %+v", found)
	}
	var seen int64
	out := d.Install(context.Background(), found[0].Path, func(done, total int64) { seen = total })
	if out.Err != nil {
		t.Fatalf("install: %v (%s)", out.Err, out.Message)
	}
	cur := shelf.Current()
	if cur.Catalog.Meta.Title.Zh != "花果园禁毒教育基地" || cur.Version() != "base-v2" || seen == 0 {
		t.Fatalf("shelf shows %q %s; progress total %d", cur.Catalog.Meta.Title.Zh, cur.Version(), seen)
	}
	if !cur.HasQuiz() {
		t.Fatal("the pack's quiz bank was not loaded")
	}
	// The report on the stick names the kiosk, the pack and the result.
	data, err := os.ReadFile(out.Report)
	if err != nil {
		t.Fatalf("no report on the stick: %v", err)
	}
	var rep pack.Report
	if err := json.Unmarshal(data, &rep); err != nil || rep.KioskID != "kiosk-07" || rep.Result != "installed" || rep.Version != 2 {
		t.Fatalf("report %s", data)
	}

	// The same pack again: not newer, refused with a reason, content untouched.
	again := d.Install(context.Background(), found[0].Path, nil)
	if again.Err == nil || again.Message == "" || shelf.Current() != cur {
		t.Fatalf("reinstall: %v %q", again.Err, again.Message)
	}

	// Version 3, then roll back to 2.
	root3 := exhibittest.DemoRoot(t, map[string]func([]byte) []byte{
		"content/meta.yaml": exhibittest.Replace("南明区禁毒预防教育基地", "第三版")})
	p3 := exhibittest.Build(t, root3, stick, "base-v3.jkpack", "base", 3, priv)
	if out := d.Install(context.Background(), p3, nil); out.Err != nil {
		t.Fatal(out.Err)
	}
	if shelf.Current().Catalog.Meta.Title.Zh != "第三版" {
		t.Fatal("v3 not shown")
	}
	rb := d.Rollback()
	if rb.Err != nil || shelf.Current().Catalog.Meta.Title.Zh != "花果园禁毒教育基地" || shelf.Current().Version() != "base-v2" {
		t.Fatalf("rollback: %v, shows %q", rb.Err, shelf.Current().Catalog.Meta.Title.Zh)
	}
	if p, err := d.LoadInstalled(); err != nil || p.Version() != "base-v2" {
		t.Fatalf("the next start would show %v (%v)", p, err)
	}
}

func TestDeskRefusesContentWithErrors(t *testing.T) {
	pub, priv := exhibittest.Key(t)
	d, shelf, stick := newDesk(t, pub)
	before := shelf.Current()
	bad := exhibittest.DemoRoot(t, map[string]func([]byte) []byte{
		"content/zones.yaml": exhibittest.Replace("kind:", "knid:")})
	p := exhibittest.Build(t, bad, stick, "bad.jkpack", "base", 5, priv)
	out := d.Install(context.Background(), p, nil)
	if out.Err == nil || shelf.Current() != before {
		t.Fatal("a pack with content errors was shown")
	}
	data, _ := os.ReadFile(out.Report)
	if !strings.Contains(string(data), "rejected") || !strings.Contains(string(data), "zones.yaml") {
		t.Fatalf("the report does not say what is wrong: %s", data)
	}
	if _, ok := d.Current(); ok {
		t.Fatal("a refused pack became current")
	}

	// A pack signed by a key this kiosk does not trust.
	_, other := exhibittest.Key(t)
	good := exhibittest.DemoRoot(t, nil)
	foreign := exhibittest.Build(t, good, stick, "foreign.jkpack", "base", 6, other)
	if out := d.Install(context.Background(), foreign, nil); out.Err == nil || pack.CodeOf(out.Err) == 0 {
		t.Fatalf("foreign key: %v", out.Err)
	}
}

// On Linux the stick's packs path is a read-only mount (deploy/usb): the install report
// goes to the writable export path, and nothing is written beside the packs.
func TestDeskWritesTheReportToTheExportPath(t *testing.T) {
	pub, priv := exhibittest.Key(t)
	store, err := pack.OpenStore(filepath.Join(t.TempDir(), "packs"), nil)
	if err != nil {
		t.Fatal(err)
	}
	stick, export := t.TempDir(), t.TempDir()
	d := NewPackDesk(PackDeskConfig{Store: store, Shelf: NewShelf(mustBundled(t)), Bundled: bundled,
		Trust: []ed25519.PublicKey{pub}, KioskID: "kiosk-07", AppVersion: "1.0.0", StickDir: stick, ReportDir: export})
	p := exhibittest.Build(t, exhibittest.DemoRoot(t, nil), stick, "base-v2.jkpack", "base", 2, priv)
	out := d.Install(context.Background(), p, nil)
	if out.Err != nil {
		t.Fatalf("install: %v (%s)", out.Err, out.Message)
	}
	if filepath.Dir(out.Report) != export {
		t.Fatalf("report at %q, want it in the export path %s", out.Report, export)
	}
	if names, _ := filepath.Glob(filepath.Join(stick, "jkpack-report_*")); len(names) != 0 {
		t.Fatalf("report written beside the packs: %v", names)
	}

	// No stick at the export path: the install still succeeds, without a report.
	d2 := NewPackDesk(PackDeskConfig{Store: store, Shelf: NewShelf(mustBundled(t)), Bundled: bundled,
		Trust: []ed25519.PublicKey{pub}, KioskID: "kiosk-07", AppVersion: "1.0.0", StickDir: stick,
		ReportDir: filepath.Join(export, "missing")})
	p3 := exhibittest.Build(t, exhibittest.DemoRoot(t, nil), stick, "base-v3.jkpack", "base", 3, priv)
	if out := d2.Install(context.Background(), p3, nil); out.Err != nil || out.Report != "" {
		t.Fatalf("install without an export path: %v, report %q", out.Err, out.Report)
	}
}
