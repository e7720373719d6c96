package app

import (
	"reflect"
	"testing"

	"tandem/backend/domain"
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
	bound := []any{NewVault(s), NewPractice(s), NewSettings(s), NewClients(s), NewSessions(s), NewPackets(s), NewBackup(s), NewFees(s)}
	for _, b := range bound {
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
