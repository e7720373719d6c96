package app

import (
	"context"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// Practice is bound to the page: the therapist's practice profile.
type Practice struct{ s *Shell }

// NewPractice returns the Practice binding.
func NewPractice(s *Shell) *Practice { return &Practice{s: s} }

// Get returns the practice profile.
func (b *Practice) Get() (domain.Practice, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Practice, error) { return db.Practice(ctx) })
}

// Save validates and stores the practice profile.
func (b *Practice) Save(p domain.Practice) (domain.Practice, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Practice, error) { return db.SavePractice(ctx, p) })
}

// Settings is bound to the page: the vault's preferences.
type Settings struct{ s *Shell }

// NewSettings returns the Settings binding.
func NewSettings(s *Shell) *Settings { return &Settings{s: s} }

// Get returns the settings.
func (b *Settings) Get() (domain.Settings, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Settings, error) { return db.Settings(ctx) })
}

// Save validates and stores the settings; a new auto-lock time applies at once.
func (b *Settings) Save(st domain.Settings) (domain.Settings, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Settings, error) {
		out, err := db.SaveSettings(ctx, st)
		if err != nil {
			return domain.Settings{}, err
		}
		b.s.setAutoLock(out.AutoLockMinutes)
		return out, nil
	})
}

// SetPIN sets (or, with pin "", removes) the PIN that can end co-creation
// mode instead of the passphrase. The passphrase is asked to change it.
func (b *Settings) SetPIN(passphrase, pin string) (domain.Settings, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Settings, error) {
		v, err := b.s.requireVault()
		if err != nil {
			return domain.Settings{}, err
		}
		if err := v.VerifyPassphrase(passphrase); err != nil {
			if domain.ErrorCode(err) == domain.EWRONGSECRET {
				err = &domain.Error{Code: domain.EWRONGSECRET, Field: "passphrase", Message: "That is not your passphrase, so the PIN was not changed."}
			}
			return domain.Settings{}, err
		}
		hash := ""
		if pin != "" {
			if hash, err = vault.HashPIN(pin); err != nil {
				return domain.Settings{}, err
			}
		}
		if err := db.SetPINHash(ctx, hash); err != nil {
			return domain.Settings{}, err
		}
		return db.Settings(ctx)
	})
}
