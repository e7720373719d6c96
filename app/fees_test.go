package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tandem/backend/domain"
)

// feeClient sets up a practice in euros with two tiers and a client with a
// medicine and an integration session; it returns the client and tiers.
func feeClient(t *testing.T, s *Shell) (clientID int64, p domain.FeePolicy) {
	t.Helper()
	f := NewFees(s)
	if _, err := f.SavePolicy(domain.FeePolicy{Currency: "EUR", Reasoning: "Fictional reasoning about access.", ChoiceMode: domain.ClientChooses}); err != nil {
		t.Fatal(err)
	}
	f.SaveTier(domain.FeeTier{Name: "Community", Description: "For fictional students", Fees: domain.KindFees{Medicine: 20000, Integration: 5000}})
	p, err := f.SaveTier(domain.FeeTier{Name: "Standard", Fees: domain.KindFees{Medicine: 40000, Integration: 10000}})
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClients(s).Create(domain.Client{ChosenName: clientName, LegalName: "LEGAL-NAME-NOT-FOR-RECEIPTS"})
	if err != nil {
		t.Fatal(err)
	}
	return c.ID, p
}

func TestTheClientChoosesATierInCoCreationAndTheTherapistConfirms(t *testing.T) {
	s := newShell(t)
	f, co := NewFees(s), NewCoCreation(s)
	cid, p := feeClient(t, s)
	other, _ := NewClients(s).Create(domain.Client{ChosenName: "Another Fictional"})
	NewFees(s).ChooseTier(other.ID, p.Tiers[1].ID, "", domain.ByClient)

	if _, err := co.Enter(cid); err != nil {
		t.Fatal(err)
	}
	// Therapist-side fees are closed while the client is looking.
	if _, err := f.Overview(); err == nil {
		t.Fatal("the practice overview is reachable in co-creation mode")
	}
	if _, err := f.Client(other.ID); err == nil {
		t.Fatal("another client's fees are reachable in co-creation mode")
	}
	view, err := co.ChooseTier(p.Tiers[0].ID, "I am studying this year")
	if err != nil {
		t.Fatal(err)
	}
	if view.Pending == nil || view.Pending.By != domain.ByClient || view.Current != nil || len(view.Policy.Tiers) != 2 || view.Policy.Reasoning == "" {
		t.Fatalf("the client's view: %+v", view)
	}
	if view.ClientID != cid {
		t.Fatal("the view is of another client")
	}
	s.mu.Lock()
	s.coClient = 0 // leave co-creation (the passphrase check is tested elsewhere)
	s.mu.Unlock()

	got, err := f.ConfirmTier(view.Pending.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Current == nil || got.Current.TierName != "Community" {
		t.Fatalf("after confirming: %+v", got.Current)
	}
	// Sessions from then on take the tier's fee.
	ss := NewSessions(s)
	m, _ := ss.Add(domain.Session{ClientID: cid, Kind: domain.MedicineSession, Date: "2099-03-01", TimeZone: "Europe/Berlin", PrivateNotes: "PRIVATE-SESSION-NOTE"})
	i, _ := ss.Add(domain.Session{ClientID: cid, Kind: domain.IntegrationSession, Date: "2099-03-03", TimeZone: "Europe/Berlin"})
	got, _ = f.Client(cid)
	if got.Account.Balance != 25000 {
		t.Fatalf("balance %d", got.Account.Balance)
	}

	// A payment, suggested oldest first, and a receipt whose balance is the
	// one the screen shows.
	allocs, err := f.SuggestAllocations(cid, 22000)
	if err != nil || len(allocs) != 2 || allocs[0].SessionID != m.ID || allocs[1] != (domain.Allocation{SessionID: i.ID, Amount: 2000}) {
		t.Fatalf("suggested: %v %v", allocs, err)
	}
	got, err = f.RecordPayment(domain.NewPayment{ClientID: cid, Date: "2099-03-03", Amount: 22000, Method: "card", Allocations: allocs})
	if err != nil {
		t.Fatal(err)
	}
	pay := got.Account.Payments[0]
	if ok, err := f.PrintBilling(BillingRequest{ClientID: cid, PaymentID: pay.ID}); err != nil || !ok {
		t.Fatal(err)
	}
	text := pdfToText(t, lastOpened(t))
	wantBalance := got.Currency.Format(got.Account.Balance) + " to pay"
	for _, want := range []string{"Receipt", clientName, "€220.00", wantBalance} {
		if !strings.Contains(text, want) {
			t.Errorf("the receipt lacks %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"LEGAL-NAME-NOT-FOR-RECEIPTS", "PRIVATE-SESSION-NOTE"} {
		if strings.Contains(text, never) {
			t.Errorf("the receipt shows %q", never)
		}
	}
	// The statement over everything closes on the same balance.
	if ok, err := f.PrintBilling(BillingRequest{ClientID: cid, From: "2099-01-01", To: "2099-12-31", LegalName: true}); err != nil || !ok {
		t.Fatal(err)
	}
	text = pdfToText(t, lastOpened(t))
	if !strings.Contains(text, "Balance on 31 December 2099") || !strings.Contains(text, wantBalance) || !strings.Contains(text, "LEGAL-NAME-NOT-FOR-RECEIPTS") {
		t.Errorf("the statement:\n%s", text)
	}

	// In co-creation, the client sees their balance and nothing else's.
	co.Enter(cid)
	view, err = co.Fees()
	if err != nil || view.Account.Balance != got.Account.Balance || len(view.Account.Payments) != 1 {
		t.Fatalf("the client's view after paying: %+v %v", view.Account, err)
	}
}

func TestOverviewCSV(t *testing.T) {
	cur, _ := domain.CurrencyOf("JPY")
	o := domain.FeesOverview{Currency: cur,
		Months:      []domain.PeriodSummary{{Period: "2026-02", Income: 30000, Sessions: domain.KindCounts{Medicine: 1}, Free: 1}, {Period: "2026-01", Income: 5000}},
		Outstanding: []domain.ClientBalance{{ClientID: 1, Name: "=Fictional", Balance: 1200}}}
	b, err := OverviewCSV(o, "months")
	if err != nil {
		t.Fatal(err)
	}
	want := "month,income (JPY),preparation sessions,medicine sessions,integration sessions,other sessions,sessions offered freely,given (JPY)\n" +
		"2026-01,5000,0,0,0,0,0,0\n2026-02,30000,0,1,0,0,1,0\n"
	if string(b) != want {
		t.Errorf("months:\n%s", b)
	}
	b, _ = OverviewCSV(o, "balances")
	if string(b) != "client,balance (JPY)\n'=Fictional,1200\n" {
		t.Errorf("balances:\n%s", b)
	}
	if _, err := OverviewCSV(o, "everything"); err == nil {
		t.Error("an unknown export was accepted")
	}
}

func TestExportOverviewSavesWhereChosen(t *testing.T) {
	s := newShell(t)
	feeClient(t, s)
	answer := filepath.Join(t.TempDir(), "mine")
	var asked string
	s.dialogs = saveAnswer(func(name string) string { asked = name; return answer })
	if ok, err := NewFees(s).ExportOverview("months"); err != nil || !ok {
		t.Fatal(err)
	}
	if asked != "practice-months.csv" {
		t.Errorf("offered %q", asked)
	}
	if b, err := os.ReadFile(answer + ".csv"); err != nil || !strings.HasPrefix(string(b), "month,income (EUR)") {
		t.Fatalf("%q %v", b, err)
	}
}

func pdfToText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}
