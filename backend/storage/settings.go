package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"tandem/backend/domain"
)

// storedInt reads a number stored in the settings table, held to its
// documented range [min, max]: a value read back is never trusted, as a
// restored backup or a damaged database could hold any (an auto-lock of a
// year, a rotation keeping no backup). Unreadable is def; out of range is
// the nearest end of the range.
func storedInt(v string, min, max, def int) int {
	n, err := strconv.Atoi(v)
	switch {
	case err != nil:
		return def
	case n < min:
		return min
	case n > max:
		return max
	}
	return n
}

// Settings returns the vault's settings; unset values take their defaults,
// and stored ones are held to their ranges (storedInt).
func (db *DB) Settings(ctx context.Context) (domain.Settings, error) {
	s := domain.DefaultSettings()
	rows, err := db.sql.QueryContext(ctx, `SELECT key, value FROM settings`)
	if err != nil {
		return s, fmt.Errorf("read settings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return s, fmt.Errorf("read settings: %w", err)
		}
		switch k {
		case "auto_lock_minutes":
			s.AutoLockMinutes = storedInt(v, domain.MinAutoLockMinutes, domain.MaxAutoLockMinutes, s.AutoLockMinutes)
		case "cocreation_pin":
			s.HasPIN = v != ""
		case "record_medicine":
			s.RecordMedicine = v == "true"
		case "paper_size":
			if v == domain.PaperA4 || v == domain.PaperLetter {
				s.PaperSize = v
			}
		}
	}
	return s, rows.Err()
}

// SaveSettings validates and stores the settings.
func (db *DB) SaveSettings(ctx context.Context, s domain.Settings) (domain.Settings, error) {
	if err := s.Validate(); err != nil {
		return domain.Settings{}, err
	}
	if s.PaperSize == "" {
		s.PaperSize = domain.PaperA4
	}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		for k, v := range map[string]string{"auto_lock_minutes": strconv.Itoa(s.AutoLockMinutes), "record_medicine": strconv.FormatBool(s.RecordMedicine), "paper_size": s.PaperSize} {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return domain.Settings{}, fmt.Errorf("save settings: %w", err)
	}
	return db.Settings(ctx)
}

// PINHash returns the stored hash of the co-creation PIN ("" if none).
func (db *DB) PINHash(ctx context.Context) (string, error) {
	var h string
	err := db.sql.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'cocreation_pin'`).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return h, err
}

// SetPINHash stores a new hash of the co-creation PIN ("" removes it).
func (db *DB) SetPINHash(ctx context.Context, hash string) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if hash == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM settings WHERE key = 'cocreation_pin'`)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('cocreation_pin', ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, hash)
		return err
	})
}
