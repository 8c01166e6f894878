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
	burst int     // quick taps at (x, y), unmeasured: the hidden staff gesture
	find  *finder // tap where a colour first shows in a region
}

// finder locates a button by its colour: the first pixel (reading order) within tol of
// r, g, b inside the region, tapped dy pixels lower.
type finder struct {
	r, g, b int
	area    rect
	dy      int
}

const tol = 4

func (f *finder) locate(s *screen) (x, y int, ok bool) {
	for y := max(0, f.area.y); y < min(s.H, f.area.y+f.area.h); y++ {
		row := s.pix[y*s.Stride:]
		for x := max(0, f.area.x); x < min(s.W, f.area.x+f.area.w); x++ {
			b, g, r := int(row[4*x]), int(row[4*x+1]), int(row[4*x+2])
			if abs(r-f.r) <= tol && abs(g-f.g) <= tol && abs(b-f.b) <= tol {
				return x, y + f.dy, true
			}
		}
	}
	return 0, 0, false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
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
		bad := fmt.Errorf("%s:%d: want NAME X Y, - X Y, sleep D, mask X Y W H, burst N X Y or find NAME R G B X Y W H DY", path, ln)
		switch {
		case fs[0] == "burst" && len(fs) == 4:
			n, err := ints(fs[1:])
			if err != nil {
				return nil, bad
			}
			steps = append(steps, step{burst: n[0], x: n[1], y: n[2]})
		case fs[0] == "find" && len(fs) == 10:
			n, err := ints(fs[2:])
			if err != nil {
				return nil, bad
			}
			name := fs[1]
			if name == "-" {
				name = ""
			}
			steps = append(steps, step{name: name, find: &finder{n[0], n[1], n[2], rect{n[3], n[4], n[5], n[6]}, n[7]}})
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
	poll := fl.Duration("poll", 4*time.Millisecond, "pause between two screen grabs")
	leadLimit := fl.Duration("lead-limit", 2*time.Second, "give up on an unmeasured tap after this long")
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
	var t0 time.Time
	if tr := os.Getenv("TAPLAT_TRACE"); tr != "" {
		frames := 0
		p.trace = func(b rect) {
			fmt.Fprintf(os.Stderr, "  %7s ms  changed x=%d y=%d w=%d h=%d\n", ms(time.Since(t0)), b.x, b.y, b.w, b.h)
			if st, err := os.Stat(tr); err == nil && st.IsDir() { // and the frame itself
				frames++
				writePPM(s, fmt.Sprintf("%s/frame-%04d.ppm", tr, frames))
			}
		}
	}
	shots := 0
	for r := 0; r < *rounds; r++ {
		for _, st := range steps {
			switch {
			case st.mask != nil:
				if r == 0 {
					p.masks = append(p.masks, *st.mask)
				}
			case st.sleep > 0:
				time.Sleep(st.sleep)
			case st.burst > 0:
				for i := 0; i < st.burst; i++ {
					s.tap(st.x, st.y)
					time.Sleep(150 * time.Millisecond)
				}
			default:
				if err := p.quiet(*gap, 3*time.Second); err != nil {
					return err
				}
				x, y := st.x, st.y
				if st.find != nil {
					var ok bool
					if x, y, ok = st.find.locate(s); !ok { // p.quiet left the screen in s.pix
						if st.name != "" {
							fmt.Printf("%s\t%s\t%s\t-\t-\n", *label, *runID, st.name)
						}
						fmt.Fprintf(os.Stderr, "taplat: %s: colour not found\n", st.name)
						continue
					}
				}
				if dir := os.Getenv("TAPLAT_SHOTS"); dir != "" && st.name != "" {
					shots++
					writePPM(s, fmt.Sprintf("%s/%03d-%d-%d.ppm", dir, shots, x, y))
				}
				lim := *limit
				if st.name == "" {
					lim = *leadLimit
				}
				if p.trace != nil {
					fmt.Fprintf(os.Stderr, "tap %s at %d,%d\n", st.name, x, y)
				}
				t0 = time.Now()
				first, last, err := p.measure(x, y, *settle, lim)
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
