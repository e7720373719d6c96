package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
)

// vaultLocalTable holds this vault's own state, which is not a record of
// the practice (migrations/0006_vault_local.sql): a dump does not carry it
// (dumpTables), so that a restore gives back the records as they were and
// writes this afresh.
const vaultLocalTable = "vault_local"

// keyUnconfirmedFolder is the backup folder a restored vault came with,
// not used until the therapist chooses a folder again.
const keyUnconfirmedFolder = "unconfirmed_backup_folder"

// HoldRestoredBackupFolder is for a vault just restored from a backup: the
// backup folder its records name is not used (BackupSettings gives no
// folder) until the therapist chooses a folder again, as it may be another
// computer's drive, or a folder a crafted backup chose. The records keep
// it as they were; the folder dialog starts there (UnconfirmedBackupFolder).
func (db *DB) HoldRestoredBackupFolder(ctx context.Context) error {
	vals, err := db.settingValues(ctx)
	if err != nil {
		return err
	}
	folder := vals[keyBackupFolder]
	if folder == "" {
		return nil
	}
	if has, err := hasTable(ctx, db.sql, vaultLocalTable); err != nil || !has {
		return err
	}
	if _, err := db.sql.ExecContext(ctx, `INSERT INTO vault_local (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, keyUnconfirmedFolder, folder); err != nil {
		return fmt.Errorf("hold the restored backup folder: %w", err)
	}
	return nil
}

// UnconfirmedBackupFolder is the folder a restored vault came with, while
// it waits to be chosen again; "" otherwise.
func (db *DB) UnconfirmedBackupFolder(ctx context.Context) (string, error) {
	if has, err := hasTable(ctx, db.sql, vaultLocalTable); err != nil || !has {
		return "", err
	}
	var f string
	err := db.sql.QueryRowContext(ctx, `SELECT value FROM vault_local WHERE key = ?`, keyUnconfirmedFolder).Scan(&f)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read the restored backup folder: %w", err)
	}
	if !filepath.IsAbs(f) {
		return "", nil
	}
	return f, nil
}

// confirmBackupFolder forgets a restored vault's held folder: a folder was
// chosen. Called within the transaction that stores it.
func confirmBackupFolder(ctx context.Context, tx *sql.Tx) error {
	if has, err := hasTable(ctx, tx, vaultLocalTable); err != nil || !has {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM vault_local WHERE key = ?`, keyUnconfirmedFolder)
	return err
}
