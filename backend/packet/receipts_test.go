package packet

import (
	"math/rand/v2"
	"strings"
	"testing"

	"tandem/backend/domain"
)

func billing(t *testing.T) Billing {
	t.Helper()
	fee := func(id int64, date string, kind domain.SessionKind, amount int64, basis domain.FeeBasis) domain.SessionAccount {
		return domain.SessionAccount{SessionID: id, Date: date, Kind: kind, Fee: &domain.SessionFee{SessionID: id, Amount: amount, Basis: basis}}
	}
	sessions := []domain.SessionAccount{
		fee(1, "2026-01-10", domain.PreparationSession, 9000, domain.FromTier),
		fee(2, "2026-02-01", domain.MedicineSession, 45000, domain.FromTier),
		fee(3, "2026-02-03", domain.IntegrationSession, 0, domain.OfferedFree),
		fee(4, "2026-03-01", domain.IntegrationSession, 9000, domain.FromTier),
	}
	payments := []domain.Payment{
		{ID: 7, Date: "2026-01-10", Amount: 9000, Method: "cash", Allocations: []domain.Allocation{{SessionID: 1, Amount: 9000}}},
		{ID: 8, Date: "2026-02-01", Amount: 50000, Method: "bank_transfer", Allocations: []domain.Allocation{{SessionID: 2, Amount: 45000}}},
		{ID: 9, Date: "2026-02-02", Amount: 45000, Method: "card", ReversedBy: 10, Allocations: []domain.Allocation{{SessionID: 2, Amount: 45000}}},
		{ID: 10, Date: "2026-02-04", Amount: 45000, Method: "card", Reverses: 9, Note: "Entered twice"},
	}
	cur, _ := domain.CurrencyOf("GBP")
	return Billing{
		Client: domain.Client{ChosenName: "Rowan Fictional", LegalName: "Rowena Fictional-Legal"},
		Fees:   domain.ClientFees{Currency: cur, Account: domain.ComputeAccount(sessions, payments)},
	}
}

func TestReceiptForOnePayment(t *testing.T) {
	b := billing(t)
	p := domain.Practice{Name: "Fictional Practice", Address: "1 Imaginary Lane", Email: "hello@example.org"}
	d, err := Receipt(p, b, 8, Options{Paper: A4, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	pdf := render(t, d)
	checkPDF(t, pdf)
	text := pdfText(t, pdf)
	for _, want := range []string{"Receipt", "Rowan Fictional", "£500.00", "Bank transfer", "Medicine session", "£450.00",
		"£50.00 of this payment is held as credit", "1 Imaginary Lane", "2026-8"} {
		if !strings.Contains(text, want) {
			t.Errorf("the receipt lacks %q:\n%s", want, text)
		}
	}
	// Balance: fees 630.00 − paid 590.00.
	if b.Fees.Account.Balance != 4000 || !strings.Contains(text, "£40.00 to pay") {
		t.Errorf("balance %d; text: %s", b.Fees.Account.Balance, text)
	}
	if strings.Contains(text, "Rowena") {
		t.Error("the legal name is printed although not asked for")
	}
	b.LegalName = true
	d, _ = Receipt(p, b, 8, Options{Paper: Letter, Date: testDate})
	if !strings.Contains(pdfText(t, render(t, d)), "Rowena Fictional-Legal") {
		t.Error("the legal name is missing although asked for")
	}
	for _, id := range []int64{9, 10} {
		if _, err := Receipt(p, b, id, Options{}); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("receipt for reversed or reversal %d: %v", id, err)
		}
	}
	if _, err := Receipt(p, b, 99, Options{}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("receipt for another client's payment: %v", err)
	}
}

func TestStatementAddsUpToTheBalance(t *testing.T) {
	b := billing(t)
	p := domain.Practice{Name: "Fictional Practice"}
	d, err := Statement(p, b, "2026-02-01", "2026-02-28", Options{Paper: A4, Date: testDate})
	if err != nil {
		t.Fatal(err)
	}
	pdf := render(t, d)
	checkPDF(t, pdf)
	text := pdfText(t, pdf)
	for _, want := range []string{"Statement", "Balance before 1 February 2026", "£0.00", "Medicine session", "offered freely",
		"Reversal of the payment of 2 February 2026: Entered twice", "£950.00"} {
		if !strings.Contains(text, want) {
			t.Errorf("the statement lacks %q:\n%s", want, text)
		}
	}
	// Over the whole history the closing balance is the account's balance.
	if got := StatementFor(b.Fees, "2000-01-01", "2100-01-01"); got.Closing != b.Fees.Account.Balance || got.Opening != 0 {
		t.Errorf("closing %d, balance %d", got.Closing, b.Fees.Account.Balance)
	}
	if _, err := Statement(p, b, "2026-03-01", "2026-02-01", Options{}); err == nil {
		t.Error("a period ending before it starts was accepted")
	}
}

// TestStatementsChainOverRandomAccounts checks, over many random
// accounts, that consecutive periods chain (one's closing balance is the
// next one's opening) and the last closing is the account's balance.
func TestStatementsChainOverRandomAccounts(t *testing.T) {
	for seed := uint64(1); seed <= 200; seed++ {
		r := rand.New(rand.NewPCG(seed, 3))
		var sessions []domain.SessionAccount
		var payments []domain.Payment
		day := func() string { return "2026-0" + string(rune('1'+r.IntN(9))) + "-1" + string(rune('0'+r.IntN(10))) }
		for i := int64(1); i <= 20; i++ {
			if r.IntN(2) == 0 {
				sessions = append(sessions, domain.SessionAccount{SessionID: i, Date: day(), Fee: &domain.SessionFee{SessionID: i, Amount: int64(r.IntN(20000)), Basis: domain.FromTier}})
				continue
			}
			p := domain.Payment{ID: i, Date: day(), Amount: int64(1 + r.IntN(20000)), Method: "cash"}
			if len(payments) > 0 && r.IntN(4) == 0 {
				prev := &payments[r.IntN(len(payments))]
				if prev.Counts() {
					prev.ReversedBy = i
					p = domain.Payment{ID: i, Date: max(prev.Date, day()), Amount: prev.Amount, Reverses: prev.ID, Method: "cash"}
				}
			}
			payments = append(payments, p)
		}
		f := domain.ClientFees{Account: domain.ComputeAccount(sessions, payments)}
		a := StatementFor(f, "2026-01-01", "2026-04-30")
		c := StatementFor(f, "2026-05-01", "2026-12-31")
		if a.Closing != c.Opening || c.Closing != f.Account.Balance {
			t.Fatalf("seed %d: %d → %d, %d → %d, balance %d", seed, a.Opening, a.Closing, c.Opening, c.Closing, f.Account.Balance)
		}
	}
}
