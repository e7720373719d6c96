package storage

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strconv"
	"time"

	"tandem/backend/domain"
)

// The backup settings and the record of the last good backup live in the
// settings table under keys of their own.
const (
	keyBackupFolder   = "backup_folder"
	keyBackupAuto     = "backup_auto"
	keyBackupDaily    = "backup_keep_daily"
	keyBackupWeekly   = "backup_keep_weekly"
	keyBackupMonthly  = "backup_keep_monthly"
	keyBackupLastAt   = "backup_last_at"
	keyBackupLastPath = "backup_last_path"
)

// BackupSettings returns the backup settings; unset values take their
// defaults, stored ones are held to their ranges (storedInt), and a folder
// that is not an absolute path is no folder.
func (db *DB) BackupSettings(ctx context.Context) (domain.BackupSettings, error) {
	s := domain.DefaultBackupSettings()
	vals, err := db.settingValues(ctx)
	if err != nil {
		return s, err
	}
	// Only an absolute path is a folder; anything else is no folder.
	if f := vals[keyBackupFolder]; filepath.IsAbs(f) {
		s.Folder = f
	}
	// A restored vault's folder is not used until it is chosen again.
	if held, err := db.UnconfirmedBackupFolder(ctx); err != nil {
		return s, err
	} else if held != "" && held == s.Folder {
		s.Folder = ""
	}
	if v, ok := vals[keyBackupAuto]; ok {
		s.Auto = v == "true"
	}
	for k, r := range map[string]struct {
		p        *int
		min, max int
	}{
		keyBackupDaily:   {&s.KeepDaily, 1, domain.MaxKeepDaily},
		keyBackupWeekly:  {&s.KeepWeekly, 0, domain.MaxKeepWeekly},
		keyBackupMonthly: {&s.KeepMonthly, 0, domain.MaxKeepMonthly},
	} {
		if v, ok := vals[k]; ok {
			*r.p = storedInt(v, r.min, r.max, *r.p)
		}
	}
	return s, nil
}

// SaveBackupSettings validates and stores the backup settings, the folder
// included.
func (db *DB) SaveBackupSettings(ctx context.Context, s domain.BackupSettings) (domain.BackupSettings, error) {
	if err := s.Validate(); err != nil {
		return domain.BackupSettings{}, err
	}
	err := db.setValues(ctx, s.Folder != "", map[string]string{
		keyBackupFolder: s.Folder, keyBackupAuto: strconv.FormatBool(s.Auto),
		keyBackupDaily: strconv.Itoa(s.KeepDaily), keyBackupWeekly: strconv.Itoa(s.KeepWeekly), keyBackupMonthly: strconv.Itoa(s.KeepMonthly),
	})
	if err != nil {
		return domain.BackupSettings{}, fmt.Errorf("save backup settings: %w", err)
	}
	return db.BackupSettings(ctx)
}

// LastBackup returns the last backup recorded by RecordBackup, nil when
// none was.
func (db *DB) LastBackup(ctx context.Context) (*domain.BackupRecord, error) {
	vals, err := db.settingValues(ctx)
	if err != nil {
		return nil, err
	}
	at, err := time.Parse(time.RFC3339, vals[keyBackupLastAt])
	if err != nil {
		return nil, nil
	}
	return &domain.BackupRecord{At: at, Path: vals[keyBackupLastPath]}, nil
}

// RecordBackup remembers a backup that was made and verified.
func (db *DB) RecordBackup(ctx context.Context, r domain.BackupRecord) error {
	return db.setValues(ctx, false, map[string]string{keyBackupLastAt: r.At.UTC().Format(time.RFC3339), keyBackupLastPath: r.Path})
}

func (db *DB) settingValues(ctx context.Context) (map[string]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT key, value FROM settings WHERE key LIKE 'backup\_%' ESCAPE '\'`)
	if err != nil {
		return nil, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	vals := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("read settings: %w", err)
		}
		vals[k] = v
	}
	return vals, rows.Err()
}

// setValues stores vals in the settings table; with confirm, the backup
// folder among them was chosen, and a restored vault's held one goes.
func (db *DB) setValues(ctx context.Context, confirm bool, vals map[string]string) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if confirm {
			if err := confirmBackupFolder(ctx, tx); err != nil {
				return err
			}
		}
		for k, v := range vals {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
		}
		return nil
	})
}
