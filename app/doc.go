// Package app is Tandem's Wails layer: thin bound structs, one per screen
// area (Vault, Practice, Settings, Clients, Sessions, CoCreation, and the
// backup and packet bindings), that turn use-cases of the backend into
// methods returning (T, error), plus the Shell that owns the window's
// lifecycle, the idle auto-lock, native dialogs, events and the self-test.
//
// It is the only package that imports the Wails runtime. No bound method
// reads or writes a path chosen by the webview: files are only touched
// through a native dialog the user answered. Errors cross to JavaScript as a
// JSON string {"code","message","field"} (see apiError), so the frontend can
// put the message next to the right field.
//
// guard.go holds what every bound method goes through: the vault and its
// database, the co-creation guard (therapist-only calls are refused with
// ECOCREATION while the mode is on) and apiError. A binding's method is
// usually one call of do, or of coDo in co-creation mode.
package app
