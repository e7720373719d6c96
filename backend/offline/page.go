package offline

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"tandem/backend/domain"
)

var (
	//go:embed assets/page.html
	pageHTML string
	//go:embed assets/page.css
	pageCSS string
	//go:embed assets/worksheet.js
	pageJS string
	//go:embed assets/opener.html
	openerHTML string
	//go:embed assets/owncopy.js
	openerJS string
	//go:embed assets/LICENCES.txt
	licences string
)

// PageSettings are what one page is made for. The page shows Client,
// Practice and the session's date; Code names the file it saves.
type PageSettings struct {
	Token       string // the page's token (storage.IssueOfflineWorksheet)
	Recipient   string // the practice's worksheet recipient, age1…
	Practice    string
	Client      string // the client's chosen name
	Code        string // the client's code, T-014
	SessionDate string // the medicine session's date, 2006-01-02
}

// settingsBlock is the page's settings, as the script reads them.
type settingsBlock struct {
	Format      string `json:"format"`
	Version     int    `json:"version"`
	Worksheet   string `json:"worksheet"`
	Recipient   string `json:"recipient"`
	Practice    string `json:"practice"`
	Client      string `json:"client"`
	Code        string `json:"code"`
	SessionDate string `json:"sessionDate"`
	Days        int    `json:"days"`
}

// Page writes the offline worksheet page for s: one HTML file with its
// style and script inline, allowed by a Content-Security-Policy that
// names their hashes and nothing else (no network, no other script, no
// form target). The names and the practice reach the page only inside its
// settings block, as JSON whose <, > and & are escaped, and the script
// shows them as text.
func Page(s PageSettings) ([]byte, error) {
	if !domain.ValidOfflineToken(s.Token) || !strings.HasPrefix(s.Recipient, "age1") {
		return nil, fmt.Errorf("offline page: no token or recipient")
	}
	settings, err := json.Marshal(settingsBlock{Format: domain.PageFormat, Version: domain.PageVersion, Worksheet: s.Token, Recipient: s.Recipient,
		Practice: s.Practice, Client: s.Client, Code: s.Code, SessionDate: s.SessionDate, Days: domain.OfflineDays})
	if err != nil {
		return nil, err
	}
	return []byte(fill(pageHTML, pageJS, string(settings))), nil
}

// OpenerPage is the page that opens a client's own copy (owncopy.go): it
// holds nothing of anyone's, so it is the same for every client, and is
// saved beside a copy. Like Page, it allows nothing but its own style and
// script and refers to no network address.
func OpenerPage() []byte { return []byte(fill(openerHTML, openerJS, "")) }

// fill puts the stylesheet, script, settings and licences into a page
// template, with a Content-Security-Policy that allows exactly that style
// and that script, by their hashes.
func fill(template, script, settings string) string {
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	csp := "default-src 'none'; script-src " + hash(script) + "; style-src " + hash(pageCSS) +
		"; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
	// The licences keep their holders' web addresses as plain names: the page refers to no address.
	about := strings.NewReplacer("https://", "", "http://", "").Replace(licences)
	return strings.NewReplacer(
		"{{CSP}}", csp,
		"{{STYLE}}", pageCSS,
		"{{CONFIG}}", settings,
		"{{LICENCES}}", html.EscapeString(about),
		"{{SCRIPT}}", script,
	).Replace(template)
}
