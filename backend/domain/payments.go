package domain

import "sort"

// PaymentMethod is how a payment was made.
type PaymentMethod string

// PaymentMethods in the order a form offers them.
var PaymentMethods = []PaymentMethod{"cash", "card", "bank_transfer", "cheque", "mobile", "other"}

// Valid reports whether m is a known method.
func (m PaymentMethod) Valid() bool {
	for _, k := range PaymentMethods {
		if m == k {
			return true
		}
	}
	return false
}

// Allocation is the part of a payment that pays one session's fee.
type Allocation struct {
	SessionID int64 `json:"sessionId" vis:"shared"`
	Amount    int64 `json:"amount" vis:"shared"`
}

// Payment is money received from a client, or the reversal of an earlier
// payment recorded by mistake: a reversal has Reverses set, the same
// amount, and cancels the payment and its allocations while both entries
// stay in the record.
type Payment struct {
	ID          int64         `json:"id" vis:"shared"`
	ClientID    int64         `json:"clientId" vis:"shared"`
	Date        string        `json:"date" vis:"shared"`
	Amount      int64         `json:"amount" vis:"shared"`
	Method      PaymentMethod `json:"method" vis:"shared"`
	Note        string        `json:"note" vis:"shared"`
	Reverses    int64         `json:"reverses" vis:"shared"`
	ReversedBy  int64         `json:"reversedBy" vis:"shared"`
	Allocations []Allocation  `json:"allocations" vis:"shared"`
	Created     string        `json:"created" vis:"shared"`
}

// Counts reports whether the payment counts towards what was paid: it is
// neither a reversal nor reversed.
func (p Payment) Counts() bool { return p.Reverses == 0 && p.ReversedBy == 0 }

// NewPayment is a payment as recorded: its allocations must not exceed its
// amount nor any session's outstanding fee.
type NewPayment struct {
	ClientID    int64         `json:"clientId"`
	Date        string        `json:"date"`
	Amount      int64         `json:"amount"`
	Method      PaymentMethod `json:"method"`
	Note        string        `json:"note"`
	Allocations []Allocation  `json:"allocations"`
}

// Validate normalises p in place (not its allocations against the account).
func (p *NewPayment) Validate() error {
	var err error
	if p.Date, err = ParseDate("date", "The payment's date", p.Date, true); err != nil {
		return err
	}
	if err := CheckAmount("amount", "The amount", p.Amount); err != nil {
		return err
	}
	if !p.Method.Valid() {
		return FieldError("method", "Choose how the payment was made.")
	}
	p.Note, err = CleanText("note", "The note", p.Note, MaxLineText*2, false)
	return err
}

// SessionAccount is one session as the client's account sees it: its fee
// (nil before one was agreed), what has been allocated to it, and what is
// outstanding.
type SessionAccount struct {
	SessionID   int64       `json:"sessionId" vis:"shared"`
	Date        string      `json:"date" vis:"shared"`
	Kind        SessionKind `json:"kind" vis:"shared"`
	Fee         *SessionFee `json:"fee" vis:"shared"`
	Paid        int64       `json:"paid" vis:"shared"`
	Outstanding int64       `json:"outstanding" vis:"shared"`
}

// Account is a client's fees and payments, computed by ComputeAccount:
// Balance = Fees − Paid, positive when the client owes, negative when the
// client is in credit; Unallocated is what was paid but not yet allocated
// to a session.
type Account struct {
	Sessions    []SessionAccount `json:"sessions" vis:"shared"`
	Payments    []Payment        `json:"payments" vis:"shared"`
	Fees        int64            `json:"fees" vis:"shared"`
	Paid        int64            `json:"paid" vis:"shared"`
	Balance     int64            `json:"balance" vis:"shared"`
	Unallocated int64            `json:"unallocated" vis:"shared"`
}

// ComputeAccount adds up a client's sessions (with their fees) and
// payments. Only payments that count (neither reversals nor reversed) and
// their allocations are counted. Sessions come back oldest first.
func ComputeAccount(sessions []SessionAccount, payments []Payment) Account {
	a := Account{Sessions: append([]SessionAccount(nil), sessions...), Payments: payments}
	sort.SliceStable(a.Sessions, func(i, j int) bool { return a.Sessions[i].Date < a.Sessions[j].Date })
	index := map[int64]int{}
	for i := range a.Sessions {
		s := &a.Sessions[i]
		s.Paid, s.Outstanding = 0, 0
		index[s.SessionID] = i
		if s.Fee != nil {
			a.Fees += s.Fee.Amount
		}
	}
	allocated := int64(0)
	for _, p := range payments {
		if !p.Counts() {
			continue
		}
		a.Paid += p.Amount
		for _, al := range p.Allocations {
			allocated += al.Amount
			if i, ok := index[al.SessionID]; ok {
				a.Sessions[i].Paid += al.Amount
			}
		}
	}
	for i := range a.Sessions {
		s := &a.Sessions[i]
		if s.Fee != nil {
			s.Outstanding = s.Fee.Amount - s.Paid
		}
	}
	a.Balance = a.Fees - a.Paid
	a.Unallocated = a.Paid - allocated
	return a
}

// CheckAllocations refuses allocations that do not fit the account: each
// must name one of the client's sessions with an agreed fee, be positive,
// not exceed what is outstanding on the session, name each session once,
// and all together not exceed amount.
func CheckAllocations(a Account, amount int64, allocs []Allocation) error {
	outstanding := map[int64]int64{}
	for _, s := range a.Sessions {
		if s.Fee != nil {
			outstanding[s.SessionID] = s.Outstanding
		}
	}
	seen := map[int64]bool{}
	total := int64(0)
	for _, al := range allocs {
		out, ok := outstanding[al.SessionID]
		if !ok {
			return FieldError("allocations", "A payment can only go towards this client's sessions that have an agreed fee.")
		}
		if seen[al.SessionID] {
			return FieldError("allocations", "Each session can appear only once in a payment.")
		}
		seen[al.SessionID] = true
		if al.Amount <= 0 {
			return FieldError("allocations", "Each amount towards a session must be more than zero.")
		}
		if al.Amount > out {
			return FieldError("allocations", "An amount towards a session is more than what is outstanding on it.")
		}
		total += al.Amount
	}
	if total > amount {
		return FieldError("allocations", "Together, the amounts towards sessions are more than the payment.")
	}
	return nil
}

// SuggestAllocations proposes how a payment of amount pays the client's
// sessions: the oldest outstanding fee first, as far as it goes.
func SuggestAllocations(a Account, amount int64) []Allocation {
	var out []Allocation
	for _, s := range a.Sessions {
		if amount <= 0 {
			break
		}
		if s.Fee == nil || s.Outstanding <= 0 {
			continue
		}
		part := min(s.Outstanding, amount)
		out = append(out, Allocation{SessionID: s.SessionID, Amount: part})
		amount -= part
	}
	return out
}

// ClientFees is everything about one client's fees: the practice's policy
// (so the tiers can be shown with their descriptions), the client's tier
// choices (newest first), the tier in force and a choice waiting for
// confirmation, and the account.
type ClientFees struct {
	ClientID int64        `json:"clientId" vis:"shared"`
	Currency Currency     `json:"currency" vis:"shared"`
	Policy   FeePolicy    `json:"policy" vis:"shared"`
	Choices  []TierChoice `json:"choices" vis:"shared"`
	Current  *TierChoice  `json:"current" vis:"shared"`
	Pending  *TierChoice  `json:"pending" vis:"shared"`
	Account  Account      `json:"account" vis:"shared"`
}
