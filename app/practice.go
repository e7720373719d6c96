package app

import (
	"context"

	"tandem/backend/domain"
	"tandem/backend/vault"
)

// Practice is bound to the page: the therapist's practice profile.
type Practice struct{ s *Shell }

// NewPractice returns the Practice binding.
func NewPractice(s *Shell) *Practice { return &Practice{s: s} }

// Get returns the practice profile.
func (b *Practice) Get() (domain.Practice, error) {
	db, err := b.s.therapist()
	if err != nil {
		return domain.Practice{}, apiError(err)
	}
	p, err := db.Practice(context.Background())
	return p, apiError(err)
}

// Save validates and stores the practice profile.
func (b *Practice) Save(p domain.Practice) (domain.Practice, error) {
	db, err := b.s.therapist()
	if err != nil {
		return domain.Practice{}, apiError(err)
	}
	out, err := db.SavePractice(context.Background(), p)
	return out, apiError(err)
}

// Settings is bound to the page: the vault's preferences.
type Settings struct{ s *Shell }

// NewSettings returns the Settings binding.
func NewSettings(s *Shell) *Settings { return &Settings{s: s} }

// Get returns the settings.
func (b *Settings) Get() (domain.Settings, error) {
	db, err := b.s.therapist()
	if err != nil {
		return domain.Settings{}, apiError(err)
	}
	st, err := db.Settings(context.Background())
	return st, apiError(err)
}

// Save validates and stores the settings; a new auto-lock time applies at once.
func (b *Settings) Save(st domain.Settings) (domain.Settings, error) {
	db, err := b.s.therapist()
	if err != nil {
		return domain.Settings{}, apiError(err)
	}
	out, err := db.SaveSettings(context.Background(), st)
	if err != nil {
		return domain.Settings{}, apiError(err)
	}
	b.s.setAutoLock(out.AutoLockMinutes)
	return out, nil
}

// SetPIN sets (or, with pin "", removes) the PIN that can end co-creation
// mode instead of the passphrase. The passphrase is asked to change it.
func (b *Settings) SetPIN(passphrase, pin string) (domain.Settings, error) {
	db, err := b.s.therapist()
	if err != nil {
		return domain.Settings{}, apiError(err)
	}
	v, err := b.s.requireVault()
	if err != nil {
		return domain.Settings{}, apiError(err)
	}
	if err := v.VerifyPassphrase(passphrase); err != nil {
		if domain.ErrorCode(err) == domain.EWRONGSECRET {
			err = &domain.Error{Code: domain.EWRONGSECRET, Field: "passphrase", Message: "That is not your passphrase, so the PIN was not changed."}
		}
		return domain.Settings{}, apiError(err)
	}
	hash := ""
	if pin != "" {
		if hash, err = vault.HashPIN(pin); err != nil {
			return domain.Settings{}, apiError(err)
		}
	}
	ctx := context.Background()
	if err := db.SetPINHash(ctx, hash); err != nil {
		return domain.Settings{}, apiError(err)
	}
	out, err := db.Settings(ctx)
	return out, apiError(err)
}
