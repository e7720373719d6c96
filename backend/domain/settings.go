package domain

// Settings are the vault's preferences, stored inside the encrypted vault.
type Settings struct {
	// AutoLockMinutes is the idle time after which Tandem locks itself.
	AutoLockMinutes int `json:"autoLockMinutes"`
	// HasPIN says whether a PIN is set for leaving co-creation mode (the
	// PIN itself is stored only as a hash and never read back).
	HasPIN bool `json:"hasPin"`
	// RecordMedicine allows recording the substance, dose and times of a
	// medicine session, where the practice's setting makes that lawful.
	// Off by default.
	RecordMedicine bool `json:"recordMedicine"`
	// PaperSize is the paper packets are printed on: "a4" or "letter"
	// (US Letter). Empty is taken as A4.
	PaperSize string `json:"paperSize"`
}

// Paper sizes for packets.
const (
	PaperA4     = "a4"
	PaperLetter = "letter"
)

// Auto-lock bounds in minutes.
const (
	DefaultAutoLockMinutes = 10
	MinAutoLockMinutes     = 1
	MaxAutoLockMinutes     = 240
)

// DefaultSettings are the settings of a new vault.
func DefaultSettings() Settings {
	return Settings{AutoLockMinutes: DefaultAutoLockMinutes, PaperSize: PaperA4}
}

// Validate checks s.
func (s Settings) Validate() error {
	if s.AutoLockMinutes < MinAutoLockMinutes || s.AutoLockMinutes > MaxAutoLockMinutes {
		return FieldError("autoLockMinutes", "Choose between 1 and 240 minutes before Tandem locks itself.")
	}
	if s.PaperSize != "" && s.PaperSize != PaperA4 && s.PaperSize != PaperLetter {
		return FieldError("paperSize", "Choose A4 or US Letter for printed packets.")
	}
	return nil
}
