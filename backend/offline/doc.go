// Package offline makes the offline worksheet page and opens the files
// it sends back (docs/offline-worksheet.md).
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
package offline
