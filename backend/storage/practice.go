package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"tandem/backend/domain"
)

// Practice returns the profile; a new vault returns a zero Practice.
func (db *DB) Practice(ctx context.Context) (domain.Practice, error) {
	var p domain.Practice
	err := db.sql.QueryRowContext(ctx, `SELECT name, greeting_name, credentials, email, phone, address, website FROM practice WHERE id = 1`).
		Scan(&p.Name, &p.GreetingName, &p.Credentials, &p.Email, &p.Phone, &p.Address, &p.Website)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("read practice: %w", err)
	}
	err = db.sql.QueryRowContext(ctx, `SELECT statement, written_on FROM practice_positionality ORDER BY id DESC LIMIT 1`).
		Scan(&p.Positionality, &p.PositionalityDated)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("read positionality: %w", err)
	}
	return p, nil
}

// SavePractice validates and stores p in one transaction and returns the
// stored profile. A changed positionality statement adds a dated entry.
func (db *DB) SavePractice(ctx context.Context, p domain.Practice) (domain.Practice, error) {
	if err := p.Validate(); err != nil {
		return domain.Practice{}, err
	}
	now := db.now()
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO practice (id, name, greeting_name, credentials, email, phone, address, website, updated_at)
			VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, greeting_name = excluded.greeting_name, credentials = excluded.credentials,
				email = excluded.email, phone = excluded.phone, address = excluded.address,
				website = excluded.website, updated_at = excluded.updated_at`,
			p.Name, p.GreetingName, p.Credentials, p.Email, p.Phone, p.Address, p.Website, now.UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("save practice: %w", err)
		}
		var last string
		err := tx.QueryRowContext(ctx, `SELECT statement FROM practice_positionality ORDER BY id DESC LIMIT 1`).Scan(&last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read positionality: %w", err)
		}
		if p.Positionality != last {
			if _, err := tx.ExecContext(ctx, `INSERT INTO practice_positionality (written_on, statement, created_at) VALUES (?, ?, ?)`,
				now.Format(time.DateOnly), p.Positionality, now.UTC().Format(time.RFC3339)); err != nil {
				return fmt.Errorf("save positionality: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return domain.Practice{}, err
	}
	return db.Practice(ctx)
}
