package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"tandem/backend/domain"
)

// The demonstration practice's medicine safety records. The practice
// writes its consent template (version 1) when it opens. Each client, at
// the start of their first cycle of work, brings their medications (a
// third take none), some their allergies and health history; they are
// screened against the checklist once, or twice when the first round
// raised something that was then cleared up (a medication stopped with
// the GP, a blood pressure check); they agree their intentions and
// confirm the medicine consent written from the template. Every later
// cycle re-screens, and once in a while a medication is stopped. A quarter
// of the clients have a flag on the screening, which the therapist
// decides on before each medicine session it stands for.
//
// Each medicine session has its preparation (support person, way home);
// one that has been held has the therapist's decisions (on the flags, and
// to go ahead where a readiness check was not met) and its live log: the
// dose, now and then a booster, check-ins in the client's words, vitals
// about every hour, a change of music, touch asked for and given within a
// confirmed touch agreement, and rarely an adverse event. A session ahead
// of the practice's present (or after a closed client's work ended) is
// left part-way prepared.
//
// The records draw from their own random stream, seeded by the client's
// id, so the rest of the demonstration practice is the same with or
// without them. Their stamps follow the client's clock, as every record
// does: a cycle's stay before its first session, a session's within its
// day, so the records after them are stamped as before (but for a few
// minutes where nothing follows on the day).

// medicinePractice is what the clients' medicine records share.
type medicinePractice struct {
	items          []domain.ScreeningItem // the checklist in use
	recordMedicine bool                   // doses carry substance, amount and route
	inProgress     bool                   // a medicine session is under way at the present (inProgress)
}

// seedConsentTemplate writes the practice's consent template, dated at
// the start of its history, and reads the checklist.
func seedConsentTemplate[S Store[S]](ctx context.Context, s S, start time.Time, recordMedicine bool, counts map[string]int) (*medicinePractice, error) {
	if _, err := s.At(func() time.Time { return start }).SaveConsentTemplate(ctx, consentTitle, consentTerms); err != nil &&
		domain.ErrorCode(err) != domain.EINVALID { // a vault seeded before has it
		return nil, fmt.Errorf("seed consent template: %w", err)
	}
	counts["consent templates"] = 1
	items, err := s.ScreeningItems(ctx, false)
	if err != nil {
		return nil, fmt.Errorf("seed checklist: %w", err)
	}
	return &medicinePractice{items: items, recordMedicine: recordMedicine}, nil
}

// medicinePlan writes one client's medicine safety records as their
// journey unfolds: seedJourney tells it of each cycle (cycle) and each
// medicine session (session).
type medicinePlan[S Store[S]] struct {
	s          S
	r          *rand.Rand
	practice   *medicinePractice
	clientID   int64
	name       string  // the client's, as they type it to confirm
	intentions []int64 // agreed before the first medicine session
	touch      string  // the welcome term of a confirmed touch agreement; "" without one
	loc        *time.Location
	clk        *clock
	end        time.Time
	counts     map[string]int

	flags   *flagProfile // nil: the screening flags nothing
	meds    []domain.Medication
	stopped bool      // an everyday medication was stopped (once at most)
	flagged bool      // the newest screening has flagged answers
	cycled  bool      // a medicine cycle began: health, screening and consent are written
	last    time.Time // the stamp at gave last
}

func newMedicinePlan[S Store[S]](s S, practice *medicinePractice, clientID int64, name string, intentions []int64, touch, zone string, clk *clock, end time.Time, counts map[string]int) (*medicinePlan[S], error) {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return nil, err
	}
	r := rand.New(rand.NewPCG(uint64(clientID), 0x6d65646963696e65)) // "medicine"
	p := &medicinePlan[S]{s: s, r: r, practice: practice, clientID: clientID, name: name, intentions: intentions, touch: touch,
		loc: loc, clk: clk, end: end, counts: counts}
	if i := r.IntN(4 * len(flagProfiles)); i < len(flagProfiles) {
		p.flags = &flagProfiles[i]
	}
	return p, nil
}

// at is the store stamped at want, or just after the record before, in
// the client's zone.
func (p *medicinePlan[S]) at(want time.Time) S {
	if want.After(p.clk.t) {
		p.clk.t = want
	}
	now := p.clk.t.In(p.loc)
	p.clk.t, p.last = p.clk.t.Add(time.Minute), now
	return p.s.At(func() time.Time { return now })
}

// date is the day of t in the client's zone.
func (p *medicinePlan[S]) date(t time.Time) string { return t.In(p.loc).Format(time.DateOnly) }

// cycle writes what comes before the medicine session of a cycle whose
// first preparation session is at day: stamped in the hour before it (or
// the practice's present, if that is earlier), so that the cycle's
// sessions are stamped as before.
func (p *medicinePlan[S]) cycle(ctx context.Context, n int, day time.Time) error {
	p.cycled = true
	on := day.Add(-time.Hour)
	if on.After(p.end) {
		on = p.end
	}
	if n == 0 {
		return p.first(ctx, on)
	}
	return p.again(ctx, on)
}

// first writes the client's health, screening, agreed intentions and
// consent before their first medicine session.
func (p *medicinePlan[S]) first(ctx context.Context, on time.Time) error {
	r := p.r
	start := on
	twoRounds := p.flags != nil && p.flags.second != ""
	if twoRounds {
		start = on.AddDate(0, 0, -(5 + r.IntN(5))) // a call some days before
	}
	allergies, history := "", ""
	if r.IntN(2) == 0 {
		allergies = pick(r, allergyNotes)
	}
	if r.IntN(2) == 0 {
		history = pick(r, historyNotes)
	}
	if allergies != "" || history != "" {
		if _, err := p.at(start).SaveHealthNotes(ctx, p.clientID, allergies, history, domain.ByTogether); err != nil {
			return fmt.Errorf("seed health notes: %w", err)
		}
		p.counts["health notes"]++
	}
	var specs []medSpec
	if r.IntN(3) > 0 {
		for _, i := range r.Perm(len(everydayMeds))[:1+r.IntN(3)] {
			specs = append(specs, everydayMeds[i])
		}
	}
	if p.flags != nil && p.flags.med != nil {
		specs = append(specs, *p.flags.med)
	}
	for _, m := range specs {
		since := fmt.Sprint(start.In(p.loc).Year() - 1 - r.IntN(8))
		saved, err := p.at(start).AddMedication(ctx, domain.Medication{ClientID: p.clientID, Name: m.name, Dose: m.dose, Since: since,
			Prescriber: m.prescriber, Notes: m.notes, Author: domain.ByClient})
		if err != nil {
			return fmt.Errorf("seed medication: %w", err)
		}
		p.counts["medications"]++
		p.meds = append(p.meds, saved)
	}
	first := map[int]domain.ScreeningAnswer{}
	if p.flags != nil {
		first[p.flags.item] = domain.ScreeningAnswer{Answer: p.flags.first, Note: p.flags.firstNote}
	}
	if err := p.screen(ctx, start, first, pick(r, screeningNotes[:2])); err != nil {
		return err
	}
	if twoRounds {
		if p.flags.med != nil && p.flags.second == domain.AnswerNo {
			stopped := start.Add(on.Sub(start) / 2)
			if err := p.stop(ctx, len(p.meds)-1, stopped); err != nil {
				return err
			}
		}
		second := map[int]domain.ScreeningAnswer{p.flags.item: {Answer: p.flags.second, Note: p.flags.secondNote}}
		if err := p.screen(ctx, on, second, "Screened again after the first round's questions were cleared up."); err != nil {
			return err
		}
	}
	for _, id := range p.intentions {
		agreed := p.at(on)
		if _, err := agreed.AgreePlanItem(ctx, id, p.date(p.last), domain.ByClient); err != nil {
			return fmt.Errorf("seed intention agreed: %w", err)
		}
	}
	consent, err := p.at(on).WriteConsent(ctx, p.clientID)
	if err != nil {
		return fmt.Errorf("seed consent: %w", err)
	}
	p.counts["consents"]++
	signed := p.at(on)
	if _, err := signed.ConfirmAgreement(ctx, consent.ID, p.name, p.date(p.last)); err != nil {
		return fmt.Errorf("seed consent confirmed: %w", err)
	}
	return nil
}

// again re-screens before a later cycle's medicine session, and now and
// then a medication has been stopped since the last.
func (p *medicinePlan[S]) again(ctx context.Context, on time.Time) error {
	r := p.r
	if !p.stopped && r.IntN(6) == 0 {
		for i, m := range p.meds {
			if m.StoppedOn == "" && (p.flags == nil || p.flags.med == nil || m.Name != p.flags.med.name) {
				if err := p.stop(ctx, i, on.AddDate(0, 0, -(3+r.IntN(20)))); err != nil {
					return err
				}
				p.stopped = true
				break
			}
		}
	}
	answers := map[int]domain.ScreeningAnswer{}
	if p.flags != nil && p.flags.persists {
		answers[p.flags.item] = domain.ScreeningAnswer{Answer: p.flags.first, Note: p.flags.firstNote}
	}
	if r.IntN(5) == 0 {
		answers[itemHeart] = domain.ScreeningAnswer{Answer: domain.AnswerNo, Note: fmt.Sprintf("Blood pressure %d over %d at the pharmacy this month.", 112+r.IntN(20), 70+r.IntN(12))}
	}
	return p.screen(ctx, on, answers, pick(r, screeningNotes[2:]))
}

// stop records that medication i was stopped on the day of t.
func (p *medicinePlan[S]) stop(ctx context.Context, i int, t time.Time) error {
	m := p.meds[i]
	m.StoppedOn = p.date(t)
	saved, err := p.at(t).UpdateMedication(ctx, m, domain.ByTherapist)
	if err != nil {
		return fmt.Errorf("seed medication stopped: %w", err)
	}
	p.meds[i] = saved
	p.counts["medications stopped"]++
	return nil
}

// screen records a round dated on the day of t: no to every item but
// those in set (by position on the starting checklist).
func (p *medicinePlan[S]) screen(ctx context.Context, t time.Time, set map[int]domain.ScreeningAnswer, note string) error {
	var answers []domain.ScreeningAnswer
	for _, it := range p.practice.items {
		a := domain.ScreeningAnswer{ItemID: it.ID, Answer: domain.AnswerNo}
		for pos, given := range set {
			if pos < len(domain.StartingChecklist) && it.Text == domain.StartingChecklist[pos] {
				a.Answer, a.Note = given.Answer, given.Note
			}
		}
		answers = append(answers, a)
	}
	stamped := p.at(t)
	sc, err := stamped.AddScreening(ctx, domain.NewScreening{ClientID: p.clientID, ScreenedOn: p.date(p.last), AnsweredBy: domain.ByTogether, Note: note, Answers: answers})
	if err != nil {
		return fmt.Errorf("seed screening: %w", err)
	}
	p.counts["screenings"]++
	p.flagged = len(sc.Flags()) > 0
	return nil
}

// session prepares a medicine session starting at day; one held (whose
// notes the journey finalises) gets its decisions and its live log. It is
// called before the session is finalised, which closes the log.
func (p *medicinePlan[S]) session(ctx context.Context, sess domain.Session, day time.Time, held bool) error {
	r := p.r
	held = held && day.Before(p.end)
	support, home := pick(r, supportPeople), pick(r, waysHome)
	if !held && r.IntN(2) == 0 {
		home = "" // still to be arranged
	}
	if _, err := p.at(day).SavePrep(ctx, sess.ID, support, home); err != nil {
		return fmt.Errorf("seed preparation: %w", err)
	}
	p.counts["session preparations"]++
	if !held {
		return nil
	}
	if p.flagged && p.flags != nil {
		decision := p.flags.decision
		if decision == "" {
			decision = "Cleared up before the session (see the second screening). Going ahead."
		}
		if _, err := p.at(day).DecideFlags(ctx, sess.ID, decision); err != nil {
			return fmt.Errorf("seed decision on flags: %w", err)
		}
		p.counts["decisions on flags"]++
	}
	ready, err := p.s.Readiness(ctx, sess.ID)
	if err != nil {
		return fmt.Errorf("seed readiness: %w", err)
	}
	if !ready.Ready {
		var reasons []string
		other := false
		for _, c := range ready.Checks {
			if why, ok := goAheadReasons[c.Rule]; ok && !c.Met {
				reasons = append(reasons, why)
			} else if !c.Met {
				other = true
			}
		}
		if other || len(reasons) == 0 {
			reasons = append(reasons, goAheadOther)
		}
		if _, err := p.at(day).GoAhead(ctx, sess.ID, strings.Join(reasons, " ")); err != nil {
			return fmt.Errorf("seed go-ahead: %w", err)
		}
		p.counts["go-aheads"]++
	}
	return p.log(ctx, sess, day)
}

// log writes the live log of a session held from day, each entry stamped
// when it was made; entries after the practice's present are not yet made.
func (p *medicinePlan[S]) log(ctx context.Context, sess domain.Session, day time.Time) error {
	r := p.r
	var entries []domain.NewLogEntry
	add := func(minutes int, e domain.NewLogEntry) {
		if minutes < sess.Minutes-10 {
			e.SessionID, e.At = sess.ID, day.Add(time.Duration(minutes)*time.Minute).UTC().Format(time.RFC3339)
			entries = append(entries, e)
		}
	}
	sys, dia, pulse := 110+r.IntN(25), 68+r.IntN(15), 62+r.IntN(20)
	vitals := func(minutes, rise int) {
		add(minutes, domain.NewLogEntry{Kind: domain.LogVitals, Systolic: sys + rise + r.IntN(6), Diastolic: dia + rise/2 + r.IntN(4),
			Pulse: pulse + rise + r.IntN(6), SpO2: 96 + r.IntN(4), Temperature: float64(364+r.IntN(7)) / 10})
	}
	dose := func(minutes int, kind domain.LogKind, text, amount string) {
		e := domain.NewLogEntry{Kind: kind}
		if r.IntN(4) == 0 { // mostly the time alone, kept with one tap
			e.Text = text
		}
		if p.practice.recordMedicine {
			e.Substance, e.Amount, e.Route = "Psilocybin", amount, "Oral"
		}
		add(minutes, e)
	}
	start := 10 + r.IntN(15)
	vitals(start-10, 0)
	dose(start, domain.LogDose, "Medicine taken with water at the agreed time; the client lay down with the eyeshades.", "25 mg")
	add(start+35+r.IntN(10), domain.NewLogEntry{Kind: domain.LogCheckIn, Text: pick(r, checkIns[0])})
	vitals(start+60, 8+r.IntN(8))
	if p.touch != "" && r.IntN(2) == 0 {
		words := touchWords[p.touch]
		t := start + 70 + r.IntN(20)
		add(t, domain.NewLogEntry{Kind: domain.LogTouch, Touch: domain.TouchAsked, Text: words[0]})
		add(t+1, domain.NewLogEntry{Kind: domain.LogTouch, Touch: domain.TouchGiven, Text: words[1]})
	}
	if (p.flags == nil || p.flags.item != itemSSRI || !p.flags.persists) && r.IntN(3) == 0 {
		dose(start+90, domain.LogBooster, "Booster taken, as agreed beforehand; the client asked for it.", "10 mg")
	}
	add(start+100+r.IntN(15), domain.NewLogEntry{Kind: domain.LogCheckIn, Text: pick(r, checkIns[1])})
	vitals(start+125, 6+r.IntN(8))
	if r.IntN(20) == 0 {
		what := pick(r, adverseWords)
		t := start + 130 + r.IntN(30)
		add(t, domain.NewLogEntry{Kind: domain.LogAdverse, Text: what[0]})
		add(t+20, domain.NewLogEntry{Kind: domain.LogNote, Text: what[1]})
	}
	add(start+140+r.IntN(30), domain.NewLogEntry{Kind: domain.LogSetting, Text: pick(r, musicChanges)})
	add(start+180+r.IntN(20), domain.NewLogEntry{Kind: domain.LogCheckIn, Text: pick(r, checkIns[2])})
	vitals(start+185+r.IntN(10), 2+r.IntN(6))
	if r.IntN(2) == 0 {
		add(start+215+r.IntN(20), domain.NewLogEntry{Kind: domain.LogNote, Text: pick(r, sessionNotes), Visibility: domain.Private})
	}
	vitals(start+245+r.IntN(10), r.IntN(4))
	add(start+260+r.IntN(20), domain.NewLogEntry{Kind: domain.LogCheckIn, Text: pick(r, checkIns[3])})
	vitals(sess.Minutes-45, 0)
	add(sess.Minutes-15, domain.NewLogEntry{Kind: domain.LogNote, Text: "The support person arrived; the client left with them as planned."})

	slices.SortStableFunc(entries, func(a, b domain.NewLogEntry) int { return strings.Compare(a.At, b.At) })
	for _, e := range entries {
		at, _ := time.Parse(time.RFC3339, e.At)
		if at.After(p.end) {
			break // not yet: the session is going on now
		}
		if _, err := p.at(at).AddLogEntry(ctx, e); err != nil {
			return fmt.Errorf("seed log entry: %w", err)
		}
		p.counts["log entries"]++
	}
	return nil
}

// inProgress holds, once in a practice, a medicine session under way at
// the practice's present, for a client whose medicine cycles began: begun
// two hours before, prepared, its live log so far, its notes still open.
// The screens of the day itself (readiness, the live log) have something
// to show. It draws from the client's own medicine stream.
func (p *medicinePlan[S]) inProgress(ctx context.Context) error {
	if p.practice.inProgress || !p.cycled {
		return nil
	}
	p.practice.inProgress = true
	// In the therapist's room, so in the practice's time zone when it has
	// a name (the laptop's own is "Local"), else the client's.
	here := p.end.Location()
	if here.String() == "Local" || here.String() == "" {
		here = p.loc
	}
	local := p.end.Add(-90 * time.Minute).In(here)
	start := time.Date(local.Year(), local.Month(), local.Day(), local.Hour(), 0, 0, 0, here)
	sess := domain.Session{ClientID: p.clientID, Kind: domain.MedicineSession, Date: start.Format(time.DateOnly), Time: start.Format("15:04"),
		TimeZone: here.String(), Minutes: 360, Modality: domain.InPerson, IntentionIDs: p.intentions}
	out, err := p.at(start.Add(-72*time.Hour)).AddSession(ctx, sess, domain.ByTherapist)
	if err != nil {
		return fmt.Errorf("seed the session under way: %w", err)
	}
	p.counts["sessions"]++
	if err := seedSetting(ctx, p.at(start.Add(-48*time.Hour)), p.r, out.ID, p.counts); err != nil {
		return err
	}
	return p.session(ctx, out, start, true)
}
