package demo

import "tandem/backend/domain"

// The words of the demonstration practice's medicine safety records
// (medicine.go): its consent template, the clients' medications, health
// notes and screening answers, and what is said and done in a medicine
// session's live log. All of it is fictional.

// consentTitle and consentTerms are the practice's consent template,
// version 1, in plain words.
const consentTitle = "Informed consent for a medicine session (fictional practice)"

var consentTerms = []domain.AgreementTerm{
	{Key: "substance", Text: "The medicine is psilocybin, taken by mouth as a capsule with water. Its effects usually begin within an hour, " +
		"are strongest in the second and third hours and fade over four to six hours. People commonly notice changes in what they see and hear, " +
		"strong feelings, memories, and a different sense of time; some feel sick for a while early on. Now and then a smaller second dose is " +
		"offered about an hour and a half in, only if we agreed it beforehand and you ask for it."},
	{Key: "risks", Text: "Your blood pressure and pulse may rise for a few hours; I check them about every hour. Some people feel sick, get a " +
		"headache, or feel cold or shaky. The session can bring up fear, grief or confusion, and hard feelings can come back in the days after; " +
		"we plan for that together. Some medicines, among them lithium, some antidepressants, tramadol and St John's wort, can interact with it, " +
		"which is why we go through your medications and the screening checklist before every medicine session."},
	{Key: "legal", Text: "This is a fictional practice in a fictional place, where psilocybin sessions are allowed in licensed settings. Nothing " +
		"here describes the law where you live. Your records are kept encrypted on my computer and are shared with no one without your " +
		"written consent, except where the law requires it."},
	{Key: "right_to_stop", Text: "You may stop or pause at any moment, for any reason, and you will not be asked to explain. Stopping does not " +
		"end our work together."},
	{Key: "emergency", Text: "If you or I think you need medical help, I call the emergency services at once and stay with you, and I call your " +
		"emergency contact if you have agreed to that. The nearest emergency department is ten minutes away by car. A second practitioner is " +
		"on call by phone during every medicine session."},
}

// medSpec is an everyday medication a client may take.
type medSpec struct {
	name, dose, prescriber, notes string
}

const gp = "Dr Rowe Example (GP, fictional)"

var everydayMeds = []medSpec{
	{"Levothyroxine", "75 micrograms each morning", gp, "For an underactive thyroid; a blood test once a year."},
	{"Cetirizine", "10 mg in the hay-fever season", "", "Bought at the pharmacy."},
	{"Vitamin D", "1,000 IU daily", "", "Over the winter months."},
	{"Ibuprofen", "200 to 400 mg as needed", "", "Back pain, a few times a month."},
	{"Omeprazole", "20 mg daily", gp, "Heartburn; the GP reviews it each year."},
	{"Salbutamol inhaler", "Two puffs as needed", gp, "Mild asthma since childhood; rarely needed now."},
	{"Combined contraceptive pill", "One daily", "Sexual health clinic (fictional)", ""},
	{"Melatonin", "2 mg at night, now and then", "", "After long flights to visit family."},
	{"Atorvastatin", "20 mg at night", gp, "Cholesterol; no side effects noticed."},
	{"Magnesium", "One tablet at night", "", "Says it helps with cramp in the legs."},
}

var allergyNotes = []string{
	"Penicillin: a rash as a child.",
	"Hay fever; cats make the eyes stream.",
	"Sticking plasters irritate the skin.",
	"Peanuts (carries an adrenaline pen; never needed it).",
}

var historyNotes = []string{
	"Appendix removed at nineteen. Otherwise well.",
	"Migraines a few times a year, less since cutting down on coffee.",
	"Broke a wrist cycling years ago; aches in cold weather.",
	"Mild asthma since childhood. Sleeps badly in the summer.",
	"Knee operation after a football injury; walks long distances without trouble.",
}

// The starting checklist's items (domain.StartingChecklist) that the
// demonstration's answers speak to, by position.
const (
	itemSSRI        = 2
	itemStJohnsWort = 4
	itemHeart       = 5
	itemPsychosis   = 6
	itemCrisis      = 9
)

// flagProfile is what a client's screening flags, and how it is resolved.
type flagProfile struct {
	item int // position on the starting checklist
	// first is the answer and note of the first round; second those of a
	// second round before the first medicine session ("" answer: one round).
	first, second         domain.ScreenAnswer
	firstNote, secondNote string
	// med is a medication the flag is about, stopped between the rounds
	// when the second answer is no.
	med *medSpec
	// persists: later re-screenings give the first answer again.
	persists bool
	decision string // the therapist's decision on the flag
}

var flagProfiles = []flagProfile{
	{item: itemSSRI, first: domain.AnswerYes, firstNote: "Sertraline 50 mg; tapering off with the GP, last dose planned in about two weeks.",
		second: domain.AnswerNo, secondNote: "Finished the sertraline taper with the GP; no longer taking it.",
		med: &medSpec{"Sertraline", "50 mg daily, tapering", gp, "Tapering off with the GP's plan, by the client's choice."}},
	{item: itemStJohnsWort, first: domain.AnswerYes, firstNote: "Takes it for low mood in the winter.",
		second: domain.AnswerNo, secondNote: "Stopped St John's wort after we talked about it.",
		med: &medSpec{"St John's wort", "300 mg daily", "", "From the health-food shop."}},
	{item: itemPsychosis, first: domain.AnswerUnsure, firstNote: "An uncle was in hospital 'for his nerves' for a long time; the family never said what it was.",
		persists: true,
		decision: "We went through the family history at length. No known diagnosis of psychosis or bipolar disorder in close family; the client " +
			"will ask their mother what she knows. Going ahead, with the client's sister staying the night after and an integration session two days later."},
	{item: itemHeart, first: domain.AnswerUnsure, firstNote: "The pharmacy machine read 145 over 92 last month; the GP check is next week.",
		second: domain.AnswerNo, secondNote: "The GP checked twice: normal readings, no treatment needed."},
	{item: itemSSRI, first: domain.AnswerYes, firstNote: "Escitalopram 10 mg; does not want to stop it.", persists: true,
		med: &medSpec{"Escitalopram", "10 mg daily", gp, "Prescribed by the GP, who knows about this work (with the client's written consent)."},
		decision: "The client stays on escitalopram, as agreed with their GP. We talked about the medicine's effects possibly being weaker and " +
			"agreed not to add a booster. Going ahead."},
	{item: itemCrisis, first: domain.AnswerUnsure, firstNote: "A very hard month last spring; no plan, but it frightened me.",
		decision: "We went through the safety plan again line by line; the crisis line's number is in the client's phone and their partner is " +
			"with them for two days after. Going ahead, with a phone check-in the next morning."},
}

var screeningNotes = []string{
	"Answered together at the first preparation session.",
	"The client filled it in on paper first; we went through it together.",
	"Re-screened before this medicine session; nothing new.",
	"",
	"",
}

// goAheadReasons say why the therapist went ahead with a readiness check
// not met.
var goAheadReasons = map[domain.ReadinessRule]string{
	domain.RuleTouchConfirmed:   "No touch during the session unless the client asks in words, as we agreed aloud on the morning; the touch agreement is still to be confirmed.",
	domain.RuleSafetyConfirmed:  "We read the safety plan together on the morning and the client agreed it aloud; they will confirm it at the next session.",
	domain.RuleRightToStop:      "We read the right to stop together on the morning and the client agreed to it aloud.",
	domain.RuleSettingCoCreated: "The client was happy with the room as it was and chose not to change anything.",
}

const goAheadOther = "We went through what was missing on the morning; both of us were comfortable to go ahead."

var supportPeople = []string{"Jordan Example (partner)", "Sam Fictive, a close friend", "The client's sister, Noor Placeholder", "Rene Demo (housemate)"}
var waysHome = []string{
	"Collected by car from the practice door at six.",
	"A taxi booked for six; the support person meets the client at home.",
	"Walks home with the support person, about ten minutes.",
	"The support person drives; the client does not drive until the next day.",
}

// Check-ins in the client's words, by the part of the session.
var checkIns = [][]string{
	{"I can feel it starting. A bit wobbly.", "My hands are tingling. I'm okay.", "The music feels very close.", "A bit sick, but it's passing."},
	{"It's a lot. Stay close.", "So much colour. I'm safe, I know I'm safe.", "I'm crying but it's a good crying.", "I keep seeing my grandmother's kitchen."},
	{"It's quieter now. Can I have some water?", "I think I understand something about my father.", "My body feels heavy and warm.", "I want to stay here a while longer."},
	{"Coming back. Everything looks very clean.", "I feel light. Tired, but light.", "I'd like to sit up now.", "Thank you for staying."},
}

var musicChanges = []string{
	"Changed to the quieter playlist at the client's request.",
	"Music off for twenty minutes; the client wanted silence.",
	"Switched to the piano pieces the client chose.",
}

var sessionNotes = []string{
	"Client asleep for about twenty minutes; breathing slow and even.",
	"Client sat up, drank water, lay back down with the eyeshades.",
	"Long silence; the client held the grounding stone.",
}

// touchWords are what is logged of touch asked for and given, by the
// welcome term of the client's touch agreement (clients.go).
var touchWords = map[string][2]string{
	"A hand on my shoulder or forearm if I reach out.":                {"Reached out and asked for a hand on the forearm.", "Hand on the forearm for a few minutes, as agreed; the client said when to stop."},
	"Holding my hand when I ask.":                                     {"Asked to hold hands.", "Held the client's hand for about ten minutes, as agreed."},
	"A blanket tucked around me; a hand on my back when I am crying.": {"Crying; asked for a hand on the back.", "Hand on the client's back while they cried, as agreed."},
}

var adverseWords = [][2]string{
	{"Nausea; the client sat up and had sips of ginger tea.", "The nausea passed after about fifteen minutes; the client lay back down."},
	{"A spell of panic: fast breathing, wanted to leave the room.", "Breathed together and opened the window; calm again within ten minutes."},
	{"Headache behind the eyes.", "Water and a cool cloth; the headache eased within half an hour."},
}
