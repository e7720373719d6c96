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

// Store is what seeding writes to. At returns the same store with its
// clock set, so that records carry dates spread over the practice's years.
type Store[S any] interface {
	domain.PracticeService
	domain.SettingsService
	domain.ClientService
	domain.PlanService
	domain.SessionService
	domain.IntegrationService
	domain.FeeService
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
	if _, err := s.SaveSettings(ctx, domain.DefaultSettings()); err != nil {
		return Summary{}, fmt.Errorf("seed settings: %w", err)
	}
	sum := Summary{Practice: saved.Name, Records: map[string]int{"practice profile": 1}}
	end := o.End
	start := end.AddDate(-o.Years, 0, 0)
	tiers, err := seedFeePolicy(ctx, s, start, sum.Records)
	if err != nil {
		return sum, err
	}
	for i := 0; i < o.Clients; i++ {
		if err := seedClient(ctx, s, r, i, start, end, tiers, sum.Records); err != nil {
			return sum, err
		}
	}
	return sum, seedGifts(ctx, s, end, sum.Records)
}

// The practices are fictional: invented names, example.org addresses and
// phone numbers from ranges reserved for fiction.
var practices = []domain.Practice{
	{
		Name:        "Juniper Hollow Integration Practice (fictional)",
		Credentials: "LMFT (fictional licence 000-DEMO)",
		Email:       "hello@juniper-hollow.example.org",
		Phone:       "+1 555 0142",
		Address:     "12 Imaginary Lane, Suite 3\nNowhere Springs, ZZ 00000",
		Website:     "juniper-hollow.example.org",
	},
	{
		Name:        "Praxis Lindenhof (fiktiv)",
		Credentials: "Psychologische Psychotherapeutin (Demo)",
		Email:       "kontakt@lindenhof.example.org",
		Phone:       "+49 30 55501234",
		Address:     "Erfundene Straße 7\n00000 Musterstadt",
		Website:     "lindenhof.example.org",
	},
	{
		Name:        "Tidewater Psychedelic Therapy (fictional)",
		Credentials: "PhD, Clinical Psychologist (demo record)",
		Email:       "care@tidewater.example.org",
		Phone:       "+44 20 7946 0958",
		Address:     "Flat 2, 99 Pretend Road\nLondon ZZ1 1ZZ",
		Website:     "tidewater.example.org",
	},
}

var positionality = []string{
	"I am a white, cisgender woman in my fifties, raised working-class in a small town and now earning a comfortable income. I am able-bodied and university-educated, and English is my first language. I was raised Catholic and no longer practise. These positions shape what I notice and what I may miss, especially with clients whose lives have been shaped by racism, poverty or disability. (Fictional demonstration statement.)",
	"I am a second-generation immigrant, queer, and a parent. I hold a doctorate and the authority that comes with it in the room. I have my own history with plant medicines, which I hold lightly and do not bring into a client's process. (Fictional demonstration statement.)",
}
