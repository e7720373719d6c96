package storage

import (
	"context"
	"math/rand/v2"
	"testing"

	"tandem/backend/domain"
)

// feePractice sets up a USD policy with two tiers and returns it.
func feePractice(t *testing.T, db *DB) domain.FeePolicy {
	t.Helper()
	ctx := context.Background()
	if _, err := db.SaveFeePolicy(ctx, domain.FeePolicy{Currency: "USD", Reasoning: "Fictional reasoning.", ChoiceMode: domain.ClientChooses}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveTier(ctx, domain.FeeTier{Name: "Supported", Description: "For fictional people with less", Fees: domain.KindFees{Preparation: 6000, Medicine: 30000, Integration: 6000, Other: 6000}}); err != nil {
		t.Fatal(err)
	}
	p, err := db.SaveTier(ctx, domain.FeeTier{Name: "Sustaining", Fees: domain.KindFees{Preparation: 12000, Medicine: 60000, Integration: 12000, Other: 12000}})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Tiers) != 2 || p.Tiers[0].Position >= p.Tiers[1].Position {
		t.Fatalf("tiers: %+v", p.Tiers)
	}
	return p
}

func TestTierChoiceFeesPaymentsAndReversal(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	p := feePractice(t, db)
	c := mustClient(t, db, "Wren Fictional")
	before := mustSession(t, db, c.ID, domain.PreparationSession, "2026-01-05")

	// The client chooses in co-creation: nothing applies until confirmed.
	f, err := db.ChooseTier(ctx, c.ID, p.Tiers[0].ID, "What I can manage this year", domain.ByClient, false)
	if err != nil {
		t.Fatal(err)
	}
	if f.Current != nil || f.Pending == nil || f.Pending.TierName != "Supported" || f.Pending.Reason != "What I can manage this year" {
		t.Fatalf("pending choice: %+v %+v", f.Current, f.Pending)
	}
	if lastHistory(t, db, c.ID).Actor != domain.ByClient {
		t.Error("the client's choice is not recorded as theirs")
	}
	if f, err = db.ConfirmTier(ctx, f.Pending.ID); err != nil {
		t.Fatal(err)
	}
	if f.Current == nil || f.Pending != nil || f.Current.ConfirmedOn == "" {
		t.Fatalf("after confirming: %+v %+v", f.Current, f.Pending)
	}
	// A session from before the choice keeps no fee; new ones get the tier's.
	if s, _ := findSession(f.Account, before.ID); s.Fee != nil {
		t.Errorf("a session before the choice was given a fee: %+v", s.Fee)
	}
	med := mustSession(t, db, c.ID, domain.MedicineSession, "2026-02-01")
	integ := mustSession(t, db, c.ID, domain.IntegrationSession, "2026-02-03")
	if f, err = db.ClientFees(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if s, _ := findSession(f.Account, med.ID); s.Fee == nil || s.Fee.Amount != 30000 || s.Fee.Basis != domain.FromTier {
		t.Fatalf("medicine session fee: %+v", s.Fee)
	}
	if f.Account.Balance != 36000 {
		t.Fatalf("balance %d", f.Account.Balance)
	}
	// A later change of the tier's fee leaves agreed fees as they were.
	tier := p.Tiers[0]
	tier.Fees.Medicine = 99900
	if _, err := db.SaveTier(ctx, tier); err != nil {
		t.Fatal(err)
	}
	if f, _ = db.ClientFees(ctx, c.ID); f.Account.Fees != 36000 {
		t.Fatalf("agreed fees moved with the tier: %d", f.Account.Fees)
	}

	// Pay the medicine session and part of the integration session.
	f, err = db.RecordPayment(ctx, domain.NewPayment{ClientID: c.ID, Date: "2026-02-03", Amount: 33000, Method: "bank_transfer",
		Allocations: []domain.Allocation{{SessionID: med.ID, Amount: 30000}, {SessionID: integ.ID, Amount: 3000}}})
	if err != nil {
		t.Fatal(err)
	}
	if f.Account.Balance != 3000 || f.Account.Unallocated != 0 {
		t.Fatalf("after paying: balance %d, unallocated %d", f.Account.Balance, f.Account.Unallocated)
	}
	// Over-allocating is refused, and changes nothing.
	if _, err := db.RecordPayment(ctx, domain.NewPayment{ClientID: c.ID, Date: "2026-02-04", Amount: 5000, Method: "cash",
		Allocations: []domain.Allocation{{SessionID: integ.ID, Amount: 5000}}}); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("over-allocation: %v", err)
	}
	// A mistaken payment, then its reversal: both stay, neither counts.
	f, err = db.RecordPayment(ctx, domain.NewPayment{ClientID: c.ID, Date: "2026-02-05", Amount: 3000, Method: "card",
		Allocations: []domain.Allocation{{SessionID: integ.ID, Amount: 3000}}})
	if err != nil {
		t.Fatal(err)
	}
	mistaken := f.Account.Payments[len(f.Account.Payments)-1]
	if f.Account.Balance != 0 {
		t.Fatalf("balance %d", f.Account.Balance)
	}
	if _, err := db.ReversePayment(ctx, mistaken.ID, "2026-02-06", ""); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("a reversal without a reason: %v", err)
	}
	if f, err = db.ReversePayment(ctx, mistaken.ID, "2026-02-06", "Recorded twice by mistake"); err != nil {
		t.Fatal(err)
	}
	if f.Account.Balance != 3000 || len(f.Account.Payments) != 3 {
		t.Fatalf("after the reversal: balance %d, %d entries", f.Account.Balance, len(f.Account.Payments))
	}
	if _, err := db.ReversePayment(ctx, mistaken.ID, "2026-02-07", "Again"); err == nil {
		t.Fatal("a payment was reversed twice")
	}
	// Lowering a fee below what is paid is refused; offering freely works
	// for an unpaid session.
	if _, err := db.SetSessionFee(ctx, domain.SessionFee{SessionID: med.ID, Basis: domain.Adjusted, Amount: 100, Note: "Agreed lower"}); err == nil {
		t.Fatal("a fee was lowered below what was paid")
	}
	if f, err = db.SetSessionFee(ctx, domain.SessionFee{SessionID: before.ID, Basis: domain.OfferedFree}); err != nil {
		t.Fatal(err)
	}
	if s, _ := findSession(f.Account, before.ID); s.Fee == nil || s.Fee.Basis != domain.OfferedFree || s.Fee.Amount != 0 {
		t.Fatalf("free session: %+v", s.Fee)
	}
	// The overview agrees with the account.
	o, err := db.FeesOverview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Outstanding) != 1 || o.Outstanding[0].Balance != f.Account.Balance || o.Outstanding[0].Name != "Wren Fictional" {
		t.Fatalf("outstanding: %+v", o.Outstanding)
	}
	if len(o.Years) != 1 || o.Years[0].Income != 33000 || o.Years[0].Free != 1 || o.Years[0].Sessions.Total() != 3 {
		t.Fatalf("year: %+v", o.Years)
	}
	// The currency cannot change under recorded money.
	if _, err := db.SaveFeePolicy(ctx, domain.FeePolicy{Currency: "EUR", ChoiceMode: domain.ClientChooses}); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("currency changed under payments: %v", err)
	}
}

func TestRetiredTiersCannotBeChosen(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	p := feePractice(t, db)
	c := mustClient(t, db, "Ash Fictional")
	if _, err := db.RetireTier(ctx, p.Tiers[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ChooseTier(ctx, c.ID, p.Tiers[1].ID, "", domain.ByClient, true); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("a retired tier was chosen: %v", err)
	}
	if _, err := db.ChooseTier(ctx, c.ID, p.Tiers[0].ID, "", domain.ByTherapist, true); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("the therapist chose alone: %v", err)
	}
}

// TestRandomSequencesKeepTheBalance drives the real vault through random
// sequences of sessions, payments, re-allocations and reversals, and checks
// after each that the balance the account shows equals the fees agreed
// minus the payments that count, added up independently in SQL, and that
// the overview shows the same balance.
func TestRandomSequencesKeepTheBalance(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	p := feePractice(t, db)
	for seed := uint64(1); seed <= 6; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		c := mustClient(t, db, "Random Fictional")
		if _, err := db.ChooseTier(ctx, c.ID, p.Tiers[r.IntN(2)].ID, "", domain.ByTogether, true); err != nil {
			t.Fatal(err)
		}
		kinds := []domain.SessionKind{domain.PreparationSession, domain.MedicineSession, domain.IntegrationSession, domain.OtherSession}
		for step := 0; step < 25; step++ {
			f, err := db.ClientFees(ctx, c.ID)
			if err != nil {
				t.Fatal(err)
			}
			switch op := r.IntN(8); {
			case op < 3:
				mustSession(t, db, c.ID, kinds[r.IntN(4)], "2025-0"+string(rune('1'+r.IntN(9)))+"-1"+string(rune('0'+r.IntN(9))))
			case op < 6:
				amount := int64(1000 + r.IntN(50000))
				_, err = db.RecordPayment(ctx, domain.NewPayment{ClientID: c.ID, Date: "2025-10-01", Amount: amount, Method: "cash",
					Allocations: domain.SuggestAllocations(f.Account, amount)})
			case op < 7:
				for _, pay := range f.Account.Payments {
					if pay.Counts() {
						_, err = db.ReversePayment(ctx, pay.ID, "2025-10-02", "A fictional mistake")
						break
					}
				}
			default:
				for _, pay := range f.Account.Payments {
					if pay.Counts() {
						_, err = db.AllocatePayment(ctx, pay.ID, nil)
						break
					}
				}
			}
			if err != nil {
				t.Fatalf("seed %d step %d: %v", seed, step, err)
			}
			if f, err = db.ClientFees(ctx, c.ID); err != nil {
				t.Fatal(err)
			}
			var fees, paid int64
			db.sql.QueryRow(`SELECT coalesce(sum(f.amount), 0) FROM session_fees f JOIN sessions s ON s.id = f.session_id WHERE s.client_id = ?`, c.ID).Scan(&fees)
			db.sql.QueryRow(`SELECT coalesce(sum(CASE WHEN reverses IS NULL THEN amount ELSE -amount END), 0) FROM payments WHERE client_id = ?`, c.ID).Scan(&paid)
			if f.Account.Balance != fees-paid {
				t.Fatalf("seed %d step %d: balance %d, fees %d − payments %d", seed, step, f.Account.Balance, fees, paid)
			}
		}
	}
	o, err := db.FeesOverview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range o.Outstanding {
		f, _ := db.ClientFees(ctx, b.ClientID)
		if f.Account.Balance != b.Balance {
			t.Errorf("client %d: overview %d, account %d", b.ClientID, b.Balance, f.Account.Balance)
		}
	}
}

func TestReciprocityCountsFreeSessionsAndGifts(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	feePractice(t, db)
	c := mustClient(t, db, "Juniper Fictional")
	one, err := db.SaveCommitment(ctx, domain.Commitment{Kind: domain.FreeSessions, Description: "One session in two offered freely", EveryN: 2, Since: "2026-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	share, err := db.SaveCommitment(ctx, domain.Commitment{Kind: domain.ShareOfFees, Description: "A share of fees", Organisation: "Fictional Seed Fund", BasisPoints: 1000, Since: "2026-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	s1 := mustSession(t, db, c.ID, domain.IntegrationSession, "2026-03-01")
	mustSession(t, db, c.ID, domain.IntegrationSession, "2026-03-08")
	if _, err := db.SetSessionFee(ctx, domain.SessionFee{SessionID: s1.ID, Basis: domain.OfferedFree}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RecordPayment(ctx, domain.NewPayment{ClientID: c.ID, Date: "2026-03-08", Amount: 20000, Method: "cash"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddGift(ctx, domain.Gift{Date: "2026-04-01", Amount: 2000, Organisation: "fictional seed fund"}); err != nil {
		t.Fatal(err)
	}
	o, err := db.FeesOverview(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Reciprocity) != 1 {
		t.Fatalf("%+v", o.Reciprocity)
	}
	y := o.Reciprocity[0]
	if y.Sessions != 2 || y.Free != 1 || y.Given != 2000 || len(y.Commitments) != 2 {
		t.Fatalf("year: %+v", y)
	}
	for _, cy := range y.Commitments {
		switch cy.CommitmentID {
		case one.ID:
			if cy.Expected != 1 || cy.Done != 1 || !cy.Kept {
				t.Errorf("free sessions: %+v", cy)
			}
		case share.ID:
			if cy.Expected != 2000 || cy.Done != 2000 || !cy.Kept {
				t.Errorf("share: %+v", cy)
			}
		}
	}
}
