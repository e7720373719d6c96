package cli

import (
	"context"
	"fmt"
	"os"

	"tandem/backend/domain"
	"tandem/backend/offline"
)

// runWorksheetOffline writes the offline worksheet page for a client's
// medicine session (docs/offline-worksheet.md).
func runWorksheetOffline(ctx context.Context, env *Env, args []string) error {
	fs := flags("worksheet offline")
	var u unlockFlags
	var out string
	var clientID, sessionID int64
	u.register(fs, false)
	fs.Int64Var(&clientID, "client", 0, "the client's number")
	fs.Int64Var(&sessionID, "session", 0, "the number of the client's medicine session")
	fs.StringVar(&out, "out", "", "the .html file to write (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if clientID == 0 || sessionID == 0 || out == "" {
		return usagef("--client ID, --session ID and --out FILE.html are required")
	}
	db, closeVault, err := u.openDB(ctx, env)
	if err != nil {
		return err
	}
	defer closeVault()
	client, err := db.Client(ctx, clientID)
	if err != nil {
		return err
	}
	session, err := db.Session(ctx, sessionID)
	if err != nil {
		return err
	}
	html, err := offline.IssuePage(ctx, db, client, session)
	if err != nil {
		return err
	}
	if err := writeNewFile(out, html); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Wrote the worksheet page for %s, after the medicine session of %s, to %s. Give it to the client; the file it sends back is opened with `tandem worksheet import`.\n",
		domain.ClientCode(clientID), session.Date, out)
	return nil
}

// runWorksheetImport opens a file a worksheet page sent back, says what it
// holds, and with --accept takes its new entries in.
func runWorksheetImport(ctx context.Context, env *Env, args []string) error {
	fs := flags("worksheet import")
	var u unlockFlags
	var accept bool
	u.register(fs, false)
	fs.BoolVar(&accept, "accept", false, "take the new entries into the client's worksheet")
	file, err := parseFileArg(fs, args)
	if err != nil {
		return err
	}
	db, closeVault, err := u.openDB(ctx, env)
	if err != nil {
		return err
	}
	defer closeVault()
	in, err := os.Open(file)
	if err != nil {
		return domain.Wrap(domain.EINVALID, fmt.Sprintf("%s could not be read.", file), err)
	}
	defer in.Close()
	f, err := offline.OpenReturn(ctx, db, in)
	if err != nil {
		return err
	}
	p, err := db.PreviewReturn(ctx, f, 0, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "A worksheet from %s (%s), after the medicine session of %s: %d entries, %d new.\n",
		domain.ClientCode(p.ClientID), p.ClientName, p.SessionDate, len(p.Entries), p.New())
	for _, e := range p.Entries {
		mark := "new"
		if e.Already {
			mark = "already taken in"
		}
		fmt.Fprintf(env.Stdout, "  %s  %-13s %d/5  %s  (%s)\n", e.NoticedOn, e.Area, e.Intensity, cut(e.Words), mark)
	}
	if !accept {
		if p.New() > 0 {
			fmt.Fprintln(env.Stdout, "Nothing was taken in; run again with --accept to take the new entries in, as the client's words.")
		}
		return nil
	}
	n, err := db.AcceptReturn(ctx, f, 0, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Took in %d new entries, written by the client.\n", n)
	return nil
}

// cut is s on one line (oneLine), at most 60 characters.
func cut(s string) string {
	r := []rune(oneLine(s))
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return string(r)
}
