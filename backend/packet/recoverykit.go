package packet

import (
	"strings"
	"time"

	"tandem/backend/domain"
)

// RecoveryKit is the printed page that keeps a vault's recovery key, with
// what it opens, where to keep it and how to use it. made is when the key
// was made (zero if unknown).
func RecoveryKit(p domain.Practice, recoveryKey string, made time.Time, o Options) Document {
	key := strings.ToUpper(strings.TrimSpace(recoveryKey))
	shown := key
	if rest, ok := strings.CutPrefix(key, "AGE-SECRET-KEY-1"); ok {
		shown = "AGE-SECRET-KEY-1 " + groups(rest, 4)
	}
	name := p.Name
	sub := "The recovery key of the Tandem vault of " + name
	if p.Name == "" {
		sub = "The recovery key of your Tandem vault"
	}
	if !made.IsZero() {
		sub += ", made " + formatDate(made.In(o.zone()))
	}
	d := o.document(p, "", "Recovery Kit", sub)
	d.Blocks = []Block{
		Paragraph{Text: "This page holds the recovery key of your Tandem vault: the way back into your records if the passphrase is forgotten, and a key to your backups. Tandem keeps no copy of it. This page is the copy."},
		Secret{Label: "Recovery key", Text: shown},
		Paragraph{Style: Small, Text: "Spaces and capital letters do not matter when you type the key into Tandem. After the first group there is no letter B, I or O and no digit 1: a round sign is the digit 0, an upright stroke is the letter L."},
		Heading{Text: "What it opens", Level: 2},
		Paragraph{Text: "The vault on this computer, if the passphrase is forgotten; and every backup made while this key was in force, wherever the backup file is kept (each backup also opens with the passphrase in force when it was made). Anyone who holds this page and the vault or a backup can read every record in it."},
		Heading{Text: "Where to keep it", Level: 2},
		Paragraph{Text: "Away from the laptop and away from the backup drive: a locked drawer or a safe, or a sealed envelope with someone you trust. Do not photograph it, email it or keep it in cloud storage."},
		Heading{Text: "Using it in Tandem", Level: 2},
		Paragraph{Text: "On the unlock screen, choose to unlock with the recovery key, type the key as printed above, then choose a new passphrase. Your records, your backups and this key stay as they are."},
		Heading{Text: "Opening a backup without Tandem", Level: 2},
		Paragraph{Text: "Backups are files in the open age format: the standard age tool opens them with this key, on any computer. Make a text file named recovery-key.txt holding the key on one line, as printed but without the spaces, then run this (FILE is the backup file; backup.tar then holds the records in an open form, as Tandem's backup format document describes):"},
		Secret{Text: "age -d -i recovery-key.txt FILE > backup.tar"},
		Heading{Text: "If this page is lost", Level: 2},
		Paragraph{Text: "Make a new recovery key in Tandem's settings and print its kit. The old key then stops opening the vault; backups made before still open with it, or with their passphrase."},
	}
	return d
}
