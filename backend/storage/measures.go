package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"tandem/backend/domain"
)

// Measures: completed instruments (table measures, migration 0014). A
// measure keeps a full copy of the definition it was answered on; reading
// it decodes that copy and its answers strictly, checks them (each
// distinct definition once, Instrument.Validate; then each measure,
// Measure.ValidateAnswers) and works the result out again, so what is
// shown always follows from what is stored. A stored row that does not pass is
// EVAULTDAMAGED, naming the measure; it never panics.

const measureColumns = `m.id, m.client_id, coalesce(m.session_id, 0), m.date, m.instrument_key, m.instrument_version,
	m.definition, m.answers, m.entered_by, m.notes, m.follow_up, m.follow_up_on, m.created_at, m.updated_at`

// readMeasures reads the measures matching where (over measures m), by
// date then id. Each distinct definition is decoded and checked once; each
// measure gets its own copy of it.
func readMeasures(ctx context.Context, q querier, where string, args ...any) ([]domain.Measure, error) {
	out := []domain.Measure{}
	defs := definitions{}
	err := eachRow(ctx, q, "read measures", `SELECT `+measureColumns+` FROM measures m WHERE `+where+` ORDER BY m.date, m.id`, func(rows *sql.Rows) error {
		var m domain.Measure
		var key, def, answers string
		var version int
		if err := rows.Scan(&m.ID, &m.ClientID, &m.SessionID, &m.Date, &key, &version, &def, &answers,
			&m.EnteredBy, &m.Notes, &m.FollowUp, &m.FollowUpOn, &m.Created, &m.Updated); err != nil {
			return err
		}
		if err := defs.decodeMeasure(&m, key, version, def, answers); err != nil {
			return domain.Wrap(domain.EVAULTDAMAGED, fmt.Sprintf("Measure %d could not be read: its stored questionnaire or answers are damaged. Restore the vault from a backup.", m.ID), err)
		}
		out = append(out, m)
		return nil
	}, args...)
	return out, err
}

// definitions are the stored definitions one read has decoded and
// checked, by their JSON.
type definitions map[string]domain.Instrument

// decodeMeasure fills m's definition and answers from their stored JSON
// and works its result out from them.
func (defs definitions) decodeMeasure(m *domain.Measure, key string, version int, def, answers string) error {
	in, ok := defs[def]
	if !ok {
		var err error
		if in, err = readDefinition(def, key, version); err != nil {
			return err
		}
		defs[def] = in
	}
	if in.Key != key || in.Version != version {
		return fmt.Errorf("definition of %s version %d stored as %s version %d", in.Key, in.Version, key, version)
	}
	m.Instrument = in.Clone()
	if err := decodeStrict(answers, &m.Answers); err != nil {
		return fmt.Errorf("decode answers: %w", err)
	}
	return m.ValidateAnswers()
}

// Measures returns a client's measures, oldest first (by date, then in
// the order they were recorded).
func (db *DB) Measures(ctx context.Context, clientID int64) ([]domain.Measure, error) {
	return readMeasures(ctx, db.sql, `m.client_id = ?`, clientID)
}

// Measure returns one measure; ENOTFOUND when there is none.
func (db *DB) Measure(ctx context.Context, id int64) (domain.Measure, error) {
	return db.measure(ctx, db.sql, id)
}

func (db *DB) measure(ctx context.Context, q querier, id int64) (domain.Measure, error) {
	ms, err := readMeasures(ctx, q, `m.id = ?`, id)
	if err != nil {
		return domain.Measure{}, err
	}
	if len(ms) == 0 {
		return domain.Measure{}, notFound("measure")
	}
	return ms[0], nil
}

// checkMeasure validates m (its Instrument already the definition it is
// stored with) and refuses a date after today, in the clock's zone, and a
// session that is not one of the client's.
func (db *DB) checkMeasure(ctx context.Context, q querier, m *domain.Measure) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if m.Date > db.today() {
		return domain.FieldError("date", "The date it was answered is after today. Check the date.")
	}
	if m.SessionID == 0 {
		return nil
	}
	var owner int64
	err := q.QueryRowContext(ctx, `SELECT client_id FROM sessions WHERE id = ?`, m.SessionID).Scan(&owner)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != m.ClientID) {
		return domain.FieldError("sessionId", "Choose one of this client's sessions, or none.")
	}
	return err
}

// measureEntry is a measure as the history records it: whole, but for
// the copy of its definition, which is named by key and version only. A
// measure's definition never changes once it is recorded, and the row
// keeps it; writing it out again in every history entry would double the
// space measures take.
type measureEntry struct{ domain.Measure }

func (e measureEntry) MarshalJSON() ([]byte, error) {
	m := e.Measure
	m.Instrument = domain.Instrument{Key: m.Instrument.Key, Name: m.Instrument.Name, ShortName: m.Instrument.ShortName,
		Version: m.Instrument.Version, BuiltIn: m.Instrument.BuiltIn}
	return json.Marshal(m)
}

// measureEntryOf reads one measure as a history entry.
func (db *DB) measureEntryOf(ctx context.Context, q querier, id int64) (measureEntry, error) {
	m, err := db.measure(ctx, q, id)
	return measureEntry{m}, err
}

func clientOfEntry(e measureEntry) int64 { return e.ClientID }

// scoreColumns are the stored columns worked out from m's result.
func scoreColumns(m domain.Measure) (hasTotal bool, total float64, band string, flagged bool) {
	return m.Result.HasTotal, m.Result.Total, m.Result.Band, m.Flagged()
}

// AddMeasure records a measure of an open client and returns it as stored.
// The caller gives the instrument by m.Instrument.Key only: the rest of
// m.Instrument is ignored, and the measure is stored with a copy of that
// instrument's current definition, so a definition cannot be submitted
// with the answers. It also takes the answers, date, session (0: none),
// notes and EnteredBy (empty: by); a follow-up is recorded with
// RecordMeasureFollowUp. It refuses (EINVALID) an unknown or retired
// instrument, answers the instrument does not accept, a date after today,
// and a session of another client. Recorded in the history, by by.
func (db *DB) AddMeasure(ctx context.Context, m domain.Measure, by domain.Actor) (domain.Measure, error) {
	if !by.Valid() {
		return domain.Measure{}, domain.FieldError("author", "Say who made this change: the client, you, or the two of you together.")
	}
	if m.ClientID <= 0 {
		return domain.Measure{}, notFound("client record")
	}
	if m.EnteredBy == "" {
		m.EnteredBy = by
	}
	key := m.Instrument.Key
	m.ID, m.FollowUp, m.FollowUpOn = 0, "", ""
	e, err := addFor(ctx, db, by, m.ClientID, "measure", func(tx *sql.Tx, now string) (int64, error) {
		var err error
		if m.Instrument, err = instrumentInUse(ctx, tx, key, "instrument"); err != nil {
			return 0, err
		}
		if err := db.checkMeasure(ctx, tx, &m); err != nil {
			return 0, err
		}
		def, err := toJSON(m.Instrument)
		if err != nil {
			return 0, err
		}
		answers, err := toJSON(m.Answers)
		if err != nil {
			return 0, err
		}
		hasTotal, total, band, flagged := scoreColumns(m)
		return lastID(tx.ExecContext(ctx, `INSERT INTO measures (client_id, session_id, date, instrument_key, instrument_version, definition, answers,
				has_total, total, band, flagged, entered_by, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			m.ClientID, nullID(m.SessionID), m.Date, m.Instrument.Key, m.Instrument.Version, def, answers,
			hasTotal, total, band, flagged, string(m.EnteredBy), m.Notes, now, now))
	}, db.measureEntryOf)
	return e.Measure, err
}

// nullID is id for a column that may be NULL: 0 is NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// CorrectMeasure fixes a measure's answers, date, session, notes and who
// entered it (empty: unchanged), as AddMeasure checks them. The measure
// keeps its own copy of the definition, never the instrument's newer
// version, and its follow-up. Nothing changes silently: the history keeps
// the measure as it was before, and the correction, by by.
func (db *DB) CorrectMeasure(ctx context.Context, m domain.Measure, by domain.Actor) (domain.Measure, error) {
	e, err := changeFor(ctx, db, by, "measure", m.ID, "correct", db.measureEntryOf, clientOfEntry, func(tx *sql.Tx, before measureEntry) error {
		m.ClientID, m.Instrument = before.ClientID, before.Instrument
		if m.EnteredBy == "" {
			m.EnteredBy = before.EnteredBy
		}
		if err := db.checkMeasure(ctx, tx, &m); err != nil {
			return err
		}
		answers, err := toJSON(m.Answers)
		if err != nil {
			return err
		}
		hasTotal, total, band, flagged := scoreColumns(m)
		_, err = tx.ExecContext(ctx, `UPDATE measures SET session_id = ?, date = ?, answers = ?, has_total = ?, total = ?, band = ?, flagged = ?,
				entered_by = ?, notes = ?, updated_at = ? WHERE id = ?`,
			nullID(m.SessionID), m.Date, answers, hasTotal, total, band, flagged, string(m.EnteredBy), m.Notes, db.stamp(), m.ID)
		return err
	})
	return e.Measure, err
}

// RecordMeasureFollowUp records what the therapist did about a measure's
// flagged answer, dated today (the clock's zone). Recording another
// replaces it; the history keeps the earlier one. It refuses (EINVALID)
// empty text and a measure with no flag; it is the therapist's alone.
func (db *DB) RecordMeasureFollowUp(ctx context.Context, id int64, text string) (domain.Measure, error) {
	text, err := domain.CleanText("followUp", "Your follow-up", text, domain.MaxLongText, true)
	if err != nil {
		return domain.Measure{}, err
	}
	e, err := changeFor(ctx, db, domain.ByTherapist, "measure", id, "follow_up", db.measureEntryOf, clientOfEntry, func(tx *sql.Tx, before measureEntry) error {
		if !before.Flagged() {
			return domain.FieldError("followUp", "No answer of this measure asks for a follow-up.")
		}
		_, err := tx.ExecContext(ctx, `UPDATE measures SET follow_up = ?, follow_up_on = ?, updated_at = ? WHERE id = ?`, text, db.today(), db.stamp(), id)
		return err
	})
	return e.Measure, err
}

// ---- schedules ----

func scanSchedule(rows *sql.Rows, s *domain.MeasureSchedule) error {
	return rows.Scan(&s.ID, &s.ClientID, &s.InstrumentKey, &s.Kind, &s.EveryWeeks, &s.StartsOn, &s.Created)
}

const scheduleColumns = `id, client_id, instrument_key, kind, every_weeks, starts_on, created_at`

// MeasureSchedules returns a client's schedules, by instrument key and
// kind.
func (db *DB) MeasureSchedules(ctx context.Context, clientID int64) ([]domain.MeasureSchedule, error) {
	out := []domain.MeasureSchedule{}
	err := eachRow(ctx, db.sql, "read measure schedules", `SELECT `+scheduleColumns+` FROM measure_schedules WHERE client_id = ? ORDER BY instrument_key, kind`, func(rows *sql.Rows) error {
		var s domain.MeasureSchedule
		if err := scanSchedule(rows, &s); err != nil {
			return err
		}
		out = append(out, s)
		return nil
	}, clientID)
	return out, err
}

// SetMeasureSchedule adds a schedule for an open client, or changes the
// one the client already has of the same kind for that instrument (a
// schedule is named by its client, instrument and kind; s.ID is ignored),
// and returns it as stored. It refuses (EINVALID) what
// MeasureSchedule.Validate refuses and an unknown or retired instrument.
// Recorded in the history.
func (db *DB) SetMeasureSchedule(ctx context.Context, s domain.MeasureSchedule) (domain.MeasureSchedule, error) {
	if err := s.Validate(); err != nil {
		return domain.MeasureSchedule{}, err
	}
	var out domain.MeasureSchedule
	read := func(q querier) (domain.MeasureSchedule, bool, error) {
		var x domain.MeasureSchedule
		err := eachRow(ctx, q, "read measure schedule", `SELECT `+scheduleColumns+` FROM measure_schedules WHERE client_id = ? AND instrument_key = ? AND kind = ?`,
			func(rows *sql.Rows) error { return scanSchedule(rows, &x) }, s.ClientID, s.InstrumentKey, string(s.Kind))
		return x, x.ID != 0, err
	}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.requireOpenClient(ctx, tx, s.ClientID); err != nil {
			return err
		}
		if _, err := instrumentInUse(ctx, tx, s.InstrumentKey, "instrumentKey"); err != nil {
			return err
		}
		before, found, err := read(tx)
		if err != nil {
			return err
		}
		action, was := "update", any(before)
		if !found {
			action, was = "create", nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO measure_schedules (client_id, instrument_key, kind, every_weeks, starts_on, created_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (client_id, instrument_key, kind) DO UPDATE SET every_weeks = excluded.every_weeks, starts_on = excluded.starts_on`,
			s.ClientID, s.InstrumentKey, string(s.Kind), s.EveryWeeks, s.StartsOn, db.stamp()); err != nil {
			return fmt.Errorf("set measure schedule: %w", err)
		}
		if out, _, err = read(tx); err != nil {
			return err
		}
		return db.record(ctx, tx, domain.ByTherapist, s.ClientID, "measure_schedule", out.ID, action, was, out)
	})
	return out, err
}

// RemoveMeasureSchedule ends a schedule of an open client; the measures
// taken stay. ENOTFOUND when there is no such schedule. Recorded in the
// history.
func (db *DB) RemoveMeasureSchedule(ctx context.Context, id int64) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		var before domain.MeasureSchedule
		if err := eachRow(ctx, tx, "read measure schedule", `SELECT `+scheduleColumns+` FROM measure_schedules WHERE id = ?`,
			func(rows *sql.Rows) error { return scanSchedule(rows, &before) }, id); err != nil {
			return err
		}
		if before.ID == 0 {
			return notFound("schedule")
		}
		if err := db.requireOpenClient(ctx, tx, before.ClientID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM measure_schedules WHERE id = ?`, id); err != nil {
			return fmt.Errorf("remove measure schedule: %w", err)
		}
		return db.record(ctx, tx, domain.ByTherapist, before.ClientID, "measure_schedule", id, "remove", before, nil)
	})
}
