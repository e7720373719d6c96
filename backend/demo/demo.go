package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"tandem/backend/domain"
)

// Options size the demonstration practice.
type Options struct {
	Clients int    // number of clients
	Years   int    // years of practice history
	Seed    uint64 // the same seed gives the same records
	// End is the practice's present: its history runs for Years up to
	// End, and sessions after it have no payments yet. Required.
	End time.Time
}

// Validate checks the sizes.
func (o Options) Validate() error {
	if o.Clients < 0 || o.Clients > 5000 {
		return domain.FieldError("clients", "The number of clients must be between 0 and 5000.")
	}
	if o.Years < 1 || o.Years > 40 {
		return domain.FieldError("years", "The number of years must be between 1 and 40.")
	}
	if o.End.IsZero() {
		return domain.FieldError("end", "The demonstration practice needs a present day to end its history on.")
	}
	return nil
}

// Store is what seeding writes to: the writes of the records it makes
// (storage.DB has them, with their contracts), and the fees it reads back.
// At returns the same store with its clock set, so that records carry
// dates spread over the practice's years.
type Store[S any] interface {
	SavePractice(ctx context.Context, p domain.Practice) (domain.Practice, error)
	SaveSettings(ctx context.Context, s domain.Settings) (domain.Settings, error)

	CreateClient(ctx context.Context, c domain.Client, by domain.Actor) (domain.Client, error)
	UpdateClient(ctx context.Context, c domain.Client, by domain.Actor) (domain.Client, error)
	AddPowerMapEntry(ctx context.Context, e domain.PowerMapEntry, by domain.Actor) (domain.PowerMapEntry, error)
	AddPlanItem(ctx context.Context, n domain.NewPlanItem, by domain.Actor) (domain.PlanItem, error)
	RevisePlanItem(ctx context.Context, id int64, text, note string, author domain.Actor) (domain.PlanItem, error)
	AgreePlanItem(ctx context.Context, id int64, on string, by domain.Actor) (domain.PlanItem, error)
	RetirePlanItem(ctx context.Context, id int64, reason string, by domain.Actor) (domain.PlanItem, error)
	AddAgreement(ctx context.Context, n domain.NewAgreement, by domain.Actor) (domain.Agreement, error)
	ConfirmAgreement(ctx context.Context, id int64, typedName, on string) (domain.Agreement, error)
	AddReflection(ctx context.Context, r domain.Reflection) (domain.Reflection, error)

	AddSession(ctx context.Context, s domain.Session, by domain.Actor) (domain.Session, error)
	FinaliseSession(ctx context.Context, id int64) (domain.Session, error)
	AddAddendum(ctx context.Context, sessionID int64, text string, v domain.Visibility) (domain.Session, error)
	AddAdverseEvent(ctx context.Context, e domain.AdverseEvent) (domain.Session, error)
	AddSettingElement(ctx context.Context, n domain.NewSettingElement, by domain.Actor) (domain.SettingElement, error)
	SetSettingComfort(ctx context.Context, id int64, c domain.Comfort) (domain.SettingElement, error)
	SetTherapistComfort(ctx context.Context, id int64, c domain.Comfort) (domain.SettingElement, error)
	AddShift(ctx context.Context, s domain.Shift, by domain.Actor) (domain.Shift, error)
	AddMeaning(ctx context.Context, shiftID int64, meaning string, by domain.Actor) (domain.Shift, error)
	AddPattern(ctx context.Context, n domain.NewPattern, by domain.Actor) (domain.Pattern, error)
	SetPatternStatus(ctx context.Context, id int64, c domain.PatternChange) (domain.Pattern, error)
	LinkPattern(ctx context.Context, id int64, shiftIDs, sessionIDs []int64, by domain.Actor) (domain.Pattern, error)
	AddResource(ctx context.Context, r domain.Resource, by domain.Actor) (domain.Resource, error)
	AddMeasure(ctx context.Context, m domain.Measure, by domain.Actor) (domain.Measure, error)
	RecordMeasureFollowUp(ctx context.Context, id int64, text string) (domain.Measure, error)
	SetMeasureSchedule(ctx context.Context, s domain.MeasureSchedule) (domain.MeasureSchedule, error)

	SaveConsentTemplate(ctx context.Context, title string, terms []domain.AgreementTerm) (domain.ConsentTemplate, error)
	WriteConsent(ctx context.Context, clientID int64) (domain.Agreement, error)
	AddMedication(ctx context.Context, m domain.Medication) (domain.Medication, error)
	UpdateMedication(ctx context.Context, m domain.Medication, by domain.Actor) (domain.Medication, error)
	SaveHealthNotes(ctx context.Context, clientID int64, allergies, history string, by domain.Actor) (domain.Health, error)
	ScreeningItems(ctx context.Context, all bool) ([]domain.ScreeningItem, error)
	AddScreening(ctx context.Context, n domain.NewScreening) (domain.Screening, error)
	SavePrep(ctx context.Context, sessionID int64, supportPerson, wayHome string) (domain.Session, error)
	DecideFlags(ctx context.Context, sessionID int64, decision string) (domain.Session, error)
	GoAhead(ctx context.Context, sessionID int64, reason string) (domain.Session, error)
	Readiness(ctx context.Context, sessionID int64) (domain.Readiness, error)
	AddLogEntry(ctx context.Context, n domain.NewLogEntry) (domain.LogEntry, error)

	AddAppointment(ctx context.Context, a domain.Appointment, r domain.Repeat) ([]domain.Appointment, error)
	CancelAppointment(ctx context.Context, id int64, status domain.AppointmentStatus, reason string, following bool) ([]domain.Appointment, error)

	SaveFeePolicy(ctx context.Context, p domain.FeePolicy) (domain.FeePolicy, error)
	SaveTier(ctx context.Context, t domain.FeeTier) (domain.FeePolicy, error)
	ChooseTier(ctx context.Context, clientID, tierID int64, reason string, by domain.Actor, confirmed bool) (domain.ClientFees, error)
	ClientFees(ctx context.Context, clientID int64) (domain.ClientFees, error)
	SetSessionFee(ctx context.Context, f domain.SessionFee) (domain.ClientFees, error)
	RecordPayment(ctx context.Context, p domain.NewPayment) (domain.ClientFees, error)
	ReversePayment(ctx context.Context, paymentID int64, date, reason string) (domain.ClientFees, error)
	SaveCommitment(ctx context.Context, c domain.Commitment) (domain.Commitment, error)
	AddGift(ctx context.Context, g domain.Gift) (domain.Gift, error)
	FeesOverview(ctx context.Context) (domain.FeesOverview, error)

	At(now func() time.Time) S
	// BulkLoad trades durability at each commit for speed until done is
	// called: demonstration data can simply be seeded again.
	BulkLoad(ctx context.Context) (done func() error, err error)
}

// Summary says what was written.
type Summary struct {
	Practice string
	Records  map[string]int
}

// Seed writes the demonstration practice into s.
func Seed[S Store[S]](ctx context.Context, s S, o Options) (Summary, error) {
	if err := o.Validate(); err != nil {
		return Summary{}, err
	}
	done, err := s.BulkLoad(ctx)
	if err != nil {
		return Summary{}, err
	}
	defer done()
	r := rand.New(rand.NewPCG(o.Seed, 0x7a6e64656d6f)) // "tandemo"
	p := practices[r.IntN(len(practices))]
	p.Positionality = positionality[r.IntN(len(positionality))]
	saved, err := s.SavePractice(ctx, p)
	if err != nil {
		return Summary{}, fmt.Errorf("seed practice: %w", err)
	}
	settings, err := s.SaveSettings(ctx, domain.DefaultSettings())
	if err != nil {
		return Summary{}, fmt.Errorf("seed settings: %w", err)
	}
	sum := Summary{Practice: saved.Name, Records: map[string]int{"practice profile": 1}}
	end := o.End
	start := end.AddDate(-o.Years, 0, 0)
	tiers, err := seedFeePolicy(ctx, s, start, sum.Records)
	if err != nil {
		return sum, err
	}
	medicine, err := seedConsentTemplate(ctx, s, start, settings.RecordMedicine, sum.Records)
	if err != nil {
		return sum, err
	}
	measures := &measureState{}
	for i := 0; i < o.Clients; i++ {
		if err := seedClient(ctx, s, r, i, start, end, tiers, measures, medicine, sum.Records); err != nil {
			return sum, err
		}
	}
	return sum, seedGifts(ctx, s, end, sum.Records)
}

// The practices are fictional: invented names, example.org addresses and
// phone numbers from ranges reserved for fiction.
var practices = []domain.Practice{
	{
		Name:         "Juniper Hollow Integration Practice (fictional)",
		GreetingName: "Rowan",
		Credentials:  "LMFT (fictional licence 000-DEMO)",
		Email:        "hello@juniper-hollow.example.org",
		Phone:        "+1 555 0142",
		Address:      "12 Imaginary Lane, Suite 3\nNowhere Springs, ZZ 00000",
		Website:      "juniper-hollow.example.org",
	},
	{
		Name:         "Praxis Lindenhof (fiktiv)",
		GreetingName: "Mira",
		Credentials:  "Psychologische Psychotherapeutin (Demo)",
		Email:        "kontakt@lindenhof.example.org",
		Phone:        "+49 30 55501234",
		Address:      "Erfundene Straße 7\n00000 Musterstadt",
		Website:      "lindenhof.example.org",
	},
	{
		Name:         "Tidewater Psychedelic Therapy (fictional)",
		GreetingName: "Kai",
		Credentials:  "PhD, Clinical Psychologist (demo record)",
		Email:        "care@tidewater.example.org",
		Phone:        "+44 20 7946 0958",
		Address:      "Flat 2, 99 Pretend Road\nLondon ZZ1 1ZZ",
		Website:      "tidewater.example.org",
	},
}

var positionality = []string{
	"I am a white, cisgender woman in my fifties, raised working-class in a small town and now earning a comfortable income. I am able-bodied and university-educated, and English is my first language. I was raised Catholic and no longer practise. These positions shape what I notice and what I may miss, especially with clients whose lives have been shaped by racism, poverty or disability. (Fictional demonstration statement.)",
	"I am a second-generation immigrant, queer, and a parent. I hold a doctorate and the authority that comes with it in the room. I have my own history with plant medicines, which I hold lightly and do not bring into a client's process. (Fictional demonstration statement.)",
}
