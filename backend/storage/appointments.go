package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"tandem/backend/domain"
)

const appointmentColumns = `a.id, a.client_id, a.series_id, a.kind, a.date, a.time, a.time_zone, a.minutes, a.modality, a.place, a.notes,
	a.status, a.reason, coalesce(a.session_id, 0), a.sequence, a.created_at, a.updated_at`

func scanAppointment(row interface{ Scan(...any) error }, a *domain.Appointment, extra ...any) error {
	return row.Scan(append([]any{&a.ID, &a.ClientID, &a.SeriesID, &a.Kind, &a.Date, &a.Time, &a.TimeZone, &a.Minutes, &a.Modality, &a.Place, &a.Notes,
		&a.Status, &a.Reason, &a.SessionID, &a.Sequence, &a.Created, &a.Updated}, extra...)...)
}

// Appointment returns one appointment.
func (db *DB) Appointment(ctx context.Context, id int64) (domain.Appointment, error) {
	return db.appointment(ctx, db.sql, id)
}

func (db *DB) appointment(ctx context.Context, q querier, id int64) (domain.Appointment, error) {
	var a domain.Appointment
	err := scanAppointment(q.QueryRowContext(ctx, `SELECT `+appointmentColumns+` FROM appointments a WHERE a.id = ?`, id), &a)
	if errors.Is(err, sql.ErrNoRows) {
		return a, notFound("appointment")
	}
	if err != nil {
		return a, fmt.Errorf("read appointment: %w", err)
	}
	return a, nil
}

// ClientAppointments returns a client's appointments, every status, in
// date order.
func (db *DB) ClientAppointments(ctx context.Context, clientID int64) ([]domain.Appointment, error) {
	rows, err := db.appointmentRows(ctx, db.sql, `a.client_id = ?`, clientID)
	out := make([]domain.Appointment, len(rows))
	for i, r := range rows {
		out[i] = r.Appointment
	}
	return out, err
}

// AppointmentsBetween returns the appointments dated from from to to
// (inclusive, YYYY-MM-DD, either "" for no bound) of clients whose record
// is not archived, every status, in date order, with their client's name
// and code. clientID narrows them to one client (0 for all).
func (db *DB) AppointmentsBetween(ctx context.Context, from, to string, clientID int64) ([]domain.AppointmentRow, error) {
	where, args := `c.archived_at IS NULL`, []any{}
	if from != "" {
		where, args = where+` AND a.date >= ?`, append(args, from)
	}
	if to != "" {
		where, args = where+` AND a.date <= ?`, append(args, to)
	}
	if clientID != 0 {
		where, args = where+` AND a.client_id = ?`, append(args, clientID)
	}
	return db.appointmentRows(ctx, db.sql, where, args...)
}

func (db *DB) appointmentRows(ctx context.Context, q querier, where string, args ...any) ([]domain.AppointmentRow, error) {
	out := []domain.AppointmentRow{}
	err := eachRow(ctx, q, "read appointments", `SELECT `+appointmentColumns+`, c.chosen_name FROM appointments a JOIN clients c ON c.id = a.client_id
		WHERE `+where+` ORDER BY a.date, a.time, a.id`, func(rows *sql.Rows) error {
		var r domain.AppointmentRow
		if err := scanAppointment(rows, &r.Appointment, &r.ClientName); err != nil {
			return err
		}
		r.ClientCode = domain.ClientCode(r.ClientID)
		out = append(out, r)
		return nil
	}, args...)
	return out, err
}

// AddAppointment plans an appointment for an open client and, when it
// repeats, its following occurrences (domain.Appointment.Occurrences), all
// in one transaction; the history records each. It returns them in date
// order.
func (db *DB) AddAppointment(ctx context.Context, a domain.Appointment, r domain.Repeat) ([]domain.Appointment, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	all, err := a.Occurrences(r)
	if err != nil {
		return nil, err
	}
	return db.addAppointments(ctx, all, len(all) > 1)
}

// AddAppointments plans several appointments of one open client that do
// not form a series (such as the follow-ups of a medicine session), all or
// none, in one transaction.
func (db *DB) AddAppointments(ctx context.Context, list []domain.Appointment) ([]domain.Appointment, error) {
	if len(list) == 0 || len(list) > domain.MaxOccurrences {
		return nil, domain.FieldError("appointments", fmt.Sprintf("Choose between 1 and %d appointments.", domain.MaxOccurrences))
	}
	for i := range list {
		if list[i].ClientID != list[0].ClientID {
			return nil, domain.FieldError("clientId", "These appointments are not all for the same client.")
		}
		if err := list[i].Validate(); err != nil {
			return nil, err
		}
	}
	return db.addAppointments(ctx, list, false)
}

// addAppointments writes validated appointments of one client, planned;
// series makes them one series, named by the first one's id.
func (db *DB) addAppointments(ctx context.Context, all []domain.Appointment, series bool) ([]domain.Appointment, error) {
	out := make([]domain.Appointment, 0, len(all))
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.requireOpenClient(ctx, tx, all[0].ClientID); err != nil {
			return err
		}
		now := db.stamp()
		var seriesID int64
		for _, o := range all {
			id, err := lastID(tx.ExecContext(ctx, `INSERT INTO appointments (client_id, series_id, kind, date, time, time_zone, minutes, modality, place, notes, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				o.ClientID, seriesID, string(o.Kind), o.Date, o.Time, o.TimeZone, o.Minutes, string(o.Modality), o.Place, o.Notes, now, now))
			if err != nil {
				return fmt.Errorf("add appointment: %w", err)
			}
			if series && seriesID == 0 {
				seriesID = id
				if _, err := tx.ExecContext(ctx, `UPDATE appointments SET series_id = ? WHERE id = ?`, id, id); err != nil {
					return err
				}
			}
			made, err := db.appointment(ctx, tx, id)
			if err != nil {
				return err
			}
			if err := db.record(ctx, tx, domain.ByTherapist, o.ClientID, "appointment", id, "create", nil, made); err != nil {
				return err
			}
			out = append(out, made)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// changeAppointment changes a planned appointment: one held, cancelled or
// missed is kept as it was (its history is the record of what happened).
// Each change moves its calendar sequence on.
func (db *DB) changeAppointment(ctx context.Context, tx *sql.Tx, id int64, action string, change func(before domain.Appointment) error) (domain.Appointment, error) {
	before, err := db.appointment(ctx, tx, id)
	if err != nil {
		return before, err
	}
	if err := db.requireOpenClient(ctx, tx, before.ClientID); err != nil {
		return before, err
	}
	if before.Status != domain.Planned {
		return before, domain.Errorf(domain.EINVALID, "This appointment was already %s, so it stays as it was recorded.", statusWords[before.Status])
	}
	if err := change(before); err != nil {
		return before, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE appointments SET sequence = sequence + 1, updated_at = ? WHERE id = ?`, db.stamp(), id); err != nil {
		return before, err
	}
	after, err := db.appointment(ctx, tx, id)
	if err != nil {
		return after, err
	}
	return after, db.record(ctx, tx, domain.ByTherapist, before.ClientID, "appointment", id, action, before, after)
}

var statusWords = map[domain.AppointmentStatus]string{domain.Held: "held", domain.Cancelled: "cancelled", domain.NoShow: "recorded as missed"}

// UpdateAppointment changes a planned appointment's kind, time, place or
// notes.
func (db *DB) UpdateAppointment(ctx context.Context, a domain.Appointment) (domain.Appointment, error) {
	if err := a.Validate(); err != nil {
		return a, err
	}
	var out domain.Appointment
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = db.changeAppointment(ctx, tx, a.ID, "update", func(domain.Appointment) error {
			_, err := tx.ExecContext(ctx, `UPDATE appointments SET kind = ?, date = ?, time = ?, time_zone = ?, minutes = ?, modality = ?, place = ?, notes = ? WHERE id = ?`,
				string(a.Kind), a.Date, a.Time, a.TimeZone, a.Minutes, string(a.Modality), a.Place, a.Notes, a.ID)
			return err
		})
		return err
	})
	return out, err
}

// CancelAppointment records that a planned appointment will not happen:
// status domain.Cancelled, or domain.NoShow when the client did not come,
// with the reason in the therapist's words. following also cancels the
// planned appointments after it in the same series (not for a no-show).
// The appointments stay, with their history. It returns those it changed.
func (db *DB) CancelAppointment(ctx context.Context, id int64, status domain.AppointmentStatus, reason string, following bool) ([]domain.Appointment, error) {
	if status != domain.Cancelled && status != domain.NoShow {
		return nil, domain.FieldError("status", "Say whether the appointment was cancelled or the client did not come.")
	}
	if status == domain.NoShow && following {
		return nil, domain.FieldError("following", "Only a cancellation can take the following appointments with it.")
	}
	reason, err := domain.CleanText("reason", "The reason", reason, domain.MaxLineText, false)
	if err != nil {
		return nil, err
	}
	var out []domain.Appointment
	err = db.tx(ctx, func(tx *sql.Tx) error {
		ids := []int64{id}
		if following {
			first, err := db.appointment(ctx, tx, id)
			if err != nil {
				return err
			}
			if first.SeriesID != 0 {
				if err := eachRow(ctx, tx, "read series", `SELECT id FROM appointments WHERE series_id = ? AND status = 'planned' AND id <> ?
					AND (date > ? OR (date = ? AND time > ?)) ORDER BY date, time, id`, func(rows *sql.Rows) error {
					var n int64
					err := rows.Scan(&n)
					ids = append(ids, n)
					return err
				}, first.SeriesID, id, first.Date, first.Date, first.Time); err != nil {
					return err
				}
			}
		}
		action := "cancel"
		if status == domain.NoShow {
			action = "no_show"
		}
		for _, n := range ids {
			a, err := db.changeAppointment(ctx, tx, n, action, func(domain.Appointment) error {
				_, err := tx.ExecContext(ctx, `UPDATE appointments SET status = ?, reason = ? WHERE id = ?`, string(status), reason, n)
				return err
			})
			if err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// HoldAppointment turns a planned appointment into its session record
// (domain.Appointment.SessionOf) in one transaction: the session is
// created, the appointment is marked held and keeps the session's id, and
// the history records both. A session of the same kind written ahead for
// that day and not yet held through another appointment (a medicine
// session prepared before the day) is linked instead of made again. It
// returns the session.
func (db *DB) HoldAppointment(ctx context.Context, id int64) (domain.Session, error) {
	var out domain.Session
	err := db.tx(ctx, func(tx *sql.Tx) error {
		now := db.stamp()
		var sid int64
		made := false
		held, err := db.changeAppointment(ctx, tx, id, "hold", func(before domain.Appointment) error {
			// A session written ahead for the day (a medicine session is
			// prepared, and its readiness checked, before it is held) is
			// the one held: it is linked, not written a second time.
			err := tx.QueryRowContext(ctx, `SELECT s.id FROM sessions s WHERE s.client_id = ? AND s.kind = ? AND s.date = ? AND s.finalised_at = ''
				AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.session_id = s.id) ORDER BY s.id LIMIT 1`,
				before.ClientID, string(before.Kind), before.Date).Scan(&sid)
			if errors.Is(err, sql.ErrNoRows) {
				if sid, err = db.insertSession(ctx, tx, before.SessionOf(), now); err != nil {
					return err
				}
				made = true
			} else if err != nil {
				return err
			}
			_, err = tx.ExecContext(ctx, `UPDATE appointments SET status = 'held', session_id = ? WHERE id = ?`, sid, id)
			return err
		})
		if err != nil {
			return err
		}
		if out, err = db.session(ctx, tx, sid); err != nil || !made {
			return err
		}
		return db.record(ctx, tx, domain.ByTherapist, held.ClientID, "session", sid, "create", nil, out)
	})
	return out, err
}

// CalendarID is this practice's calendar identity: 32 hex digits, made
// once (crypto/rand) and kept in the settings, so backups carry it. Every
// appointment's calendar UID includes it, so UIDs stay the same from one
// calendar file to the next and never meet another practice's. A stored
// value that is not 32 hex digits is replaced.
func (db *DB) CalendarID(ctx context.Context) (string, error) {
	var id string
	err := db.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'calendar_id'`).Scan(&id)
		if err == nil && isHex32(id) {
			return nil
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return err
		}
		id = hex.EncodeToString(b)
		_, err = tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('calendar_id', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, id)
		return err
	})
	return id, err
}

func isHex32(s string) bool {
	if len(s) != 32 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}
