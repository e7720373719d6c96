package domain

import "context"

// Valid reports whether k is a known plan kind.
func (k PlanKind) Valid() bool { return k == Goal || k == Intention }

// Valid reports whether s is a known plan status.
func (s PlanStatus) Valid() bool {
	return s == Proposed || s == Agreed || s == Revised || s == Retired
}

// NewPlanItem is what is needed to propose a goal or intention.
type NewPlanItem struct {
	ClientID   int64    `json:"clientId"`
	Kind       PlanKind `json:"kind"`
	Text       string   `json:"text"`
	ProposedBy Actor    `json:"proposedBy"`
}

// Validate normalises n.
func (n *NewPlanItem) Validate() error {
	var err error
	if !n.Kind.Valid() {
		return FieldError("kind", "Choose a goal or an intention.")
	}
	if n.Text, err = CleanText("text", "The wording", n.Text, MaxLongText, true); err != nil {
		return err
	}
	if !n.ProposedBy.Valid() {
		return FieldError("proposedBy", "Say who proposed this: the client, you, or the two of you together.")
	}
	return nil
}

// CleanRevision checks a new wording and its optional note.
func CleanRevision(text, note string, author Actor) (string, string, error) {
	t, err := CleanText("text", "The new wording", text, MaxLongText, true)
	if err != nil {
		return "", "", err
	}
	n, err := CleanText("note", "The note", note, MaxLongText, false)
	if err != nil {
		return "", "", err
	}
	if !author.Valid() {
		return "", "", FieldError("author", "Say who wrote this wording: the client, you, or the two of you together.")
	}
	return t, n, nil
}

// NewAgreement is what is needed to write an agreement.
type NewAgreement struct {
	ClientID int64           `json:"clientId"`
	Kind     AgreementKind   `json:"kind"`
	Title    string          `json:"title"`
	Terms    []AgreementTerm `json:"terms"`
}

// CleanAgreement checks an agreement's kind, title and terms, returning the
// terms in the kind's order with every expected key present.
func CleanAgreement(kind AgreementKind, title string, terms []AgreementTerm) (string, []AgreementTerm, error) {
	if !kind.Valid() {
		return "", nil, FieldError("kind", "Choose which kind of agreement this is.")
	}
	t, err := CleanLine("title", "The title", title, MaxShortText, kind == CustomAgreement)
	if err != nil {
		return "", nil, err
	}
	given := map[string]string{}
	for _, term := range terms {
		given[term.Key] = term.Text
	}
	var out []AgreementTerm
	empty := true
	for _, key := range AgreementTermKeys[kind] {
		v, err := CleanText(key, "This part of the agreement", given[key], MaxLongText, false)
		if err != nil {
			return "", nil, err
		}
		if v != "" {
			empty = false
		}
		out = append(out, AgreementTerm{Key: key, Text: v})
		delete(given, key)
	}
	for key := range given {
		return "", nil, FieldError(key, "This kind of agreement has no part named "+key+".")
	}
	if empty {
		return "", nil, FieldError(AgreementTermKeys[kind][0], "Write at least one part of the agreement.")
	}
	return t, out, nil
}

// PlanService keeps the co-created plan and agreements. Each change is one
// transaction and is recorded in the history with its actor.
type PlanService interface {
	AddPlanItem(ctx context.Context, n NewPlanItem, by Actor) (PlanItem, error)
	// RevisePlanItem adds a wording by author; the item's status becomes
	// revised (an agreed item needs agreeing again).
	RevisePlanItem(ctx context.Context, id int64, text, note string, author Actor) (PlanItem, error)
	// AgreePlanItem records the client's agreement on the given date.
	AgreePlanItem(ctx context.Context, id int64, on string, by Actor) (PlanItem, error)
	RetirePlanItem(ctx context.Context, id int64, reason string, by Actor) (PlanItem, error)
	// MovePlanItem moves an item to a new position among its client's
	// items of the same kind.
	MovePlanItem(ctx context.Context, id int64, position int, by Actor) error

	AddPowerMapEntry(ctx context.Context, e PowerMapEntry, by Actor) (PowerMapEntry, error)
	UpdatePowerMapEntry(ctx context.Context, e PowerMapEntry, by Actor) (PowerMapEntry, error)

	AddAgreement(ctx context.Context, n NewAgreement, by Actor) (Agreement, error)
	// ReviseAgreement writes a new version; a confirmed agreement becomes
	// unconfirmed until the client confirms again.
	ReviseAgreement(ctx context.Context, id int64, title string, terms []AgreementTerm, by Actor) (Agreement, error)
	// ConfirmAgreement records the client's typed name and the date.
	ConfirmAgreement(ctx context.Context, id int64, typedName, on string) (Agreement, error)

	AddReflection(ctx context.Context, r Reflection) (Reflection, error)
	UpdateReflection(ctx context.Context, r Reflection) (Reflection, error)
	Reflections(ctx context.Context, clientID int64) ([]Reflection, error)
}
