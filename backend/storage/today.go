package storage

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"tandem/backend/domain"
)

// Today's rules: how far the Today screen looks.
const (
	// TodayDays is how many days of appointments Today lists, today first.
	TodayDays = 7
	// checkInDays is how many days after a medicine session a contact
	// counts as its check-in (24 to 72 hours).
	checkInDays = 3
	// A medicine session's worksheet is expected back from worksheetFrom
	// days after it (the client has had a week of noticing) until
	// worksheetDays after it.
	worksheetFrom = 7
	worksheetDays = 42
)

// Today returns the Today screen: the appointments of the next TodayDays
// days (every status, so a cancellation shows as one) and what is due, for
// clients whose record is not archived:
//   - planned appointments already past, neither held nor cancelled;
//   - sessions held (dated today or before) whose notes are not finalised;
//   - medicine sessions of the last checkInDays days with no session or
//     appointment planned or held within checkInDays days after them;
//   - medicine sessions of worksheetFrom to worksheetDays days ago whose
//     integration worksheet has no shift yet;
//   - agreements whose newest version is not confirmed;
//   - medicine sessions of the next TodayDays days, not finalised, whose
//     readiness (CheckReadiness) is not met and with no decision recorded
//     to go ahead;
//   - clients whose account owes;
//   - measures a schedule makes due (measures.go): after each medicine
//     session of the last domain.AfterMedicineDays days (due from the day
//     after it) until a measure of that instrument is dated on or after
//     the session; or, every EveryWeeks weeks, from StartsOn while there
//     is no measure of that instrument on or after it, then from EveryWeeks
//     weeks after the newest (domain.MeasureSchedule.DueSince); not for a
//     retired instrument.
//
// First of all come the measures with a flagged answer (the PHQ-9's
// question 9 above 0) and no follow-up recorded: they are a matter of the
// client's safety. Each kind is listed oldest first; balances most owed
// first; a due measure is dated the day it fell due.
func (db *DB) Today(ctx context.Context) (domain.Today, error) {
	today := db.today()
	day, _ := time.Parse(time.DateOnly, today)
	shift := func(n int) string { return day.AddDate(0, 0, n).Format(time.DateOnly) }
	out := domain.Today{Date: today, Due: []domain.DueItem{}}
	var err error
	if out.Appointments, err = db.AppointmentsBetween(ctx, today, shift(TodayDays-1), 0); err != nil {
		return out, err
	}
	if out.Currency, err = policyCurrency(ctx, db.sql); err != nil {
		return out, err
	}
	labels, err := instrumentLabels(ctx, db.sql)
	if err != nil {
		return out, err
	}
	if out.Due, err = db.measureFlags(ctx, labels); err != nil {
		return out, err
	}
	due := func(kind domain.DueKind, query string, args ...any) error {
		return eachRow(ctx, db.sql, "read what is due", query, func(rows *sql.Rows) error {
			it := domain.DueItem{Kind: kind}
			var id int64
			if err := rows.Scan(&it.ClientID, &it.ClientName, &id, &it.Date); err != nil {
				return err
			}
			switch kind {
			case domain.DueAppointment:
				it.AppointmentID = id
			case domain.DueAgreement:
				it.AgreementID = id
			default:
				it.SessionID = id
			}
			out.Due = append(out.Due, it)
			return nil
		}, args...)
	}
	within := fmt.Sprintf("+%d days", checkInDays)
	const open = `JOIN clients c ON c.id = s.client_id AND c.archived_at IS NULL`
	const medicine = `SELECT c.id, c.chosen_name, s.id, s.date FROM sessions s INDEXED BY sessions_date_kind ` + open + ` WHERE s.kind = 'medicine' AND s.date BETWEEN ? AND ?`
	steps := []func() error{
		func() error {
			return due(domain.DueAppointment, `SELECT c.id, c.chosen_name, s.id, s.date FROM appointments s INDEXED BY appointments_date `+open+`
				WHERE s.status = 'planned' AND s.date < ? ORDER BY s.date, s.time, s.id`, today)
		},
		func() error {
			return due(domain.DueNotes, `SELECT c.id, c.chosen_name, s.id, s.date FROM sessions s INDEXED BY sessions_unfinalised `+open+`
				WHERE s.finalised_at = '' AND s.date <= ? ORDER BY s.date, s.time, s.id`, today)
		},
		func() error {
			return due(domain.DueCheckIn, medicine+`
				AND NOT EXISTS (SELECT 1 FROM sessions f WHERE f.client_id = s.client_id AND f.id <> s.id AND f.date > s.date AND f.date <= date(s.date, ?))
				AND NOT EXISTS (SELECT 1 FROM appointments f WHERE f.client_id = s.client_id AND f.status IN ('planned', 'held') AND f.date > s.date AND f.date <= date(s.date, ?))
				ORDER BY s.date, s.time, s.id`, shift(-checkInDays), today, within, within)
		},
		func() error {
			return due(domain.DueWorksheet, medicine+`
				AND NOT EXISTS (SELECT 1 FROM shifts w WHERE w.session_id = s.id) ORDER BY s.date, s.time, s.id`, shift(-worksheetDays), shift(-worksheetFrom))
		},
		func() error {
			return due(domain.DueAgreement, `SELECT c.id, c.chosen_name, s.id, v.at FROM agreements s `+open+`
				JOIN agreement_versions v ON v.id = (SELECT max(id) FROM agreement_versions WHERE agreement_id = s.id)
				WHERE v.confirmed_on = '' ORDER BY v.at, s.id`)
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return out, err
		}
	}
	if err := db.dueReadiness(ctx, &out, today, shift(TodayDays-1)); err != nil {
		return out, err
	}
	owed, err := outstanding(ctx, db.sql, `c.archived_at IS NULL AND balance > 0`)
	if err != nil {
		return out, err
	}
	for _, b := range owed {
		out.Due = append(out.Due, domain.DueItem{Kind: domain.DueBalance, ClientID: b.ClientID, ClientName: b.Name, Amount: b.Balance})
	}
	measures, err := db.dueMeasures(ctx, today, labels)
	if err != nil {
		return out, err
	}
	out.Due = append(out.Due, measures...)
	for i := range out.Due {
		out.Due[i].Date = db.dayOf(out.Due[i].Date)
	}
	return out, nil
}

// dueReadiness adds the medicine sessions from today to last, not
// finalised, whose readiness is not met and with no decision to go ahead:
// a few at most, each checked as its own page checks it.
func (db *DB) dueReadiness(ctx context.Context, out *domain.Today, today, last string) error {
	var items []domain.DueItem
	err := eachRow(ctx, db.sql, "read what is due", `SELECT c.id, c.chosen_name, s.id, s.date FROM sessions s INDEXED BY sessions_date_kind
		JOIN clients c ON c.id = s.client_id AND c.archived_at IS NULL
		WHERE s.kind = 'medicine' AND s.date BETWEEN ? AND ? AND s.finalised_at = '' ORDER BY s.date, s.time, s.id`, func(rows *sql.Rows) error {
		it := domain.DueItem{Kind: domain.DueReadiness}
		if err := rows.Scan(&it.ClientID, &it.ClientName, &it.SessionID, &it.Date); err != nil {
			return err
		}
		items = append(items, it)
		return nil
	}, today, last)
	if err != nil {
		return err
	}
	for _, it := range items {
		r, err := db.Readiness(ctx, it.SessionID)
		if err != nil {
			return err
		}
		if !r.Ready && r.Prep.GoAheadReason == "" {
			out.Due = append(out.Due, it)
		}
	}
	return nil
}

// measureFlags are the measures of open clients with a flagged answer and
// no follow-up, oldest first, read through the partial index that holds
// only those.
func (db *DB) measureFlags(ctx context.Context, labels map[string]instrumentLabel) ([]domain.DueItem, error) {
	out := []domain.DueItem{}
	err := eachRow(ctx, db.sql, "read flagged measures", `SELECT c.id, c.chosen_name, m.id, m.date, m.instrument_key, coalesce(m.session_id, 0)
		FROM measures m INDEXED BY measures_unfollowed JOIN clients c ON c.id = m.client_id AND c.archived_at IS NULL
		WHERE m.flagged = 1 AND m.follow_up = '' ORDER BY m.date, m.id`, func(rows *sql.Rows) error {
		it := domain.DueItem{Kind: domain.DueMeasureFlag}
		if err := rows.Scan(&it.ClientID, &it.ClientName, &it.MeasureID, &it.Date, &it.InstrumentKey, &it.SessionID); err != nil {
			return err
		}
		it.Instrument = labels[it.InstrumentKey].name
		out = append(out, it)
		return nil
	})
	return out, err
}

// dueMeasures are the measures open clients' schedules make due on today,
// by the day each fell due, then client and instrument. The schedules
// (a few per client at most) drive each query (CROSS JOIN keeps SQLite
// from starting with every client instead), and each looks up its client's
// sessions and newest measure through their indexes.
func (db *DB) dueMeasures(ctx context.Context, today string, labels map[string]instrumentLabel) ([]domain.DueItem, error) {
	day, _ := time.Parse(time.DateOnly, today)
	var out []domain.DueItem
	add := func(it domain.DueItem) {
		if l, ok := labels[it.InstrumentKey]; ok && !l.retired {
			it.Kind, it.Instrument = domain.DueMeasure, l.name
			out = append(out, it)
		}
	}
	err := eachRow(ctx, db.sql, "read measures due", `SELECT c.id, c.chosen_name, s.id, s.date, ms.instrument_key
		FROM measure_schedules ms CROSS JOIN clients c ON c.id = ms.client_id AND c.archived_at IS NULL
		JOIN sessions s INDEXED BY sessions_client ON s.client_id = ms.client_id AND s.date BETWEEN ? AND ? AND s.kind = 'medicine'
		WHERE ms.kind = 'after_medicine'
		AND NOT EXISTS (SELECT 1 FROM measures m WHERE m.instrument_key = ms.instrument_key AND m.client_id = ms.client_id AND m.date >= s.date)`,
		func(rows *sql.Rows) error {
			var it domain.DueItem
			var held string
			if err := rows.Scan(&it.ClientID, &it.ClientName, &it.SessionID, &held, &it.InstrumentKey); err != nil {
				return err
			}
			d, err := time.Parse(time.DateOnly, held)
			if err != nil {
				return fmt.Errorf("read measures due: session %d: %w", it.SessionID, err)
			}
			it.Date = d.AddDate(0, 0, 1).Format(time.DateOnly)
			add(it)
			return nil
		}, day.AddDate(0, 0, -domain.AfterMedicineDays).Format(time.DateOnly), day.AddDate(0, 0, -1).Format(time.DateOnly))
	if err != nil {
		return nil, err
	}
	err = eachRow(ctx, db.sql, "read measures due", `SELECT c.id, c.chosen_name, ms.instrument_key, ms.every_weeks, ms.starts_on,
			coalesce((SELECT max(m.date) FROM measures m WHERE m.instrument_key = ms.instrument_key AND m.client_id = ms.client_id AND m.date >= ms.starts_on), '')
		FROM measure_schedules ms CROSS JOIN clients c ON c.id = ms.client_id AND c.archived_at IS NULL
		WHERE ms.kind = 'every_weeks' AND ms.starts_on <= ?`,
		func(rows *sql.Rows) error {
			var it domain.DueItem
			var newest string
			s := domain.MeasureSchedule{Kind: domain.ScheduleEveryWeeks}
			if err := rows.Scan(&it.ClientID, &it.ClientName, &it.InstrumentKey, &s.EveryWeeks, &s.StartsOn, &newest); err != nil {
				return err
			}
			if since, due := s.DueSince(newest, today); due {
				it.Date = since
				add(it)
			}
			return nil
		}, today)
	slices.SortStableFunc(out, func(a, b domain.DueItem) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.ClientID, b.ClientID), cmp.Compare(a.InstrumentKey, b.InstrumentKey))
	})
	return out, err
}
