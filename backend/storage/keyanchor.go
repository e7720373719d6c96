package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// KeyAnchor is what the database knows of its vault's key file: the vault's
// id, the recovery recipient its recovery slot must be sealed to, and the
// key file version last written. The database is authenticated page by page
// under the data key, so package vault checks the key file against it at
// every unlock: a recipient swapped in the key file, or an older key file
// put back, disagrees with the anchor (docs/design.md, "Envelope
// encryption"). It belongs to this vault's key file, not to the records: a
// dump does not carry it (dumpTables), and a restore writes it afresh.
type KeyAnchor struct {
	VaultID        string
	Recipient      string
	KeyFileVersion int
}

// anchorTable holds the anchor; migrations/0005_key_anchor.sql makes it.
const anchorTable = "key_anchor"

// KeyAnchor returns the anchor, and false when the database has none yet (a
// vault made by an earlier Tandem, before its first unlock by this one,
// whose database may not even be migrated to have the table yet).
func (db *DB) KeyAnchor(ctx context.Context) (KeyAnchor, bool, error) {
	var a KeyAnchor
	if has, err := hasTable(ctx, db.sql, anchorTable); err != nil || !has {
		return KeyAnchor{}, false, err
	}
	err := db.sql.QueryRowContext(ctx, `SELECT vault_id, recovery, key_file_version FROM key_anchor WHERE id = 1`).
		Scan(&a.VaultID, &a.Recipient, &a.KeyFileVersion)
	if errors.Is(err, sql.ErrNoRows) {
		return KeyAnchor{}, false, nil
	}
	if err != nil {
		return KeyAnchor{}, false, fmt.Errorf("read key anchor: %w", err)
	}
	return a, true, nil
}

// SetKeyAnchor stores the anchor (package vault calls it whenever it writes
// a key file). It is not a record of the practice: no history. A database
// of an earlier Tandem, not yet migrated to hold an anchor, is left as it
// is: its next unlock migrates it and writes the anchor.
func (db *DB) SetKeyAnchor(ctx context.Context, a KeyAnchor) error {
	if has, err := hasTable(ctx, db.sql, anchorTable); err != nil || !has {
		return err
	}
	_, err := db.sql.ExecContext(ctx, `INSERT INTO key_anchor (id, vault_id, recovery, key_file_version) VALUES (1, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET vault_id = excluded.vault_id, recovery = excluded.recovery, key_file_version = excluded.key_file_version`,
		a.VaultID, a.Recipient, a.KeyFileVersion)
	if err != nil {
		return fmt.Errorf("set key anchor: %w", err)
	}
	return nil
}

// hasTable reports whether the database has the table name: one a later
// migration makes may be missing from an earlier Tandem's database that is
// read before it is migrated (a backup before an update, a key change).
func hasTable(ctx context.Context, q querier, name string) (bool, error) {
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name).Scan(&n); err != nil {
		return false, fmt.Errorf("look for table %s: %w", name, err)
	}
	return n > 0, nil
}
