package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"tandem/backend/domain"
	"tandem/backend/packet"
	"tandem/backend/vault"
)

func paperFlag(fs *flag.FlagSet) *string {
	return fs.String("paper", "a4", "paper size: a4 or letter")
}

func parsePaper(s string) (packet.Paper, error) {
	p := packet.Paper(s)
	if !p.Valid() {
		return "", usagef("--paper must be a4 or letter, not %q", s)
	}
	return p, nil
}

func runPacket(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		if len(args) > 0 {
			return flag.ErrHelp
		}
		return usagef("say which packet: %v", packet.Kinds)
	}
	kind, args := packet.Kind(args[0]), args[1:]
	fs := flags("packet")
	var u unlockFlags
	u.register(fs, false)
	clientFlag := fs.String("client", "", "client ID")
	sessionFlag := fs.String("session", "", "session ID (required for the medicine and worksheet packets)")
	copyFlag := fs.String("copy", "", "client or therapist (the packet's usual copy when not given)")
	days := fs.Int("days", 0, "worksheet only: 7, 14 or 30 days")
	out := fs.String("out", "", "PDF file to write (must not exist)")
	paper := fs.String("paper", "", "paper size: a4 or letter (the practice's setting when not given)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if kind.Title() == "" {
		return usagef("unknown packet %q; the packets are %v", kind, packet.Kinds)
	}
	if *out == "" {
		return usagef("--out FILE.pdf is required")
	}
	clientID, err := strconv.ParseInt(*clientFlag, 10, 64)
	if err != nil || clientID <= 0 {
		return usagef("--client ID is required: the client's number, as tandem export shows it")
	}
	var sessionID int64
	if *sessionFlag != "" {
		if sessionID, err = strconv.ParseInt(*sessionFlag, 10, 64); err != nil || sessionID <= 0 {
			return usagef("--session must be a session's number, as tandem export shows it")
		}
	} else if kind.NeedsMedicineSession() {
		return usagef("--session ID is required for the %s packet: the medicine session's number, as tandem export shows it", kind)
	}
	cp := packet.Copy(*copyFlag)
	if *copyFlag == "" {
		cp = kind.Copies()[0]
	}
	if !cp.Valid() {
		return usagef("--copy must be client or therapist, not %q", *copyFlag)
	}
	if *days != 0 && kind != packet.WorksheetPacket {
		return usagef("--days is for the worksheet packet")
	}
	if *days != 0 && *days != 7 && *days != 14 && *days != 30 {
		return usagef("--days must be 7, 14 or 30")
	}
	var pp packet.Paper
	if *paper != "" {
		if pp, err = parsePaper(*paper); err != nil {
			return err
		}
	}
	if err := refuseExisting(*out); err != nil {
		return err
	}
	db, closeVault, err := u.openDB(ctx, env)
	if err != nil {
		return err
	}
	defer closeVault()
	practice, err := db.Practice(ctx)
	if err != nil {
		return err
	}
	if pp == "" {
		settings, err := db.Settings(ctx)
		if err != nil {
			return err
		}
		pp = packet.Paper(settings.PaperSize)
	}
	var j packet.Journey
	if j.Record, err = db.ClientRecord(ctx, clientID); err != nil {
		return err
	}
	if j.Integration, err = db.Integration(ctx, clientID); err != nil {
		return err
	}
	d, err := packet.Make(practice, j, packet.Request{Kind: kind, SessionID: sessionID, Days: *days}, packet.Options{Paper: pp, Date: envNow(env), Copy: cp})
	if err != nil {
		return err
	}
	if err := writePDF(*out, d); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Wrote the %s packet (%s copy) to %s.\n", kind, cp, *out)
	return nil
}

func runVaultRecoveryKit(ctx context.Context, env *Env, args []string) error {
	fs := flags("vault recovery-kit")
	var dirFlag, keyFile, out string
	fs.StringVar(&dirFlag, "vault", "", "vault folder")
	fs.StringVar(&keyFile, "recovery-key-file", "", "recovery key file")
	fs.StringVar(&out, "out", "", "PDF file to write (must not exist)")
	paper := paperFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if keyFile == "" || out == "" {
		return usagef("--recovery-key-file F and --out FILE.pdf are required")
	}
	pp, err := parsePaper(*paper)
	if err != nil {
		return err
	}
	key, err := readRecoveryKey(keyFile)
	if err != nil {
		return err
	}
	if err := refuseExisting(out); err != nil {
		return err
	}
	dir, err := vaultDir(dirFlag)
	if err != nil {
		return err
	}
	v, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer v.Close()
	// A kit for a key that does not open the vault would be worse than
	// none: check first.
	if err := v.CheckRecoveryKey(key); err != nil {
		return err
	}
	id, _ := vault.ParseRecoveryKey(key)
	d := packet.RecoveryKit(domain.Practice{}, id.String(), time.Time{}, packet.Options{Paper: pp, Date: envNow(env)})
	if err := writePDF(out, d); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "The recovery key opens the vault in %s. Its Recovery Kit is in %s: print it, then delete the file.\n", v.Dir(), out)
	return nil
}

func runVaultNewRecoveryKey(ctx context.Context, env *Env, args []string) error {
	fs := flags("vault new-recovery-key")
	var dirFlag, passFile, keyOut string
	fs.StringVar(&dirFlag, "vault", "", "vault folder")
	fs.StringVar(&passFile, "passphrase-file", "", "file whose first line is the passphrase")
	fs.StringVar(&keyOut, "recovery-key-out", "", "file to write the new recovery key to (must not exist)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if keyOut == "" {
		return usagef("--recovery-key-out FILE is required: the new recovery key is shown only once")
	}
	if err := refuseExisting(keyOut); err != nil {
		return err
	}
	dir, err := vaultDir(dirFlag)
	if err != nil {
		return err
	}
	pass, err := readPassphrase(env, passFile, "Passphrase: ")
	if err != nil {
		return err
	}
	v, err := openExisting(dir, env)
	if err != nil {
		return err
	}
	defer v.Close()
	wrote := false
	err = v.NewRecoveryKey(pass, func(key string) error {
		if err := writeNewFile(keyOut, vault.RecoveryKeyFile(key, envNow(env))); err != nil {
			return err
		}
		wrote = true
		return nil
	})
	if err != nil {
		if wrote {
			// The vault kept its old key: the new one opens nothing.
			os.Remove(keyOut)
		}
		return err
	}
	fmt.Fprintf(env.Stdout, "The new recovery key is in %s: print its kit (tandem vault recovery-kit) and keep it away from this computer.\nThe old recovery key no longer opens the vault. Backups made before still open with it, or with their passphrase.\n", keyOut)
	return nil
}

// refuseExisting refuses to write over a file that exists.
func refuseExisting(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return domain.Errorf(domain.EEXISTS, "%s already exists; Tandem will not overwrite it. Choose another name.", path)
	}
	return nil
}

// writePDF renders d and writes it to a new file (mode 0600). Nothing is
// written if rendering fails.
func writePDF(path string, d packet.Document) error {
	var buf bytes.Buffer
	if err := packet.Render(&buf, d); err != nil {
		return domain.Wrap(domain.EINTERNAL, "Tandem could not make this packet.", err)
	}
	return writeNewFile(path, buf.Bytes())
}

// writeNewFile writes b to a file that must not exist yet (mode 0600),
// synced to disk; a partial file is removed.
func writeNewFile(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return domain.Errorf(domain.EEXISTS, "%s already exists; Tandem will not overwrite it. Choose another name.", path)
	}
	if err != nil {
		return domain.Wrap(domain.EINVALID, path+" could not be created.", err)
	}
	_, werr := f.Write(b)
	if serr := f.Sync(); werr == nil {
		werr = serr
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(path)
		return domain.Wrap(domain.EINVALID, path+" could not be written.", werr)
	}
	return nil
}
