package storage

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

// dayOffset is the pinned clock's date moved by n days.
func dayOffset(n int) string {
	return clocktest.Today().AddDate(0, 0, n).Format(time.DateOnly)
}

// answerAll answers every item asked no, except those in set.
func answerAll(items []domain.ScreeningItem, set map[int64]domain.ScreenAnswer) []domain.ScreeningAnswer {
	out := make([]domain.ScreeningAnswer, len(items))
	for i, it := range items {
		a := domain.AnswerNo
		if v, ok := set[it.ID]; ok {
			a = v
		}
		out[i] = domain.ScreeningAnswer{ItemID: it.ID, Answer: a}
	}
	return out
}

// mustScreen records a screening of every item in use, answered no except
// for those in set.
func mustScreen(t *testing.T, db *DB, clientID int64, on string, by domain.Actor, set map[int64]domain.ScreenAnswer) domain.Screening {
	t.Helper()
	ctx := context.Background()
	items, err := db.ScreeningItems(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.AddScreening(ctx, domain.NewScreening{ClientID: clientID, ScreenedOn: on, AnsweredBy: by, Answers: answerAll(items, set)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// historyOf is the history of clientID (0: about no client) of one entity
// and action.
func historyOf(t *testing.T, db *DB, clientID int64, entity, action string) []domain.HistoryEntry {
	t.Helper()
	all, err := db.History(context.Background(), clientID)
	if err != nil {
		t.Fatal(err)
	}
	var out []domain.HistoryEntry
	for _, h := range all {
		if h.Entity == entity && h.Action == action {
			out = append(out, h)
		}
	}
	return out
}

func TestTheMigrationShipsTheStartingChecklist(t *testing.T) {
	db, _, _ := mustOpen(t)
	items, err := db.ScreeningItems(context.Background(), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != len(domain.StartingChecklist) || len(items) != 10 {
		t.Fatalf("%d items; want the 10 of the starting checklist", len(items))
	}
	for i, it := range items {
		if it.Text != domain.StartingChecklist[i] || it.Position != i+1 || it.Retired != "" {
			t.Errorf("item %d: %+v; want %q at position %d, asked", i, it, domain.StartingChecklist[i], i+1)
		}
	}
}

func TestChecklistItemsAreAddedRewordedAndRetiredWithTheirHistory(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")

	added, err := db.AddScreeningItem(ctx, "  Takes a beta blocker  ")
	if err != nil || added.Text != "Takes a beta blocker" || added.Position != 11 || added.ID == 0 {
		t.Fatalf("%+v %v", added, err)
	}
	for _, dup := range []string{"Takes a beta blocker", " Takes lithium "} {
		if _, err := db.AddScreeningItem(ctx, dup); domain.ErrorField(err) != "text" || !strings.Contains(domain.ErrorMessage(err), "already asks") {
			t.Errorf("%q again: %v", dup, err)
		}
	}
	if _, err := db.AddScreeningItem(ctx, "  "); domain.ErrorField(err) != "text" {
		t.Fatalf("an empty item: %v", err)
	}
	items, _ := db.ScreeningItems(ctx, false)
	if len(items) != 11 || items[10].ID != added.ID {
		t.Fatalf("the checklist after adding: %+v", items)
	}
	lithium := items[0]

	// Answers given keep the wording they were given to.
	first := mustScreen(t, db, c.ID, dayOffset(-20), domain.ByClient, map[int64]domain.ScreenAnswer{lithium.ID: domain.AnswerYes})
	reworded, err := db.RewordScreeningItem(ctx, lithium.ID, "Takes lithium, now or in the last month")
	if err != nil || reworded.Text != "Takes lithium, now or in the last month" || reworded.Position != 1 {
		t.Fatalf("%+v %v", reworded, err)
	}
	if _, err := db.RewordScreeningItem(ctx, lithium.ID, " Takes lithium, now or in the last month "); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("the same wording: %v", err)
	}
	if _, err := db.RewordScreeningItem(ctx, lithium.ID, "two\nlines"); domain.ErrorField(err) != "text" {
		t.Fatalf("two lines: %v", err)
	}
	if _, err := db.RewordScreeningItem(ctx, 9999, "Anything"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("an unknown item: %v", err)
	}

	// A retired item is no longer asked; its answers stay.
	retired, err := db.RetireScreeningItem(ctx, added.ID)
	if err != nil || retired.Retired == "" {
		t.Fatalf("%+v %v", retired, err)
	}
	if _, err := db.RetireScreeningItem(ctx, added.ID); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("retiring twice: %v", err)
	}
	if _, err := db.RetireScreeningItem(ctx, 9999); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("retiring an unknown item: %v", err)
	}
	asked, _ := db.ScreeningItems(ctx, false)
	every, _ := db.ScreeningItems(ctx, true)
	if len(asked) != 10 || len(every) != 11 || every[10].Retired == "" || slices.ContainsFunc(asked, func(it domain.ScreeningItem) bool { return it.ID == added.ID }) {
		t.Fatalf("asked %d, all %d: %+v", len(asked), len(every), every)
	}
	withRetired := append(answerAll(asked, nil), domain.ScreeningAnswer{ItemID: added.ID, Answer: domain.AnswerNo})
	if _, err := db.AddScreening(ctx, domain.NewScreening{ClientID: c.ID, ScreenedOn: dayOffset(0), AnsweredBy: domain.ByClient, Answers: withRetired}); domain.ErrorField(err) != "answers" {
		t.Fatalf("an answer to a retired item: %v", err)
	}
	second := mustScreen(t, db, c.ID, dayOffset(0), domain.ByClient, nil)

	h, err := db.Health(ctx, c.ID)
	if err != nil || len(h.Screenings) != 2 {
		t.Fatalf("%+v %v", h, err)
	}
	old := h.Screenings[0]
	if old.ID != first.ID || len(old.Answers) != 11 || old.Answers[0].Item != "Takes lithium" || old.Answers[0].Answer != domain.AnswerYes ||
		old.Answers[10].ItemID != added.ID || old.Answers[10].Item != "Takes a beta blocker" {
		t.Fatalf("the first screening changed with the checklist: %+v", old)
	}
	if now := h.Screenings[1]; now.ID != second.ID || len(now.Answers) != 10 || now.Answers[0].Item != "Takes lithium, now or in the last month" {
		t.Fatalf("the second screening: %+v", now)
	}

	// The checklist is the practice's: its history is about no client.
	for action, id := range map[string]int64{"create": added.ID, "reword": lithium.ID, "retire": added.ID} {
		hs := historyOf(t, db, 0, "screening_item", action)
		if len(hs) != 1 || hs[0].EntityID != id || hs[0].Actor != domain.ByTherapist {
			t.Errorf("%s: %+v", action, hs)
		}
	}
	reword := historyOf(t, db, 0, "screening_item", "reword")[0]
	if !strings.Contains(reword.Before, `"Takes lithium"`) || !strings.Contains(reword.After, "in the last month") {
		t.Errorf("the rewording's before and after: %s → %s", reword.Before, reword.After)
	}
	// A retired wording may be asked again as a new item.
	if again, err := db.AddScreeningItem(ctx, "Takes a beta blocker"); err != nil || again.ID == added.ID || again.Position != 12 {
		t.Fatalf("asking a retired wording again: %+v %v", again, err)
	}
}

func TestAScreeningAnswersEveryItemAndReScreeningKeepsEarlierRounds(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	items, _ := db.ScreeningItems(ctx, false)
	screen := func(answers []domain.ScreeningAnswer) error {
		_, err := db.AddScreening(ctx, domain.NewScreening{ClientID: c.ID, ScreenedOn: dayOffset(-3), AnsweredBy: domain.ByClient, Answers: answers})
		return err
	}
	for name, answers := range map[string][]domain.ScreeningAnswer{
		"one unanswered":  answerAll(items[:9], nil),
		"an unknown item": append(answerAll(items, nil), domain.ScreeningAnswer{ItemID: 9999, Answer: domain.AnswerNo}),
		"one twice":       append(answerAll(items, nil), domain.ScreeningAnswer{ItemID: items[3].ID, Answer: domain.AnswerYes}),
		"none":            nil,
	} {
		if err := screen(answers); domain.ErrorCode(err) != domain.EINVALID || domain.ErrorField(err) != "answers" {
			t.Errorf("%s: %v", name, err)
		}
	}
	if err := screen(answerAll(items[:9], nil)); !strings.Contains(domain.ErrorMessage(err), items[9].Text) {
		t.Errorf("the unanswered item is not named: %v", err)
	}
	if n := countRows(t, db, "screenings") + countRows(t, db, "screening_answers"); n != 0 {
		t.Fatalf("a refused screening was saved: %d rows", n)
	}

	first, err := db.AddScreening(ctx, domain.NewScreening{ClientID: c.ID, ScreenedOn: dayOffset(-40), AnsweredBy: domain.ByClient, Note: " At intake. ",
		Answers: answerAll(items, map[int64]domain.ScreenAnswer{items[2].ID: domain.AnswerYes, items[6].ID: domain.AnswerUnsure})})
	if err != nil {
		t.Fatal(err)
	}
	if first.Note != "At intake." || first.Created == "" || len(first.Answers) != 10 || first.Answers[2].Item != items[2].Text {
		t.Fatalf("%+v", first)
	}
	flags := first.Flags()
	if len(flags) != 2 || flags[0].ItemID != items[2].ID || flags[0].Answer != domain.AnswerYes || flags[1].ItemID != items[6].ID || flags[1].Answer != domain.AnswerUnsure {
		t.Fatalf("flags %+v", flags)
	}
	// Whoever answered is the screening's author in the history.
	if h := lastHistory(t, db, c.ID); h.Entity != "screening" || h.Action != "create" || h.EntityID != first.ID || h.Actor != domain.ByClient {
		t.Fatalf("history %+v", h)
	}

	second := mustScreen(t, db, c.ID, dayOffset(-1), domain.ByTogether, nil)
	if h := lastHistory(t, db, c.ID); h.Entity != "screening" || h.EntityID != second.ID || h.Actor != domain.ByTogether {
		t.Fatalf("history %+v", h)
	}
	health, err := db.Health(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	latest, _ := health.Latest()
	if len(health.Screenings) != 2 || latest.ID != second.ID || len(latest.Flags()) != 0 {
		t.Fatalf("screenings %+v", health.Screenings)
	}
	if !jsonEqual(t, health.Screenings[0], first) {
		t.Fatalf("the first round changed:\n%+v\n%+v", health.Screenings[0], first)
	}
	if page := mustRecord(t, db, c.ID); len(page.Health.Screenings) != 2 {
		t.Fatalf("the client's record has %d screenings", len(page.Health.Screenings))
	}

	if _, err := db.Health(ctx, 9999); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("an unknown client's health: %v", err)
	}
	if _, err := db.AddScreening(ctx, domain.NewScreening{ClientID: 9999, ScreenedOn: dayOffset(0), AnsweredBy: domain.ByClient, Answers: answerAll(items, nil)}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("an unknown client: %v", err)
	}
	if err := db.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := screen(answerAll(items, nil)); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "archived") {
		t.Fatalf("an archived client: %v", err)
	}
}

func jsonEqual(t *testing.T, a, b any) bool {
	t.Helper()
	x, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestMedicationsAreAddedChangedAndStopped(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")

	if _, err := db.AddMedication(ctx, domain.Medication{ClientID: c.ID, Name: " "}); domain.ErrorField(err) != "name" {
		t.Fatalf("no name: %v", err)
	}
	m, err := db.AddMedication(ctx, domain.Medication{ClientID: c.ID, Name: " Sertraline ", Dose: "50 mg", Since: "2019", Author: domain.ByClient})
	if err != nil || m.ID == 0 || m.Name != "Sertraline" || m.ClientID != c.ID || m.Author != domain.ByClient || m.Created == "" || m.StoppedOn != "" {
		t.Fatalf("%+v %v", m, err)
	}
	if h := lastHistory(t, db, c.ID); h.Entity != "medication" || h.Action != "create" || h.EntityID != m.ID || h.Actor != domain.ByClient {
		t.Fatalf("history %+v", h)
	}
	other, err := db.AddMedication(ctx, domain.Medication{ClientID: c.ID, Name: "Melatonin"})
	if err != nil || other.Author != domain.ByTherapist {
		t.Fatalf("%+v %v", other, err)
	}

	if _, err := db.UpdateMedication(ctx, m, domain.ByTherapist); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("nothing changed: %v", err)
	}
	m.Dose = "100 mg"
	changed, err := db.UpdateMedication(ctx, m, domain.ByTogether)
	if err != nil || changed.Dose != "100 mg" || changed.Author != domain.ByClient {
		t.Fatalf("%+v %v", changed, err)
	}
	h := lastHistory(t, db, c.ID)
	if h.Entity != "medication" || h.Action != "update" || h.Actor != domain.ByTogether || !strings.Contains(h.Before, `"50 mg"`) || !strings.Contains(h.After, `"100 mg"`) {
		t.Fatalf("history %+v", h)
	}

	m.StoppedOn = "2026-13-01"
	if _, err := db.UpdateMedication(ctx, m, domain.ByTherapist); domain.ErrorField(err) != "stoppedOn" {
		t.Fatalf("a date that is not one: %v", err)
	}
	m.StoppedOn = dayOffset(-2)
	stopped, err := db.UpdateMedication(ctx, m, domain.ByTherapist)
	if err != nil || stopped.StoppedOn != dayOffset(-2) {
		t.Fatalf("%+v %v", stopped, err)
	}
	health, _ := db.Health(ctx, c.ID)
	if len(health.Medications) != 2 || health.Medications[0].ID != m.ID || health.Medications[0].StoppedOn == "" {
		t.Fatalf("a stopped medication is kept, dated: %+v", health.Medications)
	}
	if cur := health.Current(); len(cur) != 1 || cur[0].ID != other.ID {
		t.Fatalf("current %+v", cur)
	}
	if _, err := db.UpdateMedication(ctx, domain.Medication{ID: 9999, Name: "x"}, domain.ByTherapist); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("an unknown medication: %v", err)
	}
	if _, err := db.UpdateMedication(ctx, m, "nurse"); domain.ErrorField(err) != "author" {
		t.Fatalf("an unknown author: %v", err)
	}

	db.ArchiveClient(ctx, c.ID)
	if _, err := db.AddMedication(ctx, domain.Medication{ClientID: c.ID, Name: "Ibuprofen"}); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("an archived client: %v", err)
	}
	m.Notes = "with food"
	if _, err := db.UpdateMedication(ctx, m, domain.ByTherapist); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("an archived client: %v", err)
	}
}

func TestAllergiesAndHealthHistoryAreSavedAndRecorded(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	if h, err := db.Health(ctx, c.ID); err != nil || h.Allergies != "" || h.Updated != "" || h.Medications == nil || h.Screenings == nil {
		t.Fatalf("nothing written yet: %+v %v", h, err)
	}
	h, err := db.SaveHealthNotes(ctx, c.ID, " Penicillin ", "Asthma as a child.", domain.ByClient)
	if err != nil || h.Allergies != "Penicillin" || h.History != "Asthma as a child." || h.Updated == "" {
		t.Fatalf("%+v %v", h, err)
	}
	last := lastHistory(t, db, c.ID)
	if last.Entity != "health" || last.Action != "update" || last.EntityID != c.ID || last.Actor != domain.ByClient ||
		last.Before != `{"allergies":"","history":""}` || !strings.Contains(last.After, "Penicillin") {
		t.Fatalf("history %+v", last)
	}
	if _, err := db.SaveHealthNotes(ctx, c.ID, "Penicillin", " Asthma as a child. ", domain.ByTherapist); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("nothing changed: %v", err)
	}
	if h, err = db.SaveHealthNotes(ctx, c.ID, "", "Asthma as a child.", domain.ByTherapist); err != nil || h.Allergies != "" {
		t.Fatalf("clearing the allergies: %+v %v", h, err)
	}
	if last = lastHistory(t, db, c.ID); last.Actor != domain.ByTherapist || !strings.Contains(last.Before, "Penicillin") {
		t.Fatalf("history %+v", last)
	}
	if _, err := db.SaveHealthNotes(ctx, c.ID, "x", "y", "nurse"); domain.ErrorField(err) != "author" {
		t.Fatalf("an unknown author: %v", err)
	}
	if _, err := db.SaveHealthNotes(ctx, c.ID, "x\x00", "y", domain.ByClient); domain.ErrorField(err) != "allergies" {
		t.Fatalf("a control character: %v", err)
	}
	if _, err := db.SaveHealthNotes(ctx, 9999, "x", "y", domain.ByClient); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("an unknown client: %v", err)
	}
	if r := mustRecord(t, db, c.ID); r.Health.History != "Asthma as a child." {
		t.Fatalf("the record's health: %+v", r.Health)
	}
	db.ArchiveClient(ctx, c.ID)
	if _, err := db.SaveHealthNotes(ctx, c.ID, "Latex", "", domain.ByClient); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("an archived client: %v", err)
	}
}

func TestAScreeningIsNotDatedAheadAndAnItemIsNotAskedTwice(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Odile Fictional")
	items, _ := db.ScreeningItems(ctx, false)
	_, err := db.AddScreening(ctx, domain.NewScreening{ClientID: c.ID, ScreenedOn: dayOffset(1), AnsweredBy: domain.ByClient, Answers: answerAll(items, nil)})
	if domain.ErrorField(err) != "screenedOn" {
		t.Fatalf("a screening dated tomorrow: %v", err)
	}
	mustScreen(t, db, c.ID, dayOffset(0), domain.ByClient, nil)
	if _, err := db.RewordScreeningItem(ctx, items[0].ID, items[1].Text); domain.ErrorField(err) != "text" {
		t.Fatalf("rewording an item to another's words: %v", err)
	}
}
