package vault

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultDir is the vault folder when none is given: the platform's folder
// for a user's application data.
//
//	Linux:   $XDG_DATA_HOME/Tandem, else ~/.local/share/Tandem
//	macOS:   ~/Library/Application Support/Tandem
//	Windows: %LOCALAPPDATA%\Tandem
//
// The environment variable TANDEM_VAULT, when set, wins over all of these.
func DefaultDir() (string, error) {
	if d := os.Getenv("TANDEM_VAULT"); d != "" {
		return d, nil
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LOCALAPPDATA"); d != "" {
			return filepath.Join(d, "Tandem"), nil
		}
	case "darwin":
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		return filepath.Join(home, "Library", "Application Support", "Tandem"), nil
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "Tandem"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "Tandem"), nil
}
