package app

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"

	"tandem/backend/domain"
	"tandem/backend/packet"
	"tandem/backend/storage"
)

// Fees is bound to the page: the practice's sliding scale, each client's
// tier, session fees and payments, receipts and statements, reciprocity
// and the practice overview. Like Clients, it refuses while co-creation
// mode is on (the client's own view is CoCreation.Fees).
type Fees struct{ s *Shell }

// NewFees returns the Fees binding.
func NewFees(s *Shell) *Fees { return &Fees{s: s} }

// Currencies lists the currencies a practice can keep its fees in.
func (b *Fees) Currencies() []domain.Currency { return domain.Currencies }

// Policy returns the practice's fee policy and tiers.
func (b *Fees) Policy() (domain.FeePolicy, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.FeePolicy, error) { return db.FeePolicy(ctx) })
}

// SavePolicy stores the currency, the reasoning and who chooses the tier.
func (b *Fees) SavePolicy(p domain.FeePolicy) (domain.FeePolicy, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.FeePolicy, error) { return db.SaveFeePolicy(ctx, p) })
}

// SaveTier adds (id 0) or changes a tier.
func (b *Fees) SaveTier(t domain.FeeTier) (domain.FeePolicy, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.FeePolicy, error) { return db.SaveTier(ctx, t) })
}

// RetireTier stops offering a tier.
func (b *Fees) RetireTier(id int64) (domain.FeePolicy, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.FeePolicy, error) { return db.RetireTier(ctx, id) })
}

// Client returns one client's tier, session fees, payments and balance.
func (b *Fees) Client(clientID int64) (domain.ClientFees, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ClientFees, error) {
		return db.ClientFees(ctx, clientID)
	})
}

// ChooseTier records the tier the client chose (by "client") or the two
// agreed (by "together"), as the therapist heard it: in force at once.
func (b *Fees) ChooseTier(clientID, tierID int64, reason string, by domain.Actor) (domain.ClientFees, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ClientFees, error) {
		return db.ChooseTier(ctx, clientID, tierID, reason, by, true)
	})
}

// ConfirmTier confirms a choice the client made in co-creation mode.
func (b *Fees) ConfirmTier(choiceID int64) (domain.ClientFees, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ClientFees, error) {
		return db.ConfirmTier(ctx, choiceID)
	})
}

// SetSessionFee agrees a session's fee: the tier's, adjusted with a note,
// or offered freely.
func (b *Fees) SetSessionFee(f domain.SessionFee) (domain.ClientFees, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ClientFees, error) { return db.SetSessionFee(ctx, f) })
}

// SuggestAllocations proposes how a payment of amount pays the client's
// sessions: the oldest outstanding fee first.
func (b *Fees) SuggestAllocations(clientID, amount int64) ([]domain.Allocation, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.Allocation, error) {
		f, err := db.ClientFees(ctx, clientID)
		if err != nil {
			return nil, err
		}
		out := domain.SuggestAllocations(f.Account, amount)
		if out == nil {
			out = []domain.Allocation{}
		}
		return out, nil
	})
}

// RecordPayment records a payment and how it pays the client's sessions.
func (b *Fees) RecordPayment(p domain.NewPayment) (domain.ClientFees, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ClientFees, error) { return db.RecordPayment(ctx, p) })
}

// Allocate changes how a payment pays the client's sessions.
func (b *Fees) Allocate(paymentID int64, allocs []domain.Allocation) (domain.ClientFees, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ClientFees, error) {
		return db.AllocatePayment(ctx, paymentID, allocs)
	})
}

// Reverse cancels a payment recorded by mistake, keeping both entries.
func (b *Fees) Reverse(paymentID int64, date, reason string) (domain.ClientFees, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ClientFees, error) {
		return db.ReversePayment(ctx, paymentID, date, reason)
	})
}

// SaveCommitment adds (id 0) or changes a reciprocity commitment.
func (b *Fees) SaveCommitment(c domain.Commitment) (domain.Commitment, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Commitment, error) { return db.SaveCommitment(ctx, c) })
}

// AddGift records money given under a commitment.
func (b *Fees) AddGift(g domain.Gift) (domain.Gift, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Gift, error) { return db.AddGift(ctx, g) })
}

// Overview returns the practice overview: income by month and year,
// outstanding balances, sessions by kind and reciprocity.
func (b *Fees) Overview() (domain.FeesOverview, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.FeesOverview, error) { return db.FeesOverview(ctx) })
}

// BillingRequest asks for a receipt (PaymentID) or a statement (From, To)
// of one client.
type BillingRequest struct {
	ClientID  int64  `json:"clientId"`
	PaymentID int64  `json:"paymentId"`
	From      string `json:"from"`
	To        string `json:"to"`
	LegalName bool   `json:"legalName"`
}

// PrintBilling makes a receipt or statement and opens it for printing, as
// Packets.Print does.
func (b *Fees) PrintBilling(r BillingRequest) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		epoch := b.s.prints.current()
		pdf, err := makeBilling(ctx, db, b.s, r)
		if err != nil {
			return false, err
		}
		return b.s.prints.print(pdf, epoch)
	})
}

// SaveBilling makes a receipt or statement and saves it where the
// therapist chooses, under a neutral name.
func (b *Fees) SaveBilling(r BillingRequest) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		pdf, err := makeBilling(ctx, db, b.s, r)
		if err != nil {
			return false, err
		}
		name := "statement.pdf"
		if r.PaymentID != 0 {
			name = "receipt.pdf"
		}
		return saveAs(b.s, "Save the "+strings.TrimSuffix(name, ".pdf"), name, "PDF document (*.pdf)", "*.pdf", pdf)
	})
}

func makeBilling(ctx context.Context, db *storage.DB, s *Shell, r BillingRequest) ([]byte, error) {
	f, err := db.ClientFees(ctx, r.ClientID)
	if err != nil {
		return nil, err
	}
	client, err := db.Client(ctx, r.ClientID)
	if err != nil {
		return nil, err
	}
	p, paper, err := practicePaper(ctx, db)
	if err != nil {
		return nil, err
	}
	// A receipt and a statement are the client's: their fees through the one filter.
	bill := packet.Billing{Client: client, Fees: domain.View(f), LegalName: r.LegalName}
	o := packet.Options{Paper: paper, Date: s.now(), Copy: packet.ClientCopy}
	var d packet.Document
	if r.PaymentID != 0 {
		d, err = packet.Receipt(p, bill, r.PaymentID, o)
	} else {
		d, err = packet.Statement(p, bill, r.From, r.To, o)
	}
	if err != nil {
		return nil, err
	}
	return renderPDF(d)
}

// ExportOverview saves the practice overview as CSV where the therapist
// chooses: "months" (income, sessions by kind, offered freely and given,
// per month) or "balances" (each client's balance). It returns false when
// the dialog was cancelled.
func (b *Fees) ExportOverview(what string) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		o, err := db.FeesOverview(ctx)
		if err != nil {
			return false, err
		}
		data, err := OverviewCSV(o, what)
		if err != nil {
			return false, err
		}
		return saveAs(b.s, "Export the overview", "practice-"+what+".csv", "CSV spreadsheet (*.csv)", "*.csv", data)
	})
}

// OverviewCSV writes the overview's months or balances as CSV, amounts as
// plain decimal numbers in the practice's currency.
func OverviewCSV(o domain.FeesOverview, what string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	itoa := strconv.Itoa
	money := o.Currency.Plain
	switch what {
	case "months":
		w.Write([]string{"month", "income (" + o.Currency.Code + ")", "preparation sessions", "medicine sessions", "integration sessions",
			"other sessions", "sessions offered freely", "given (" + o.Currency.Code + ")"})
		for i := len(o.Months) - 1; i >= 0; i-- {
			m := o.Months[i]
			w.Write([]string{m.Period, money(m.Income), itoa(m.Sessions.Preparation), itoa(m.Sessions.Medicine), itoa(m.Sessions.Integration),
				itoa(m.Sessions.Other), itoa(m.Free), money(m.Given)})
		}
	case "balances":
		w.Write([]string{"client", "balance (" + o.Currency.Code + ")"})
		for _, c := range o.Outstanding {
			w.Write([]string{csvSafe(c.Name), money(c.Balance)})
		}
	default:
		return nil, domain.FieldError("what", "Choose months or balances.")
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// csvSafe keeps a spreadsheet from reading a name as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
