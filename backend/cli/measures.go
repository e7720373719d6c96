package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
)

func runMeasuresExport(ctx context.Context, env *Env, args []string) error {
	fs := flags("measures export")
	var u unlockFlags
	var out, key string
	u.register(fs, false)
	fs.StringVar(&key, "instrument", "", "the questionnaire's key: phq9, gad7, pcl5 or one of your own")
	fs.StringVar(&out, "out", "", "the .csv file to write (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if key == "" {
		return usagef("--instrument KEY is required (phq9, gad7, pcl5 or the key of one of your own)")
	}
	if out == "" {
		return usagef("--out FILE.csv is required")
	}
	db, closeVault, err := u.openDB(ctx, env)
	if err != nil {
		return err
	}
	defer closeVault()
	var b bytes.Buffer
	if err := db.MeasuresCSV(ctx, key, &b); err != nil {
		return err
	}
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		return fmt.Errorf("count the measures written: %w", err)
	}
	if err := writeNewFile(out, b.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Wrote %d measures to %s (clients by their code, never by name).\n", len(rows)-1, out)
	return nil
}
