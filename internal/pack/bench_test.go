package pack

import (
	"archive/zip"
	"context"
	"crypto/ed25519"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkInstall measures verify+install throughput of a 64 MiB pack (16 files of
// 4 MiB), fsyncs included; MB/s is the figure to read. "stored" is media-like (members
// stored, as pack build stores png/ogg/mp4), "deflate" is compressible data inflated on
// the way in.
func BenchmarkInstall(b *testing.B) {
	for _, bc := range []struct {
		name   string
		method uint16
	}{{"stored", zip.Store}, {"deflate", zip.Deflate}} {
		b.Run(bc.name, func(b *testing.B) {
			pub, key := testKey(b, 1)
			dir := b.TempDir()
			files := bigFiles(1, 16, 4<<20, 1)
			var total int64
			for i := range files {
				files[i].method = bc.method
				total += int64(len(files[i].data))
			}
			p := craft(b, dir, "bench.jkpack", spec{key: key, files: files})
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
		})
	}
}
