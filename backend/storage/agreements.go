package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"tandem/backend/domain"
)

func (db *DB) agreements(ctx context.Context, clientID int64) ([]domain.Agreement, error) {
	return db.readAgreements(ctx, db.sql, `a.client_id = ?`, clientID)
}

func (db *DB) agreement(ctx context.Context, q querier, id int64) (domain.Agreement, error) {
	as, err := db.readAgreements(ctx, q, `a.id = ?`, id)
	if err != nil {
		return domain.Agreement{}, err
	}
	if len(as) == 0 {
		return domain.Agreement{}, notFound("agreement")
	}
	return as[0], nil
}

// Agreement returns one agreement with every version.
func (db *DB) Agreement(ctx context.Context, id int64) (domain.Agreement, error) {
	return db.agreement(ctx, db.sql, id)
}

func (db *DB) readAgreements(ctx context.Context, q querier, where string, arg any) ([]domain.Agreement, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.client_id, a.kind, v.at, v.author, v.title, v.terms_json, v.confirmed_name, v.confirmed_on, v.template_version
		FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
		WHERE `+where+` ORDER BY a.id, v.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("read agreements: %w", err)
	}
	defer rows.Close()
	out := []domain.Agreement{}
	for rows.Next() {
		var a domain.Agreement
		var v domain.AgreementVersion
		var terms string
		if err := rows.Scan(&a.ID, &a.ClientID, &a.Kind, &v.At, &v.Author, &v.Title, &terms, &v.ConfirmedName, &v.ConfirmedOn, &v.TemplateVersion); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(terms), &v.Terms); err != nil {
			return nil, fmt.Errorf("read agreement terms: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].ID != a.ID {
			out = append(out, a)
		}
		last := &out[len(out)-1]
		last.Versions = append(last.Versions, v)
		last.Title, last.Terms, last.ConfirmedName, last.ConfirmedOn, last.Updated, last.TemplateVersion = v.Title, v.Terms, v.ConfirmedName, v.ConfirmedOn, v.At, v.TemplateVersion
	}
	return out, rows.Err()
}

// AddAgreement writes a new agreement.
func (db *DB) AddAgreement(ctx context.Context, n domain.NewAgreement, by domain.Actor) (domain.Agreement, error) {
	title, terms, err := domain.CleanAgreement(n.Kind, n.Title, n.Terms)
	if err != nil {
		return domain.Agreement{}, err
	}
	if !by.Valid() {
		return domain.Agreement{}, domain.FieldError("author", "Unknown author.")
	}
	if n.Kind == domain.MedicineConsent {
		return domain.Agreement{}, domain.FieldError("kind", "A consent for the medicine session is written from your consent template.")
	}
	return db.addAgreement(ctx, n.ClientID, n.Kind, by, title, terms, 0)
}

// addAgreement writes a checked agreement with its first version.
func (db *DB) addAgreement(ctx context.Context, clientID int64, kind domain.AgreementKind, by domain.Actor, title string, terms []domain.AgreementTerm, template int) (domain.Agreement, error) {
	return addFor(ctx, db, by, clientID, "agreement", func(tx *sql.Tx, now string) (int64, error) {
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO agreements (client_id, kind, created_at) VALUES (?, ?, ?)`, clientID, string(kind), now))
		if err != nil {
			return 0, err
		}
		return id, insertAgreementVersion(ctx, tx, id, now, by, title, terms, template)
	}, db.agreement)
}

// insertAgreementVersion writes a new, unconfirmed version in force.
func insertAgreementVersion(ctx context.Context, tx *sql.Tx, id int64, at string, by domain.Actor, title string, terms []domain.AgreementTerm, template int) error {
	b, err := json.Marshal(terms)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_versions (agreement_id, at, author, title, terms_json, template_version)
		VALUES (?, ?, ?, ?, ?, ?)`, id, at, string(by), title, string(b), template); err != nil {
		return fmt.Errorf("write agreement: %w", err)
	}
	return nil
}

func (db *DB) changeAgreement(ctx context.Context, id int64, by domain.Actor, action string, change func(tx *sql.Tx, a domain.Agreement) error) (domain.Agreement, error) {
	var out domain.Agreement
	err := db.tx(ctx, func(tx *sql.Tx) error {
		before, err := db.agreement(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := db.requireOpenClient(ctx, tx, before.ClientID); err != nil {
			return err
		}
		if err := change(tx, before); err != nil {
			return err
		}
		if out, err = db.agreement(ctx, tx, id); err != nil {
			return err
		}
		// The history keeps the wording in force before and after, not
		// every earlier version again (those stay in the agreement itself).
		after := out
		before.Versions, after.Versions = nil, nil
		return db.record(ctx, tx, by, before.ClientID, "agreement", id, action, before, after)
	})
	return out, err
}

// ReviseAgreement writes a new version; a confirmed agreement becomes
// unconfirmed until the client confirms again.
func (db *DB) ReviseAgreement(ctx context.Context, id int64, title string, terms []domain.AgreementTerm, by domain.Actor) (domain.Agreement, error) {
	if !by.Valid() {
		return domain.Agreement{}, domain.FieldError("author", "Unknown author.")
	}
	return db.changeAgreement(ctx, id, by, "revise", func(tx *sql.Tx, a domain.Agreement) error {
		t, cleaned, err := domain.CleanAgreement(a.Kind, title, terms)
		if a.Kind == domain.MedicineConsent {
			// A consent revised by hand still tells the client every part.
			t, cleaned, err = domain.CleanConsentTemplate(title, terms)
		}
		if err != nil {
			return err
		}
		if t == a.Title && termsEqual(cleaned, a.Terms) {
			return domain.Errorf(domain.EINVALID, "Nothing in the agreement changed.")
		}
		// A changed agreement is no longer the one the client confirmed.
		return insertAgreementVersion(ctx, tx, id, db.stamp(), by, t, cleaned, a.TemplateVersion)
	})
}

func termsEqual(a, b []domain.AgreementTerm) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ConfirmAgreement records that the client confirms the wording in force,
// by typing their name, on a date.
func (db *DB) ConfirmAgreement(ctx context.Context, id int64, typedName, on string) (domain.Agreement, error) {
	name, err := domain.CleanLine("typedName", "Your name", typedName, domain.MaxShortText, true)
	if err != nil {
		return domain.Agreement{}, err
	}
	if on == "" {
		on = db.today()
	}
	if on, err = domain.ParseDate("confirmedOn", "The date", on, true); err != nil {
		return domain.Agreement{}, err
	}
	return db.changeAgreement(ctx, id, domain.ByClient, "confirm", func(tx *sql.Tx, a domain.Agreement) error {
		if a.ConfirmedName != "" {
			return domain.Errorf(domain.EINVALID, "This wording is already confirmed.")
		}
		if written := db.dayOf(a.Updated); on < written {
			return domain.FieldError("confirmedOn", "The confirmation cannot be dated before this wording was written ("+written+").")
		}
		_, err := tx.ExecContext(ctx, `UPDATE agreement_versions SET confirmed_name = ?, confirmed_on = ?
			WHERE id = (SELECT max(id) FROM agreement_versions WHERE agreement_id = ?)`, name, on, id)
		return err
	})
}
