package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestAppPackWorkflow: build-app (version asked from the program), verify, info, then the
// kiosk side without a panel: app install, status, rollback.
func TestAppPackWorkflow(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake program is a shell script")
	}
	dir := t.TempDir()
	t.Setenv("JINDU_KIOSK_CONFIG", "")
	key, file, data := filepath.Join(dir, "k"), filepath.Join(dir, "kiosk-1.5.0.jkpack"), filepath.Join(dir, "data")
	prog := filepath.Join(dir, "kiosk")
	os.WriteFile(prog, []byte("#!/bin/sh\necho v1.5.0\n"), 0o755)
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
	step(0, "pack", "keygen", key)
	// A shell script is no ELF file: the platform must be given.
	if s := step(1, "pack", "build-app", "-o", file, "--kiosk", prog); !strings.Contains(s, "--os and --arch") {
		t.Fatal(s)
	}
	s := step(0, "pack", "build-app", "-o", file, "--kiosk", prog, "--kioskctl", prog,
		"--os", runtime.GOOS, "--arch", runtime.GOARCH, "--key", key)
	if !strings.Contains(s, "program 1.5.0") || !strings.Contains(s, "pack version 1005000") {
		t.Fatal(s)
	}
	if s := step(0, "pack", "verify", file, "--trust", key+".pub"); !strings.HasPrefix(s, "ok: jindu-kiosk v1005000") {
		t.Fatal(s)
	}
	if s := step(0, "pack", "info", file); !strings.Contains(s, "program:   1.5.0 for "+runtime.GOOS) {
		t.Fatal(s)
	}
	// A content install refuses it; the app store takes it.
	if s := step(1, "pack", "install", file, "--data", data, "--trust", key+".pub"); !strings.Contains(s, "包的类型不符") {
		t.Fatal(s)
	}
	if s := step(0, "app", "install", file, "--data", data, "--trust", key+".pub"); !strings.Contains(s, "installed program 1.5.0") {
		t.Fatal(s)
	}
	if s := step(1, "app", "install", file, "--data", data, "--trust", key+".pub"); !strings.Contains(s, "版本不比已安装的新") {
		t.Fatal(s)
	}
	if s := step(0, "app", "status", "--data", data); !strings.Contains(s, "已安装程序更新 1.5.0") || !strings.Contains(s, "下次启动将运行") {
		t.Fatal(s)
	}
	if s := step(0, "app", "rollback", "--data", data); !strings.Contains(s, "随系统安装的版本") {
		t.Fatal(s)
	}
	// A development build cannot be packed without a version.
	os.WriteFile(prog, []byte("#!/bin/sh\necho f92a6dd\n"), 0o755)
	if s := step(1, "pack", "build-app", "-o", file, "--kiosk", prog, "--os", runtime.GOOS, "--arch", runtime.GOARCH); !strings.Contains(s, "development build") {
		t.Fatal(s)
	}
}

func TestProgramPlatform(t *testing.T) {
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	goos, arch, err := programPlatform(self)
	if runtime.GOOS != "linux" && runtime.GOOS != "windows" {
		t.Skip("only ELF and PE programs are read")
	}
	if err != nil || goos != runtime.GOOS || arch != runtime.GOARCH {
		t.Fatalf("%s: %s/%s %v", self, goos, arch, err)
	}
	if _, _, err := programPlatform(filepath.Join("..", "..", "go.mod")); err == nil {
		t.Fatal("a text file has no platform")
	}
}
