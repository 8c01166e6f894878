// Command taplat is the kiosk's robot finger and pixel probe, for the bench (make bench).
// On $DISPLAY (Xvfb) it taps through XTest and watches the whole root window through
// MIT-SHM, so a change anywhere on screen is seen, to the pixel.
//
//	taplat run [flags] SCRIPT     tap the script's steps, print "label run step first_ms settled_ms"
//	taplat start [flags] -- CMD   start CMD, print "pid ms" once the screen shows a painted frame
//	taplat soak [flags]           random taps; PSS and goroutines every -every taps
//	taplat mem PID                PSS and RSS (KiB) of PID and all its descendants
//	taplat report FILE...         p50/p95 per step and the ratios to the bare-Fyne floor
//	taplat shot FILE.ppm          the screen as a PPM
//
// A script is one step a line: "NAME X Y" is a measured tap; "- X Y" a tap that only leads
// somewhere (waited on, not reported); "sleep DURATION"; "mask X Y W H" leaves a region out
// of every comparison (a countdown); "#" starts a comment.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	args := os.Args[2:]
	switch os.Args[1] {
	case "run":
		err = cmdRun(args)
	case "start":
		err = cmdStart(args)
	case "soak":
		err = cmdSoak(args)
	case "mem":
		err = cmdMem(args)
	case "report":
		err = cmdReport(args)
	case "shot":
		err = cmdShot(args)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "taplat:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: taplat run|start|soak|mem|report|shot ... (see the package doc)")
	os.Exit(2)
}
