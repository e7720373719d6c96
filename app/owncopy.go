package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"tandem/backend/domain"
	"tandem/backend/offline"
	"tandem/backend/packet"
	"tandem/backend/storage"
)

// ownCopyContent is record.json in a client's own copy: everything shared
// with them, as the visibility filter gives it.
type ownCopyContent struct {
	Format   string                   `json:"format"`
	Version  int                      `json:"version"`
	Made     string                   `json:"made"`
	Practice string                   `json:"practice"`
	Record   domain.ClientRecord      `json:"record"`
	Journey  domain.IntegrationRecord `json:"journey"`
}

const ownCopyReadme = `Your own copy of your record at %s, made on %s.

record.pdf   your record to read and print: your plan with its wording
             history, agreements, setting plans, the shifts you noticed,
             patterns, resources and measures, as shared with you.
record.json  the same records as open data (JSON), for any program.

Nothing your therapist keeps private is in this copy. It was locked with
the passphrase you chose; without it, no one can open it, and Tandem
cannot recover it.

To open it again: open the page open-your-own-copy.html (saved beside
the copy) in any browser, choose this file and type the passphrase. Or,
with the free age tool (age-encryption.org):
    age -d %s > copy.tar
    tar -xf copy.tar
`

// SaveOwnCopy makes the client's own copy (docs/offline-worksheet.md, "The
// client's own copy"): their record as a PDF (the client copy of the
// record packet) and as JSON, both only what is shared with them, in one
// file locked with the passphrase they choose here, and saves it where
// they or the therapist choose. It refuses a passphrase
// domain.CheckPassphrase refuses. False when the dialog was closed.
func (b *CoCreation) SaveOwnCopy(passphrase string) (bool, error) {
	// The therapist's preview of the mode makes none: the copy is the client's, made with them.
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, clientID int64) (bool, error) {
		if c := domain.CheckPassphrase(passphrase); !c.OK {
			return false, domain.FieldError("passphrase", c.Message)
		}
		now := b.s.now()
		name := fmt.Sprintf("own-copy-%s-%s.age", domain.ClientCode(clientID), now.Format(time.DateOnly))
		return saveMade(b.s, "Save your own copy", name, "Locked copy (*.age)", "*.age", func() ([]byte, error) {
			return ownCopy(ctx, db, now, clientID, passphrase, name)
		})
	})
}

// SaveOpener saves the page that opens an own copy in any browser, with
// no network (offline.OpenerPage), where the client or therapist chooses.
// It holds nothing of anyone's. False when the dialog was closed.
func (b *CoCreation) SaveOpener() (bool, error) {
	return coWrite(b.s, func(context.Context, *storage.DB, int64) (bool, error) {
		return saveAs(b.s, "Save the page that opens the copy", "open-your-own-copy.html", "Web page (*.html)", "*.html", offline.OpenerPage())
	})
}

// ownCopy is the client's own copy, encrypted to passphrase (which
// offline.WriteOwnCopy holds to the passphrase rules).
func ownCopy(ctx context.Context, db *storage.DB, now time.Time, clientID int64, passphrase, name string) ([]byte, error) {
	pdf, err := makePacket(ctx, db, now, string(packet.RecordPacket), clientID, 0, string(packet.ClientCopy), 0)
	if err != nil {
		return nil, err
	}
	j, err := journey(ctx, db, clientID)
	if err != nil {
		return nil, err
	}
	p, err := db.Practice(ctx)
	if err != nil {
		return nil, err
	}
	content, err := json.MarshalIndent(ownCopyContent{Format: "tandem-own-copy", Version: 1, Made: now.UTC().Format(time.RFC3339), Practice: p.Name,
		Record: domain.ClientView(j.Record), Journey: domain.View(j.Integration)}, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("own copy: %w", err)
	}
	readme := fmt.Sprintf(ownCopyReadme, p.Name, now.Format(time.DateOnly), name)
	var out bytes.Buffer
	err = offline.WriteOwnCopy(&out, passphrase, now, []offline.OwnCopyFile{
		{Name: "README.txt", Data: []byte(readme)}, {Name: "record.pdf", Data: pdf}, {Name: "record.json", Data: content}})
	return out.Bytes(), err
}
