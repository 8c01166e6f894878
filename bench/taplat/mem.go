package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func cmdMem(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("mem: one PID")
	}
	pid, err := strconv.Atoi(args[0])
	if err != nil {
		return err
	}
	pss, rss, n, err := treeMem(pid)
	if err != nil {
		return err
	}
	fmt.Printf("%d %d %d\n", pss, rss, n)
	return nil
}

// treeMem sums PSS and RSS (KiB) from smaps_rollup over pid and all its descendants.
func treeMem(pid int) (pss, rss, procs int, err error) {
	children := map[int][]int{}
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range stats {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		fs := strings.Fields(s[i+1:])
		if len(fs) < 2 {
			continue
		}
		ppid, _ := strconv.Atoi(fs[1])
		p, _ := strconv.Atoi(filepath.Base(filepath.Dir(f)))
		children[ppid] = append(children[ppid], p)
	}
	todo := []int{pid}
	for len(todo) > 0 {
		p := todo[0]
		todo = todo[1:]
		todo = append(todo, children[p]...)
		a, b, e := rollup(p)
		if e != nil {
			if p == pid {
				return 0, 0, 0, e
			}
			continue
		}
		pss += a
		rss += b
		procs++
	}
	return pss, rss, procs, nil
}

func rollup(pid int) (pss, rss int, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/smaps_rollup", pid))
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			continue
		}
		switch fs[0] {
		case "Pss:":
			pss, _ = strconv.Atoi(fs[1])
		case "Rss:":
			rss, _ = strconv.Atoi(fs[1])
		}
	}
	return pss, rss, sc.Err()
}
