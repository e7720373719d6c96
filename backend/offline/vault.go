package offline

import (
	"context"
	"io"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// IssuePage records a page given to client for their medicine session
// (storage.IssueOfflineWorksheet, under a new token) and writes it (Page)
// with the practice's worksheet key, made the first time it is needed.
// The window and the command line both give pages out through it.
func IssuePage(ctx context.Context, db *storage.DB, client domain.Client, session domain.Session) ([]byte, error) {
	_, recipient, err := db.WorksheetKey(ctx, NewKey)
	if err != nil {
		return nil, err
	}
	p, err := db.Practice(ctx)
	if err != nil {
		return nil, err
	}
	page, err := db.IssueOfflineWorksheet(ctx, client.ID, session.ID)
	if err != nil {
		return nil, err
	}
	return Page(PageSettings{Token: page.Token, Recipient: recipient, Practice: p.Name, Client: client.ChosenName,
		Code: domain.ClientCode(client.ID), SessionDate: session.Date})
}

// OpenReturn opens a returned file with the practice's worksheet key
// (Open); what it holds is then checked by storage.PreviewReturn or
// AcceptReturn.
func OpenReturn(ctx context.Context, db *storage.DB, r io.Reader) (domain.ReturnFile, error) {
	identity, _, err := db.WorksheetKey(ctx, NewKey)
	if err != nil {
		return domain.ReturnFile{}, err
	}
	return Open(r, identity)
}
