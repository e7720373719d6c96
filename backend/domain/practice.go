package domain

import (
	"net/mail"
	"strings"
)

// Practice is the therapist's profile. Name is required; everything else is
// optional. Name is what packets print (the therapist's or the practice's
// name); GreetingName is what Tandem calls the therapist on its own screens,
// in their words, and is never printed. Positionality is the therapist's own, self-described social
// location: each save of a changed statement adds a dated entry, so the
// statement's history is kept; PositionalityDated is the date of the latest.
type Practice struct {
	Name               string `json:"name"`
	GreetingName       string `json:"greetingName"`
	Credentials        string `json:"credentials"`
	Email              string `json:"email"`
	Phone              string `json:"phone"`
	Address            string `json:"address"`
	Website            string `json:"website"`
	Positionality      string `json:"positionality"`
	PositionalityDated string `json:"positionalityDated"`
}

// Validate normalises p in place and returns the first problem found, as an
// EINVALID error naming the field.
func (p *Practice) Validate() error {
	var err error
	if p.Name, err = CleanLine("name", "Your name or your practice's name", p.Name, MaxShortText, true); err != nil {
		return err
	}
	if p.GreetingName, err = CleanLine("greetingName", "What Tandem calls you", p.GreetingName, MaxShortText, false); err != nil {
		return err
	}
	if p.Credentials, err = CleanLine("credentials", "Credentials", p.Credentials, MaxLineText, false); err != nil {
		return err
	}
	if p.Email, err = CleanLine("email", "Email", p.Email, MaxLineText, false); err != nil {
		return err
	}
	if p.Email != "" {
		if a, perr := mail.ParseAddress(p.Email); perr != nil || a.Address != p.Email {
			return FieldError("email", "This email address does not look complete. It should look like name@example.org.")
		}
	}
	if p.Phone, err = CleanLine("phone", "Phone", p.Phone, MaxShortText, false); err != nil {
		return err
	}
	if p.Address, err = CleanText("address", "Address", p.Address, MaxLineText*2, false); err != nil {
		return err
	}
	if p.Website, err = CleanLine("website", "Website", p.Website, MaxLineText, false); err != nil {
		return err
	}
	if p.Website != "" && strings.ContainsAny(p.Website, " <>\"") {
		return FieldError("website", "A web address cannot contain spaces or angle brackets.")
	}
	if p.Positionality, err = CleanText("positionality", "Your positionality statement", p.Positionality, MaxLongText, false); err != nil {
		return err
	}
	return nil
}

// Complete reports whether the onboarding profile step has been done.
func (p Practice) Complete() bool { return p.Name != "" }
