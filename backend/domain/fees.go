package domain

// Fees are part of the relationship, openly agreed: the practice publishes
// a sliding scale with the reasoning behind it, the client chooses their
// tier (or the two agree it together), each session's fee is agreed from
// the tier or adjusted with a note, and payments are recorded and never
// silently edited: a mistaken payment is corrected by a reversal that keeps
// both entries. This file holds the scale, the tiers and the fee agreed for
// a session; payments.go the payments and a client's account; reciprocity.go
// what the practice gives back, and the overview.

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
	// Note reaches the client unless the therapist keeps it private.
	Note           string     `json:"note" vis:"chosen" visby:"NoteVisibility"`
	NoteVisibility Visibility `json:"noteVisibility" vis:"private"`
	AgreedOn       string     `json:"agreedOn" vis:"shared"`
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
	if f.NoteVisibility, err = f.NoteVisibility.Choice("noteVisibility", "the note"); err != nil {
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
