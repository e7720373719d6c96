package app

// Bindings are the structs bound to the page (main.go's Bind list), one
// list, so a test that walks every bound method (the co-creation guard)
// cannot miss a new one.
func Bindings(s *Shell) []any {
	return []any{NewVault(s), NewPractice(s), NewSettings(s), NewClients(s), NewCoCreation(s), NewSessions(s),
		NewPackets(s), NewBackup(s), NewFees(s), NewAppointments(s), NewMeasures(s), NewWorksheets(s), NewMedicine(s)}
}
