package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"tandem/backend/domain"
)

// Integration returns a client's sessions, shifts, patterns, resources and
// measures (oldest first).
func (db *DB) Integration(ctx context.Context, clientID int64) (domain.IntegrationRecord, error) {
	r := domain.IntegrationRecord{ClientID: clientID}
	if _, err := db.client(ctx, db.sql, clientID); err != nil {
		return r, err
	}
	var err error
	if r.Sessions, err = db.Sessions(ctx, clientID); err != nil {
		return r, err
	}
	if r.Shifts, err = db.shifts(ctx, db.sql, `sh.client_id = ?`, clientID); err != nil {
		return r, err
	}
	if r.Patterns, err = db.patterns(ctx, db.sql, `p.client_id = ?`, clientID); err != nil {
		return r, err
	}
	if r.Resources, err = db.resources(ctx, db.sql, `r.client_id = ?`, clientID); err != nil {
		return r, err
	}
	r.Measures, err = db.Measures(ctx, clientID)
	return r, err
}

// ---- shifts ----

func (db *DB) shifts(ctx context.Context, q querier, where string, arg any) ([]domain.Shift, error) {
	rows, err := q.QueryContext(ctx, `SELECT sh.id, sh.client_id, sh.session_id, sh.noticed_on, s.date, sh.area, sh.description, sh.just_noticing,
			sh.intensity, sh.recorded_by, sh.meaning, sh.meaning_on, sh.meaning_by, sh.created_at, sh.updated_at
		FROM shifts sh JOIN sessions s ON s.id = sh.session_id
		WHERE `+where+` ORDER BY sh.noticed_on, sh.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("read shifts: %w", err)
	}
	defer rows.Close()
	out := []domain.Shift{}
	for rows.Next() {
		var s domain.Shift
		var sessionDate string
		if err := rows.Scan(&s.ID, &s.ClientID, &s.SessionID, &s.NoticedOn, &sessionDate, &s.Area, &s.Description, &s.JustNoticing,
			&s.Intensity, &s.RecordedBy, &s.Meaning, &s.MeaningOn, &s.MeaningBy, &s.Created, &s.Updated); err != nil {
			return nil, err
		}
		if s.DayCount, err = domain.DayCount(sessionDate, s.NoticedOn); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Shift returns one worksheet entry.
func (db *DB) Shift(ctx context.Context, id int64) (domain.Shift, error) {
	return db.shift(ctx, db.sql, id)
}

func (db *DB) shift(ctx context.Context, q querier, id int64) (domain.Shift, error) {
	ss, err := db.shifts(ctx, q, `sh.id = ?`, id)
	if err != nil {
		return domain.Shift{}, err
	}
	if len(ss) == 0 {
		return domain.Shift{}, notFound("shift")
	}
	return ss[0], nil
}

// checkShiftSession refuses a shift whose session is not a medicine
// session of the same client, or is dated after the shift.
func checkShiftSession(ctx context.Context, q querier, s domain.Shift) error {
	date, err := medicineSessionDate(ctx, q, s.ClientID, s.SessionID)
	if err != nil {
		return err
	}
	if s.NoticedOn < date {
		return domain.FieldError("noticedOn", "This date is before the session it follows ("+date+"). Check the date, or choose the right session.")
	}
	return nil
}

// medicineSessionDate is the date of the client's medicine session
// sessionID; EINVALID when it is not one of theirs or not a medicine
// session.
func medicineSessionDate(ctx context.Context, q querier, clientID, sessionID int64) (string, error) {
	var owner int64
	var kind, date string
	err := q.QueryRowContext(ctx, `SELECT client_id, kind, date FROM sessions WHERE id = ?`, sessionID).Scan(&owner, &kind, &date)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != clientID) {
		return "", domain.FieldError("sessionId", "Choose one of this client's medicine sessions.")
	}
	if err != nil {
		return "", err
	}
	if kind != string(domain.MedicineSession) {
		return "", domain.FieldError("sessionId", "Shifts follow a medicine session. Choose one of this client's medicine sessions.")
	}
	return date, nil
}

// AddShift adds a worksheet entry. It refuses a shift dated before its
// session, or after a session that is not a medicine session of the same
// client.
func (db *DB) AddShift(ctx context.Context, s domain.Shift, by domain.Actor) (domain.Shift, error) {
	if err := s.Validate(); err != nil {
		return domain.Shift{}, err
	}
	return addFor(ctx, db, by, s.ClientID, "shift", func(tx *sql.Tx, now string) (int64, error) {
		if err := checkShiftSession(ctx, tx, s); err != nil {
			return 0, err
		}
		return insertShift(ctx, tx, s, now)
	}, db.shift)
}

// insertShift writes a checked shift (Validate, and its session checked)
// as a new row stamped now, and returns its id.
func insertShift(ctx context.Context, tx *sql.Tx, s domain.Shift, now string) (int64, error) {
	return lastID(tx.ExecContext(ctx, `INSERT INTO shifts (client_id, session_id, noticed_on, area, description, just_noticing, intensity, recorded_by, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, s.ClientID, s.SessionID, s.NoticedOn, string(s.Area), s.Description, s.JustNoticing, s.Intensity, string(s.RecordedBy), now, now))
}

func (db *DB) changeShift(ctx context.Context, id int64, by domain.Actor, action string, change func(tx *sql.Tx, before domain.Shift) error) (domain.Shift, error) {
	return changeFor(ctx, db, by, "shift", id, action, db.shift, func(s domain.Shift) int64 { return s.ClientID }, func(tx *sql.Tx, before domain.Shift) error {
		if err := change(tx, before); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE shifts SET updated_at = ? WHERE id = ?`, db.stamp(), id)
		return err
	})
}

// CorrectShift fixes a transcription (date, area, words, mark,
// intensity); the earlier version stays in the history.
func (db *DB) CorrectShift(ctx context.Context, s domain.Shift, by domain.Actor) (domain.Shift, error) {
	if err := s.Validate(); err != nil {
		return domain.Shift{}, err
	}
	return db.changeShift(ctx, s.ID, by, "correct", func(tx *sql.Tx, before domain.Shift) error {
		s.ClientID = before.ClientID
		if err := checkShiftSession(ctx, tx, s); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE shifts SET session_id = ?, noticed_on = ?, area = ?, description = ?, just_noticing = ?, intensity = ? WHERE id = ?`,
			s.SessionID, s.NoticedOn, string(s.Area), s.Description, s.JustNoticing, s.Intensity, s.ID)
		return err
	})
}

// AddMeaning writes the meaning made together beside the original. The
// client's words stay as they were; an empty meaning clears it.
func (db *DB) AddMeaning(ctx context.Context, shiftID int64, meaning string, by domain.Actor) (domain.Shift, error) {
	meaning, err := domain.CleanText("meaning", "The meaning", meaning, domain.MaxLongText, false)
	if err != nil {
		return domain.Shift{}, err
	}
	return db.changeShift(ctx, shiftID, by, "meaning", func(tx *sql.Tx, before domain.Shift) error {
		on, who := db.today(), string(by)
		if meaning == "" {
			on, who = "", ""
		}
		_, err := tx.ExecContext(ctx, `UPDATE shifts SET meaning = ?, meaning_on = ?, meaning_by = ? WHERE id = ?`, meaning, on, who, shiftID)
		return err
	})
}

// ---- patterns ----

func (db *DB) patterns(ctx context.Context, q querier, where string, arg any) ([]domain.Pattern, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.id, p.client_id, p.name, p.examples, p.examples_visibility, p.proposed_by, p.status, p.created_at, p.updated_at
		FROM patterns p WHERE `+where+` ORDER BY p.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("read patterns: %w", err)
	}
	out := []domain.Pattern{}
	index := map[int64]int{}
	for rows.Next() {
		var p domain.Pattern
		if err := rows.Scan(&p.ID, &p.ClientID, &p.Name, &p.Examples, &p.ExamplesVisibility, &p.ProposedBy, &p.Status, &p.Created, &p.Updated); err != nil {
			rows.Close()
			return nil, err
		}
		p.Statuses, p.ShiftIDs, p.SessionIDs, p.Revisions = []domain.PatternChange{}, []int64{}, []int64{}, []domain.Revision{}
		index[p.ID] = len(out)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	sub := `(SELECT p.id FROM patterns p WHERE ` + where + `)`
	each := func(query string, scan func(rows *sql.Rows) error) error {
		return eachRow(ctx, q, "read patterns", query, scan, arg)
	}
	var pid int64
	err = each(`SELECT pattern_id, on_date, status, note, by_actor FROM pattern_statuses WHERE pattern_id IN `+sub+` ORDER BY pattern_id, on_date, id`, func(rows *sql.Rows) error {
		var c domain.PatternChange
		if err := rows.Scan(&pid, &c.On, &c.Status, &c.Note, &c.By); err != nil {
			return err
		}
		p := &out[index[pid]]
		p.Statuses = append(p.Statuses, c)
		return nil
	})
	if err == nil {
		err = each(`SELECT pattern_id, at, author, text, note FROM pattern_revisions WHERE pattern_id IN `+sub+` ORDER BY pattern_id, id`, func(rows *sql.Rows) error {
			var r domain.Revision
			if err := rows.Scan(&pid, &r.At, &r.Author, &r.Text, &r.Note); err != nil {
				return err
			}
			p := &out[index[pid]]
			p.Revisions = append(p.Revisions, r)
			return nil
		})
	}
	if err == nil {
		err = each(`SELECT pattern_id, shift_id FROM pattern_shifts WHERE pattern_id IN `+sub+` ORDER BY pattern_id, shift_id`, func(rows *sql.Rows) error {
			var id int64
			if err := rows.Scan(&pid, &id); err != nil {
				return err
			}
			p := &out[index[pid]]
			p.ShiftIDs = append(p.ShiftIDs, id)
			return nil
		})
	}
	if err == nil {
		err = each(`SELECT pattern_id, session_id FROM pattern_sessions WHERE pattern_id IN `+sub+` ORDER BY pattern_id, session_id`, func(rows *sql.Rows) error {
			var id int64
			if err := rows.Scan(&pid, &id); err != nil {
				return err
			}
			p := &out[index[pid]]
			p.SessionIDs = append(p.SessionIDs, id)
			return nil
		})
	}
	return out, err
}

// Pattern returns one pattern.
func (db *DB) Pattern(ctx context.Context, id int64) (domain.Pattern, error) {
	return db.pattern(ctx, db.sql, id)
}

func (db *DB) pattern(ctx context.Context, q querier, id int64) (domain.Pattern, error) {
	ps, err := db.patterns(ctx, q, `p.id = ?`, id)
	if err != nil {
		return domain.Pattern{}, err
	}
	if len(ps) == 0 {
		return domain.Pattern{}, notFound("pattern")
	}
	return ps[0], nil
}

// AddPattern adds a pattern; it starts as noticed, on the date given.
func (db *DB) AddPattern(ctx context.Context, n domain.NewPattern, by domain.Actor) (domain.Pattern, error) {
	if n.NoticedOn == "" {
		n.NoticedOn = db.today()
	}
	if err := n.Validate(); err != nil {
		return domain.Pattern{}, err
	}
	return addFor(ctx, db, by, n.ClientID, "pattern", func(tx *sql.Tx, now string) (int64, error) {
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO patterns (client_id, name, examples, examples_visibility, proposed_by, status, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, 'noticed', ?, ?)`,
			n.ClientID, n.Name, n.Examples, string(n.ExamplesVisibility), string(n.ProposedBy), now, now))
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pattern_revisions (pattern_id, at, author, text) VALUES (?, ?, ?, ?)`, id, now, string(n.ProposedBy), n.Name); err != nil {
			return 0, err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO pattern_statuses (pattern_id, on_date, status, by_actor) VALUES (?, ?, 'noticed', ?)`, id, n.NoticedOn, string(n.ProposedBy))
		return id, err
	}, db.pattern)
}

func (db *DB) changePattern(ctx context.Context, id int64, by domain.Actor, action string, change func(tx *sql.Tx, before domain.Pattern) error) (domain.Pattern, error) {
	return changeFor(ctx, db, by, "pattern", id, action, db.pattern, func(p domain.Pattern) int64 { return p.ClientID }, func(tx *sql.Tx, before domain.Pattern) error {
		if err := change(tx, before); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE patterns SET updated_at = ? WHERE id = ?`, db.stamp(), id)
		return err
	})
}

// RenamePattern writes a new wording of a pattern's name; earlier ones
// stay in Revisions.
func (db *DB) RenamePattern(ctx context.Context, id int64, name string, author domain.Actor) (domain.Pattern, error) {
	name, err := domain.CleanText("name", "The pattern's name", name, domain.MaxLineText, true)
	if err != nil {
		return domain.Pattern{}, err
	}
	return db.changePattern(ctx, id, author, "rename", func(tx *sql.Tx, before domain.Pattern) error {
		if name == before.Name {
			return domain.FieldError("name", "The new wording is the same as the current one.")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pattern_revisions (pattern_id, at, author, text) VALUES (?, ?, ?, ?)`, id, db.stamp(), string(author), name); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE patterns SET name = ? WHERE id = ?`, name, id)
		return err
	})
}

// SetPatternExamples replaces a pattern's examples and says whether the
// client sees them (empty: shared).
func (db *DB) SetPatternExamples(ctx context.Context, id int64, examples string, vis domain.Visibility, by domain.Actor) (domain.Pattern, error) {
	examples, err := domain.CleanText("examples", "The examples", examples, domain.MaxLongText, false)
	if err != nil {
		return domain.Pattern{}, err
	}
	if vis, err = vis.Choice("examplesVisibility", "the examples"); err != nil {
		return domain.Pattern{}, err
	}
	return db.changePattern(ctx, id, by, "examples", func(tx *sql.Tx, _ domain.Pattern) error {
		_, err := tx.ExecContext(ctx, `UPDATE patterns SET examples = ?, examples_visibility = ? WHERE id = ?`, examples, string(vis), id)
		return err
	})
}

// SetPatternStatus records a dated change of a pattern's status, never
// earlier than the pattern's latest.
func (db *DB) SetPatternStatus(ctx context.Context, id int64, c domain.PatternChange) (domain.Pattern, error) {
	var err error
	if !c.Status.Valid() {
		return domain.Pattern{}, domain.FieldError("status", "Choose noticed, exploring, loosening or updated.")
	}
	if c.On == "" {
		c.On = db.today()
	}
	if c.On, err = domain.ParseDate("on", "The date", c.On, true); err != nil {
		return domain.Pattern{}, err
	}
	if c.Note, err = domain.CleanText("note", "The note", c.Note, domain.MaxLongText, false); err != nil {
		return domain.Pattern{}, err
	}
	return db.changePattern(ctx, id, c.By, "status", func(tx *sql.Tx, before domain.Pattern) error {
		if n := len(before.Statuses); n > 0 && c.On < before.Statuses[n-1].On {
			return domain.FieldError("on", "The latest status is dated "+before.Statuses[n-1].On+"; a change cannot come before it.")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO pattern_statuses (pattern_id, on_date, status, note, by_actor) VALUES (?, ?, ?, ?, ?)`,
			id, c.On, string(c.Status), c.Note, string(c.By)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE patterns SET status = ? WHERE id = ?`, string(c.Status), id)
		return err
	})
}

// LinkPattern sets the shifts and sessions a pattern showed up in. Only the
// client's own shifts and sessions can be linked.
func (db *DB) LinkPattern(ctx context.Context, id int64, shiftIDs, sessionIDs []int64, by domain.Actor) (domain.Pattern, error) {
	shiftIDs, sessionIDs = uniqueIDs(shiftIDs), uniqueIDs(sessionIDs)
	return db.changePattern(ctx, id, by, "link", func(tx *sql.Tx, before domain.Pattern) error {
		for _, link := range []struct {
			table, column, ref, field, what string
			ids                             []int64
		}{
			{"pattern_shifts", "shift_id", "shifts", "shiftIds", "shifts", shiftIDs},
			{"pattern_sessions", "session_id", "sessions", "sessionIds", "sessions", sessionIDs},
		} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+link.table+` WHERE pattern_id = ?`, id); err != nil {
				return err
			}
			for _, x := range link.ids {
				var owner int64
				err := tx.QueryRowContext(ctx, `SELECT client_id FROM `+link.ref+` WHERE id = ?`, x).Scan(&owner)
				if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != before.ClientID) {
					return domain.FieldError(link.field, "Link only this client's own "+link.what+".")
				}
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `INSERT INTO `+link.table+` (pattern_id, `+link.column+`) VALUES (?, ?)`, id, x); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func uniqueIDs(ids []int64) []int64 {
	out := slices.Clone(ids)
	slices.Sort(out)
	return slices.Compact(out)
}

// ---- resources ----

func (db *DB) resources(ctx context.Context, q querier, where string, arg any) ([]domain.Resource, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.client_id, r.kind, r.name, r.when_helped, r.helps, r.proposed_by, r.created_at, r.updated_at,
			v.at, v.author, v.text, v.note
		FROM resources r JOIN resource_revisions v ON v.resource_id = r.id
		WHERE `+where+` ORDER BY r.id, v.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("read resources: %w", err)
	}
	defer rows.Close()
	out := []domain.Resource{}
	for rows.Next() {
		var r domain.Resource
		var v domain.Revision
		if err := rows.Scan(&r.ID, &r.ClientID, &r.Kind, &r.Name, &r.WhenHelped, &r.Helps, &r.ProposedBy, &r.Created, &r.Updated, &v.At, &v.Author, &v.Text, &v.Note); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != r.ID {
			out = append(out, r)
		}
		last := &out[len(out)-1]
		last.Revisions = append(last.Revisions, v)
	}
	return out, rows.Err()
}

// Resource returns one resource.
func (db *DB) Resource(ctx context.Context, id int64) (domain.Resource, error) {
	return db.resource(ctx, db.sql, id)
}

func (db *DB) resource(ctx context.Context, q querier, id int64) (domain.Resource, error) {
	rs, err := db.resources(ctx, q, `r.id = ?`, id)
	if err != nil {
		return domain.Resource{}, err
	}
	if len(rs) == 0 {
		return domain.Resource{}, notFound("resource")
	}
	return rs[0], nil
}

// AddResource adds a resource.
func (db *DB) AddResource(ctx context.Context, r domain.Resource, by domain.Actor) (domain.Resource, error) {
	if r.ProposedBy == "" {
		r.ProposedBy = by
	}
	if err := r.Validate(); err != nil {
		return domain.Resource{}, err
	}
	return addFor(ctx, db, by, r.ClientID, "resource", func(tx *sql.Tx, now string) (int64, error) {
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO resources (client_id, kind, name, when_helped, helps, proposed_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			r.ClientID, string(r.Kind), r.Name, r.WhenHelped, r.Helps, string(r.ProposedBy), now, now))
		if err != nil {
			return 0, err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO resource_revisions (resource_id, at, author, text) VALUES (?, ?, ?, ?)`, id, now, string(r.ProposedBy), r.Name)
		return id, err
	}, db.resource)
}

// UpdateResource changes a resource. A new name is a new wording, by the
// actor; the earlier ones stay in Revisions.
func (db *DB) UpdateResource(ctx context.Context, r domain.Resource, by domain.Actor) (domain.Resource, error) {
	return changeFor(ctx, db, by, "resource", r.ID, "update", db.resource, func(x domain.Resource) int64 { return x.ClientID }, func(tx *sql.Tx, before domain.Resource) error {
		r.ProposedBy = before.ProposedBy
		if err := r.Validate(); err != nil {
			return err
		}
		now := db.stamp()
		if r.Name != before.Name {
			if _, err := tx.ExecContext(ctx, `INSERT INTO resource_revisions (resource_id, at, author, text) VALUES (?, ?, ?, ?)`, r.ID, now, string(by), r.Name); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE resources SET kind = ?, name = ?, when_helped = ?, helps = ?, updated_at = ? WHERE id = ?`,
			string(r.Kind), r.Name, r.WhenHelped, r.Helps, now, r.ID)
		return err
	})
}
