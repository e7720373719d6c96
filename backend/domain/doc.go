// Package domain holds Tandem's entities, their validation, and the error
// codes that cross every boundary (storage, CLI, Wails bindings).
//
// It imports no other Tandem package. Other packages translate between their
// dependency (SQLCipher, the Wails runtime, the terminal) and these types.
//
// It declares no service interfaces. Records are kept by one implementation,
// *storage.DB, which the app, the CLI and the backups hold as it is; an
// interface beside it would only repeat its method set and drift from it.
// So each method's contract (what it refuses, what it records) is written on
// the method itself, in package storage, and a package that needs a few of
// them names those in an interface of its own, where it uses them (as
// demo.Store does).
//
// Measures (measure.go, instruments.go) are the one place where the domain
// does arithmetic on a client's answers: one Instrument type for the
// built-in PHQ-9, GAD-7 and PCL-5 and the therapist's own questionnaires,
// scored by Score; docs/measures.md gives the sources and rules.
//
// Error messages carried by *Error are written for a therapist: they say what
// happened and what to do, never how the program works inside.
package domain
