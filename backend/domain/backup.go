package domain

import "time"

// BackupSettings are where and how Tandem makes its automatic backups. They
// are stored in the vault's settings, inside the encrypted vault.
type BackupSettings struct {
	// Folder is the backup folder the therapist chose ("" until then). It
	// is set only through the folder dialog, never from the page.
	Folder string `json:"folder"`
	// Auto makes a backup when the vault is locked, when Tandem quits, and
	// once a day while it is open. On by default, once a folder is chosen.
	Auto bool `json:"auto"`
	// How many backups the rotation keeps: the newest of each of the last
	// KeepDaily days, KeepWeekly weeks and KeepMonthly months.
	KeepDaily   int `json:"keepDaily"`
	KeepWeekly  int `json:"keepWeekly"`
	KeepMonthly int `json:"keepMonthly"`
}

// Rotation bounds.
const (
	DefaultKeepDaily   = 7
	DefaultKeepWeekly  = 4
	DefaultKeepMonthly = 12
	MaxKeepDaily       = 90
	MaxKeepWeekly      = 104
	MaxKeepMonthly     = 240
)

// DefaultBackupSettings are the backup settings of a new vault.
func DefaultBackupSettings() BackupSettings {
	return BackupSettings{Auto: true, KeepDaily: DefaultKeepDaily, KeepWeekly: DefaultKeepWeekly, KeepMonthly: DefaultKeepMonthly}
}

// Validate checks the rotation numbers.
func (s BackupSettings) Validate() error {
	switch {
	case s.KeepDaily < 1 || s.KeepDaily > MaxKeepDaily:
		return FieldError("keepDaily", "Keep between 1 and 90 daily backups.")
	case s.KeepWeekly < 0 || s.KeepWeekly > MaxKeepWeekly:
		return FieldError("keepWeekly", "Keep between 0 and 104 weekly backups.")
	case s.KeepMonthly < 0 || s.KeepMonthly > MaxKeepMonthly:
		return FieldError("keepMonthly", "Keep between 0 and 240 monthly backups.")
	}
	return nil
}

// BackupRecord is the last backup that was made and verified.
type BackupRecord struct {
	At   time.Time
	Path string
}
