package main

import (
	"bufio"
	"fmt"
	"os"
)

func cmdShot(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("shot: one FILE.ppm")
	}
	s, err := openScreen()
	if err != nil {
		return err
	}
	defer s.close()
	if err := s.snap(); err != nil {
		return err
	}
	return writePPM(s, args[0])
}

// writePPM writes what s last grabbed.
func writePPM(s *screen, path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "P6\n%d %d\n255\n", s.W, s.H)
	for y := 0; y < s.H; y++ {
		row := s.pix[y*s.Stride:]
		for x := 0; x < s.W; x++ {
			w.Write([]byte{row[4*x+2], row[4*x+1], row[4*x]})
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
