package cli

import (
	"context"
	"fmt"
	"sort"

	"tandem/backend/demo"
)

func runDemoSeed(ctx context.Context, env *Env, args []string) error {
	fs := flags("demo seed")
	var u unlockFlags
	var o demo.Options
	u.register(fs, false)
	fs.IntVar(&o.Clients, "clients", 12, "number of clients")
	fs.IntVar(&o.Years, "years", 2, "years of history")
	fs.Uint64Var(&o.Seed, "seed", 1, "seed: the same seed gives the same records")
	if err := parse(fs, args); err != nil {
		return err
	}
	o.End = envNow(env)
	if err := o.Validate(); err != nil {
		return usageError{err.Error()}
	}
	db, closeVault, err := u.openDB(ctx, env)
	if err != nil {
		return err
	}
	defer closeVault()
	sum, err := demo.Seed(ctx, db, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Seeded the fictional practice %q:\n", sum.Practice)
	kinds := make([]string, 0, len(sum.Records))
	for k := range sum.Records {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(env.Stdout, "  %-20s %d\n", k, sum.Records[k])
	}
	return nil
}
