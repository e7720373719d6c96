package domain

import (
	"slices"
	"strings"
)

// AgendaSections are the parts of the work co-creation mode can show, in
// the order it shows them: a meeting's agenda is some of them.
var AgendaSections = []string{"plan", "powermap", "agreements", "setting", "worksheet", "patterns", "journey", "measures", "fees"}

// chosenOnly are the sections that appear only when chosen: a
// questionnaire is answered when one is due, and fees are talked over
// when the two mean to.
var chosenOnly = []string{"measures", "fees"}

// DefaultAgenda is the agenda of a client for whom none was chosen yet:
// everything but the sections shown only when chosen (measures, fees).
func DefaultAgenda() []string {
	return slices.DeleteFunc(slices.Clone(AgendaSections), func(s string) bool { return slices.Contains(chosenOnly, s) })
}

// CleanAgenda checks an agenda and returns it in AgendaSections' order,
// each section once. At least one section is needed.
func CleanAgenda(sections []string) ([]string, error) {
	chosen := map[string]bool{}
	for _, s := range sections {
		if !slices.Contains(AgendaSections, s) {
			return nil, FieldError("agenda", "That is not a part of the work co-creation mode can show.")
		}
		chosen[s] = true
	}
	out := []string{}
	for _, s := range AgendaSections {
		if chosen[s] {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, FieldError("agenda", "Choose at least one thing to work on together.")
	}
	return out, nil
}

// ParseAgenda reads an agenda as stored (comma-separated); anything that
// is not a known section is left out, and an empty or unreadable agenda is
// the default one.
func ParseAgenda(stored string) []string {
	var kept []string
	for _, s := range strings.Split(stored, ",") {
		if slices.Contains(AgendaSections, s) {
			kept = append(kept, s)
		}
	}
	out, err := CleanAgenda(kept)
	if err != nil {
		return DefaultAgenda()
	}
	return out
}
