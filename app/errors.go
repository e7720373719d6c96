package app

import (
	"encoding/json"
	"errors"
	"log"

	"tandem/backend/domain"
)

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
