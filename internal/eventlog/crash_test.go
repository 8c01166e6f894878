package eventlog

import (
	"bufio"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jindu-edu/kiosk/internal/exhibit/event"
)

// crashChildEnv names the database a TestHelperChild process writes to.
const crashChildEnv = "EVENTLOG_CRASH_CHILD_DB"

// crashKills is how many times TestCrashDurability kills the writer.
const crashKills = 100

// TestHelperChild is not a test: TestCrashDurability runs the test binary with it as a
// child process that records events as fast as it can until it is killed, printing
// "committed <seq>" for every committed batch (after the commit returned).
func TestHelperChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("helper process for TestCrashDurability")
	}
	l, err := Open(path, Options{
		KioskID:    "crash-child",
		QueueSize:  64,
		BatchSize:  4,
		FlushEvery: 2 * time.Millisecond,
		OnCommit: func(seq int64) {
			// One write(2) per line: a pipe write this small is atomic, so a kill never
			// leaves half a line. os.Stdout is unbuffered; nothing else to flush.
			os.Stdout.Write(strconv.AppendInt([]byte("committed "), seq, 10))
			os.Stdout.Write([]byte{'\n'})
		},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	if h := l.Health(); h.MovedAside != "" {
		fmt.Fprintln(os.Stderr, "child: database moved aside:", h.LastError)
		os.Exit(3)
	}
	for i := 0; ; i++ {
		l.Record(event.Event{Type: "crash", Session: "s", Item: strconv.Itoa(i), Data: map[string]any{"i": i}})
	}
}

// TestCrashDurability kills a writing child process with SIGKILL at random moments, over
// and over on the same database, and checks after every kill that everything the child
// reported committed is there and the database is sound.
func TestCrashDurability(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process 100 times")
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 0x6b696f736b))
	path := filepath.Join(t.TempDir(), "events.db")
	var reported int64 // highest seq any child reported committed
	start := time.Now()
	for kill := 1; kill <= crashKills; kill++ {
		delay := time.Duration(5+rng.IntN(146)) * time.Millisecond
		last, lines := runAndKill(t, path, delay)
		if last < reported {
			t.Fatalf("kill %d: child reported seq %d, below %d from before", kill, last, reported)
		}
		reported = max(reported, last)
		verifyAfterCrash(t, path, reported)
		if kill%25 == 0 {
			t.Logf("%d kills in %v, %d events committed (last child: %d commits)",
				kill, time.Since(start).Round(time.Millisecond), reported, lines)
		}
	}
}

// runAndKill starts a child on path, kills it delay after its first commit line and returns
// the highest seq it reported and how many commit lines it printed.
func runAndKill(t *testing.T, path string, delay time.Duration) (last int64, lines int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperChild$", "-test.count=1", "-test.timeout=60s")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	first := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err != nil { // EOF; a line without its newline is not a report
				done <- nil
				return
			}
			s, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "committed ")
			seq, perr := strconv.ParseInt(s, 10, 64)
			if !ok || perr != nil {
				done <- fmt.Errorf("bad line from child: %q", line)
				return
			}
			last = max(last, seq)
			if lines++; lines == 1 {
				close(first)
			}
		}
	}()
	select {
	case <-first:
	case err := <-done:
		cmd.Wait()
		t.Fatalf("child ended before its first commit (%v): %s", err, stderr.String())
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("no commit from the child in 20s: %s", stderr.String())
	}
	time.Sleep(delay)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	return last, lines
}

// verifyAfterCrash opens the database as the next start would and checks it.
func verifyAfterCrash(t *testing.T, path string, reported int64) {
	t.Helper()
	db := rawDB(t, path)
	defer db.Close()
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q, %v", check, err)
	}
	var rows, ids, seqs, maxSeq, upTo, lastSeq int64
	err := db.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT id), COUNT(DISTINCT seq), COALESCE(MAX(seq), 0),
		(SELECT COUNT(*) FROM events WHERE seq <= ?),
		(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'last_seq') FROM events`, reported).
		Scan(&rows, &ids, &seqs, &maxSeq, &upTo, &lastSeq)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case ids != rows || seqs != rows:
		t.Fatalf("%d rows but %d distinct ids and %d distinct seqs", rows, ids, seqs)
	case upTo != reported:
		t.Fatalf("reported committed through seq %d, but only %d of seqs 1..%d are stored", reported, upTo, reported)
	case maxSeq != rows || lastSeq != maxSeq:
		t.Fatalf("seqs not dense: %d rows, max seq %d, meta last_seq %d", rows, maxSeq, lastSeq)
	}
	db.Close()
}
