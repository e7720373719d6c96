package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"tandem/backend/domain"
)

// The demonstration practice's sliding scale, in US dollars, and its
// reciprocity commitments. Every name is fictional.

var demoReasoning = "Psychedelic work should not be only for those who can pay the most. " +
	"The scale has three steps, and you choose the one that fits your life now, without explaining yourself. " +
	"Those who can pay more make the lower steps possible. You can change your step at any time."

var demoTiers = []domain.FeeTier{
	{Name: "Community", Description: "For people on a low or uncertain income, students, and anyone for whom paying more would mean going without.",
		Fees: domain.KindFees{Preparation: 6000, Medicine: 30000, Integration: 6000, Other: 6000}},
	{Name: "Sustaining", Description: "For people whose income covers their needs with a little to spare. This step covers what the work costs.",
		Fees: domain.KindFees{Preparation: 11000, Medicine: 55000, Integration: 11000, Other: 11000}},
	{Name: "Supporter", Description: "For people with wealth or a high income. Paying at this step makes the Community step possible for others.",
		Fees: domain.KindFees{Preparation: 16000, Medicine: 80000, Integration: 16000, Other: 16000}},
}

var tierReasons = []string{
	"", "", "What I can manage while I finish my studies.", "This feels honest for where I am now.",
	"I can pay more this year and want to.", "Money is tight since the move.",
}

var adjustNotes = []string{
	"Shorter session, agreed to halve the fee.", "Agreed a lower fee while between jobs.", "Session ran long; we agreed to add half again.",
}

// demoLandTrust is the fictional organisation a share of fees goes to.
const demoLandTrust = "Fictional Land Trust"

// seedFeePolicy writes the scale and the commitments, in force from start.
func seedFeePolicy[S Store[S]](ctx context.Context, s S, start time.Time, counts map[string]int) ([]domain.FeeTier, error) {
	if _, err := s.SaveFeePolicy(ctx, domain.FeePolicy{Currency: "USD", Reasoning: demoReasoning, ChoiceMode: domain.ClientChooses}); err != nil {
		return nil, fmt.Errorf("seed fee policy: %w", err)
	}
	var p domain.FeePolicy
	for _, t := range demoTiers {
		var err error
		if p, err = s.SaveTier(ctx, t); err != nil {
			return nil, fmt.Errorf("seed tier: %w", err)
		}
	}
	since := start.Format(time.DateOnly)
	for _, c := range []domain.Commitment{
		{Kind: domain.FreeSessions, Description: "One session in ten is offered at no cost.", EveryN: 10, Since: since},
		{Kind: domain.ShareOfFees, Description: "Three percent of the fees received go to a land trust led by the peoples whose traditions this work draws on.",
			Organisation: demoLandTrust, BasisPoints: 300, Since: since},
	} {
		if _, err := s.SaveCommitment(ctx, c); err != nil {
			return nil, fmt.Errorf("seed commitment: %w", err)
		}
		counts["commitments"]++
	}
	counts["fee tiers"] = len(p.Tiers)
	return p.Tiers, nil
}

// seedTierChoice records the client's choice of tier, as the therapist
// heard it.
func seedTierChoice[S Store[S]](ctx context.Context, s S, r *rand.Rand, clientID int64, tiers []domain.FeeTier, counts map[string]int) error {
	if len(tiers) == 0 {
		return nil
	}
	weights := []int{0, 0, 0, 0, 1, 1, 1, 2} // most choose the middle steps
	t := tiers[min(weights[r.IntN(len(weights))], len(tiers)-1)]
	if _, err := s.ChooseTier(ctx, clientID, t.ID, pick(r, tierReasons), domain.ByClient, true); err != nil {
		return fmt.Errorf("seed tier choice: %w", err)
	}
	counts["tier choices"]++
	return nil
}

// seedSessionMoney agrees the fee of a session just added (offered freely
// about one time in ten, sometimes adjusted) and records its payment on the
// day, now and then a mistaken one reversed the next day; a few recent
// sessions are left unpaid.
func seedSessionMoney[S Store[S]](ctx context.Context, s S, r *rand.Rand, sess domain.Session, day, stop, end time.Time, counts map[string]int) error {
	f, err := s.ClientFees(ctx, sess.ClientID)
	if err != nil {
		return err
	}
	var fee *domain.SessionFee
	for _, a := range f.Account.Sessions {
		if a.SessionID == sess.ID {
			fee = a.Fee
		}
	}
	if fee == nil {
		return nil
	}
	switch n := r.IntN(40); {
	case n < 4:
		if _, err := s.SetSessionFee(ctx, domain.SessionFee{SessionID: sess.ID, Basis: domain.OfferedFree, Note: "Offered freely."}); err != nil {
			return fmt.Errorf("seed free session: %w", err)
		}
		counts["sessions offered freely"]++
		return nil
	case n == 4:
		amount := fee.Amount / 2
		if _, err := s.SetSessionFee(ctx, domain.SessionFee{SessionID: sess.ID, Basis: domain.Adjusted, Amount: amount, Note: pick(r, adjustNotes)}); err != nil {
			return fmt.Errorf("seed adjusted fee: %w", err)
		}
		fee = &domain.SessionFee{SessionID: sess.ID, Amount: amount}
	}
	if fee.Amount == 0 || (stop.Sub(day) < 45*24*time.Hour && r.IntN(4) == 0) || day.After(end) {
		return nil
	}
	date := day.Format(time.DateOnly)
	method := pick(r, []domain.PaymentMethod{"bank_transfer", "bank_transfer", "card", "cash", "mobile"})
	pay := domain.NewPayment{ClientID: sess.ClientID, Date: date, Amount: fee.Amount, Method: method,
		Allocations: []domain.Allocation{{SessionID: sess.ID, Amount: fee.Amount}}}
	if r.IntN(80) == 0 {
		// Entered twice by mistake: the second entry is reversed.
		f, err := s.RecordPayment(ctx, domain.NewPayment{ClientID: sess.ClientID, Date: date, Amount: fee.Amount, Method: method})
		if err != nil {
			return fmt.Errorf("seed payment: %w", err)
		}
		last := f.Account.Payments[len(f.Account.Payments)-1]
		if _, err := s.ReversePayment(ctx, last.ID, day.AddDate(0, 0, 1).Format(time.DateOnly), "Entered twice by mistake."); err != nil {
			return fmt.Errorf("seed reversal: %w", err)
		}
		counts["payments reversed"]++
	}
	if _, err := s.RecordPayment(ctx, pay); err != nil {
		return fmt.Errorf("seed payment: %w", err)
	}
	counts["payments"]++
	return nil
}

// seedGifts gives the land trust its share of each past year's income, as
// the commitment asks (a little more, rounded up to whole dollars).
func seedGifts[S Store[S]](ctx context.Context, s S, now time.Time, counts map[string]int) error {
	o, err := s.FeesOverview(ctx)
	if err != nil {
		return err
	}
	for _, y := range o.Years {
		if y.Period >= now.Format("2006") || y.Income == 0 {
			continue
		}
		amount := (y.Income*3/100 + 99) / 100 * 100
		if _, err := s.AddGift(ctx, domain.Gift{Date: y.Period + "-12-20", Amount: amount, Organisation: demoLandTrust, Note: "The year's share."}); err != nil {
			return fmt.Errorf("seed gift: %w", err)
		}
		counts["gifts"]++
	}
	return nil
}
