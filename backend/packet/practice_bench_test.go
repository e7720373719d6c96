package packet_test

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
	"tandem/backend/packet"
	"tandem/backend/storage"
	"tandem/backend/vault/vaulttest"
)

// BenchmarkPracticePackets measures packets made from a vault seeded by
// `tandem demo seed` (scripts/bench.sh makes a ten-year one), named by
// TANDEM_BENCH_VAULT with its passphrase in TANDEM_BENCH_PASSPHRASE_FILE,
// as the app makes them when the therapist asks to print: reading the
// client's record and journey, building the packet and rendering the PDF.
// It reports the median of TANDEM_BENCH_REPS (default 5) of each:
//
//   - prep-ms: the preparation packet (client copy) of the client with the
//     most sessions and shifts;
//   - record-ms: the client's record (therapist copy, everything in it) of
//     the client whose record prints nearest to 30 pages, found once
//     (record-client names it; pass it back as TANDEM_BENCH_RECORD_CLIENT
//     to skip the search), with its page count as record-pages.
func BenchmarkPracticePackets(b *testing.B) {
	db := openPracticeVault(b)
	ctx := context.Background()
	reps := 5
	if n, err := strconv.Atoi(os.Getenv("TANDEM_BENCH_REPS")); err == nil && n > 0 {
		reps = n
	}
	list, err := db.Clients(ctx, domain.ClientFilter{})
	if err != nil {
		b.Fatal(err)
	}
	if len(list) == 0 {
		b.Fatal("the vault has no clients")
	}
	// The clients by the size of their journey, largest first.
	sizes := map[int64]int{}
	for _, c := range list {
		rec, err := db.Integration(ctx, c.ID)
		if err != nil {
			b.Fatal(err)
		}
		sizes[c.ID] = len(rec.Shifts) + len(rec.Sessions)
	}
	ids := make([]int64, 0, len(list))
	for _, c := range list {
		ids = append(ids, c.ID)
	}
	slices.SortStableFunc(ids, func(x, y int64) int { return sizes[y] - sizes[x] })

	mk := func(kind packet.Kind, id int64, cp packet.Copy) []byte {
		pdf, err := makePacket(ctx, db, kind, id, cp)
		if err != nil {
			b.Fatal(err)
		}
		return pdf
	}
	recordClient, _ := strconv.ParseInt(os.Getenv("TANDEM_BENCH_RECORD_CLIENT"), 10, 64)
	if recordClient == 0 {
		recordClient = nearestToPages(ids, 30, func(id int64) int { return pages(mk(packet.RecordPacket, id, packet.TherapistCopy)) })
	}
	mk(packet.PreparationPacket, ids[0], packet.ClientCopy) // fonts are parsed once per process
	median := func(f func()) float64 {
		var ms []float64
		for range reps {
			start := time.Now()
			f()
			ms = append(ms, float64(time.Since(start).Microseconds())/1000)
		}
		slices.Sort(ms)
		return ms[len(ms)/2]
	}
	b.ResetTimer()
	var prep, record float64
	var recordPages int
	for range b.N {
		prep = median(func() { mk(packet.PreparationPacket, ids[0], packet.ClientCopy) })
		record = median(func() { recordPages = pages(mk(packet.RecordPacket, recordClient, packet.TherapistCopy)) })
	}
	b.StopTimer()
	b.ReportMetric(prep, "prep-ms")
	b.ReportMetric(record, "record-ms")
	b.ReportMetric(float64(recordPages), "record-pages")
	b.ReportMetric(float64(recordClient), "record-client")
	b.ReportMetric(0, "ns/op")
}

// nearestToPages finds, among ids sorted from the largest record to the
// smallest, the one whose record prints nearest to want pages, by bisection
// (page counts fall, roughly, along the list).
func nearestToPages(ids []int64, want int, count func(int64) int) int64 {
	best, bestDiff := ids[0], -1
	lo, hi := 0, len(ids)-1
	for lo <= hi {
		mid := (lo + hi) / 2
		n := count(ids[mid])
		if d := abs(n - want); bestDiff < 0 || d < bestDiff {
			best, bestDiff = ids[mid], d
		}
		switch {
		case n == want:
			return ids[mid]
		case n > want:
			lo = mid + 1
		default:
			hi = mid - 1
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

var pageObject = regexp.MustCompile(`/Type /Page\b[^s]`)

// pages counts the page objects of a PDF that fpdf wrote.
func pages(pdf []byte) int { return len(pageObject.FindAll(pdf, -1)) }

// makePacket does what the app does when the therapist prints a packet
// (app/packets.go): it reads the record and the journey, the practice and
// its paper size, builds the packet and renders it.
func makePacket(ctx context.Context, db *storage.DB, kind packet.Kind, clientID int64, cp packet.Copy) ([]byte, error) {
	var j packet.Journey
	var err error
	if j.Record, err = db.ClientRecord(ctx, clientID); err != nil {
		return nil, err
	}
	if j.Integration, err = db.Integration(ctx, clientID); err != nil {
		return nil, err
	}
	p, err := db.Practice(ctx)
	if err != nil {
		return nil, err
	}
	st, err := db.Settings(ctx)
	if err != nil {
		return nil, err
	}
	d, err := packet.Make(p, j, packet.Request{Kind: kind}, packet.Options{Paper: packet.Paper(st.PaperSize), Date: clocktest.Today(), Copy: cp})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := packet.Render(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func openPracticeVault(b *testing.B) *storage.DB {
	b.Helper()
	v, _ := vaulttest.Bench(b)
	db, err := v.DB()
	if err != nil {
		b.Fatal(err)
	}
	return db
}

func TestNearestToPagesBisectsAFallingList(t *testing.T) {
	counts := map[int64]int{1: 80, 2: 55, 3: 41, 4: 33, 5: 28, 6: 12, 7: 3}
	ids := []int64{1, 2, 3, 4, 5, 6, 7}
	var asked []int64
	got := nearestToPages(ids, 30, func(id int64) int { asked = append(asked, id); return counts[id] })
	if got != 5 {
		t.Fatalf("nearest to 30 pages: client %d, want 5 (28 pages)", got)
	}
	if len(asked) > 3 {
		t.Errorf("rendered %d records (%v); bisection needs at most 3 of 7", len(asked), asked)
	}
}

func TestPagesCountsPageObjects(t *testing.T) {
	pdf, err := makeTwoPages()
	if err != nil {
		t.Fatal(err)
	}
	if n := pages(pdf); n != 2 {
		t.Fatalf("counted %d pages, want 2", n)
	}
}

func makeTwoPages() ([]byte, error) {
	var buf bytes.Buffer
	d := packet.Document{Title: "Two pages", Blocks: []packet.Block{packet.Paragraph{Text: "one"}, packet.PageBreak{}, packet.Paragraph{Text: "two"}}}
	err := packet.Render(&buf, d)
	return buf.Bytes(), err
}
