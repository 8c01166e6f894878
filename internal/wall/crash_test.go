package wall

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const crashEnv = "WALL_CRASH_CHILD_DB"

// TestHelperChild is not a test: TestKill9 runs the test binary as a child that sends
// messages as fast as it can, printing "sent <id>" after each Add returned (what the
// visitor would see as sent), until it is killed.
func TestHelperChild(t *testing.T) {
	path := os.Getenv(crashEnv)
	if path == "" {
		t.Skip("helper process for TestKill9")
	}
	s, err := Open(path, Options{KioskID: "crash"})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	if s.MovedAside() != "" {
		fmt.Fprintln(os.Stderr, "child: database moved aside")
		os.Exit(3)
	}
	ink := &Ink{Aspect: 1, Strokes: []Stroke{{Points: []Point{{0.1, 0.1}, {0.9, 0.9}}}}}
	for i := 0; ; i++ {
		m := Message{Kind: KindText, Text: fmt.Sprintf("留言 %d", i%1000)}
		if i%3 == 0 {
			m = Message{Kind: KindInk, Ink: ink}
		}
		got, err := s.Add(m)
		if err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(4)
		}
		os.Stdout.Write([]byte("sent " + got.ID + "\n")) // one write(2): atomic on a pipe
	}
}

// TestKill9 kills a sending child with SIGKILL at random moments, over and over on the same
// store, and checks after each kill that every message it reported sent is there and the
// database opens clean (not moved aside).
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process 30 times")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	path := filepath.Join(t.TempDir(), "wall.db")
	var sent []string
	for kill := 1; kill <= 30; kill++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperChild$", "-test.count=1", "-test.timeout=60s")
		cmd.Env = append(os.Environ(), crashEnv+"="+path)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		first := make(chan struct{})
		done := make(chan []string, 1)
		go func() {
			var ids []string
			r := bufio.NewReader(out)
			for {
				line, err := r.ReadString('\n')
				if err != nil {
					done <- ids
					return
				}
				if id, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "sent "); ok {
					ids = append(ids, id)
					if len(ids) == 1 {
						close(first)
					}
				}
			}
		}()
		select {
		case <-first:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("no message from the child: %s", stderr.String())
		}
		time.Sleep(time.Duration(5+rng.IntN(80)) * time.Millisecond)
		cmd.Process.Kill() // SIGKILL
		ids := <-done
		cmd.Wait()
		if strings.Contains(stderr.String(), "child:") {
			t.Fatalf("kill %d: %s", kill, stderr.String())
		}
		sent = append(sent, ids...)

		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s.MovedAside() != "" {
			t.Fatalf("kill %d: store moved aside", kill)
		}
		counts, err := s.Counts()
		if err != nil {
			t.Fatal(err)
		}
		if counts[Pending]+counts[Approved] < len(sent) {
			t.Fatalf("kill %d: %d sent, %d stored", kill, len(sent), counts[Pending])
		}
		for _, id := range ids {
			if _, err := s.Get(id); err != nil {
				t.Fatalf("kill %d: sent message %s lost: %v", kill, id, err)
			}
		}
		s.Close()
	}
	t.Logf("30 kills, %d messages reported sent, all stored", len(sent))
}
