package packet

import (
	"fmt"
	"io"
	"testing"

	"tandem/backend/domain"
)

// typicalRecord is a client a few months into preparation: four goals with
// a couple of wordings each, two intentions, the usual agreements.
func typicalRecord() domain.ClientRecord {
	r := fullRecord()
	for i := range 4 {
		r.Plan = append(r.Plan, domain.PlanItem{Kind: domain.Goal, Text: fmt.Sprintf("Goal %d: to notice when I hold my breath, and to let it go a little sooner each time", i+1),
			ProposedBy: domain.ByClient, Status: domain.Agreed, AgreedOn: "2025-02-01",
			Revisions: []domain.Revision{{At: "2025-01-12T10:00:00Z", Author: domain.ByClient, Text: "To notice my breath"}, {At: "2025-02-01T10:00:00Z", Author: domain.ByTogether, Text: "To notice when I hold my breath"}}})
	}
	for _, k := range []domain.AgreementKind{domain.RightToStop, domain.TopicGuidelines, domain.Confidentiality} {
		r.Agreements = append(r.Agreements, domain.Agreement{Kind: k, Terms: []domain.AgreementTerm{{Key: "text", Text: "We stop whenever either of us asks, and we talk about what happened before going on. Nothing is asked of you that you have not agreed to."}},
			ConfirmedName: "Zoë", ConfirmedOn: "2025-02-02"})
	}
	return r
}

// longRecord is a record long enough to print on about 30 pages.
func longRecord() domain.ClientRecord {
	r := typicalRecord()
	for i := range 110 {
		it := domain.PlanItem{Kind: domain.Goal, Text: fmt.Sprintf("Goal %d: to feel the ground under my feet when a conversation turns hard, and to stay with it a breath longer", i+1),
			ProposedBy: domain.ByClient, Status: domain.Revised}
		for k := range 3 {
			it.Revisions = append(it.Revisions, domain.Revision{At: "2025-03-01T10:00:00Z", Author: domain.ByClient, Text: fmt.Sprintf("Wording %d of goal %d, as the client said it in session", k+1, i+1)})
		}
		r.Plan = append(r.Plan, it)
	}
	return r
}

func TestLongRecordIsAboutThirtyPages(t *testing.T) {
	n := pageCount(t, render(t, ClientRecord(practice(), Journey{Record: longRecord(), Integration: fullIntegration()}, Options{Date: testDate})))
	if n < 27 || n > 36 {
		t.Fatalf("the long record has %d pages; the benchmark wants about 30", n)
	}
}

func BenchmarkPreparationPacket(b *testing.B) {
	d := Preparation(practice(), Journey{Record: typicalRecord(), Integration: fullIntegration()}, 0, Options{Date: testDate})
	Render(io.Discard, d) // fonts are parsed once per process
	b.ResetTimer()
	for range b.N {
		if err := Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkClientRecord30Pages(b *testing.B) {
	d := ClientRecord(practice(), Journey{Record: longRecord(), Integration: fullIntegration()}, Options{Date: testDate})
	Render(io.Discard, d)
	b.ResetTimer()
	for range b.N {
		if err := Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEveryScript(b *testing.B) {
	d := scriptsDocument()
	Render(io.Discard, d)
	b.ResetTimer()
	for range b.N {
		if err := Render(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
