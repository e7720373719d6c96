package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"tandem/backend/domain"
)

// Each cycle of the work: preparation sessions, a medicine session with its
// setting plan, shifts over the following weeks and integration sessions,
// then a pause before the next cycle. Cycles repeat every six to eight
// months while the client works with the practice, which gives a ten-year
// practice of 300 clients about 12,000 sessions and 60,000 shifts.
const (
	minCycleDays = 180
	maxCycleDays = 240
)

// zones the fictional practice has met clients in.
var zones = []string{"Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "Pacific/Auckland"}

// seedJourney writes the client's sessions, shifts, patterns and resources
// from the clock's time until stop, dated in zone, the client's, and tells
// measures of each session (nil: the client answers none) and medicine of
// each cycle and medicine session.
func seedJourney[S Store[S]](ctx context.Context, s S, r *rand.Rand, clientID int64, intentionIDs []int64, zone string, clk *clock, stop, end time.Time, measures *measurePlan[S], medicine *medicinePlan[S], counts map[string]int) error {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return err
	}
	// at moves the clock to t (never backwards) and returns the handle
	// stamped with it.
	at := func(t time.Time) S {
		if t.After(clk.t) {
			clk.t = t
		}
		now := clk.t
		clk.t = clk.t.Add(time.Minute)
		return s.At(func() time.Time { return now })
	}
	session := func(kind domain.SessionKind, day time.Time, intents []int64) (domain.Session, error) {
		sess := domain.Session{
			ClientID: clientID, Kind: kind, Date: day.In(loc).Format(time.DateOnly), Time: day.In(loc).Format("15:04"), TimeZone: zone,
			Minutes: 60 + 30*r.IntN(2), Modality: domain.InPerson, Place: "The practice room",
			Summary: pick(r, summaries[kind]), PrivateNotes: pick(r, privateNotes), IntentionIDs: intents,
		}
		if kind == domain.MedicineSession {
			sess.Minutes = 360 + 30*r.IntN(5)
			sess.Practice, sess.Somatic, sess.Resourcing = pick(r, sessionPractices), pick(r, somatic), pick(r, resourcing)
		} else if r.IntN(3) == 0 {
			sess.Modality, sess.Place = domain.Online, "Video call"
		}
		if kind == domain.IntegrationSession {
			sess.Practice = pick(r, sessionPractices)
		}
		out, err := at(day).AddSession(ctx, sess, domain.ByTherapist)
		if err != nil {
			return out, fmt.Errorf("seed session: %w", err)
		}
		counts["sessions"]++
		if err := seedSessionMoney(ctx, at(day), r, out, day, stop, end, counts); err != nil {
			return out, err
		}
		return out, measures.session(ctx, out)
	}
	finalise := func(sess domain.Session, day time.Time) error {
		if day.After(stop) {
			return nil // the most recent notes are still open
		}
		f, err := at(day.Add(20*time.Hour)).FinaliseSession(ctx, sess.ID)
		if err != nil {
			return fmt.Errorf("seed finalise: %w", err)
		}
		if r.IntN(12) == 0 {
			if _, err := at(day.Add(72*time.Hour)).AddAddendum(ctx, f.ID, pick(r, addenda), domain.Shared); err != nil {
				return fmt.Errorf("seed addendum: %w", err)
			}
		}
		return nil
	}

	var patterns []domain.Pattern
	resourceOrder, resourcesAdded := r.Perm(len(resources)), 0
	day := clk.t.Add(time.Duration(7+r.IntN(14)) * 24 * time.Hour)
	for cycle := 0; day.Before(stop); cycle++ {
		day = time.Date(day.Year(), day.Month(), day.Day(), 9+r.IntN(8), 0, 0, 0, loc)
		if err := medicine.cycle(ctx, cycle, day); err != nil {
			return err
		}
		for range 2 {
			prep, err := session(domain.PreparationSession, day, nil)
			if err != nil {
				return err
			}
			if err := finalise(prep, day); err != nil {
				return err
			}
			day = day.AddDate(0, 0, 5+r.IntN(9))
		}
		var intents []int64
		if len(intentionIDs) > 0 {
			intents = intentionIDs[:1+r.IntN(len(intentionIDs))]
		}
		med, err := session(domain.MedicineSession, day, intents)
		if err != nil {
			return err
		}
		if err := seedSetting(ctx, at(day.Add(-72*time.Hour)), r, med.ID, counts); err != nil {
			return err
		}
		// Before the session is finalised, which closes its log.
		if err := medicine.session(ctx, med, day, !day.After(stop)); err != nil {
			return err
		}
		if r.IntN(25) == 0 {
			if _, err := at(day.Add(8*time.Hour)).AddAdverseEvent(ctx, domain.AdverseEvent{SessionID: med.ID, At: "afternoon", Description: pick(r, adverse), Response: "Stayed with the client until it passed; checked in by phone the next morning."}); err != nil {
				return fmt.Errorf("seed adverse event: %w", err)
			}
			counts["adverse events"]++
		}
		if err := finalise(med, day); err != nil {
			return err
		}

		// Shifts on the days after, more in the first week.
		var shifts []domain.Shift
		n := 20 + r.IntN(11)
		for k := 0; k < n; k++ {
			offset := 1 + k*30/n
			on := day.AddDate(0, 0, offset)
			if on.After(stop) {
				break
			}
			area := domain.Areas[r.IntN(len(domain.Areas))]
			sh := domain.Shift{ClientID: clientID, SessionID: med.ID, NoticedOn: on.Format(time.DateOnly), Area: area,
				Description: pick(r, shiftWords[area]), JustNoticing: r.IntN(3) == 0, Intensity: 1 + r.IntN(5), RecordedBy: domain.ByClient}
			if r.IntN(2) == 0 {
				sh.RecordedBy = domain.ByTherapist // transcribed from the paper worksheet
			}
			saved, err := at(on.Add(19*time.Hour)).AddShift(ctx, sh, sh.RecordedBy)
			if err != nil {
				return fmt.Errorf("seed shift: %w", err)
			}
			counts["shifts"]++
			shifts = append(shifts, saved)
		}

		// Integration sessions: one a few days after, one three weeks after.
		for _, after := range []int{3 + r.IntN(3), 19 + r.IntN(7)} {
			d := day.AddDate(0, 0, after)
			if d.After(stop) {
				break
			}
			in, err := session(domain.IntegrationSession, d, nil)
			if err != nil {
				return err
			}
			for _, sh := range shifts {
				if sh.NoticedOn < in.Date && !sh.JustNoticing && sh.Meaning == "" && r.IntN(6) == 0 {
					if _, err := at(d).AddMeaning(ctx, sh.ID, pick(r, meanings), domain.ByTogether); err != nil {
						return fmt.Errorf("seed meaning: %w", err)
					}
				}
			}
			if err := seedPatterns(ctx, at(d), r, clientID, in, shifts, &patterns, counts); err != nil {
				return err
			}
			if err := finalise(in, d); err != nil {
				return err
			}
		}
		if resourcesAdded < len(resources) && (cycle == 0 || r.IntN(3) == 0) {
			res := resources[resourceOrder[resourcesAdded]]
			resourcesAdded++
			res.ClientID = clientID
			if res.ProposedBy == "" {
				res.ProposedBy = domain.ByClient
			}
			if _, err := at(day.AddDate(0, 0, 10)).AddResource(ctx, res, res.ProposedBy); err != nil {
				return fmt.Errorf("seed resource: %w", err)
			}
			counts["resources"]++
		}
		day = day.AddDate(0, 0, minCycleDays+r.IntN(maxCycleDays-minCycleDays))
	}
	return nil
}

func seedSetting[S Store[S]](ctx context.Context, s S, r *rand.Rand, sessionID int64, counts map[string]int) error {
	for _, cat := range domain.SettingCategories {
		if r.IntN(5) == 0 {
			continue
		}
		by := pick(r, []domain.Actor{domain.ByClient, domain.ByClient, domain.ByTherapist, domain.ByTogether})
		el, err := s.AddSettingElement(ctx, domain.NewSettingElement{SessionID: sessionID, Category: cat, Text: pick(r, settingWords[cat]), ProposedBy: by}, by)
		if err != nil {
			return fmt.Errorf("seed setting: %w", err)
		}
		counts["setting elements"]++
		comfort := pick(r, []domain.Comfort{domain.Welcome, domain.Welcome, domain.Welcome, domain.Unsure, domain.NotWanted})
		if _, err := s.SetSettingComfort(ctx, el.ID, comfort); err != nil {
			return fmt.Errorf("seed comfort: %w", err)
		}
		// The therapist's own comfort, from the element's number rather than
		// the random stream, so that a seed gives the same records as before.
		own := domain.Welcome
		if el.ID%4 == 0 {
			own = domain.Unsure
		}
		if _, err := s.SetTherapistComfort(ctx, el.ID, own); err != nil {
			return fmt.Errorf("seed comfort: %w", err)
		}
	}
	return nil
}

// seedPatterns names a new pattern now and then, and moves existing ones
// along, linking the shifts where they showed up.
func seedPatterns[S Store[S]](ctx context.Context, s S, r *rand.Rand, clientID int64, in domain.Session, shifts []domain.Shift, patterns *[]domain.Pattern, counts map[string]int) error {
	if len(*patterns) < 3 && r.IntN(3) == 0 {
		p, err := s.AddPattern(ctx, domain.NewPattern{ClientID: clientID, Name: pick(r, patternNames), Examples: pick(r, patternExamples),
			ProposedBy: domain.ByClient, NoticedOn: in.Date}, domain.ByClient)
		if err != nil {
			return fmt.Errorf("seed pattern: %w", err)
		}
		counts["patterns"]++
		var ids []int64
		for _, sh := range shifts {
			if sh.NoticedOn <= in.Date && len(ids) < 2+r.IntN(2) && r.IntN(3) == 0 {
				ids = append(ids, sh.ID)
			}
		}
		if p, err = s.LinkPattern(ctx, p.ID, ids, []int64{in.ID}, domain.ByTogether); err != nil {
			return fmt.Errorf("seed pattern links: %w", err)
		}
		*patterns = append(*patterns, p)
		return nil
	}
	for i := range *patterns {
		p := &(*patterns)[i]
		next := map[domain.PatternStatus]domain.PatternStatus{domain.PatternNoticed: domain.PatternExploring, domain.PatternExploring: domain.PatternLoosening, domain.PatternLoosening: domain.PatternUpdated}[p.Status]
		if next == "" || r.IntN(2) == 0 {
			continue
		}
		changed, err := s.SetPatternStatus(ctx, p.ID, domain.PatternChange{On: in.Date, Status: next, Note: pick(r, statusNotes), By: domain.ByTogether})
		if err != nil {
			return fmt.Errorf("seed pattern status: %w", err)
		}
		*p = changed
		counts["pattern changes"]++
	}
	return nil
}

var summaries = map[domain.SessionKind][]string{
	domain.PreparationSession: {
		"We went through the intentions again and the client reworded one of them. We talked about what the day will look like, hour by hour.",
		"We practised the grounding exercise together and agreed the stop signal. The client asked good questions about the music.",
		"We designed the setting together: the client brought a photo of their grandmother for the room.",
	},
	domain.MedicineSession: {
		"A long, quiet session. Much of it in silence with the music; tears in the second hour, then rest.",
		"The client moved between laughter and grief. Asked for a hand on the shoulder twice, as agreed.",
		"A gentle session. The client spoke of their childhood home and of feeling safe in their body.",
	},
	domain.IntegrationSession: {
		"We read the worksheet together. The client chose which shifts to talk about and left the others for now.",
		"We noticed a pattern across several entries and named it in the client's words.",
		"The client described a week of small changes. We looked at what helped and added a resource.",
	},
}

var privateNotes = []string{
	"I noticed my own wish to make meaning too early. Leave room.",
	"Check in about sleep next time; they looked tired.",
	"Felt very present today. Nothing to bring to consultation.",
	"",
}

var sessionPractices = []string{"Body scan at the start, ten minutes.", "Breath counting to four and six.", "Loving-kindness phrases the client chose.", "Walking outside in silence."}
var somatic = []string{"Shoulders dropped after the first hour; breathing slowed.", "Hands cold early on, warm by the end.", "Shaking in the legs that passed after a few minutes."}
var resourcing = []string{"Returned to the grounding stone twice.", "Used the long out-breath when the music swelled.", "Held the blanket and named five things in the room."}
var addenda = []string{"The client called the next day to say the morning was calm.", "Added at the client's request: the walk afterwards mattered."}
var adverse = []string{"Nausea for about twenty minutes.", "A headache in the evening.", "A spell of panic, eased with breathing together."}

var settingWords = map[domain.SettingCategory][]string{
	"decor":     {"A plain room with one plant, nothing on the walls.", "The client's own scarf over the lamp.", "Flowers from the client's garden."},
	"seating":   {"A mattress on the floor with many cushions.", "The armchair near the window for the beginning."},
	"lighting":  {"Low light; the curtains half drawn.", "Candle-light only in the evening hours."},
	"music":     {"The practice's usual playlist, with quiet passages.", "Songs in Twi the client chose for the return.", "Silence for the first half hour."},
	"sensory":   {"Eyeshades and a heavy blanket.", "Lavender oil, very little.", "The room warm, a window open a crack."},
	"objects":   {"A photo of the client's grandmother.", "A stone from the beach near the client's childhood home.", "Prayer beads."},
	"practices": {"A short opening ritual the client wrote.", "Tea together at the end.", "Smudging is not wanted; an opening breath instead."},
	"people":    {"Only the therapist; a friend collects the client at five.", "The client's partner present for the last hour."},
}

var shiftWords = map[domain.Area][]string{
	"self":          {"I looked in the mirror and did not look away.", "I caught myself being kind to me, and let it happen.", "Felt younger somehow, lighter."},
	"relationships": {"Called my sister without a reason.", "Said no to my boss and the sky did not fall.", "Listened to my partner without planning my answer."},
	"body":          {"Shoulders lower all day.", "Slept nine hours, woke without the alarm.", "Noticed my breath on the bus, slow."},
	"emotions":      {"Cried at the bakery; it was not sadness.", "Anger came and went without a story.", "A lot of tenderness for no clear reason."},
	"beliefs":       {"Maybe I do not have to earn rest.", "The thought 'I am too much' felt old, like a coat that no longer fits."},
	"habits":        {"Did not open the wine on Friday; did not miss it.", "Walked instead of scrolling in the evening.", "Cooked breakfast, first time in months."},
	"meaning":       {"Felt part of something bigger on the walk.", "A sense that my grandmother is still with me.", "Everything felt connected for a moment in the garden."},
	"nature":        {"Watched the birds for half an hour.", "The rain sounded like music.", "Sat under the oak in the park and felt held."},
	"other":         {"Colours brighter on the way to work.", "Dreamt of the house by the sea again.", "Something shifted; no words yet."},
}

var meanings = []string{
	"Together we saw this as the body settling before the mind catches up.",
	"The client links this to feeling safe with people again.",
	"Part of loosening the old rule about having to be strong.",
}

var patternNames = []string{
	"I have to earn my rest.",
	"If I am quiet, no one gets hurt.",
	"I look after everyone before myself.",
	"Feelings are dangerous unless I can explain them.",
	"I am only safe when I am in control.",
}
var patternExamples = []string{"Cleaning the whole flat before allowing a nap.", "Apologising first in every argument.", "Planning every hour of a holiday."}
var statusNotes = []string{"The client noticed it twice this month and smiled at it.", "Less grip; the client says it is 'quieter'.", "The client chose a new sentence to live by."}

var resources = []domain.Resource{
	{Kind: "breath", Name: "Long out-breath, counting to six", WhenHelped: "Before difficult calls at work."},
	{Kind: "somatic", Name: "Feet on the floor, feeling the weight", WhenHelped: "When the old panic starts in the chest.", Helps: 4},
	{Kind: "relational", Name: "Texting a friend one honest sentence", WhenHelped: "Sunday evenings.", Helps: 3},
	{Kind: "creative", Name: "Drawing for ten minutes without a plan", WhenHelped: "After the integration sessions.", Helps: 5},
	{Kind: "nature", Name: "The walk by the river", WhenHelped: "Most mornings; it resets the day.", Helps: 5, ProposedBy: domain.ByTogether},
	{Kind: "practice", Name: "Evening body scan", WhenHelped: "On nights when sleep will not come.", Helps: 2, ProposedBy: domain.ByTherapist},
}
