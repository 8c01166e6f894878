package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cmdSoak taps at random (never in the hidden staff corner) and every -every taps prints
// "taps seconds pss_kib rss_kib goroutines". With -debug it reads the goroutine count from
// the kiosk's pprof endpoint and, with -profile, saves a CPU profile of -cpusec seconds from
// the first report on, heap profiles at the first report and at the end, and a goroutine dump.
func cmdSoak(args []string) error {
	fl := flag.NewFlagSet("soak", flag.ExitOnError)
	n := fl.Int("n", 10000, "taps")
	every := fl.Int("every", 1000, "report every this many taps")
	pid := fl.Int("pid", 0, "the kiosk's pid (memory, liveness)")
	debug := fl.String("debug", "", "the kiosk's pprof base URL, e.g. http://127.0.0.1:6061")
	gap := fl.Duration("gap", 40*time.Millisecond, "least pause between taps")
	jitter := fl.Duration("jitter", 80*time.Millisecond, "random extra pause up to this")
	seed := fl.Uint64("seed", 1, "random seed (same taps for the same seed)")
	avoid := fl.Int("avoid", 110, "size of the top-left staff corner never tapped")
	profDir := fl.String("profile", "", "directory for pprof files (needs -debug)")
	cpusec := fl.Int("cpusec", 60, "length of the CPU profile")
	fl.Parse(args)
	if *pid <= 0 {
		return fmt.Errorf("soak: -pid")
	}
	s, err := openScreen()
	if err != nil {
		return err
	}
	defer s.close()
	rng := rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))
	alive := func() bool { return syscall.Kill(*pid, 0) == nil }
	cpuDone := make(chan error, 1)
	report := func(taps int, t0 time.Time) error {
		time.Sleep(time.Second) // let the last tap's work finish
		pss, rss, _, err := treeMem(*pid)
		if err != nil {
			return fmt.Errorf("after %d taps: kiosk gone: %v", taps, err)
		}
		g := "-"
		if *debug != "" {
			if c, err := goroutines(*debug); err == nil {
				g = strconv.Itoa(c)
			}
		}
		fmt.Printf("%d\t%.0f\t%d\t%d\t%s\n", taps, time.Since(t0).Seconds(), pss, rss, g)
		return nil
	}
	fmt.Println("taps\tseconds\tpss_kib\trss_kib\tgoroutines")
	t0 := time.Now()
	if err := report(0, t0); err != nil {
		return err
	}
	for i := 1; i <= *n; i++ {
		var x, y int
		for {
			x, y = rng.IntN(s.W), rng.IntN(s.H)
			if x >= *avoid || y >= *avoid {
				break
			}
		}
		s.tap(x, y)
		time.Sleep(*gap + time.Duration(rng.Int64N(int64(*jitter)+1)))
		if i%100 == 0 && !alive() {
			return fmt.Errorf("after %d taps: the kiosk (pid %d) has exited", i, *pid)
		}
		if i%*every == 0 {
			if err := report(i, t0); err != nil {
				return err
			}
			if i == *every && *profDir != "" && *debug != "" {
				save(*debug+"/debug/pprof/heap", filepath.Join(*profDir, fmt.Sprintf("heap-%d.pprof", i)))
				go func() {
					cpuDone <- save(fmt.Sprintf("%s/debug/pprof/profile?seconds=%d", *debug, *cpusec), filepath.Join(*profDir, "cpu.pprof"))
				}()
			}
		}
	}
	if *profDir != "" && *debug != "" {
		save(*debug+"/debug/pprof/heap", filepath.Join(*profDir, "heap-end.pprof"))
		save(*debug+"/debug/pprof/goroutine?debug=1", filepath.Join(*profDir, "goroutines-end.txt"))
		select {
		case err := <-cpuDone:
			if err != nil {
				fmt.Fprintln(os.Stderr, "cpu profile:", err)
			}
		case <-time.After(time.Duration(*cpusec+10) * time.Second):
		}
	}
	return nil
}

// goroutines reads "goroutine profile: total N" from the pprof endpoint.
func goroutines(base string) (int, error) {
	resp, err := http.Get(base + "/debug/pprof/goroutine?debug=1")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	line, err := bufio.NewReader(resp.Body).ReadString('\n')
	if err != nil {
		return 0, err
	}
	f := strings.Fields(line)
	if len(f) == 0 {
		return 0, fmt.Errorf("goroutine profile: %q", line)
	}
	return strconv.Atoi(f[len(f)-1])
}

func save(url, path string) error {
	resp, err := http.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("%s: %s", url, resp.Status)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, resp.Body); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
