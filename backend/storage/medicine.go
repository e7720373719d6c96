package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"tandem/backend/domain"
)

// A medicine session's preparation (support, way home, the therapist's
// decisions), its readiness and its live log.

// readPrepAndLog fills in the preparation and the log of the sessions
// read by readSessions (sub selects their ids).
func (db *DB) readPrepAndLog(ctx context.Context, q querier, out []domain.Session, index map[int64]int, sub string, arg any) error {
	if err := eachRow(ctx, q, "read sessions", `SELECT session_id, support_person, way_home, flags_decision, flags_screening_id, flags_decided_at, go_ahead_reason, go_ahead_at
		FROM session_prep WHERE session_id IN `+sub, func(rows *sql.Rows) error {
		var p domain.SessionPrep
		if err := rows.Scan(&p.SessionID, &p.SupportPerson, &p.WayHome, &p.FlagsDecision, &p.FlagsScreeningID, &p.FlagsDecidedAt, &p.GoAheadReason, &p.GoAheadAt); err != nil {
			return err
		}
		out[index[p.SessionID]].Prep = p
		return nil
	}, arg); err != nil {
		return err
	}
	// A zone is loaded once, not once per entry: a long journey has
	// thousands of entries and few zones.
	zones := map[string]*time.Location{}
	return eachRow(ctx, q, "read sessions", `SELECT `+logColumns+` FROM session_log WHERE session_id IN `+sub+` ORDER BY session_id, at, id`, func(rows *sql.Rows) error {
		e, err := scanLogEntry(rows)
		if err != nil {
			return err
		}
		s := &out[index[e.SessionID]]
		loc, ok := zones[s.TimeZone]
		if !ok {
			if loc, err = time.LoadLocation(s.TimeZone); err != nil {
				loc = time.UTC
			}
			zones[s.TimeZone] = loc
		}
		e.Clock = domain.LogClockIn(e.At, loc)
		s.Log = append(s.Log, e)
		return nil
	}, arg)
}

const logColumns = `id, session_id, at, kind, text, substance, amount, route, systolic, diastolic, pulse, spo2, temperature,
	touch, outside_agreement, coalesce(adverse_event_id, 0), author, visibility`

func scanLogEntry(row interface{ Scan(...any) error }) (domain.LogEntry, error) {
	var e domain.LogEntry
	err := row.Scan(&e.ID, &e.SessionID, &e.At, &e.Kind, &e.Text, &e.Substance, &e.Amount, &e.Route, &e.Systolic, &e.Diastolic, &e.Pulse, &e.SpO2,
		&e.Temperature, &e.Touch, &e.OutsideAgreement, &e.AdverseEventID, &e.Author, &e.Visibility)
	return e, err
}

// changePrep changes a medicine session's preparation, recording the
// session before and after in the history.
func (db *DB) changePrep(ctx context.Context, sessionID int64, action string, change func(tx *sql.Tx, s domain.Session) error) (domain.Session, error) {
	return db.changeSession(ctx, sessionID, domain.ByTherapist, action, false, func(tx *sql.Tx, s domain.Session) error {
		if s.Kind != domain.MedicineSession {
			return domain.Errorf(domain.EINVALID, "Readiness belongs to a medicine session.")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO session_prep (session_id) VALUES (?) ON CONFLICT (session_id) DO NOTHING`, sessionID); err != nil {
			return err
		}
		return change(tx, s)
	})
}

// SavePrep names the client's support person and way home.
func (db *DB) SavePrep(ctx context.Context, sessionID int64, supportPerson, wayHome string) (domain.Session, error) {
	p := domain.SessionPrep{SupportPerson: supportPerson, WayHome: wayHome}
	if err := domain.CleanPrep(&p); err != nil {
		return domain.Session{}, err
	}
	return db.changePrep(ctx, sessionID, "prep", func(tx *sql.Tx, s domain.Session) error {
		if s.Prep.SupportPerson == p.SupportPerson && s.Prep.WayHome == p.WayHome {
			return domain.Errorf(domain.EINVALID, "Nothing changed.")
		}
		_, err := tx.ExecContext(ctx, `UPDATE session_prep SET support_person = ?, way_home = ? WHERE session_id = ?`, p.SupportPerson, p.WayHome, sessionID)
		return err
	})
}

// DecideFlags records the therapist's decision and reasoning on the flags
// of the client's newest screening on or before the session's date, for
// this session.
func (db *DB) DecideFlags(ctx context.Context, sessionID int64, decision string) (domain.Session, error) {
	d, err := domain.CleanText("flagsDecision", "Your decision and reasoning", decision, domain.MaxLongText, true)
	if err != nil {
		return domain.Session{}, err
	}
	return db.changePrep(ctx, sessionID, "decide_flags", func(tx *sql.Tx, s domain.Session) error {
		h, err := db.health(ctx, tx, s.ClientID)
		if err != nil {
			return err
		}
		latest, ok := h.LatestOn(s.Date)
		if !ok || len(latest.Flags()) == 0 {
			return domain.Errorf(domain.EINVALID, "The screening before this session has no flagged answers to decide on.")
		}
		_, err = tx.ExecContext(ctx, `UPDATE session_prep SET flags_decision = ?, flags_screening_id = ?, flags_decided_at = ? WHERE session_id = ?`,
			d, latest.ID, db.stamp(), sessionID)
		return err
	})
}

// GoAhead records the therapist's decision to hold the session although
// something on the readiness checklist is missing, and why.
func (db *DB) GoAhead(ctx context.Context, sessionID int64, reason string) (domain.Session, error) {
	r, err := domain.CleanText("goAheadReason", "The reason", reason, domain.MaxLongText, true)
	if err != nil {
		return domain.Session{}, err
	}
	return db.changePrep(ctx, sessionID, "go_ahead", func(tx *sql.Tx, s domain.Session) error {
		_, err := tx.ExecContext(ctx, `UPDATE session_prep SET go_ahead_reason = ?, go_ahead_at = ? WHERE session_id = ?`, r, db.stamp(), sessionID)
		return err
	})
}

// Readiness checks a medicine session against the readiness checklist.
func (db *DB) Readiness(ctx context.Context, sessionID int64) (domain.Readiness, error) {
	s, err := db.Session(ctx, sessionID)
	if err != nil {
		return domain.Readiness{}, err
	}
	if s.Kind != domain.MedicineSession {
		return domain.Readiness{}, domain.Errorf(domain.EINVALID, "Readiness belongs to a medicine session.")
	}
	in := domain.ReadinessInput{Session: s, Prep: s.Prep}
	if in.Health, err = db.health(ctx, db.sql, s.ClientID); err != nil {
		return domain.Readiness{}, err
	}
	if in.Agreements, err = db.agreements(ctx, s.ClientID); err != nil {
		return domain.Readiness{}, err
	}
	if in.Plan, err = db.plan(ctx, s.ClientID); err != nil {
		return domain.Readiness{}, err
	}
	tpl, err := db.ConsentTemplate(ctx)
	if err != nil {
		return domain.Readiness{}, err
	}
	in.ConsentVersion = tpl.Version
	if in.Settings, err = db.readinessSettings(ctx, db.sql); err != nil {
		return domain.Readiness{}, err
	}
	return domain.CheckReadiness(in), nil
}

// readinessSettings reads the readiness checklist's settings, held to
// their ranges.
func (db *DB) readinessSettings(ctx context.Context, q querier) (domain.ReadinessSettings, error) {
	r := domain.ReadinessSettings{ScreeningDays: domain.DefaultScreeningDays, Off: []domain.ReadinessRule{}}
	err := eachRow(ctx, q, "read settings", `SELECT key, value FROM settings WHERE key IN ('readiness_screening_days', 'readiness_off')`, func(rows *sql.Rows) error {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		switch k {
		case "readiness_screening_days":
			r.ScreeningDays = storedInt(v, domain.MinScreeningDays, domain.MaxScreeningDays, domain.DefaultScreeningDays)
		case "readiness_off":
			for _, rule := range strings.Split(v, ",") {
				if domain.ReadinessRule(rule).Valid() {
					r.Off = append(r.Off, domain.ReadinessRule(rule))
				}
			}
		}
		return nil
	})
	return r, err
}

// readinessSettingRows are the settings rows that store r.
func readinessSettingRows(r domain.ReadinessSettings) map[string]string {
	off := make([]string, len(r.Off))
	for i, k := range r.Off {
		off[i] = string(k)
	}
	return map[string]string{"readiness_screening_days": strconv.Itoa(r.ScreeningDays), "readiness_off": strings.Join(off, ",")}
}

// AddLogEntry saves one entry of a medicine session's live log, in its own
// transaction, before it returns: an entry acknowledged is on disk. An
// adverse event entry also opens the session's adverse event, where what
// was done is written. A finalised session's log is closed.
func (db *DB) AddLogEntry(ctx context.Context, n domain.NewLogEntry) (domain.LogEntry, error) {
	var out domain.LogEntry
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var clientID int64
		var kind domain.SessionKind
		var zone, finalised string
		err := tx.QueryRowContext(ctx, `SELECT client_id, kind, time_zone, finalised_at FROM sessions WHERE id = ?`, n.SessionID).Scan(&clientID, &kind, &zone, &finalised)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("session")
		}
		if err != nil {
			return fmt.Errorf("read session: %w", err)
		}
		if kind != domain.MedicineSession {
			return domain.Errorf(domain.EINVALID, "The live log belongs to a medicine session.")
		}
		if finalised != "" {
			return domain.Errorf(domain.EFINALISED, "This session was finalised, and its log with it. Add an addendum instead.")
		}
		if err := db.requireOpenClient(ctx, tx, clientID); err != nil {
			return err
		}
		med, err := db.recordsMedicine(ctx, tx)
		if err != nil {
			return err
		}
		var touch int
		// The touch agreement in force is the newest, as readiness reads it.
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM agreement_versions v
			WHERE v.agreement_id = (SELECT max(id) FROM agreements WHERE client_id = ? AND kind = 'touch')
			AND v.id = (SELECT max(id) FROM agreement_versions WHERE agreement_id = v.agreement_id) AND v.confirmed_name != ''`,
			clientID).Scan(&touch); err != nil {
			return err
		}
		if out, err = n.Validate(med, touch > 0, db.now()); err != nil {
			return err
		}
		now := db.stamp()
		out.Clock = domain.LogClock(out.At, zone)
		var adverse any
		if out.Kind == domain.LogAdverse {
			id, err := insertAdverseEvent(ctx, tx, domain.AdverseEvent{SessionID: n.SessionID, At: out.Clock, Description: out.Text, Visibility: out.Visibility}, now)
			if err != nil {
				return err
			}
			out.AdverseEventID, adverse = id, id
		}
		if out.ID, err = lastID(tx.ExecContext(ctx, `INSERT INTO session_log (session_id, at, kind, text, substance, amount, route, systolic, diastolic, pulse, spo2,
				temperature, touch, outside_agreement, adverse_event_id, author, visibility, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			n.SessionID, out.At, string(out.Kind), out.Text, out.Substance, out.Amount, out.Route, out.Systolic, out.Diastolic, out.Pulse, out.SpO2,
			out.Temperature, out.Touch, out.OutsideAgreement, adverse, string(out.Author), string(out.Visibility), now)); err != nil {
			return fmt.Errorf("add log entry: %w", err)
		}
		return db.record(ctx, tx, out.Author, clientID, "log_entry", out.ID, "create", nil, out)
	})
	return out, err
}

// ReadinessSettings returns the readiness checklist's settings.
func (db *DB) ReadinessSettings(ctx context.Context) (domain.ReadinessSettings, error) {
	return db.readinessSettings(ctx, db.sql)
}

// SaveReadinessSettings stores the readiness checklist's settings and
// records the change in the history.
func (db *DB) SaveReadinessSettings(ctx context.Context, r domain.ReadinessSettings) (domain.ReadinessSettings, error) {
	off := []domain.ReadinessRule{}
	for _, k := range r.Off {
		if !slices.Contains(off, k) {
			off = append(off, k)
		}
	}
	r.Off = off
	if err := r.Validate(); err != nil {
		return domain.ReadinessSettings{}, err
	}
	before, err := db.ReadinessSettings(ctx)
	if err != nil {
		return domain.ReadinessSettings{}, err
	}
	err = db.changePractice(ctx, "readiness_settings", 0, "update", before, func(tx *sql.Tx) (any, error) {
		for k, v := range readinessSettingRows(r) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return nil, fmt.Errorf("save settings: %w", err)
			}
		}
		return r, nil
	})
	if err != nil {
		return domain.ReadinessSettings{}, err
	}
	return db.ReadinessSettings(ctx)
}
