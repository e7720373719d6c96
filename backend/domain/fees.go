package domain

import "sort"

// Fees are part of the relationship, openly agreed: the practice publishes
// a sliding scale with the reasoning behind it, the client chooses their
// tier (or the two agree it together), each session's fee is agreed from
// the tier or adjusted with a note, and payments are recorded and never
// silently edited: a mistaken payment is corrected by a reversal that keeps
// both entries.

// ChoiceMode says who chooses a client's tier.
type ChoiceMode string

const (
	// ClientChooses: the client chooses their tier themselves (the default).
	ClientChooses ChoiceMode = "client"
	// ChosenTogether: client and therapist agree the tier together.
	ChosenTogether ChoiceMode = "together"
)

// Valid reports whether m is a known choice mode.
func (m ChoiceMode) Valid() bool { return m == ClientChooses || m == ChosenTogether }

// FeePolicy is the practice's sliding scale: the currency every amount is
// in, the reasoning behind the scale in the therapist's words, who chooses
// a client's tier, and the tiers, in order. Retired tiers stay (choices
// made in them keep their meaning) but are offered no more.
type FeePolicy struct {
	Currency   string     `json:"currency" vis:"shared"`
	Reasoning  string     `json:"reasoning" vis:"shared"`
	ChoiceMode ChoiceMode `json:"choiceMode" vis:"shared"`
	Tiers      []FeeTier  `json:"tiers" vis:"shared"`
}

// Validate normalises p's own fields (not its tiers) in place.
func (p *FeePolicy) Validate() error {
	if p.Currency == "" {
		p.Currency = DefaultCurrency
	}
	if _, ok := CurrencyOf(p.Currency); !ok {
		return FieldError("currency", "Choose one of the currencies in the list.")
	}
	if p.ChoiceMode == "" {
		p.ChoiceMode = ClientChooses
	}
	if !p.ChoiceMode.Valid() {
		return FieldError("choiceMode", "Say whether clients choose their tier themselves or you agree it together.")
	}
	var err error
	p.Reasoning, err = CleanText("reasoning", "The reasoning behind your scale", p.Reasoning, MaxLongText, false)
	return err
}

// KindFees are a tier's fee for each kind of session, in minor units. A
// zero fee means the tier asks nothing for that kind.
type KindFees struct {
	Preparation int64 `json:"preparation" vis:"shared"`
	Medicine    int64 `json:"medicine" vis:"shared"`
	Integration int64 `json:"integration" vis:"shared"`
	Other       int64 `json:"other" vis:"shared"`
}

// For returns the fee for one kind of session.
func (f KindFees) For(k SessionKind) int64 {
	switch k {
	case PreparationSession:
		return f.Preparation
	case MedicineSession:
		return f.Medicine
	case IntegrationSession:
		return f.Integration
	}
	return f.Other
}

// FeeTier is one step of the sliding scale: its name, the fee per kind of
// session, and in plain words who it is for.
type FeeTier struct {
	ID          int64    `json:"id" vis:"shared"`
	Name        string   `json:"name" vis:"shared"`
	Description string   `json:"description" vis:"shared"`
	Fees        KindFees `json:"fees" vis:"shared"`
	Position    int      `json:"position" vis:"shared"`
	Retired     bool     `json:"retired" vis:"shared"`
}

// Validate normalises t in place.
func (t *FeeTier) Validate() error {
	var err error
	if t.Name, err = CleanLine("name", "The tier's name", t.Name, MaxShortText, true); err != nil {
		return err
	}
	if t.Description, err = CleanText("description", "Who this tier is for", t.Description, MaxLongText, false); err != nil {
		return err
	}
	for _, f := range []struct {
		field string
		v     int64
	}{{"fees.preparation", t.Fees.Preparation}, {"fees.medicine", t.Fees.Medicine}, {"fees.integration", t.Fees.Integration}, {"fees.other", t.Fees.Other}} {
		if f.v < 0 || f.v > MaxAmount {
			return FieldError(f.field, "A fee cannot be negative or larger than Tandem can record.")
		}
	}
	return nil
}

// TierChoice is a client's choice of tier: when, by whom (the client, or
// the two together), why in the client's own words if they wish, and when
// the therapist confirmed it. A choice the client makes in co-creation mode
// waits for the therapist's confirmation; until then the earlier tier holds.
type TierChoice struct {
	ID          int64  `json:"id" vis:"shared"`
	ClientID    int64  `json:"clientId" vis:"shared"`
	TierID      int64  `json:"tierId" vis:"shared"`
	TierName    string `json:"tierName" vis:"shared"`
	ChosenOn    string `json:"chosenOn" vis:"shared"`
	By          Actor  `json:"by" vis:"shared"`
	Reason      string `json:"reason" vis:"shared"`
	ConfirmedOn string `json:"confirmedOn" vis:"shared"`
}

// FeeBasis is how a session's fee was agreed.
type FeeBasis string

const (
	FromTier    FeeBasis = "tier"     // the client's tier's fee for the kind of session
	Adjusted    FeeBasis = "adjusted" // a different amount, agreed, with a note
	OfferedFree FeeBasis = "free"     // offered at no cost (reciprocity)
)

// Valid reports whether b is a known basis.
func (b FeeBasis) Valid() bool { return b == FromTier || b == Adjusted || b == OfferedFree }

// SessionFee is the fee agreed for one session. A session offered freely
// has amount 0.
type SessionFee struct {
	SessionID int64    `json:"sessionId" vis:"shared"`
	Amount    int64    `json:"amount" vis:"shared"`
	Basis     FeeBasis `json:"basis" vis:"shared"`
	TierID    int64    `json:"tierId" vis:"shared"`
	Note      string   `json:"note" vis:"shared"`
	AgreedOn  string   `json:"agreedOn" vis:"shared"`
}

// Validate normalises f in place.
func (f *SessionFee) Validate() error {
	if !f.Basis.Valid() {
		return FieldError("basis", "Say whether the fee is the tier's, adjusted, or offered freely.")
	}
	var err error
	if f.Note, err = CleanText("note", "The note", f.Note, MaxLineText*2, false); err != nil {
		return err
	}
	switch f.Basis {
	case OfferedFree:
		f.Amount = 0
	case Adjusted:
		if f.Note == "" {
			return FieldError("note", "Write a word about what was agreed, so the adjustment is understood later.")
		}
		if f.Amount < 0 || f.Amount > MaxAmount {
			return FieldError("amount", "A fee cannot be negative or larger than Tandem can record.")
		}
	case FromTier:
		if f.Amount < 0 || f.Amount > MaxAmount {
			return FieldError("amount", "A fee cannot be negative or larger than Tandem can record.")
		}
	}
	return nil
}

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

// CommitmentKind is the shape of a reciprocity commitment.
type CommitmentKind string

const (
	// FreeSessions: one session in EveryN is offered at no cost.
	FreeSessions CommitmentKind = "free_sessions"
	// ShareOfFees: a share of fees received (Percent, in hundredths of a
	// percent) goes to Organisation.
	ShareOfFees CommitmentKind = "share_of_fees"
	// OtherCommitment: anything else, in the therapist's words.
	OtherCommitment CommitmentKind = "other"
)

// Commitment is one of the practice's reciprocity commitments, in force
// from Since until Until (empty while it holds).
type Commitment struct {
	ID           int64          `json:"id"`
	Kind         CommitmentKind `json:"kind"`
	Description  string         `json:"description"`
	Organisation string         `json:"organisation"`
	EveryN       int            `json:"everyN"`
	// BasisPoints is the share of fees, in hundredths of a percent (500 = 5%).
	BasisPoints int    `json:"basisPoints"`
	Since       string `json:"since"`
	Until       string `json:"until"`
}

// Validate normalises c in place.
func (c *Commitment) Validate() error {
	var err error
	if c.Description, err = CleanText("description", "The commitment in your words", c.Description, MaxLineText*2, true); err != nil {
		return err
	}
	if c.Organisation, err = CleanLine("organisation", "The organisation", c.Organisation, MaxShortText, false); err != nil {
		return err
	}
	if c.Since, err = ParseDate("since", "The date it starts", c.Since, true); err != nil {
		return err
	}
	if c.Until, err = ParseDate("until", "The date it ends", c.Until, false); err != nil {
		return err
	}
	if c.Until != "" && c.Until < c.Since {
		return FieldError("until", "A commitment cannot end before it starts.")
	}
	switch c.Kind {
	case FreeSessions:
		c.BasisPoints = 0
		if c.EveryN < 2 || c.EveryN > 1000 {
			return FieldError("everyN", "Say one session in how many is offered freely (a number from 2 to 1000).")
		}
	case ShareOfFees:
		c.EveryN = 0
		if c.BasisPoints <= 0 || c.BasisPoints > 10000 {
			return FieldError("basisPoints", "The share must be more than 0% and at most 100%.")
		}
	case OtherCommitment:
		c.EveryN, c.BasisPoints = 0, 0
	default:
		return FieldError("kind", "Choose the kind of commitment.")
	}
	return nil
}

// Gift is money given under a reciprocity commitment.
type Gift struct {
	ID           int64  `json:"id"`
	Date         string `json:"date"`
	Amount       int64  `json:"amount"`
	Organisation string `json:"organisation"`
	Note         string `json:"note"`
	CommitmentID int64  `json:"commitmentId"`
}

// Validate normalises g in place.
func (g *Gift) Validate() error {
	var err error
	if g.Date, err = ParseDate("date", "The date", g.Date, true); err != nil {
		return err
	}
	if err := CheckAmount("amount", "The amount", g.Amount); err != nil {
		return err
	}
	if g.Organisation, err = CleanLine("organisation", "Who received it", g.Organisation, MaxShortText, true); err != nil {
		return err
	}
	g.Note, err = CleanText("note", "The note", g.Note, MaxLineText*2, false)
	return err
}

// KindCounts count sessions by kind.
type KindCounts struct {
	Preparation int `json:"preparation"`
	Medicine    int `json:"medicine"`
	Integration int `json:"integration"`
	Other       int `json:"other"`
}

// Add counts one session of kind k.
func (c *KindCounts) Add(k SessionKind, n int) {
	switch k {
	case PreparationSession:
		c.Preparation += n
	case MedicineSession:
		c.Medicine += n
	case IntegrationSession:
		c.Integration += n
	default:
		c.Other += n
	}
}

// Total is the number of sessions of every kind.
func (c KindCounts) Total() int { return c.Preparation + c.Medicine + c.Integration + c.Other }

// PeriodSummary is one month ("2026-03") or year ("2026") of the practice:
// income received (payments that count, by their date), sessions held by
// kind, sessions offered freely and money given.
type PeriodSummary struct {
	Period   string     `json:"period"`
	Income   int64      `json:"income"`
	Sessions KindCounts `json:"sessions"`
	Free     int        `json:"free"`
	Given    int64      `json:"given"`
}

// CommitmentYear is how one commitment was kept in one year: what it asked
// (free sessions expected, or amount expected) against what was done.
type CommitmentYear struct {
	CommitmentID int64 `json:"commitmentId"`
	Expected     int64 `json:"expected"`
	Done         int64 `json:"done"`
	Kept         bool  `json:"kept"`
}

// ReciprocityYear is a year's reciprocity: sessions held and offered
// freely, income and gifts, and each commitment in force that year.
type ReciprocityYear struct {
	Year        string           `json:"year"`
	Sessions    int              `json:"sessions"`
	Free        int              `json:"free"`
	Income      int64            `json:"income"`
	Given       int64            `json:"given"`
	Commitments []CommitmentYear `json:"commitments"`
}

// Kept works out how each commitment in force during the year was kept.
// A free-sessions commitment of one in N expects sessions/N (rounded down)
// sessions offered freely; a share of fees expects that share of the year's
// income, given (gifts linked to the commitment count, or, when none is
// linked, gifts to its organisation).
func (y *ReciprocityYear) Kept(cs []Commitment, givenTo map[int64]int64) {
	y.Commitments = nil
	for _, c := range cs {
		if c.Since > y.Year+"-12-31" || (c.Until != "" && c.Until < y.Year+"-01-01") {
			continue
		}
		cy := CommitmentYear{CommitmentID: c.ID}
		switch c.Kind {
		case FreeSessions:
			cy.Expected = int64(y.Sessions / c.EveryN)
			cy.Done = int64(y.Free)
		case ShareOfFees:
			cy.Expected = y.Income * int64(c.BasisPoints) / 10000
			cy.Done = givenTo[c.ID]
		default:
			continue
		}
		cy.Kept = cy.Done >= cy.Expected
		y.Commitments = append(y.Commitments, cy)
	}
}

// ClientBalance is one client's balance in the practice overview.
type ClientBalance struct {
	ClientID int64  `json:"clientId"`
	Name     string `json:"name"`
	Balance  int64  `json:"balance"`
}

// FeesOverview is the practice's simple overview: months and years (newest
// first), outstanding balances (largest first), reciprocity per year and
// the commitments.
type FeesOverview struct {
	Currency    Currency          `json:"currency"`
	Months      []PeriodSummary   `json:"months"`
	Years       []PeriodSummary   `json:"years"`
	Outstanding []ClientBalance   `json:"outstanding"`
	Reciprocity []ReciprocityYear `json:"reciprocity"`
	Commitments []Commitment      `json:"commitments"`
	Gifts       []Gift            `json:"gifts"`
}
