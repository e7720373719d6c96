package domain

import (
	"math/rand/v2"
	"testing"
)

// accountModel is the simplest possible bookkeeping, kept beside the
// operations: the fees agreed and the payments that count, added up.
type accountModel struct {
	fees     map[int64]int64 // session → agreed fee
	payments map[int64]int64 // payment → amount, while it counts
}

func (m accountModel) balance() int64 {
	var b int64
	for _, f := range m.fees {
		b += f
	}
	for _, p := range m.payments {
		b -= p
	}
	return b
}

// TestBalanceIsAlwaysFeesMinusPayments runs many random sequences of
// agreeing fees, paying (allocated as suggested, partly, or not at all),
// reversing and re-allocating, and checks after every step that the
// balance equals the fees minus the payments that count, and that no
// session is paid beyond its fee.
func TestBalanceIsAlwaysFeesMinusPayments(t *testing.T) {
	for seed := uint64(1); seed <= 500; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		var sessions []SessionAccount
		var payments []Payment
		model := accountModel{fees: map[int64]int64{}, payments: map[int64]int64{}}
		nextID := int64(1)
		account := func() Account { return ComputeAccount(sessions, payments) }
		for step := 0; step < 60; step++ {
			a := account()
			switch op := r.IntN(10); {
			case op < 3: // a session, with a fee or not yet
				s := SessionAccount{SessionID: nextID, Date: "2026-01-" + string(rune('1'+r.IntN(9))) + "0", Kind: MedicineSession}
				if r.IntN(4) > 0 {
					amount := int64(r.IntN(30000))
					basis := FromTier
					if r.IntN(6) == 0 {
						amount, basis = 0, OfferedFree
					}
					s.Fee = &SessionFee{SessionID: nextID, Amount: amount, Basis: basis}
					model.fees[nextID] = amount
				}
				sessions = append(sessions, s)
				nextID++
			case op < 7: // a payment
				amount := int64(1 + r.IntN(40000))
				var allocs []Allocation
				switch r.IntN(3) {
				case 0:
					allocs = SuggestAllocations(a, amount)
				case 1:
					if s := SuggestAllocations(a, amount); len(s) > 0 {
						s[0].Amount = 1 + s[0].Amount/2
						allocs = s[:1]
					}
				}
				if err := CheckAllocations(a, amount, allocs); err != nil {
					t.Fatalf("seed %d step %d: suggested allocations refused: %v", seed, step, err)
				}
				payments = append(payments, Payment{ID: nextID, Amount: amount, Allocations: allocs})
				model.payments[nextID] = amount
				nextID++
			case op < 9: // a reversal of a payment that counts
				var counting []int
				for i, p := range payments {
					if p.Counts() {
						counting = append(counting, i)
					}
				}
				if len(counting) == 0 {
					continue
				}
				i := counting[r.IntN(len(counting))]
				payments[i].ReversedBy = nextID
				payments = append(payments, Payment{ID: nextID, Amount: payments[i].Amount, Reverses: payments[i].ID})
				delete(model.payments, payments[i].ID)
				nextID++
			default: // an over-allocation is always refused
				for _, s := range a.Sessions {
					if s.Fee != nil {
						bad := []Allocation{{SessionID: s.SessionID, Amount: s.Outstanding + 1}}
						if CheckAllocations(a, s.Outstanding+1, bad) == nil {
							t.Fatalf("seed %d: allocation beyond the outstanding fee accepted", seed)
						}
						break
					}
				}
			}
			a = account()
			if a.Balance != model.balance() || a.Balance != a.Fees-a.Paid {
				t.Fatalf("seed %d step %d: balance %d, fees %d, paid %d, model %d", seed, step, a.Balance, a.Fees, a.Paid, model.balance())
			}
			if a.Unallocated < 0 {
				t.Fatalf("seed %d step %d: unallocated %d", seed, step, a.Unallocated)
			}
			for _, s := range a.Sessions {
				if s.Fee != nil && (s.Paid > s.Fee.Amount || s.Outstanding != s.Fee.Amount-s.Paid) {
					t.Fatalf("seed %d step %d: session %+v", seed, step, s)
				}
			}
		}
	}
}

func TestAllocationRules(t *testing.T) {
	fee := func(id, amount int64) SessionAccount {
		return SessionAccount{SessionID: id, Date: "2026-0" + string(rune('0'+id)) + "-01", Fee: &SessionFee{SessionID: id, Amount: amount, Basis: FromTier}}
	}
	a := ComputeAccount([]SessionAccount{fee(1, 10000), fee(2, 8000), {SessionID: 3, Date: "2026-03-01"}}, nil)
	cases := []struct {
		name   string
		amount int64
		allocs []Allocation
		ok     bool
	}{
		{"all of both", 18000, []Allocation{{1, 10000}, {2, 8000}}, true},
		{"part, the rest in credit", 20000, []Allocation{{1, 5000}}, true},
		{"more than the payment", 9000, []Allocation{{1, 10000}}, false},
		{"more than the fee", 20000, []Allocation{{1, 10001}}, false},
		{"a session without a fee", 5000, []Allocation{{3, 5000}}, false},
		{"someone else's session", 5000, []Allocation{{99, 5000}}, false},
		{"the same session twice", 5000, []Allocation{{1, 1000}, {1, 1000}}, false},
		{"a zero amount", 5000, []Allocation{{1, 0}}, false},
	}
	for _, c := range cases {
		if err := CheckAllocations(a, c.amount, c.allocs); (err == nil) != c.ok {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	got := SuggestAllocations(a, 12000)
	if len(got) != 2 || got[0] != (Allocation{1, 10000}) || got[1] != (Allocation{2, 2000}) {
		t.Errorf("oldest first: %v", got)
	}
}

func TestAReversedPaymentNoLongerPays(t *testing.T) {
	s := []SessionAccount{{SessionID: 1, Date: "2026-01-01", Fee: &SessionFee{SessionID: 1, Amount: 10000, Basis: FromTier}}}
	paid := Payment{ID: 1, Amount: 10000, Allocations: []Allocation{{1, 10000}}}
	if a := ComputeAccount(s, []Payment{paid}); a.Balance != 0 || a.Sessions[0].Outstanding != 0 {
		t.Fatalf("%+v", a)
	}
	paid.ReversedBy = 2
	a := ComputeAccount(s, []Payment{paid, {ID: 2, Amount: 10000, Reverses: 1}})
	if a.Balance != 10000 || a.Paid != 0 || a.Sessions[0].Outstanding != 10000 || len(a.Payments) != 2 {
		t.Fatalf("after the reversal: %+v", a)
	}
}

func TestReciprocityYearKept(t *testing.T) {
	cs := []Commitment{
		{ID: 1, Kind: FreeSessions, EveryN: 10, Since: "2020-01-01"},
		{ID: 2, Kind: ShareOfFees, BasisPoints: 500, Organisation: "Fictional Land Trust", Since: "2020-01-01"},
		{ID: 3, Kind: FreeSessions, EveryN: 5, Since: "2027-01-01"}, // not yet in force
		{ID: 4, Kind: OtherCommitment, Description: "Teach one free workshop", Since: "2020-01-01"},
	}
	y := ReciprocityYear{Year: "2026", Sessions: 95, Free: 9, Income: 1000000}
	y.Kept(cs, map[int64]int64{2: 50000})
	if len(y.Commitments) != 2 {
		t.Fatalf("%+v", y.Commitments)
	}
	if c := y.Commitments[0]; c.Expected != 9 || c.Done != 9 || !c.Kept {
		t.Errorf("free sessions: %+v", c)
	}
	if c := y.Commitments[1]; c.Expected != 50000 || c.Done != 50000 || !c.Kept {
		t.Errorf("share of fees: %+v", c)
	}
	y.Kept(cs, map[int64]int64{2: 49999})
	if y.Commitments[1].Kept {
		t.Error("short of the share, but kept")
	}
}

func TestSessionFeeValidation(t *testing.T) {
	f := SessionFee{Basis: Adjusted, Amount: 5000}
	if f.Validate() == nil {
		t.Error("an adjusted fee without a note was accepted")
	}
	f = SessionFee{Basis: OfferedFree, Amount: 5000}
	if err := f.Validate(); err != nil || f.Amount != 0 {
		t.Errorf("free: %v %d", err, f.Amount)
	}
	c := Commitment{Kind: FreeSessions, Description: "One in ten", Since: "2026-01-01", EveryN: 1}
	if c.Validate() == nil {
		t.Error("one in one accepted")
	}
}
