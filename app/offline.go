package app

import (
	"context"
	"fmt"
	"os"
	"sync"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/domain"
	"tandem/backend/offline"
	"tandem/backend/storage"
)

// Worksheets is bound to the page: the offline worksheet
// (docs/offline-worksheet.md). It writes a page for a client and one of
// their medicine sessions, and opens and takes in the files such pages
// send back. Like every binding of the therapist's, it refuses while
// co-creation mode is on.
type Worksheets struct {
	s  *Shell
	mu sync.Mutex
	// returned is the file last opened with OpenReturn, taken in by AcceptReturn.
	returned string
}

// NewWorksheets returns the Worksheets binding.
func NewWorksheets(s *Shell) *Worksheets { return &Worksheets{s: s} }

// SavePage writes the offline worksheet page for the client's medicine
// session sessionID where the therapist chooses, to give to the client.
// The page is recorded as given out (under a new token) once the therapist
// has chosen where it goes. It returns false when they cancelled.
func (b *Worksheets) SavePage(clientID, sessionID int64) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		client, err := db.Client(ctx, clientID)
		if err != nil {
			return false, err
		}
		session, err := db.Session(ctx, sessionID)
		if err != nil {
			return false, err
		}
		code := domain.ClientCode(clientID)
		name := fmt.Sprintf("worksheet-%s-%s.html", code, session.Date)
		return saveMade(b.s, "Save the worksheet page for the client", name, "Web page (*.html)", "*.html", func() ([]byte, error) {
			return offline.IssuePage(ctx, db, client, session)
		})
	})
}

// OpenReturn asks for a file a worksheet page sent back, opens it with the
// practice's worksheet key and says what it holds (nothing is taken in
// yet). clientID, when not 0, is the client whose page is open: another
// client's file is refused. A zero preview (ClientID 0) means the
// therapist closed the dialog.
func (b *Worksheets) OpenReturn(clientID int64) (domain.ReturnPreview, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ReturnPreview, error) {
		path, err := b.s.fileDialogs().openFile("Open the worksheet the client sent back",
			[]runtime.FileFilter{{DisplayName: "Returned worksheet (*.age)", Pattern: "*.age"}})
		if err != nil {
			return domain.ReturnPreview{}, domain.Wrap(domain.EINTERNAL, "The open dialog could not be opened.", err)
		}
		if path == "" {
			return domain.ReturnPreview{}, nil
		}
		f, err := readReturn(ctx, db, path)
		if err != nil {
			return domain.ReturnPreview{}, err
		}
		preview, err := db.PreviewReturn(ctx, f, clientID, 0)
		if err == nil {
			b.mu.Lock()
			b.returned = path
			b.mu.Unlock()
		}
		return preview, err
	})
}

// AcceptReturn takes in the new entries of the file OpenReturn last
// opened (read again), as the client's, and returns how many it added.
func (b *Worksheets) AcceptReturn(clientID int64) (int, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (int, error) {
		b.mu.Lock()
		path := b.returned
		b.mu.Unlock()
		if path == "" {
			return 0, domain.Errorf(domain.EINVALID, "Open the returned worksheet first.")
		}
		f, err := readReturn(ctx, db, path)
		if err != nil {
			return 0, err
		}
		return db.AcceptReturn(ctx, f, clientID, 0)
	})
}

// readReturn opens the returned file at path with the practice's worksheet key.
func readReturn(ctx context.Context, db *storage.DB, path string) (domain.ReturnFile, error) {
	file, err := os.Open(path)
	if err != nil {
		return domain.ReturnFile{}, domain.Wrap(domain.EINVALID, "That file could not be read. Check that it is still there.", err)
	}
	defer file.Close()
	return offline.OpenReturn(ctx, db, file)
}
