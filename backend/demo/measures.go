package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"tandem/backend/domain"
)

// The demonstration practice's measures. A third of the clients (every
// third id) answer the PHQ-9 and the GAD-7 at intake and then every four
// to six weeks while they are in a cycle of work: at a session when one
// falls due, else on paper at home, transcribed at the next session. A few
// answer the PCL-5 too, at intake and at every third measure. Some also
// answer the PHQ-9 the day after each medicine session. Scores tend to
// ease after a medicine session and creep back slowly, with noise; for
// some clients they hardly move. Across the practice exactly one answer to
// the PHQ-9's question 9 is above 0 (with the therapist's follow-up), and
// two measures have one question left blank. Active clients in a cycle
// have schedules; the first of them is overdue, so that Today shows a
// measure due on the practice's present day.
//
// Measures draw from their own random stream, seeded by the client's id,
// so the rest of the demonstration practice is the same with or without
// them; their stamps follow the client's clock, as every record does.

// measureState is what the measures of all clients share.
type measureState struct {
	flagged bool // the one question 9 above 0 is written
	blanks  int  // measures with a question left blank
	overdue bool // a client's schedule is made overdue for Today
}

// plannedMeasure is a measure planned for a date, on a session if it
// belongs to one.
type plannedMeasure struct {
	date    string
	session int64
	keys    []string
	by      domain.Actor
	nth     int // the client's how-manieth measure date, from 0
}

// measurePlan writes one client's measures as their journey unfolds:
// seedJourney tells it of each session (session), and finish writes what
// remains and the schedules. A nil plan writes nothing.
type measurePlan[S Store[S]] struct {
	s        S
	r        *rand.Rand
	clientID int64
	loc      *time.Location
	clk      *clock
	state    *measureState
	counts   map[string]int
	active   bool
	end      time.Time // the practice's present: nothing is dated after it

	cadence  int                // days between measures: 4 to 6 weeks
	pcl      bool               // answers the PCL-5 too
	afterMed bool               // answers the PHQ-9 the day after each medicine session
	base     map[string]float64 // each instrument's starting severity, a share of its range
	factor   [2]float64         // how far a medicine session eases it: lowest and highest
	level    float64            // severity now, a share of base
	levelOn  time.Time

	intake, next, last time.Time
	quiet              time.Time // no measure after this (the overdue client)
	pending            []plannedMeasure
	taken              int // measure dates so far
	phqs               int
}

// newMeasurePlan plans the measures of a client, or returns nil for a
// client who answers none.
func newMeasurePlan[S Store[S]](s S, clientID int64, zone string, clk *clock, active bool, end time.Time, state *measureState, counts map[string]int) (*measurePlan[S], error) {
	if clientID%3 != 1 {
		return nil, nil
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(uint64(clientID), 0x6d65617375726573)) // "measures"
	p := &measurePlan[S]{s: s, r: r, clientID: clientID, loc: loc, clk: clk, state: state, counts: counts, active: active, end: end,
		cadence: 7 * (4 + r.IntN(3)), pcl: r.IntN(4) == 0, afterMed: r.IntN(2) == 0, level: 1,
		base:   map[string]float64{"phq9": 0.3 + 0.4*r.Float64(), "gad7": 0.3 + 0.4*r.Float64(), "pcl5": 0.25 + 0.35*r.Float64()},
		factor: [2]float64{0.6, 0.85}}
	if r.IntN(5) == 0 {
		p.factor = [2]float64{0.92, 1.08} // little change after medicine sessions
	}
	// The first active client with months of work behind them is overdue.
	if active && !state.overdue && clk.t.Before(end.AddDate(0, 0, -120)) {
		state.overdue = true
		p.quiet = end.AddDate(0, 0, -43)
	}
	return p, nil
}

func (p *measurePlan[S]) day(s string) time.Time {
	d, _ := time.ParseInLocation(time.DateOnly, s, p.loc)
	return d
}

// session is told of each session as it is written, in date order: it
// writes the measures planned before it, and one at it when one is due.
func (p *measurePlan[S]) session(ctx context.Context, sess domain.Session) error {
	if p == nil {
		return nil
	}
	d := p.day(sess.Date)
	if err := p.until(ctx, d.AddDate(0, 0, -4)); err != nil {
		return err
	}
	if p.next.IsZero() || !d.Before(p.next.AddDate(0, 0, -3)) {
		if p.intake.IsZero() {
			p.intake = d
		}
		by := domain.ByClient
		if p.r.IntN(3) == 0 {
			by = domain.ByTogether
		}
		p.plan(sess.Date, sess.ID, by)
		p.next = d.AddDate(0, 0, p.cadence)
	}
	if sess.Kind == domain.MedicineSession {
		if err := p.flush(ctx, sess.Date); err != nil {
			return err
		}
		p.ease(d)
		if p.afterMed {
			p.pending = append(p.pending, plannedMeasure{date: d.AddDate(0, 0, 1).Format(time.DateOnly), session: sess.ID, keys: []string{"phq9"}, by: domain.ByTherapist, nth: -1})
		}
	}
	p.last = d
	return p.flush(ctx, sess.Date)
}

// until plans the measures due on paper between sessions up to to, while
// the client is in a cycle of work (six weeks after a session at most),
// and writes them.
func (p *measurePlan[S]) until(ctx context.Context, to time.Time) error {
	for !p.next.IsZero() && !p.next.After(to) && !p.next.After(p.last.AddDate(0, 0, 42)) {
		p.plan(p.next.Format(time.DateOnly), 0, domain.ByTherapist)
		p.next = p.next.AddDate(0, 0, p.cadence)
	}
	return p.flush(ctx, to.Format(time.DateOnly))
}

// plan adds a measure date: the PHQ-9 and GAD-7, and now and then the
// PCL-5.
func (p *measurePlan[S]) plan(date string, session int64, by domain.Actor) {
	keys := []string{"phq9", "gad7"}
	if p.pcl && p.taken%3 == 0 {
		keys = append(keys, "pcl5")
	}
	p.taken++
	p.pending = append(p.pending, plannedMeasure{date: date, session: session, keys: keys, by: by, nth: p.taken - 1})
}

// ease is a medicine session on d: the severity falls, by a share drawn
// from the client's range.
func (p *measurePlan[S]) ease(d time.Time) {
	p.drift(d)
	p.level *= p.factor[0] + (p.factor[1]-p.factor[0])*p.r.Float64()
}

// drift lets the severity creep back towards where it began, a little
// each week.
func (p *measurePlan[S]) drift(d time.Time) {
	if !p.levelOn.IsZero() {
		weeks := d.Sub(p.levelOn).Hours() / (24 * 7)
		p.level = math.Min(1, p.level+(1-p.level)*math.Min(1, 0.02*weeks))
	}
	p.levelOn = d
}

// flush writes the planned measures dated up to to, in date order.
func (p *measurePlan[S]) flush(ctx context.Context, to string) error {
	kept := p.pending[:0]
	var due []plannedMeasure
	for _, m := range p.pending {
		if m.date <= to {
			due = append(due, m)
		} else {
			kept = append(kept, m)
		}
	}
	p.pending = kept
	today := p.end.In(p.loc).Format(time.DateOnly)
	for _, m := range due {
		if m.date > today || !p.quiet.IsZero() && p.day(m.date).After(p.quiet) {
			continue // a session planned ahead; or the overdue client's
		}
		p.drift(p.day(m.date))
		for _, key := range m.keys {
			if err := p.write(ctx, m, key); err != nil {
				return err
			}
		}
	}
	return nil
}

// at is the store stamped at want, or just after the record before, in
// the client's zone (so that "today" is never before the measure's date).
func (p *measurePlan[S]) at(want time.Time) S {
	if want.After(p.clk.t) {
		p.clk.t = want
	}
	now := p.clk.t.In(p.loc)
	p.clk.t = p.clk.t.Add(time.Minute)
	return p.s.At(func() time.Time { return now })
}

func (p *measurePlan[S]) write(ctx context.Context, m plannedMeasure, key string) error {
	in, _ := domain.BuiltInInstrument(key)
	scored := 0
	for _, it := range in.Items {
		if !it.Unscored {
			scored++
		}
	}
	mean := p.base[key] * p.level * float64(scored*in.ScaleMax)
	total := int(math.Round(mean + 1.5*p.r.NormFloat64()))
	values := make([]int, scored+1) // by question number
	open := []int{}
	for n := 1; n <= scored; n++ {
		if !(key == "phq9" && n == 9) {
			open = append(open, n)
		}
	}
	for ; total > 0 && len(open) > 0; total-- {
		i := p.r.IntN(len(open))
		if values[open[i]]++; values[open[i]] == in.ScaleMax {
			open = append(open[:i], open[i+1:]...)
		}
	}
	// The one flagged answer is given in a session, and followed up there.
	at := p.day(m.date).Add(17 * time.Hour)
	if at.After(p.end) {
		at = p.end
	}
	flag := key == "phq9" && p.phqs >= 1 && m.session != 0 && m.by != domain.ByTherapist && !p.clk.t.After(at) && !p.state.flagged
	if flag {
		p.state.flagged, values[9] = true, 1
	}
	blank := 0
	if p.state.blanks < 2 && m.nth == 2 && key == "phq9" {
		p.state.blanks++
		blank = 2 + p.r.IntN(5) // one of questions 2 to 6
	}
	var answers []domain.Answer
	sum := 0
	for n := 1; n <= scored; n++ {
		sum += values[n]
		if n != blank {
			answers = append(answers, domain.Answer{Item: n, Value: values[n]})
		}
	}
	if key == "phq9" {
		p.phqs++
		if sum > 0 { // question 10 is asked when any problem was checked off
			answers = append(answers, domain.Answer{Item: 10, Value: min(3, sum/6)})
		}
	}
	measure := domain.Measure{ClientID: p.clientID, SessionID: m.session, Date: m.date, Instrument: domain.Instrument{Key: key}, Answers: answers, EnteredBy: m.by}
	if p.r.IntN(8) == 0 {
		measure.Notes = pick(p.r, measureNotes)
	}
	saved, err := p.at(at).AddMeasure(ctx, measure, m.by)
	if err != nil {
		return fmt.Errorf("seed measure: %w", err)
	}
	p.counts["measures"]++
	if flag {
		if _, err := p.at(at).RecordMeasureFollowUp(ctx, saved.ID, followUpNote); err != nil {
			return fmt.Errorf("seed follow-up: %w", err)
		}
	}
	return nil
}

// finish writes the measures planned up to stop (the end of the client's
// work) and, for an active client, the schedules: after each medicine
// session for one who answers then; every so many weeks from intake for
// one who is in a cycle of work, or the overdue one.
func (p *measurePlan[S]) finish(ctx context.Context, stop time.Time) error {
	if p == nil {
		return nil
	}
	last := stop.In(p.loc)
	last = time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, p.loc)
	if err := p.until(ctx, last); err != nil {
		return err
	}
	if !p.active || p.intake.IsZero() {
		return nil
	}
	var schedules []domain.MeasureSchedule
	if !p.quiet.IsZero() || !p.last.Before(last.AddDate(0, 0, -42)) {
		for _, key := range []string{"phq9", "gad7"} {
			schedules = append(schedules, domain.MeasureSchedule{InstrumentKey: key, Kind: domain.ScheduleEveryWeeks, EveryWeeks: p.cadence / 7, StartsOn: p.intake.Format(time.DateOnly)})
		}
	}
	if p.afterMed {
		schedules = append(schedules, domain.MeasureSchedule{InstrumentKey: "phq9", Kind: domain.ScheduleAfterMedicine})
	}
	for _, sc := range schedules {
		sc.ClientID = p.clientID
		if _, err := p.at(p.clk.t).SetMeasureSchedule(ctx, sc); err != nil {
			return fmt.Errorf("seed measure schedule: %w", err)
		}
		p.counts["measure schedules"]++
	}
	return nil
}

var measureNotes = []string{
	"Answered quickly; said the second week had been harder than the first (fictional).",
	"Paused over question 3 and talked about the new job's early starts (fictional).",
	"Filled in on paper at home; brought it to the session (fictional).",
	"Said the numbers feel smaller than the change itself (fictional).",
}

const followUpNote = "Asked about question 9 in the room straight away. Passing thoughts in the hardest week, no plan or intent; " +
	"we went through the safety plan together and the client put the crisis line's number in their phone. Check again next session (fictional)."
