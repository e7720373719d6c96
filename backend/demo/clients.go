package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"tandem/backend/domain"
)

// clock hands out increasing moments from a start, a few hours to days
// apart, so that one client's records follow each other in time.
type clock struct {
	t time.Time
	r *rand.Rand
}

func (c *clock) next(maxHours int) func() time.Time {
	c.t = c.t.Add(time.Duration(1+c.r.IntN(maxHours)) * time.Hour)
	t := c.t
	return func() time.Time { return t }
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// seedClient writes one fictional client with their identities, power map,
// plan (with revisions, agreements and a retirement), agreements and the
// therapist's reflections, dated from a first meeting between start and end;
// then their journey, their measures (measures.go), their medicine safety
// records (medicine.go) and, when active, their diary.
func seedClient[S Store[S]](ctx context.Context, s S, r *rand.Rand, i int, start, end time.Time, tiers []domain.FeeTier, ms *measureState, mp *medicinePractice, counts map[string]int) error {
	span := end.Sub(start)
	first := start.Add(time.Duration(r.Int64N(int64(span - span/20))))
	clk := &clock{t: first, r: r}
	p := people[i%len(people)]
	name := p.name
	if i >= len(people) {
		name = fmt.Sprintf("%s %s", p.name, surnames[r.IntN(len(surnames))])
	}
	c := domain.Client{
		ChosenName:       name,
		Pronouns:         p.pronouns,
		Languages:        p.languages,
		Email:            fmt.Sprintf("client%03d@example.org", i+1),
		Phone:            fmt.Sprintf("+1 555 01%02d", r.IntN(100)),
		EmergencyContact: fmt.Sprintf("%s (%s), +1 555 01%02d", pick(r, contacts), pick(r, relations), r.IntN(100)),
		DateOfBirth:      first.AddDate(-(24 + r.IntN(45)), -r.IntN(12), -r.IntN(28)).Format(time.DateOnly),
		IntakeNote:       pick(r, intakeNotes),
	}
	for _, f := range r.Perm(len(p.identities))[:1+r.IntN(len(p.identities))] {
		c.Identities = append(c.Identities, p.identities[f])
	}
	created, err := s.At(clk.next(2)).CreateClient(ctx, c, domain.ByTherapist)
	if err != nil {
		return fmt.Errorf("seed client %d: %w", i, err)
	}
	counts["clients"]++
	id := created.ID
	if err := seedTierChoice(ctx, s.At(clk.next(1)), r, id, tiers, counts); err != nil {
		return err
	}

	for k, pm := range r.Perm(len(powerMap))[:1+r.IntN(3)] {
		e := powerMap[pm]
		e.ClientID = id
		e.WrittenOn = clk.t.Format(time.DateOnly)
		e.Visibility = domain.Shared
		e.Author = domain.ByTogether
		if k == 2 || r.IntN(4) == 0 {
			e.Visibility, e.Author = domain.Private, domain.ByTherapist
		}
		if _, err := s.At(clk.next(30)).AddPowerMapEntry(ctx, e, e.Author); err != nil {
			return fmt.Errorf("seed power map: %w", err)
		}
		counts["power map entries"]++
	}

	actors := []domain.Actor{domain.ByClient, domain.ByClient, domain.ByTogether, domain.ByTherapist}
	for k, g := range r.Perm(len(goals))[:2+r.IntN(3)] {
		by := pick(r, actors)
		it, err := s.At(clk.next(20)).AddPlanItem(ctx, domain.NewPlanItem{ClientID: id, Kind: domain.Goal, Text: goals[g][0], ProposedBy: by}, by)
		if err != nil {
			return fmt.Errorf("seed goal: %w", err)
		}
		counts["goals"]++
		// The first goal is always reworded: most plans change as the work begins.
		if k == 0 || r.IntN(3) > 0 {
			if it, err = s.At(clk.next(48)).RevisePlanItem(ctx, it.ID, goals[g][1], pick(r, revisionNotes), domain.ByTogether); err != nil {
				return fmt.Errorf("seed revision: %w", err)
			}
			counts["revisions"]++
		}
		if r.IntN(4) > 0 {
			at := clk.next(24)
			if _, err = s.At(at).AgreePlanItem(ctx, it.ID, at().Format(time.DateOnly), domain.ByClient); err != nil {
				return fmt.Errorf("seed agreement: %w", err)
			}
		}
		if k == 3 {
			if _, err = s.At(clk.next(400)).RetirePlanItem(ctx, it.ID, pick(r, retireReasons), domain.ByTogether); err != nil {
				return fmt.Errorf("seed retirement: %w", err)
			}
		}
	}
	var intentionIDs []int64
	for _, n := range r.Perm(len(intentions))[:1+r.IntN(3)] {
		by := pick(r, actors[:3])
		it, err := s.At(clk.next(20)).AddPlanItem(ctx, domain.NewPlanItem{ClientID: id, Kind: domain.Intention, Text: intentions[n], ProposedBy: by}, by)
		if err != nil {
			return fmt.Errorf("seed intention: %w", err)
		}
		intentionIDs = append(intentionIDs, it.ID)
		counts["intentions"]++
	}

	touch := "" // what the client welcomes in a confirmed touch agreement
	for _, a := range agreementSet(r) {
		a.ClientID = id
		ag, err := s.At(clk.next(12)).AddAgreement(ctx, a, domain.ByTogether)
		if err != nil {
			return fmt.Errorf("seed agreement: %w", err)
		}
		counts["agreements"]++
		if r.IntN(5) > 0 {
			at := clk.next(6)
			if _, err := s.At(at).ConfirmAgreement(ctx, ag.ID, name, at().Format(time.DateOnly)); err != nil {
				return fmt.Errorf("seed confirmation: %w", err)
			}
			if a.Kind == domain.TouchConsent {
				touch = a.Terms[0].Text
			}
		}
	}

	for range r.IntN(4) {
		ref := pick(r, reflections)
		ref.ClientID = id
		ref.WrittenOn = clk.t.Format(time.DateOnly)
		if _, err := s.At(clk.next(200)).AddReflection(ctx, ref); err != nil {
			return fmt.Errorf("seed reflection: %w", err)
		}
		counts["reflections"]++
	}

	status := domain.StatusActive
	if age := end.Sub(first); age > 2*365*24*time.Hour {
		status = domain.StatusClosed
	} else if age > 365*24*time.Hour && r.IntN(2) == 0 {
		status = domain.StatusPaused
	}
	// A closed client's work ended some months ago; the others' goes on.
	stop := end
	if status == domain.StatusClosed {
		stop = end.Add(-time.Duration(r.IntN(300)) * 24 * time.Hour)
	}
	zone := pick(r, zones)
	measures, err := newMeasurePlan(s, id, zone, clk, status == domain.StatusActive, end, ms, counts)
	if err != nil {
		return err
	}
	medicine, err := newMedicinePlan(s, mp, id, name, intentionIDs, touch, zone, clk, end, counts)
	if err != nil {
		return err
	}
	if err := seedJourney(ctx, s, r, id, intentionIDs, zone, clk, stop, end, measures, medicine, counts); err != nil {
		return err
	}
	if err := measures.finish(ctx, stop); err != nil {
		return err
	}
	if status == domain.StatusActive {
		if err := medicine.inProgress(ctx); err != nil {
			return err
		}
		if err := seedDiary(ctx, s, id, zone, clk, end, counts); err != nil {
			return err
		}
	}
	if status != domain.StatusActive {
		created.Status = status
		if _, err := s.At(clk.next(24)).UpdateClient(ctx, created, domain.ByTherapist); err != nil {
			return fmt.Errorf("seed status: %w", err)
		}
	}
	return nil
}

func agreementSet(r *rand.Rand) []domain.NewAgreement {
	out := []domain.NewAgreement{
		{Kind: domain.TouchConsent, Terms: []domain.AgreementTerm{
			{Key: "welcome", Text: pick(r, []string{"A hand on my shoulder or forearm if I reach out.", "Holding my hand when I ask.", "A blanket tucked around me; a hand on my back when I am crying."})},
			{Key: "not_welcome", Text: pick(r, []string{"Nothing on my face, neck or head.", "No hugs, even at the end.", "Nothing touching my legs."})},
			{Key: "how_asked", Text: "You ask in words first and wait for a clear yes; a nod counts only if I cannot speak."},
			{Key: "stop_signal", Text: pick(r, []string{"I say \"pause\" or raise my left hand.", "I tap the mat twice.", "I say \"stop\", and you move back at once."})},
		}},
		{Kind: domain.SafetyPlan, Terms: []domain.AgreementTerm{{Key: "text", Text: "If I feel overwhelmed we will slow down, breathe together and use the grounding stone. My emergency contact can be called if we both agree it is needed. I will not drive on the day; a friend collects me at five."}}},
		{Kind: domain.RightToStop, Terms: []domain.AgreementTerm{{Key: "text", Text: "I can stop any exercise, conversation or the session itself at any time, without giving a reason, and nothing bad will follow from it."}}},
	}
	if r.IntN(2) == 0 {
		out = append(out, domain.NewAgreement{Kind: domain.TopicGuidelines, Terms: []domain.AgreementTerm{{Key: "text", Text: pick(r, []string{
			"If my father comes up, we let it be there without digging; I will choose whether to talk about him afterwards.",
			"Faith is welcome in the room. Please do not interpret my visions in religious terms unless I do first.",
			"We do not discuss my work during the session; it can wait for integration.",
		})}}})
	}
	return out
}

// person is a fictional client template: a common given name, pronouns,
// languages, and identity facets written as a client might.
type person struct {
	name, pronouns, languages string
	identities                []domain.Identity
}

var people = []person{
	{"Zoë Ñúñez-Øvergård", "they/them", "Spanish, Norwegian, English", []domain.Identity{ident("Gender", "Non-binary; it took me until my thirties to find the word."), ident("Cultural background", "Chilean mother, Norwegian father, grew up between both.")}},
	{"محمد", "he/him", "Arabic, English", []domain.Identity{ident("Spirituality", "Muslim, practising in my own quiet way."), ident("Cultural background", "Born in Amman, moved here at nineteen.")}},
	{"प्रिया", "she/her", "Hindi, Marathi, English", []domain.Identity{ident("Class", "First in my family to go to university."), ident("Cultural background", "Maharashtrian, grew up in Pune.")}},
	{"Nguyễn Thị Ánh", "she/her", "Vietnamese, English", []domain.Identity{ident("Cultural background", "Vietnamese; my parents came as refugees."), ident("Age", "Sixty-two, and proud of it.")}},
	{"Σοφία", "she/her", "Greek, English", []domain.Identity{ident("Disability", "Chronic pain since an accident; some days are harder.")}},
	{"Алексей", "he/him", "Russian, English", []domain.Identity{ident("Sexuality", "Gay, out to friends, not to family.")}},
	{"王芳", "she/her", "Mandarin, English", []domain.Identity{ident("Spirituality", "Raised with Buddhist grandparents; curious again now.")}},
	{"Kwame", "he/him", "Twi, English", []domain.Identity{ident("Cultural background", "Ghanaian-British, Ashanti roots."), ident("Class", "Working-class upbringing, now a teacher.")}},
	{"Aroha", "she/her", "te reo Māori, English", []domain.Identity{ident("Cultural background", "Māori (Ngāti Porou); whānau is at the centre of everything.")}},
	{"Siobhán", "she/they", "Irish, English", []domain.Identity{ident("Gender", "Woman, and comfortable with they as well."), ident("Spirituality", "Left the Church; nature is where I pray now.")}},
	{"Yusuf", "he/him", "Turkish, German, English", []domain.Identity{ident("Disability", "Dyslexic; please give me time to read.")}},
	{"Mei-Ling", "she/her", "Cantonese, English", []domain.Identity{ident("Age", "Twenty-eight; a lot of pressure from family about marriage.")}},
	{"Tomás", "he/him", "Portuguese, English", []domain.Identity{ident("Sexuality", "Bisexual."), ident("Class", "Grew up with very little money.")}},
	{"Hannah", "she/her", "English, Hebrew", []domain.Identity{ident("Cultural background", "Jewish; my grandparents survived the war.")}},
	{"Oluwaseun", "they/them", "Yoruba, English", []domain.Identity{ident("Gender", "Trans and non-binary.")}},
	{"Ingrid", "she/her", "Swedish, English", []domain.Identity{ident("Age", "Seventy-one; retired nurse.")}},
}

func ident(facet, description string) domain.Identity {
	return domain.Identity{Facet: facet, Description: description}
}

var surnames = []string{"Example", "Placeholder", "Sample", "Imaginary", "Fictive", "Demo", "Testwell", "Inventa"}

var contacts = []string{"Alex Sample", "Jordan Example", "Sam Fictive", "Rene Demo", "Noor Placeholder"}
var relations = []string{"partner", "sister", "brother", "friend", "mother", "housemate"}

var intakeNotes = []string{
	"Referred by their GP after two years of low mood. Cautious about medicine work; wants to go slowly.",
	"Found the practice through a friend. Previous ceremony experience abroad that left questions.",
	"Came for integration after a retreat; describes feeling 'cracked open' and unsure what to do with it.",
	"Long history of talk therapy; curious whether psilocybin-assisted work could reach what words have not.",
}

var powerMap = []domain.PowerMapEntry{
	{Difference: "I am white and a citizen; the client is a person of colour on a work visa.", ShowsUp: "The client may not feel safe questioning me or saying no.", Agreed: "I will ask often and mean it; the client can say 'that doesn't fit' and we will stop and look."},
	{Difference: "I am paid; the client pays from a tight budget on the sliding scale.", ShowsUp: "Worry about 'wasting' sessions may keep the client from resting in silence.", Agreed: "We name money openly at the start of each month."},
	{Difference: "I am thirty years younger than the client.", ShowsUp: "The client may feel talked down to, or I may defer too much.", Agreed: "Either of us names it when it happens."},
	{Difference: "I hold a licence and the language of diagnosis.", ShowsUp: "My words can land as verdicts.", Agreed: "No labels unless the client asks for them; the client's words come first in the notes."},
	{Difference: "I am straight and cisgender; the client is queer.", ShowsUp: "I may miss what is unsaid, or the client may edit their stories for me.", Agreed: "I will keep learning on my own time, not the client's."},
}

// goals hold a first wording and the wording it grew into.
var goals = [][2]string{
	{"I want to stop being so hard on myself.", "Notice when the harsh voice shows up, and answer it the way I would answer a friend."},
	{"Sleep better.", "Have evenings that wind down gently, so sleep can come."},
	{"Grieve my mother.", "Make room for grief about my mother, in my own time, without rushing it."},
	{"Feel less numb.", "Feel my feelings in my body again, even the uncomfortable ones."},
	{"Fix my marriage.", "Understand my part in the distance between us, and what I want now."},
	{"Stop drinking every night.", "Find other ways to end the day that actually rest me."},
	{"Be less anxious at work.", "Speak up in meetings without my heart pounding for an hour afterwards."},
	{"Reconnect with my culture.", "Learn the songs my grandmother sang and bring them into my days."},
}

var intentions = []string{
	"To meet whatever comes with curiosity instead of fear.",
	"To feel held, and to let myself be held.",
	"To listen to my body before my thoughts.",
	"To say goodbye to the version of me that had to be strong all the time.",
	"To see my father as a person, not only as my father.",
	"To let the music carry me when words stop.",
}

var revisionNotes = []string{"Reworded together in the second preparation session.", "The client found words that fit better.", "Made smaller and kinder.", ""}
var retireReasons = []string{"Reached: the client says this no longer needs holding.", "The client no longer wants to work on this now.", "Replaced by a clearer goal."}

var reflections = []domain.Reflection{
	{Kind: "reaction", Text: "I felt protective in a way that may be about my own sister. Keep watching this."},
	{Kind: "bias", Text: "I caught myself assuming they would want a spiritual frame. They did not; I asked too late."},
	{Kind: "shadow", Text: "Impatience when the story repeats. What in me needs it to move faster?"},
	{Kind: "consultation", Text: "Brought the touch question to consultation; agreed to revisit the agreement before the next medicine session."},
}
