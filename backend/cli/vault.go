package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"tandem/backend/domain"
	"tandem/backend/vault"
)

func runVaultInit(ctx context.Context, env *Env, args []string) error {
	fs := flags("vault init")
	var dirFlag, passFile, keyOut string
	fs.StringVar(&dirFlag, "vault", "", "vault folder")
	fs.StringVar(&passFile, "passphrase-file", "", "file whose first line is the new passphrase")
	fs.StringVar(&keyOut, "recovery-key-out", "", "file to write the recovery key to (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if keyOut == "" {
		return usagef("--recovery-key-out FILE is required: the recovery key is shown only once")
	}
	dir, err := vaultDir(dirFlag)
	if err != nil {
		return err
	}
	pass, err := readPassphrase(env, passFile, "New passphrase: ")
	if err != nil {
		return err
	}
	if passFile == "" {
		again, err := env.Terminal("Repeat the passphrase: ")
		if err != nil {
			return err
		}
		if again != pass {
			return domain.Errorf(domain.EINVALID, "The two passphrases differ; nothing was created.")
		}
	}
	if c := domain.CheckPassphrase(pass); !c.OK {
		return domain.Errorf(domain.EWEAKPASSPHRASE, "%s %s", c.Message, c.Hint)
	}
	v, err := vault.Open(dir, true, env.VaultOptions)
	if err != nil {
		return err
	}
	defer v.Close()
	p, err := v.Prepare(pass)
	if err != nil {
		return err
	}
	defer p.Discard()
	// The recovery key is written first, and only if the file is new: a
	// vault never exists without its recovery key having been kept.
	f, err := os.OpenFile(keyOut, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return domain.Errorf(domain.EEXISTS, "%s already exists; Tandem will not overwrite a file that may hold another recovery key.", keyOut)
	}
	if err != nil {
		return domain.Wrap(domain.EINVALID, "The recovery key file "+keyOut+" could not be created.", err)
	}
	_, werr := f.Write(vault.RecoveryKeyFile(p.RecoveryKey(), envNow(env)))
	if serr := f.Sync(); werr == nil {
		werr = serr
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(keyOut)
		return domain.Wrap(domain.EINVALID, "The recovery key file "+keyOut+" could not be written.", werr)
	}
	if err := v.Commit(ctx, p); err != nil {
		os.Remove(keyOut)
		return err
	}
	fmt.Fprintf(env.Stdout, "Created a new vault in %s.\nThe recovery key is in %s: keep it safe and away from this computer.\n", v.Dir(), keyOut)
	return nil
}

func envNow(env *Env) time.Time {
	if env.VaultOptions.Now != nil {
		return env.VaultOptions.Now()
	}
	return time.Now()
}

func runVaultCheck(ctx context.Context, env *Env, args []string) error {
	fs := flags("vault check")
	var u unlockFlags
	u.register(fs, true)
	if err := parse(fs, args); err != nil {
		return err
	}
	v, err := u.open(ctx, env)
	if err != nil {
		return err
	}
	defer v.Close()
	r, err := v.Check(ctx)
	if err != nil {
		return err
	}
	verdict := func(ok bool) string {
		if ok {
			return "ok"
		}
		return "FAILED"
	}
	w := env.Stdout
	fmt.Fprintf(w, "vault          %s\n", v.Dir())
	fmt.Fprintf(w, "key            ok (the %s opens it)\n", map[bool]string{true: "recovery key", false: "passphrase"}[u.recoveryKeyFile != ""])
	fmt.Fprintf(w, "encryption     %s\n", verdict(r.CipherOK))
	for _, p := range r.CipherProblems {
		fmt.Fprintf(w, "  %s\n", p)
	}
	fmt.Fprintf(w, "integrity      %s\n", verdict(r.IntegrityOK))
	for _, p := range r.IntegrityProblems {
		fmt.Fprintf(w, "  %s\n", p)
	}
	fmt.Fprintf(w, "foreign keys   %s\n", verdict(r.ForeignKeysOK))
	fmt.Fprintf(w, "schema         version %d\n", r.SchemaVersion)
	fmt.Fprintln(w, "records")
	for _, c := range r.Counts {
		fmt.Fprintf(w, "  %-28s %d\n", c.Table, c.Rows)
	}
	if !r.OK() {
		return domain.Errorf(domain.EVAULTDAMAGED, "The vault failed its checks (see above). Restore it from a backup.")
	}
	return nil
}

func runVaultPasswd(ctx context.Context, env *Env, args []string) error {
	fs := flags("vault passwd")
	var u unlockFlags
	var newFile string
	u.register(fs, true)
	fs.StringVar(&newFile, "new-passphrase-file", "", "file whose first line is the new passphrase")
	if err := parse(fs, args); err != nil {
		return err
	}
	if u.passphraseFile != "" && u.recoveryKeyFile != "" {
		return usagef("give either --passphrase-file or --recovery-key-file, not both")
	}
	dir, err := vaultDir(u.vault)
	if err != nil {
		return err
	}
	var current, recovery string
	if u.recoveryKeyFile != "" {
		if recovery, err = readRecoveryKey(u.recoveryKeyFile); err != nil {
			return err
		}
	} else if current, err = readPassphrase(env, u.passphraseFile, "Current passphrase: "); err != nil {
		return err
	}
	next, err := readPassphrase(env, newFile, "New passphrase: ")
	if err != nil {
		return err
	}
	if c := domain.CheckPassphrase(next); !c.OK {
		return domain.Errorf(domain.EWEAKPASSPHRASE, "%s %s", c.Message, c.Hint)
	}
	v, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer v.Close()
	if recovery != "" {
		err = v.ResetPassphraseWithRecoveryKey(recovery, next)
	} else {
		err = v.ChangePassphrase(current, next)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "The passphrase was changed, and the vault re-encrypted under a new key: the old passphrase opens nothing made from now on. The recovery key is unchanged; backups made before open with the passphrase of their day.")
	return nil
}

func runVaultRepairKeyFile(ctx context.Context, env *Env, args []string) error {
	fs := flags("vault repair-key-file")
	var u unlockFlags
	u.register(fs, false)
	if err := parse(fs, args); err != nil {
		return err
	}
	dir, err := vaultDir(u.vault)
	if err != nil {
		return err
	}
	pass, err := readPassphrase(env, u.passphraseFile, "Passphrase: ")
	if err != nil {
		return err
	}
	v, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer v.Close()
	if err := v.RepairKeyFile(ctx, pass); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "The key file was rewritten from the parts Tandem can check; the vault opens with your passphrase and with the recovery key of your Recovery Kit.\n")
	return nil
}
