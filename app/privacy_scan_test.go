package app

// The private-field scan guards the one visibility filter (domain.ClientView
// and domain.View) where the client meets it. It seeds a real vault with two
// clients, every free-text field of every entity holding a marker that names
// the field, and everything the therapist may keep private both shared and
// private. The private markers are those the filter drops from the
// therapist's full records: none of them, and nothing of the other client,
// may appear in anything co-creation mode returns (every read, and what every
// write returns) or in any client copy of a packet, receipt or statement, as
// pdftotext reads it. Every shared marker must appear in co-creation's reads,
// so a scan that read nothing fails.
//
// It guards its own coverage: every string field of ClientRecord,
// IntegrationRecord and ClientFees must hold a marker when read back from the
// vault, and every Visibility field must be read back both shared and
// private, unless notFreeText says why the field holds no free text. A field
// added to an entity fails here until it is seeded, or listed with a reason.

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"tandem/backend/domain"
	"tandem/backend/offline"
	"tandem/backend/packet"
	"tandem/backend/storage"
)

// notFreeText are the string fields of the records, by the struct that
// declares them, that hold no free text and so no marker. A field of a named
// string type (Actor, SessionKind, PlanStatus...) is an enum and needs no
// entry; a Visibility field is checked apart (it must be seeded both ways).
var notFreeText = map[string]string{
	"Client.DateOfBirth": "a date", "Client.Created": "a stamp", "Client.Updated": "a stamp",
	"Client.Agenda":           "sections from domain.AgendaSections",
	"Client.Archived":         "a stamp; an archived record cannot be entered (checked below)",
	"PowerMapEntry.WrittenOn": "a date", "PowerMapEntry.Updated": "a stamp", "SharedStatement.Dated": "a date",
	"PlanItem.AgreedOn": "a date", "PlanItem.Created": "a stamp", "Revision.At": "a stamp",
	"Agreement.ConfirmedOn": "a date", "Agreement.Updated": "a stamp", "AgreementTerm.Key": "a key of domain.AgreementTermKeys",
	"AgreementVersion.At": "a stamp", "AgreementVersion.ConfirmedOn": "a date",
	"Reflection.WrittenOn": "a date", "Reflection.Kind": "one of domain.ReflectionKinds", "Reflection.Updated": "a stamp",
	"HistoryEntry.At": "a stamp", "HistoryEntry.Entity": "an entity's name", "HistoryEntry.Action": "an action's name",
	"Session.Date": "a date", "Session.Time": "a time of day", "Session.TimeZone": "an IANA zone name",
	"Session.FinalisedAt": "a stamp", "Session.Created": "a stamp", "Session.Updated": "a stamp",
	"AdverseEvent.Created": "a stamp", "Addendum.At": "a stamp",
	"Shift.NoticedOn": "a date", "Shift.MeaningOn": "a date", "Shift.Created": "a stamp", "Shift.Updated": "a stamp",
	"Pattern.Created": "a stamp", "Pattern.Updated": "a stamp", "PatternChange.On": "a date",
	"Resource.Created": "a stamp", "Resource.Updated": "a stamp",
	"Currency.Code": "of domain.Currencies", "Currency.Name": "of domain.Currencies", "Currency.Symbol": "of domain.Currencies",
	"FeePolicy.Currency": "a code of domain.Currencies", "TierChoice.ChosenOn": "a date", "TierChoice.ConfirmedOn": "a date",
	"SessionFee.AgreedOn": "a date", "SessionAccount.Date": "a session's date", "Payment.Date": "a date", "Payment.Created": "a stamp",
	"Instrument.Key": "a key ([a-z0-9-])", "Subscale.Key": "a key", "Result.InstrumentKey": "an instrument's key", "SubscaleResult.Key": "a subscale's key",
	"Measure.Date": "a date", "Measure.FollowUpOn": "a date", "Measure.Created": "a stamp", "Measure.Updated": "a stamp",
	"Health.Updated": "a stamp", "Medication.Created": "a stamp", "Medication.Updated": "a stamp", "Medication.StoppedOn": "a date",
	"Screening.ScreenedOn": "a date", "Screening.Created": "a stamp", "SessionPrep.FlagsDecidedAt": "a stamp", "SessionPrep.GoAheadAt": "a stamp",
	"LogEntry.At": "a stamp", "LogEntry.Clock": "a time of day", "LogEntry.Touch": "asked or given",
}

var (
	stringType     = reflect.TypeFor[string]()
	visibilityType = reflect.TypeFor[domain.Visibility]()
	markerRE       = regexp.MustCompile(`(?i)ZQ_\w+?_QZ`)
)

// marks hands out markers, each unique and naming the field it is written
// into. They are letters, digits and underscores: no text cleaning changes
// them, and a packet breaks a line inside one only when it must.
type marks struct {
	who string // "A" and "B", the two clients; "P", the practice
	n   int
}

func (m *marks) next(field string) string {
	m.n++
	return fmt.Sprintf("ZQ_%s_%s_%d_QZ", m.who, strings.ReplaceAll(field, ".", "_"), m.n)
}

// fill returns v with a marker in each empty free-text field and vis in each
// empty Visibility field, nested structs included (slices are the caller's).
// A field added to a struct seeded through fill is seeded with it. Markers
// name the record's field (NewPattern.Examples as Pattern.Examples).
func fill[T any](m *marks, v T, vis domain.Visibility) T {
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			f, fv := v.Type().Field(i), v.Field(i)
			switch name := strings.TrimPrefix(v.Type().Name(), "New") + "." + f.Name; {
			case f.Type.Kind() == reflect.Struct:
				walk(fv)
			case !fv.IsZero():
			case f.Type == visibilityType:
				fv.SetString(string(vis))
			case f.Type == stringType && notFreeText[name] == "" && f.Name == "Email":
				fv.SetString(m.next(name) + "@example.org")
			case f.Type == stringType && notFreeText[name] == "":
				fv.SetString(m.next(name))
			}
		}
	}
	walk(reflect.ValueOf(&v).Elem())
	return v
}

// must returns what a binding returned, failing the test on its error.
func must[T any](t *testing.T, what string) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}
}

// seedPractice sets what every client shares: medicine may be recorded, the
// positionality statement, the sliding scale. It returns the tiers' IDs.
func seedPractice(t *testing.T, s *Shell, m *marks) []int64 {
	must[domain.Settings](t, "settings")(NewSettings(s).Save(domain.Settings{AutoLockMinutes: 10, RecordMedicine: true, PaperSize: domain.PaperA4}))
	must[domain.Practice](t, "practice")(NewPractice(s).Save(domain.Practice{Name: "Fictional Practice", Positionality: m.next("SharedStatement.Text")}))
	fees := NewFees(s)
	must[domain.FeePolicy](t, "policy")(fees.SavePolicy(fill(m, domain.FeePolicy{Currency: "EUR", ChoiceMode: domain.ClientChooses}, "")))
	tier := domain.FeeTier{Fees: domain.KindFees{Preparation: 5000, Medicine: 9000, Integration: 5000, Other: 4000}}
	must[domain.FeePolicy](t, "tier")(fees.SaveTier(fill(m, tier, "")))
	p := must[domain.FeePolicy](t, "tier")(fees.SaveTier(fill(m, tier, "")))
	// A questionnaire of the therapist's own, every text of it a marker: its
	// safety note reaches a flag, which is the therapist's alone.
	band := func(lo, hi float64) domain.Band { return domain.Band{Min: lo, Max: hi, Label: m.next("Band.Label")} }
	in := fill(m, domain.Instrument{ScaleMin: 0, ScaleMax: 2, Scoring: domain.SumScoring,
		Options: []domain.Option{{Value: 0, Label: m.next("Option.Label")}, {Value: 2, Label: m.next("Option.Label")}},
		Items:   []domain.Item{{Number: 1, Text: m.next("Item.Text")}, {Number: 2, Text: m.next("Item.Text")}},
		Bands:   []domain.Band{band(0, 1), band(2, 4)},
		Subscales: []domain.Subscale{{Key: "first", Name: m.next("Subscale.Name"), Items: []int{1}, Scoring: domain.SumScoring,
			Bands: []domain.Band{band(0, 0), band(1, 2)}}},
		Safety: []domain.SafetyItem{{Item: 1, Above: 0, Note: m.next("SafetyItem.Note")}}, ReliableChange: 2}, "")
	must[domain.Instrument](t, "own questionnaire")(NewMeasures(s).SaveInstrument(in))
	return []int64{p.Tiers[0].ID, p.Tiers[1].ID}
}

// seedClient adds a client with everything a record can hold, each free-text
// field with a marker of m, and returns their ID. Whatever has a Visibility
// (an entry's own, or the choice beside a field) is seeded shared and private.
func seedClient(t *testing.T, s *Shell, m *marks, tiers []int64) int64 {
	clients, sessions, fees, co := NewClients(s), NewSessions(s), NewFees(s), NewCoCreation(s)
	both := []domain.Visibility{domain.Shared, domain.Private}
	id := must[domain.Client](t, "client")(clients.Create(fill(m, domain.Client{DateOfBirth: "1990-02-03",
		Identities: []domain.Identity{fill(m, domain.Identity{}, ""), fill(m, domain.Identity{}, "")}}, ""))).ID
	must[domain.Client](t, "share positionality")(clients.SharePositionality(id, true))
	for _, vis := range both {
		must[domain.PowerMapEntry](t, "power map")(clients.AddPowerMapEntry(fill(m, domain.PowerMapEntry{ClientID: id, WrittenOn: "2026-04-01", Author: domain.ByTogether}, vis)))
	}
	// The plan: a goal revised and agreed, an intention, a goal retired.
	var intentions []int64
	for _, kind := range []domain.PlanKind{domain.Goal, domain.Intention, domain.Goal} {
		it := must[domain.PlanItem](t, "plan item")(clients.AddPlanItem(fill(m, domain.NewPlanItem{ClientID: id, Kind: kind, ProposedBy: domain.ByClient}, "")))
		switch {
		case kind == domain.Intention:
			intentions = append(intentions, it.ID)
		case intentions == nil:
			must[domain.PlanItem](t, "revise")(clients.RevisePlanItem(it.ID, m.next("Revision.Text"), m.next("Revision.Note"), domain.ByTogether))
			must[domain.PlanItem](t, "agree")(clients.AgreePlanItem(it.ID, ""))
		default:
			must[domain.PlanItem](t, "retire")(clients.RetirePlanItem(it.ID, m.next("PlanItem.RetiredReason")))
		}
	}
	// Agreements, each confirmed, revised and confirmed again.
	for _, kind := range []domain.AgreementKind{domain.CustomAgreement, domain.TouchConsent} {
		terms := func() (out []domain.AgreementTerm) {
			for _, k := range domain.AgreementTermKeys[kind] {
				out = append(out, domain.AgreementTerm{Key: k, Text: m.next("AgreementTerm.Text")})
			}
			return out
		}
		a := must[domain.Agreement](t, "agreement")(clients.AddAgreement(domain.NewAgreement{ClientID: id, Kind: kind, Title: m.next("Agreement.Title"), Terms: terms()}))
		must[domain.Agreement](t, "confirm")(clients.ConfirmAgreement(a.ID, m.next("Agreement.ConfirmedName"), ""))
		must[domain.Agreement](t, "revise")(clients.ReviseAgreement(a.ID, m.next("Agreement.Title"), terms()))
		must[domain.Agreement](t, "confirm again")(clients.ConfirmAgreement(a.ID, m.next("Agreement.ConfirmedName"), ""))
	}
	must[domain.Reflection](t, "reflection")(clients.AddReflection(fill(m, domain.Reflection{ClientID: id, Kind: "shadow"}, "")))

	// Sessions of every kind; vis is the choice for what may be kept private.
	var ids, medicine []int64
	for _, row := range []struct {
		kind     domain.SessionKind
		date     string
		vis      domain.Visibility
		finalise bool
	}{
		{domain.PreparationSession, "2026-04-20", domain.Shared, true},
		{domain.MedicineSession, "2026-05-01", domain.Private, true},
		{domain.IntegrationSession, "2026-05-08", domain.Private, true},
		{domain.MedicineSession, "2026-05-20", domain.Shared, false}, // its setting is designed in co-creation
		{domain.OtherSession, "2026-05-25", domain.Shared, false},
	} {
		in := fill(m, domain.Session{ClientID: id, Kind: row.kind, Date: row.date, Time: "10:00", TimeZone: "Europe/Berlin", Minutes: 90}, row.vis)
		if row.kind == domain.MedicineSession {
			in.IntentionIDs = intentions
		} else {
			in.Medicine = domain.MedicineDetails{}
		}
		sid := must[domain.Session](t, "session")(sessions.Add(in)).ID
		ids = append(ids, sid)
		if row.kind == domain.MedicineSession {
			medicine = append(medicine, sid)
			for _, cat := range []domain.SettingCategory{"music", "lighting"} {
				el := must[domain.SettingElement](t, "setting")(sessions.AddSettingElement(fill(m, domain.NewSettingElement{SessionID: sid, Category: cat, ProposedBy: domain.ByClient}, "")))
				must[domain.SettingElement](t, "reword")(sessions.ReviseSettingElement(el.ID, m.next("Revision.Text"), domain.ByTogether))
			}
		}
		for _, vis := range both {
			must[domain.Session](t, "adverse event")(sessions.AddAdverseEvent(fill(m, domain.AdverseEvent{SessionID: sid}, vis)))
		}
		if row.finalise {
			must[domain.Session](t, "finalise")(sessions.Finalise(sid))
			for _, vis := range both {
				must[domain.Session](t, "addendum")(sessions.AddAddendum(sid, m.next("Addendum.Text"), vis))
			}
		}
	}
	// The worksheet after the first medicine session, patterns, a resource.
	var shifts []int64
	for _, on := range []string{"2026-05-03", "2026-05-04"} {
		sh := must[domain.Shift](t, "shift")(sessions.AddShift(fill(m, domain.Shift{ClientID: id, SessionID: medicine[0], NoticedOn: on, Area: "body", Intensity: 3, RecordedBy: domain.ByClient}, "")))
		must[domain.Shift](t, "meaning")(sessions.AddMeaning(sh.ID, m.next("Shift.Meaning"), domain.ByTogether))
		shifts = append(shifts, sh.ID)
	}
	for _, vis := range both {
		p := must[domain.Pattern](t, "pattern")(sessions.AddPattern(fill(m, domain.NewPattern{ClientID: id, ProposedBy: domain.ByClient, NoticedOn: "2026-05-05"}, vis)))
		must[domain.Pattern](t, "rename")(sessions.RenamePattern(p.ID, m.next("Revision.Text"), domain.ByTogether))
		must[domain.Pattern](t, "status")(sessions.SetPatternStatus(p.ID, domain.PatternChange{On: "2026-05-10", Status: domain.PatternExploring, Note: m.next("PatternChange.Note"), By: domain.ByTogether}))
		must[domain.Pattern](t, "link")(sessions.LinkPattern(p.ID, shifts, medicine[:1], domain.ByTherapist))
	}
	r := must[domain.Resource](t, "resource")(sessions.AddResource(fill(m, domain.Resource{ClientID: id, Kind: domain.ResourceKinds[0], Helps: 4, ProposedBy: domain.ByClient}, "")))
	r.Name = m.next("Resource.Name")
	must[domain.Resource](t, "reword resource")(sessions.UpdateResource(r, domain.ByClient))

	// Fees: a tier, two fees adjusted with a note, two payments, one reversed,
	// and a tier chosen in co-creation, waiting for the therapist.
	must[domain.ClientFees](t, "tier")(fees.ChooseTier(id, tiers[0], m.next("TierChoice.Reason"), domain.ByClient))
	for i, vis := range both {
		must[domain.ClientFees](t, "fee")(fees.SetSessionFee(fill(m, domain.SessionFee{SessionID: ids[i], Amount: 4000, Basis: domain.Adjusted}, vis)))
	}
	var f domain.ClientFees
	for range 2 {
		f = must[domain.ClientFees](t, "payment")(fees.RecordPayment(fill(m, domain.NewPayment{ClientID: id, Date: "2026-05-02", Amount: 1000, Method: "cash",
			Allocations: []domain.Allocation{{SessionID: ids[0], Amount: 1000}}}, "")))
	}
	must[domain.ClientFees](t, "reverse")(fees.Reverse(f.Account.Payments[len(f.Account.Payments)-1].ID, "2026-05-03", m.next("Payment.Note")))
	seedMedicine(t, s, m, id, medicine[1])
	// A measure on the therapist's own questionnaire, its first answer flagged,
	// with the therapist's notes and follow-up.
	ms := NewMeasures(s)
	own := must[[]domain.Instrument](t, "questionnaires")(ms.Instruments())
	key := own[slices.IndexFunc(own, func(in domain.Instrument) bool { return !in.BuiltIn })].Key
	measure := must[domain.Measure](t, "measure")(ms.Add(domain.Measure{ClientID: id, Date: "2026-05-04", Instrument: domain.Instrument{Key: key},
		Answers: []domain.Answer{{Item: 1, Value: 2}, {Item: 2, Value: 1}}, Notes: m.next("Measure.Notes")}))
	must[domain.Measure](t, "follow-up")(ms.RecordFollowUp(measure.ID, m.next("Measure.FollowUp")))
	must[domain.ClientRecord](t, "enter")(co.Enter(id))
	must[domain.ClientFees](t, "choose in the room")(co.ChooseTier(tiers[1], m.next("TierChoice.Reason")))
	must[bool](t, "leave")(co.Leave(pass))
	return id
}

// seedMedicine gives a client a health screening (a checklist item of its
// own, answered with a flag), medications, a consent from the practice's
// template, and prepares their open medicine session, whose live log holds
// an entry of every kind, shared and private.
func seedMedicine(t *testing.T, s *Shell, m *marks, id, session int64) {
	med := NewMedicine(s)
	must[domain.Health](t, "health")(med.SaveHealthNotes(id, m.next("Health.Allergies"), m.next("Health.History")))
	for range 2 {
		must[domain.Medication](t, "medication")(med.AddMedication(fill(m, domain.Medication{ClientID: id}, "")))
	}
	must[domain.ScreeningItem](t, "checklist item")(med.AddScreeningItem(m.next("ScreeningAnswer.Item")))
	var answers []domain.ScreeningAnswer
	for _, it := range must[[]domain.ScreeningItem](t, "checklist")(med.ScreeningItems(false)) {
		answers = append(answers, domain.ScreeningAnswer{ItemID: it.ID, Answer: domain.AnswerUnsure, Note: m.next("ScreeningAnswer.Note")})
	}
	must[domain.Screening](t, "screening")(med.AddScreening(fill(m, domain.NewScreening{ClientID: id, ScreenedOn: "2026-05-10", AnsweredBy: domain.ByClient, Answers: answers}, "")))
	var terms []domain.AgreementTerm
	for _, k := range domain.ConsentTermKeys {
		terms = append(terms, domain.AgreementTerm{Key: k, Text: m.next("AgreementTerm.Text")})
	}
	must[domain.ConsentTemplate](t, "consent template")(med.SaveConsentTemplate(m.next("Agreement.Title"), terms))
	consent := must[domain.Agreement](t, "consent")(med.WriteConsent(id))
	must[domain.Agreement](t, "confirm consent")(NewClients(s).ConfirmAgreement(consent.ID, m.next("Agreement.ConfirmedName"), ""))
	must[domain.Readiness](t, "prep")(med.SavePrep(session, m.next("SessionPrep.SupportPerson"), m.next("SessionPrep.WayHome")))
	must[domain.Readiness](t, "decide")(med.DecideFlags(session, m.next("SessionPrep.FlagsDecision")))
	must[domain.Readiness](t, "go ahead")(med.GoAhead(session, m.next("SessionPrep.GoAheadReason")))
	for _, vis := range []domain.Visibility{domain.Shared, domain.Private} {
		for _, kind := range domain.LogKinds {
			n := domain.NewLogEntry{SessionID: session, Kind: kind, Visibility: vis}
			switch kind {
			case domain.LogDose, domain.LogBooster:
				n = fill(m, n, vis)
				n.Text = ""
			case domain.LogVitals:
				n.Systolic, n.Diastolic, n.Pulse, n.SpO2, n.Temperature = 120, 80, 70, 98, 36.8
			case domain.LogTouch:
				n.Text, n.Touch = m.next("LogEntry.Text"), domain.TouchAsked
			default:
				n.Text = m.next("LogEntry.Text")
			}
			must[domain.LogEntry](t, "log entry")(med.AddLogEntry(n))
		}
	}
}

// stringFields walks a type and, when v is valid, its value: it records
// every string field's type, and every string it holds, by the struct field
// that declares it ("Session.Summary").
func stringFields(ty reflect.Type, v reflect.Value, field string, types map[string]reflect.Type, values map[string][]string) {
	switch ty.Kind() {
	case reflect.Struct:
		for i := 0; i < ty.NumField(); i++ {
			var fv reflect.Value
			if v.IsValid() {
				fv = v.Field(i)
			}
			stringFields(ty.Field(i).Type, fv, ty.Name()+"."+ty.Field(i).Name, types, values)
		}
	case reflect.Slice, reflect.Pointer:
		stringFields(ty.Elem(), reflect.Value{}, field, types, values) // the type, even with no value
		for i := 0; v.IsValid() && ty.Kind() == reflect.Slice && i < v.Len(); i++ {
			stringFields(ty.Elem(), v.Index(i), field, types, values)
		}
		if v.IsValid() && ty.Kind() == reflect.Pointer && !v.IsNil() {
			stringFields(ty.Elem(), v.Elem(), field, types, values)
		}
	case reflect.String:
		types[field] = ty
		if v.IsValid() {
			values[field] = append(values[field], v.String())
		}
	}
}

// checkCoverage requires a marker in every free-text field of the records
// and both values in every Visibility field; it returns how many of each it
// checked, and how many string fields the records have.
func checkCoverage(t *testing.T, records ...any) (free, vis, all int) {
	t.Helper()
	types, values := map[string]reflect.Type{}, map[string][]string{}
	for _, r := range records {
		stringFields(reflect.TypeOf(r), reflect.ValueOf(r), "", types, values)
	}
	for name := range notFreeText {
		if types[name] != stringType {
			t.Errorf("notFreeText lists %s, which is no longer a string field of the records: take it out", name)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(types)) {
		switch vals := values[name]; {
		case types[name] == visibilityType:
			vis++
			if !slices.Contains(vals, string(domain.Shared)) || !slices.Contains(vals, string(domain.Private)) {
				t.Errorf("%s is a Visibility read back only as %q: seed one instance shared and one private in seedClient", name, slices.Compact(slices.Sorted(slices.Values(vals))))
			}
		case types[name] == stringType && notFreeText[name] == "":
			free++
			if !slices.ContainsFunc(vals, markerRE.MatchString) {
				t.Errorf("%s holds no marker in the records read back, so the privacy scan does not cover it: seed it in seedClient or seedPractice "+
					"(fill seeds every field of the structs it is given) or, if it holds no free text, list it in notFreeText with the reason", name)
			}
		}
	}
	return free, vis, len(types)
}

// markersIn are the markers in the JSON of vs, in lower case.
func markersIn(t *testing.T, vs ...any) map[string]bool {
	out := map[string]bool{}
	for _, v := range vs {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		for _, tok := range markerRE.FindAllString(string(b), -1) {
			out[strings.ToLower(tok)] = true
		}
	}
	return out
}

// scanned is something the client may see, as text made comparable with
// markers: in lower case, with no white space (a packet may break a line
// inside a marker).
type scanned struct{ what, text string }

func scan(what, text string) scanned {
	return scanned{what, strings.ToLower(strings.Join(strings.Fields(text), ""))}
}

// coCreationScan enters co-creation mode for the client and returns every
// read it offers, before and after the writes, and what each write returns,
// made on the client's own entries as the page makes them. It fails when
// CoCreation has a method it does not call.
func coCreationScan(t *testing.T, s *Shell, id int64, privateEntry domain.PowerMapEntry, tier int64) (reads, writes []scanned) {
	co, called := NewCoCreation(s), map[string]bool{"Leave": true}
	keep := func(out *[]scanned, name string) func(any, error) {
		return func(v any, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("co-creation %s: %v", name, err)
			}
			b, _ := json.Marshal(v)
			*out, called[name] = append(*out, scan("co-creation "+name, string(b))), true
		}
	}
	read := func() (rec domain.ClientRecord, j domain.IntegrationRecord) {
		rec, j = must[domain.ClientRecord](t, "View")(co.View()), must[domain.IntegrationRecord](t, "Journey")(co.Journey())
		keep(&reads, "View")(rec, nil)
		keep(&reads, "Journey")(j, nil)
		keep(&reads, "Fees")(co.Fees())
		return rec, j
	}
	// The therapist's read-only preview of the mode: the same reads.
	keep(&reads, "Preview")(co.Preview(id))
	read()
	must[bool](t, "leave the preview")(co.Leave(""))
	keep(&reads, "Enter")(co.Enter(id))
	rec, j := read()
	w := func(name string) func(any, error) { return keep(&writes, name) }
	by, say := domain.ByClient, "Said in the room"
	w("AddPlanItem")(co.AddPlanItem(domain.Goal, say, by))
	w("RevisePlanItem")(co.RevisePlanItem(rec.Plan[0].ID, say, say, by))
	w("AgreePlanItem")(co.AgreePlanItem(rec.Plan[slices.IndexFunc(rec.Plan, func(it domain.PlanItem) bool { return it.Kind == domain.Intention })].ID))
	w("AddPowerMapEntry")(co.AddPowerMapEntry(domain.PowerMapEntry{Difference: say, WrittenOn: "2026-06-01", Author: by}))
	e := rec.PowerMap[0]
	e.Agreed = say
	w("UpdatePowerMapEntry")(co.UpdatePowerMapEntry(e))
	_, err := co.UpdatePowerMapEntry(privateEntry)
	if code, _ := errCode(t, err); code != domain.ENOTFOUND {
		t.Fatalf("a private power map entry, updated in co-creation: %v", err)
	}
	writes = append(writes, scan("co-creation UpdatePowerMapEntry of a private entry", err.Error()))
	w("AddAgreement")(co.AddAgreement(domain.NewAgreement{Kind: domain.RightToStop, Terms: []domain.AgreementTerm{{Key: "text", Text: say}}}, by))
	a := rec.Agreements[0]
	w("ReviseAgreement")(co.ReviseAgreement(a.ID, say, a.Terms, domain.ByTogether))
	w("ConfirmAgreement")(co.ConfirmAgreement(a.ID, say))
	w("SaveIdentities")(co.SaveIdentities(append(rec.Client.Identities, domain.Identity{Facet: say}), by))
	open := j.Sessions[3] // the medicine session not yet finalised
	w("AddSettingElement")(co.AddSettingElement(domain.NewSettingElement{SessionID: open.ID, Category: "objects", Text: say, ProposedBy: by}))
	w("ReviseSettingElement")(co.ReviseSettingElement(open.Setting[0].ID, say, by))
	w("SetSettingComfort")(co.SetSettingComfort(open.Setting[0].ID, domain.Welcome))
	w("SetTherapistComfort")(co.SetTherapistComfort(open.Setting[0].ID, domain.Welcome))
	w("RetireSettingElement")(co.RetireSettingElement(open.Setting[1].ID, by))
	w("AddShift")(co.AddShift(domain.Shift{SessionID: j.Sessions[1].ID, NoticedOn: "2026-05-06", Area: "self", Description: say, Intensity: 2, RecordedBy: by}))
	w("AddMeaning")(co.AddMeaning(j.Shifts[0].ID, say, by))
	w("AddPattern")(co.AddPattern(domain.NewPattern{Name: say, Examples: say, ProposedBy: by, NoticedOn: "2026-05-30"}))
	for _, p := range j.Patterns {
		w("RenamePattern")(co.RenamePattern(p.ID, say, by))
		w("SetPatternStatus")(co.SetPatternStatus(p.ID, domain.PatternChange{On: "2026-05-30", Status: domain.PatternLoosening, Note: say, By: by}))
		w("LinkPattern")(co.LinkPattern(p.ID, p.ShiftIDs, p.SessionIDs, by))
	}
	w("AddResource")(co.AddResource(domain.Resource{Kind: domain.ResourceKinds[1], Name: say, ProposedBy: by}))
	res := j.Resources[0]
	res.WhenHelped = say
	w("UpdateResource")(co.UpdateResource(res, by))
	w("ChooseTier")(co.ChooseTier(tier, say))
	keep(&reads, "Instruments")(co.Instruments())
	reads = append(reads, ownCopyScan(t, s, co)...)
	keep(&reads, "SaveOpener")(co.SaveOpener())
	called["SaveOwnCopy"] = true
	w("AddMeasure")(co.AddMeasure(domain.Measure{Date: "2026-06-01", Instrument: domain.Instrument{Key: "phq9"}, Answers: []domain.Answer{{Item: 9, Value: 1}}, EnteredBy: by}))
	read()
	for i, typ := 0, reflect.TypeOf(co); i < typ.NumMethod(); i++ {
		if !called[typ.Method(i).Name] {
			t.Errorf("CoCreation.%s is not scanned: call it in coCreationScan and keep what it returns", typ.Method(i).Name)
		}
	}
	return reads, writes
}

// ownCopyScan saves the client's own copy from co-creation mode, opens it
// with its passphrase and returns the text of each file in it (the PDF as
// pdftotext reads it).
func ownCopyScan(t *testing.T, s *Shell, co *CoCreation) []scanned {
	t.Helper()
	was := offline.OwnCopyWorkFactor
	offline.OwnCopyWorkFactor = 10
	defer func() { offline.OwnCopyWorkFactor = was }()
	dir, path := t.TempDir(), ""
	s.dialogs = saveAnswer(func(name string) string { path = filepath.Join(dir, name); return path })
	const pass = "quartz lantern meadow fig"
	if _, err := co.SaveOwnCopy("too short"); err == nil {
		t.Fatal("an own copy was locked with a weak passphrase")
	}
	must[bool](t, "SaveOwnCopy")(co.SaveOwnCopy(pass))
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	files := must[[]offline.OwnCopyFile](t, "open the own copy")(offline.ReadOwnCopy(f, pass))
	var out []scanned
	for _, file := range files {
		text := string(file.Data)
		if strings.HasSuffix(file.Name, ".pdf") {
			pdf := filepath.Join(dir, file.Name)
			os.WriteFile(pdf, file.Data, 0o600)
			b, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext on the own copy: %v", err)
			}
			text = string(b)
		}
		out = append(out, scan("own copy's "+file.Name, text))
	}
	if names := len(out); names != 3 {
		t.Fatalf("the own copy holds %d files, want README.txt, record.pdf and record.json", names)
	}
	return out
}

// clientCopies makes, as the page does (Packets.Available and SaveAs), the
// client copy of every packet offered for the client and for each of their
// sessions, in every length, and their receipts and a statement
// (Fees.SaveBilling). It returns their text as pdftotext reads it, the
// print dialog's preview of each client copy (Packets.Preview), and the
// text of the therapist's copy of the record.
func clientCopies(t *testing.T, s *Shell, id int64, sessions []domain.Session, payments []domain.Payment) (copies, previews []scanned, therapists string) {
	dir, path := t.TempDir(), ""
	s.dialogs = saveAnswer(func(name string) string {
		path = filepath.Join(dir, fmt.Sprintf("%03d-%s", len(copies), name))
		return path
	})
	save := func(what string) func(bool, error) {
		return func(ok bool, err error) {
			t.Helper()
			if err != nil || !ok {
				t.Fatalf("%s: %v", what, err)
			}
			text, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext (poppler-utils, see scripts/install-deps.sh) on the %s: %v", what, err)
			}
			copies = append(copies, scan(what, string(text)))
		}
	}
	made, packets := map[packet.Kind]bool{}, NewPackets(s)
	for _, se := range append([]domain.Session{{}}, sessions...) { // no session (ID 0), then each
		sid := se.ID
		for _, c := range must[[]PacketChoice](t, "available packets")(packets.Available(id, sid)) {
			lengths := c.Days
			if len(lengths) == 0 {
				lengths = []int{0}
			}
			for _, days := range lengths {
				if slices.Contains(c.Copies, string(packet.ClientCopy)) {
					what := fmt.Sprintf("client copy of the %s packet (session %d, %d days)", c.Kind, sid, days)
					save(what)(packets.SaveAs(c.Kind, id, sid, string(packet.ClientCopy), days))
					pv := must[PacketPreview](t, "preview")(packets.Preview(c.Kind, id, sid, string(packet.ClientCopy), days))
					b, _ := json.Marshal(pv)
					previews = append(previews, scan("print dialog's preview of the "+what, string(b)))
					made[packet.Kind(c.Kind)] = true
				}
			}
		}
	}
	for _, k := range packet.Kinds {
		if slices.Contains(k.Copies(), packet.ClientCopy) && !made[k] {
			t.Errorf("the %s packet has a client copy, but none was offered for this client: seed what it needs", k)
		}
	}
	for _, p := range payments {
		if p.Counts() {
			save(fmt.Sprintf("receipt of payment %d", p.ID))(NewFees(s).SaveBilling(BillingRequest{ClientID: id, PaymentID: p.ID, LegalName: true}))
		}
	}
	save("statement")(NewFees(s).SaveBilling(BillingRequest{ClientID: id, From: "2026-01-01", To: "2026-12-31", LegalName: true}))
	save("therapist's copy of the record")(packets.SaveAs(string(packet.RecordPacket), id, 0, string(packet.TherapistCopy), 0))
	return copies[:len(copies)-1], previews, copies[len(copies)-1].text
}

func TestPrivacyScanFindsNoPrivateFieldInCoCreationOrClientCopies(t *testing.T) {
	s := newShell(t) // the vault's clock is clocktest's, like every app test's
	ctx := context.Background()
	tiers := seedPractice(t, s, &marks{who: "P"})
	id := seedClient(t, s, &marks{who: "A"}, tiers)
	other := seedClient(t, s, &marks{who: "B"}, tiers)
	must[bool](t, "archive")(NewClients(s).Archive(other))

	// The therapist's full records, read back from the vault.
	db := must[*storage.DB](t, "database")(s.db())
	rec := must[domain.ClientRecord](t, "record")(db.ClientRecord(ctx, id))
	in := must[domain.IntegrationRecord](t, "integration")(db.Integration(ctx, id))
	fees := must[domain.ClientFees](t, "fees")(db.ClientFees(ctx, id))
	free, vis, all := checkCoverage(t, rec, in, fees)

	// What is private is what the filter keeps from the client.
	full := markersIn(t, rec, in, fees)
	shared := markersIn(t, domain.ClientView(rec), domain.View(in), domain.View(fees))
	private := map[string]bool{}
	for tok := range full {
		if !shared[tok] {
			private[tok] = true
		}
	}
	for _, field := range []string{"Client_IntakeNote", "Reflection_Text", "Session_PrivateNotes", "MedicineDetails_Substance",
		"MedicineDetails_Dose", "MedicineDetails_Times", "Addendum_Text", "PowerMapEntry_Difference",
		"Session_Somatic", "AdverseEvent_Description", "Pattern_Examples", "SessionFee_Note"} { // kept private by choice
		if !slices.ContainsFunc(slices.Collect(maps.Keys(private)), func(tok string) bool { return strings.Contains(tok, strings.ToLower("_"+field+"_")) }) {
			t.Errorf("no marker of %s is private: the filter lets it through, or it is not seeded", field)
		}
	}
	if len(rec.History) == 0 || len(domain.ClientView(rec).History) != 0 {
		t.Errorf("the history (%d entries) is not kept from the client", len(rec.History))
	}
	if a := must[domain.ClientRecord](t, "archived")(db.ClientRecord(ctx, other)); a.Client.Archived == "" || domain.ClientView(a).Client.Archived != "" {
		t.Errorf("the archive stamp %q is not kept from the client", a.Client.Archived)
	}
	if _, err := NewCoCreation(s).Enter(other); err == nil {
		t.Fatal("an archived record was entered in co-creation")
	}

	// What the client may see: the client copies, made by the therapist,
	// then all of co-creation mode.
	copies, previews, therapists := clientCopies(t, s, id, in.Sessions, fees.Account.Payments)
	privateEntry := rec.PowerMap[slices.IndexFunc(rec.PowerMap, func(e domain.PowerMapEntry) bool { return e.Visibility != domain.Shared })]
	reads, writes := coCreationScan(t, s, id, privateEntry, tiers[0])
	inCopies := 0
	for i, o := range slices.Concat(copies, previews, reads, writes) {
		for tok := range private {
			if strings.Contains(o.text, tok) {
				t.Errorf("%s shows the private %s", o.what, tok)
			}
		}
		found := markerRE.FindAllString(o.text, -1)
		for _, tok := range found {
			if strings.HasPrefix(tok, "zq_b_") {
				t.Errorf("%s shows the other client's %s", o.what, tok)
			}
		}
		if i < len(copies) {
			inCopies += len(found)
		}
	}

	// A scan that read nothing would find nothing: co-creation must show
	// every shared marker, each client copy its practice's name, and the
	// therapist's copy the private markers, read as the client copies are.
	var coText strings.Builder
	for _, o := range reads {
		coText.WriteString(o.text)
	}
	for tok := range shared {
		if !strings.Contains(coText.String(), tok) {
			t.Errorf("co-creation never shows the shared %s", tok)
		}
	}
	for _, o := range copies {
		if !strings.Contains(o.text, "fictionalpractice") {
			t.Errorf("the %s does not show the practice's name: its text was not read", o.what)
		}
	}
	inTherapists := len(slices.DeleteFunc(slices.Collect(maps.Keys(private)), func(tok string) bool { return !strings.Contains(therapists, tok) }))
	// Floors a little below what the scan covers today, so that it cannot
	// quietly shrink.
	if free < 50 || len(shared) < 100 || len(private) < 30 || inTherapists < 10 || len(copies) < 25 || inCopies < 100 || len(reads)+len(writes) < 30 {
		t.Errorf("the scan is too small: %d free-text fields, %d shared and %d private markers, %d private markers in the therapist's copy, "+
			"%d client copies showing %d markers, %d co-creation answers", free, len(shared), len(private), inTherapists, len(copies), inCopies, len(reads)+len(writes))
	}
	t.Logf("%d string fields (%d free text, %d visibilities); %d markers (%d shared, %d private); %d client copies showing %d markers "+
		"(the therapist's copy of the record shows %d private ones); %d co-creation reads and %d writes",
		all, free, vis, len(full), len(shared), len(private), len(copies), inCopies, inTherapists, len(reads), len(writes))
}
