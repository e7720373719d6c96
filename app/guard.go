package app

import (
	"context"
	"encoding/json"
	"errors"
	"log"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// This file holds what every bound method goes through: finding the vault
// and its database, the co-creation guard, and turning an error into the
// one a bound method returns. A binding's method is usually one call of do
// (a therapist's use-case) or coDo (one made in co-creation mode).

// ECOCREATION is the code of a therapist-only call made in co-creation mode.
const ECOCREATION = "cocreation"

// requireVault returns the vault, or why there is none (the folder could
// not be taken, or there is no folder).
func (s *Shell) requireVault() (*vault.Vault, error) {
	if s.vault == nil {
		if s.openErr != nil {
			return nil, s.openErr
		}
		return nil, domain.Errorf(domain.ENOVAULT, "Tandem has no vault folder.")
	}
	return s.vault, nil
}

// db returns the database of the unlocked vault, without the co-creation
// guard: for the Shell's own work, and for coDo and therapist.
func (s *Shell) db() (*storage.DB, error) {
	v, err := s.requireVault()
	if err != nil {
		return nil, err
	}
	return v.DB()
}

// notInCoCreation refuses a therapist-only call while co-creation mode is
// on. therapist checks it; a use-case that needs no database (verifying a
// backup file) checks it alone.
func (s *Shell) notInCoCreation() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.coClient != 0 {
		return domain.Errorf(ECOCREATION, "Co-creation mode is on. Leave it first.")
	}
	return nil
}

// therapist returns the database for a therapist-only use-case, and
// records the activity.
func (s *Shell) therapist() (*storage.DB, error) {
	if err := s.notInCoCreation(); err != nil {
		return nil, err
	}
	db, err := s.db()
	if err == nil {
		s.touch()
	}
	return db, err
}

// do runs a therapist use-case and shapes its error for the page.
func do[T any](s *Shell, fn func(ctx context.Context, db *storage.DB) (T, error)) (T, error) {
	var zero T
	db, err := s.therapist()
	if err != nil {
		return zero, apiError(err)
	}
	out, err := fn(context.Background(), db)
	if err != nil {
		return zero, apiError(err)
	}
	return out, nil
}

// coDo runs fn, a read, for the client in co-creation mode, with the
// database, and shapes its error for the page; it refuses when the mode is
// off.
func coDo[T any](s *Shell, fn func(ctx context.Context, db *storage.DB, clientID int64) (T, error)) (T, error) {
	return coRun(s, false, fn)
}

// coWrite is coDo for a change, which the therapist's preview of the mode
// refuses.
func coWrite[T any](s *Shell, fn func(ctx context.Context, db *storage.DB, clientID int64) (T, error)) (T, error) {
	return coRun(s, true, fn)
}

func coRun[T any](s *Shell, write bool, fn func(ctx context.Context, db *storage.DB, clientID int64) (T, error)) (T, error) {
	var zero T
	s.mu.Lock()
	id, preview := s.coClient, s.coPreview
	s.mu.Unlock()
	if id == 0 {
		return zero, apiError(domain.Errorf(ECOCREATION, "Co-creation mode is not on."))
	}
	if write && preview {
		return zero, apiError(domain.Errorf(domain.EINVALID, "This is a preview of what the client sees: nothing can be changed here."))
	}
	db, err := s.db()
	if err != nil {
		return zero, apiError(err)
	}
	s.touch()
	out, err := fn(context.Background(), db, id)
	return out, apiError(err)
}

// apiError turns any error into the error a bound method returns: its text
// is JSON with a code, a message fit for a therapist, and the field it is
// about. Errors that are not domain errors are logged (their text may hold
// details, never record content) and replaced by a generic sentence.
func apiError(err error) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if !errors.As(err, &de) || de.Code == domain.EINTERNAL || de.Err != nil {
		log.Printf("tandem: %s: %v", domain.ErrorCode(err), err)
	}
	b, _ := json.Marshal(struct {
		Code    string `json:"code"`
		Message string `json:"message"`
		Field   string `json:"field,omitempty"`
	}{domain.ErrorCode(err), domain.ErrorMessage(err), domain.ErrorField(err)})
	return errors.New(string(b))
}
