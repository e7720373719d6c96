package storage

import (
	"context"
	"database/sql"
	"fmt"
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
//   - clients whose account owes.
//
// Each kind is listed oldest first; balances most owed first.
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
	owed, err := outstanding(ctx, db.sql, `c.archived_at IS NULL AND balance > 0`)
	if err != nil {
		return out, err
	}
	for _, b := range owed {
		out.Due = append(out.Due, domain.DueItem{Kind: domain.DueBalance, ClientID: b.ClientID, ClientName: b.Name, Amount: b.Balance})
	}
	for i := range out.Due {
		out.Due[i].Date = db.dayOf(out.Due[i].Date)
	}
	return out, nil
}
