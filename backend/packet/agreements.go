package packet

import (
	"fmt"

	"tandem/backend/domain"
)

// This file prints agreements, the same way in every packet that holds
// them: the wording, how and when the client confirmed it, and for the
// informed consent to a medicine session the version of the practice's
// consent template it was written from and lines for both signatures.

var agreementOrder = map[domain.AgreementKind]int{
	domain.MedicineConsent: 0, domain.TouchConsent: 1, domain.SafetyPlan: 2, domain.RightToStop: 3, domain.TopicGuidelines: 4,
	domain.Confidentiality: 5, domain.CustomAgreement: 6,
}

var agreementNames = map[domain.AgreementKind]string{
	domain.TouchConsent: "Touch", domain.SafetyPlan: "Safety plan", domain.RightToStop: "The right to stop",
	domain.TopicGuidelines: "Topics and how we hold them", domain.Confidentiality: "Confidentiality and its limits", domain.CustomAgreement: "Agreement",
	domain.MedicineConsent: "Informed consent for the medicine session",
}

var termLabels = map[string]string{
	"welcome": "Touch that is welcome", "not_welcome": "Touch that is not welcome",
	"how_asked": "How consent is asked during a session", "stop_signal": "The signal to stop",
	// The parts of a medicine consent (domain.ConsentTermKeys).
	"substance": "The medicine and what to expect", "risks": "Risks", "legal": "The law where we work",
	"right_to_stop": "The right to stop", "emergency": "In an emergency",
}

func agreementTitle(title string, kind domain.AgreementKind) string {
	if title != "" {
		return title
	}
	return agreementNames[kind]
}

func sortedAgreements(as []domain.Agreement) []domain.Agreement {
	out := append([]domain.Agreement(nil), as...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && agreementOrder[out[j].Kind] < agreementOrder[out[j-1].Kind]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func agreementBlocks(title string, kind domain.AgreementKind, terms []domain.AgreementTerm) []Block {
	b := []Block{Heading{Text: agreementTitle(title, kind), Level: 2}}
	if len(terms) == 1 && terms[0].Key == "text" {
		return append(b, Paragraph{Text: terms[0].Text})
	}
	var rows []Field
	for _, t := range terms {
		label := termLabels[t.Key]
		if label == "" {
			label = t.Key
		}
		rows = append(rows, Field{label, t.Text})
	}
	return append(b, Fields{Rows: rows})
}

// agreementPrint is one wording of an agreement as every packet prints
// it: the terms, then notes (each a small paragraph: how it was
// confirmed, whether a newer wording waits). A medicine consent also says
// which version of the consent template it was written from and ends with
// a line for the client's signature and one for the therapist's, each
// with its date.
func agreementPrint(v domain.AgreementVersion, kind domain.AgreementKind, notes ...string) []Block {
	b := agreementBlocks(v.Title, kind, v.Terms)
	if kind == domain.MedicineConsent && v.TemplateVersion > 0 {
		b = append(b, Paragraph{Style: Small, Text: fmt.Sprintf("Written from version %d of the practice's consent template.", v.TemplateVersion)})
	}
	for _, n := range notes {
		if n != "" {
			b = append(b, Paragraph{Style: Small, Text: n})
		}
	}
	if kind == domain.MedicineConsent {
		b = append(b, Signature{Label: "Client signature"}, Signature{Label: "Therapist signature"})
	}
	return b
}

// current is an agreement's wording in force, confirmed or not.
func current(a domain.Agreement) domain.AgreementVersion {
	return domain.AgreementVersion{Title: a.Title, Terms: a.Terms, ConfirmedName: a.ConfirmedName, ConfirmedOn: a.ConfirmedOn, TemplateVersion: a.TemplateVersion}
}

// lastConfirmed returns the latest confirmed version of a.
func lastConfirmed(a domain.Agreement) (domain.AgreementVersion, bool) {
	if a.ConfirmedOn != "" {
		return current(a), true
	}
	for i := len(a.Versions) - 1; i >= 0; i-- {
		if a.Versions[i].ConfirmedOn != "" {
			return a.Versions[i], true
		}
	}
	return domain.AgreementVersion{}, false
}

// confirmation says how a wording was confirmed. A medicine consent is
// confirmed by the client typing their name, which is quoted as typed.
func confirmation(kind domain.AgreementKind, v domain.AgreementVersion) string {
	switch {
	case v.ConfirmedOn == "":
		return "Not confirmed yet."
	case kind == domain.MedicineConsent:
		return fmt.Sprintf("Confirmed on %s with the name typed as \u201c%s\u201d.", formatDay(v.ConfirmedOn), v.ConfirmedName)
	}
	return fmt.Sprintf("Confirmed by %s on %s.", v.ConfirmedName, formatDay(v.ConfirmedOn))
}

// agreementOf returns the agreement of a kind to act on: its latest
// confirmed wording, or the current one with a note that it is not
// confirmed.
func agreementOf(rec domain.ClientRecord, kind domain.AgreementKind) ([]Block, bool) {
	var b []Block
	for _, a := range sortedAgreements(rec.Agreements) {
		if a.Kind != kind {
			continue
		}
		if v, ok := lastConfirmed(a); ok {
			note := confirmation(a.Kind, v)
			if a.ConfirmedOn == "" {
				note += " A newer wording is not confirmed yet; this is the confirmed one."
			}
			b = append(b, agreementPrint(v, a.Kind, note)...)
			continue
		}
		b = append(b, agreementPrint(current(a), a.Kind, "Not confirmed by the client yet: confirm it together before the session.")...)
	}
	return b, len(b) > 0
}
