package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitFail  = 1
	ExitUsage = 2
)

// Env is what a command may use of the outside world.
type Env struct {
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Version string
	// Terminal, when set, reads a secret without echo (nil: no terminal).
	Terminal func(prompt string) (string, error)
	// Vault options (tests pass cheap key derivation here).
	VaultOptions vault.Options
}

// IsCommand reports whether args (without the program name) start with a
// command, rather than being the app's own options.
func IsCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	for _, c := range commands {
		if c.name == args[0] || (len(args) > 1 && c.name == args[0]+" "+args[1]) {
			return true
		}
	}
	switch args[0] {
	case "help", "-h", "-help", "--help", "vault", "demo", "backup":
		return true
	}
	return false
}

type command struct {
	name    string
	summary string
	usage   string
	run     func(ctx context.Context, env *Env, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"version", "print Tandem's version", "tandem version", runVersion},
		{"vault init", "create a new vault", "tandem vault init [--vault DIR] --passphrase-file F --recovery-key-out FILE", runVaultInit},
		{"vault check", "check a vault's encryption and integrity and count its records", "tandem vault check [--vault DIR] (--passphrase-file F | --recovery-key-file F)", runVaultCheck},
		{"vault passwd", "change a vault's passphrase", "tandem vault passwd [--vault DIR] (--passphrase-file F | --recovery-key-file F) --new-passphrase-file F2", runVaultPasswd},
		{"vault recovery-kit", "check a recovery key against the vault and print its Recovery Kit", "tandem vault recovery-kit [--vault DIR] --recovery-key-file F --out FILE.pdf [--paper a4|letter]", runVaultRecoveryKit},
		{"vault repair-key-file", "rewrite a key file changed outside Tandem from the parts that can be checked", "tandem vault repair-key-file [--vault DIR] --passphrase-file F", runVaultRepairKeyFile},
		{"vault new-recovery-key", "replace the recovery key (the old one stops opening the vault)", "tandem vault new-recovery-key [--vault DIR] --passphrase-file F --recovery-key-out FILE", runVaultNewRecoveryKey},
		{"packet", "make a packet (PDF): preparation, medicine, worksheet, summary or record", "tandem packet KIND [--vault DIR] --passphrase-file F --client ID [--session ID] [--days 7|14|30] [--copy client|therapist] [--paper a4|letter (default: the practice setting)] --out FILE.pdf", runPacket},
		{"demo seed", "fill a vault with fictional demonstration records", "tandem demo seed [--vault DIR] --passphrase-file F [--clients N] [--years Y] [--seed S]", runDemoSeed},
		{"backup create", "write an encrypted backup of the vault, verified", "tandem backup create [--vault DIR] --passphrase-file F (--out FILE | --dir DIR)", safe(runBackupCreate)},
		{"backup verify", "check a backup completely and say what it holds", "tandem backup verify FILE (--passphrase-file F | --recovery-key-file F)", safe(runBackupVerify)},
		{"backup restore", "replace a vault with a backup (the old vault is kept)", "tandem backup restore FILE (--passphrase-file F | --recovery-key-file F --new-passphrase-file F2) --vault DIR [--new-passphrase-file F2]", safe(runBackupRestore)},
		{"backup list", "list the backups in a backup folder, and whose each is", "tandem backup list --dir DIR [--vault DIR]", safe(runBackupList)},
		{"calendar export", "write appointments as a calendar file (.ics) for a calendar app; no names unless chosen", "tandem calendar export [--vault DIR] --passphrase-file F --out FILE.ics [--client ID] [--from DATE --to DATE] [--wording code|kind|name] [--alarm MINUTES] [--place=false]", safe(runCalendarExport)},
		{"measures export", "write every measure on one questionnaire as CSV for a spreadsheet; clients by code, never by name", "tandem measures export [--vault DIR] --passphrase-file F --instrument KEY --out FILE.csv", safe(runMeasuresExport)},
		{"worksheet offline", "write the offline worksheet page for a client's medicine session, to give to the client", "tandem worksheet offline [--vault DIR] --passphrase-file F --client ID --session ID --out FILE.html", safe(runWorksheetOffline)},
		{"worksheet import", "open a file a worksheet page sent back and say what it holds; --accept takes the new entries in", "tandem worksheet import [--vault DIR] --passphrase-file F FILE [--accept]", safe(runWorksheetImport)},
		{"export", "write the records as readable JSON (not encrypted)", "tandem export [--vault DIR] --passphrase-file F --out FILE [--client ID]", safe(runExport)},
	}
}

// usageError is a command used wrongly: exit 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// Run runs the command in args (without the program name) and returns the
// exit status.
func Run(ctx context.Context, env *Env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		printHelp(env.Stdout)
		if len(args) == 0 {
			return ExitUsage
		}
		return ExitOK
	}
	var cmd *command
	var rest []string
	for i := range commands {
		c := &commands[i]
		words := strings.Fields(c.name)
		if len(args) >= len(words) && strings.Join(args[:len(words)], " ") == c.name {
			cmd, rest = c, args[len(words):]
			break
		}
	}
	if cmd == nil {
		fmt.Fprintf(env.Stderr, "tandem: unknown command %q; run \"tandem help\" for the list\n", strings.Join(args[:min(2, len(args))], " "))
		return ExitUsage
	}
	err := cmd.run(ctx, env, rest)
	var ue usageError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, flag.ErrHelp):
		fmt.Fprintf(env.Stdout, "usage: %s\n", cmd.usage)
		return ExitOK
	case errors.As(err, &ue):
		fmt.Fprintf(env.Stderr, "tandem %s: %s\nusage: %s\n", cmd.name, ue.msg, cmd.usage)
		return ExitUsage
	default:
		fmt.Fprintf(env.Stderr, "tandem %s: %s\n", cmd.name, oneLine(domain.ErrorMessage(err)))
		return ExitFail
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "Tandem keeps a therapy practice's records in one encrypted vault on this computer.")
	fmt.Fprintln(w, "Run without a command to open the app. Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-14s %s\n      %s\n", c.name, c.summary, c.usage)
	}
	fmt.Fprintln(w, "The vault folder is --vault DIR, else $TANDEM_VAULT, else the usual folder for app data.")
	fmt.Fprintln(w, "Exit status: 0 success, 1 the operation failed, 2 the command was used wrongly.")
}

// flags is a FlagSet that reports usage errors instead of printing them.
func flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

func vaultDir(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	return vault.DefaultDir()
}

// readPassphrase returns the passphrase from file (first line, line ending
// removed) or, with no file, from the terminal without echo.
func readPassphrase(env *Env, file, prompt string) (string, error) {
	if file != "" {
		b, err := os.ReadFile(file)
		if err != nil {
			return "", domain.Wrap(domain.EINVALID, "The passphrase file "+file+" could not be read.", err)
		}
		line, _, _ := strings.Cut(string(b), "\n")
		line = strings.TrimSuffix(line, "\r")
		if line == "" {
			return "", domain.Errorf(domain.EINVALID, "The passphrase file %s is empty.", file)
		}
		return line, nil
	}
	if env.Terminal == nil {
		return "", usagef("give the passphrase with --passphrase-file (there is no terminal to ask on)")
	}
	return env.Terminal(prompt)
}

// readRecoveryKey reads a recovery key file (age identity format).
func readRecoveryKey(file string) (string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return "", domain.Wrap(domain.EINVALID, "The recovery key file "+file+" could not be read.", err)
	}
	if len(b) > 16<<10 {
		return "", domain.Errorf(domain.EINVALID, "%s is too large to be a recovery key file.", file)
	}
	if _, err := vault.ParseRecoveryKey(string(b)); err != nil {
		return "", domain.Errorf(domain.EINVALID, "%s does not hold a Tandem recovery key (a line starting with AGE-SECRET-KEY-1).", file)
	}
	return string(b), nil
}

func runVersion(ctx context.Context, env *Env, args []string) error {
	if err := parse(flags("version"), args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "tandem %s\n", env.Version)
	return nil
}

// unlockFlags are the ways to open an existing vault.
type unlockFlags struct {
	vault, passphraseFile, recoveryKeyFile string
}

func (u *unlockFlags) register(fs *flag.FlagSet, recovery bool) {
	fs.StringVar(&u.vault, "vault", "", "vault folder")
	fs.StringVar(&u.passphraseFile, "passphrase-file", "", "file whose first line is the passphrase")
	if recovery {
		fs.StringVar(&u.recoveryKeyFile, "recovery-key-file", "", "recovery key file")
	}
}

// open opens and unlocks the vault; the caller closes it.
// openDB unlocks the vault as open does and returns its database, with
// the function that closes the vault (call it when done).
func (u *unlockFlags) openDB(ctx context.Context, env *Env) (*storage.DB, func(), error) {
	v, err := u.open(ctx, env)
	if err != nil {
		return nil, nil, err
	}
	db, err := v.DB()
	if err != nil {
		v.Close()
		return nil, nil, err
	}
	return db, func() { v.Close() }, nil
}

func (u *unlockFlags) open(ctx context.Context, env *Env) (*vault.Vault, error) {
	if u.passphraseFile != "" && u.recoveryKeyFile != "" {
		return nil, usagef("give either --passphrase-file or --recovery-key-file, not both")
	}
	dir, err := vaultDir(u.vault)
	if err != nil {
		return nil, err
	}
	var secret string
	if u.recoveryKeyFile != "" {
		if secret, err = readRecoveryKey(u.recoveryKeyFile); err != nil {
			return nil, err
		}
	} else if secret, err = readPassphrase(env, u.passphraseFile, "Passphrase: "); err != nil {
		return nil, err
	}
	v, err := openExisting(dir, env)
	if err != nil {
		return nil, err
	}
	if u.recoveryKeyFile != "" {
		err = v.UnlockWithRecoveryKey(ctx, secret)
	} else {
		err = v.Unlock(ctx, secret)
	}
	if err != nil {
		v.Close()
		return nil, err
	}
	return v, nil
}

// openExisting takes the vault folder dir, which must hold a vault
// (ENOVAULT otherwise), for this process, locked; the caller closes it.
func openExisting(dir string, env *Env) (*vault.Vault, error) {
	v, err := vault.Open(dir, false, env.VaultOptions)
	if err != nil {
		return nil, err
	}
	if v.State() == vault.StateAbsent {
		v.Close()
		return nil, domain.Errorf(domain.ENOVAULT, "There is no Tandem vault in %s.", v.Dir())
	}
	return v, nil
}
