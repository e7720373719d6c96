package domain

import (
	"errors"
	"fmt"
)

// Error codes. They are stable strings: the frontend and the CLI switch on
// them, so never rename one.
const (
	EINVALID        = "invalid"         // input failed validation; Field names it
	EWEAKPASSPHRASE = "weak_passphrase" // a new passphrase is too easy to guess
	EWRONGSECRET    = "wrong_secret"    // passphrase or recovery key does not open the vault
	ELOCKED         = "locked"          // the vault must be unlocked first
	ECANCELLED      = "cancelled"       // the user closed a dialog without choosing
	EVAULTBUSY      = "vault_busy"      // another Tandem process holds the vault
	EVAULTNEWER     = "vault_newer"     // made by a newer Tandem than this one
	EVAULTDAMAGED   = "vault_damaged"   // a file of the vault is unreadable or inconsistent
	ENOVAULT        = "no_vault"        // no vault exists in the folder
	EEXISTS         = "exists"          // something that must not be overwritten exists
	ENOTFOUND       = "not_found"
	EFINALISED      = "finalised" // signed notes cannot be edited, only amended
	EINTERNAL       = "internal"
	EBACKUPDAMAGED  = "backup_damaged" // a backup file is damaged, incomplete or not a Tandem backup
	// EKEYFILECHANGED: the vault's key file does not match the vault (its MAC
	// fails, or the database's anchor disagrees); vault.RepairKeyFile mends it.
	EKEYFILECHANGED = "key_file_changed"
)

// Error is an error fit to show a therapist. Code is for programs, Message is
// for people, Field (optional) names the input the message is about, and Err
// (optional) keeps the underlying cause for logs; it is never shown.
type Error struct {
	Code    string
	Message string
	Field   string
	Err     error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %v", e.Message, e.Err)
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an EINVALID error about one input field.
func FieldError(field, message string) *Error {
	return &Error{Code: EINVALID, Field: field, Message: message}
}

// Wrap returns an *Error with code and message that keeps err as its cause.
func Wrap(code, message string, err error) *Error {
	return &Error{Code: code, Message: message, Err: err}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL for
// any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the human message of the first *Error in err's chain,
// or a generic sentence for any other error (whose text may contain details
// a therapist should not have to read).
func ErrorMessage(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "Something went wrong inside Tandem. Nothing was changed. Please try again; if it keeps happening, restart Tandem."
}

// ErrorField returns the field of the first *Error in err's chain, or "".
func ErrorField(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}
