package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tandem/backend/domain"
)

// ClientFees returns one client's tier choices, session fees, payments and
// balance, with the practice's fee policy.
func (db *DB) ClientFees(ctx context.Context, clientID int64) (domain.ClientFees, error) {
	return db.clientFees(ctx, db.sql, clientID)
}

func (db *DB) clientFees(ctx context.Context, q querier, clientID int64) (domain.ClientFees, error) {
	out := domain.ClientFees{ClientID: clientID}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM clients WHERE id = ?`, clientID).Scan(&n); err != nil {
		return out, fmt.Errorf("read client: %w", err)
	}
	if n == 0 {
		return out, notFound("client record")
	}
	var err error
	if out.Policy, err = readFeePolicy(ctx, q); err != nil {
		return out, err
	}
	out.Currency, _ = domain.CurrencyOf(out.Policy.Currency)
	if out.Choices, err = tierChoices(ctx, q, clientID); err != nil {
		return out, err
	}
	out.Current, out.Pending = currentChoice(out.Choices)
	account, err := readAccount(ctx, q, clientID)
	if err != nil {
		return out, err
	}
	out.Account = account
	return out, nil
}

func tierChoices(ctx context.Context, q querier, clientID int64) ([]domain.TierChoice, error) {
	rows, err := q.QueryContext(ctx, `SELECT c.id, c.client_id, c.tier_id, t.name, c.chosen_on, c.chosen_by, c.reason, c.confirmed_on
		FROM tier_choices c JOIN fee_tiers t ON t.id = c.tier_id WHERE c.client_id = ? ORDER BY c.id DESC`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read tier choices: %w", err)
	}
	defer rows.Close()
	var out []domain.TierChoice
	for rows.Next() {
		var c domain.TierChoice
		if err := rows.Scan(&c.ID, &c.ClientID, &c.TierID, &c.TierName, &c.ChosenOn, &c.By, &c.Reason, &c.ConfirmedOn); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// currentChoice finds, in choices newest first, the tier in force (the
// newest confirmed choice) and a newer choice waiting for confirmation.
func currentChoice(choices []domain.TierChoice) (current, pending *domain.TierChoice) {
	for i := range choices {
		if choices[i].ConfirmedOn != "" {
			return &choices[i], pending
		}
		if i == 0 {
			pending = &choices[i]
		}
	}
	return nil, pending
}

// readAccount reads a client's sessions with their fees and the payments
// with their allocations, and adds them up.
func readAccount(ctx context.Context, q querier, clientID int64) (domain.Account, error) {
	rows, err := q.QueryContext(ctx, `SELECT s.id, s.date, s.kind, f.amount, coalesce(f.basis, ''), coalesce(f.tier_id, 0), coalesce(f.note, ''), coalesce(f.note_visibility, ''), coalesce(f.agreed_on, '')
		FROM sessions s LEFT JOIN session_fees f ON f.session_id = s.id WHERE s.client_id = ? ORDER BY s.date, s.time, s.id`, clientID)
	if err != nil {
		return domain.Account{}, fmt.Errorf("read session fees: %w", err)
	}
	var sessions []domain.SessionAccount
	for rows.Next() {
		var s domain.SessionAccount
		var amount sql.NullInt64
		var f domain.SessionFee
		if err := rows.Scan(&s.SessionID, &s.Date, &s.Kind, &amount, &f.Basis, &f.TierID, &f.Note, &f.NoteVisibility, &f.AgreedOn); err != nil {
			rows.Close()
			return domain.Account{}, err
		}
		if amount.Valid {
			f.SessionID, f.Amount = s.SessionID, amount.Int64
			s.Fee = &f
		}
		sessions = append(sessions, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return domain.Account{}, err
	}
	payments, err := readPayments(ctx, q, clientID)
	if err != nil {
		return domain.Account{}, err
	}
	return domain.ComputeAccount(sessions, payments), nil
}

func readPayments(ctx context.Context, q querier, clientID int64) ([]domain.Payment, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.id, p.client_id, p.date, p.amount, p.method, p.note, coalesce(p.reverses, 0),
			coalesce((SELECT r.id FROM payments r WHERE r.reverses = p.id), 0), p.created_at
		FROM payments p WHERE p.client_id = ? ORDER BY p.date, p.id`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read payments: %w", err)
	}
	var out []domain.Payment
	index := map[int64]int{}
	for rows.Next() {
		var p domain.Payment
		if err := rows.Scan(&p.ID, &p.ClientID, &p.Date, &p.Amount, &p.Method, &p.Note, &p.Reverses, &p.ReversedBy, &p.Created); err != nil {
			rows.Close()
			return nil, err
		}
		index[p.ID] = len(out)
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	arows, err := q.QueryContext(ctx, `SELECT a.payment_id, a.session_id, a.amount FROM payment_allocations a JOIN payments p ON p.id = a.payment_id
		WHERE p.client_id = ? ORDER BY a.payment_id, a.session_id`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read allocations: %w", err)
	}
	defer arows.Close()
	for arows.Next() {
		var pid int64
		var a domain.Allocation
		if err := arows.Scan(&pid, &a.SessionID, &a.Amount); err != nil {
			return nil, err
		}
		if i, ok := index[pid]; ok {
			out[i].Allocations = append(out[i].Allocations, a)
		}
	}
	return out, arows.Err()
}

// changeFees makes one change to a client's fees in one transaction,
// records it in the history with the client's fees before and after, and
// returns them after.
func (db *DB) changeFees(ctx context.Context, clientID int64, by domain.Actor, entity string, id int64, action string,
	change func(tx *sql.Tx, before domain.ClientFees) (int64, error)) (domain.ClientFees, error) {
	var out domain.ClientFees
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.requireOpenClient(ctx, tx, clientID); err != nil {
			return err
		}
		before, err := db.clientFees(ctx, tx, clientID)
		if err != nil {
			return err
		}
		newID, err := change(tx, before)
		if err != nil {
			return err
		}
		if newID != 0 {
			id = newID
		}
		if out, err = db.clientFees(ctx, tx, clientID); err != nil {
			return err
		}
		return db.record(ctx, tx, by, clientID, entity, id, action, feesTrace(before, entity, id), feesTrace(out, entity, id))
	})
	return out, err
}

// feeTrace is what the history keeps around a change to a client's fees:
// the entity changed (a tier choice, a session's fee or a payment; absent
// before it existed), the balance and the currency both are in.
type feeTrace struct {
	Currency domain.Currency `json:"currency"`
	Balance  int64           `json:"balance"`
	Item     any             `json:"item,omitempty"`
}

func feesTrace(f domain.ClientFees, entity string, id int64) feeTrace {
	t := feeTrace{Currency: f.Currency, Balance: f.Account.Balance}
	switch entity {
	case "tier_choice":
		for _, c := range f.Choices {
			if c.ID == id {
				t.Item = c
			}
		}
	case "session_fee":
		if s, ok := findSession(f.Account, id); ok && s.Fee != nil {
			t.Item = *s.Fee
		}
	case "payment":
		if p, ok := findPayment(f.Account, id); ok {
			t.Item = p
		}
	}
	return t
}

// ChooseTier records a client's choice of tier. by is the client or the two
// together; a confirmed choice is in force at once (the therapist recorded
// it), an unconfirmed one waits for ConfirmTier.
func (db *DB) ChooseTier(ctx context.Context, clientID, tierID int64, reason string, by domain.Actor, confirmed bool) (domain.ClientFees, error) {
	if by != domain.ByClient && by != domain.ByTogether {
		return domain.ClientFees{}, domain.FieldError("by", "A tier is chosen by the client, or by the two of you together.")
	}
	reason, err := domain.CleanText("reason", "Why, in the client's words", reason, domain.MaxLineText*2, false)
	if err != nil {
		return domain.ClientFees{}, err
	}
	return db.changeFees(ctx, clientID, by, "tier_choice", 0, "choose", func(tx *sql.Tx, before domain.ClientFees) (int64, error) {
		t, ok := tierByID(before.Policy, tierID)
		if !ok || t.Retired {
			return 0, domain.FieldError("tierId", "Choose one of the tiers the practice offers.")
		}
		today, confirmedOn := db.today(), ""
		if confirmed {
			confirmedOn = today
		}
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO tier_choices (client_id, tier_id, chosen_on, chosen_by, reason, confirmed_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			clientID, tierID, today, string(by), reason, confirmedOn, db.stamp()))
		if err != nil {
			return 0, fmt.Errorf("choose tier: %w", err)
		}
		if confirmed {
			return id, db.applyTierToUnagreed(ctx, tx, clientID, t, today)
		}
		return id, nil
	})
}

// ConfirmTier records that the therapist confirms a choice the client
// made; it is in force from then on.
func (db *DB) ConfirmTier(ctx context.Context, choiceID int64) (domain.ClientFees, error) {
	var clientID int64
	var confirmedOn string
	err := db.sql.QueryRowContext(ctx, `SELECT client_id, confirmed_on FROM tier_choices WHERE id = ?`, choiceID).Scan(&clientID, &confirmedOn)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.ClientFees{}, notFound("tier choice")
	}
	if err != nil {
		return domain.ClientFees{}, fmt.Errorf("read tier choice: %w", err)
	}
	if confirmedOn != "" {
		return db.ClientFees(ctx, clientID)
	}
	return db.changeFees(ctx, clientID, domain.ByTherapist, "tier_choice", choiceID, "confirm", func(tx *sql.Tx, before domain.ClientFees) (int64, error) {
		if before.Pending == nil || before.Pending.ID != choiceID {
			return 0, domain.Errorf(domain.EINVALID, "A newer choice of tier was made since this one; confirm that one instead.")
		}
		t, _ := tierByID(before.Policy, before.Pending.TierID)
		today := db.today()
		if _, err := tx.ExecContext(ctx, `UPDATE tier_choices SET confirmed_on = ? WHERE id = ?`, today, choiceID); err != nil {
			return 0, err
		}
		return 0, db.applyTierToUnagreed(ctx, tx, clientID, t, before.Pending.ChosenOn)
	})
}

// applyTierToUnagreed gives the client's sessions from the date on that
// have no agreed fee yet the tier's fee for their kind.
func (db *DB) applyTierToUnagreed(ctx context.Context, tx *sql.Tx, clientID int64, t domain.FeeTier, from string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO session_fees (session_id, amount, basis, tier_id, note, agreed_on)
		SELECT s.id, CASE s.kind WHEN 'preparation' THEN ? WHEN 'medicine' THEN ? WHEN 'integration' THEN ? ELSE ? END, 'tier', ?, '', ?
		FROM sessions s WHERE s.client_id = ? AND s.date >= ? AND NOT EXISTS (SELECT 1 FROM session_fees f WHERE f.session_id = s.id)`,
		t.Fees.Preparation, t.Fees.Medicine, t.Fees.Integration, t.Fees.Other, t.ID, db.today(), clientID, from)
	if err != nil {
		return fmt.Errorf("apply tier fees: %w", err)
	}
	return nil
}

// agreeTierFee gives a new session its client's tier's fee, when the
// client has a tier in force. Called inside the session's transaction.
func (db *DB) agreeTierFee(ctx context.Context, tx *sql.Tx, sessionID, clientID int64, kind domain.SessionKind) error {
	var tierID int64
	var f domain.KindFees
	err := tx.QueryRowContext(ctx, `SELECT t.id, t.fee_preparation, t.fee_medicine, t.fee_integration, t.fee_other
		FROM tier_choices c JOIN fee_tiers t ON t.id = c.tier_id
		WHERE c.client_id = ? AND c.confirmed_on <> '' ORDER BY c.id DESC LIMIT 1`, clientID).
		Scan(&tierID, &f.Preparation, &f.Medicine, &f.Integration, &f.Other)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read tier: %w", err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO session_fees (session_id, amount, basis, tier_id, note, agreed_on) VALUES (?, ?, 'tier', ?, '', ?)`,
		sessionID, f.For(kind), tierID, db.today())
	return err
}

func findSession(a domain.Account, id int64) (domain.SessionAccount, bool) {
	for _, s := range a.Sessions {
		if s.SessionID == id {
			return s, true
		}
	}
	return domain.SessionAccount{}, false
}

// SetSessionFee agrees or changes a session's fee. With basis "tier" the
// amount is the client's tier's fee for the session's kind. A fee cannot
// drop below what payments already cover.
func (db *DB) SetSessionFee(ctx context.Context, f domain.SessionFee) (domain.ClientFees, error) {
	if err := f.Validate(); err != nil {
		return domain.ClientFees{}, err
	}
	var clientID int64
	err := db.sql.QueryRowContext(ctx, `SELECT client_id FROM sessions WHERE id = ?`, f.SessionID).Scan(&clientID)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.ClientFees{}, notFound("session")
	}
	if err != nil {
		return domain.ClientFees{}, fmt.Errorf("read session: %w", err)
	}
	return db.changeFees(ctx, clientID, domain.ByTherapist, "session_fee", f.SessionID, "agree", func(tx *sql.Tx, before domain.ClientFees) (int64, error) {
		s, _ := findSession(before.Account, f.SessionID)
		f.TierID = 0
		if f.Basis == domain.FromTier {
			if before.Current == nil {
				return 0, domain.FieldError("basis", "This client has no tier yet. Record their choice of tier first, or agree an adjusted fee.")
			}
			t, _ := tierByID(before.Policy, before.Current.TierID)
			f.TierID, f.Amount = t.ID, t.Fees.For(s.Kind)
		}
		if s.Paid > f.Amount {
			return 0, domain.FieldError("amount", "Payments already cover more than this fee. Reverse or move them first.")
		}
		var tier any
		if f.TierID != 0 {
			tier = f.TierID
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO session_fees (session_id, amount, basis, tier_id, note, note_visibility, agreed_on) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (session_id) DO UPDATE SET amount = excluded.amount, basis = excluded.basis, tier_id = excluded.tier_id,
				note = excluded.note, note_visibility = excluded.note_visibility, agreed_on = excluded.agreed_on`,
			f.SessionID, f.Amount, string(f.Basis), tier, f.Note, string(f.NoteVisibility), db.today())
		return 0, err
	})
}

func findPayment(a domain.Account, id int64) (domain.Payment, bool) {
	for _, p := range a.Payments {
		if p.ID == id {
			return p, true
		}
	}
	return domain.Payment{}, false
}

func writeAllocations(ctx context.Context, tx *sql.Tx, paymentID int64, allocs []domain.Allocation) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM payment_allocations WHERE payment_id = ?`, paymentID); err != nil {
		return err
	}
	for _, a := range allocs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO payment_allocations (payment_id, session_id, amount) VALUES (?, ?, ?)`, paymentID, a.SessionID, a.Amount); err != nil {
			return fmt.Errorf("allocate: %w", err)
		}
	}
	return nil
}

// RecordPayment records a payment and how it pays the client's sessions.
func (db *DB) RecordPayment(ctx context.Context, p domain.NewPayment) (domain.ClientFees, error) {
	if err := p.Validate(); err != nil {
		return domain.ClientFees{}, err
	}
	return db.changeFees(ctx, p.ClientID, domain.ByTherapist, "payment", 0, "create", func(tx *sql.Tx, before domain.ClientFees) (int64, error) {
		if err := domain.CheckAllocations(before.Account, p.Amount, p.Allocations); err != nil {
			return 0, err
		}
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO payments (client_id, date, amount, method, note, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			p.ClientID, p.Date, p.Amount, string(p.Method), p.Note, db.stamp()))
		if err != nil {
			return 0, fmt.Errorf("record payment: %w", err)
		}
		return id, writeAllocations(ctx, tx, id, p.Allocations)
	})
}

// AllocatePayment replaces how a payment that counts is allocated to
// sessions.
func (db *DB) AllocatePayment(ctx context.Context, paymentID int64, allocs []domain.Allocation) (domain.ClientFees, error) {
	clientID, err := db.paymentClient(ctx, paymentID)
	if err != nil {
		return domain.ClientFees{}, err
	}
	return db.changeFees(ctx, clientID, domain.ByTherapist, "payment", paymentID, "allocate", func(tx *sql.Tx, before domain.ClientFees) (int64, error) {
		p, _ := findPayment(before.Account, paymentID)
		if !p.Counts() {
			return 0, domain.Errorf(domain.EINVALID, "This payment was reversed, so it pays no session.")
		}
		// The account as if this payment were not yet allocated.
		payments := make([]domain.Payment, len(before.Account.Payments))
		for i, q := range before.Account.Payments {
			if q.ID == paymentID {
				q.Allocations = nil
			}
			payments[i] = q
		}
		without := domain.ComputeAccount(before.Account.Sessions, payments)
		if err := domain.CheckAllocations(without, p.Amount, allocs); err != nil {
			return 0, err
		}
		return 0, writeAllocations(ctx, tx, paymentID, allocs)
	})
}

func (db *DB) paymentClient(ctx context.Context, paymentID int64) (int64, error) {
	var clientID int64
	err := db.sql.QueryRowContext(ctx, `SELECT client_id FROM payments WHERE id = ?`, paymentID).Scan(&clientID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFound("payment")
	}
	if err != nil {
		return 0, fmt.Errorf("read payment: %w", err)
	}
	return clientID, nil
}

// ReversePayment cancels a payment recorded by mistake by a dated reversal
// with the reason; both stay in the record, and the payment's allocations
// no longer count.
func (db *DB) ReversePayment(ctx context.Context, paymentID int64, date, reason string) (domain.ClientFees, error) {
	date, err := domain.ParseDate("date", "The date of the reversal", date, true)
	if err != nil {
		return domain.ClientFees{}, err
	}
	if reason, err = domain.CleanText("reason", "Why the payment is reversed", reason, domain.MaxLineText*2, true); err != nil {
		return domain.ClientFees{}, err
	}
	clientID, err := db.paymentClient(ctx, paymentID)
	if err != nil {
		return domain.ClientFees{}, err
	}
	return db.changeFees(ctx, clientID, domain.ByTherapist, "payment", 0, "reverse", func(tx *sql.Tx, before domain.ClientFees) (int64, error) {
		p, _ := findPayment(before.Account, paymentID)
		if p.Reverses != 0 {
			return 0, domain.Errorf(domain.EINVALID, "This entry is itself a reversal and cannot be reversed.")
		}
		if p.ReversedBy != 0 {
			return 0, domain.Errorf(domain.EINVALID, "This payment was already reversed.")
		}
		if date < p.Date {
			return 0, domain.FieldError("date", "A reversal cannot be dated before the payment it reverses ("+p.Date+").")
		}
		return lastID(tx.ExecContext(ctx, `INSERT INTO payments (client_id, date, amount, method, note, reverses, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			clientID, date, p.Amount, string(p.Method), reason, paymentID, db.stamp()))
	})
}
