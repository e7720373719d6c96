package domain

import (
	"fmt"
	"regexp"
	"time"
)

// The offline worksheet is the integration worksheet as one web page the
// client keeps on their own computer or phone (docs/offline-worksheet.md):
// they note their shifts day by day in any browser, with no network, and
// "Send back" writes an age file encrypted to the practice's worksheet
// key, which they e-mail or bring. Tandem, unlocked, opens it with that
// key and offers the entries, in the client's words, to be taken into the
// worksheet.
//
// Each page Tandem writes is an OfflineWorksheet: a random token, shown to
// no one, ties the page (and every file made from it) to one client and
// one medicine session. A returned file naming a token Tandem never gave
// out, or another client's or session's, is refused; entries already taken
// in from an earlier file are recognised by their ids.

// Bounds of a returned file.
const (
	// MaxReturnFile is the largest returned file read, in bytes.
	MaxReturnFile = 4 << 20
	// MaxReturnEntries is the most entries one file may hold.
	MaxReturnEntries = 2000
	// OfflineDays is how many days after the session the page offers.
	OfflineDays = 90
)

// ReturnFormat and ReturnVersion name the returned file's content.
const (
	ReturnFormat  = "tandem-worksheet-return"
	ReturnVersion = 1
	// PageFormat and PageVersion name the page's settings block.
	PageFormat  = "tandem-offline-worksheet"
	PageVersion = 1
)

var (
	offlineToken = regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`)
	entryID      = regexp.MustCompile(`^[0-9a-f]{16,32}$`)
)

// ValidOfflineToken reports whether t has the form of a worksheet token
// (16 random bytes, base64url without padding).
func ValidOfflineToken(t string) bool { return offlineToken.MatchString(t) }

// OfflineWorksheet is one page given to a client: for which client and
// medicine session, under which token, and when.
type OfflineWorksheet struct {
	ID        int64  `json:"id" vis:"shared"`
	ClientID  int64  `json:"clientId" vis:"shared"`
	SessionID int64  `json:"sessionId" vis:"shared"`
	Token     string `json:"-"`
	IssuedAt  string `json:"issuedAt" vis:"shared"`
}

// ReturnEntry is one shift as the client wrote it in the page.
type ReturnEntry struct {
	ID           string `json:"id"`
	NoticedOn    string `json:"noticedOn"`
	Area         Area   `json:"area"`
	Intensity    int    `json:"intensity"`
	JustNoticing bool   `json:"justNoticing"`
	Words        string `json:"words"`
}

// ReturnFile is the decrypted content of a returned file.
type ReturnFile struct {
	Format    string        `json:"format"`
	Version   int           `json:"version"`
	Worksheet string        `json:"worksheet"`
	WrittenAt string        `json:"writtenAt"`
	Entries   []ReturnEntry `json:"entries"`
}

// Validate checks a returned file's content against the session it
// belongs to (its date, sessionDate) and today: the format and version,
// the token's form, and every entry (an id of its own, a date from the
// session's day to today, a known area, an intensity of 1 to 5, words).
// It refuses the whole file at the first problem: a file the page made is
// always whole.
func (f *ReturnFile) Validate(sessionDate, today string) error {
	if f.Format != ReturnFormat || f.Version != ReturnVersion {
		return Errorf(EINVALID, "This is not a worksheet sent back from a Tandem worksheet page (or it comes from a newer Tandem).")
	}
	if !ValidOfflineToken(f.Worksheet) {
		return Errorf(EINVALID, "This file does not name the worksheet it was made from, so it cannot be taken in.")
	}
	if len(f.Entries) > MaxReturnEntries {
		return Errorf(EINVALID, "This file holds more than %d entries, more than a worksheet page makes.", MaxReturnEntries)
	}
	seen := map[string]bool{}
	for i := range f.Entries {
		e := &f.Entries[i]
		bad := func(why string) error {
			return Errorf(EINVALID, "Entry %d of this file %s, so nothing was taken from it.", i+1, why)
		}
		if !entryID.MatchString(e.ID) || seen[e.ID] {
			return bad("has no id of its own")
		}
		seen[e.ID] = true
		d, err := time.Parse(time.DateOnly, e.NoticedOn)
		if err != nil || e.NoticedOn < sessionDate || e.NoticedOn > today || d.Format(time.DateOnly) != e.NoticedOn {
			return bad(fmt.Sprintf("is dated %q, not a day from the session (%s) to today", e.NoticedOn, sessionDate))
		}
		if !e.Area.Valid() {
			return bad("names no known area of life")
		}
		if e.Intensity < MinIntensity || e.Intensity > MaxIntensity {
			return bad("has an intensity outside 1 to 5")
		}
		if e.Words, err = CleanText("words", "The words", e.Words, MaxLongText, true); err != nil {
			return bad("has no words, or words that cannot be kept")
		}
	}
	return nil
}

// Shift is the entry as a shift of the worksheet, written by the client.
func (e ReturnEntry) Shift(clientID, sessionID int64) Shift {
	return Shift{ClientID: clientID, SessionID: sessionID, NoticedOn: e.NoticedOn, Area: e.Area, Description: e.Words,
		JustNoticing: e.JustNoticing, Intensity: e.Intensity, RecordedBy: ByClient}
}

// ReturnPreview is what a returned file holds, before anything is taken
// in: whose it is, and each entry, new or already taken in.
type ReturnPreview struct {
	ClientID    int64          `json:"clientId"`
	ClientName  string         `json:"clientName"`
	SessionID   int64          `json:"sessionId"`
	SessionDate string         `json:"sessionDate"`
	WrittenAt   string         `json:"writtenAt"`
	Entries     []ReturnedItem `json:"entries"`
}

// ReturnedItem is one entry of a returned file, and whether an earlier
// file already brought it in.
type ReturnedItem struct {
	ReturnEntry
	Already bool `json:"already"`
}

// New counts the entries not taken in yet.
func (p ReturnPreview) New() int {
	n := 0
	for _, e := range p.Entries {
		if !e.Already {
			n++
		}
	}
	return n
}
