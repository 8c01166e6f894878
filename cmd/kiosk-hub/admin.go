package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/jindu-edu/kiosk/internal/hub/dash"
)

// admin is `kiosk-hub admin set-password`: the dashboard's admin password, read from the
// first line of standard input (so it never appears in `ps` or the shell history), stored
// as a bcrypt hash in the hub database. Logged-in browsers stay logged in until their
// session ends.
func (c cli) admin(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "set-password" {
		return fmt.Errorf("%w: admin set-password", errUsage)
	}
	fs, db := c.flags("admin set-password")
	if pos, err := parse(fs, args[1:]); err != nil {
		return err
	} else if len(pos) > 0 {
		return fmt.Errorf("%w: admin set-password reads the password from standard input, not the command line", errUsage)
	}
	if c.stdin == nil {
		return fmt.Errorf("admin set-password: no standard input")
	}
	fmt.Fprintf(c.stderr, "新的管理员密码（至少 %d 个字符，一行）：\n", dash.MinPasswordLen)
	line, err := bufio.NewReader(io.LimitReader(c.stdin, 4096)).ReadString('\n')
	if err != nil && err != io.EOF {
		return fmt.Errorf("admin set-password: read the password: %w", err)
	}
	password := strings.TrimRight(line, "\r\n")
	store, err := c.open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := dash.SetPassword(ctx, store, password); err != nil {
		return fmt.Errorf("admin set-password: %w", err)
	}
	fmt.Fprintln(c.stdout, "dashboard admin password set")
	return nil
}
