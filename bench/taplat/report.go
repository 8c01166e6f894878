package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// cmdReport reads "label run step first_ms settled_ms" lines (taplat run's output) and prints,
// per step, n, p50/p95 of the first changed frame and of the settled screen, and the ratio of
// each p95 to the bare-Fyne floor (every tap of label "bare" pooled); then the ratios per run
// (each A/B repetition against its own floor) as min/median/max.
func cmdReport(args []string) error {
	fl := flag.NewFlagSet("report", flag.ExitOnError)
	firstGoal := fl.Float64("first", 1.5, "goal: p95 first frame within this times the floor")
	settleGoal := fl.Float64("settle", 2, "goal: p95 settled within this times the floor")
	fl.Parse(args)
	type key struct{ label, run, step string }
	first := map[key][]float64{}
	settle := map[key][]float64{}
	var steps, runs []string
	missed := map[string]int{}
	for _, path := range fl.Args() {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fs := strings.Split(sc.Text(), "\t")
			if len(fs) != 5 {
				continue
			}
			step := fs[2]
			if fs[0] == "bare" {
				step = "bare"
			}
			k := key{fs[0], fs[1], step}
			if !slices.Contains(steps, step) {
				steps = append(steps, step)
			}
			if !slices.Contains(runs, fs[1]) {
				runs = append(runs, fs[1])
			}
			a, err1 := strconv.ParseFloat(fs[3], 64)
			b, err2 := strconv.ParseFloat(fs[4], 64)
			if err1 != nil || err2 != nil {
				missed[step]++ // no change seen: a tap that did nothing
				continue
			}
			first[k] = append(first[k], a)
			settle[k] = append(settle[k], b)
		}
		f.Close()
	}
	pool := func(m map[key][]float64, step, run string) []float64 {
		var out []float64
		for k, v := range m {
			if k.step == step && (run == "" || k.run == run) {
				out = append(out, v...)
			}
		}
		return out
	}
	bf, bs := pool(first, "bare", ""), pool(settle, "bare", "")
	if len(bf) == 0 {
		return fmt.Errorf("report: no bare-Fyne taps (label bare)")
	}
	floorF, floorS := pct(bf, 95), pct(bs, 95)
	fmt.Printf("tap latency, ms (first changed frame / screen settled), %d runs pooled\n", len(runs))
	fmt.Printf("%s %4s %7s %7s %7s %7s %6s %6s %s\n", pad("transition", 28), "n", "p50 1st", "p95 1st", "p50 set", "p95 set", "×1st", "×set", "goal")
	for _, st := range steps {
		f, s := pool(first, st, ""), pool(settle, st, "")
		if len(f) == 0 {
			fmt.Printf("%s %4d  no change seen (%d taps)\n", pad(st, 28), 0, missed[st])
			continue
		}
		rf, rs := pct(f, 95)/floorF, pct(s, 95)/floorS
		ok := "ok"
		if st == "bare" {
			ok = "floor"
		} else if rf > *firstGoal || rs > *settleGoal {
			ok = "MISS"
		}
		extra := ""
		if missed[st] > 0 {
			extra = fmt.Sprintf(" (%d taps without a change)", missed[st])
		}
		fmt.Printf("%s %4d %7.0f %7.0f %7.0f %7.0f %6.2f %6.2f %s%s\n", pad(st, 28), len(f), pct(f, 50), pct(f, 95), pct(s, 50), pct(s, 95), rf, rs, ok, extra)
	}
	if len(runs) > 1 {
		fmt.Printf("\nper run (each against its own floor): p95 ratio min / median / max\n")
		fmt.Printf("%s %-20s %-20s\n", pad("transition", 28), "×1st", "×set")
		for _, st := range steps {
			if st == "bare" {
				continue
			}
			var rf, rs []float64
			for _, r := range runs {
				f, s := pool(first, st, r), pool(settle, st, r)
				ff, fs := pool(first, "bare", r), pool(settle, "bare", r)
				if len(f) == 0 || len(ff) == 0 {
					continue
				}
				rf = append(rf, pct(f, 95)/pct(ff, 95))
				rs = append(rs, pct(s, 95)/pct(fs, 95))
			}
			if len(rf) == 0 {
				continue
			}
			fmt.Printf("%s %-20s %-20s\n", pad(st, 28), mmm(rf), mmm(rs))
		}
	}
	return nil
}

func mmm(v []float64) string {
	return fmt.Sprintf("%.2f / %.2f / %.2f", pct(v, 0), pct(v, 50), pct(v, 100))
}

// pct is the nearest-rank percentile.
func pct(v []float64, p float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	i := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[max(0, min(len(s)-1, i))]
}

// pad fills s with spaces to w terminal columns (CJK characters take two).
func pad(s string, w int) string {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) || (r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6)) {
			n++
		}
	}
	if n >= w {
		return s
	}
	return s + strings.Repeat(" ", w-n)
}
