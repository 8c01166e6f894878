package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/pack"
)

// TestPackWorkflow runs the staff workflow end to end on the bundled content: keygen,
// build (with lint), sign, verify, info, install, and the refusals on the way.
func TestPackWorkflow(t *testing.T) {
	dir := t.TempDir()
	key, other := filepath.Join(dir, "k"), filepath.Join(dir, "other")
	file := filepath.Join(dir, "nanming.jkpack")
	var out bytes.Buffer
	step := func(wantCode int, args ...string) string {
		t.Helper()
		out.Reset()
		code, err := run(args, nil, &out)
		if code != wantCode {
			t.Fatalf("%v: exit %d (%v), want %d\n%s", args, code, err, wantCode, out.String())
		}
		if err != nil {
			return out.String() + err.Error()
		}
		return out.String()
	}
	if s := step(0, "pack", "keygen", key); !strings.Contains(s, "public key:") {
		t.Fatal(s)
	}
	step(0, "pack", "keygen", other)
	if st, _ := os.Stat(key); st.Mode().Perm() != 0o600 {
		t.Fatalf("private key mode %v", st.Mode())
	}
	step(1, "pack", "keygen", key) // never overwrites a key
	s := step(0, "pack", "build", "../../assets/content", "-o", file, "--id", "nanming",
		"--title-zh", "南明区禁毒教育基地", "--title-en", "Nanming", "--version", "3", "--min-app", "1.0")
	if !strings.Contains(s, "unsigned") {
		t.Fatal(s)
	}
	if s := step(1, "pack", "verify", file, "--trust", key+".pub"); !strings.Contains(s, "没有签名") {
		t.Fatalf("unsigned verify: %s", s)
	}
	step(0, "pack", "sign", file, "--key", key)
	if s := step(0, "pack", "verify", file, "--trust", key+".pub"); !strings.HasPrefix(s, "ok: nanming v3") {
		t.Fatal(s)
	}
	if s := step(1, "pack", "verify", file, "--trust", other+".pub"); !strings.Contains(s, "不受本机信任") {
		t.Fatalf("wrong key: %s", s)
	}
	// Two trusted keys (rotation): either may sign.
	step(0, "pack", "verify", "--trust", other+".pub", "--trust", key+".pub", file)
	if s := step(0, "pack", "info", file); !strings.Contains(s, "南明区禁毒教育基地") || !strings.Contains(s, "version:   3") {
		t.Fatal(s)
	}
	data := filepath.Join(dir, "data")
	if s := step(0, "pack", "install", file, "--data", data, "--trust", key+".pub", "--app-version", "v1.2.0"); !strings.Contains(s, "installed nanming v3") {
		t.Fatal(s)
	}
	if s := step(1, "pack", "install", file, "--data", data, "--trust", key+".pub"); !strings.Contains(s, "版本不比已安装的新") {
		t.Fatalf("reinstall: %s", s)
	}
	store, err := pack.OpenStore(filepath.Join(data, "packs"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if in, ok := store.Current(); !ok || in.Manifest.FileCount < 100 {
		t.Fatalf("installed: %+v", in.Manifest)
	}
	// A byte flipped in the middle of a signed pack (inside a stored PNG) is found by verify
	// and named.
	raw, _ := os.ReadFile(file)
	raw[len(raw)/2] ^= 0xff
	os.WriteFile(file, raw, 0o644)
	if s := step(1, "pack", "verify", file, "--trust", key+".pub"); !strings.Contains(s, "与清单不符") || !strings.Contains(s, "root/media/") {
		t.Fatalf("tampered: %s", s)
	}
}

// TestPackBuildRefusesBrokenContent: build runs the content and quiz-bank linters first.
func TestPackBuildRefusesBrokenContent(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	copyTree(t, "../../assets/content", root)
	p := filepath.Join(root, "content", "drugs.yaml")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(data, []byte("category: synthetic"), []byte("category: synthetc"), 1), 0o644)
	var out bytes.Buffer
	file := filepath.Join(dir, "x.jkpack")
	code, err := run([]string{"pack", "build", root, "-o", file, "--id", "x", "--title-zh", "x", "--title-en", "x", "--version", "1"}, nil, &out)
	if code != 1 || err == nil || !strings.Contains(out.String(), `category "synthetc" is not defined`) {
		t.Fatalf("exit %d %v\n%s", code, err, out.String())
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Fatal("a pack was written for broken content")
	}
	// A broken quiz bank is refused too.
	os.WriteFile(p, data, 0o644)
	os.MkdirAll(filepath.Join(root, "quizbank"), 0o755)
	os.WriteFile(filepath.Join(root, "quizbank", "bad.yaml"), []byte("questions: [{id: q1}]\n"), 0o644)
	out.Reset()
	if code, _ := run([]string{"pack", "build", root, "-o", file, "--id", "x", "--title-zh", "x", "--title-en", "x", "--version", "1"}, nil, &out); code != 1 || !strings.Contains(out.String(), "quizbank/bad.yaml") {
		t.Fatalf("broken bank: exit %d\n%s", code, out.String())
	}
	for _, args := range [][]string{{"pack"}, {"pack", "nope"}, {"pack", "build", root}, {"pack", "verify", file}} {
		if code, _ := run(args, nil, &out); code != 2 {
			t.Errorf("%v: exit %d, want usage (2)", args, code)
		}
	}
}
