package app

import (
	"reflect"
	"strings"
	"testing"

	"tandem/backend/domain"
	"tandem/backend/vault/vaulttest"
)

// Every binding that is not the client's refuses in co-creation mode: the
// screen is turned toward the client, so nothing of the therapist's may
// answer. Each bound struct's exported methods are called with zero
// arguments while the mode is on; only the client's own (CoCreation) and a
// few that reveal and change nothing are allowed.
func TestEveryTherapistBindingRefusesInCoCreationMode(t *testing.T) {
	s := newShell(t)
	s.dialogs = &fakeDialogs{} // no native dialog may open here
	zoe, err := NewClients(s).Create(domain.Client{ChosenName: "Zoë Fictional-Guard"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewCoCreation(s).Enter(zoe.ID); err != nil {
		t.Fatal(err)
	}
	allowed := map[string]string{
		"Vault.Status":   "the page asks which screen to show",
		"Vault.Activity": "the page reports input, for the idle timer",
		"Vault.Lock":     "locking is always allowed; it ends the mode",
		// Fixed lists of the program's, no record of anyone's.
		"Clients.SuggestedFacets": "a fixed list of the program's",
		"Fees.Currencies":         "a fixed list of the program's",
	}
	for _, b := range Bindings(s) {
		if _, ok := b.(*CoCreation); ok {
			continue // the mode's own binding: its guard is tested below
		}
		v := reflect.ValueOf(b)
		typ := v.Type()
		for i := 0; i < typ.NumMethod(); i++ {
			m := typ.Method(i)
			name := typ.Elem().Name() + "." + m.Name
			if _, ok := allowed[name]; ok {
				continue
			}
			args := []reflect.Value{v}
			for j := 1; j < m.Type.NumIn(); j++ {
				args = append(args, reflect.Zero(m.Type.In(j)))
			}
			out := m.Func.Call(args)
			errv := out[len(out)-1]
			if !errv.Type().Implements(reflect.TypeFor[error]()) {
				t.Errorf("%s returns no error: it cannot refuse", name)
				continue
			}
			var err error
			if !errv.IsNil() {
				err = errv.Interface().(error)
			}
			if code, _ := errCode(t, err); code != ECOCREATION {
				t.Errorf("%s answered in co-creation mode (code %q)", name, code)
			}
		}
	}
	if _, err := NewVault(s).Lock(); err != nil {
		t.Fatal(err)
	}
}

// The therapist's preview of co-creation answers the same reads as the mode
// and refuses every change: each CoCreation method but the reads, Enter,
// Preview and Leave is called with zero arguments and must say it is a
// preview. Therapist bindings refuse as in the mode; closing needs no
// secret.
func TestThePreviewOfCoCreationReadsAsTheModeAndChangesNothing(t *testing.T) {
	s := newShell(t)
	zoe, err := NewClients(s).Create(domain.Client{ChosenName: "Zoë Fictional-Preview", IntakeNote: "PRIVATE-INTAKE-NOTE"})
	if err != nil {
		t.Fatal(err)
	}
	co := NewCoCreation(s)
	entered, err := co.Enter(zoe.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := co.Leave(vaulttest.Passphrase); !ok || err != nil {
		t.Fatalf("leave: %v %v", ok, err)
	}
	previewed, err := co.Preview(zoe.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(entered, previewed) || previewed.Client.IntakeNote != "" {
		t.Fatalf("the preview is not the client's view:\n%+v\n%+v", entered, previewed)
	}
	if st, _ := NewVault(s).Status(); st.CoCreationClientID != zoe.ID || !st.CoCreationPreview {
		t.Fatalf("status during the preview: %+v", st)
	}
	reads := map[string]bool{"View": true, "Journey": true, "Fees": true, "Instruments": true, "Enter": true, "Preview": true, "Leave": true}
	v := reflect.ValueOf(co)
	writes := 0
	for i := 0; i < v.Type().NumMethod(); i++ {
		m := v.Type().Method(i)
		args := []reflect.Value{v}
		for j := 1; j < m.Type.NumIn(); j++ {
			args = append(args, reflect.Zero(m.Type.In(j)))
		}
		if reads[m.Name] {
			if m.Name == "View" || m.Name == "Journey" || m.Name == "Fees" || m.Name == "Instruments" {
				if out := m.Func.Call(args); !out[len(out)-1].IsNil() {
					t.Errorf("CoCreation.%s refused in the preview: %v", m.Name, out[len(out)-1].Interface())
				}
			}
			continue
		}
		writes++
		out := m.Func.Call(args)
		err, _ := out[len(out)-1].Interface().(error)
		if code, _ := errCode(t, err); code != domain.EINVALID || !strings.Contains(err.Error(), "This is a preview") {
			t.Errorf("CoCreation.%s in the preview: %v", m.Name, err)
		}
	}
	if writes < 20 {
		t.Fatalf("only %d changes tried", writes)
	}
	if _, err := NewClients(s).Record(zoe.ID); err == nil {
		t.Fatal("a therapist binding answered during the preview")
	}
	if ok, err := co.Leave(""); !ok || err != nil {
		t.Fatalf("closing the preview: %v %v", ok, err)
	}
	if _, err := NewClients(s).Record(zoe.ID); err != nil {
		t.Fatalf("after the preview: %v", err)
	}
}
