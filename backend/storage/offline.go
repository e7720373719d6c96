package storage

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"

	"tandem/backend/domain"
)

// The offline worksheet's records (migration 0015,
// docs/offline-worksheet.md): the practice's worksheet key, the pages
// given out, and the entries taken in from returned files.

// WorksheetKey returns the practice's worksheet key (an age X25519
// identity and its recipient), made with generate the first time it is
// asked for and kept from then on. Safe to call concurrently: a second
// caller finds the key the first made.
func (db *DB) WorksheetKey(ctx context.Context, generate func() (identity, recipient string, err error)) (identity, recipient string, err error) {
	read := func(q querier) (bool, error) {
		err := q.QueryRowContext(ctx, `SELECT identity, recipient FROM worksheet_key WHERE id = 1`).Scan(&identity, &recipient)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return err == nil, err
	}
	if found, err := read(db.sql); found || err != nil {
		return identity, recipient, err
	}
	id, rcpt, err := generate()
	if err != nil {
		return "", "", fmt.Errorf("make the worksheet key: %w", err)
	}
	err = db.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO worksheet_key (id, identity, recipient, created_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, id, rcpt, db.stamp()); err != nil {
			return fmt.Errorf("keep the worksheet key: %w", err)
		}
		_, err := read(tx)
		return err
	})
	return identity, recipient, err
}

// IssueOfflineWorksheet records a page given to an open client for one of
// their medicine sessions, under a new random token. EINVALID for a
// session that is not one of the client's medicine sessions. Recorded in
// the history (without the token).
func (db *DB) IssueOfflineWorksheet(ctx context.Context, clientID, sessionID int64) (domain.OfflineWorksheet, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return domain.OfflineWorksheet{}, fmt.Errorf("make a worksheet token: %w", err)
	}
	token := base64.RawURLEncoding.EncodeToString(b)
	return addFor(ctx, db, domain.ByTherapist, clientID, "offline_worksheet", func(tx *sql.Tx, now string) (int64, error) {
		if _, err := medicineSessionDate(ctx, tx, clientID, sessionID); err != nil {
			return 0, err
		}
		return lastID(tx.ExecContext(ctx, `INSERT INTO offline_worksheets (client_id, session_id, token, issued_at) VALUES (?, ?, ?, ?)`, clientID, sessionID, token, now))
	}, db.offlineWorksheet)
}

// OfflineWorksheets lists the pages given out for a client, oldest first.
func (db *DB) OfflineWorksheets(ctx context.Context, clientID int64) ([]domain.OfflineWorksheet, error) {
	out := []domain.OfflineWorksheet{}
	err := eachRow(ctx, db.sql, "read worksheet pages", `SELECT id, client_id, session_id, token, issued_at FROM offline_worksheets WHERE client_id = ? ORDER BY id`, func(rows *sql.Rows) error {
		var w domain.OfflineWorksheet
		if err := rows.Scan(&w.ID, &w.ClientID, &w.SessionID, &w.Token, &w.IssuedAt); err != nil {
			return err
		}
		out = append(out, w)
		return nil
	}, clientID)
	return out, err
}

func (db *DB) offlineWorksheet(ctx context.Context, q querier, id int64) (domain.OfflineWorksheet, error) {
	var w domain.OfflineWorksheet
	err := q.QueryRowContext(ctx, `SELECT id, client_id, session_id, token, issued_at FROM offline_worksheets WHERE id = ?`, id).
		Scan(&w.ID, &w.ClientID, &w.SessionID, &w.Token, &w.IssuedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return w, notFound("worksheet page")
	}
	return w, err
}

// returned is what a returned file is checked against: the page it names
// and its session's date.
type returned struct {
	page        domain.OfflineWorksheet
	clientName  string
	sessionDate string
}

// returnedPage finds the page a returned file names and checks the file
// against it. expectClient and expectSession, when not 0, are the client
// and medicine session the therapist is taking it in for: a file of
// another client's or session's page is refused.
func (db *DB) returnedPage(ctx context.Context, q querier, f *domain.ReturnFile, expectClient, expectSession int64) (returned, error) {
	var r returned
	if f.Format != domain.ReturnFormat || !domain.ValidOfflineToken(f.Worksheet) {
		// Validate says what is wrong with it.
		return r, f.Validate("", "")
	}
	err := q.QueryRowContext(ctx, `SELECT w.id, w.client_id, w.session_id, w.token, w.issued_at, c.chosen_name, s.date
		FROM offline_worksheets w JOIN clients c ON c.id = w.client_id JOIN sessions s ON s.id = w.session_id WHERE w.token = ?`, f.Worksheet).
		Scan(&r.page.ID, &r.page.ClientID, &r.page.SessionID, &r.page.Token, &r.page.IssuedAt, &r.clientName, &r.sessionDate)
	if errors.Is(err, sql.ErrNoRows) {
		return r, domain.Errorf(domain.EINVALID, "This file was not made from a worksheet page this vault gave out (or the page's client or session has since been deleted), so it cannot be taken in.")
	}
	if err != nil {
		return r, fmt.Errorf("read worksheet page: %w", err)
	}
	switch {
	case expectClient != 0 && r.page.ClientID != expectClient:
		return r, domain.Errorf(domain.EINVALID, "This file was made from another client's worksheet page. Open it from that client's page.")
	case expectSession != 0 && r.page.SessionID != expectSession:
		return r, domain.Errorf(domain.EINVALID, "This file belongs to the worksheet of the medicine session of %s, not this one.", r.sessionDate)
	}
	return r, f.Validate(r.sessionDate, db.today())
}

// PreviewReturn says what a returned file (decrypted) holds: whose it is
// and each entry, marked when an earlier file already brought it in. It
// changes nothing. EINVALID for a file that names no page given out, or
// another client's or session's (see returnedPage), or whose content
// domain.ReturnFile.Validate refuses.
func (db *DB) PreviewReturn(ctx context.Context, f domain.ReturnFile, expectClient, expectSession int64) (domain.ReturnPreview, error) {
	r, err := db.returnedPage(ctx, db.sql, &f, expectClient, expectSession)
	if err != nil {
		return domain.ReturnPreview{}, err
	}
	taken, err := takenEntries(ctx, db.sql, r.page.ID)
	if err != nil {
		return domain.ReturnPreview{}, err
	}
	p := domain.ReturnPreview{ClientID: r.page.ClientID, ClientName: r.clientName, SessionID: r.page.SessionID, SessionDate: r.sessionDate,
		WrittenAt: f.WrittenAt, Entries: make([]domain.ReturnedItem, 0, len(f.Entries))}
	for _, e := range f.Entries {
		p.Entries = append(p.Entries, domain.ReturnedItem{ReturnEntry: e, Already: taken[e.ID]})
	}
	return p, nil
}

func takenEntries(ctx context.Context, q querier, pageID int64) (map[string]bool, error) {
	taken := map[string]bool{}
	err := eachRow(ctx, q, "read entries taken in", `SELECT entry_id FROM offline_entries WHERE worksheet_id = ?`, func(rows *sql.Rows) error {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		taken[id] = true
		return nil
	}, pageID)
	return taken, err
}

// AcceptReturn takes a returned file's new entries into the worksheet of
// its client's medicine session, as shifts written by the client, in one
// transaction, and returns how many it added. Entries an earlier file
// brought in are left alone, so taking the same file in twice adds
// nothing. It refuses what PreviewReturn refuses, and an archived client.
func (db *DB) AcceptReturn(ctx context.Context, f domain.ReturnFile, expectClient, expectSession int64) (int, error) {
	added := 0
	err := db.tx(ctx, func(tx *sql.Tx) error {
		r, err := db.returnedPage(ctx, tx, &f, expectClient, expectSession)
		if err != nil {
			return err
		}
		if err := db.requireOpenClient(ctx, tx, r.page.ClientID); err != nil {
			return err
		}
		taken, err := takenEntries(ctx, tx, r.page.ID)
		if err != nil {
			return err
		}
		now := db.stamp()
		for _, e := range f.Entries {
			if taken[e.ID] {
				continue
			}
			s := e.Shift(r.page.ClientID, r.page.SessionID)
			if err := s.Validate(); err != nil {
				return err
			}
			id, err := insertShift(ctx, tx, s, now)
			if err != nil {
				return fmt.Errorf("add shift: %w", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO offline_entries (worksheet_id, entry_id, shift_id, imported_at) VALUES (?, ?, ?, ?)`, r.page.ID, e.ID, id, now); err != nil {
				return fmt.Errorf("note the entry taken in: %w", err)
			}
			saved, err := db.shift(ctx, tx, id)
			if err != nil {
				return err
			}
			if err := db.record(ctx, tx, domain.ByClient, s.ClientID, "shift", id, "create", nil, saved); err != nil {
				return err
			}
			taken[e.ID] = true
			added++
		}
		return nil
	})
	if err != nil {
		added = 0
	}
	return added, err
}
