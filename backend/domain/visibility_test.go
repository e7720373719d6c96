package domain

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// fill sets every field reachable from v to a value that names its path,
// so that the test below can tell exactly which field leaked. Slices get two
// entries; entries with a Visibility get one shared and one private.
func fill(v reflect.Value, path string) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			fill(v.Field(i), path+"."+t.Field(i).Name)
		}
		if f := v.FieldByName("Visibility"); f.IsValid() {
			f.SetString(string(Shared))
		}
		// A field the therapist may keep private is checked kept private.
		for i := 0; i < t.NumField(); i++ {
			if t.Field(i).Tag.Get("vis") == Chosen {
				v.FieldByName(t.Field(i).Tag.Get("visby")).SetString(string(Private))
			}
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fill(s.Index(i), fmt.Sprintf("%s[%d]", path, i))
		}
		if e := s.Index(1); e.Kind() == reflect.Struct && e.FieldByName("Visibility").IsValid() {
			e.FieldByName("Visibility").SetString(string(Private))
		}
		v.Set(s)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), path)
	case reflect.String:
		v.SetString("@@" + path + "@@")
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(len(path)))
	}
}

// privatePaths walks the type and returns the marker of every field that
// must not reach the client: private fields, and everything inside a
// private entry ([1] of a slice of entries with a Visibility).
type fieldMarker struct {
	marker  string
	private bool
}

func markers(t reflect.Type, path string, private bool, out *[]fieldMarker) {
	switch t.Kind() {
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.Name == "Visibility" {
				continue // set to shared or private by fill, not a marker
			}
			vis := f.Tag.Get("vis")
			markers(f.Type, path+"."+f.Name, private || vis == string(Private) || vis == Chosen, out)
		}
	case reflect.Slice:
		hasVis := false
		if t.Elem().Kind() == reflect.Struct {
			_, hasVis = t.Elem().FieldByName("Visibility")
		}
		for i := 0; i < 2; i++ {
			markers(t.Elem(), fmt.Sprintf("%s[%d]", path, i), private || (hasVis && i == 1), out)
		}
	case reflect.Pointer:
		markers(t.Elem(), path, private, out)
	case reflect.String:
		*out = append(*out, fieldMarker{"@@" + path + "@@", private})
	}
}

func TestEveryFieldHasAVisibility(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Slice || ty.Kind() == reflect.Pointer {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := 0; i < ty.NumField(); i++ {
			f := ty.Field(i)
			switch v := f.Tag.Get("vis"); v {
			case string(Shared), string(Private):
			case Chosen:
				by, ok := ty.FieldByName(f.Tag.Get("visby"))
				if !ok || by.Type != reflect.TypeOf(Visibility("")) || by.Tag.Get("vis") != string(Private) {
					t.Errorf("%s.%s is vis:\"chosen\" but its visby does not name a private Visibility field beside it", ty.Name(), f.Name)
				}
			default:
				t.Errorf("%s.%s has no vis:\"shared\", vis:\"private\" or vis:\"chosen\" tag", ty.Name(), f.Name)
			}
			if f.Type.Kind() == reflect.Map {
				t.Errorf("%s.%s is a map; ClientView cannot filter maps", ty.Name(), f.Name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(ClientRecord{}))
	walk(reflect.TypeOf(IntegrationRecord{}))
	walk(reflect.TypeOf(ClientFees{}))
	walk(reflect.TypeOf(Appointment{}))
	if len(seen) < 16 {
		t.Fatalf("walked only %d entity types", len(seen))
	}
}

func TestClientViewHidesEveryPrivateFieldAndEntry(t *testing.T) {
	checkView(t, ClientView, 40, 20)
}

func TestViewOfTheIntegrationRecordHidesEveryPrivateFieldAndEntry(t *testing.T) {
	checkView(t, View[IntegrationRecord], 40, 8)
}

func TestViewOfAnAppointmentHidesItsNotesAndReason(t *testing.T) {
	checkView(t, View[Appointment], 8, 2)
}

func TestViewOfTheClientsFeesHidesEveryPrivateField(t *testing.T) {
	checkView(t, View[ClientFees], 20, 2)
}

// checkView fills every field of a record with a marker naming it and
// checks that view keeps exactly the shared ones.
func checkView[T any](t *testing.T, view func(T) T, minShared, minPrivate int) {
	t.Helper()
	var rec T
	name := reflect.TypeOf(rec).Name()
	fill(reflect.ValueOf(&rec).Elem(), name)
	before, _ := json.Marshal(rec)

	b, err := json.Marshal(view(rec))
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	var ms []fieldMarker
	markers(reflect.TypeOf(rec), name, false, &ms)
	shared, private := 0, 0
	for _, m := range ms {
		switch present := strings.Contains(got, m.marker); {
		case m.private && present:
			t.Errorf("private field reached the client view: %s", m.marker)
		case !m.private && !present:
			t.Errorf("shared field missing from the client view: %s", m.marker)
		}
		if m.private {
			private++
		} else {
			shared++
		}
	}
	if shared < minShared || private < minPrivate {
		t.Fatalf("too few fields checked: %d shared, %d private", shared, private)
	}
	if after, _ := json.Marshal(rec); string(after) != string(before) {
		t.Fatal("the view modified its input")
	}
}

func TestAChosenFieldReachesTheClientOnlyWhenShared(t *testing.T) {
	for vis, want := range map[Visibility]string{Shared: "Shoulders dropped", Private: "", "": "", "public": ""} {
		s := Session{Somatic: "Shoulders dropped", SomaticVisibility: vis, AdverseEvents: []AdverseEvent{{Description: "Nausea", Visibility: vis}}}
		got := View(s)
		if got.Somatic != want || got.SomaticVisibility != "" {
			t.Errorf("visibility %q: somatic %q (choice %q), want %q and no choice", vis, got.Somatic, got.SomaticVisibility, want)
		}
		if kept := len(got.AdverseEvents) == 1; kept != (want != "") {
			t.Errorf("visibility %q: adverse event kept = %v", vis, kept)
		}
	}
	f := ClientFees{Account: Account{Sessions: []SessionAccount{{Fee: &SessionFee{Note: "Sliding scale", NoteVisibility: Private}}}}}
	if got := View(f); got.Account.Sessions[0].Fee.Note != "" {
		t.Errorf("a private fee note reached the client: %q", got.Account.Sessions[0].Fee.Note)
	}
}

func TestClientViewTreatsUnknownVisibilityAsPrivate(t *testing.T) {
	rec := ClientRecord{PowerMap: []PowerMapEntry{{Difference: "unset visibility"}, {Difference: "odd", Visibility: "public"}}}
	if v := ClientView(rec); len(v.PowerMap) != 0 {
		t.Fatalf("entries without a shared visibility were kept: %+v", v.PowerMap)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Zoë Ñúñez-Øvergård": "zoe nunez-overgard",
		"ZOE":                "zoe",
		"Nguyễn Thị Ánh":     "nguyen thi anh",
		"Σωκράτης":           "σωκρατης",
		"Йёлка":              "иелка",
		"प्रिया":             "प्रिया",
		"محمد":               "محمد",
		"Straße":             "strasse",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}
