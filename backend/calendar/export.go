package calendar

import (
	"bytes"
	"context"
	"time"

	"tandem/backend/domain"
	"tandem/backend/ics"
	"tandem/backend/storage"
)

// Range narrows a calendar file to one client (0 for every client) and to
// dates from From to To, inclusive (YYYY-MM-DD; either "" for no bound).
type Range struct {
	ClientID int64  `json:"clientId"`
	From     string `json:"from"`
	To       string `json:"to"`
}

// Validate normalises r.
func (r *Range) Validate() error {
	var err error
	if r.From, err = domain.ParseDate("from", "The first date", r.From, false); err != nil {
		return err
	}
	if r.To, err = domain.ParseDate("to", "The last date", r.To, false); err != nil {
		return err
	}
	if r.From != "" && r.To != "" && r.To < r.From {
		return domain.FieldError("to", "The last date comes before the first.")
	}
	if r.ClientID < 0 {
		return domain.FieldError("clientId", "Choose a client from the list.")
	}
	return nil
}

// Export reads the appointments in r (of clients whose record is not
// archived) and writes them as a calendar file under o. It returns the
// file and how many appointments it holds. stamp is the app's clock.
func Export(ctx context.Context, db *storage.DB, r Range, o Options, version string, stamp time.Time) ([]byte, int, error) {
	if err := r.Validate(); err != nil {
		return nil, 0, err
	}
	if err := o.Validate(); err != nil {
		return nil, 0, err
	}
	if r.ClientID != 0 {
		if _, err := db.Client(ctx, r.ClientID); err != nil {
			return nil, 0, err
		}
	}
	rows, err := db.AppointmentsBetween(ctx, r.From, r.To, r.ClientID)
	if err != nil {
		return nil, 0, err
	}
	id, err := db.CalendarID(ctx)
	if err != nil {
		return nil, 0, err
	}
	cal, err := Build(rows, o, id, version, stamp)
	if err != nil {
		return nil, 0, err
	}
	var buf bytes.Buffer
	if err := ics.Write(&buf, cal); err != nil {
		return nil, 0, domain.Wrap(domain.EINTERNAL, "Tandem could not write the calendar file.", err)
	}
	return buf.Bytes(), len(rows), nil
}
