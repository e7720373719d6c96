package domain

import (
	"strings"
	"testing"
)

func TestCheckPassphrase(t *testing.T) {
	refused := map[string]string{
		"":                             "Choose",
		"short one":                    "too short",
		"aaaaaaaaaaaaaaaa":             "too few different",
		"Password123!":                 "most often",
		"password password":            "most often",
		"correct horse battery staple": "most often",
		"qwertyuiop123":                "keyboard",
		"abcdefghijklmnop":             "keyboard",
		" leading space here":          "space",
		"tab\tinside passphrase":       "control",
		strings.Repeat("ab cd ", 200):  "longer than",
	}
	for p, want := range refused {
		c := CheckPassphrase(p)
		if c.OK || !strings.Contains(c.Message, want) || c.Hint == "" {
			t.Errorf("%q: %+v, want refusal mentioning %q", p, c, want)
		}
	}
	for _, p := range []string{
		"lantern orbit cello meadow",
		"Mi gato duerme en la ventana",
		"Χελιδόνι πάνω από τη θάλασσα",
		"दरवाज़े पर नीली चिड़िया",
		"qwerty lantern 1987 oboe",
	} {
		if c := CheckPassphrase(p); !c.OK {
			t.Errorf("%q refused: %s", p, c.Message)
		}
	}
}

func TestTextValidation(t *testing.T) {
	if _, err := CleanLine("f", "Name", "a\nb", 10, false); ErrorField(err) != "f" {
		t.Errorf("line break in a line: %v", err)
	}
	if v, err := CleanText("f", "Notes", "a\r\nb\rc", 10, false); err != nil || v != "a\nb\nc" {
		t.Errorf("line endings: %q %v", v, err)
	}
	if _, err := CleanLine("f", "Name", "Zoë Ñúñez-Øvergård محمد प्रिया", MaxShortText, true); err != nil {
		t.Errorf("scripts refused: %v", err)
	}
	for _, d := range []string{"2026-02-30", "26-01-01", "1850-01-01", "2026-13-01"} {
		if _, err := ParseDate("d", "Date", d, true); ErrorCode(err) != EINVALID {
			t.Errorf("%s accepted", d)
		}
	}
	if v, err := ParseDate("d", "Date", " 2028-02-29 ", true); err != nil || v != "2028-02-29" {
		t.Errorf("leap day: %q %v", v, err)
	}
}
