package pack

import (
	"context"
	"crypto/ed25519"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkInstall measures verify+install throughput of a 64 MiB pack (16 files of
// 4 MiB), fsyncs included; MB/s is the figure to read.
func BenchmarkInstall(b *testing.B) {
	pub, key := testKey(b, 1)
	dir := b.TempDir()
	files := bigFiles(1, 16, 4<<20, 1)
	p := craft(b, dir, "bench.jkpack", spec{key: key, files: files})
	var total int64
	for _, f := range files {
		total += int64(len(f.data))
	}
	opts := InstallOptions{Trust: []ed25519.PublicKey{pub}, KioskID: "k", AppVersion: "dev"}
	b.SetBytes(total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		sd := filepath.Join(dir, "store")
		os.RemoveAll(sd)
		s, err := OpenStore(sd, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := s.Install(context.Background(), p, opts); err != nil {
			b.Fatal(err)
		}
	}
}
