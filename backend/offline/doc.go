// Package offline makes the files that travel to and from a client with no
// network between (docs/offline-worksheet.md): the offline worksheet page
// and the files it sends back, and the client's own copy of their record
// with the page that opens it.
//
// Page writes one self-contained HTML file for a client and a medicine
// session: its stylesheet and script inline (the script is built from
// frontend/offline by scripts/build-offline.sh and kept in assets/), a
// Content-Security-Policy that allows nothing but those two, no reference
// to any network address, and a settings block naming the page's token,
// the practice's worksheet recipient and the session's date. Open reads a
// file the page saved: it decrypts it with the practice's worksheet
// identity and decodes its content strictly; what it holds is checked
// against the vault by storage.PreviewReturn and AcceptReturn.
//
// NewKey makes a worksheet key (an age X25519 identity and its recipient).
// IssuePage and OpenReturn do what the window and the command line both
// need: give a page out with the vault's key, and open a returned file with it.
//
// WriteOwnCopy writes a client's own copy: files in a tar stream encrypted
// to a passphrase the client chose (age scrypt); ReadOwnCopy opens one.
// OpenerPage is the offline page that opens a copy in a browser. The
// scripts of both pages (frontend/offline) are built into assets/ by
// scripts/build-offline.sh.
package offline
