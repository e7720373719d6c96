package packet

import (
	"strings"
	"time"

	"tandem/backend/domain"
)

// Copy says who a packet is for. A client copy holds only what
// domain.ClientView lets the client see; a therapist copy holds everything.
type Copy string

const (
	ClientCopy    Copy = "client"
	TherapistCopy Copy = "therapist"
)

// Valid reports whether c is a known copy.
func (c Copy) Valid() bool { return c == ClientCopy || c == TherapistCopy }

// Options are what every packet needs besides its content.
type Options struct {
	Paper Paper
	// Date is the packet's date, printed on every page, read from the
	// app's clock. Its zone is the therapist's: the moments the records
	// keep (in UTC) are dated in it, so notes signed at 23:50 are dated
	// that day wherever the practice is. A zero Date dates them in UTC.
	Date time.Time
	Copy Copy // "" is a client copy
}

// zone is where the packet dates moments: the zone of its Date.
func (o Options) zone() *time.Location { return o.Date.Location() }

func (o Options) copy() Copy {
	if o.Copy == "" {
		return ClientCopy
	}
	return o.Copy
}

// Journey is what a client's packets are made from: the record (plan,
// agreements, power map, reflections) and the sessions, worksheet,
// patterns and resources, both in full.
type Journey struct {
	Record      domain.ClientRecord
	Integration domain.IntegrationRecord
}

// view returns the journey as the packet's reader may see it. Every client
// copy goes through here, so through domain.ClientView and domain.View,
// the one visibility filter.
func (o Options) view(j Journey) Journey {
	if o.copy() == TherapistCopy {
		return j
	}
	return Journey{Record: domain.ClientView(j.Record), Integration: domain.View(j.Integration)}
}

func (o Options) document(p domain.Practice, client, title, subtitle string) Document {
	return Document{Title: title, Subtitle: subtitle, Practice: p.Name, Client: client, Date: o.Date, Paper: o.Paper}
}

// Kind is a kind of client packet.
type Kind string

const (
	PreparationPacket Kind = "preparation"
	MedicinePacket    Kind = "medicine"
	WorksheetPacket   Kind = "worksheet"
	SummaryPacket     Kind = "summary"
	RecordPacket      Kind = "record"
	EmergencyPacket   Kind = "emergency"
)

// Kinds are the client packets, in the order they are offered.
var Kinds = []Kind{PreparationPacket, MedicinePacket, WorksheetPacket, SummaryPacket, RecordPacket, EmergencyPacket}

// Titles of the packets, as the therapist chooses among them.
var kindTitles = map[Kind]string{
	PreparationPacket: "Preparation packet",
	MedicinePacket:    "Medicine session packet",
	WorksheetPacket:   "Integration worksheet",
	SummaryPacket:     "Integration summary",
	RecordPacket:      "The client's record",
	EmergencyPacket:   "Emergency card",
}

// Title is k's name as the therapist reads it.
func (k Kind) Title() string { return kindTitles[k] }

// Copies are the copies a kind of packet is made as, the usual one first:
// the medicine session packet and the emergency card are the therapist's;
// the worksheet and the summary are the client's.
func (k Kind) Copies() []Copy {
	switch k {
	case PreparationPacket, RecordPacket:
		return []Copy{ClientCopy, TherapistCopy}
	case MedicinePacket, EmergencyPacket:
		return []Copy{TherapistCopy}
	case WorksheetPacket, SummaryPacket:
		return []Copy{ClientCopy}
	}
	return nil
}

// NeedsMedicineSession reports whether k is made for one medicine session.
func (k Kind) NeedsMedicineSession() bool { return k == MedicinePacket || k == WorksheetPacket }

// WorksheetDays are the lengths of an integration worksheet, in days.
var WorksheetDays = []int{7, 14, 30}

// DefaultWorksheetDays is the length of a worksheet when none is chosen.
const DefaultWorksheetDays = 14

// Request says which packet to make for a client.
type Request struct {
	Kind Kind
	// SessionID is the session the packet is made from or for: required
	// for the medicine session packet and the worksheet (a medicine
	// session); for the summary, it keeps to the shifts after that
	// medicine session; for the preparation packet, it chooses the medicine
	// session being prepared. The record and the emergency card are always
	// made from the whole record.
	SessionID int64
	Days      int // worksheet only: 7, 14 or 30; 0 is DefaultWorksheetDays
}

// Offer is a packet that fits a client (and session), with its copies.
type Offer struct {
	Kind   Kind
	Title  string
	Copies []Copy
}

// Available lists the packets that fit a client's journey and, when
// sessionID is not 0, one of their sessions: the medicine session packet
// and the worksheet need a medicine session.
func Available(j Journey, sessionID int64) ([]Offer, error) {
	var s *domain.Session
	if sessionID != 0 {
		found, err := findSession(j.Integration, sessionID)
		if err != nil {
			return nil, err
		}
		s = &found
	}
	var out []Offer
	for _, k := range Kinds {
		if k.NeedsMedicineSession() && (s == nil || s.Kind != domain.MedicineSession) {
			continue
		}
		out = append(out, Offer{Kind: k, Title: k.Title(), Copies: k.Copies()})
	}
	return out, nil
}

// Make builds the packet r asks for. It refuses a copy the kind is not
// made as, a session that is not the client's, a session of the wrong
// kind, and a worksheet length other than 7, 14 or 30 days.
func Make(p domain.Practice, j Journey, r Request, o Options) (Document, error) {
	if kindTitles[r.Kind] == "" {
		return Document{}, domain.Errorf(domain.EINVALID, "There is no packet called %q.", r.Kind)
	}
	allowed := false
	for _, c := range r.Kind.Copies() {
		allowed = allowed || c == o.copy()
	}
	if !allowed {
		return Document{}, domain.Errorf(domain.EINVALID, "The %s is made only as a %s copy.", strings.ToLower(r.Kind.Title()), r.Kind.Copies()[0])
	}
	var s domain.Session
	if r.SessionID != 0 {
		var err error
		if s, err = findSession(j.Integration, r.SessionID); err != nil {
			return Document{}, err
		}
	}
	if r.Kind.NeedsMedicineSession() {
		if r.SessionID == 0 {
			return Document{}, domain.FieldError("session", "Choose the medicine session this packet is for.")
		}
		if s.Kind != domain.MedicineSession {
			return Document{}, domain.FieldError("session", "The "+strings.ToLower(r.Kind.Title())+" is made for a medicine session; this is a "+string(s.Kind)+" session.")
		}
	}
	if r.Kind != WorksheetPacket && r.Days != 0 {
		return Document{}, domain.FieldError("days", "Only the integration worksheet has a number of days.")
	}
	switch r.Kind {
	case PreparationPacket:
		return Preparation(p, j, r.SessionID, o), nil
	case RecordPacket:
		return ClientRecord(p, j, o), nil
	case MedicinePacket:
		return MedicineSessionPacket(p, j, r.SessionID, o), nil
	case EmergencyPacket:
		return EmergencyCard(p, j, o), nil
	case WorksheetPacket:
		days := r.Days
		if days == 0 {
			days = DefaultWorksheetDays
		}
		if days != 7 && days != 14 && days != 30 {
			return Document{}, domain.FieldError("days", "A worksheet covers 7, 14 or 30 days.")
		}
		return Worksheet(p, j, r.SessionID, days, o), nil
	case SummaryPacket:
		return IntegrationSummary(p, j, r.SessionID, o), nil
	}
	return Document{}, domain.Errorf(domain.EINVALID, "There is no packet called %q.", r.Kind)
}

// findSession finds a session of the journey's client.
func findSession(in domain.IntegrationRecord, id int64) (domain.Session, error) {
	for _, s := range in.Sessions {
		if s.ID == id {
			return s, nil
		}
	}
	return domain.Session{}, domain.Errorf(domain.ENOTFOUND, "This session is not one of this client's sessions, or it no longer exists.")
}

// preparedSession is the medicine session a preparation packet is for:
// sessionID when it is a medicine session, else the earliest medicine
// session whose notes are not signed.
func preparedSession(in domain.IntegrationRecord, sessionID int64) (domain.Session, bool) {
	for _, s := range in.Sessions {
		if s.ID == sessionID && s.Kind == domain.MedicineSession {
			return s, true
		}
	}
	for _, s := range in.Sessions { // oldest first
		if s.Kind == domain.MedicineSession && !s.Finalised() {
			return s, true
		}
	}
	return domain.Session{}, false
}
