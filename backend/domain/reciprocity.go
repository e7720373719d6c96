package domain

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
