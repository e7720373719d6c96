package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tandem/backend/backup"
	"tandem/backend/domain"
	"tandem/backend/vault"
)

// safe turns a panic in a command into one line and exit status 1: a
// therapist never sees a stack trace.
func safe(run func(ctx context.Context, env *Env, args []string) error) func(ctx context.Context, env *Env, args []string) error {
	return func(ctx context.Context, env *Env, args []string) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = domain.Errorf(domain.EINTERNAL, "Something went wrong inside Tandem; nothing was changed. Please report this.")
			}
		}()
		return run(ctx, env, args)
	}
}

// parseFileArg parses flags with one positional FILE, before or after them.
func parseFileArg(fs *flag.FlagSet, args []string) (string, error) {
	var file string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		file, args = args[0], args[1:]
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return "", err
		}
		return "", usageError{err.Error()}
	}
	switch {
	case file == "" && fs.NArg() == 1:
		file = fs.Arg(0)
	case fs.NArg() > 0:
		return "", usagef("unexpected argument %q", fs.Arg(0))
	}
	if file == "" {
		return "", usagef("name the backup file")
	}
	return file, nil
}

// backupUnlock reads the passphrase or the recovery key to open a backup.
func backupUnlock(env *Env, passFile, keyFile string) (backup.Unlock, error) {
	if passFile != "" && keyFile != "" {
		return backup.Unlock{}, usagef("give either --passphrase-file or --recovery-key-file, not both")
	}
	if keyFile != "" {
		k, err := readRecoveryKey(keyFile)
		return backup.Unlock{RecoveryKey: k}, err
	}
	p, err := readPassphrase(env, passFile, "Passphrase: ")
	return backup.Unlock{Passphrase: p}, err
}

// printInfo prints what a backup holds; when it was made is told in loc,
// the zone of the CLI's clock.
func printInfo(w io.Writer, info *backup.Info, loc *time.Location) {
	fmt.Fprintf(w, "made           %s\n", info.Created.In(loc).Format("2 January 2006, 15:04"))
	fmt.Fprintf(w, "by Tandem      %s (records format %d)\n", info.AppVersion, info.SchemaVersion)
	fmt.Fprintf(w, "opened with    the %s\n", info.OpenedWith)
	fmt.Fprintln(w, "records")
	for _, t := range info.Tables {
		fmt.Fprintf(w, "  %-28s %d\n", t.Table, t.Rows)
	}
}

func runBackupCreate(ctx context.Context, env *Env, args []string) error {
	fs := flags("backup create")
	var u unlockFlags
	var out, dir string
	u.register(fs, false)
	fs.StringVar(&out, "out", "", "the backup file to write (must not exist)")
	fs.StringVar(&dir, "dir", "", "a backup folder: a dated file, then rotation")
	if err := parse(fs, args); err != nil {
		return err
	}
	if (out == "") == (dir == "") {
		return usagef("give either --out FILE or --dir DIR")
	}
	v, err := u.open(ctx, env)
	if err != nil {
		return err
	}
	defer v.Close()
	db, err := v.DB()
	if err != nil {
		return err
	}
	keys, err := v.BackupKeys()
	if err != nil {
		return err
	}
	defer keys.Wipe()
	src := backup.Source{DB: db, Keys: keys, AppVersion: env.Version, Now: env.VaultOptions.Now}
	var res *backup.Result
	var removed []string
	if out != "" {
		res, err = backup.Create(ctx, src, out)
	} else {
		res, removed, err = backup.CreateInDir(ctx, src, dir, backup.DefaultPolicy())
	}
	if err != nil {
		return err
	}
	var rows int64
	for _, t := range res.Info.Tables {
		rows += t.Rows
	}
	fmt.Fprintf(env.Stdout, "Backed up %d records (%d clients) to %s (%d bytes); the backup was read back and verified.\n",
		rows, res.Info.Rows("clients"), res.Path, res.Size)
	if len(removed) > 0 {
		fmt.Fprintf(env.Stdout, "Rotation removed %d older backups.\n", len(removed))
	}
	return nil
}

func runBackupVerify(ctx context.Context, env *Env, args []string) error {
	fs := flags("backup verify")
	var passFile, keyFile string
	fs.StringVar(&passFile, "passphrase-file", "", "file whose first line is the passphrase in force when the backup was made")
	fs.StringVar(&keyFile, "recovery-key-file", "", "recovery key file")
	file, err := parseFileArg(fs, args)
	if err != nil {
		return err
	}
	un, err := backupUnlock(env, passFile, keyFile)
	if err != nil {
		return err
	}
	info, err := backup.Verify(ctx, file, un)
	if err != nil {
		return err
	}
	printInfo(env.Stdout, info, envNow(env).Location())
	fmt.Fprintln(env.Stdout, "OK: every entry's checksum and every table's row count match.")
	return nil
}

func runBackupRestore(ctx context.Context, env *Env, args []string) error {
	fs := flags("backup restore")
	var passFile, keyFile, newFile, dirFlag string
	fs.StringVar(&passFile, "passphrase-file", "", "file whose first line is the passphrase in force when the backup was made")
	fs.StringVar(&keyFile, "recovery-key-file", "", "recovery key file")
	fs.StringVar(&newFile, "new-passphrase-file", "", "file whose first line is the restored vault's new passphrase")
	fs.StringVar(&dirFlag, "vault", "", "vault folder to restore into")
	file, err := parseFileArg(fs, args)
	if err != nil {
		return err
	}
	if keyFile != "" && newFile == "" {
		return usagef("restoring with the recovery key needs --new-passphrase-file")
	}
	un, err := backupUnlock(env, passFile, keyFile)
	if err != nil {
		return err
	}
	o := backup.RestoreOptions{Unlock: un}
	if newFile != "" {
		if o.NewPassphrase, err = readPassphrase(env, newFile, ""); err != nil {
			return err
		}
	}
	dir, err := vaultDir(dirFlag)
	if err != nil {
		return err
	}
	v, err := vault.Open(dir, true, env.VaultOptions)
	if err != nil {
		return err
	}
	defer v.Close()
	res, err := backup.Restore(ctx, file, v, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Restored the backup made %s into %s.\n", res.Info.Created.In(envNow(env).Location()).Format("2 January 2006, 15:04"), v.Dir())
	if res.Replaced != "" {
		fmt.Fprintf(env.Stdout, "The vault it replaced is kept in %s until you delete it.\n", res.Replaced)
	}
	return nil
}

func runBackupList(ctx context.Context, env *Env, args []string) error {
	fs := flags("backup list")
	var dir, vdir string
	fs.StringVar(&dir, "dir", "", "backup folder")
	fs.StringVar(&vdir, "vault", "", "the vault whose backups to tell apart (default: the usual vault folder)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if dir == "" {
		return usagef("--dir DIR is required")
	}
	// The vault's id is in its key file, which is read without unlocking:
	// enough to tell its backups from another vault's by their headers.
	vaultID := ""
	if d, err := vaultDir(vdir); err == nil {
		if b, err := os.ReadFile(filepath.Join(d, vault.KeyFileName)); err == nil {
			if info, err := vault.ParseKeyFile(b); err == nil {
				vaultID = info.VaultID
			}
		}
	}
	now := envNow(env)
	list, err := backup.Inspect(dir, vaultID, nil, now)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		fmt.Fprintf(env.Stdout, "No backups in %s.\n", dir)
		return nil
	}
	for _, l := range list {
		whose := string(l.Owner)
		switch {
		case l.Owner == backup.OtherVault:
			whose = "another vault (" + l.VaultID[:8] + "…)"
		case l.Owner != backup.NotABackup && vaultID == "":
			whose = "vault " + l.VaultID[:8] + "…"
		case l.Owner != backup.NotABackup:
			whose = string(backup.ThisVault)
		}
		if l.Future {
			whose += ", dated in the future (the clock may have been wrong)"
		}
		fmt.Fprintf(env.Stdout, "%s  %12d bytes  %s  %s\n", l.Created.In(now.Location()).Format(time.DateTime), l.Size, l.Name, whose)
	}
	return nil
}

func runExport(ctx context.Context, env *Env, args []string) error {
	fs := flags("export")
	var u unlockFlags
	var out string
	var client int64
	u.register(fs, false)
	fs.StringVar(&out, "out", "", "the JSON file to write (must not exist)")
	fs.Int64Var(&client, "client", 0, "export only this client (its id)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if out == "" {
		return usagef("--out FILE is required")
	}
	if client < 0 {
		return usagef("--client must be a client's id")
	}
	db, closeVault, err := u.openDB(ctx, env)
	if err != nil {
		return err
	}
	defer closeVault()
	if err := backup.ExportFile(ctx, db, out, client); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Exported to %s. It is not encrypted: keep it as safe as the records themselves.\n", out)
	return nil
}
