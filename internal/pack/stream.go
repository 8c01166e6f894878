package pack

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
)

// bufSize is the one copy buffer of an install or verify: memory stays flat whatever the
// pack size.
const bufSize = 256 << 10

// sink receives one content file. create returns where to write it and a function that
// finishes it (fsync and close) once its hash has been checked.
type sink func(f File) (w io.Writer, finish func() error, err error)

// discard is the sink of Verify.
func discard(File) (io.Writer, func() error, error) {
	return io.Discard, func() error { return nil }, nil
}

// stream reads every content member in archive order, counting the bytes actually
// decompressed (never trusting the zip header) and hashing them while they are written to
// the sink. It stops at the first problem.
func (a *archive) stream(ctx context.Context, lim Limits, to sink, progress func(done, total int64)) error {
	lim = lim.withDefaults()
	byPath := make(map[string]File, len(a.man.Files))
	for _, f := range a.man.Files {
		byPath[f.Path] = f
	}
	buf := make([]byte, bufSize)
	var done int64
	for _, zf := range a.zr.File {
		if strings.HasSuffix(zf.Name, "/") || !strings.HasPrefix(zf.Name, RootPrefix) {
			continue
		}
		mf, ok := byPath[strings.TrimPrefix(zf.Name, RootPrefix)]
		if !ok { // matchEntries ran before; this is a second safety net
			return fail(CodeExtraFile, zf.Name, "not listed in the manifest")
		}
		n, err := a.copyOne(ctx, zf, mf, lim, to, buf, func(n int64) {
			if progress != nil {
				progress(done+n, a.man.TotalSize)
			}
		})
		done += n
		if err != nil {
			return err
		}
	}
	return nil
}

func (a *archive) copyOne(ctx context.Context, zf *zip.File, mf File, lim Limits, to sink, buf []byte, tick func(int64)) (int64, error) {
	rc, err := zf.Open()
	if err != nil {
		return 0, wrapErr(CodeUnreadable, zf.Name, err)
	}
	defer rc.Close()
	w, finish, err := to(mf)
	if err != nil {
		return 0, err
	}
	closed := false
	defer func() {
		if !closed {
			finish()
		}
	}()
	// Read at most one byte more than allowed, so "too long" is seen without reading on.
	ratioMax := int64(zf.CompressedSize64)*int64(lim.MaxRatio) + ratioSlack
	allowed := min(mf.Size, ratioMax) + 1
	lr := &io.LimitedReader{R: rc, N: allowed}
	h := sha256.New()
	var n int64
	var readErr error
	for {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		nr, er := lr.Read(buf)
		if nr > 0 {
			h.Write(buf[:nr])
			if _, ew := w.Write(buf[:nr]); ew != nil {
				return n, wrapErr(CodeIO, zf.Name, ew)
			}
			n += int64(nr)
			tick(n)
		}
		if er == io.EOF {
			break
		}
		if er != nil {
			readErr = er
			break
		}
	}
	switch {
	case n > mf.Size:
		return n, fail(CodeSize, zf.Name, "more than the %d bytes in the manifest", mf.Size)
	case n > ratioMax:
		return n, fail(CodeRatio, zf.Name, "%d compressed bytes expand beyond %d", zf.CompressedSize64, ratioMax)
	case errors.Is(readErr, zip.ErrChecksum):
		return n, fail(CodeHash, zf.Name, "zip CRC mismatch")
	case readErr != nil:
		return n, wrapErr(CodeUnreadable, zf.Name, readErr)
	case n < mf.Size:
		return n, fail(CodeSize, zf.Name, "%d bytes, the manifest says %d", n, mf.Size)
	}
	if got := hex.EncodeToString(h.Sum(nil)); got != mf.SHA256 {
		return n, fail(CodeHash, zf.Name, "sha256 %s, manifest %s", got[:12], mf.SHA256[:12])
	}
	closed = true
	if err := finish(); err != nil {
		return n, wrapErr(CodeIO, zf.Name, err)
	}
	return n, nil
}
