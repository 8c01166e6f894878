package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"time"
)

// cmdStart starts a program and prints its pid and the milliseconds until the screen shows
// at least -colours distinct colours (a painted frame, not a blank or single-colour window).
// The program keeps running.
func cmdStart(args []string) error {
	fl := flag.NewFlagSet("start", flag.ExitOnError)
	colours := fl.Int("colours", 50, "distinct colours that make a painted frame")
	timeout := fl.Duration("timeout", 30*time.Second, "give up after")
	logf := fl.String("log", "/dev/null", "the program's stdout and stderr")
	fl.Parse(args)
	if fl.NArg() == 0 {
		return fmt.Errorf("start: -- CMD ARGS")
	}
	s, err := openScreen()
	if err != nil {
		return err
	}
	defer s.close()
	out, err := os.OpenFile(*logf, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer out.Close()
	if err := s.snap(); err != nil {
		return err
	}
	if n := s.colours(*colours); n >= *colours {
		return fmt.Errorf("start: the screen already shows %d colours", n)
	}
	cmd := exec.Command(fl.Arg(0), fl.Args()[1:]...)
	cmd.Stdout, cmd.Stderr = out, out
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	for time.Since(t0) < *timeout {
		if err := s.snap(); err != nil {
			return err
		}
		if s.colours(*colours) >= *colours {
			fmt.Printf("%d %s\n", cmd.Process.Pid, ms(time.Since(t0)))
			cmd.Process.Release()
			return nil
		}
		time.Sleep(2 * time.Millisecond)
	}
	fmt.Printf("%d -\n", cmd.Process.Pid)
	cmd.Process.Release()
	return fmt.Errorf("start: no painted frame after %s", *timeout)
}
