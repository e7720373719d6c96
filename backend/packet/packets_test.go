package packet

import (
	"reflect"
	"strings"
	"testing"

	"tandem/backend/domain"
)

const privatePhrase = "Heliotrope Quarry Nine"

// fullRecord is a client record with something in every field. Every field
// tagged vis:"private", and every entry marked private, holds privatePhrase.
func fullRecord() domain.ClientRecord {
	r := domain.ClientRecord{
		Client: domain.Client{ID: 7, ChosenName: "Zoë", Pronouns: "she/her", LegalName: "Zoë Ångström", DateOfBirth: "1990-05-04",
			Email: "zoe@example.org", Phone: "+1 555 0100", Address: "1 Elm Street", EmergencyContact: "Ana (sister)", Languages: "English, Swedish",
			Identities: []domain.Identity{{Facet: "Spirituality", Description: "Raised Lutheran, now walking my own path"}},
			Status:     domain.StatusActive, Created: "2025-01-02T10:00:00Z", Updated: "2025-02-02T10:00:00Z"},
		PowerMap: []domain.PowerMapEntry{
			{ID: 1, WrittenOn: "2025-01-10", Difference: "Age: I am older than my therapist", ShowsUp: "I may defer", Agreed: "Name it when it happens", Visibility: domain.Shared, Author: domain.ByTogether},
			{ID: 2, WrittenOn: "2025-01-11", Visibility: domain.Private, Author: domain.ByTherapist},
		},
		Plan: []domain.PlanItem{
			{ID: 1, Kind: domain.Goal, Text: "To feel at home in my body again", ProposedBy: domain.ByClient, Status: domain.Agreed, AgreedOn: "2025-01-20",
				Revisions: []domain.Revision{{At: "2025-01-12T10:00:00Z", Author: domain.ByClient, Text: "To feel at home in my body"}, {At: "2025-01-20T10:00:00Z", Author: domain.ByClient, Text: "To feel at home in my body again", Note: "added again"}}},
			{ID: 2, Kind: domain.Intention, Text: "To meet what comes with curiosity", ProposedBy: domain.ByTogether, Status: domain.Proposed},
			{ID: 3, Kind: domain.Goal, Text: "Sleep better", ProposedBy: domain.ByTherapist, Status: domain.Retired, RetiredReason: "folded into the first goal"},
		},
		Agreements: []domain.Agreement{
			{ID: 1, Kind: domain.TouchConsent, Terms: []domain.AgreementTerm{{Key: "welcome", Text: "A hand on the shoulder"}, {Key: "not_welcome", Text: "Anything on the face"}, {Key: "how_asked", Text: "Asked aloud each time"}, {Key: "stop_signal", Text: "Raising a hand"}},
				ConfirmedName: "Zoë", ConfirmedOn: "2025-01-21", Versions: []domain.AgreementVersion{{At: "2025-01-21T10:00:00Z", ConfirmedName: "Zoë", ConfirmedOn: "2025-01-21"}}},
			{ID: 2, Kind: domain.SafetyPlan, Terms: []domain.AgreementTerm{{Key: "text", Text: "Ana will drive me home"}}},
		},
	}
	fillPrivate(reflect.ValueOf(&r).Elem(), false)
	r.Reflections = []domain.Reflection{{ID: 1}, {ID: 2}}
	r.History = []domain.HistoryEntry{{ID: 1}}
	fillPrivate(reflect.ValueOf(&r).Elem(), false)
	return r
}

// fillPrivate writes privatePhrase into every string field that is private:
// tagged vis:"private", inside such a field, or in an entry whose
// Visibility is private.
func fillPrivate(v reflect.Value, private bool) {
	switch v.Kind() {
	case reflect.Struct:
		if f := v.FieldByName("Visibility"); f.IsValid() && f.String() == string(domain.Private) {
			private = true
		}
		for i := 0; i < v.NumField(); i++ {
			ft := v.Type().Field(i)
			if ft.Name == "Visibility" || ft.Name == "Author" || ft.Name == "Actor" {
				continue
			}
			fillPrivate(v.Field(i), private || ft.Tag.Get("vis") == "private")
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			fillPrivate(v.Index(i), private)
		}
	case reflect.String:
		if private {
			v.SetString(privatePhrase)
		}
	}
}

func practice() domain.Practice { return domain.Practice{Name: "Willow Room Practice"} }

// clientCopies are every packet made for a client's eyes.
func clientCopies(rec domain.ClientRecord, o Options) map[string]Document {
	return map[string]Document{
		"record":      ClientRecord(practice(), rec, o),
		"preparation": Preparation(practice(), rec, o),
	}
}

func TestClientCopiesHoldNoPrivateContent(t *testing.T) {
	rec := fullRecord()
	if rec.Client.IntakeNote != privatePhrase || rec.Reflections[0].Text != privatePhrase || rec.PowerMap[1].Difference != privatePhrase {
		t.Fatal("the test record is not filled as intended")
	}
	for name, d := range clientCopies(rec, Options{Date: testDate}) {
		t.Run(name, func(t *testing.T) {
			pdf := render(t, d)
			text := pdfText(t, pdf)
			if strings.Contains(strings.ToLower(text), strings.ToLower(privatePhrase)) || strings.Contains(text, "Heliotrope") {
				t.Fatalf("private content in the client copy:\n%s", text)
			}
			if !strings.Contains(text, "Zoë") {
				t.Fatalf("the client's name is missing: %s", text)
			}
		})
	}
	// The phrase is findable where it belongs: the test would see a leak.
	if text := pdfText(t, render(t, ClientRecord(practice(), rec, Options{Date: testDate, Copy: TherapistCopy}))); !strings.Contains(text, privatePhrase) {
		t.Fatalf("the therapist copy lacks the private notes:\n%s", text)
	}
}

func TestRecordShowsSharedContent(t *testing.T) {
	text := pdfText(t, render(t, ClientRecord(practice(), fullRecord(), Options{Date: testDate})))
	for _, want := range []string{"Your record", "To feel at home in my body again", "To feel at home in my body", "added again", "Proposed by you", "A hand on the shoulder",
		"Confirmed by Zoë on 21 January 2025", "Ana will drive me home", "Not confirmed yet", "Raised Lutheran", "Age: I am older", "set aside: folded into the first goal"} {
		if !strings.Contains(text, want) {
			t.Errorf("the record lacks %q", want)
		}
	}
}

func TestPreparationShowsConfirmedAgreements(t *testing.T) {
	rec := fullRecord()
	// A confirmed agreement later reworded: the packet shows the confirmed
	// version and says a newer one waits.
	rec.Agreements[0].ConfirmedOn, rec.Agreements[0].ConfirmedName = "", ""
	rec.Agreements[0].Terms[0].Text = "A new draft wording"
	rec.Agreements[0].Versions[0].Terms = []domain.AgreementTerm{{Key: "welcome", Text: "The confirmed wording"}}
	text := pdfText(t, render(t, Preparation(practice(), rec, Options{Date: testDate})))
	for _, want := range []string{"Preparing together", "To feel at home in my body again", "Proposed by you", "together", "The confirmed wording", "A newer wording is waiting", "Still to be confirmed together: Safety plan"} {
		if !strings.Contains(text, want) {
			t.Errorf("the preparation packet lacks %q:\n%s", want, text)
		}
	}
	for _, unwanted := range []string{"A new draft wording", "Sleep better", "Ana will drive me home"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("the preparation packet shows %q", unwanted)
		}
	}
}

func TestRecoveryKit(t *testing.T) {
	key := "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSQCWYNQ3"
	for _, paper := range []Paper{A4, Letter} {
		if n := pageCount(t, render(t, RecoveryKit(practice(), key, testDate, Options{Date: testDate, Paper: paper}))); n != 1 {
			t.Errorf("the kit takes %d pages on %s; it should be one sheet", n, paper)
		}
	}
	pdf := render(t, RecoveryKit(practice(), key, testDate, Options{Date: testDate}))
	checkPDF(t, pdf)
	text := pdfText(t, pdf)
	if !strings.Contains(strings.ReplaceAll(text, " ", ""), key) {
		t.Fatalf("the key is not on the page as written:\n%s", text)
	}
	for _, want := range []string{"Recovery Kit", "age -d -i recovery-key.txt FILE", "every backup made while this key was in force", "Where to keep it", "If this page is lost"} {
		if !strings.Contains(text, want) {
			t.Errorf("the kit lacks %q", want)
		}
	}
}
