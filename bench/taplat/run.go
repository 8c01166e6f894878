package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

type step struct {
	name  string // "" for a lead-in tap
	x, y  int
	sleep time.Duration
	mask  *rect
}

func parseScript(path string) ([]step, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var steps []step
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fs := strings.Fields(line)
		if len(fs) == 0 {
			continue
		}
		bad := fmt.Errorf("%s:%d: want NAME X Y, - X Y, sleep D or mask X Y W H", path, ln)
		switch {
		case fs[0] == "sleep" && len(fs) == 2:
			d, err := time.ParseDuration(fs[1])
			if err != nil {
				return nil, bad
			}
			steps = append(steps, step{sleep: d})
		case fs[0] == "mask" && len(fs) == 5:
			n, err := ints(fs[1:])
			if err != nil {
				return nil, bad
			}
			steps = append(steps, step{mask: &rect{n[0], n[1], n[2], n[3]}})
		case len(fs) == 3:
			n, err := ints(fs[1:])
			if err != nil {
				return nil, bad
			}
			name := fs[0]
			if name == "-" {
				name = ""
			}
			steps = append(steps, step{name: name, x: n[0], y: n[1]})
		default:
			return nil, bad
		}
	}
	return steps, sc.Err()
}

func ints(ss []string) ([]int, error) {
	out := make([]int, len(ss))
	for i, s := range ss {
		n, err := strconv.Atoi(s)
		if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

func cmdRun(args []string) error {
	fl := flag.NewFlagSet("run", flag.ExitOnError)
	rounds := fl.Int("rounds", 8, "times through the script")
	label := fl.String("label", "kiosk", "first column of the output (bare, kiosk)")
	runID := fl.String("run", "1", "second column of the output (the A/B repetition)")
	settle := fl.Duration("settle", 400*time.Millisecond, "no change for this long: settled")
	limit := fl.Duration("limit", 8*time.Second, "give up on a tap after this long")
	gap := fl.Duration("gap", 300*time.Millisecond, "quiet time before each tap")
	poll := fl.Duration("poll", time.Millisecond, "pause between two screen grabs")
	fl.Parse(args)
	if fl.NArg() != 1 {
		return fmt.Errorf("run: one script file")
	}
	steps, err := parseScript(fl.Arg(0))
	if err != nil {
		return err
	}
	s, err := openScreen()
	if err != nil {
		return err
	}
	defer s.close()
	p := newProbe(s, *poll)
	for r := 0; r < *rounds; r++ {
		for _, st := range steps {
			switch {
			case st.mask != nil:
				if r == 0 {
					p.masks = append(p.masks, *st.mask)
				}
			case st.sleep > 0:
				time.Sleep(st.sleep)
			default:
				if err := p.quiet(*gap, 3*time.Second); err != nil {
					return err
				}
				first, last, err := p.measure(st.x, st.y, *settle, *limit)
				if err != nil {
					return err
				}
				if st.name != "" {
					fmt.Printf("%s\t%s\t%s\t%s\t%s\n", *label, *runID, st.name, ms(first), ms(last))
				}
			}
		}
	}
	return nil
}

func ms(d time.Duration) string {
	if d < 0 {
		return "-"
	}
	return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 1, 64)
}
