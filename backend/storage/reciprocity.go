package storage

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"tandem/backend/domain"
)

// SaveCommitment adds (ID 0) or changes a reciprocity commitment.
func (db *DB) SaveCommitment(ctx context.Context, c domain.Commitment) (domain.Commitment, error) {
	if err := c.Validate(); err != nil {
		return domain.Commitment{}, err
	}
	if c.ID == 0 {
		err := db.tx(ctx, func(tx *sql.Tx) error {
			id, err := lastID(tx.ExecContext(ctx, `INSERT INTO reciprocity_commitments (kind, description, organisation, every_n, basis_points, since, until, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, string(c.Kind), c.Description, c.Organisation, c.EveryN, c.BasisPoints, c.Since, c.Until, db.stamp()))
			if err != nil {
				return fmt.Errorf("add commitment: %w", err)
			}
			c.ID = id
			return db.record(ctx, tx, domain.ByTherapist, 0, "commitment", id, "create", nil, c)
		})
		return c, err
	}
	cs, err := commitments(ctx, db.sql)
	if err != nil {
		return c, err
	}
	var before *domain.Commitment
	for i := range cs {
		if cs[i].ID == c.ID {
			before = &cs[i]
		}
	}
	if before == nil {
		return c, notFound("commitment")
	}
	err = db.changePractice(ctx, "commitment", c.ID, "update", *before, func(tx *sql.Tx) (any, error) {
		_, err := tx.ExecContext(ctx, `UPDATE reciprocity_commitments SET kind = ?, description = ?, organisation = ?, every_n = ?, basis_points = ?, since = ?, until = ? WHERE id = ?`,
			string(c.Kind), c.Description, c.Organisation, c.EveryN, c.BasisPoints, c.Since, c.Until, c.ID)
		return c, err
	})
	return c, err
}

func commitments(ctx context.Context, q querier) ([]domain.Commitment, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, description, organisation, every_n, basis_points, since, until FROM reciprocity_commitments ORDER BY since, id`)
	if err != nil {
		return nil, fmt.Errorf("read commitments: %w", err)
	}
	defer rows.Close()
	var out []domain.Commitment
	for rows.Next() {
		var c domain.Commitment
		if err := rows.Scan(&c.ID, &c.Kind, &c.Description, &c.Organisation, &c.EveryN, &c.BasisPoints, &c.Since, &c.Until); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddGift records money given under a commitment.
func (db *DB) AddGift(ctx context.Context, g domain.Gift) (domain.Gift, error) {
	if err := g.Validate(); err != nil {
		return domain.Gift{}, err
	}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		var commitment any
		if g.CommitmentID != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM reciprocity_commitments WHERE id = ?`, g.CommitmentID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return notFound("commitment")
			}
			commitment = g.CommitmentID
		}
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO reciprocity_gifts (date, amount, organisation, note, commitment_id, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			g.Date, g.Amount, g.Organisation, g.Note, commitment, db.stamp()))
		if err != nil {
			return fmt.Errorf("add gift: %w", err)
		}
		g.ID = id
		return db.record(ctx, tx, domain.ByTherapist, 0, "gift", id, "create", nil, g)
	})
	return g, err
}

func gifts(ctx context.Context, q querier) ([]domain.Gift, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, date, amount, organisation, note, coalesce(commitment_id, 0) FROM reciprocity_gifts ORDER BY date DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("read gifts: %w", err)
	}
	defer rows.Close()
	var out []domain.Gift
	for rows.Next() {
		var g domain.Gift
		if err := rows.Scan(&g.ID, &g.Date, &g.Amount, &g.Organisation, &g.Note, &g.CommitmentID); err != nil {
			return nil, err
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// countingPayments is the SQL condition for payments that count: neither
// reversals nor reversed.
const countingPayments = `p.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses = p.id)`

// outstanding lists the clients whose account is not settled, most owed
// first: what their sessions' fees come to less what they paid. where
// narrows the clients (columns of clients c), "" for all.
func outstanding(ctx context.Context, q querier, where string) ([]domain.ClientBalance, error) {
	if where != "" {
		where = " AND " + where
	}
	var out []domain.ClientBalance
	err := eachRow(ctx, q, "balances", `SELECT c.id, c.chosen_name, coalesce(f.fees, 0) - coalesce(p.paid, 0) AS balance FROM clients c
			LEFT JOIN (SELECT s.client_id, sum(sf.amount) AS fees FROM sessions s INDEXED BY sessions_client JOIN session_fees sf ON sf.session_id = s.id GROUP BY 1) f ON f.client_id = c.id
			LEFT JOIN (SELECT p.client_id, sum(p.amount) AS paid FROM payments p WHERE `+countingPayments+` GROUP BY 1) p ON p.client_id = c.id
			WHERE balance <> 0`+where+` ORDER BY balance DESC, c.id`, func(rows *sql.Rows) error {
		var b domain.ClientBalance
		if err := rows.Scan(&b.ClientID, &b.Name, &b.Balance); err != nil {
			return err
		}
		out = append(out, b)
		return nil
	})
	return out, err
}

// FeesOverview returns the whole practice by month and year, outstanding
// balances and reciprocity, all added up by SQLite.
func (db *DB) FeesOverview(ctx context.Context) (domain.FeesOverview, error) {
	var out domain.FeesOverview
	var err error
	if out.Currency, err = policyCurrency(ctx, db.sql); err != nil {
		return out, err
	}
	months := map[string]*domain.PeriodSummary{}
	month := func(m string) *domain.PeriodSummary {
		if months[m] == nil {
			months[m] = &domain.PeriodSummary{Period: m}
		}
		return months[m]
	}
	each := func(query string, scan func(rows *sql.Rows) error) error {
		return eachRow(ctx, db.sql, "overview", query, scan)
	}
	err = each(`SELECT substr(p.date, 1, 7), sum(p.amount) FROM payments p WHERE `+countingPayments+` GROUP BY 1`, func(rows *sql.Rows) error {
		var m string
		var v int64
		if err := rows.Scan(&m, &v); err != nil {
			return err
		}
		month(m).Income = v
		return nil
	})
	if err == nil {
		err = each(`SELECT substr(s.date, 1, 7), s.kind, count(*), count(CASE WHEN f.basis = 'free' THEN 1 END)
			FROM sessions s INDEXED BY sessions_date_kind LEFT JOIN session_fees f ON f.session_id = s.id GROUP BY 1, 2`, func(rows *sql.Rows) error {
			var m string
			var k domain.SessionKind
			var n, free int
			if err := rows.Scan(&m, &k, &n, &free); err != nil {
				return err
			}
			ps := month(m)
			ps.Sessions.Add(k, n)
			ps.Free += free
			return nil
		})
	}
	if err == nil {
		err = each(`SELECT substr(date, 1, 7), sum(amount) FROM reciprocity_gifts GROUP BY 1`, func(rows *sql.Rows) error {
			var m string
			var v int64
			if err := rows.Scan(&m, &v); err != nil {
				return err
			}
			month(m).Given = v
			return nil
		})
	}
	if err == nil {
		out.Outstanding, err = outstanding(ctx, db.sql, "")
	}
	if err != nil {
		return out, err
	}
	if out.Commitments, err = commitments(ctx, db.sql); err != nil {
		return out, err
	}
	if out.Gifts, err = gifts(ctx, db.sql); err != nil {
		return out, err
	}

	years := map[string]*domain.PeriodSummary{}
	for m, ps := range months {
		out.Months = append(out.Months, *ps)
		y := m[:4]
		if years[y] == nil {
			years[y] = &domain.PeriodSummary{Period: y}
		}
		ys := years[y]
		ys.Income += ps.Income
		ys.Given += ps.Given
		ys.Free += ps.Free
		ys.Sessions.Preparation += ps.Sessions.Preparation
		ys.Sessions.Medicine += ps.Sessions.Medicine
		ys.Sessions.Integration += ps.Sessions.Integration
		ys.Sessions.Other += ps.Sessions.Other
	}
	sort.Slice(out.Months, func(i, j int) bool { return out.Months[i].Period > out.Months[j].Period })
	for _, ys := range years {
		out.Years = append(out.Years, *ys)
	}
	sort.Slice(out.Years, func(i, j int) bool { return out.Years[i].Period > out.Years[j].Period })

	// Gifts count for the commitment they name, or, naming none, for the
	// share-of-fees commitment to the same organisation.
	byOrg := map[string]int64{}
	for _, c := range out.Commitments {
		if c.Kind == domain.ShareOfFees && c.Organisation != "" {
			byOrg[strings.ToLower(c.Organisation)] = c.ID
		}
	}
	givenTo := map[string]map[int64]int64{}
	for _, g := range out.Gifts {
		id := g.CommitmentID
		if id == 0 {
			id = byOrg[strings.ToLower(g.Organisation)]
		}
		y := g.Date[:4]
		if givenTo[y] == nil {
			givenTo[y] = map[int64]int64{}
		}
		givenTo[y][id] += g.Amount
	}
	for _, ys := range out.Years {
		r := domain.ReciprocityYear{Year: ys.Period, Sessions: ys.Sessions.Total(), Free: ys.Free, Income: ys.Income, Given: ys.Given}
		r.Kept(out.Commitments, givenTo[ys.Period])
		out.Reciprocity = append(out.Reciprocity, r)
	}
	return out, nil
}
