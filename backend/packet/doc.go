// Package packet makes Tandem's printable packets: PDF documents built from
// domain types. It is the only package that knows the PDF library
// (codeberg.org/go-pdf/fpdf) exists.
//
// # Packets
//
// A client's packets are made from a Journey (the client record and the
// sessions, worksheet, patterns and resources); Available says which fit a
// client or one of their sessions, and Make builds the one a Request asks
// for, as a client or therapist copy:
//
//   - Preparation (client copy; therapist copy too): goals and intentions in
//     the client's words with who proposed each, the agreements as last
//     confirmed, the setting plan of the medicine session being prepared (by
//     category, who suggested each element, the client's comfort and the therapist's own; not-wanted
//     elements said so, retired ones left out), practical notes for the day
//     and the resources.
//   - MedicineSessionPacket (therapist copy only): the client's details and
//     emergency contact, medicine details where recorded, the support
//     person, the way home and the therapist's decisions (on the
//     screening's flags, to go ahead with something missing) when written,
//     the intentions held, a setting checklist and a music plan with tick
//     boxes, the informed consent (with lines for both signatures) and the
//     topic, touch, right-to-stop and safety agreements, then the session's
//     log: the entries made in Tandem in time order when there are any,
//     and a sheet to log by hand.
//   - Worksheet (client copy): blank, for the 7, 14 or 30 days after a
//     medicine session, each day dated and numbered (the session's day is
//     day 0, as domain.DayCount counts), the areas of life as a legend.
//   - IntegrationSummary (client copy): shifts by area with day counts,
//     patterns with their status, resources.
//   - ClientRecord (client copy; therapist copy with every private note),
//     with the health and screening and each medicine session's log.
//   - EmergencyCard (therapist copy only): one page in large type with the
//     client's name, pronouns and emergency contact, the practice's
//     contact, the safety plan, and the medications taken now with their
//     doses and the allergies.
//   - RecoveryKit, which is about the vault, not a client.
//
// Receipt (one payment) and Statement (a period) are made from a Billing:
// the client and their domain.ClientFees. They are always client copies,
// with the client's legal name only when asked for.
//
// Each packet is built in the file named after it (preparation.go,
// medicine.go, worksheet.go, summary.go, record.go, emergency.go,
// recoverykit.go, receipts.go); packets.go says which packets there are
// and makes the one a Request asks for. What several of them print is
// shared: words.go holds the words and most sections, agreements.go the
// agreements (the informed consent with its signature lines),
// sessionlog.go a medicine session's log and preparation, health.go the
// health and screening.
//
// # Documents
//
// A packet is first a Document: a title and a flow of blocks (headings,
// paragraphs, labelled fields, tables, checklists, ruled lines for
// handwriting, log sheets, signature lines, a framed secret). Render lays
// the flow out on A4 or US Letter pages in two passes: the first places
// every line and decides the page breaks (a heading stays with what follows
// it, a paragraph's first line is never left alone at the foot of a page, a
// table row taller than the room left is split between lines and the table's
// header is repeated on the next page); the second draws, so every page can
// carry the practice name, the client's chosen name, the date,
// "Confidential" and "Page X of Y". The same Document always gives the same
// bytes. The first pass, and how each kind of block is laid out, is in
// layout.go (a signature line in signature.go); Render, the second pass and
// the running header and footer in render.go; the text itself (shaping,
// wrapping, drawing) in text.go.
//
// Dates are printed as the therapist lives them. A calendar date (a
// session's day, a payment's) is printed as it is; a moment the records
// keep in UTC (when a record was opened, notes signed, an addendum or a
// wording written) is dated in the zone of the packet's date
// (Options.Date, which the app reads from its clock), never in UTC and
// never in the computer's zone behind the caller's back.
//
// Client copies are built from domain.ClientView and domain.View, the one
// visibility filter: the builders here take the full journey and filter it
// themselves, so a caller cannot forget to.
//
// # Scripts and fonts
//
// fpdf embeds TrueType fonts and draws text character by character, with
// no shaping. That is right for Latin (Vietnamese included), Greek,
// Cyrillic, Chinese, Japanese and Korean, and wrong for scripts whose
// letters change shape, join, reorder or stack (Arabic, Hebrew, Devanagari,
// Bengali, Tamil, Thai). So all text goes through one path:
//
//  1. go-text/typesetting splits a paragraph into runs of one direction
//     (Unicode bidirectional algorithm), one script and one font, shapes
//     each run with its HarfBuzz port and wraps the runs into lines at
//     Unicode line-break opportunities, in visual order.
//  2. Runs in a font that needs no shaping, set left to right, are drawn as
//     real text in the embedded font, so pdftotext, search and screen
//     readers get the characters back as written.
//  3. Every other run (a shaped script, or anything set right to left) is
//     drawn as the shaped glyphs' outlines, filled paths in the page. Such a
//     run is wrapped in a marked-content span whose /ActualText holds the
//     run's characters in logical order, for readers that honour it
//     (poppler's pdftotext does not: for it these runs are pictures).
//
// Measures come from the shaper for both kinds of run; the real-text fonts
// carry no kerning or ligature tables, so the viewer's widths and ours
// agree.
//
// The fonts are embedded in the binary (go:embed), made by
// scripts/fonts/make-fonts.py (`make fonts`) from Debian's fonts-noto-core,
// fonts-noto-cjk and fonts-dejavu-core and checked in, so a build needs
// neither the packages nor the script:
//
//   - Noto Sans regular and bold, cut to Latin, Greek, Cyrillic and
//     punctuation (about 160 KB each); DejaVu Sans Mono Bold, ASCII only,
//     for recovery keys.
//   - Noto Naskh Arabic, Noto Sans Hebrew, Devanagari, Bengali, Tamil and
//     Noto Looped Thai, regular and bold, with their shaping tables and
//     without hinting (15–150 KB each).
//   - One CJK font: Noto Sans CJK SC, regular only (bold CJK is drawn with
//     a thin added stroke), converted from CFF to TrueType outlines because
//     fpdf embeds only TrueType (and refuses .ttc collections), and cut to
//     the Han characters of GB 2312, Big5, JIS X 0208 and KS X 1001, all
//     11,172 Hangul syllables, kana, and CJK punctuation and full-width
//     forms: 29,000 glyphs, 7.5 MB, gzip-compressed to 4.2 MB in the binary
//     and decompressed on first use. The whole family (every weight, every
//     region, 65,535 glyphs each) would be over 100 MB. Han characters are
//     drawn in their Simplified Chinese design; Japanese and Korean readers
//     may notice regional differences in a few strokes.
//
// All the fonts together add about 5.3 MB to the binary. A PDF embeds only
// the fonts its text uses, and of those only the glyphs used (fpdf
// subsets); outline-drawn scripts embed no font at all. A character that no
// embedded font has (a rare Han character outside those sets, an emoji)
// prints as U+FFFD, the replacement character, never as an empty box.
//
// Render is safe for concurrent use: fonts are parsed once per process
// and shared read-only; everything else belongs to one call.
package packet
