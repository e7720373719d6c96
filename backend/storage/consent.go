package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"tandem/backend/domain"
)

// The practice's informed consent for medicine sessions: a template the
// therapist writes in Settings, every version kept, from which each
// client's consent (an agreement of kind domain.MedicineConsent) is
// written. A new template version makes every consent from an older one
// no longer current, until it is brought up to date and confirmed again.

// ConsentTemplates returns every version of the template, oldest first.
func (db *DB) ConsentTemplates(ctx context.Context) ([]domain.ConsentTemplate, error) {
	return db.consentTemplates(ctx, db.sql, `1`)
}

func (db *DB) consentTemplates(ctx context.Context, q querier, where string) ([]domain.ConsentTemplate, error) {
	out := []domain.ConsentTemplate{}
	err := eachRow(ctx, q, "read consent template", `SELECT version, title, terms_json, created_at FROM consent_templates WHERE `+where+` ORDER BY version`, func(rows *sql.Rows) error {
		var t domain.ConsentTemplate
		var terms string
		if err := rows.Scan(&t.Version, &t.Title, &terms, &t.Created); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(terms), &t.Terms); err != nil {
			return fmt.Errorf("read consent template: %w", err)
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// ConsentTemplate returns the template in use; Version 0 when none is
// written.
func (db *DB) ConsentTemplate(ctx context.Context) (domain.ConsentTemplate, error) {
	return db.currentConsent(ctx, db.sql)
}

func (db *DB) currentConsent(ctx context.Context, q querier) (domain.ConsentTemplate, error) {
	ts, err := db.consentTemplates(ctx, q, `version = (SELECT max(version) FROM consent_templates)`)
	if err != nil || len(ts) == 0 {
		return domain.ConsentTemplate{}, err
	}
	return ts[0], nil
}

// SaveConsentTemplate writes a new version of the template.
func (db *DB) SaveConsentTemplate(ctx context.Context, title string, terms []domain.AgreementTerm) (domain.ConsentTemplate, error) {
	t, cleaned, err := domain.CleanConsentTemplate(title, terms)
	if err != nil {
		return domain.ConsentTemplate{}, err
	}
	var out domain.ConsentTemplate
	err = db.tx(ctx, func(tx *sql.Tx) error {
		before, err := db.currentConsent(ctx, tx)
		if err != nil {
			return err
		}
		if before.Version > 0 && before.Title == t && termsEqual(before.Terms, cleaned) {
			return domain.Errorf(domain.EINVALID, "Nothing in the consent template changed.")
		}
		b, err := json.Marshal(cleaned)
		if err != nil {
			return err
		}
		out = domain.ConsentTemplate{Version: before.Version + 1, Title: t, Terms: cleaned, Created: db.stamp()}
		if _, err := tx.ExecContext(ctx, `INSERT INTO consent_templates (version, title, terms_json, created_at) VALUES (?, ?, ?, ?)`,
			out.Version, out.Title, string(b), out.Created); err != nil {
			return fmt.Errorf("save consent template: %w", err)
		}
		var prev any
		if before.Version > 0 {
			prev = before
		}
		return db.record(ctx, tx, domain.ByTherapist, 0, "consent_template", int64(out.Version), "create", prev, out)
	})
	return out, err
}

// WriteConsent writes a client's consent for medicine sessions from the
// template in use: a new agreement when the client has none, else a new
// version of theirs, which the client confirms again.
func (db *DB) WriteConsent(ctx context.Context, clientID int64) (domain.Agreement, error) {
	tpl, err := db.ConsentTemplate(ctx)
	if err != nil {
		return domain.Agreement{}, err
	}
	if tpl.Version == 0 {
		return domain.Agreement{}, domain.Errorf(domain.EINVALID, "Write your consent template in Settings first.")
	}
	var found sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT max(id) FROM agreements WHERE client_id = ? AND kind = ?`, clientID, string(domain.MedicineConsent)).Scan(&found); err != nil {
		return domain.Agreement{}, fmt.Errorf("read consent: %w", err)
	}
	id := found.Int64
	if id == 0 {
		return db.addAgreement(ctx, clientID, domain.MedicineConsent, domain.ByTherapist, tpl.Title, tpl.Terms, tpl.Version)
	}
	return db.changeAgreement(ctx, id, domain.ByTherapist, "revise", func(tx *sql.Tx, a domain.Agreement) error {
		if a.TemplateVersion == tpl.Version {
			return domain.Errorf(domain.EINVALID, "This consent is already written from the current template (version %d).", tpl.Version)
		}
		return insertAgreementVersion(ctx, tx, id, db.stamp(), domain.ByTherapist, tpl.Title, tpl.Terms, tpl.Version)
	})
}
