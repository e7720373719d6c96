// Command tandem is the Tandem desktop app and, given a command, its CLI.
//
// This file is the composition root: it builds the services, dispatches CLI
// commands, and wires the Wails window. It opens nothing itself.
package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/logger"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"golang.org/x/term"

	"tandem/app"
	"tandem/backend/backup"
	"tandem/backend/cli"
	"tandem/backend/clock"
	"tandem/backend/vault"
	"tandem/backend/version"
)

//go:embed all:frontend/dist
var assets embed.FS

// appIcon is the window's icon on Linux, 128 pixels (made from
// build/appicon.svg by `make icons`): small, because decoding the
// 1024-pixel one delayed the first paint by some 30 ms. Windows and macOS
// take theirs from the executable and the app bundle.
//
//go:embed build/linux/window-icon.png
var appIcon []byte

func main() {
	started := time.Now()
	if err := hardenProcess(); err != nil {
		fmt.Fprintln(os.Stderr, "tandem: core dumps could not be turned off:", err)
	}
	args := os.Args[1:]
	now, err := appClock()
	if err != nil {
		fmt.Fprintln(os.Stderr, "tandem:", err)
		os.Exit(cli.ExitUsage)
	}
	// A vault made by an earlier Tandem is backed up into its backup
	// folder before its records are brought to this version's format.
	opts := vault.Options{Now: now, BeforeMigrate: backup.BeforeMigration(version.Version, now)}
	if cli.IsCommand(args) {
		env := &cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version.Version, VaultOptions: opts}
		if term.IsTerminal(int(os.Stdin.Fd())) {
			env.Terminal = func(prompt string) (string, error) {
				fmt.Fprint(os.Stderr, prompt)
				b, err := term.ReadPassword(int(os.Stdin.Fd()))
				fmt.Fprintln(os.Stderr)
				return string(b), err
			}
		}
		os.Exit(cli.Run(context.Background(), env, args))
	}
	os.Exit(runApp(args, opts, started))
}

// appClock is the clock the whole program keeps time by (package clock):
// the computer's, except in a test run (the self-test, or a `wails dev`
// build), where TANDEM_CLOCK may pin it.
func appClock() (func() time.Time, error) {
	if !devBuild && os.Getenv("TANDEM_SELFTEST") != "1" {
		return time.Now, nil
	}
	return clock.FromEnv(os.Getenv)
}

// runApp opens the window; its exit status is the self-test's verdict when
// TANDEM_SELFTEST=1, else 0.
func runApp(args []string, opts vault.Options, started time.Time) int {
	fs := flag.NewFlagSet("tandem", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dirFlag := fs.String("vault", "", "vault folder")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: tandem [--vault DIR] | tandem COMMAND (run \"tandem help\")")
		return cli.ExitUsage
	}
	dir := *dirFlag
	if dir == "" {
		var err error
		if dir, err = vault.DefaultDir(); err != nil {
			fmt.Fprintln(os.Stderr, "tandem: no folder for the vault:", err)
			return cli.ExitFail
		}
	}
	v, openErr := vault.Open(dir, true, opts)
	shell := app.NewShell(v, openErr, version.Version)
	selftest := os.Getenv("TANDEM_SELFTEST") == "1"
	if selftest {
		pass := os.Getenv("TANDEM_SELFTEST_PASSPHRASE")
		if pass == "" {
			pass = "selftest lantern orbit cello"
		}
		shell.EnableSelfTest(os.Stdout, pass, started)
	}
	defer prepareWebview()()
	err := wails.Run(&options.App{
		Title:            "Tandem",
		Width:            1100,
		Height:           760,
		MinWidth:         760,
		MinHeight:        560,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 247, G: 245, B: 240, A: 255},
		OnStartup:        shell.Startup,
		OnDomReady:       shell.DomReady,
		OnShutdown:       shell.Shutdown,
		Bind:             app.Bindings(shell),
		// Wails logs call results at trace level, which would put record
		// content in the log: never below warnings, even in development.
		LogLevel:           logger.WARNING,
		LogLevelProduction: logger.ERROR,
		Linux:              &linux.Options{ProgramName: "tandem", Icon: appIcon, WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "tandem: the window could not be opened:", err)
		return cli.ExitFail
	}
	if selftest && !shell.SelfTestPassed() {
		return cli.ExitFail
	}
	return cli.ExitOK
}
