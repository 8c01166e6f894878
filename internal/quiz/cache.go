package quiz

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jindu-edu/kiosk/internal/atomicfile"
	"github.com/jindu-edu/kiosk/internal/lint"
)

// cacheFormat changes whenever Bank, Question or the validation rules change, so that a
// kiosk updated in place never trusts a cache written by an older build.
const cacheFormat = "quizbank-cache-v1"

// cachePrefix names the cache files in the cache directory: cachePrefix + key + ".gob".
const cachePrefix = "quizbank-"

// cached is what a cache file holds: the validated bank, its problems (warnings only: a
// bank with errors is never cached) and the pictures it was checked against.
type cached struct {
	Bank     Bank
	Problems []lint.Problem
	Media    []mediaStamp
}

// mediaStamp is a picture a question shows, as it was when the bank was validated.
type mediaStamp struct {
	Path string
	Size int64
	Mod  int64 // UnixNano
}

// LoadCached is Load, with the validated bank kept in dir: a bank whose files (names and
// bytes) and pictures (size and time) are unchanged since it was last validated is read
// back from a gob (milliseconds for 10,000 questions, where parsing and validating the
// YAML takes hundreds). The answer is always Load's: any doubt — no dir, an unreadable or
// corrupt cache file, a changed picture — falls back to Load, and a bank with errors is
// never cached. Writing the cache is best effort (a full disk only costs the next start).
func LoadCached(bank, media fs.FS, dir string) (*Bank, lint.Report) {
	if dir == "" {
		return Load(bank, media)
	}
	key, err := bankKey(bank)
	if err != nil {
		return Load(bank, media) // it reports the unreadable file with its name
	}
	file := filepath.Join(dir, cachePrefix+key+".gob")
	if c, ok := readCache(file, media); ok {
		return &c.Bank, lint.Report{Problems: c.Problems}
	}
	b, rep := Load(bank, media)
	if rep.Err() == nil {
		writeCache(dir, file, cached{Bank: *b, Problems: rep.Problems, Media: stamps(b, media)})
	}
	return b, rep
}

// bankKey hashes the format and every bank file's name and bytes.
func bankKey(bank fs.FS) (string, error) {
	names, err := fs.Glob(bank, "*.yaml")
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%d\n", cacheFormat, len(names))
	for _, n := range names {
		data, err := fs.ReadFile(bank, n)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\n%d\n", n, len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

// readCache reads a cache file and checks its pictures are unchanged.
func readCache(file string, media fs.FS) (cached, bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		return cached{}, false
	}
	var c cached
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&c); err != nil {
		return cached{}, false
	}
	// gob leaves out a pointer to false: a true/false answer is given back as Load gives it.
	for i := range c.Bank.Questions {
		if q := &c.Bank.Questions[i]; q.Type == TrueFalse && len(q.Answer.Indexes) == 1 {
			v := q.Answer.Indexes[0] == 0
			q.Answer.Bool = &v
		}
	}
	for _, m := range c.Media {
		st, err := fs.Stat(media, m.Path)
		if err != nil || st.Size() != m.Size || st.ModTime().UnixNano() != m.Mod {
			return cached{}, false
		}
	}
	return c, true
}

// stamps lists the pictures the bank's questions (drafts too: they were checked) show.
func stamps(b *Bank, media fs.FS) []mediaStamp {
	var out []mediaStamp
	seen := map[string]bool{}
	for _, q := range b.Questions {
		if q.Image == "" || seen[q.Image] {
			continue
		}
		seen[q.Image] = true
		if st, err := fs.Stat(media, q.Image); err == nil {
			out = append(out, mediaStamp{Path: q.Image, Size: st.Size(), Mod: st.ModTime().UnixNano()})
		}
	}
	return out
}

// writeCache saves c as file and removes the cache files of other banks.
func writeCache(dir, file string, c cached) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(c); err != nil {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	if err := atomicfile.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		return
	}
	old, _ := filepath.Glob(filepath.Join(dir, cachePrefix+"*.gob"))
	for _, o := range old {
		if o != file && strings.HasPrefix(filepath.Base(o), cachePrefix) {
			_ = os.Remove(o)
		}
	}
}
