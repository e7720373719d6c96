package packet

import (
	"strconv"
	"strings"

	"tandem/backend/domain"
)

// Receipts and statements are always client copies: they hold the
// practice's details, the client's chosen name (and their legal name only
// when the therapist asks for it, for insurance), sessions by date and
// kind, and amounts. Nothing of a session's notes is ever on them.

// Billing is what a receipt or statement is made from.
type Billing struct {
	Client domain.Client
	Fees   domain.ClientFees
	// LegalName prints the client's legal name beside their chosen name.
	LegalName bool
}

var methodNames = map[domain.PaymentMethod]string{
	"cash": "Cash", "card": "Card", "bank_transfer": "Bank transfer", "cheque": "Cheque", "mobile": "Mobile payment", "other": "Other",
}

func (b Billing) currency() domain.Currency { return b.Fees.Currency }

func (b Billing) money(minor int64) string { return b.currency().Format(minor) }

// practiceFields are the practice's details as a receipt shows them.
func practiceFields(p domain.Practice) Fields {
	rows := []Field{{Label: "Practice", Value: strings.TrimSpace(p.Name + "\n" + p.Credentials)}}
	for _, f := range []Field{{"Address", p.Address}, {"Email", p.Email}, {"Phone", p.Phone}, {"Website", p.Website}} {
		if strings.TrimSpace(f.Value) != "" {
			rows = append(rows, f)
		}
	}
	return Fields{Rows: rows}
}

func (b Billing) clientFields() []Field {
	rows := []Field{{Label: "Client", Value: b.Client.ChosenName}}
	if b.LegalName && b.Client.LegalName != "" {
		rows = append(rows, Field{Label: "Legal name", Value: b.Client.LegalName})
	}
	return rows
}

// balanceWords says a balance the way a client reads it.
func (b Billing) balanceWords(balance int64) string {
	switch {
	case balance > 0:
		return b.money(balance) + " to pay"
	case balance < 0:
		return b.money(-balance) + " in credit"
	}
	return b.money(0) + ", nothing to pay"
}

func (b Billing) document(p domain.Practice, title, subtitle string, o Options) Document {
	o.Copy = ClientCopy
	return o.document(p, b.Client.ChosenName, title, subtitle)
}

// Receipt is the receipt for one payment: what was received, when and how,
// the sessions it paid, and the balance today.
func Receipt(p domain.Practice, b Billing, paymentID int64, o Options) (Document, error) {
	var pay domain.Payment
	found := false
	for _, q := range b.Fees.Account.Payments {
		if q.ID == paymentID {
			pay, found = q, true
		}
	}
	if !found {
		return Document{}, domain.Errorf(domain.ENOTFOUND, "This payment is not in this client's record.")
	}
	if !pay.Counts() {
		return Document{}, domain.Errorf(domain.EINVALID, "This payment was reversed, so no receipt is made for it. A statement shows both entries.")
	}
	d := b.document(p, "Receipt", "Payment received on "+formatDay(pay.Date), o)
	fields := append(b.clientFields(),
		Field{Label: "Received", Value: b.money(pay.Amount)},
		Field{Label: "Date", Value: formatDay(pay.Date)},
		Field{Label: "Paid by", Value: methodNames[pay.Method]},
		Field{Label: "Receipt number", Value: receiptNumber(pay)},
	)
	d.Blocks = []Block{practiceFields(p), Heading{Text: "Payment", Level: 2}, Fields{Rows: fields}}
	sessions := map[int64]domain.SessionAccount{}
	for _, s := range b.Fees.Account.Sessions {
		sessions[s.SessionID] = s
	}
	var rows [][]string
	allocated := int64(0)
	for _, a := range pay.Allocations {
		s := sessions[a.SessionID]
		fee := ""
		if s.Fee != nil {
			fee = b.money(s.Fee.Amount)
		}
		rows = append(rows, []string{formatDay(s.Date), sessionKindNames[s.Kind], fee, b.money(a.Amount)})
		allocated += a.Amount
	}
	d.Blocks = append(d.Blocks, Heading{Text: "What it paid", Level: 2})
	if len(rows) > 0 {
		d.Blocks = append(d.Blocks, Table{Columns: []Column{{Title: "Date", Width: 1.4}, {Title: "Session", Width: 2}, {Title: "Fee", Width: 1, Right: true}, {Title: "Paid by this payment", Width: 1.4, Right: true}}, Rows: rows})
	}
	if rest := pay.Amount - allocated; rest > 0 {
		d.Blocks = append(d.Blocks, Paragraph{Style: Small, Text: b.money(rest) + " of this payment is held as credit towards later sessions."})
	}
	d.Blocks = append(d.Blocks,
		Heading{Text: "Your account today", Level: 2},
		Fields{Rows: []Field{{Label: "Balance", Value: b.balanceWords(b.Fees.Account.Balance)}}},
		Paragraph{Style: Small, Text: "Thank you. Keep this receipt for your records."})
	return d, nil
}

// receiptNumber is a payment's number as printed: the year and the
// payment's id, stable however often the receipt is printed.
func receiptNumber(p domain.Payment) string {
	return p.Date[:4] + "-" + strconv.FormatInt(p.ID, 10)
}

// StatementLine is one entry of a statement: a session's fee (a charge),
// a payment, or a reversal (which charges back a payment recorded by
// mistake).
type StatementLine struct {
	Date    string
	Entry   string
	Charge  int64
	Payment int64
}

// StatementTotals are what a statement for the period from–to (dates,
// inclusive) adds up to: the balance before, the entries in the period, and the
// balance after.
type StatementTotals struct {
	Opening, Charges, Payments, Closing int64
	Lines                               []StatementLine
}

// StatementFor adds up the client's account for the period. The closing
// balance of a period that reaches past the last entry is the account's
// balance.
func StatementFor(f domain.ClientFees, from, to string) StatementTotals {
	var t StatementTotals
	add := func(l StatementLine) {
		switch {
		case l.Date < from:
			t.Opening += l.Charge - l.Payment
		case l.Date <= to:
			t.Charges += l.Charge
			t.Payments += l.Payment
			t.Lines = append(t.Lines, l)
		}
	}
	for _, s := range f.Account.Sessions {
		if s.Fee == nil {
			continue
		}
		entry := sessionKindNames[s.Kind]
		if s.Fee.Basis == domain.OfferedFree {
			entry += ", offered freely"
		}
		add(StatementLine{Date: s.Date, Entry: entry, Charge: s.Fee.Amount})
	}
	paidOn := map[int64]string{}
	for _, p := range f.Account.Payments {
		paidOn[p.ID] = p.Date
	}
	for _, p := range f.Account.Payments {
		if p.Reverses != 0 {
			entry := "Reversal of the payment of " + formatDay(paidOn[p.Reverses])
			if p.Note != "" {
				entry += ": " + p.Note
			}
			add(StatementLine{Date: p.Date, Entry: entry, Charge: p.Amount})
			continue
		}
		add(StatementLine{Date: p.Date, Entry: "Payment, " + strings.ToLower(methodNames[p.Method]), Payment: p.Amount})
	}
	sortLines(t.Lines)
	t.Closing = t.Opening + t.Charges - t.Payments
	return t
}

func sortLines(ls []StatementLine) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].Date < ls[j-1].Date; j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

// Statement is the statement of the client's account for a period: the
// balance before, each session's fee, payment and reversal in the period,
// and the balance after.
func Statement(p domain.Practice, b Billing, from, to string, o Options) (Document, error) {
	var err error
	if from, err = domain.ParseDate("from", "The first day", from, true); err != nil {
		return Document{}, err
	}
	if to, err = domain.ParseDate("to", "The last day", to, true); err != nil {
		return Document{}, err
	}
	if to < from {
		return Document{}, domain.FieldError("to", "The last day cannot come before the first.")
	}
	t := StatementFor(b.Fees, from, to)
	d := b.document(p, "Statement", "From "+formatDay(from)+" to "+formatDay(to), o)
	d.Blocks = []Block{practiceFields(p), Heading{Text: "Account", Level: 2}, Fields{Rows: b.clientFields()}}
	var rows [][]string
	for _, l := range t.Lines {
		charge, paid := "", ""
		if l.Charge != 0 || l.Payment == 0 {
			charge = b.money(l.Charge)
		}
		if l.Payment != 0 {
			paid = b.money(l.Payment)
		}
		rows = append(rows, []string{formatDay(l.Date), l.Entry, charge, paid})
	}
	rows = append(rows, []string{"", "Totals for the period", b.money(t.Charges), b.money(t.Payments)})
	d.Blocks = append(d.Blocks,
		Fields{Rows: []Field{{Label: "Balance before " + formatDay(from), Value: b.balanceWords(t.Opening)}}},
		Table{Columns: []Column{{Title: "Date", Width: 1.3}, {Title: "Entry", Width: 3}, {Title: "Fees", Width: 1, Right: true}, {Title: "Payments", Width: 1, Right: true}}, Rows: rows},
		Fields{Rows: []Field{{Label: "Balance on " + formatDay(to), Value: b.balanceWords(t.Closing)}}},
	)
	if len(t.Lines) == 0 {
		d.Blocks = append(d.Blocks, Paragraph{Style: Muted, Text: "No fees or payments in this period."})
	}
	return d, nil
}
