package cli

import (
	"context"
	"fmt"

	"tandem/backend/calendar"
	"tandem/backend/version"
)

func runCalendarExport(ctx context.Context, env *Env, args []string) error {
	fs := flags("calendar export")
	var u unlockFlags
	var out, wording string
	var r calendar.Range
	var o calendar.Options
	u.register(fs, false)
	fs.StringVar(&out, "out", "", "the .ics file to write (must not exist)")
	fs.Int64Var(&r.ClientID, "client", 0, "only this client's appointments (its id)")
	fs.StringVar(&r.From, "from", "", "the first date (YYYY-MM-DD)")
	fs.StringVar(&r.To, "to", "", "the last date (YYYY-MM-DD)")
	fs.StringVar(&wording, "wording", string(calendar.ByCode), "how each event is titled: code (\"Appointment · T-014\"), kind or name")
	fs.IntVar(&o.AlarmMinutes, "alarm", 0, "a reminder this many minutes before (0: none)")
	fs.BoolVar(&o.Place, "place", true, "write the place (or \"Online\") as the location")
	if err := parse(fs, args); err != nil {
		return err
	}
	if out == "" {
		return usagef("--out FILE.ics is required")
	}
	o.Wording = calendar.Wording(wording)
	if !o.Wording.Valid() {
		return usagef("--wording must be code, kind or name")
	}
	db, closeVault, err := u.openDB(ctx, env)
	if err != nil {
		return err
	}
	defer closeVault()
	b, n, err := calendar.Export(ctx, db, r, o, version.Version, envNow(env))
	if err != nil {
		return err
	}
	if err := writeNewFile(out, b); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Wrote %d appointments to %s.\n", n, out)
	return nil
}
