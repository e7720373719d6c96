package calendar

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/demo"
	"tandem/backend/domain"
	"tandem/backend/storage"
)

// seeded opens a real vault with the demonstration practice in it, its
// present the pinned day.
func seeded(t *testing.T) *storage.DB {
	t.Helper()
	key := make([]byte, storage.KeySize)
	rand.Read(key)
	now := clocktest.Now()
	db, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "v.db"), key, now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := demo.Seed(context.Background(), db, demo.Options{Clients: 14, Years: 2, Seed: 7, End: now()}); err != nil {
		t.Fatal(err)
	}
	return db
}

// properties reads every property of the file with an independent parser
// (Python's icalendar, from Debian).
func properties(t *testing.T, file []byte) [][3]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.ics")
	if err := os.WriteFile(path, file, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(debianPython(), "testdata/props.py", path).Output()
	if err != nil {
		var stderr string
		if e, ok := err.(*exec.ExitError); ok {
			stderr = string(e.Stderr)
		}
		t.Fatalf("python3 with icalendar could not read the file (run make deps-test if it is missing): %v\n%s", err, stderr)
	}
	var props [][3]string
	if err := json.Unmarshal(out, &props); err != nil {
		t.Fatal(err)
	}
	return props
}

// debianPython is the Python that Debian's python3-icalendar is installed
// for: /usr/bin/python3, ahead of any other python3 on the PATH.
func debianPython() string {
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		return "/usr/bin/python3"
	}
	return "python3"
}

// clinicalWords must never reach a calendar file under the default wording.
var clinicalWords = []string{"medicine", "psilocybin", "mdma", "ketamine", "psychedelic", "integration", "preparation",
	"therapy", "therapist", "session", "trauma", "dose", "client", "fictional"}

func TestTheCalendarFileNamesNoClientAndNoClinicalWord(t *testing.T) {
	ctx := context.Background()
	db := seeded(t)
	file, n, err := Export(ctx, db, Range{}, Options{Place: true, AlarmMinutes: 30}, "test", clocktest.Now()())
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d appointments in the demonstration diary", n)
	}
	props := properties(t, file)
	clients, err := db.Clients(ctx, domain.ClientFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var forbidden []string
	for _, c := range clients {
		full, err := db.Client(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		forbidden = append(forbidden, full.ChosenName, full.LegalName, full.Pronouns, full.Email, full.Phone, full.EmergencyContact)
		// Each word of a name on its own too ("Kwame", "Example").
		forbidden = append(forbidden, strings.Fields(full.ChosenName)...)
	}
	forbidden = append(forbidden, clinicalWords...)
	events, uids := 0, map[string]bool{}
	for _, p := range props {
		value := strings.ToLower(p[2])
		for _, f := range forbidden {
			if f = strings.ToLower(strings.TrimSpace(f)); len(f) > 1 && strings.Contains(value, f) {
				t.Errorf("%s %s is %q: it holds %q", p[0], p[1], p[2], f)
			}
		}
		if p[0] == "VEVENT" && p[1] == "UID" {
			events++
			uids[p[2]] = true
		}
	}
	if events != n || len(uids) != n {
		t.Errorf("%d events with %d distinct UIDs; want %d", events, len(uids), n)
	}
	// Private notes and reasons never travel, whatever the wording.
	named, _, err := Export(ctx, db, Range{}, Options{Wording: ByName, Place: true}, "test", clocktest.Now()())
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"fictional", "Client unwell", "Train strike"} {
		if strings.Contains(string(named), text) {
			t.Errorf("the file with names holds %q, from a note or a reason", text)
		}
	}
}

func TestUIDsAreStableAcrossExportsAndFollowChanges(t *testing.T) {
	ctx := context.Background()
	db := seeded(t)
	uidsOf := func(file []byte) map[string]string {
		out := map[string]string{}
		var uid string
		for _, p := range properties(t, file) {
			if p[0] != "VEVENT" {
				continue
			}
			switch p[1] {
			case "UID":
				uid = p[2]
			case "SEQUENCE":
				out[uid] = p[2]
			}
		}
		return out
	}
	first, _, err := Export(ctx, db, Range{}, Options{}, "test", clocktest.Now()())
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := Export(ctx, db, Range{}, Options{}, "test", clocktest.Now()().Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	a, b := uidsOf(first), uidsOf(again)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d and %d events", len(a), len(b))
	}
	for uid, seq := range a {
		if b[uid] != seq {
			t.Errorf("%s: sequence %q then %q, with nothing changed", uid, seq, b[uid])
		}
	}
	// Moving an appointment keeps its UID and moves its sequence on.
	rows, err := db.AppointmentsBetween(ctx, "", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	var moved domain.Appointment
	for _, r := range rows {
		if r.Status == domain.Planned {
			moved = r.Appointment
			break
		}
	}
	moved.Time = "08:15"
	if _, err := db.UpdateAppointment(ctx, moved); err != nil {
		t.Fatal(err)
	}
	id, _ := db.CalendarID(ctx)
	later, _, err := Export(ctx, db, Range{}, Options{}, "test", clocktest.Now()())
	if err != nil {
		t.Fatal(err)
	}
	c := uidsOf(later)
	uid := UID(id, moved.ID)
	if len(c) != len(a) || a[uid] == "" || c[uid] == a[uid] {
		t.Errorf("after moving %s: %d events (was %d), sequence %q then %q", uid, len(c), len(a), a[uid], c[uid])
	}
}

func TestAClientsFileHoldsOnlyTheirAppointments(t *testing.T) {
	ctx := context.Background()
	db := seeded(t)
	rows, _ := db.AppointmentsBetween(ctx, "", "", 0)
	if len(rows) == 0 {
		t.Fatal("no appointments")
	}
	one := rows[0].ClientID
	file, n, err := Export(ctx, db, Range{ClientID: one}, Options{}, "test", clocktest.Now()())
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range rows {
		if r.ClientID == one {
			want++
		}
	}
	if n != want || strings.Count(string(file), "BEGIN:VEVENT") != want {
		t.Errorf("%d appointments in the file; the client has %d", n, want)
	}
	if !strings.Contains(string(file), domain.ClientCode(one)) {
		t.Errorf("the file does not name the client's code %s", domain.ClientCode(one))
	}
	if _, _, err := Export(ctx, db, Range{From: "2026-06-10", To: "2026-06-01"}, Options{}, "test", clocktest.Now()()); domain.ErrorField(err) != "to" {
		t.Errorf("a range that ends before it begins: %v", err)
	}
	if _, _, err := Export(ctx, db, Range{}, Options{Wording: "everything"}, "test", clocktest.Now()()); domain.ErrorField(err) != "wording" {
		t.Errorf("an unknown wording: %v", err)
	}
}
