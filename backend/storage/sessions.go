package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"tandem/backend/domain"
)

const sessionColumns = `id, client_id, kind, date, time, time_zone, minutes, modality, place, summary, private_notes,
	practice, somatic, somatic_visibility, resourcing, substance, dose, dose_times, finalised_at, created_at, updated_at`

func scanSession(row interface{ Scan(...any) error }, s *domain.Session) error {
	return row.Scan(&s.ID, &s.ClientID, &s.Kind, &s.Date, &s.Time, &s.TimeZone, &s.Minutes, &s.Modality, &s.Place, &s.Summary, &s.PrivateNotes,
		&s.Practice, &s.Somatic, &s.SomaticVisibility, &s.Resourcing, &s.Medicine.Substance, &s.Medicine.Dose, &s.Medicine.Times, &s.FinalisedAt, &s.Created, &s.Updated)
}

// Sessions returns a client's sessions, oldest first, each complete.
func (db *DB) Sessions(ctx context.Context, clientID int64) ([]domain.Session, error) {
	return db.readSessions(ctx, db.sql, `client_id = ?`, clientID)
}

// Session returns one session.
func (db *DB) Session(ctx context.Context, id int64) (domain.Session, error) {
	return db.session(ctx, db.sql, id)
}

func (db *DB) session(ctx context.Context, q querier, id int64) (domain.Session, error) {
	ss, err := db.readSessions(ctx, q, `id = ?`, id)
	if err != nil {
		return domain.Session{}, err
	}
	if len(ss) == 0 {
		return domain.Session{}, notFound("session")
	}
	return ss[0], nil
}

// readSessions reads sessions with their intentions, setting plans,
// adverse events and addenda: one query for each, whatever the number of
// sessions.
func (db *DB) readSessions(ctx context.Context, q querier, where string, arg any) ([]domain.Session, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+sessionColumns+` FROM sessions WHERE `+where+` ORDER BY date, time, id`, arg)
	if err != nil {
		return nil, fmt.Errorf("read sessions: %w", err)
	}
	out := []domain.Session{}
	index := map[int64]int{}
	for rows.Next() {
		var s domain.Session
		if err := scanSession(rows, &s); err != nil {
			rows.Close()
			return nil, err
		}
		s.IntentionIDs, s.Setting, s.AdverseEvents, s.Addenda, s.Log = []int64{}, []domain.SettingElement{}, []domain.AdverseEvent{}, []domain.Addendum{}, []domain.LogEntry{}
		index[s.ID] = len(out)
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	sub := `(SELECT id FROM sessions WHERE ` + where + `)`
	each := func(query string, scan func(rows *sql.Rows) error) error {
		return eachRow(ctx, q, "read sessions", query, scan, arg)
	}
	if err := each(`SELECT session_id, plan_item_id FROM session_intentions WHERE session_id IN `+sub+` ORDER BY session_id, position`, func(rows *sql.Rows) error {
		var sid, pid int64
		if err := rows.Scan(&sid, &pid); err != nil {
			return err
		}
		s := &out[index[sid]]
		s.IntentionIDs = append(s.IntentionIDs, pid)
		return nil
	}); err != nil {
		return nil, err
	}
	elements, err := db.settingElements(ctx, q, `e.session_id IN `+sub, arg)
	if err != nil {
		return nil, err
	}
	for _, e := range elements {
		s := &out[index[e.SessionID]]
		s.Setting = append(s.Setting, e)
	}
	if err := each(`SELECT id, session_id, at, description, response, created_at, visibility FROM adverse_events WHERE session_id IN `+sub+` ORDER BY session_id, id`, func(rows *sql.Rows) error {
		var e domain.AdverseEvent
		if err := rows.Scan(&e.ID, &e.SessionID, &e.At, &e.Description, &e.Response, &e.Created, &e.Visibility); err != nil {
			return err
		}
		s := &out[index[e.SessionID]]
		s.AdverseEvents = append(s.AdverseEvents, e)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := each(`SELECT id, session_id, at, text, visibility FROM session_addenda WHERE session_id IN `+sub+` ORDER BY session_id, id`, func(rows *sql.Rows) error {
		var a domain.Addendum
		if err := rows.Scan(&a.ID, &a.SessionID, &a.At, &a.Text, &a.Visibility); err != nil {
			return err
		}
		s := &out[index[a.SessionID]]
		s.Addenda = append(s.Addenda, a)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := db.readPrepAndLog(ctx, q, out, index, sub, arg); err != nil {
		return nil, err
	}
	return out, nil
}

// recordsMedicine reads the practice setting that allows substance, dose
// and times.
func (db *DB) recordsMedicine(ctx context.Context, q querier) (bool, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'record_medicine'`).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return v == "true", err
}

// checkIntentions refuses intentions that are not this client's.
func checkIntentions(ctx context.Context, q querier, clientID int64, ids []int64) error {
	seen := map[int64]bool{}
	for _, id := range ids {
		if seen[id] {
			return domain.FieldError("intentionIds", "An intention is listed twice.")
		}
		seen[id] = true
		var kind string
		err := q.QueryRowContext(ctx, `SELECT kind FROM plan_items WHERE id = ? AND client_id = ?`, id, clientID).Scan(&kind)
		if errors.Is(err, sql.ErrNoRows) || kind != string(domain.Intention) {
			return domain.FieldError("intentionIds", "Choose intentions from this client's plan.")
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func writeIntentions(ctx context.Context, tx *sql.Tx, sessionID int64, ids []int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM session_intentions WHERE session_id = ?`, sessionID); err != nil {
		return err
	}
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO session_intentions (session_id, plan_item_id, position) VALUES (?, ?, ?)`, sessionID, id, i); err != nil {
			return err
		}
	}
	return nil
}

// AddSession adds a session.
func (db *DB) AddSession(ctx context.Context, s domain.Session, by domain.Actor) (domain.Session, error) {
	return addFor(ctx, db, by, s.ClientID, "session", func(tx *sql.Tx, now string) (int64, error) {
		return db.insertSession(ctx, tx, s, now)
	}, db.session)
}

// insertSession validates and writes a new session in tx, with its
// intentions and the fee its client's tier agrees; it records no history.
func (db *DB) insertSession(ctx context.Context, tx *sql.Tx, s domain.Session, now string) (int64, error) {
	if err := db.validSession(ctx, tx, &s); err != nil {
		return 0, err
	}
	id, err := lastID(tx.ExecContext(ctx, `INSERT INTO sessions (client_id, kind, date, time, time_zone, minutes, modality, place, summary, private_notes,
			practice, somatic, somatic_visibility, resourcing, substance, dose, dose_times, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.ClientID, string(s.Kind), s.Date, s.Time, s.TimeZone, s.Minutes, string(s.Modality), s.Place, s.Summary, s.PrivateNotes,
		s.Practice, s.Somatic, string(s.SomaticVisibility), s.Resourcing, s.Medicine.Substance, s.Medicine.Dose, s.Medicine.Times, now, now))
	if err != nil {
		return 0, err
	}
	if err := writeIntentions(ctx, tx, id, s.IntentionIDs); err != nil {
		return 0, err
	}
	return id, db.agreeTierFee(ctx, tx, id, s.ClientID, s.Kind)
}

func (db *DB) validSession(ctx context.Context, q querier, s *domain.Session) error {
	med, err := db.recordsMedicine(ctx, q)
	if err != nil {
		return err
	}
	if err := s.Validate(med); err != nil {
		return err
	}
	return checkIntentions(ctx, q, s.ClientID, s.IntentionIDs)
}

// changeSession changes a session that is not finalised.
func (db *DB) changeSession(ctx context.Context, id int64, by domain.Actor, action string, allowFinalised bool, change func(tx *sql.Tx, before domain.Session) error) (domain.Session, error) {
	return changeFor(ctx, db, by, "session", id, action, db.session, func(s domain.Session) int64 { return s.ClientID }, func(tx *sql.Tx, before domain.Session) error {
		if before.Finalised() && !allowFinalised {
			return domain.Errorf(domain.EFINALISED, "This session's notes were finalised on %s and can no longer be edited. Add an addendum instead.", db.dayOf(before.FinalisedAt))
		}
		if err := change(tx, before); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE sessions SET updated_at = ? WHERE id = ?`, db.stamp(), id)
		return err
	})
}

// UpdateSession changes a session; it refuses a finalised one. A session's
// date cannot move after a shift recorded as following it, and a session
// with shifts stays a medicine session.
func (db *DB) UpdateSession(ctx context.Context, s domain.Session, by domain.Actor) (domain.Session, error) {
	return db.changeSession(ctx, s.ID, by, "update", false, func(tx *sql.Tx, before domain.Session) error {
		s.ClientID = before.ClientID
		if err := db.validSession(ctx, tx, &s); err != nil {
			return err
		}
		var first sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT min(noticed_on) FROM shifts WHERE session_id = ?`, s.ID).Scan(&first); err != nil {
			return err
		}
		var logged int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM session_log WHERE session_id = ?`, s.ID).Scan(&logged); err != nil {
			return err
		}
		if logged > 0 && s.Kind != domain.MedicineSession {
			return domain.FieldError("kind", "This session has a live log, so it stays a medicine session.")
		}
		if first.Valid && s.Kind != domain.MedicineSession {
			return domain.FieldError("kind", "Shifts were recorded after this medicine session, so it stays a medicine session.")
		}
		if first.Valid && s.Date > first.String {
			return domain.FieldError("date", "A shift after this session was noticed on "+first.String+", so the session cannot be later than that.")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sessions SET kind = ?, date = ?, time = ?, time_zone = ?, minutes = ?, modality = ?, place = ?, summary = ?,
				private_notes = ?, practice = ?, somatic = ?, somatic_visibility = ?, resourcing = ?, substance = ?, dose = ?, dose_times = ? WHERE id = ?`,
			string(s.Kind), s.Date, s.Time, s.TimeZone, s.Minutes, string(s.Modality), s.Place, s.Summary,
			s.PrivateNotes, s.Practice, s.Somatic, string(s.SomaticVisibility), s.Resourcing, s.Medicine.Substance, s.Medicine.Dose, s.Medicine.Times, s.ID); err != nil {
			return fmt.Errorf("update session: %w", err)
		}
		return writeIntentions(ctx, tx, s.ID, s.IntentionIDs)
	})
}

// FinaliseSession signs a session's notes: they can no longer be edited.
func (db *DB) FinaliseSession(ctx context.Context, id int64) (domain.Session, error) {
	return db.changeSession(ctx, id, domain.ByTherapist, "finalise", false, func(tx *sql.Tx, _ domain.Session) error {
		_, err := tx.ExecContext(ctx, `UPDATE sessions SET finalised_at = ? WHERE id = ?`, db.stamp(), id)
		return err
	})
}

// AddAddendum adds an addendum to a session's notes: only a finalised
// session takes addenda (one that is not finalised can simply be edited).
func (db *DB) AddAddendum(ctx context.Context, sessionID int64, text string, v domain.Visibility) (domain.Session, error) {
	text, err := domain.CleanText("text", "The addendum", text, domain.MaxLongText, true)
	if err != nil {
		return domain.Session{}, err
	}
	if !v.Valid() {
		return domain.Session{}, domain.FieldError("visibility", "Choose whether the addendum is shared with the client or private to you.")
	}
	return db.changeSession(ctx, sessionID, domain.ByTherapist, "addendum", true, func(tx *sql.Tx, before domain.Session) error {
		if !before.Finalised() {
			return domain.Errorf(domain.EINVALID, "This session's notes are not finalised yet: edit them directly.")
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO session_addenda (session_id, at, text, visibility) VALUES (?, ?, ?, ?)`, sessionID, db.stamp(), text, string(v))
		return err
	})
}

// ---- setting plan ----

func (db *DB) settingElements(ctx context.Context, q querier, where string, arg any) ([]domain.SettingElement, error) {
	rows, err := q.QueryContext(ctx, `SELECT e.id, e.session_id, e.category, e.text, e.proposed_by, e.comfort, e.therapist_comfort, e.status, e.position,
			r.at, r.author, r.text, r.note
		FROM setting_elements e JOIN setting_revisions r ON r.element_id = e.id
		WHERE `+where+` ORDER BY e.session_id, e.position, e.id, r.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("read setting plan: %w", err)
	}
	defer rows.Close()
	var out []domain.SettingElement
	for rows.Next() {
		var e domain.SettingElement
		var r domain.Revision
		if err := rows.Scan(&e.ID, &e.SessionID, &e.Category, &e.Text, &e.ProposedBy, &e.Comfort, &e.TherapistComfort, &e.Status, &e.Position, &r.At, &r.Author, &r.Text, &r.Note); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != e.ID {
			out = append(out, e)
		}
		last := &out[len(out)-1]
		last.Revisions = append(last.Revisions, r)
	}
	return out, rows.Err()
}

// SettingElement returns one element of a setting plan.
func (db *DB) SettingElement(ctx context.Context, id int64) (domain.SettingElement, error) {
	return db.settingElement(ctx, db.sql, id)
}

func (db *DB) settingElement(ctx context.Context, q querier, id int64) (domain.SettingElement, error) {
	es, err := db.settingElements(ctx, q, `e.id = ?`, id)
	if err != nil {
		return domain.SettingElement{}, err
	}
	if len(es) == 0 {
		return domain.SettingElement{}, notFound("setting element")
	}
	return es[0], nil
}

// openSessionFor returns a session's client, refusing a finalised session
// or one that is not a medicine session.
func (db *DB) openMedicineSession(ctx context.Context, q querier, sessionID int64) (domain.Session, error) {
	var s domain.Session
	err := q.QueryRowContext(ctx, `SELECT id, client_id, kind, date, finalised_at FROM sessions WHERE id = ?`, sessionID).Scan(&s.ID, &s.ClientID, &s.Kind, &s.Date, &s.FinalisedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return s, notFound("session")
	}
	if err != nil {
		return s, err
	}
	if s.Kind != domain.MedicineSession {
		return s, domain.Errorf(domain.EINVALID, "A setting plan belongs to a medicine session.")
	}
	if s.Finalised() {
		return s, domain.Errorf(domain.EFINALISED, "This session was finalised; its setting plan can no longer change.")
	}
	return s, nil
}

// AddSettingElement adds an element to a medicine session's setting plan.
func (db *DB) AddSettingElement(ctx context.Context, n domain.NewSettingElement, by domain.Actor) (domain.SettingElement, error) {
	if err := n.Validate(); err != nil {
		return domain.SettingElement{}, err
	}
	s, err := db.openMedicineSession(ctx, db.sql, n.SessionID)
	if err != nil {
		return domain.SettingElement{}, err
	}
	return addFor(ctx, db, by, s.ClientID, "setting_element", func(tx *sql.Tx, now string) (int64, error) {
		if _, err := db.openMedicineSession(ctx, tx, n.SessionID); err != nil {
			return 0, err
		}
		var pos int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), -1) + 1 FROM setting_elements WHERE session_id = ?`, n.SessionID).Scan(&pos); err != nil {
			return 0, err
		}
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO setting_elements (session_id, category, text, proposed_by, comfort, status, position, created_at)
			VALUES (?, ?, ?, ?, ?, 'proposed', ?, ?)`, n.SessionID, string(n.Category), n.Text, string(n.ProposedBy), string(n.Comfort), pos, now))
		if err != nil {
			return 0, err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO setting_revisions (element_id, at, author, text) VALUES (?, ?, ?, ?)`, id, now, string(n.ProposedBy), n.Text)
		return id, err
	}, db.settingElement)
}

func (db *DB) changeSettingElement(ctx context.Context, id int64, by domain.Actor, action string, change func(tx *sql.Tx, e domain.SettingElement) error) (domain.SettingElement, error) {
	var clientID int64
	if err := db.sql.QueryRowContext(ctx, `SELECT s.client_id FROM setting_elements e JOIN sessions s ON s.id = e.session_id WHERE e.id = ?`, id).Scan(&clientID); errors.Is(err, sql.ErrNoRows) {
		return domain.SettingElement{}, notFound("setting element")
	} else if err != nil {
		return domain.SettingElement{}, err
	}
	return changeFor(ctx, db, by, "setting_element", id, action, db.settingElement, func(domain.SettingElement) int64 { return clientID }, func(tx *sql.Tx, e domain.SettingElement) error {
		if _, err := db.openMedicineSession(ctx, tx, e.SessionID); err != nil {
			return err
		}
		if e.Status == domain.Retired {
			return domain.Errorf(domain.EINVALID, "This element was taken out of the setting plan. Add a new one instead.")
		}
		return change(tx, e)
	})
}

// ReviseSettingElement adds a wording of a setting element.
func (db *DB) ReviseSettingElement(ctx context.Context, id int64, text string, author domain.Actor) (domain.SettingElement, error) {
	text, _, err := domain.CleanRevision(text, "", author)
	if err != nil {
		return domain.SettingElement{}, err
	}
	return db.changeSettingElement(ctx, id, author, "revise", func(tx *sql.Tx, e domain.SettingElement) error {
		if text == e.Text {
			return domain.FieldError("text", "The new wording is the same as the current one.")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO setting_revisions (element_id, at, author, text) VALUES (?, ?, ?, ?)`, id, db.stamp(), string(author), text); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE setting_elements SET text = ?, status = 'revised' WHERE id = ?`, text, id)
		return err
	})
}

// SetSettingComfort records the client's comfort with a setting element: the
// client's word, so recorded as the client's. Welcome agrees the element.
func (db *DB) SetSettingComfort(ctx context.Context, id int64, c domain.Comfort) (domain.SettingElement, error) {
	if !c.Valid() {
		return domain.SettingElement{}, domain.FieldError("comfort", "Choose welcome, unsure or not wanted.")
	}
	return db.changeSettingElement(ctx, id, domain.ByClient, "comfort", func(tx *sql.Tx, e domain.SettingElement) error {
		status := e.Status
		if c == domain.Welcome {
			status = domain.Agreed
		} else if status == domain.Agreed {
			status = domain.Proposed
		}
		_, err := tx.ExecContext(ctx, `UPDATE setting_elements SET comfort = ?, status = ? WHERE id = ?`, string(c), string(status), id)
		return err
	})
}

// SetTherapistComfort records the therapist's own comfort with an element,
// in their name. It leaves the element's status, which the client's
// comfort moves, as it is.
func (db *DB) SetTherapistComfort(ctx context.Context, id int64, c domain.Comfort) (domain.SettingElement, error) {
	if !c.Valid() {
		return domain.SettingElement{}, domain.FieldError("comfort", "Choose welcome, unsure or not wanted.")
	}
	return db.changeSettingElement(ctx, id, domain.ByTherapist, "therapist_comfort", func(tx *sql.Tx, _ domain.SettingElement) error {
		_, err := tx.ExecContext(ctx, `UPDATE setting_elements SET therapist_comfort = ? WHERE id = ?`, string(c), id)
		return err
	})
}

// RetireSettingElement takes an element out of the setting plan.
func (db *DB) RetireSettingElement(ctx context.Context, id int64, by domain.Actor) (domain.SettingElement, error) {
	return db.changeSettingElement(ctx, id, by, "retire", func(tx *sql.Tx, _ domain.SettingElement) error {
		_, err := tx.ExecContext(ctx, `UPDATE setting_elements SET status = 'retired' WHERE id = ?`, id)
		return err
	})
}

// joinNonEmpty joins the non-empty parts with a blank line.
func joinNonEmpty(parts ...string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
