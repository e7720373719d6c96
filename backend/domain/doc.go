// Package domain holds Tandem's entities, their validation, and the error
// codes that cross every boundary (storage, CLI, Wails bindings).
//
// It imports no other Tandem package. Other packages translate between their
// dependency (SQLCipher, the Wails runtime, the terminal) and these types.
// Error messages carried by *Error are written for a therapist: they say what
// happened and what to do, never how the program works inside.
package domain
