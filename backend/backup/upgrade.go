package backup

import (
	"context"
	"fmt"
	"log"
	"path/filepath"
	"time"

	"tandem/backend/domain"
	"tandem/backend/vault"
)

// BeforeMigration returns the hook (vault.Options.BeforeMigrate) that backs
// a vault up before a newer Tandem brings its records to a newer format,
// when backups are set up (the vault's backup settings name a folder and
// automatic backups are on); otherwise it does nothing and the migration
// goes ahead.
//
// The backup is made as CreateInDir makes one (dated name, verified,
// rotated), at the old schema version, and recorded as the last backup.
// When the backup folder cannot take it (the drive is not plugged in, or
// full), the backup is made beside the vault folder instead, as
// VAULT.before-update-DATE.age (see BeforeUpdateName), so that an update
// neither waits for a drive that may never come back nor goes ahead
// without a backup. Only when that fails too does the hook fail, and with
// it the unlock: nothing is migrated, and the message says why.
// appVersion goes into the backup's manifest; now may be nil (time.Now).
func BeforeMigration(appVersion string, now func() time.Time) vault.MigrationHook {
	if now == nil {
		now = time.Now
	}
	return func(ctx context.Context, m vault.Migration) error {
		set, err := m.DB.BackupSettings(ctx)
		if err != nil {
			return err
		}
		if set.Folder == "" || !set.Auto {
			return nil
		}
		src := Source{DB: m.DB, Keys: m.Keys, AppVersion: appVersion, Now: now}
		policy := Policy{Daily: set.KeepDaily, Weekly: set.KeepWeekly, Monthly: set.KeepMonthly}
		res, _, err := CreateInDir(ctx, src, set.Folder, policy)
		if res != nil {
			// Made and verified; a rotation that failed afterwards does
			// not make it less good.
			if err := m.DB.RecordBackup(ctx, domain.BackupRecord{At: res.Info.Created, Path: res.Path}); err != nil {
				log.Printf("tandem: the backup made before updating the records format (%d to %d) could not be recorded in the vault: %v", m.From, m.To, err)
			}
			return nil
		}
		beside := BeforeUpdateName(m.Dir, now())
		if _, err2 := Create(ctx, src, beside); err2 != nil {
			return domain.Wrap(domain.ErrorCode(err), fmt.Sprintf(
				"This version of Tandem updates how your records are stored, and makes a backup before it does. The backup could be made neither in %s (%s) nor beside the vault folder, so nothing was changed. Unlock again once the backup folder can be reached.",
				set.Folder, domain.ErrorMessage(err)), err)
		}
		// A folder or a cause, never records.
		log.Printf("tandem: before updating the records format (%d to %d) the backup folder could not be used (%s: %v); the backup was made as %s",
			m.From, m.To, domain.ErrorCode(err), err, beside)
		return nil
	}
}

// BeforeUpdateName is where BeforeMigration puts its backup when the
// backup folder cannot take it: beside the vault folder dir, named after it
// and the time t (UTC), for example Tandem.before-update-2026-11-25T100000Z.age.
func BeforeUpdateName(dir string, t time.Time) string {
	return filepath.Join(filepath.Dir(dir), filepath.Base(dir)+".before-update-"+t.UTC().Format(nameLayout)+nameExt)
}
