package packet

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
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
// tagged vis:"private", inside such a field, tagged vis:"chosen" with a
// private choice, or in an entry whose Visibility is private.
func fillPrivate(v reflect.Value, private bool) {
	switch v.Kind() {
	case reflect.Struct:
		if f := v.FieldByName("Visibility"); f.IsValid() && f.String() == string(domain.Private) {
			private = true
		}
		for i := 0; i < v.NumField(); i++ {
			ft := v.Type().Field(i)
			if ft.Type == reflect.TypeOf(domain.Visibility("")) || ft.Name == "Author" || ft.Name == "Actor" {
				continue
			}
			chosenPrivate := ft.Tag.Get("vis") == domain.Chosen && v.FieldByName(ft.Tag.Get("visby")).String() != string(domain.Shared)
			fillPrivate(v.Field(i), private || ft.Tag.Get("vis") == "private" || chosenPrivate)
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

// fullIntegration is the sessions, worksheet, patterns and resources of
// fullRecord's client, with privatePhrase in every private field: the
// sessions' private notes, private addenda and medicine details.
func fullIntegration() domain.IntegrationRecord {
	in := domain.IntegrationRecord{ClientID: 7,
		Sessions: []domain.Session{
			{ID: 11, ClientID: 7, Kind: domain.PreparationSession, Date: "2026-02-20", Time: "10:00", TimeZone: "Europe/Stockholm", Minutes: 50, Modality: domain.Online,
				Summary: "We talked about the room", Practice: "Box breathing", Somatic: "Shoulders dropped", SomaticVisibility: domain.Shared, Resourcing: "Named the sister as support",
				Addenda:     []domain.Addendum{{ID: 1, SessionID: 11, At: "2026-02-21T09:00:00Z", Text: "A shared afterthought", Visibility: domain.Shared}, {ID: 2, SessionID: 11, At: "2026-02-22T09:00:00Z", Visibility: domain.Private}},
				FinalisedAt: "2026-02-20T12:00:00Z"},
			{ID: 12, ClientID: 7, Kind: domain.MedicineSession, Date: "2026-03-01", Time: "09:30", TimeZone: "Europe/Stockholm", Minutes: 420, Modality: domain.InPerson, Place: "The garden room",
				Summary: "A long quiet day", IntentionIDs: []int64{2},
				Setting: []domain.SettingElement{
					{ID: 1, SessionID: 12, Category: "lighting", Text: "Low amber lamp", ProposedBy: domain.ByClient, Comfort: domain.Welcome, Status: domain.Agreed},
					{ID: 2, SessionID: 12, Category: "music", Text: "Cello suites, quietly", ProposedBy: domain.ByTherapist, Comfort: domain.Unsure, Status: domain.Proposed},
					{ID: 3, SessionID: 12, Category: "sensory", Text: "Incense", ProposedBy: domain.ByTherapist, Comfort: domain.NotWanted, Status: domain.Proposed},
					{ID: 4, SessionID: 12, Category: "objects", Text: "Grandmother's shawl", ProposedBy: domain.ByClient, Comfort: domain.Welcome, Status: domain.Agreed},
					{ID: 5, SessionID: 12, Category: "decor", Text: "A retired bowl of stones", ProposedBy: domain.ByTogether, Comfort: domain.Welcome, Status: domain.Retired},
					{ID: 6, SessionID: 12, Category: "music", Text: "Rain sounds at the end", ProposedBy: domain.ByTogether, Comfort: domain.Welcome, Status: domain.Agreed},
				},
				// Kept private by the therapist: the somatic observations, the second event.
				SomaticVisibility: domain.Private,
				AdverseEvents: []domain.AdverseEvent{
					{ID: 1, SessionID: 12, At: "13:10", Description: "Felt cold and shaky", Response: "Blanket and warm tea", Visibility: domain.Shared},
					{ID: 2, SessionID: 12, At: "15:00", Visibility: domain.Private},
				},
				Addenda: []domain.Addendum{{ID: 3, SessionID: 12, At: "2026-03-02T09:00:00Z", Visibility: domain.Private}},
				// A dose (its substance, amount and route are private) and a private note.
				Log: []domain.LogEntry{
					{ID: 1, SessionID: 12, At: "2026-03-01T08:35:00Z", Clock: "09:35", Kind: domain.LogDose, Author: domain.ByTherapist, Visibility: domain.Shared},
					{ID: 2, SessionID: 12, At: "2026-03-01T09:00:00Z", Clock: "10:00", Kind: domain.LogNote, Author: domain.ByTherapist, Visibility: domain.Private},
				}},
		},
		Shifts: []domain.Shift{
			{ID: 1, ClientID: 7, SessionID: 12, NoticedOn: "2026-03-03", DayCount: 2, Area: "body", Description: "My jaw unclenched at dinner", JustNoticing: true, Intensity: 3, RecordedBy: domain.ByClient},
			{ID: 2, ClientID: 7, SessionID: 12, NoticedOn: "2026-03-05", DayCount: 4, Area: "relationships", Description: "Called my sister first", Intensity: 4, RecordedBy: domain.ByClient, Meaning: "Reaching out feels allowed", MeaningBy: domain.ByTogether},
		},
		Patterns: []domain.Pattern{{ID: 1, ClientID: 7, Name: "If I rest, I fall behind", Examples: "Working through lunch", ExamplesVisibility: domain.Shared, ProposedBy: domain.ByClient, Status: domain.PatternLoosening,
			Statuses: []domain.PatternChange{{On: "2026-03-04", Status: domain.PatternNoticed}, {On: "2026-03-10", Status: domain.PatternLoosening, Note: "a slow lunch on Sunday"}}}},
		Resources: []domain.Resource{{ID: 1, ClientID: 7, Kind: "breath", Name: "Long out-breaths", WhenHelped: "Before hard calls", Helps: 4, ProposedBy: domain.ByClient}},
	}
	fillPrivate(reflect.ValueOf(&in).Elem(), false)
	return in
}

func fullJourney() Journey { return Journey{Record: fullRecord(), Integration: fullIntegration()} }

func practice() domain.Practice { return domain.Practice{Name: "Willow Room Practice"} }

// clientCopies are every packet made for a client's eyes: every kind that
// has a client copy, for every session and worksheet length.
func clientCopies(t *testing.T, j Journey) map[string]Document {
	t.Helper()
	out := map[string]Document{}
	for _, k := range Kinds {
		if !slices.Contains(k.Copies(), ClientCopy) {
			continue
		}
		for _, sid := range []int64{0, 11, 12} {
			for _, days := range []int{0, 7, 30} {
				if days != 0 && k != WorksheetPacket {
					continue
				}
				r := Request{Kind: k, SessionID: sid, Days: days}
				d, err := Make(practice(), j, r, Options{Date: testDate})
				if err != nil {
					continue // a session that does not fit this kind
				}
				out[fmt.Sprintf("%s session %d days %d", k, sid, days)] = d
			}
		}
	}
	for _, k := range []Kind{PreparationPacket, WorksheetPacket, SummaryPacket, RecordPacket} {
		if !slices.ContainsFunc(slices.Collect(maps.Keys(out)), func(n string) bool { return strings.HasPrefix(n, string(k)+" ") }) {
			t.Fatalf("no client copy of the %s packet was made", k)
		}
	}
	return out
}

func TestClientCopiesHoldNoPrivateContent(t *testing.T) {
	j := fullJourney()
	rec, in := j.Record, j.Integration
	if rec.Client.IntakeNote != privatePhrase || rec.Reflections[0].Text != privatePhrase || rec.PowerMap[1].Difference != privatePhrase ||
		in.Sessions[0].PrivateNotes != privatePhrase || in.Sessions[1].Medicine.Dose != privatePhrase || in.Sessions[0].Addenda[1].Text != privatePhrase {
		t.Fatal("the test record is not filled as intended")
	}
	for name, d := range clientCopies(t, j) {
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
	text := pdfText(t, render(t, ClientRecord(practice(), j, Options{Date: testDate, Copy: TherapistCopy})))
	if n := strings.Count(text, privatePhrase); n < 8 {
		t.Fatalf("the therapist copy shows the private phrase %d times; it should show every private field:\n%s", n, text)
	}
}

func TestRecordShowsSharedContent(t *testing.T) {
	text := pdfText(t, render(t, ClientRecord(practice(), fullJourney(), Options{Date: testDate})))
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
	text := pdfText(t, render(t, Preparation(practice(), Journey{Record: rec}, 0, Options{Date: testDate})))
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

// The therapist's positionality statement, when shared with this client,
// is printed in the preparation packet; when not shared, it is not.
func TestPreparationShowsASharedPositionality(t *testing.T) {
	rec := fullRecord()
	rec.TherapistPositionality = domain.SharedStatement{Text: "I am a settler therapist, paid by the hour (fictional).", Dated: "2026-02-14"}
	for _, copy := range []Copy{ClientCopy, TherapistCopy} {
		text := pdfText(t, render(t, Preparation(practice(), Journey{Record: rec}, 0, Options{Date: testDate, Copy: copy})))
		requireText(t, "preparation packet", text, "Where I stand", "I am a settler therapist", "14 February 2026")
	}
	rec.TherapistPositionality = domain.SharedStatement{}
	text := pdfText(t, render(t, Preparation(practice(), Journey{Record: rec}, 0, Options{Date: testDate})))
	refuseText(t, "preparation packet", text, "Where I stand")
}
