package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	goruntime "runtime"
	"strings"
	"sync"
	"time"

	"tandem/backend/domain"
	"tandem/backend/packet"
	"tandem/backend/storage"
)

// Packets is bound to the page: which packets fit a client or session,
// printing one (opened in the system's PDF viewer from a private folder)
// and saving one where the therapist chooses. Like Clients, it refuses
// while co-creation mode is on.
type Packets struct {
	s *Shell
}

// NewPackets returns the Packets binding.
func NewPackets(s *Shell) *Packets {
	return &Packets{s: s}
}

// PacketChoice is a packet that fits, with the copies it is made as (the
// usual one first) and, for the worksheet, the lengths it comes in.
type PacketChoice struct {
	Kind   string   `json:"kind"`
	Title  string   `json:"title"`
	Copies []string `json:"copies"`
	Days   []int    `json:"days"`
}

// Available lists the packets that fit a client and, when sessionID is not
// 0, one of their sessions.
func (b *Packets) Available(clientID, sessionID int64) ([]PacketChoice, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]PacketChoice, error) {
		j, err := journey(ctx, db, clientID)
		if err != nil {
			return nil, err
		}
		offers, err := packet.Available(j, sessionID)
		if err != nil {
			return nil, err
		}
		out := make([]PacketChoice, 0, len(offers))
		for _, o := range offers {
			c := PacketChoice{Kind: string(o.Kind), Title: o.Title, Days: []int{}}
			for _, cp := range o.Copies {
				c.Copies = append(c.Copies, string(cp))
			}
			if o.Kind == packet.WorksheetPacket {
				c.Days = packet.WorksheetDays
			}
			out = append(out, c)
		}
		return out, nil
	})
}

// Print makes a packet, writes it into the private print folder under a
// neutral random name and opens it in the system's PDF viewer, from which
// the therapist prints. The folder is emptied at lock and at quit.
func (b *Packets) Print(kind string, clientID, sessionID int64, copy string, days int) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		// A lock while the packet is made empties the folder first: the
		// packet must not land in it afterwards.
		epoch := b.s.prints.current()
		pdf, err := makePacket(ctx, db, b.s.now(), kind, clientID, sessionID, copy, days)
		if err != nil {
			return false, err
		}
		return b.s.prints.print(pdf, epoch)
	})
}

// SaveAs makes a packet and saves it where the therapist chooses in the
// native save dialog, under a neutral suggested name (the kind of packet,
// never the client's name). It returns false when the dialog was
// cancelled.
func (b *Packets) SaveAs(kind string, clientID, sessionID int64, copy string, days int) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		pdf, err := makePacket(ctx, db, b.s.now(), kind, clientID, sessionID, copy, days)
		if err != nil {
			return false, err
		}
		return saveAs(b.s, "Save the packet", SuggestedName(packet.Kind(kind), packet.Copy(copy)), "PDF document (*.pdf)", "*.pdf", pdf)
	})
}

// PacketPreview is a packet as the print dialog previews it: its title and
// its blocks, the same words in the same order as the PDF.
type PacketPreview struct {
	Title    string                `json:"title"`
	Subtitle string                `json:"subtitle"`
	Blocks   []packet.OutlineBlock `json:"blocks"`
}

// Preview builds a packet as Print would and returns its outline, so that
// the therapist can see what a copy holds (above all the client's) before
// printing it.
func (b *Packets) Preview(kind string, clientID, sessionID int64, copy string, days int) (PacketPreview, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (PacketPreview, error) {
		d, err := makeDocument(ctx, db, b.s.now(), kind, clientID, sessionID, copy, days)
		if err != nil {
			return PacketPreview{}, err
		}
		return PacketPreview{Title: d.Title, Subtitle: d.Subtitle, Blocks: packet.Outline(d)}, nil
	})
}

// SuggestedName is the neutral file name offered when saving a packet:
// what kind of packet it is, never whose.
func SuggestedName(k packet.Kind, c packet.Copy) string {
	name := map[packet.Kind]string{
		packet.PreparationPacket: "preparation-packet", packet.MedicinePacket: "medicine-session-packet",
		packet.WorksheetPacket: "integration-worksheet", packet.SummaryPacket: "integration-summary", packet.RecordPacket: "client-record",
		packet.EmergencyPacket: "emergency-card",
	}[k]
	if name == "" {
		name = "packet"
	}
	if c == packet.TherapistCopy && len(k.Copies()) > 1 {
		name += "-therapist-copy"
	}
	return name + ".pdf"
}

func journey(ctx context.Context, db *storage.DB, clientID int64) (packet.Journey, error) {
	var j packet.Journey
	var err error
	if j.Record, err = db.ClientRecord(ctx, clientID); err != nil {
		return j, err
	}
	j.Integration, err = db.Integration(ctx, clientID)
	return j, err
}

// makePacket builds and renders a packet on the practice's paper.
func makePacket(ctx context.Context, db *storage.DB, now time.Time, kind string, clientID, sessionID int64, copy string, days int) ([]byte, error) {
	d, err := makeDocument(ctx, db, now, kind, clientID, sessionID, copy, days)
	if err != nil {
		return nil, err
	}
	return renderPDF(d)
}

// makeDocument builds a packet on the practice's paper, before layout.
func makeDocument(ctx context.Context, db *storage.DB, now time.Time, kind string, clientID, sessionID int64, copy string, days int) (packet.Document, error) {
	cp := packet.Copy(copy)
	if copy == "" && len(packet.Kind(kind).Copies()) > 0 {
		cp = packet.Kind(kind).Copies()[0]
	}
	if !cp.Valid() {
		return packet.Document{}, domain.FieldError("copy", "Choose the client's copy or the therapist's copy.")
	}
	j, err := journey(ctx, db, clientID)
	if err != nil {
		return packet.Document{}, err
	}
	p, paper, err := practicePaper(ctx, db)
	if err != nil {
		return packet.Document{}, err
	}
	return packet.Make(p, j, packet.Request{Kind: packet.Kind(kind), SessionID: sessionID, Days: days},
		packet.Options{Paper: paper, Date: now, Copy: cp})
}

// practicePaper reads what every printed document carries: the practice's
// profile and the paper size set for it.
func practicePaper(ctx context.Context, db *storage.DB) (domain.Practice, packet.Paper, error) {
	p, err := db.Practice(ctx)
	if err != nil {
		return p, "", err
	}
	st, err := db.Settings(ctx)
	return p, packet.Paper(st.PaperSize), err
}

// renderPDF lays out a document as PDF.
func renderPDF(d packet.Document) ([]byte, error) {
	var buf bytes.Buffer
	if err := packet.Render(&buf, d); err != nil {
		return nil, domain.Wrap(domain.EINTERNAL, "Tandem could not make this packet.", err)
	}
	return buf.Bytes(), nil
}

// printFolder is the private folder (0700) that packets opened for
// printing are written to, each under a random name (packet-….pdf). It is
// emptied when the vault locks, when Tandem quits, and when it starts
// (after a crash). It lives in the user's cache folder rather than the
// shared temporary folder, where sandboxed PDF viewers often cannot read.
type printFolder struct {
	mu  sync.Mutex
	dir string // "" when the system has no cache or temporary folder
	// epoch counts the times the folder was emptied: a packet begun before
	// an emptying (a lock) is not written after it.
	epoch uint64
	// open shows a file in the system's PDF viewer; tests replace it.
	open func(path string) error
}

func newPrintFolder() *printFolder {
	base, err := os.UserCacheDir()
	if err != nil || base == "" {
		base = os.TempDir()
	}
	return &printFolder{dir: filepath.Join(base, "tandem", "print"), open: openInViewer}
}

// current returns the folder's epoch, to hand to write with the packet.
func (f *printFolder) current() uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.epoch
}

// write writes pdf to a new file in the folder, creating the folder (0700)
// if needed, and returns its path. A packet begun at an epoch the folder
// has since left (it was emptied: the vault locked) is refused with
// ELOCKED and nothing is written.
func (f *printFolder) write(pdf []byte, epoch uint64) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.epoch != epoch {
		return "", domain.Errorf(domain.ELOCKED, "Tandem locked while the packet was being made, so it was not kept for printing. Unlock and print it again.")
	}
	fail := func(err error) (string, error) {
		return "", domain.Wrap(domain.EINTERNAL, "Tandem could not prepare the packet for printing. Use Save as… instead.", err)
	}
	if f.dir == "" {
		return fail(errors.New("no folder for printing"))
	}
	if err := os.MkdirAll(f.dir, 0o700); err != nil {
		return fail(err)
	}
	// The folder must be a real folder of ours, readable by no one else,
	// whatever was there before.
	fi, err := os.Lstat(f.dir)
	if err != nil {
		return fail(err)
	}
	if !fi.IsDir() {
		return fail(fmt.Errorf("%s is not a folder", f.dir))
	}
	if err := os.Chmod(f.dir, 0o700); err != nil {
		return fail(err)
	}
	file, err := os.CreateTemp(f.dir, "packet-*.pdf") // mode 0600, random name
	if err != nil {
		return fail(err)
	}
	_, werr := file.Write(pdf)
	if cerr := file.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(file.Name())
		return fail(werr)
	}
	return file.Name(), nil
}

// print writes pdf into the folder (see write) and opens it in the PDF
// viewer.
func (f *printFolder) print(pdf []byte, epoch uint64) (bool, error) {
	path, err := f.write(pdf, epoch)
	if err != nil {
		return false, err
	}
	if err := f.open(path); err != nil {
		return false, domain.Wrap(domain.EINTERNAL, "The document was made, but no PDF viewer could be opened to print it. Use Save as… and print the file from there.", err)
	}
	return true, nil
}

// empty removes everything in the folder. A failure is logged, not
// returned: locking must not wait on it.
func (f *printFolder) empty() {
	if f == nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.epoch++
	if f.dir == "" {
		return
	}
	entries, err := os.ReadDir(f.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		log.Printf("tandem: the print folder could not be emptied: %v", err)
		return
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(f.dir, e.Name())); err != nil {
			log.Printf("tandem: a printed packet could not be removed: %v", err)
		}
	}
}

// openInViewer opens a file with the system's default application, or
// with the program named by TANDEM_PRINT_COMMAND when it is set (the
// end-to-end tests set a harmless one). The program is run directly, never
// through a shell, with the path as its one argument.
func openInViewer(path string) error {
	var cmd *exec.Cmd
	if name := strings.TrimSpace(os.Getenv("TANDEM_PRINT_COMMAND")); name != "" {
		cmd = exec.Command(name, path)
	} else {
		switch goruntime.GOOS {
		case "darwin":
			cmd = exec.Command("open", path)
		case "windows":
			cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
		default:
			cmd = exec.Command("xdg-open", path)
		}
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it; the viewer outlives the call
	return nil
}
