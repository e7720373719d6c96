package domain

import (
	"slices"
	"testing"
)

func TestAgenda(t *testing.T) {
	if got, err := CleanAgenda([]string{"fees", "plan", "plan"}); err != nil || !slices.Equal(got, []string{"plan", "fees"}) {
		t.Fatalf("%v %v", got, err)
	}
	if _, err := CleanAgenda([]string{"plan", "private-notes"}); ErrorField(err) != "agenda" {
		t.Fatalf("an unknown section: %v", err)
	}
	if _, err := CleanAgenda(nil); ErrorField(err) != "agenda" {
		t.Fatalf("an empty agenda: %v", err)
	}
	if got := DefaultAgenda(); slices.Contains(got, "fees") || slices.Contains(got, "measures") || len(got) != len(AgendaSections)-2 {
		t.Fatalf("the default agenda %v", got)
	}
	for stored, want := range map[string][]string{
		"":                     DefaultAgenda(),
		"worksheet,plan":       {"plan", "worksheet"},
		"nonsense,,":           DefaultAgenda(),
		"fees,unknown,journey": {"journey", "fees"},
	} {
		if got := ParseAgenda(stored); !slices.Equal(got, want) {
			t.Errorf("ParseAgenda(%q) = %v, want %v", stored, got, want)
		}
	}
}
