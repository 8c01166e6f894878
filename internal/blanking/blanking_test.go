package blanking

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

type fake struct {
	env  map[string]string
	runs []string
	fail bool
}

func (f *fake) Env() Env {
	return Env{Getenv: func(k string) string { return f.env[k] }, Run: func(name string, args ...string) error {
		f.runs = append(f.runs, name+" "+strings.Join(args, " "))
		if f.fail {
			return errors.New("exit status 1: unable to open display")
		}
		return nil
	}}
}

func TestXOffAndBack(t *testing.T) {
	f := &fake{env: map[string]string{"DISPLAY": ":0"}}
	restore, err := xPrevent(f.Env())
	if err != nil {
		t.Fatal(err)
	}
	restore()
	want := "xset s off -dpms s noblank|xset s on +dpms"
	if got := strings.Join(f.runs, "|"); got != want {
		t.Fatalf("ran %q, want %q", got, want)
	}
}

func TestNoDisplayNothingToDo(t *testing.T) {
	f := &fake{env: map[string]string{"WAYLAND_DISPLAY": "wayland-0"}}
	restore, err := xPrevent(f.Env())
	if !errors.Is(err, ErrNothingToDo) || len(f.runs) != 0 {
		t.Fatalf("err %v, runs %v", err, f.runs)
	}
	restore()
}

func TestXsetFailureIsReported(t *testing.T) {
	f := &fake{env: map[string]string{"DISPLAY": ":0"}, fail: true}
	restore, err := xPrevent(f.Env())
	if err == nil || !strings.Contains(err.Error(), "unable to open display") {
		t.Fatalf("err %v", err)
	}
	restore()
	if len(f.runs) != 1 {
		t.Fatalf("restored after a failure: %v", f.runs)
	}
}

// TestSystemRunsXset runs a fake xset from PATH through the real environment.
func TestSystemRunsXset(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("X only")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	log := filepath.Join(dir, "log")
	os.WriteFile(filepath.Join(dir, "xset"), []byte("#!/bin/sh\necho \"$@\" >>"+log+"\n"), 0o755)
	t.Setenv("PATH", dir)
	t.Setenv("DISPLAY", ":104")
	restore, err := Prevent(System())
	if err != nil {
		t.Fatal(err)
	}
	restore()
	b, _ := os.ReadFile(log)
	if string(b) != "s off -dpms s noblank\ns on +dpms\n" {
		t.Fatalf("xset got %q", b)
	}
}
