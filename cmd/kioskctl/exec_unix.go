//go:build unix

package main

import "syscall"

// execProgram replaces this process with path: the service manager keeps seeing one
// process, the kiosk, with the launcher's process id (Type=notify, the watchdog).
func execProgram(path string, argv, env []string) error { return syscall.Exec(path, argv, env) }
