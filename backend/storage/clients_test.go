package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/backend/domain"
)

func mustClient(t *testing.T, db *DB, name string) domain.Client {
	t.Helper()
	c, err := db.CreateClient(context.Background(), domain.Client{ChosenName: name, Pronouns: "they/them"}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func lastHistory(t *testing.T, db *DB, clientID int64) domain.HistoryEntry {
	t.Helper()
	h, err := db.History(context.Background(), clientID)
	if err != nil || len(h) == 0 {
		t.Fatalf("history: %v %v", h, err)
	}
	return h[len(h)-1]
}

func TestClientsSearchAndOrder(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	zoe := mustClient(t, db, "Zoë Ñúñez-Øvergård")
	mustClient(t, db, "محمد")
	mustClient(t, db, "प्रिया")
	closed := mustClient(t, db, "Aaron Closed")
	closed.Status = domain.StatusClosed
	if _, err := db.UpdateClient(ctx, closed, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"zoe": 1, "ZOË": 1, "overgard": 1, "nunez zoe": 1, "محمد": 1, "प्रिया": 1, "": 4, "nobody": 0} {
		got, err := db.Clients(ctx, domain.ClientFilter{Query: q})
		if err != nil || len(got) != want {
			t.Errorf("query %q: %d results (%v), want %d", q, len(got), err, want)
		}
	}
	all, _ := db.Clients(ctx, domain.ClientFilter{})
	if all[len(all)-1].ID != closed.ID {
		t.Errorf("closed client not last: %+v", all)
	}
	if got, _ := db.Clients(ctx, domain.ClientFilter{Status: domain.StatusClosed}); len(got) != 1 {
		t.Errorf("status filter: %+v", got)
	}
	if zoe.Status != domain.StatusActive {
		t.Errorf("default status %q", zoe.Status)
	}
}

func TestClientValidationSavesNothing(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	for _, c := range []domain.Client{
		{ChosenName: ""},
		{ChosenName: "Ok", DateOfBirth: "2001-02-30"},
		{ChosenName: "Ok", Pronouns: "she\x00her"},
		{ChosenName: strings.Repeat("n", domain.MaxShortText+1)},
		{ChosenName: "Ok", Identities: []domain.Identity{{Facet: "", Description: "no facet"}}},
		{ChosenName: "Ok", Status: "gone"},
	} {
		if _, err := db.CreateClient(ctx, c, domain.ByTherapist); domain.ErrorCode(err) != domain.EINVALID || domain.ErrorField(err) == "" {
			t.Errorf("%+v: %v", c, err)
		}
	}
	if got, _ := db.Clients(ctx, domain.ClientFilter{}); len(got) != 0 {
		t.Fatalf("an invalid client was saved: %+v", got)
	}
	var n int
	db.sql.QueryRow(`SELECT count(*) FROM history`).Scan(&n)
	if n != 0 {
		t.Fatalf("%d history rows for failed writes", n)
	}
}

func TestEveryChangeIsRecordedWithItsActor(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Zoë")
	check := func(entity, action string, actor domain.Actor) {
		t.Helper()
		h := lastHistory(t, db, c.ID)
		if h.Entity != entity || h.Action != action || h.Actor != actor {
			t.Fatalf("last history %s/%s by %s, want %s/%s by %s", h.Entity, h.Action, h.Actor, entity, action, actor)
		}
	}
	check("client", "create", domain.ByTherapist)
	c.Identities = []domain.Identity{{Facet: "Spirituality", Description: "Raised Quaker, now finding my own way"}}
	c, _ = db.UpdateClient(ctx, c, domain.ByClient)
	check("client", "update", domain.ByClient)
	if h := lastHistory(t, db, c.ID); !strings.Contains(h.After, "Quaker") || strings.Contains(h.Before, "Quaker") {
		t.Fatalf("before/after not kept: %+v", h)
	}

	goal, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Goal, Text: "Feel at home in my body", ProposedBy: domain.ByClient}, domain.ByClient)
	if err != nil {
		t.Fatal(err)
	}
	check("plan_item", "create", domain.ByClient)
	goal, err = db.RevisePlanItem(ctx, goal.ID, "Feel more at home in my body, day by day", "reworded together", domain.ByTogether)
	if err != nil {
		t.Fatal(err)
	}
	check("plan_item", "revise", domain.ByTogether)
	if goal.Status != domain.Revised || len(goal.Revisions) != 2 || goal.Revisions[0].Text != "Feel at home in my body" || goal.Text != "Feel more at home in my body, day by day" {
		t.Fatalf("revision overwrote or lost wording: %+v", goal)
	}
	goal, _ = db.AgreePlanItem(ctx, goal.ID, "", domain.ByClient)
	check("plan_item", "agree", domain.ByClient)
	if goal.Status != domain.Agreed || goal.AgreedOn == "" {
		t.Fatalf("agree: %+v", goal)
	}
	second, _ := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Goal, Text: "Sleep through the night", ProposedBy: domain.ByTherapist}, domain.ByTherapist)
	if err := db.MovePlanItem(ctx, second.ID, 0, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	check("plan_item", "move", domain.ByTherapist)
	rec, _ := db.ClientRecord(ctx, c.ID)
	if rec.Plan[0].ID != second.ID {
		t.Fatalf("move did not reorder: %+v", rec.Plan)
	}
	if _, err := db.RetirePlanItem(ctx, second.ID, "", domain.ByTherapist); domain.ErrorField(err) != "reason" {
		t.Fatalf("retire without reason: %v", err)
	}
	if _, err := db.RetirePlanItem(ctx, second.ID, "Sleep improved on its own", domain.ByTogether); err != nil {
		t.Fatal(err)
	}
	check("plan_item", "retire", domain.ByTogether)

	e, err := db.AddPowerMapEntry(ctx, domain.PowerMapEntry{ClientID: c.ID, Difference: "I am older and hold a licence", Visibility: domain.Shared, Author: domain.ByTogether}, domain.ByTogether)
	if err != nil {
		t.Fatal(err)
	}
	check("power_map_entry", "create", domain.ByTogether)
	e.Agreed = "We name it when it shows up"
	if _, err := db.UpdatePowerMapEntry(ctx, e, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	check("power_map_entry", "update", domain.ByTherapist)

	a, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: c.ID, Kind: domain.TouchConsent, Terms: []domain.AgreementTerm{
		{Key: "welcome", Text: "A hand on the shoulder"}, {Key: "stop_signal", Text: "I raise my hand"}}}, domain.ByTogether)
	if err != nil {
		t.Fatal(err)
	}
	check("agreement", "create", domain.ByTogether)
	a, err = db.ConfirmAgreement(ctx, a.ID, "Zoë", "")
	if err != nil || a.ConfirmedName != "Zoë" {
		t.Fatalf("confirm: %+v %v", a, err)
	}
	check("agreement", "confirm", domain.ByClient)
	a, err = db.ReviseAgreement(ctx, a.ID, "", []domain.AgreementTerm{{Key: "welcome", Text: "A hand on the shoulder or the hand"}, {Key: "stop_signal", Text: "I raise my hand"}}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	check("agreement", "revise", domain.ByTherapist)
	if a.ConfirmedName != "" || len(a.Versions) != 2 || a.Versions[0].ConfirmedName != "Zoë" {
		t.Fatalf("a changed agreement must need a new confirmation, keeping the old one: %+v", a)
	}

	r, err := db.AddReflection(ctx, domain.Reflection{ClientID: c.ID, Kind: "bias", Text: "I notice I rush to interpret"})
	if err != nil {
		t.Fatal(err)
	}
	check("reflection", "create", domain.ByTherapist)
	r.Text += " when silence grows."
	if _, err := db.UpdateReflection(ctx, r); err != nil {
		t.Fatal(err)
	}
	check("reflection", "update", domain.ByTherapist)

	if err := db.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	check("client", "archive", domain.ByTherapist)
	if _, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Goal, Text: "x", ProposedBy: domain.ByClient}, domain.ByClient); err == nil {
		t.Fatal("wrote to an archived client")
	}
	if got, _ := db.Clients(ctx, domain.ClientFilter{}); len(got) != 0 {
		t.Fatal("archived client still listed")
	}
	if got, _ := db.Clients(ctx, domain.ClientFilter{Archived: true}); len(got) != 1 {
		t.Fatal("archived client not in the archive")
	}
	if err := db.RestoreClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	check("client", "restore", domain.ByTherapist)
}

func TestEraseNeedsArchiveAndTheTypedName(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Zoë")
	db.AddReflection(ctx, domain.Reflection{ClientID: c.ID, Text: "private words"})
	if err := db.EraseClient(ctx, c.ID, "Zoë"); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("erase before archive: %v", err)
	}
	db.ArchiveClient(ctx, c.ID)
	if err := db.EraseClient(ctx, c.ID, "zoe"); domain.ErrorField(err) != "typedName" {
		t.Fatalf("erase with the wrong name: %v", err)
	}
	if err := db.EraseClient(ctx, c.ID, "Zoë"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ClientRecord(ctx, c.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("erased record still readable: %v", err)
	}
	var n int
	db.sql.QueryRow(`SELECT count(*) FROM reflections`).Scan(&n)
	if n != 0 {
		t.Fatal("reflections survived the erase")
	}
	h, _ := db.History(ctx, 0)
	if len(h) == 0 || h[len(h)-1].Action != "erase" || h[len(h)-1].Before != "" || h[len(h)-1].After != "" {
		t.Fatalf("erase not recorded without content: %+v", h)
	}
}

func TestPlanRules(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Priya")
	it, _ := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Intention, Text: "Meet my grief with kindness", ProposedBy: domain.ByClient}, domain.ByClient)
	if _, err := db.AgreePlanItem(ctx, it.ID, "1999-01-01", domain.ByClient); domain.ErrorField(err) != "agreedOn" {
		t.Fatalf("agreed before proposed: %v", err)
	}
	if _, err := db.RevisePlanItem(ctx, it.ID, "Meet my grief with kindness", "", domain.ByClient); domain.ErrorField(err) != "text" {
		t.Fatalf("unchanged revision: %v", err)
	}
	if _, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: "wish", Text: "x", ProposedBy: domain.ByClient}, domain.ByClient); domain.ErrorField(err) != "kind" {
		t.Fatalf("unknown kind: %v", err)
	}
	if _, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: c.ID, Kind: domain.SafetyPlan}, domain.ByTherapist); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("empty agreement: %v", err)
	}
	if _, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: c.ID, Kind: domain.CustomAgreement, Terms: []domain.AgreementTerm{{Key: "text", Text: "x"}}}, domain.ByTherapist); domain.ErrorField(err) != "title" {
		t.Fatalf("custom agreement without title: %v", err)
	}
}

// An erased client's words leave the search index itself, not only its
// answers: full-text segments keep a deleted row's terms until they are
// merged, so the erase merges them (and secure_delete zeroes the pages
// freed).
func TestAnErasedClientLeavesNothingInTheSearchIndex(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Quillon Fictional-Erase")
	other := mustClient(t, db, "Another Fictional-Client")
	if _, err := db.AddReflection(ctx, domain.Reflection{ClientID: c.ID, Text: "zephyrquokkaword was said here"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddReflection(ctx, domain.Reflection{ClientID: other.ID, Text: "ordinary words for the other client"}); err != nil {
		t.Fatal(err)
	}
	inIndex := func(needle string) bool {
		t.Helper()
		rows, err := db.sql.QueryContext(ctx, `SELECT block FROM search_index_data`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var b []byte
			rows.Scan(&b)
			if bytes.Contains(b, []byte(needle)) {
				return true
			}
		}
		return false
	}
	if !inIndex("quokkaword") {
		t.Fatal("the test's word is not in the index to begin with")
	}
	db.ArchiveClient(ctx, c.ID)
	if err := db.EraseClient(ctx, c.ID, c.ChosenName); err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"quokkaword", "quillon"} {
		if inIndex(word) {
			t.Errorf("%q is still in the search index's segments after the erase", word)
		}
	}
	if res, err := db.Search(ctx, "ordinary"); err != nil || len(res.Hits) == 0 {
		t.Fatalf("the other client's words are no longer found: %+v %v", res, err)
	}
}

// The client list says when each client's power map was last revisited
// together: the newest shared entry written by the client or by both. A
// private note, or an entry of the therapist's alone, is no revisit.
func TestClientsSayWhenThePowerMapWasRevisitedTogether(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Fictional Revisit Client")
	revisited := func() string {
		list, err := db.Clients(ctx, domain.ClientFilter{})
		if err != nil || len(list) != 1 {
			t.Fatalf("%+v %v", list, err)
		}
		return list[0].PowerMapRevisited
	}
	if got := revisited(); got != "" {
		t.Fatalf("no entry yet, revisited %q", got)
	}
	add := func(on string, vis domain.Visibility, author domain.Actor) {
		t.Helper()
		if _, err := db.AddPowerMapEntry(ctx, domain.PowerMapEntry{ClientID: c.ID, WrittenOn: on, Difference: "Fictional difference " + on,
			Visibility: vis, Author: author}, author); err != nil {
			t.Fatal(err)
		}
	}
	add("2026-01-10", domain.Shared, domain.ByTogether)
	add("2026-02-01", domain.Shared, domain.ByClient)
	if got := revisited(); got != "2026-02-01" {
		t.Fatalf("revisited %q, want the client's entry of 2026-02-01", got)
	}
	add("2026-05-01", domain.Private, domain.ByTherapist)
	add("2026-05-02", domain.Shared, domain.ByTherapist)
	if got := revisited(); got != "2026-02-01" {
		t.Fatalf("the therapist's own entries moved the revisit to %q", got)
	}
}

// The therapist's positionality statement reaches a client's record only
// while the therapist shares it with that client; sharing is recorded in
// the history, and a later statement is the one shared.
func TestPositionalityIsSharedClientByClient(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	if _, err := db.SavePractice(ctx, domain.Practice{Name: "Fictional Practice", Positionality: "First fictional statement."}); err != nil {
		t.Fatal(err)
	}
	shared, other := mustClient(t, db, "Fictional Shared"), mustClient(t, db, "Fictional Other")
	statement := func(id int64) domain.SharedStatement {
		t.Helper()
		r, err := db.ClientRecord(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return r.TherapistPositionality
	}
	if s := statement(shared.ID); s.Text != "" {
		t.Fatalf("shared before the therapist chose to: %+v", s)
	}
	c, err := db.SharePositionality(ctx, shared.ID, true)
	if err != nil || !c.SharePositionality {
		t.Fatalf("%+v %v", c, err)
	}
	if s := statement(shared.ID); s.Text != "First fictional statement." || s.Dated == "" {
		t.Fatalf("statement %+v", s)
	}
	if s := statement(other.ID); s.Text != "" {
		t.Fatalf("another client sees the statement: %+v", s)
	}
	if h := lastHistory(t, db, shared.ID); h.Action != "share-positionality" || h.Actor != domain.ByTherapist {
		t.Fatalf("history %+v", h)
	}
	// Saving the client's details keeps the choice.
	c.Pronouns = "she/her"
	if c, err = db.UpdateClient(ctx, c, domain.ByTherapist); err != nil || !c.SharePositionality {
		t.Fatalf("after an update %+v %v", c, err)
	}
	db.SavePractice(ctx, domain.Practice{Name: "Fictional Practice", Positionality: "Second fictional statement."})
	if s := statement(shared.ID); s.Text != "Second fictional statement." {
		t.Fatalf("statement after a rewording %+v", s)
	}
	if v := domain.ClientView(mustRecord(t, db, shared.ID)); v.TherapistPositionality.Text != "Second fictional statement." {
		t.Fatalf("the client's view lacks the shared statement: %+v", v.TherapistPositionality)
	}
	if _, err := db.SharePositionality(ctx, shared.ID, false); err != nil {
		t.Fatal(err)
	}
	if s := statement(shared.ID); s.Text != "" {
		t.Fatalf("still shared after unsharing: %+v", s)
	}
	if h := lastHistory(t, db, shared.ID); h.Action != "unshare-positionality" {
		t.Fatalf("history %+v", h)
	}
}

func mustRecord(t *testing.T, db *DB, id int64) domain.ClientRecord {
	t.Helper()
	r, err := db.ClientRecord(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// A client's agenda is the default one until chosen, is kept in order, and
// each change is in the history.
func TestAgendaIsKeptPerClient(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Fictional Agenda")
	if !slices.Equal(c.Agenda, domain.DefaultAgenda()) {
		t.Fatalf("a new client's agenda %v", c.Agenda)
	}
	got, err := db.SaveAgenda(ctx, c.ID, []string{"fees", "worksheet"})
	if err != nil || !slices.Equal(got.Agenda, []string{"worksheet", "fees"}) {
		t.Fatalf("%v %v", got.Agenda, err)
	}
	if h := lastHistory(t, db, c.ID); h.Action != "agenda" {
		t.Fatalf("history %+v", h)
	}
	if _, err := db.SaveAgenda(ctx, c.ID, []string{"notes"}); domain.ErrorField(err) != "agenda" {
		t.Fatalf("an unknown section: %v", err)
	}
	if r := mustRecord(t, db, c.ID); !slices.Equal(domain.ClientView(r).Client.Agenda, []string{"worksheet", "fees"}) {
		t.Fatalf("the client's view of the agenda %v", domain.ClientView(r).Client.Agenda)
	}
}

// Sections ticked one after another are one choice in the history, from
// the agenda before the first to the agenda after the last; a change made
// later, or after something else was recorded, is a choice of its own.
func TestAgendaChangesMadeTogetherAreOneHistoryEntry(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 6, 10, 9, 30, 0, 0, time.UTC)
	db, _, _ := mustOpen(t)
	db = db.At(func() time.Time { return now })
	c := mustClient(t, db, "Fictional Agenda")
	count := func() int {
		t.Helper()
		h, err := db.History(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range h {
			if e.Action == "agenda" {
				n++
			}
		}
		return n
	}
	for i, sections := range [][]string{{"plan", "setting"}, {"plan", "setting", "worksheet"}, {"setting", "worksheet"}} {
		now = now.Add(time.Minute)
		if _, err := db.SaveAgenda(ctx, c.ID, sections); err != nil {
			t.Fatal(i, err)
		}
	}
	h := lastHistory(t, db, c.ID)
	if n := count(); n != 1 || h.After != `["setting","worksheet"]` {
		t.Fatalf("%d agenda entries; last %+v", n, h)
	}
	first := h.Before
	now = now.Add(11 * time.Minute)
	if _, err := db.SaveAgenda(ctx, c.ID, []string{"worksheet"}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Fatalf("a change eleven minutes later made %d entries", n)
	}
	if _, err := db.AddReflection(ctx, domain.Reflection{ClientID: c.ID, Kind: "bias", Text: "Between two choices."}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveAgenda(ctx, c.ID, []string{"worksheet", "fees"}); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 3 {
		t.Fatalf("a change after another record made %d entries", n)
	}
	want, _ := json.Marshal(domain.DefaultAgenda())
	if first != string(want) {
		t.Fatalf("the first entry's before is %s, want the default agenda %s", first, want)
	}
}
