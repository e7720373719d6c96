package domain

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
