package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// needX skips (or, with KIOSK_SMOKE=require, fails) a test that needs Xvfb and xdotool.
func needX(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("KIOSK_SMOKE") == "require" {
				t.Fatalf("%s is not installed (make test installs it)", tool)
			}
			t.Skipf("%s is not installed", tool)
		}
	}
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	buildOut  []byte
)

// kioskBinary builds the real kiosk once for the package's tests, as make build does (the
// Makefile's KIOSK_TAGS). It lies in a temporary directory with no demo beside it: it finds
// the source tree's assets/content from the working directory (package demo).
func kioskBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kiosk-bin")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "kiosk")
		buildOut, buildErr = exec.Command("go", "build", "-tags", "no_emoji", "-o", builtBin, ".").CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("build: %v\n%s", buildErr, buildOut)
	}
	return builtBin
}

// xscreen is an Xvfb display of a given size.
type xscreen struct {
	t   *testing.T
	env []string
}

func startXvfb(t *testing.T, size string) *xscreen {
	t.Helper()
	return startXvfbOn(t, freeDisplay(t), size)
}

// startXvfbOn starts Xvfb on a given display number.
func startXvfbOn(t *testing.T, display, size string) *xscreen {
	t.Helper()
	xvfb := exec.Command("Xvfb", display, "-screen", "0", size+"x24", "-nolisten", "tcp")
	if err := xvfb.Start(); err != nil {
		t.Fatal(err)
	}
	// SIGTERM, not SIGKILL: Xvfb then removes its lock and socket, and the display number
	// is free for the next test.
	t.Cleanup(func() { xvfb.Process.Signal(syscall.SIGTERM); xvfb.Wait() })
	x := &xscreen{t: t, env: append(os.Environ(), "DISPLAY="+display, "LANG=zh_CN.UTF-8")}
	waitFor(t, 30*time.Second, "Xvfb to answer", func() bool { // a socket file alone may be stale
		_, err := x.run("xdotool", "getdisplaygeometry")
		return err == nil
	})
	return x
}

// run runs an X tool on the screen and returns its output.
func (x *xscreen) run(name string, args ...string) (string, error) {
	c := exec.Command(name, args...)
	c.Env = x.env
	out, err := c.Output()
	return strings.TrimSpace(string(out)), err
}

// tap clicks at a point, as a finger would.
func (x *xscreen) tap(px, py int) {
	x.t.Helper()
	if _, err := x.run("xdotool", "mousemove", itoa(px), itoa(py), "click", "1"); err != nil {
		x.t.Fatalf("tap %d,%d: %v", px, py, err)
	}
}

// runningKiosk is the real binary on a screen.
type runningKiosk struct {
	cmd    *exec.Cmd
	logs   *bytes.Buffer
	exited chan struct{} // closed when the process has ended
}

// startKiosk starts the binary with args and waits for its window and a painted frame.
func (x *xscreen) startKiosk(bin string, args ...string) *runningKiosk {
	x.t.Helper()
	var logs bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Env, cmd.Stdout, cmd.Stderr = x.env, &logs, &logs
	if err := cmd.Start(); err != nil {
		x.t.Fatal(err)
	}
	k := &runningKiosk{cmd: cmd, logs: &logs, exited: make(chan struct{})}
	go func() { cmd.Wait(); close(k.exited) }()
	x.t.Cleanup(func() { k.kill() })
	x.waitShown(k)
	return k
}

// waitShown waits for the kiosk's window and its first painted frame.
func (x *xscreen) waitShown(k *runningKiosk) {
	x.t.Helper()
	logs := k.logs
	for end := time.Now().Add(120 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		if win, _ := x.run("xdotool", "search", "--name", "禁毒预防教育基地"); win != "" {
			break
		}
		select {
		case <-k.exited:
			x.t.Fatalf("the kiosk exited before its window showed; its log:\n%s", logs.String())
		default:
		}
		if time.Now().After(end) {
			x.t.Fatalf("no kiosk window after %v; its log:\n%s", 120*time.Second, logs.String())
		}
	}
	shot := filepath.Join(x.t.TempDir(), "first.png")
	waitFor(x.t, 60*time.Second, "the first frame", func() bool {
		if _, err := x.run("import", "-window", "root", shot); err != nil {
			return false
		}
		return colours(readPNG(x.t, shot)) > 50
	})
}

// kill ends the kiosk at once (a power cut, a crash).
func (k *runningKiosk) kill() {
	k.cmd.Process.Kill()
	<-k.exited
}

// stop asks the kiosk to quit (the service manager's SIGTERM) and waits.
func (k *runningKiosk) stop(t *testing.T) {
	t.Helper()
	k.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-k.exited:
	case <-time.After(20 * time.Second):
		k.kill()
		t.Fatalf("the kiosk ignored SIGTERM:\n%s", k.logs)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestKioskWaitsForALateDisplay: at boot the session may start the kiosk a moment before
// the display server takes connections. The kiosk waits for it (it used to panic in GLFW
// and leave the service manager to restart it).
func TestKioskWaitsForALateDisplay(t *testing.T) {
	needX(t)
	bin := kioskBinary(t)
	display := freeDisplay(t)
	var logs bytes.Buffer
	cmd := exec.Command(bin, "--data", filepath.Join(t.TempDir(), "data"))
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "LANG=zh_CN.UTF-8")
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	k := &runningKiosk{cmd: cmd, logs: &logs, exited: make(chan struct{})}
	go func() { cmd.Wait(); close(k.exited) }()
	t.Cleanup(func() { k.kill() })
	time.Sleep(2 * time.Second) // no display yet
	select {
	case <-k.exited:
		t.Fatalf("the kiosk gave up before the display came:\n%s", logs.String())
	default:
	}
	x := startXvfbOn(t, display, "1920x1080")
	x.waitShown(k)
}
