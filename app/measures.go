package app

import (
	"bytes"
	"context"
	"fmt"

	"tandem/backend/domain"
	"tandem/backend/packet"
	"tandem/backend/storage"
)

// Measures is bound to the page: the questionnaires (built in and the
// therapist's own), the measures a client has answered, their schedules,
// the follow-up to a flagged answer, and the CSV of one questionnaire.
// Like Sessions, it refuses while co-creation mode is on; the client
// answers through CoCreation.AddMeasure.
type Measures struct{ s *Shell }

// NewMeasures returns the Measures binding.
func NewMeasures(s *Shell) *Measures { return &Measures{s: s} }

// Instruments returns the questionnaires a measure can be taken on: the
// built-in ones, then the therapist's own.
func (b *Measures) Instruments() ([]domain.Instrument, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.Instrument, error) { return db.Instruments(ctx) })
}

// SaveInstrument saves a questionnaire of the therapist's: a new one, or
// the next version of one (measures already taken keep theirs).
func (b *Measures) SaveInstrument(in domain.Instrument) (domain.Instrument, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Instrument, error) {
		return db.SaveInstrument(ctx, in)
	})
}

// RetireInstrument takes a questionnaire of the therapist's out of use;
// the measures taken on it stay.
func (b *Measures) RetireInstrument(key string) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) { return true, db.RetireInstrument(ctx, key) })
}

// ForClient returns a client's measures, oldest first.
func (b *Measures) ForClient(clientID int64) ([]domain.Measure, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.Measure, error) { return db.Measures(ctx, clientID) })
}

// Add records a measure the therapist typed in from a paper form (or the
// two answered together at the therapist's screen): EnteredBy says which.
func (b *Measures) Add(m domain.Measure) (domain.Measure, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Measure, error) {
		if m.EnteredBy == "" {
			m.EnteredBy = domain.ByTherapist
		}
		return db.AddMeasure(ctx, m, domain.ByTherapist)
	})
}

// Correct fixes a transcription; the earlier answers stay in the history.
func (b *Measures) Correct(m domain.Measure) (domain.Measure, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Measure, error) {
		return db.CorrectMeasure(ctx, m, domain.ByTherapist)
	})
}

// RecordFollowUp writes what the therapist did about a flagged answer.
func (b *Measures) RecordFollowUp(measureID int64, text string) (domain.Measure, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Measure, error) {
		return db.RecordMeasureFollowUp(ctx, measureID, text)
	})
}

// Schedules returns when a client's measures fall due.
func (b *Measures) Schedules(clientID int64) ([]domain.MeasureSchedule, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.MeasureSchedule, error) {
		return db.MeasureSchedules(ctx, clientID)
	})
}

// SetSchedule adds or changes a schedule.
func (b *Measures) SetSchedule(sc domain.MeasureSchedule) (domain.MeasureSchedule, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.MeasureSchedule, error) {
		return db.SetMeasureSchedule(ctx, sc)
	})
}

// RemoveSchedule ends a schedule; the measures taken stay.
func (b *Measures) RemoveSchedule(id int64) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		return true, db.RemoveMeasureSchedule(ctx, id)
	})
}

// SaveCSV writes every measure taken on one questionnaire, across the
// practice, to a CSV file the therapist chooses (clients by their code,
// never by name). It returns false when the therapist cancelled.
func (b *Measures) SaveCSV(key string) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		var buf bytes.Buffer
		if err := db.MeasuresCSV(ctx, key, &buf); err != nil {
			return false, err
		}
		name := fmt.Sprintf("tandem-%s-%s.csv", key, b.s.now().Format("2006-01-02"))
		return saveAs(b.s, "Save the measures as CSV", name, "CSV (*.csv)", "*.csv", buf.Bytes())
	})
}

// PrintBlank prints a questionnaire to be answered by hand
// (packet.BlankMeasure): headed with the client's chosen name when
// clientID is not 0, else for no one) and opens it for printing, as
// Packets.Print does.
func (b *Measures) PrintBlank(key string, clientID int64) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		epoch := b.s.prints.current()
		in, err := db.Instrument(ctx, key)
		if err != nil {
			return false, err
		}
		name := ""
		if clientID != 0 {
			c, err := db.Client(ctx, clientID)
			if err != nil {
				return false, err
			}
			name = c.ChosenName
		}
		p, paper, err := practicePaper(ctx, db)
		if err != nil {
			return false, err
		}
		pdf, err := renderPDF(packet.BlankMeasure(p, in, name, packet.Options{Paper: paper, Date: b.s.now()}))
		if err != nil {
			return false, err
		}
		return b.s.prints.print(pdf, epoch)
	})
}

// ---- co-creation mode ----

// Instruments returns the questionnaires the client can answer now: their
// wording, answers and scoring, nothing of anyone's.
func (b *CoCreation) Instruments() ([]domain.Instrument, error) {
	return coDo(b.s, func(ctx context.Context, db *storage.DB, _ int64) ([]domain.Instrument, error) {
		return db.Instruments(ctx)
	})
}

// AddMeasure records the client's answers to a questionnaire, by whoever
// is answering (roomActor). What comes back is the client's view: a flag
// on an answer is for the therapist, who sees it on leaving the mode.
func (b *CoCreation) AddMeasure(m domain.Measure) (domain.Measure, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Measure, error) {
		if err := roomActor(m.EnteredBy); err != nil {
			return domain.Measure{}, err
		}
		m.ClientID = id // the storage checks that a session named is this client's
		m.Notes, m.FollowUp, m.FollowUpOn = "", "", ""
		saved, err := db.AddMeasure(ctx, m, m.EnteredBy)
		return domain.View(saved), err
	})
}
