package backup

import (
	"context"
	"fmt"
	"log"
	"time"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// BeforeMigration returns the hook (vault.Options.BeforeMigrate) that backs
// a vault up before a newer Tandem brings its records to a newer format:
// when the vault's backup settings name a folder and automatic backups are
// on, it makes a backup there as CreateInDir does (dated name, verified,
// rotated), at the old schema version, and records it as the last backup.
// With no folder, or automatic backups off, it does nothing and the
// migration goes ahead.
//
// When the backup cannot be made, the hook fails, and with it the unlock:
// nothing is migrated, and the message says which folder and why, so the
// therapist can connect the drive and unlock again. appVersion goes into the
// backup's manifest; now may be nil (time.Now).
func BeforeMigration(appVersion string, now func() time.Time) vault.MigrationHook {
	return func(ctx context.Context, db *storage.DB, keys *vault.BackupKeys, from, to int) error {
		set, err := db.BackupSettings(ctx)
		if err != nil {
			return err
		}
		if set.Folder == "" || !set.Auto {
			return nil
		}
		src := Source{DB: db, Keys: keys, AppVersion: appVersion, Now: now}
		policy := Policy{Daily: set.KeepDaily, Weekly: set.KeepWeekly, Monthly: set.KeepMonthly}
		res, _, err := CreateInDir(ctx, src, set.Folder, policy)
		if res == nil {
			return domain.Wrap(domain.ErrorCode(err), fmt.Sprintf(
				"This version of Tandem updates how your records are stored, and makes a backup in %s before it does. That backup could not be made, so nothing was changed: %s Unlock again once the backup folder can be reached.",
				set.Folder, domain.ErrorMessage(err)), err)
		}
		// The backup is made and verified; a rotation that failed
		// afterwards does not make it less good.
		if err := db.RecordBackup(ctx, domain.BackupRecord{At: res.Info.Created, Path: res.Path}); err != nil {
			log.Printf("tandem: the backup made before updating the records format (%d to %d) could not be recorded in the vault: %v", from, to, err)
		}
		return nil
	}
}
