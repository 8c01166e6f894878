package pack

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const killEnv = "JKPACK_KILL_HELPER"

// TestKillHelper is the child of TestKillInstall: it installs one pack and exits.
func TestKillHelper(t *testing.T) {
	if os.Getenv(killEnv) == "" {
		t.Skip("child process of TestKillInstall")
	}
	pub, err := ParsePublicKey(os.Getenv("JKPACK_PUB"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenStore(os.Getenv("JKPACK_STORE"), nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := InstallOptions{Trust: []ed25519.PublicKey{pub}, KioskID: "kiosk-01", AppVersion: "dev", Check: checkMeta}
	if _, err := s.Install(context.Background(), os.Getenv("JKPACK_FILE"), opts); err != nil {
		t.Fatal(err)
	}
}

// bigFiles is a content root of n files of size bytes each, plus meta.yaml.
func bigFiles(v int64, n, size int, seed uint64) []member {
	r := rand.New(rand.NewPCG(seed, 1))
	files := []member{{name: "root/content/meta.yaml", data: fmt.Appendf(nil, "version: %d\n", v)}}
	for i := 0; i < n; i++ {
		b := make([]byte, size)
		for j := range b {
			b[j] = byte(r.Uint32() >> 24 & 0x3f) // compressible a little, like media
		}
		files = append(files, member{name: fmt.Sprintf("root/media/d%d/f%03d.bin", i%4, i), data: b})
	}
	return files
}

// TestKillInstall SIGKILLs an installing child process at random moments, then opens the
// store as the next start would: the current pack must be exactly the old or exactly the
// new one, every file matching its manifest, and no staging directory may survive.
func TestKillInstall(t *testing.T) {
	runs := 200
	if testing.Short() {
		runs = 20
	}
	f := newFixture(t)
	f.install(1)
	pub := PublicKeyString(f.pub)
	child := func(pack string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), killEnv+"=1", "JKPACK_PUB="+pub, "JKPACK_STORE="+f.store.Dir(), "JKPACK_FILE="+pack)
		return cmd
	}
	packFor := func(v int64, seed uint64) string {
		return craft(t, f.base, fmt.Sprintf("v%d.jkpack", v), spec{version: v, key: f.key, files: bigFiles(v, 24, 48<<10, seed)})
	}
	// One uninterrupted run measures how long an install takes.
	start := time.Now()
	if out, err := child(packFor(2, 0)).CombinedOutput(); err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	span := time.Since(start)
	if f.current() != 2 {
		t.Fatal("helper did not install v2")
	}
	r := rand.New(rand.NewPCG(42, 42))
	outcomes := map[string]int{}
	for i := 0; i < runs; i++ {
		old := f.current()
		cmd := child(packFor(old+1, uint64(i+1)))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Int64N(int64(span) * 5 / 4)))
		cmd.Process.Kill() // SIGKILL
		cmd.Wait()

		s, err := OpenStore(f.store.Dir(), nil)
		if err != nil {
			t.Fatalf("run %d: open: %v", i, err)
		}
		in, ok := s.Current()
		if !ok {
			t.Fatalf("run %d: no current pack after the kill", i)
		}
		assertIntact(t, in) // exactly one pack's files: never a mix
		switch v := in.Manifest.Version; v {
		case old:
			outcomes["old"]++
		case old + 1:
			outcomes["new"]++
		default:
			t.Fatalf("run %d: current v%d, want v%d or v%d", i, v, old, old+1)
		}
		entries, _ := os.ReadDir(s.Dir())
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), stagePrefix) {
				t.Fatalf("run %d: staging %s left after open", i, e.Name())
			}
		}
		os.Remove(filepath.Join(f.base, fmt.Sprintf("v%d.jkpack", old+1)))
	}
	t.Logf("%d kills over a %v install: %v", runs, span, outcomes)
	if !testing.Short() && (outcomes["old"] == 0 || outcomes["new"] == 0) {
		t.Fatalf("kills did not land both before and after the switch: %v", outcomes)
	}
}
