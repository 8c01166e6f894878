package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"

	"github.com/jindu-edu/kiosk/internal/evsync"
	"github.com/jindu-edu/kiosk/internal/hub"
)

const usage = `usage:
  kiosk-hub serve  [--db DSN] [--listen ADDR] [--admin-token T] [--max-body BYTES]
                   [--max-uploads N] [--body-timeout DURATION] [--insecure-cookies]
                   [--rollup-every 30s]
                   receive uploads on ADDR (default 127.0.0.1:8626), serve the stats API
                   and the web dashboard (http://ADDR/dash/)
  kiosk-hub import [--db DSN] FILE.manifest.json...
                   import USB exports; prints one line per file, exits 1 if any is rejected
  kiosk-hub kiosk add [--db DSN] --id ID --key BASE64PUB --token TOKEN [--same-kiosk-as ID]
                   register a kiosk (or replace its key and token); a key belongs to one
                   kiosk, unless --same-kiosk-as names another id of the same kiosk
  kiosk-hub kiosk set-base [--db DSN] --id ID --base NAME
                   name the education base a kiosk stands in (the dashboard groups by it)
  kiosk-hub kiosk list [--db DSN]
  kiosk-hub admin set-password [--db DSN] < password
                   set the web dashboard's admin password (first line of standard input)
  kiosk-hub bench  [--db DSN] [--kiosks 100] [--days 90] [--per-day 500] [--runs 20]
                   fill a database with generated events and time the dashboard's overview
  kiosk-hub stats visits|dwell|questions|groups|scenes [--db DSN] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--kiosk ID]
                   print statistics as JSON

DSN: a path to an SQLite file (default ./hub.db, or $KIOSK_HUB_DB), or a
postgres://user:password@host:port/database URL.
The admin token for the stats API may also come from $KIOSK_HUB_ADMIN_TOKEN.
`

// Exit codes.
const (
	exitOK     = 0
	exitFailed = 1 // an error, or an import rejected
	exitUsage  = 2
)

const (
	defaultDB   = "hub.db"
	defaultAddr = "127.0.0.1:8626"
	envDB       = "KIOSK_HUB_DB"
	envAdmin    = "KIOSK_HUB_ADMIN_TOKEN"
	minTokenLen = 16
)

// cli is the program with its outside world; tests give it buffers and a fake getenv.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// ready, if set, is called with the listening address once serve accepts connections.
	ready func(addr net.Addr)
}

func (c cli) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(c.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
}

// errUsage marks errors that print the usage and exit 2.
var errUsage = errors.New("usage")

func (c cli) run(ctx context.Context, args []string) int {
	if len(args) == 0 {
		fmt.Fprint(c.stderr, usage)
		return exitUsage
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "serve":
		err = c.serve(ctx, rest)
	case "import":
		err = c.importFiles(ctx, rest)
	case "kiosk":
		err = c.kiosk(ctx, rest)
	case "stats":
		err = c.stats(ctx, rest)
	case "admin":
		err = c.admin(ctx, rest)
	case "bench":
		err = c.bench(ctx, rest)
	case "help", "-h", "--help":
		fmt.Fprint(c.stdout, usage)
		return exitOK
	default:
		err = fmt.Errorf("%w: unknown command %q", errUsage, cmd)
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(c.stderr, "kiosk-hub:", err)
		}
		fmt.Fprint(c.stderr, usage)
		return exitUsage
	case errors.Is(err, errReported):
		return exitFailed
	default:
		fmt.Fprintln(c.stderr, "kiosk-hub:", err)
		return exitFailed
	}
}

// errReported is returned when the failure was already printed.
var errReported = errors.New("failed")

// flags is a FlagSet with the --db flag every command has.
func (c cli) flags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", "", "SQLite file or postgres:// URL (default $"+envDB+" or ./"+defaultDB+")")
	return fs, db
}

// parse parses flags anywhere among the arguments and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %s: %v", errUsage, fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// open opens the store named by --db, $KIOSK_HUB_DB or the default, creating it if needed.
func (c cli) open(ctx context.Context, db string) (hub.Store, error) {
	return hub.Open(ctx, c.dsn(db))
}

// openExisting is open for commands that must not create a database (a mistyped --db).
func (c cli) openExisting(ctx context.Context, db string) (hub.Store, error) {
	return hub.OpenExisting(ctx, c.dsn(db))
}

func (c cli) dsn(db string) string {
	if db == "" {
		db = c.getenv(envDB)
	}
	if db == "" {
		db = defaultDB
	}
	return db
}

// importFiles is `kiosk-hub import`.
func (c cli) importFiles(ctx context.Context, args []string) error {
	fs, db := c.flags("import")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%w: import needs at least one FILE%s", errUsage, evsync.ManifestSuffix)
	}
	store, err := c.open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	failed := 0
	for _, f := range files {
		res, err := hub.Import(ctx, store, f)
		var rejected *hub.RejectedError
		switch {
		case errors.As(err, &rejected):
			failed++
			fmt.Fprintf(c.stdout, "%s: REJECTED: %v\n", f, err)
		case err != nil:
			failed++
			fmt.Fprintf(c.stdout, "%s: ERROR: %v\n", f, err)
		default:
			fmt.Fprintf(c.stdout, "%s: kiosk=%s range=%d-%d count=%d inserted=%d\n",
				f, res.KioskID, res.From, res.To, res.Count, res.Inserted)
		}
	}
	if failed > 0 {
		fmt.Fprintf(c.stderr, "kiosk-hub: %d of %d files not imported\n", failed, len(files))
		return errReported
	}
	return nil
}

// kiosk is `kiosk-hub kiosk add|list`.
func (c cli) kiosk(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: kiosk add or kiosk list", errUsage)
	}
	fs, db := c.flags("kiosk " + args[0])
	switch args[0] {
	case "add":
		id := fs.String("id", "", "kiosk id (its config's kiosk_id)")
		key := fs.String("key", "", "the kiosk's base64 ed25519 public key")
		token := fs.String("token", "", "the kiosk's upload token (only its SHA-256 is stored)")
		same := fs.String("same-kiosk-as", "", "a registered id of the same kiosk (renamed): both keep the key")
		base := fs.String("base", "", "the education base the kiosk stands in")
		if pos, err := parse(fs, args[1:]); err != nil {
			return err
		} else if len(pos) > 0 {
			return fmt.Errorf("%w: kiosk add takes no arguments, got %q", errUsage, pos)
		}
		if *id == "" || *key == "" || *token == "" {
			return fmt.Errorf("%w: kiosk add needs --id, --key and --token", errUsage)
		}
		pub, err := evsync.ParsePublicKey(*key)
		if err != nil {
			return fmt.Errorf("kiosk add %s: %w", *id, err)
		}
		if len(*token) < minTokenLen || strings.ContainsAny(*token, " \t\r\n") {
			return fmt.Errorf("kiosk add %s: the token must be at least %d characters without spaces (e.g. openssl rand -hex 24)", *id, minTokenLen)
		}
		store, err := c.open(ctx, *db)
		if err != nil {
			return err
		}
		defer store.Close()
		if *same != "" {
			err = store.AddKioskSharingKey(ctx, *id, pub, hub.HashToken(*token), *same)
		} else {
			err = store.AddKiosk(ctx, *id, pub, hub.HashToken(*token))
		}
		if err == nil && *base != "" {
			err = store.SetKioskBase(ctx, *id, *base)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "kiosk %s registered with key %s\n", *id, evsync.PublicKeyString(pub))
		return nil
	case "set-base":
		id := fs.String("id", "", "kiosk id")
		base := fs.String("base", "", "the education base's name")
		if pos, err := parse(fs, args[1:]); err != nil {
			return err
		} else if len(pos) > 0 || *id == "" {
			return fmt.Errorf("%w: kiosk set-base --id ID --base NAME", errUsage)
		}
		store, err := c.openExisting(ctx, *db)
		if err != nil {
			return err
		}
		defer store.Close()
		if err := store.SetKioskBase(ctx, *id, *base); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "kiosk %s is in base %q\n", *id, *base)
		return nil
	case "list":
		if pos, err := parse(fs, args[1:]); err != nil {
			return err
		} else if len(pos) > 0 {
			return fmt.Errorf("%w: kiosk list takes no arguments", errUsage)
		}
		store, err := c.openExisting(ctx, *db)
		if err != nil {
			return err
		}
		defer store.Close()
		kiosks, err := store.Kiosks(ctx)
		if err != nil {
			return err
		}
		for _, k := range kiosks {
			fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\n", k.ID, evsync.PublicKeyString(k.PublicKey), k.Added.UTC().Format("2006-01-02T15:04:05Z"), k.Base)
		}
		return nil
	default:
		return fmt.Errorf("%w: unknown kiosk command %q", errUsage, args[0])
	}
}

// stats is `kiosk-hub stats KIND`.
func (c cli) stats(ctx context.Context, args []string) error {
	fs, db := c.flags("stats")
	var f hub.Filter
	fs.StringVar(&f.From, "from", "", "first day, YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "last day, YYYY-MM-DD")
	fs.StringVar(&f.KioskID, "kiosk", "", "only this kiosk")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: stats needs one of visits, dwell, questions, groups, scenes", errUsage)
	}
	if err := f.Check(); err != nil {
		return fmt.Errorf("%w: stats: %v", errUsage, err)
	}
	queries := map[string]func(context.Context, hub.Store) (any, error){
		"visits":    func(ctx context.Context, s hub.Store) (any, error) { return s.Visits(ctx, f) },
		"dwell":     func(ctx context.Context, s hub.Store) (any, error) { return s.Dwell(ctx, f) },
		"questions": func(ctx context.Context, s hub.Store) (any, error) { return s.Questions(ctx, f) },
		"groups":    func(ctx context.Context, s hub.Store) (any, error) { return s.Groups(ctx, f) },
		"scenes":    func(ctx context.Context, s hub.Store) (any, error) { return s.Scenes(ctx, f) },
	}
	query, ok := queries[pos[0]]
	if !ok {
		return fmt.Errorf("%w: unknown stats %q", errUsage, pos[0])
	}
	store, err := c.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	rows, err := query(ctx, store)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(hub.Report{Filter: f, Rows: rows})
}
