package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jindu-edu/kiosk/internal/kiosk"
)

func TestLintBundledAndBroken(t *testing.T) {
	var out bytes.Buffer
	code, err := run([]string{"content", "lint", "../../assets/content"}, nil, &out)
	if code != 0 || err != nil {
		t.Fatalf("bundled content: %d %v\n%s", code, err, out.String())
	}

	// A copy of the bundled content with one broken file.
	dir := t.TempDir()
	copyTree(t, "../../assets/content", dir)
	p := filepath.Join(dir, "content", "drugs.yaml")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(data, []byte("category: synthetic"), []byte("category: synthetc"), 1), 0o644)
	out.Reset()
	code, err = run([]string{"content", "lint", dir}, nil, &out)
	if code != 1 || err == nil {
		t.Fatalf("broken content must exit 1: %d %v", code, err)
	}
	if !strings.Contains(out.String(), `content/drugs.yaml:`) || !strings.Contains(out.String(), `category "synthetc" is not defined`) {
		t.Fatalf("output does not locate the problem:\n%s", out.String())
	}
	if code, _ := run([]string{"content", "lint", filepath.Join(dir, "nope")}, nil, &out); code != 1 {
		t.Fatal("a missing directory must fail")
	}
}

func TestPinSet(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if code, _ := run([]string{"pin", "set", "--data", dir}, strings.NewReader("1234\n"), &out); code == 0 {
		t.Fatal("a short PIN must be refused")
	}
	if code, err := run([]string{"pin", "set", "--data", dir}, strings.NewReader("86420135\n"), &out); code != 0 {
		t.Fatal(err)
	}
	h, err := kiosk.LoadPINHash(dir)
	if err != nil || kiosk.NewGuard(kiosk.SystemClock{}, h).Check("86420135") != kiosk.PINOK {
		t.Fatal("the PIN set by kioskctl does not open the kiosk")
	}
}

func TestNarrationList(t *testing.T) {
	var out bytes.Buffer
	if code, err := run([]string{"content", "narration", "../../assets/content"}, nil, &out); code != 0 {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) < 78 || !strings.HasPrefix(lines[0], "media/audio/zh/history-") {
		t.Fatalf("%d lines, first %q", len(lines), lines[0])
	}
}

func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestQuizbankLintAndImport(t *testing.T) {
	var out bytes.Buffer
	if code, err := run([]string{"quizbank", "lint"}, nil, &out); code != 0 {
		t.Fatalf("bundled bank: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "168 questions") && !strings.Contains(out.String(), "ok:") {
		t.Fatalf("%s", out.String())
	}

	// A content root whose bank has a broken question.
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "quizbank"), 0o755)
	os.WriteFile(filepath.Join(root, "quizbank", "x.yaml"), []byte(`questions:
  - id: x-1
    type: single
    audience: adult
    difficulty: 2
    topic: law
    prompt: {zh: "问题", en: "Question"}
    choices:
      - {zh: "甲", en: "A"}
      - {zh: "乙", en: "B"}
    answer: C
    explanation: {zh: "解释", en: "Why"}
    source: "[刑法]"
`), 0o644)
	out.Reset()
	if code, _ := run([]string{"quizbank", "lint", root}, nil, &out); code != 1 ||
		!strings.Contains(out.String(), "quizbank/x.yaml:11: error: questions[0].answer: answer C points at a choice that does not exist") {
		t.Fatalf("broken bank: exit %d\n%s", code, out.String())
	}

	// The staff template imports cleanly into a bank that lints.
	dir := t.TempDir()
	copyTree(t, "../../docs", dir)
	outFile := filepath.Join(dir, "imported.yaml")
	out.Reset()
	if code, err := run([]string{"quizbank", "import", filepath.Join(dir, "quizbank-template.csv"), "--out", outFile}, nil, &out); code != 0 {
		t.Fatalf("template import: %v\n%s", err, out.String())
	}
	bank := filepath.Join(t.TempDir(), "root")
	os.MkdirAll(filepath.Join(bank, "quizbank"), 0o755)
	data, _ := os.ReadFile(outFile)
	os.WriteFile(filepath.Join(bank, "quizbank", "imported.yaml"), data, 0o644)
	out.Reset()
	if code, err := run([]string{"quizbank", "lint", bank}, nil, &out); code != 0 {
		t.Fatalf("imported bank does not lint: %v\n%s", err, out.String())
	}
}
