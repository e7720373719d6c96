package app

import (
	"context"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// Practice is bound to the page: the therapist's practice profile.
type Practice struct{ s *Shell }

// NewPractice returns the Practice binding.
func NewPractice(s *Shell) *Practice { return &Practice{s: s} }

func (s *Shell) db() (*storage.DB, error) {
	v, err := s.requireVault()
	if err != nil {
		return nil, err
	}
	return v.DB()
}

// Get returns the practice profile.
func (b *Practice) Get() (domain.Practice, error) {
	db, err := b.s.db()
	if err != nil {
		return domain.Practice{}, apiError(err)
	}
	p, err := db.Practice(context.Background())
	return p, apiError(err)
}

// Save validates and stores the practice profile.
func (b *Practice) Save(p domain.Practice) (domain.Practice, error) {
	db, err := b.s.db()
	if err != nil {
		return domain.Practice{}, apiError(err)
	}
	b.s.touch()
	out, err := db.SavePractice(context.Background(), p)
	return out, apiError(err)
}

// Settings is bound to the page: the vault's preferences.
type Settings struct{ s *Shell }

// NewSettings returns the Settings binding.
func NewSettings(s *Shell) *Settings { return &Settings{s: s} }

// Get returns the settings.
func (b *Settings) Get() (domain.Settings, error) {
	db, err := b.s.db()
	if err != nil {
		return domain.Settings{}, apiError(err)
	}
	st, err := db.Settings(context.Background())
	return st, apiError(err)
}

// Save validates and stores the settings; a new auto-lock time applies at once.
func (b *Settings) Save(st domain.Settings) (domain.Settings, error) {
	db, err := b.s.db()
	if err != nil {
		return domain.Settings{}, apiError(err)
	}
	out, err := db.SaveSettings(context.Background(), st)
	if err != nil {
		return domain.Settings{}, apiError(err)
	}
	b.s.setAutoLock(out.AutoLockMinutes)
	b.s.touch()
	return out, nil
}
